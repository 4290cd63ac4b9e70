"""The evaluation file: refusing bad files untouched, one writer, migrations, history."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import sqlite3
import struct
import subprocess
import sys
import textwrap

import pytest
from support import child_timeout

from kompass_desktop.domain.errors import KompassError
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import backup as backups
from kompass_desktop.storage import schema
from kompass_desktop.storage.errors import (
    CorruptFile,
    FileLocked,
    NewerFileVersion,
    NotAnEvaluationFile,
    ReadOnlyFile,
    StorageError,
    os_reason,
)
from kompass_desktop.storage.fileformat import SCHEMA_VERSION
from kompass_desktop.storage.lock import lock_path_for
from kompass_desktop.storage.opening import open_evaluation_file

NEXT = SCHEMA_VERSION + 1  # a future schema version


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path):
    """SQLite's files beside ``path`` and its writer lock (named after the file's identity)."""
    lock = lock_path_for(path).name if path.exists() else None
    return sorted(
        p.name
        for p in path.parent.iterdir()
        if (p.name.startswith(path.name) and p != path)
        or p.name == lock
        or p.name.startswith(".kompass-lock")
    )


@pytest.fixture
def saved(session):
    session.scores.set("1.1", "12,5")
    session.notes.add("En anteckning", "1.1")
    path = session.path
    session.close()
    return path


def test_file_has_application_id_user_version_and_is_self_contained_at_rest(saved):
    conn = sqlite3.connect(saved)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x4B4F4D50  # "KOMP", as the README says
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # WAL only while open
    conn.close()


def test_reading_leaves_no_files_behind(saved):
    with EvaluationSession.open(saved, readonly=True) as s:
        s.summary()
    assert sidecars(saved) == []


def test_settings_of_an_open_file(saved):
    f = open_evaluation_file(saved)
    try:
        assert f.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert f.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        f.close()
    assert sidecars(saved) == []  # clean close: no -wal, -shm or lock left behind


def test_reopened_file_has_everything(saved):
    with EvaluationSession.open(saved) as s:
        assert str(s.scores.all()["1.1"]) == "12.5"
        assert [n.body for n in s.notes.all("1.1")] == ["En anteckning"]
        assert s.info().municipality == "Testby"


def test_every_record_has_uuid_author_and_times(saved):
    conn = sqlite3.connect(saved)
    for table in schema.RECORD_TABLES:
        for row in conn.execute(f"SELECT id, author, created, modified, rev FROM {table}"):
            rid, author, created, modified, rev = row
            assert (
                len(rid) == 36
                and author == "Testare"
                and created.endswith("Z")
                and modified >= created
                and rev
            )
    conn.close()


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.kompass"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAnEvaluationFile, match="SQLite-databas men ingen utvärderingsfil"):
        EvaluationSession.open(path)
    assert digest(path) == before and sidecars(path) == []


@pytest.mark.parametrize("content", [b"hello world, not a database" * 10, os.urandom(4096), b""])
def test_non_sqlite_files_are_refused_untouched(tmp_path, content):
    path = tmp_path / "junk.kompass"
    path.write_bytes(content)
    with pytest.raises(NotAnEvaluationFile):
        EvaluationSession.open(path)
    assert path.read_bytes() == content and sidecars(path) == []


def _set_header_int(path, offset, value):
    data = bytearray(path.read_bytes())
    data[offset : offset + 4] = struct.pack(">I", value)
    path.write_bytes(bytes(data))


def test_file_from_a_newer_app_is_refused_untouched(saved):
    _set_header_int(saved, 60, SCHEMA_VERSION + 1)
    before = digest(saved)
    with pytest.raises(NewerFileVersion, match="nyare version av Kompass Desktop"):
        EvaluationSession.open(saved)
    assert digest(saved) == before and sidecars(saved) == []


@pytest.mark.parametrize("keep", [50, 4096, 3])
def test_truncated_file_is_refused_untouched(saved, keep):
    data = saved.read_bytes()
    assert len(data) > 8192
    saved.write_bytes(data[: len(data) // 2 if keep == 3 else keep])
    before = digest(saved)
    with pytest.raises((CorruptFile, NotAnEvaluationFile)):
        EvaluationSession.open(saved)
    assert digest(saved) == before


def test_damaged_pages_are_detected_before_anything_is_written(saved):
    data = bytearray(saved.read_bytes())
    page = 4096
    noise = random.Random(20261130)  # the same damage every run (random bytes in a page's free
    for offset in range(2 * page, len(data) - page, page):  # space alone went unnoticed at times)
        data[offset : offset + page] = noise.randbytes(page)
    saved.write_bytes(bytes(data))
    before = digest(saved)
    with pytest.raises(StorageError) as refused, EvaluationSession.open(saved) as s:
        s.validate()
    assert digest(saved) == before
    assert str(refused.value).startswith(f"{saved.name} är skadad")  # what to do is said too:
    assert str(refused.value).endswith(". Återställ en säkerhetskopia (kompass backups).")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(StorageError, match="finns inte"):
        EvaluationSession.open(tmp_path / "nope.kompass")
    with pytest.raises(StorageError, match="är en mapp"):
        EvaluationSession.open(tmp_path)


def test_second_writer_in_the_same_process_is_refused(saved):
    first = EvaluationSession.open(saved)
    try:
        with pytest.raises(FileLocked, match=r"redan öppen av .* Stäng den där först"):
            EvaluationSession.open(saved)
        with EvaluationSession.open(saved, readonly=True) as reader:  # reading is still possible
            assert str(reader.scores.all()["1.1"]) == "12.5"
    finally:
        first.close()
    EvaluationSession.open(saved).close()  # free again after closing


def test_second_writer_in_another_process_is_refused(saved):
    code = textwrap.dedent(f"""
        import sys, time
        from kompass_desktop.services import EvaluationSession
        s = EvaluationSession.open({str(saved)!r})
        print("open", flush=True)
        sys.stdin.readline()
        s.close()
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(FileLocked):
            EvaluationSession.open(saved)
    finally:
        child.communicate("\n", timeout=child_timeout(30))
    EvaluationSession.open(saved).close()


def test_lock_of_a_killed_process_is_taken_over(saved):
    code = (
        "import os; from kompass_desktop.services import EvaluationSession; "
        f"EvaluationSession.open({str(saved)!r}); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert lock_path_for(saved).exists()  # left behind by the dead process
    with EvaluationSession.open(saved) as s:
        assert s.info().municipality == "Testby"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_gets_a_clear_message(saved):
    saved.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyFile, match="skrivskyddad"):
            EvaluationSession.open(saved)
    finally:
        saved.chmod(0o644)


def test_read_only_open_writes_nothing(saved):
    before = digest(saved)
    with EvaluationSession.open(saved, readonly=True) as s:
        s.summary()
        with pytest.raises(ReadOnlyFile):
            s.scores.set("1.1", 3)
    assert digest(saved) == before


def test_write_failure_rolls_back_the_whole_operation(session, monkeypatch):
    session.scores.set("2.1", 5)
    original = session.file._log

    def failing_log(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(session.file, "_log", failing_log)
    with pytest.raises(StorageError, match="Disken är full"):
        session.scores.set("2.1", 7)
    monkeypatch.setattr(session.file, "_log", original)
    assert str(session.scores.all()["2.1"]) == "5"


def test_every_change_is_kept_in_history(session):
    session.scores.set("3.2", 10)
    session.scores.set("3.2", 12)
    session.scores.set("3.2", 12)  # no change: no new version
    record_id = session.file.rows("independent_scores", "subarea = '3.2'")[0]["id"]
    history = session.file.history(record_id)
    assert [h["data"]["points"] for h in history] == ["10", "12"]
    assert history[1]["parent_rev"] == history[0]["rev"]


def test_migration_from_an_older_version_backs_up_first(tmp_path, monkeypatch, fw2019):
    """A future schema version applied to a file of the current version."""
    path = tmp_path / "old.kompass"
    EvaluationSession.create(path, NewEvaluation(fw2019, "Gammelby", 2024)).close()
    calls = []

    def migrate_next(conn):
        calls.append(NEXT)
        conn.execute("ALTER TABLE notes ADD COLUMN mood TEXT NOT NULL DEFAULT ''")

    monkeypatch.setitem(schema.MIGRATIONS, NEXT, migrate_next)
    monkeypatch.setattr("kompass_desktop.storage.opening.SCHEMA_VERSION", NEXT)
    monkeypatch.setattr("kompass_desktop.storage.fileformat.SCHEMA_VERSION", NEXT)
    with EvaluationSession.open(path) as s:
        assert s.file.conn.execute("PRAGMA user_version").fetchone()[0] == NEXT
        assert s.info().municipality == "Gammelby"
    assert calls == [NEXT]
    taken = backups.list_backups(path)
    assert [b.reason for b in taken] == ["before-migration"]
    conn = sqlite3.connect(taken[0].path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # the backup is the old file
    conn.close()


def test_failed_migration_leaves_the_file_at_its_version(tmp_path, monkeypatch, fw2019):
    path = tmp_path / "old.kompass"
    EvaluationSession.create(path, NewEvaluation(fw2019, "Gammelby", 2024)).close()

    def broken(conn):
        conn.execute("ALTER TABLE notes ADD COLUMN x TEXT")
        raise RuntimeError("boom")

    monkeypatch.setitem(schema.MIGRATIONS, NEXT, broken)
    monkeypatch.setattr("kompass_desktop.storage.opening.SCHEMA_VERSION", NEXT)
    monkeypatch.setattr("kompass_desktop.storage.fileformat.SCHEMA_VERSION", NEXT)
    with pytest.raises(RuntimeError):
        EvaluationSession.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "x" not in [r[1] for r in conn.execute("PRAGMA table_info(notes)")]
    conn.close()


def test_new_file_is_not_created_over_an_existing_one(saved, fw2019):
    before = digest(saved)
    with pytest.raises(StorageError, match="finns redan"):
        EvaluationSession.create(saved, NewEvaluation(fw2019, "X", 2025))
    assert digest(saved) == before


def test_network_folders_are_refused_for_writing_but_can_be_read(saved, monkeypatch, fw2019, tmp_path):
    from kompass_desktop.storage.errors import NetworkLocation

    monkeypatch.setenv("KOMPASS_ASSUME_LOCATION", "network")
    before = digest(saved)
    with pytest.raises(NetworkLocation, match=r"nätverksmapp.*Kopiera filen till datorns egen disk"):
        EvaluationSession.open(saved)
    with pytest.raises(NetworkLocation):
        EvaluationSession.create(tmp_path / "ny.kompass", NewEvaluation(fw2019, "X", 2025))
    with EvaluationSession.open(saved, readonly=True) as s:
        assert s.info().municipality == "Testby"
    assert digest(saved) == before


def test_a_wal_left_behind_by_a_crash_is_recovered(saved):
    import shutil

    session = EvaluationSession.open(saved)
    session.scores.set("1.1", 4)  # committed into the WAL
    wal = saved.with_name(saved.name + "-wal")
    crashed = saved.parent / "crashed"
    crashed.mkdir()
    shutil.copy(saved, crashed / saved.name)  # the main file and its WAL as a crash leaves them
    shutil.copy(wal, crashed / wal.name)
    session.close()
    with EvaluationSession.open(crashed / saved.name) as s:
        assert s.scores.all()["1.1"] == 4 and s.validate() == []


def test_every_read_turns_an_sqlite_error_into_a_clear_message(saved):
    """A full disk can make even a read fail (SQLite must rebuild its WAL index first): every read
    of the file reports it as a StorageError naming the file, never a raw sqlite3 error."""
    f = open_evaluation_file(saved, readonly=True)
    original = f.conn

    class Failing:
        def execute(self, *args):
            raise sqlite3.OperationalError("disk I/O error")

    f.conn = Failing()
    try:
        reads = {
            "meta": lambda: f.meta("evaluation_id"),
            "framework_data": f.framework_data,
            "history": lambda: f.history("x"),
            "rows": lambda: f.rows("notes"),
            "query": lambda: f.query("SELECT 1"),
        }
        for name, read in reads.items():
            with pytest.raises(StorageError, match=r"test\.kompass kunde inte läsas eller skrivas"):
                read()
            assert name in reads
    finally:
        f.conn = original
        f.close()


# -- why a file operation failed, in Swedish (every storage, exchange and CLI message uses it) -----


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENAMETOOLONG, "namnet är för långt för filsystemet"),
        (errno.ENOSPC, "disken är full"),
        (errno.EDQUOT, "disken är full"),
        (errno.ENOENT, "filen eller mappen finns inte"),
        (errno.EISDIR, "det är en mapp, inte en fil"),
        (errno.EACCES, "mappen eller filen är skrivskyddad, eller filen är öppen i ett annat program"),
        (errno.EPERM, "mappen eller filen är skrivskyddad, eller filen är öppen i ett annat program"),
        (errno.EROFS, "filsystemet är skrivskyddat"),
        (errno.EIO, "läsfel eller skrivfel på enheten (den kan vara skadad eller urkopplad)"),
        (errno.ENOTDIR, "en del av sökvägen är en fil, inte en mapp"),
        (errno.ELOOP, "sökvägen har för många symboliska länkar (kanske en länk till sig själv)"),
        (errno.ENXIO, os.strerror(errno.ENXIO)),  # anything else: the system's own words
    ],
)
def test_a_failed_file_operation_is_explained_in_swedish(code, reason):
    assert os_reason(OSError(code, os.strerror(code), "x.kompass")) == reason


def test_a_full_disk_is_said_also_where_the_system_knows_no_quota_error(monkeypatch):
    monkeypatch.delattr(errno, "EDQUOT")  # as on Windows
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "disken är full"


def test_an_error_without_the_systems_words_is_still_explained():
    assert os_reason(OSError("läsfel på enheten")) == "läsfel på enheten"


def test_a_csv_file_that_is_a_folder_is_named_with_the_reason(tmp_path, capsys):
    from kompass_desktop.cli import main

    path = tmp_path / "ny.kompass"
    assert main(["new", str(path), "--framework", "2019", "--unlisted", "Lindsjö"]) == 0
    capsys.readouterr()
    (tmp_path / "poäng.csv").mkdir()
    assert main(["import-scores", str(path), str(tmp_path / "poäng.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "poäng.csv" in err and "det är en mapp, inte en fil" in err


def test_deleting_and_restoring_keep_each_version_in_the_history(saved):
    """Deleted records stay in the file for undo and merging: each step is a version."""
    f = open_evaluation_file(saved)
    try:
        with f.write():
            note = f.insert("notes", {"body": "Kvar?", "subarea": "1.1"}, author="Anna")
            f.set_deleted("notes", note["id"], True, author="Anna")
        assert f.get("notes", note["id"]) is None  # gone from the lists
        with f.write():
            _, again = f.set_deleted("notes", note["id"], True, author="Anna")  # already deleted
            f.set_deleted("notes", note["id"], False, author="Bo")
        assert f.get("notes", note["id"])["body"] == "Kvar?"
        versions = f.history(note["id"])
        steps = [(v["data"]["deleted"], v["author"]) for v in versions]
        assert steps == [(0, "Anna"), (1, "Anna"), (0, "Bo")]
        assert again["deleted"] == 1
    finally:
        f.close()


def test_a_record_stored_as_given_over_a_deleted_one_is_a_version_of_it(saved):
    """Import and merge store records as given: the history links the new version to the one it
    replaces, also when that one was deleted here."""
    f = open_evaluation_file(saved)
    try:
        with f.write():
            note = f.insert("notes", {"body": "Här", "subarea": "1.1"}, author="Anna")
            _, deleted = f.set_deleted("notes", note["id"], True, author="Anna")
            f.put_raw(
                "notes", {**note, "body": "Från kollegan", "rev": "r-kollega"}, reason="merge", author="Bo"
            )
        last = f.history(note["id"])[-1]
        assert (last["rev"], last["parent_rev"], last["reason"]) == ("r-kollega", deleted["rev"], "merge")
        assert f.get("notes", note["id"])["body"] == "Från kollegan"
    finally:
        f.close()


def test_a_read_only_session_cannot_write_the_file_even_by_mistake(saved):
    """Read-only is SQLite's too, not only the app's: a write slipped past the checks fails."""
    before = hashlib.sha256(saved.read_bytes()).hexdigest()
    with (
        EvaluationSession.open(saved, readonly=True) as s,
        pytest.raises(sqlite3.OperationalError, match="readonly"),
    ):
        s.file.conn.execute("DELETE FROM notes")
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (
            sqlite3.OperationalError("database or disk is full"),
            "Disken är full; ändringen kunde inte sparas i",
        ),
        (OSError(errno.EROFS, "Read-only file system"), "kunde inte skapas: filsystemet är skrivskyddat."),
    ],
)
def test_a_new_file_that_cannot_be_built_is_one_message_and_leaves_nothing(
    tmp_path, monkeypatch, capsys, failure, message
):
    from kompass_desktop.cli import main
    from kompass_desktop.storage import opening

    def fails(*_args):
        raise failure

    monkeypatch.setattr(opening, "migrate", fails)
    assert main(["new", str(tmp_path / "ny.kompass"), "--framework", "2019", "--unlisted", "Lindsjö"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "ny.kompass" in err, err
    assert list(tmp_path.iterdir()) == []


def test_a_file_another_program_puts_where_a_new_one_goes_is_never_replaced(tmp_path, fw2019, monkeypatch):
    from kompass_desktop.storage import opening

    target = tmp_path / "ny.kompass"
    real_mode = opening.final_mode

    def meanwhile(path):  # just before the new file is moved into place
        target.write_text("en annans fil")
        return real_mode(path)

    monkeypatch.setattr(opening, "final_mode", meanwhile)
    with pytest.raises(KompassError) as refused:
        EvaluationSession.create(target, NewEvaluation(fw2019, "Testby", 2025))
    assert str(refused.value) == f"{target} finns redan; välj ett annat namn."
    assert target.read_text() == "en annans fil"
    assert [p.name for p in tmp_path.iterdir()] == ["ny.kompass"]


def test_creating_over_an_evaluation_replaces_it_when_asked(tmp_path, fw2019):
    target = tmp_path / "ny.kompass"
    with EvaluationSession.create(target, NewEvaluation(fw2019, "Testby", 2024)) as first:
        first.notes.add("Från den gamla filen", "1.1")
    with pytest.raises(StorageError, match="finns redan"):
        EvaluationSession.create(target, NewEvaluation(fw2019, "Testby", 2025))
    with EvaluationSession.create(target, NewEvaluation(fw2019, "Testby", 2025), overwrite=True) as again:
        assert (again.info().year, again.notes.all()) == (2025, [])
    assert sidecars(target) == []


def test_a_file_with_two_evaluations_is_refused_naming_it(saved):
    conn = sqlite3.connect(saved)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(evaluation)")]
    listed = ", ".join(columns)
    picked = ", ".join("'andra'" if c == "id" else c for c in columns)
    conn.execute(f"INSERT INTO evaluation ({listed}) SELECT {picked} FROM evaluation")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as refused:
        EvaluationSession.open(saved, readonly=True)
    assert f"{saved.name} innehåller 2 utvärderingsposter (väntade 1)" in str(refused.value)


def test_history_is_written_only_inside_a_transaction(saved):
    """Versions copied from an export are appended only inside ``write()`` (with the records
    they belong to): outside it the call is refused as the programming error it is."""
    from kompass_desktop.storage.exchange_io import insert_history

    f = open_evaluation_file(saved)
    try:
        with pytest.raises(RuntimeError) as refused:
            insert_history(f, [])
        assert str(refused.value) == "history writes must happen inside EvaluationFile.write()"
        with f.write():
            assert insert_history(f, []) == 0
    finally:
        f.close()


def test_a_missing_record_is_named_and_only_record_tables_are_read_whole(saved):
    f = open_evaluation_file(saved)
    try:
        with pytest.raises(KompassError) as missing, f.write():
            f.update("notes", "finns-inte", {"body": "x"}, author="Anna")
        assert str(missing.value) == "Posten finns-inte finns inte i notes."
        from kompass_desktop.storage.exchange_io import all_records

        with pytest.raises(ValueError) as wrong:
            all_records(f, "meta")
        assert str(wrong.value) == "not a record table: 'meta'"
    finally:
        f.close()
