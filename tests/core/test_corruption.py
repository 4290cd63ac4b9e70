"""A corpus of damaged and unusable files: each gets a clear message from the CLI, and nothing is
ever written into the damaged file; and of the states a crash or a full disk leaves, which every
command opens with nothing acknowledged lost.  (The GUI cases are in tests/gui/test_app.py.)"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import textwrap

import pytest
from filestates import crashed_with_log, hot_journal, interrupted_checkpoint
from support import child_timeout, run_sql

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage import backup
from kompass_desktop.storage.errors import CorruptFile, DiskFull, StorageError


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture
def good(demo_copy):
    return demo_copy


def truncated(path):
    path.write_bytes(path.read_bytes()[:50_000])


def random_bytes(path):
    path.write_bytes(os.urandom(8192))


def foreign(path):
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    conn.commit()
    conn.close()


def newer(path):
    data = bytearray(path.read_bytes())
    data[60:64] = struct.pack(">I", 99)
    path.write_bytes(bytes(data))


def damaged_pages(path):
    rng = random.Random(1123)  # the same damage every run (random bytes sometimes hit only free space)
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096 * 3):
        data[offset + 16 : offset + 900] = rng.randbytes(884)
    path.write_bytes(bytes(data))


def empty(path):
    path.write_bytes(b"")


def sql(*statements):
    """Damage made with SQL: the database stays sound, a value or the schema inside does not."""

    def damage(path):
        run_sql(path, *statements)

    return damage


def truncated_without_log(path):
    """What a copy without its -wal looks like after an interrupted checkpoint: unrecoverable."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 4096 // 2 * 4096])


FIRST = "(SELECT min(rowid) FROM {})"
RESTORE = "Återställ en säkerhetskopia (kompass backups)."


def damaged_values(listed: str) -> str:
    return f"demo.kompass innehåller skadade värden: {listed}. Filen öppnas inte; {RESTORE.lower()}"


#: damage -> the whole message after "kompass COMMAND: "; {path} is the file, {size} its size before
#: the damage ({half}: its first half in whole pages), {id} the first eight characters of the id of
#: the first record of the table named third (the demo's ids are random).
CASES = {
    "truncated": (truncated, f"{{path}} är avkortad: 50000 byte av förväntade {{size}}. {RESTORE}", None),
    "truncated to whole pages, no log": (
        truncated_without_log,
        f"{{path}} är avkortad: {{half}} byte av förväntade {{size}}. {RESTORE}",
        None,
    ),
    "random bytes": (
        random_bytes,
        "{path} är inte en utvärderingsfil från Kompass Desktop (okänt filformat).",
        None,
    ),
    "foreign SQLite": (
        foreign,
        "{path} är en SQLite-databas men ingen utvärderingsfil från Kompass Desktop.",
        None,
    ),
    "newer version": (
        newer,
        "{path} är skapad med en nyare version av Kompass Desktop (filformat 99, denna version läser 3). "
        "Uppdatera programmet för att öppna filen.",
        None,
    ),
    "damaged pages": (
        damaged_pages,
        f"demo.kompass är skadad och kan inte öppnas (database disk image is malformed). {RESTORE}",
        None,
    ),
    "empty": (empty, "{path} är tom (0 byte) och är inte en utvärderingsfil.", None),
    # schema objects another program added or changed that cannot be neutralised
    "changed table": (
        sql("ALTER TABLE scores ADD COLUMN weight REAL"),
        "demo.kompass har ändrats av ett annat program: tabellen ”scores” är ändrad. Filen kan inte öppnas; "
        f"{RESTORE.lower()}",
        None,
    ),
    "missing table": (
        sql("DROP TABLE texts_fts"),
        "demo.kompass saknar tabellen texts_fts och kan inte öppnas.",
        None,
    ),
    # damaged values inside a sound database: what and where
    "score not a number": (
        sql("UPDATE independent_scores SET points = 'abc' WHERE subarea = '1.1'"),
        damaged_values(
            "poängen för delfråga 1.1 av Karin Ekström: fältet points: poängen ”abc” är inte ett tal; "
            "poängen för delfråga 1.1 av Johan Alm: fältet points: poängen ”abc” är inte ett tal"
        ),
        None,
    ),
    "score in exponent form": (
        sql(
            "UPDATE independent_scores SET points = '1e30' "
            "WHERE subarea = '2.1' AND evaluator = 'Karin Ekström'"
        ),
        damaged_values(
            "poängen för delfråga 2.1 av Karin Ekström: fältet points: poängen ”1e30”: 1E+30: talet är "
            "orimligt stort för en poäng"
        ),
        None,
    ),
    "corrupt JSON column": (
        sql("UPDATE evaluation SET facts = '[[\"Invånare\", '"),
        damaged_values('utvärderingen: fältet facts: ogiltig JSON (”[["Invånare", ”)'),
        None,
    ),
    "JSON of the wrong shape": (
        sql(f"UPDATE interviews SET roles = '{{\"a\": 1}}' WHERE rowid = {FIRST.format('interviews')}"),
        damaged_values('intervjun {id}: fältet roles: väntade en lista med texter, fann ”{{"a": 1}}”'),
        "interviews",
    ),
    "earlier scores not numbers": (
        sql('UPDATE earlier_evaluations SET area_scores = \'{"1": "mycket"}\''),
        damaged_values(
            "den tidigare utvärderingen {id}: fältet area_scores: område ”1”: ”mycket” är inte ett tal"
        ),
        "earlier_evaluations",
    ),
    "text in a number column": (
        sql("UPDATE evaluation SET inhabitants = 'många'"),
        damaged_values("utvärderingen: fältet inhabitants ('många') är inte av typen INTEGER"),
        None,
    ),
    "unknown note source": (
        sql(f"UPDATE notes SET source_kind = 'telepati' WHERE rowid = {FIRST.format('notes')}"),
        damaged_values(
            "anteckningen {id}: fältet source_kind: okänt värde ”telepati” "
            "(tillåtna: document, interview, none, web)"
        ),
        "notes",
    ),
    "unknown finding kind": (
        sql(f"UPDATE findings SET kind = 'kanske' WHERE rowid = {FIRST.format('findings')}"),
        damaged_values(
            "iakttagelsen {id}: fältet kind: okänt värde ”kanske” (tillåtna: improvement, strength, weakness)"
        ),
        "findings",
    ),
    "broken framework copy": (
        sql("UPDATE framework_copy SET data = substr(data, 1, 300)"),
        damaged_values(
            'ramverkskopian (tabellen framework_copy): ogiltig JSON (”{{"id": "2019", "name": "Kommun…”)'
        ),
        None,
    ),
    "no framework copy": (
        sql("DELETE FROM framework_copy"),
        damaged_values("ramverkskopian: 0 kopior (väntade 1)"),
        None,
    ),
    "framework copy without areas": (
        sql("UPDATE framework_copy SET data = json_remove(data, '$.areas')"),
        damaged_values("ramverkskopian (tabellen framework_copy): ofullständig (fältet ”areas” saknas)"),
        None,
    ),
}


def first_id(path, table):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            f"SELECT substr(id, 1, 8) FROM {table} WHERE rowid = {FIRST.format(table)}"
        ).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["summary", "validate", "report", "export", "import-scores"])
def test_damaged_files_get_a_clear_message_and_stay_untouched(good, tmp_path, capsys, case, command):
    damage, expected, table = CASES[case]
    record = first_id(good, table) if table else None
    size = good.stat().st_size
    damage(good)
    before = digest(good)
    args = {
        "summary": ["summary", str(good)],
        "validate": ["validate", str(good)],
        "report": ["report", str(good), "-o", str(tmp_path / "r.pdf"), "--draft"],
        "export": ["export", str(good), "-o", str(tmp_path / "e.kkx")],
        "import-scores": ["import-scores", str(good), str(tmp_path / "p.csv")],
    }[command]
    (tmp_path / "p.csv").write_text("1.1;3\n", encoding="utf-8")
    code = main(args)
    err = capsys.readouterr().err
    said = expected.format(path=good, id=record, size=size, half=size // 4096 // 2 * 4096)
    assert (code, err) == (1, f"kompass {command}: {said}\n")
    assert digest(good) == before
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "e.kkx").exists()
    assert not [p for p in good.parent.iterdir() if p.name.startswith(good.name + "-")]


def test_a_damaged_version_in_the_history_is_named_when_the_history_is_exported(good, tmp_path, capsys):
    """The history is read only by an export with personal data (and checked by validate)."""
    run_sql(good, "UPDATE history SET data = '{' WHERE seq = (SELECT max(seq) FROM history)")
    conn = sqlite3.connect(good)
    (record,) = conn.execute(
        "SELECT record_id FROM history WHERE seq = (SELECT max(seq) FROM history)"
    ).fetchone()
    conn.close()
    code = main(["export", str(good), "-o", str(tmp_path / "e.kkx"), "--include-personal-data"])
    assert (code, capsys.readouterr().err) == (
        1,
        f"kompass export: demo.kompass: historiken för post {record} är skadad.\n",
    )
    assert not (tmp_path / "e.kkx").exists()


NATIONAL = {
    "not a number": (
        '{"frameworks": {"2019": {"areas": {"1": {"n": 2, "mean": NaN}}}}}',
        "det nationella medelvärdet: $.frameworks.2019.areas.1.mean",
    ),
    "not JSON": ('{"frameworks": ', "ogiltig JSON"),
}


@pytest.mark.parametrize("case", sorted(NATIONAL))
def test_a_damaged_stored_national_average_is_reported_and_not_used(good, tmp_path, capsys, case):
    """An optional setting: the evaluation still opens everywhere, the damaged reference is not
    used, and it is named (with what and where) when the file is opened and by validate."""
    value, expected = NATIONAL[case]
    conn = sqlite3.connect(good)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('national_average', ?)", (value,))
    conn.commit()
    conn.close()
    assert main(["validate", str(good)]) == 1
    err = capsys.readouterr().err
    assert f"inställningen national_average (tabellen meta): {expected}" in err
    assert main(["report", str(good), "-o", str(tmp_path / "r.pdf"), "--draft"]) == 0
    for readonly in (True, False):
        with EvaluationSession.open(good, readonly=readonly) as session:
            assert session.registers.national_average() is None
            assert any(expected in notice and "används inte" in notice for notice in session.file.notices)


RECOVERABLE = {
    "interrupted checkpoint": interrupted_checkpoint,
    "hot journal": hot_journal,
    "log left by a crash": crashed_with_log,
}


@pytest.fixture(scope="session")
def recoverable(demo_template, tmp_path_factory):
    """Each state SQLite recovers from, made once by a real child process (copied per test)."""
    made = {}
    for name, make in RECOVERABLE.items():
        folder = tmp_path_factory.mktemp(name.replace(" ", "-"))
        shutil.copy(demo_template, folder / "demo.kompass")
        made[name] = (folder, make(folder / "demo.kompass"))
    return made


@pytest.mark.skipif(sys.platform == "win32", reason="states made with RLIMIT_FSIZE and os._exit")
@pytest.mark.parametrize("case", sorted(RECOVERABLE))
@pytest.mark.parametrize("command", ["summary", "validate", "report", "export", "import-scores"])
def test_states_left_by_a_crash_or_a_full_disk_open_in_every_command(
    recoverable, tmp_path, capsys, case, command
):
    folder, child = recoverable[case]
    work = tmp_path / "work"
    shutil.copytree(folder, work)
    good = work / "demo.kompass"
    before = digest(good)
    (tmp_path / "p.csv").write_text("1.1;3\n", encoding="utf-8")
    args = {
        "summary": ["summary", str(good)],
        "validate": ["validate", str(good)],
        "report": ["report", str(good), "-o", str(tmp_path / "r.pdf"), "--draft"],
        "export": ["export", str(good), "-o", str(tmp_path / "e.kkx")],
        "import-scores": ["import-scores", str(good), str(tmp_path / "p.csv")],
    }[command]
    assert main(args) == 0, capsys.readouterr().err
    if command in ("summary", "validate", "report"):
        assert digest(good) == before  # readers recover in memory or in a private copy
    with EvaluationSession.open(good, readonly=True) as session:
        assert set(child.get("acked", ())) <= {n.id for n in session.notes.all()}
        if command == "import-scores":
            assert session.consensus.view().get("1.1").points["Testare"] == 3  # the importer's own
        assert session.validate() == []


def test_missing_folder(tmp_path, capsys):
    code = main(["new", str(tmp_path / "saknas" / "x.kompass"), "--framework", "2019", "--unlisted", "A"])
    assert code == 1 and "Mappen" in capsys.readouterr().err


def test_a_file_locked_by_another_process(good, capsys):
    code = textwrap.dedent(f"""
        import sys
        from kompass_desktop.services import EvaluationSession
        s = EvaluationSession.open({str(good)!r})
        print("open", flush=True)
        sys.stdin.readline()
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "open"
        (good.parent / "p.csv").write_text("1.1;3\n", encoding="utf-8")
        assert main(["import-scores", str(good), str(good.parent / "p.csv")]) == 1
        err = capsys.readouterr().err
        assert "redan öppen av" in err
        assert main(["summary", str(good)]) == 0  # reading is fine meanwhile
    finally:
        child.communicate("\n", timeout=child_timeout(30))


def test_read_only_file(good, tmp_path, capsys, monkeypatch):
    """Simulated (tests may run as root, which ignores file permissions)."""
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if str(p) == str(good) and mode == os.W_OK else real_access(p, mode),
    )
    (tmp_path / "p.csv").write_text("1.1;3\n", encoding="utf-8")
    before = digest(good)
    assert main(["import-scores", str(good), str(tmp_path / "p.csv")]) == 1
    assert "skrivskyddad" in capsys.readouterr().err
    assert main(["summary", str(good)]) == 0
    assert digest(good) == before


def test_full_disk_is_reported_and_the_edit_rolled_back(good, monkeypatch):
    with EvaluationSession.open(good) as session:
        before = session.scores.all()["2.1"]
        original = session.file.conn

        class FullDisk:
            def __getattr__(self, name):
                return getattr(original, name)

            def execute(self, sql, *args):
                if sql.startswith("COMMIT"):
                    raise sqlite3.OperationalError("database or disk is full")
                return original.execute(sql, *args)

        session.file.conn = FullDisk()
        with pytest.raises(DiskFull, match="Disken är full"):
            session.scores.set("2.1", 1)
        session.file.conn = original
        assert session.scores.all()["2.1"] == before


def test_backups_can_be_listed_and_restored_from_the_command_line(good, tmp_path, capsys):
    with EvaluationSession.open(good, backup_on_open=True) as session:
        session.scores.set("1.1", 1)
    assert main(["backups", str(good)]) == 0
    listing = capsys.readouterr().out
    assert "open" in listing
    taken = backup.list_backups(good)[0].path
    target = tmp_path / "återställd.kompass"
    assert main(["restore", str(taken), "-o", str(target)]) == 0
    with EvaluationSession.open(target, readonly=True) as restored:
        assert restored.scores.all()["1.1"] == 13  # the state when the file was opened
    assert main(["restore", str(tmp_path / "saknas.kompass"), "-o", str(target)]) == 1
    assert "finns inte" in capsys.readouterr().err


def _command_help(capsys) -> dict[str, str]:
    """Each command of ``kompass --help`` with its one-line description (wrapped lines joined)."""
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "KOMMANDO") + 1
    commands: dict[str, str] = {}
    name = ""
    for line in lines[start:]:
        if not line.strip():
            break
        if line.startswith("    ") and not line.startswith("     "):  # a command's own line
            name, _, text = line.strip().partition(" ")
            commands[name] = text.strip()
        else:  # the description wrapped, or on the next line after a long name
            commands[name] = f"{commands[name]} {line.strip()}".strip()
    return commands


def test_every_command_says_what_it_does_in_the_help(capsys):
    """``kompass --help`` lists every command with a description, the backup commands too."""
    commands = _command_help(capsys)
    assert {"backups", "restore", "new", "report", "export", "merge"} <= set(commands)
    assert [name for name, text in commands.items() if not text] == []
    assert commands["backups"] == "lista säkerhetskopiorna av en utvärderingsfil"
    assert commands["restore"] == "återställ en säkerhetskopia till en fil"


def test_validate_names_each_field_of_the_wrong_type_and_only_those(good, capsys):
    """Values written by another program: a blob, text in a number field (also REAL), an infinite
    number; the sound fields of the same records and empty optional fields are not named."""
    second = "(SELECT rowid FROM findings ORDER BY rowid LIMIT 1 OFFSET 1)"
    conn = sqlite3.connect(good)
    conn.execute("UPDATE evaluation SET inhabitants = X'00ff', employees = NULL, year = NULL")
    conn.execute(f"UPDATE findings SET position = 'först' WHERE rowid = {FIRST.format('findings')}")
    conn.execute(f"UPDATE findings SET area = 'två', position = 2.5 WHERE rowid = {second}")
    conn.execute("UPDATE findings SET position = 9e999 WHERE rowid = (SELECT max(rowid) FROM findings)")
    conn.commit()
    conn.close()
    assert main(["validate", str(good)]) == 1
    err = capsys.readouterr().err
    listed = err.split("innehåller skadade värden: ")[1].split(". Filen öppnas inte")[0]
    assert f" {good.name} innehåller skadade värden: " in err  # the file named, what to do said:
    assert err.strip().endswith(". Filen öppnas inte; återställ en säkerhetskopia (kompass backups).")
    assert sorted(p.split(": fältet ")[1] for p in listed.split("; ")) == [
        "area ('två') är inte av typen INTEGER",
        "inhabitants (b'\\x00\\xff') är inte av typen INTEGER",
        "position ('först') är inte av typen REAL",
        "position (inf) är inte av typen REAL",
    ]


class _Pragmas:
    """A connection whose PRAGMA answers are given (or whose quick_check fails with ``error``)."""

    def __init__(self, quick_check=("ok",), error=None):
        self.answers = {"quick_check": [(r,) for r in quick_check], "application_id": [(0x4B4F4D50,)]}
        self.answers["user_version"] = [(3,)]
        self.error = error

    def execute(self, sql):
        name = sql.split()[1].split("(")[0]
        if self.error is not None:
            raise self.error
        rows = self.answers[name]

        class Cursor:
            def fetchall(self):
                return rows

            def fetchone(self):
                return rows[0]

        return Cursor()


def test_an_integrity_check_that_fails_says_what_and_what_to_do(tmp_path):
    from kompass_desktop.storage.recovery import check_integrity

    path = tmp_path / "x.kompass"
    assert check_integrity(_Pragmas(), path) == 3
    with pytest.raises(CorruptFile) as refused:
        check_integrity(_Pragmas(quick_check=("row 3 missing from index a", "wrong # of entries")), path)
    assert str(refused.value) == (
        "x.kompass är skadad (row 3 missing from index a; wrong # of entries). "
        "Återställ en säkerhetskopia (kompass backups)."
    )
    with pytest.raises(CorruptFile) as refused:
        check_integrity(_Pragmas(error=sqlite3.DatabaseError("database disk image is malformed")), path)
    assert str(refused.value) == (
        "x.kompass är skadad och kan inte öppnas (database disk image is malformed). "
        "Återställ en säkerhetskopia (kompass backups)."
    )
    with pytest.raises(StorageError) as refused:  # not damage: the file may be perfectly sound
        check_integrity(_Pragmas(error=sqlite3.OperationalError("database is locked")), path)
    assert not isinstance(refused.value, CorruptFile)
    assert str(refused.value) == "x.kompass används av ett annat program just nu; försök igen."


def test_an_index_that_no_longer_matches_its_table_is_named_by_validate(good, capsys):
    """Damage that opening does not look for (a row missing from an index: the quick check
    passes) is found by ``validate``, in SQLite's own words, and nothing is changed."""
    conn = sqlite3.connect(good)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'findings_area'").fetchone()
    conn.close()

    def schema_sql(text):  # the index's definition changed without rebuilding the index
        conn = sqlite3.connect(good)
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'findings_area'", (text,))
        conn.commit()
        conn.close()

    schema_sql(sql + " WHERE 0")  # for a moment the index holds no row: an update skips it
    run_sql(good, "UPDATE findings SET area = 8 WHERE rowid = (SELECT min(rowid) FROM findings)")
    schema_sql(sql)
    before = digest(good)
    assert main(["validate", str(good)]) == 1
    said = capsys.readouterr()
    assert said.out + said.err == (
        f"{good}: 1 problem hittades:\n  databasen: row 1 missing from index findings_area\n"
    )
    assert digest(good) == before


def test_damaged_values_are_named_also_without_an_evaluator_or_a_reference(good, capsys):
    """A score without its evaluator's name and a text without a reference are still named as
    the reader knows them, and nothing is changed."""
    sql(
        "UPDATE texts SET body = X'00' WHERE scope = 'summary_overall'",
        "UPDATE independent_scores SET points = 'abc', evaluator = '' "
        "WHERE rowid = (SELECT min(rowid) FROM independent_scores WHERE subarea = '1.1')",
    )(good)
    before = digest(good)
    assert main(["validate", str(good)]) == 1
    assert capsys.readouterr().err == (
        f"kompass validate: {good.name} innehåller skadade värden: texten summary_overall: fältet "
        "body (b'\\x00') är inte av typen TEXT; poängen för delfråga 1.1 av en utvärderare: fältet "
        "points: poängen ”abc” är inte ett tal. Filen öppnas inte; återställ en säkerhetskopia "
        "(kompass backups).\n"
    )
    assert digest(good) == before


def test_a_damaged_version_in_the_history_is_named_by_validate(good, capsys):
    """The history is read only by undo and merge: validate finds a version that no longer
    parses and names it (the file itself still opens)."""
    conn = sqlite3.connect(good)
    seq, record_id = conn.execute("SELECT seq, record_id FROM history ORDER BY seq LIMIT 1").fetchone()
    conn.execute("UPDATE history SET data = '{x' WHERE seq = ?", (seq,))
    conn.commit()
    conn.close()
    assert main(["validate", str(good)]) == 1
    said = capsys.readouterr()
    assert f"  historiken, version {seq} av post {record_id[:8]}: ogiltig JSON\n" in said.out + said.err
