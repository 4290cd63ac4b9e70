"""The file's schema compared with the one this app creates for its version.

A ``.kompass`` file is an SQLite database anyone can edit.  Objects we did not create can
change what our own writes do: a trigger ``AFTER UPDATE ON scores BEGIN DELETE FROM notes;
END`` would delete every note at the next score edit.  So before anything is written the whole
schema (tables, indexes, triggers, views) is compared with the expected one for the file's
``user_version``.  The expected schema is not kept by hand: it is built by running the
migrations of :mod:`.schema` on an empty in-memory database.

* Triggers, views and indexes hold no data.  Foreign ones are removed and changed or missing
  ones of ours are re-created (:func:`neutralise`), before any other write.
* A table that is foreign, changed or missing cannot be repaired without guessing; such a file
  is refused for writing (read-only opens report the difference).
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass

from ..domain.messages import Message, joined_at_most, msg
from .schema import FTS_TABLES, MIGRATIONS, migrate

_KIND_SV = {
    "table": msg("tabellen"),
    "index": msg("indexet"),
    "trigger": msg("utlösaren"),
    "view": msg("vyn"),
}
#: Written by ANALYZE; statistics only, they change no data and run no code.
_IGNORED_PREFIX = "sqlite_stat"


@dataclass(frozen=True, slots=True)
class SchemaObject:
    type: str  # table | index | trigger | view
    name: str
    table: str
    sql: str | None

    def same_as(self, other: SchemaObject) -> bool:
        return (self.type, self.table, _normal(self.sql)) == (other.type, other.table, _normal(other.sql))


@dataclass(frozen=True, slots=True)
class SchemaDifference:
    problem: str  # "foreign" | "changed" | "missing"
    object: SchemaObject

    @property
    def repairable(self) -> bool:
        """Triggers, views and indexes can be removed or re-created without touching data."""
        return self.object.type in ("trigger", "view", "index")

    def describe(self) -> Message:
        obj = self.object
        kind = _KIND_SV.get(obj.type, obj.type)
        if obj.type in ("trigger", "index") and obj.table:
            label = msg("{kind} ”{name}” (på {table})", kind=kind, name=obj.name, table=obj.table)
        else:
            label = msg("{kind} ”{name}”", kind=kind, name=obj.name)
        if self.problem == "foreign":
            return msg("{label} kommer inte från Kompass Desktop", label=label)
        if self.problem == "changed":
            if obj.type == "index":  # "indexet" is neuter
                return msg("{label} är ändrat", label=label)
            return msg("{label} är ändrad", label=label)
        if self.problem == "missing":
            return msg("{label} saknas", label=label)
        raise KeyError(self.problem)


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _objects(conn: sqlite3.Connection) -> dict[str, SchemaObject]:
    """The file's schema objects; a type is compared as SQLite reads it (in any case: another
    program may have written "VIEW" or "Table" into sqlite_master, and SQLite takes it as such)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {
        str(name): SchemaObject(str(kind).lower(), str(name), str(table), sql)
        for kind, name, table, sql in rows
        if not str(name).startswith(_IGNORED_PREFIX)
    }


def expected_schema(version: int) -> dict[str, SchemaObject]:
    """What the migrations create for ``version``, built fresh in memory (once per set of
    migrations: the cache key holds the migration functions themselves)."""
    return dict(_expected(version, tuple(MIGRATIONS[v] for v in range(1, version + 1))))


@functools.lru_cache(maxsize=8)
def _expected(version: int, _migrations: tuple[object, ...]) -> dict[str, SchemaObject]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, 0, version)
        return _objects(conn)
    finally:
        conn.close()


def compare_schema(conn: sqlite3.Connection, version: int) -> list[SchemaDifference]:
    """Every difference between the file's schema and the expected one for ``version``."""
    expected = expected_schema(version)
    actual = _objects(conn)
    found = []
    for name, obj in sorted(actual.items()):
        if name not in expected:
            found.append(SchemaDifference("foreign", obj))
        elif not obj.same_as(expected[name]):
            found.append(SchemaDifference("changed", obj))
    found.extend(
        SchemaDifference("missing", obj) for name, obj in sorted(expected.items()) if name not in actual
    )
    return found


def describe_all(differences: list[SchemaDifference], limit: int = 6) -> Message:
    return joined_at_most([d.describe() for d in differences], limit)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def neutralise(conn: sqlite3.Connection, version: int, differences: list[SchemaDifference]) -> None:
    """Remove foreign triggers, views and indexes; re-create ours where changed or missing.

    One transaction on a connection in autocommit mode; tables are never touched (callers
    refuse files whose tables differ).
    """
    if not differences:
        return
    if any(not d.repairable for d in differences):
        raise ValueError("tables differ: refuse the file instead")
    expected = expected_schema(version)
    order = {"trigger": 0, "view": 1, "index": 2}
    touched_tables = set()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for diff in sorted(differences, key=lambda d: order[d.object.type]):
            obj = diff.object
            if diff.problem != "missing":
                conn.execute(f"DROP {obj.type.upper()} IF EXISTS {_quote(obj.name)}")
            if diff.problem != "foreign":
                sql = expected[obj.name].sql
                assert sql is not None
                conn.execute(sql)
            touched_tables.add(obj.table)
        for table, fts in FTS_TABLES.items():
            if table in touched_tables:  # an FTS trigger may have been missing or wrong
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
