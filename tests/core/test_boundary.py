"""Only kompass_desktop.gui (and the app entry point) may import Qt."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "kompass_desktop"
CORE = ["domain", "storage", "services", "report", "exchange"]
QT = ("PySide6", "pyqtgraph", "shiboken6")


def test_importing_the_core_and_the_cli_loads_no_qt():
    modules = [f"kompass_desktop.{name}" for name in CORE] + ["kompass_desktop.cli", "kompass_desktop.demo"]
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts
        if parts[1] in CORE and parts[-1] != "__main__":
            modules.append(".".join(p for p in parts if p != "__init__"))
    code = (
        "import importlib, json, sys\n"
        f"for m in {sorted(set(modules))!r}: importlib.import_module(m)\n"
        "from kompass_desktop.cli import build_parser; build_parser()\n"
        f"print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in {QT!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []
    assert len(modules) > 15  # the scan really found the core modules


def test_no_qt_import_statement_outside_gui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "gui" or rel.name == "app.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in QT for n in names):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


def _imported_modules(path: Path, package: str = "") -> list[tuple[int, str]]:
    """Every module an import statement in ``path`` (a module of ``package``) names, as absolute
    dotted names."""
    package = package or ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{a.name}") for a in node.names]  # from .. import storage
    return found


def test_the_gui_imports_nothing_from_storage():
    """The GUI reaches the file only through the services (errors and folders included)."""
    offenders = []
    checked = 0
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] != "gui" and rel.name != "app.py":
            continue
        checked += 1
        for line, module in _imported_modules(path):
            if module == "kompass_desktop.storage" or module.startswith("kompass_desktop.storage."):
                offenders.append(f"{rel}:{line} {module}")
    assert offenders == []
    assert checked > 20


def test_the_import_scanner_sees_every_form_of_import(tmp_path):
    sample = tmp_path / "sample.py"
    forms = {
        "from ..storage.db import EvaluationFile": "kompass_desktop.storage.db",
        "from .. import storage": "kompass_desktop.storage",
        "import kompass_desktop.storage.backup": "kompass_desktop.storage.backup",
        "from ..storage import backup as b": "kompass_desktop.storage",
    }
    for statement, module in forms.items():
        sample.write_text(statement + "\n", encoding="utf-8")
        assert module in [m for _, m in _imported_modules(sample, "kompass_desktop.gui")], statement


#: What SQL looks like in a string: statements, clauses and the shapes of conditions.
SQL = re.compile(
    r"\b(select\s.+\sfrom|insert\s+(or\s+\w+\s+)?into|update\s+\w+\s+set|delete\s+from"
    r"|(create|drop|alter)\s+(table|index|trigger|view)|pragma\s+\w+|order\s+by|group\s+by"
    r"|where\s+\w+\s*(=|<|>|!|\bis\b|\bin\b|\blike\b)|is\s+(not\s+)?null)\b"
    r"|\b\w+\s*(=|<>|!=|<=|>=|<|>)\s*(\?|:\w+)"
    r"|\b\w+\s*(=|<>|!=)\s*\S+\s+(and|or)\s+\w+\s*(=|<>|!=|<|>|is\b)",
    re.IGNORECASE | re.DOTALL,
)
DATABASE_MODULES = ("sqlite3", "sqlite_utils", "apsw")
DATABASE_CALLS = ("execute", "executemany", "executescript")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_offences(source: str) -> list[str]:
    """SQL outside storage: a database module imported, a database call made, or a string that
    looks like SQL (not counting docstrings)."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{node.lineno}: imports {n}" for n in names if n.split(".")[0] in DATABASE_MODULES]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in DATABASE_CALLS:
                found.append(f"{node.lineno}: calls .{node.func.attr}()")
            found += [
                f"{node.lineno}: passes {k.arg}=" for k in node.keywords if k.arg in ("where", "order_by")
            ]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            found += [f"{node.lineno}: {node.value[:60]!r}"] if SQL.search(node.value) else []
    return found


def test_sql_lives_only_in_storage():
    offenders = []
    checked = 0
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "storage":
            continue
        checked += 1
        offenders += [f"{rel}:{o}" for o in sql_offences(path.read_text(encoding="utf-8"))]
    assert offenders == []
    assert checked > 50


@pytest.mark.parametrize(
    "source",
    [
        'repo.load_notes(f, "deleted = 0 AND subarea IS NULL")',
        'f.rows("notes", "subarea = ?", (s,))',
        'f.rows("interviews", order_by="date, start")',
        "f.query('PRAGMA integrity_check')",
        'f.conn.execute("x")',
        "import sqlite3",
        "from sqlite_utils import Database",
        'x = f"SELECT id FROM {table} WHERE a = 1"',
        'sql = "delete from notes"',
        'flt = "deleted = 0 AND area = 3"',
        'q = "INSERT OR REPLACE INTO meta (key) VALUES (?)"',
    ],
)
def test_the_sql_check_sees_sql_in_every_form(source):
    assert sql_offences(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Docstring: SELECT rows WHERE needed, ORDER BY date."""',
        'label = "Välj var anteckningen ska sparas"',
        'message = f"{n} poäng av {m}"',
        "queries.notes(f, subarea=sub)",
        'html = "<table border=1 cellpadding=4 width=100%>"',
        'text = "Sparas till {0} där poängen = 5 eller mer"',
    ],
)
def test_the_sql_check_leaves_ordinary_text_alone(source):
    assert sql_offences(source) == []


def _import_graph(layer: str) -> dict[str, set[str]]:
    """Module -> the modules of the same layer it imports (anywhere in it, at top or in functions)."""
    graph: dict[str, set[str]] = {}
    prefix = f"kompass_desktop.{layer}."
    for path in (PACKAGE / layer).glob("*.py"):
        name = prefix + path.stem
        targets = {m for _, m in _imported_modules(path) if m.startswith(prefix)}
        modules = {".".join(m.split(".")[:3]) for m in targets}
        graph[name] = {m for m in modules if (PACKAGE / layer / f"{m.split('.')[2]}.py").exists()} - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


@pytest.mark.parametrize("layer", ["domain", "storage", "services", "exchange", "report"])
def test_no_import_cycles_inside_a_layer(layer):
    graph = _import_graph(layer)
    assert len(graph) > 3
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_modules_stay_readable():
    too_long = [
        f"{p.relative_to(PACKAGE)}: {n}"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 650
    ]
    assert too_long == []
