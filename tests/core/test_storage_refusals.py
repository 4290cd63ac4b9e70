"""Every refusal of the storage layer, read as the evaluator reads it: the whole message, with the
real file name, path and reason, for a real bad file on disk (cut short, changed by another
program, in a state a crash leaves behind) or a real failure of the system (simulated at the OS
call).  A refused file is left exactly as it was.

Files changed "behind the app's back" are changed with sqlite3, as another program would; where
the damage is found only when a value is read, the file is changed while it is open.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from support import digest, run_sql

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage import backup, fileformat, repo
from kompass_desktop.storage import exchange_io as xio
from kompass_desktop.storage.errors import StorageError
from kompass_desktop.storage.opening import create_evaluation_file, open_evaluation_file


@pytest.fixture
def saved(session) -> Path:
    """A closed evaluation file, test.kompass, with one score of 1.1."""
    session.scores.set("1.1", 4)
    path: Path = session.path
    session.close()
    return path


def refusal(call: Callable[[], object]) -> str:
    """The message of the StorageError that ``call`` raises."""
    with pytest.raises(StorageError) as refused:
        call()
    return str(refused.value)


def contents(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` and its content; not the index SQLite builds to read a log
    (``NAME-shm``), which is no part of the file."""
    return {p.name: digest(p) for p in folder.iterdir() if not p.name.endswith("-shm")}


# -- the first look at a file (its header, before SQLite opens it) ------------------------------


def _cut_to_50_bytes(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:50])


def _page_size_1000(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[16:18] = (1000).to_bytes(2, "big")  # not a power of two: no SQLite file has it
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_cut_to_50_bytes, "{path} är avkortad (50 byte) och kan inte öppnas."),
        (_page_size_1000, "{path} är skadad (ogiltigt sidhuvud)."),
    ],
)
def test_a_file_with_a_broken_header_is_named_with_its_path_and_left_alone(saved, damage, message):
    damage(saved)
    before = digest(saved)
    assert refusal(lambda: open_evaluation_file(saved)) == message.format(path=saved)
    assert digest(saved) == before


def test_a_missing_file_is_named_with_its_whole_path(tmp_path):
    missing = tmp_path / "borta.kompass"
    assert refusal(lambda: open_evaluation_file(missing)) == f"Filen {missing} finns inte."
    assert not missing.exists()


# -- what SQLite finds in a file whose header looks right ---------------------------------------


def _uninitialised(path: Path) -> None:
    """Ours by its id, but nothing was ever written into it (schema version 0)."""
    path.unlink()
    run_sql(path, f"PRAGMA application_id = {fileformat.APPLICATION_ID}", "CREATE TABLE t (x)")


def _without_meta(path: Path) -> None:
    run_sql(path, "DROP TABLE meta")


def _in_the_log(statement: str) -> Callable[[Path], None]:
    """The file as a crash leaves it: ``statement`` committed only to the write-ahead log beside
    it, so the header we read says one thing and the file SQLite reads says another."""

    def damage(path: Path) -> None:
        work = path.with_name("arbete.kompass")
        shutil.copy(path, work)
        conn = sqlite3.connect(work, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute(statement)
        shutil.copy(work, path)
        shutil.copy(f"{work}-wal", f"{path}-wal")
        conn.close()
        work.unlink()

    return damage


@pytest.mark.parametrize("readonly", [False, True], ids=["write", "read"])
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_uninitialised, "test.kompass saknar utvärderingsdata och kan inte öppnas."),
        (_without_meta, "test.kompass saknar utvärderingsdata och kan inte öppnas."),
        (
            _in_the_log("PRAGMA application_id = 7"),
            "test.kompass är inte en utvärderingsfil från Kompass Desktop.",
        ),
        (_in_the_log("PRAGMA user_version = 99"), "test.kompass har ett okänt filformat (99)."),
    ],
    ids=["uninitialised", "no-meta", "foreign-in-log", "newer-in-log"],
)
def test_a_file_that_is_not_a_sound_evaluation_is_refused_untouched(saved, damage, message, readonly):
    damage(saved)
    before = contents(saved.parent)
    assert refusal(lambda: open_evaluation_file(saved, readonly=readonly)) == message
    assert contents(saved.parent) == before


def test_a_file_with_two_evaluations_is_refused_with_how_many_it_holds(saved):
    run_sql(
        saved,
        "CREATE TEMP TABLE copy AS SELECT * FROM evaluation",
        "UPDATE copy SET id = 'andra'",
        "INSERT INTO evaluation SELECT * FROM copy",
    )
    assert refusal(lambda: EvaluationSession.open(saved)) == (
        "test.kompass innehåller 2 utvärderingsposter (väntade 1)."
    )


def test_a_setting_that_is_damaged_is_told_and_not_used(saved):
    run_sql(saved, "INSERT OR REPLACE INTO meta (key, value) VALUES ('national_average', 'trasig')")
    with EvaluationSession.open(saved, readonly=True) as s:
        assert s.file.notices == [
            "test.kompass: inställningen national_average (tabellen meta): ogiltig JSON (”trasig”); "
            "den används inte"
        ]


def test_a_file_needing_recovery_without_room_for_a_private_copy_is_named_with_the_reason(saved, monkeypatch):
    """A hot journal (a transaction cut off) must be rolled back in a private copy before the file
    can be read; with the disk full for that copy, the message says so and what to do."""
    work = saved.with_name("arbete.kompass")
    shutil.copy(saved, work)
    conn = sqlite3.connect(work, isolation_level=None)
    conn.execute("PRAGMA cache_size = 2")  # changed pages spill into the file before the commit
    conn.execute("BEGIN")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version}")  # the first page joins the transaction
    for _ in range(60):  # more than the cache holds
        conn.execute(
            "INSERT INTO history (tbl, record_id, rev, data, author, at) "
            "VALUES ('x', 'y', 'z', hex(randomblob(900)), 'a', 'b')"
        )
    shutil.copy(work, saved)  # the file and its journal as a crash at this instant leaves them
    shutil.copy(f"{work}-journal", f"{saved}-journal")
    conn.execute("ROLLBACK")
    conn.close()
    assert fileformat.read_header(saved).hot_journal

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    before = (digest(saved), digest(Path(f"{saved}-journal")))
    assert refusal(lambda: open_evaluation_file(saved, readonly=True)) == (
        "test.kompass behöver återställas efter ett avbrott, men en tillfällig kopia kunde inte "
        "göras (disken är full). Öppna filen med skrivrätt eller frigör utrymme."
    )
    assert (digest(saved), digest(Path(f"{saved}-journal"))) == before


# -- values damaged by another program while the file is open -------------------------------------


def _framework_data(f):
    return f.framework_data()


@pytest.mark.parametrize(
    ("change", "read", "message"),
    [
        (
            "DELETE FROM framework_copy",
            _framework_data,
            "test.kompass saknar sin kopia av ramverket och kan inte användas.",
        ),
        (
            "DELETE FROM framework_copy",
            xio.framework_copy,
            "test.kompass saknar sin kopia av ramverket och kan inte användas.",
        ),
        (
            "UPDATE framework_copy SET data = '[1]'",
            _framework_data,
            "test.kompass: ramverkskopian är skadad: inget JSON-objekt. Återställ en säkerhetskopia "
            "(kompass backups).",
        ),
        (
            "UPDATE framework_copy SET data = '{'",
            xio.framework_copy,
            "test.kompass: kopian av ramverket är skadad.",
        ),
        (
            "UPDATE framework_copy SET data = '{}'",
            repo.load_framework,
            "test.kompass: ramverkskopian är ofullständig (fältet ”areas” saknas). Återställ en "
            "säkerhetskopia (kompass backups).",
        ),
        (
            "UPDATE independent_scores SET points = 'fyra'",
            repo.load_scores,
            "test.kompass: delfråga 1.1: poängen ”fyra” är inte ett tal. Kör kompass validate test.kompass.",
        ),
        (
            "UPDATE evaluation SET evaluators = '['",
            repo.load_info,
            "test.kompass: fältet evaluators i utvärderingen är skadat (ogiltig JSON). Kör kompass "
            "validate eller återställ en säkerhetskopia.",
        ),
    ],
    ids=[
        "no-framework",
        "no-framework-export",
        "framework-not-object",
        "framework-not-json",
        "framework-incomplete",
        "points",
        "json-field",
    ],
)
def test_a_value_damaged_while_the_file_is_open_is_named_when_it_is_read(saved, change, read, message):
    with open_evaluation_file(saved) as f:
        run_sql(saved, change)
        assert refusal(lambda: read(f)) == message


def test_a_damaged_version_in_the_history_is_named_with_its_record_and_number(saved):
    run_sql(saved, "UPDATE history SET data = 'trasig' WHERE tbl = 'independent_scores'")
    conn = sqlite3.connect(saved)
    ((record_id, seq),) = conn.execute(
        "SELECT record_id, seq FROM history WHERE tbl = 'independent_scores'"
    ).fetchall()
    conn.close()
    with EvaluationSession.open(saved) as s:
        assert refusal(lambda: s.file.history(record_id)) == (
            f"test.kompass: historiken för post {record_id} (version {seq}) är skadad."
        )


def test_a_file_opened_read_only_refuses_a_change_and_keeps_the_old_value(saved):
    before = digest(saved)
    with EvaluationSession.open(saved, readonly=True) as s:
        assert refusal(lambda: s.scores.set("1.1", 7)) == (
            "test.kompass är öppnad skrivskyddad; ändringar kan inte sparas."
        )
    assert digest(saved) == before


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE")
def test_a_full_disk_while_closing_keeps_the_edits_in_the_log_and_says_so(saved):
    import resource

    s = EvaluationSession.open(saved)
    s.file.conn.execute("PRAGMA wal_autocheckpoint = 0")  # every edit stays in the log until closing
    acked = [s.notes.add(f"kvittens {i} " + "x" * 900, "1.1").id for i in range(30)]
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (saved.stat().st_size, hard))  # the file cannot grow
    try:
        message = refusal(s.close)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert message == (
        "test.kompass: alla ändringar är sparade, men de kunde inte föras in i själva filen när den "
        "stängdes (läs- eller skrivfel på disken). De ligger säkert i test.kompass-wal bredvid filen och "
        "förs in nästa gång filen öppnas. Frigör utrymme och flytta eller kopiera aldrig filen utan "
        "test.kompass-wal."
    )
    with EvaluationSession.open(saved, readonly=True) as again:
        assert set(acked) <= {n.id for n in again.notes.all()}


# -- creating, backing up and restoring ----------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (lambda saved: saved, "{target} finns redan; välj ett annat namn."),
        (lambda saved: saved.parent / "saknas" / "ny.kompass", "Mappen {target.parent} finns inte."),
    ],
    ids=["existing", "missing-folder"],
)
def test_a_new_file_is_not_made_over_an_existing_one_or_in_a_missing_folder(saved, target, message):
    path = target(saved)
    before = contents(saved.parent)
    assert refusal(lambda: create_evaluation_file(path, lambda f: None)) == message.format(target=path)
    assert contents(saved.parent) == before


def test_a_backup_of_a_damaged_file_is_refused_in_swedish_and_leaves_no_backup(saved):
    saved.write_bytes(saved.read_bytes()[:5000])  # cut short: SQLite cannot read it
    assert refusal(lambda: backup.make_backup(saved, "manual")) == (
        "Säkerhetskopian av test.kompass kunde inte skapas: filen är skadad: database disk image is "
        "malformed."
    )
    assert backup.list_backups(saved) == []


def test_a_backup_asked_to_stop_is_cancelled_and_one_left_to_run_is_complete(saved):
    stop = threading.Event()
    made = backup.make_backup(saved, "manual", cancel=stop)  # never set: runs to the end
    with EvaluationSession.open(made, readonly=True) as copy:
        assert copy.scores.all()["1.1"] == 4
    stop.set()
    assert refusal(lambda: backup.make_backup(saved, "auto", cancel=stop)) == (
        "Säkerhetskopian av test.kompass avbröts."
    )
    assert [b.path for b in backup.list_backups(saved)] == [made]


def test_restoring_over_a_file_the_system_will_not_replace_names_it_and_the_reason(
    saved, monkeypatch, capsys
):
    kept = backup.make_backup(saved, "manual")
    real_replace = os.replace

    def replace(source, target):
        if Path(target) == saved:  # e.g. the file is open in another program (Windows)
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    before = digest(saved)
    assert main(["restore", str(kept), "-o", str(saved)]) == 1
    assert capsys.readouterr().err == (
        f"kompass restore: {saved} kunde inte skrivas: mappen eller filen är skrivskyddad, eller "
        "filen är öppen i ett annat program.\n"
    )
    assert digest(saved) == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["test.kompass"]  # no temporary left


def test_restoring_a_backup_that_does_not_exist_names_it(tmp_path, capsys):
    missing = tmp_path / "borta.kompass"
    assert main(["restore", str(missing), "-o", str(tmp_path / "ny.kompass")]) == 1
    assert capsys.readouterr().err == f"kompass restore: Säkerhetskopian {missing} finns inte.\n"
    assert sorted(tmp_path.iterdir()) == []
