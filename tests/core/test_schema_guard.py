"""A .kompass file is a database anyone can edit: schema objects we did not create are found
and neutralised before anything is written, and damaged values are named with what and where."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
from support import child_timeout, run_sql

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage import schema
from kompass_desktop.storage.errors import CorruptFile, ForeignSchema
from kompass_desktop.storage.schemacheck import SchemaDifference, SchemaObject, expected_schema


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(session):
    session.scores.set("1.1", 5)
    for i in range(3):
        session.notes.add(f"anteckning {i} om ägarstyrning", "1.1")
    path = session.path
    session.close()
    return path


def test_the_expected_schema_comes_from_the_migrations(monkeypatch):
    """Not a hand-kept copy: a new migration changes what is expected for its version."""
    one = expected_schema(1)
    assert {"scores", "notes", "notes_ai", "notes_fts", "history_record"} <= set(one)

    def migrate_2(conn):
        conn.execute("CREATE INDEX notes_author ON notes (author)")

    monkeypatch.setitem(schema.MIGRATIONS, 2, migrate_2)
    assert set(expected_schema(2)) - set(one) == {"notes_author"}
    assert "notes_author" not in expected_schema(1)


def test_a_trigger_that_deletes_every_note_never_fires(saved, capsys):
    """The attack from the issue: it passed validate, and the next score edit deleted all notes."""
    run_sql(saved, "CREATE TRIGGER wipe AFTER UPDATE ON scores BEGIN DELETE FROM notes; END")
    before = digest(saved)
    assert main(["validate", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "utlösaren ”wipe” (på scores) kommer inte från Kompass Desktop" in err
    assert digest(saved) == before  # read-only: reported, nothing changed
    csv = saved.with_name("p.csv")
    csv.write_text("1.1;3\n", encoding="utf-8")
    proc = subprocess.run(  # the command line tells the user what was removed (on stderr)
        [sys.executable, "-m", "kompass_desktop.cli", "import-scores", str(saved), str(csv)],
        capture_output=True,
        text=True,
        timeout=child_timeout(60),
    )
    assert proc.returncode == 0, proc.stderr
    assert "utlösaren ”wipe” (på scores) kommer inte från Kompass Desktop" in proc.stderr
    assert "togs bort innan något annat skrevs" in proc.stderr
    with EvaluationSession.open(saved) as s:
        assert s.scores.all()["1.1"] == 3 and len(s.notes.all()) == 3
        s.scores.set("1.1", 4)
        assert len(s.notes.all()) == 3
    assert main(["validate", str(saved)]) == 0


FOREIGN = {
    "trigger on insert": (
        ["CREATE TRIGGER sneaky AFTER INSERT ON notes BEGIN DELETE FROM scores; END"],
        "utlösaren ”sneaky” (på notes) kommer inte från Kompass Desktop",
    ),
    "view": (["CREATE VIEW alla AS SELECT * FROM notes"], "vyn ”alla” kommer inte från Kompass Desktop"),
    "view with quotes in its name": (
        ['CREATE VIEW "alla ""nya"" anteckningar" AS SELECT * FROM notes'],
        'vyn ”alla "nya" anteckningar” kommer inte från Kompass Desktop',
    ),
    "unique index": (
        ["CREATE UNIQUE INDEX en_per_delfraga ON notes (subarea) WHERE body LIKE 'ny%'"],
        "indexet ”en_per_delfraga” (på notes) kommer inte från Kompass Desktop",
    ),
    "our trigger changed": (
        [
            "DROP TRIGGER notes_ai",
            "CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN DELETE FROM scores; END",
        ],
        "utlösaren ”notes_ai” (på notes) är ändrad",
    ),
    "our trigger missing": (["DROP TRIGGER notes_ai"], "utlösaren ”notes_ai” (på notes) saknas"),
    "our index changed": (
        [
            "DROP INDEX notes_subarea",
            "CREATE UNIQUE INDEX notes_subarea ON notes (subarea) WHERE body LIKE 'ny%'",
        ],
        "indexet ”notes_subarea” (på notes) är ändrat",  # neuter
    ),
}


@pytest.mark.parametrize("case", sorted(FOREIGN))
def test_foreign_or_changed_triggers_views_and_indexes_are_reported_then_neutralised(saved, capsys, case):
    statements, message = FOREIGN[case]
    run_sql(saved, *statements)
    assert main(["validate", str(saved)]) == 1
    assert message in capsys.readouterr().err
    with EvaluationSession.open(saved) as s:
        assert s.file.notices  # the caller can tell the user what was removed
        for _ in range(2):  # no foreign unique index refuses the second one
            s.notes.add("ny anteckning om ägarstyrning", "1.1")
        s.scores.set("1.1", 7)
        assert len(s.notes.all()) == 5 and s.scores.all()["1.1"] == 7
        assert {h.id for h in s.search("ny ägarstyrning")} == {
            n.id for n in s.notes.all() if n.body.startswith("ny")
        }
    assert main(["validate", str(saved)]) == 0


def test_a_foreign_table_is_refused_for_writing_and_reported_when_read(saved, capsys):
    run_sql(saved, "CREATE TABLE extra (x)")
    message = "tabellen ”extra” kommer inte från Kompass Desktop"
    before = digest(saved)
    with pytest.raises(ForeignSchema) as refused:
        EvaluationSession.open(saved)
    assert str(refused.value) == (
        f"test.kompass har ändrats av ett annat program: {message}. Filen öppnas inte för skrivning "
        "(den kan öppnas skrivskyddad); återställ en säkerhetskopia (kompass backups)."
    )
    assert main(["validate", str(saved)]) == 1
    assert message in capsys.readouterr().err
    with EvaluationSession.open(saved, readonly=True) as s:  # reading it is harmless
        assert s.scores.all()["1.1"] == 5
        assert s.file.schema_problems == [message]
        assert f"test.kompass har ändrats av ett annat program: {message}." in s.file.notices  # told
    assert digest(saved) == before


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("ALTER TABLE notes ADD COLUMN mood TEXT", "tabellen ”notes” är ändrad"),
        ("ALTER TABLE notes RENAME COLUMN body TO text", "tabellen ”notes” är ändrad"),
    ],
)
def test_our_tables_changed_are_refused_everywhere(saved, statement, message):
    run_sql(saved, statement)
    before = digest(saved)
    for readonly in (True, False):
        with pytest.raises(ForeignSchema) as refused:
            EvaluationSession.open(saved, readonly=readonly)
        assert str(refused.value) == (
            f"test.kompass har ändrats av ett annat program: {message}. Filen kan inte öppnas; "
            "återställ en säkerhetskopia (kompass backups)."
        )
    assert digest(saved) == before


def test_several_foreign_objects_are_all_removed_and_the_user_told(saved):
    """A trigger, a view and an index another program added: opening for writing removes them
    all (triggers first), tells what it removed, and the file validates again."""
    run_sql(
        saved,
        "CREATE INDEX extra_index ON notes (author)",
        "CREATE VIEW extra_view AS SELECT * FROM notes",
        "CREATE TRIGGER extra_trigger AFTER INSERT ON notes BEGIN DELETE FROM scores; END",
    )
    with EvaluationSession.open(saved) as s:
        (notice,) = s.file.notices
        assert notice.startswith("test.kompass innehöll databasobjekt som inte kommer från Kompass Desktop (")
        assert notice.endswith("); de togs bort innan något annat skrevs.")
        for name in ("extra_index", "extra_view", "extra_trigger"):
            assert f"”{name}”" in notice
        s.notes.add("ny anteckning", "1.1")
        assert s.scores.all()["1.1"] == 5
    assert main(["validate", str(saved)]) == 0


def test_a_missing_table_is_refused_everywhere(saved):
    run_sql(saved, "DROP TABLE finding_notes")
    before = digest(saved)
    for readonly in (True, False):
        with pytest.raises(CorruptFile, match="saknar tabellen finding_notes"):
            EvaluationSession.open(saved, readonly=readonly)
    assert digest(saved) == before


def test_a_type_written_in_capitals_is_what_sqlite_takes_it_for(saved, capsys):
    """Another program wrote "TABLE" and "VIEW" into sqlite_master: SQLite reads them as a table
    and a view, and so does the check (our own table is not "changed", the foreign view is named
    as a view and removed like one before anything is written)."""
    run_sql(
        saved,
        "CREATE VIEW rapportvy AS SELECT * FROM notes",
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET type = 'TABLE' WHERE name = 'scores'",
        "UPDATE sqlite_master SET type = 'VIEW' WHERE name = 'rapportvy'",
    )
    assert main(["validate", str(saved)]) == 1
    assert capsys.readouterr().err == (
        f"{saved}: 1 problem hittades:\n  schemat: vyn ”rapportvy” kommer inte från Kompass Desktop\n"
    )
    with EvaluationSession.open(saved) as s:
        assert s.file.notices == [
            "test.kompass innehöll databasobjekt som inte kommer från Kompass Desktop (vyn ”rapportvy” "
            "kommer inte från Kompass Desktop); de togs bort innan något annat skrevs."
        ]
        s.scores.set("1.1", 6)
    assert main(["validate", str(saved)]) == 0


@pytest.mark.parametrize(
    ("problem", "described"),
    [
        ("foreign", "rapport ”rapportdata” kommer inte från Kompass Desktop"),
        ("changed", "rapport ”rapportdata” är ändrad"),
        ("missing", "rapport ”rapportdata” saknas"),
    ],
)
def test_an_object_of_a_type_without_a_swedish_name_is_named_by_its_type(problem, described):
    """sqlite_master holds tables, indexes, triggers and views today (SQLite 3.40 refuses any
    other type as a malformed schema, so no file reaches this): a type a later SQLite may add is
    named as SQLite calls it, never as "None"."""
    obj = SchemaObject("rapport", "rapportdata", "rapportdata", None)
    assert SchemaDifference(problem, obj).describe() == described
