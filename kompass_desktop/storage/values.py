"""Damaged values inside a sound database: found at open, named with what and where.

SQLite's own checks see pages and b-trees, not meaning.  Here every record is read the way the
app reads it (with the parsers of :mod:`kompass_desktop.domain.stored`) plus the SQL types the
schema declares, and every problem is reported as "where: what" in Swedish.  A file with
damaged values is refused before anything is written (see :func:`.opening.open_evaluation_file`);
a damaged optional setting is reported and not used.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from ..domain.messages import Message, msg
from ..domain.stored import (
    JSON_RULES,
    VALUE_RULES,
    finite_number,
    parse_json,
    parse_stored_framework,
    parse_stored_national,
)
from .schema import RECORD_TABLES

NATIONAL_META = "national_average"

_RECORD_SV = {
    "evaluation": msg("utvärderingen"),
    "scores": msg("poängposten"),
    "texts": msg("texten"),
    "notes": msg("anteckningen"),
    "findings": msg("iakttagelsen"),
    "finding_notes": msg("länken"),
    "interviews": msg("intervjun"),
    "documents": msg("dokumentet"),
    "web_sources": msg("webbkällan"),
    "earlier_evaluations": msg("den tidigare utvärderingen"),
    "independent_scores": msg("den egna poängen"),
}


def where(table: str, row: dict[str, Any]) -> Message:
    """A reader's name for one record: "poängen för delfråga 1.1", "anteckningen 3f2a9c1e"."""
    if table == "scores" and isinstance(row.get("subarea"), str):
        return msg("poängen för delfråga {subarea}", subarea=row["subarea"])
    if table == "independent_scores" and isinstance(row.get("subarea"), str):
        evaluator = row.get("evaluator")
        if not evaluator:
            return msg("poängen för delfråga {subarea} av en utvärderare", subarea=row["subarea"])
        return msg(
            "poängen för delfråga {subarea} av {evaluator}", subarea=row["subarea"], evaluator=evaluator
        )
    if table == "texts" and isinstance(row.get("scope"), str):
        ref = row.get("ref") or ""
        if ref:
            return msg("texten {scope} {ref}", scope=row["scope"], ref=ref)
        return msg("texten {scope}", scope=row["scope"])
    if table == "evaluation":
        return msg("utvärderingen")
    return msg("{record} {id}", record=_RECORD_SV.get(table, table), id=str(row.get("id") or "?")[:8])


def _type_ok(declared: str, notnull: bool, value: Any) -> bool:
    if value is None:
        return not notnull
    declared = declared.upper()
    if isinstance(value, bytes):
        return False
    if declared == "INTEGER":
        return isinstance(value, int)
    if declared == "REAL":
        return finite_number(value)
    if declared == "TEXT":
        return isinstance(value, str)
    return True


_SQL_TYPES = {"INTEGER": ("integer",), "REAL": ("real", "integer"), "TEXT": ("text",)}


def _type_condition(name: str, declared: str, notnull: bool) -> str | None:
    """SQL that is true when the column holds a value of its declared type (finite for REAL)."""
    allowed = _SQL_TYPES.get(declared.upper())
    if allowed is None:
        return None
    kinds = ", ".join(f"'{k}'" for k in (*allowed, *(() if notnull else ("null",))))
    condition = f'typeof("{name}") IN ({kinds})'
    if declared.upper() == "REAL":
        condition += f' AND coalesce(abs("{name}") < 9e999, 1)'
    return condition


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, bool]]:
    """(name, declared type, whether a value is required): NOT NULL, or part of the primary key
    (SQLite lets a TEXT PRIMARY KEY be NULL; a record without its id cannot be merged or undone)."""
    return [
        (str(r[1]), str(r[2]), bool(r[3]) or bool(r[5])) for r in conn.execute(f"PRAGMA table_info({table})")
    ]


def record_problems(conn: sqlite3.Connection, table: str) -> list[str]:
    """Values of the wrong SQL type (found by SQL: only offending rows are read), then the
    domain rules for JSON and coded columns.  Deleted records too: undo and merge use them."""
    columns = _columns(conn, table)
    if not columns:
        return []  # a missing table is a schema problem, reported there
    names = [c[0] for c in columns]
    problems: list[str] = []
    conditions = [c for c in (_type_condition(*col) for col in columns) if c]
    if conditions:
        sql = f"SELECT * FROM {table} WHERE NOT ({' AND '.join(conditions)})"
        for values in conn.execute(sql):
            row = dict(zip(names, values, strict=True))
            for name, declared, notnull in columns:
                if row[name] is None and notnull:
                    problems.append(msg("{where}: fältet {name} saknas", where=where(table, row), name=name))
                elif not _type_ok(declared, notnull, row[name]):
                    shown = repr(row[name])[:30]
                    problems.append(
                        msg(
                            "{where}: fältet {name} ({shown}) är inte av typen {declared}",
                            where=where(table, row),
                            name=name,
                            shown=shown,
                            declared=declared,
                        )
                    )
    rules: dict[str, Callable[[Any], None]] = dict(VALUE_RULES.get(table, {}))
    for name in RECORD_TABLES[table]:
        shape = JSON_RULES.get(table, {}).get(name)
        rules[name] = _json_rule(shape)
    rules = {name: rule for name, rule in rules.items() if name in names}
    if not rules:
        return problems
    context = [n for n in ("id", "subarea", "evaluator", "scope", "ref") if n in names]
    selected = [*context, *rules]
    for values in conn.execute(f"SELECT {', '.join(chr(34) + n + chr(34) for n in selected)} FROM {table}"):
        row = dict(zip(selected, values, strict=True))
        for name, rule in rules.items():
            try:
                rule(row[name])
            except ValueError as err:
                problems.append(
                    msg("{where}: fältet {name}: {err}", where=where(table, row), name=name, err=err)
                )
    return problems


def _json_rule(shape: Callable[[Any], None] | None) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if value is None:
            return
        decoded = parse_json(value)
        if shape is not None:
            shape(decoded)

    return check


def framework_problems(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT data FROM framework_copy").fetchall()
    if len(rows) != 1:
        return [msg("ramverkskopian: {n} kopior (väntade 1)", n=len(rows))]
    try:
        parse_stored_framework(rows[0][0])
    except ValueError as err:
        return [msg("ramverkskopian (tabellen framework_copy): {err}", err=err)]
    return []


def setting_problems(conn: sqlite3.Connection) -> list[str]:
    """Damaged stored settings (the chosen national average).  They are optional: the file still
    opens, the setting is not used, and the problem is reported (open notices, ``validate``)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (NATIONAL_META,)).fetchone()
    if row is None:
        return []
    try:
        parse_stored_national(row[0])
    except ValueError as err:
        return [msg("inställningen {key} (tabellen meta): {err}", key=NATIONAL_META, err=err)]
    return []


def value_problems(conn: sqlite3.Connection) -> list[str]:
    """Every damaged value in the record tables and the framework copy (the file is refused)."""
    problems = framework_problems(conn)
    for table in RECORD_TABLES:
        problems.extend(record_problems(conn, table))
    return problems


def history_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Versions in the history table that no longer parse (checked by ``validate``)."""
    problems: list[str] = []
    for seq, record_id, data in conn.execute("SELECT seq, record_id, data FROM history ORDER BY seq"):
        try:
            decoded = json.loads(data) if isinstance(data, str) else None
        except (json.JSONDecodeError, RecursionError):
            decoded = None
        if not isinstance(decoded, dict):
            problems.append(
                msg("historiken, version {seq} av post {id}: ogiltig JSON", seq=seq, id=str(record_id)[:8])
            )
            if len(problems) >= limit:
                break
    return problems
