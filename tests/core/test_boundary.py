"""Only kompass_desktop.gui (and the app entry point) may import Qt."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

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


def test_sql_lives_only_in_storage():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "storage":
            continue
        text = path.read_text(encoding="utf-8")
        for keyword in ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE"):
            if keyword in text:
                offenders.append(f"{rel}: {keyword.strip()}")
    assert offenders == []


def test_modules_stay_readable():
    too_long = [
        f"{p.relative_to(PACKAGE)}: {n}"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 650
    ]
    assert too_long == []
