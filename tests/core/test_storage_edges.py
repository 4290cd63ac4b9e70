"""The rarer paths of storage's file rules: a file system without hard links, an output that
appears while it is written, a lock whose holder cannot be named, temporaries that are not ours
or cannot be read, and the user's name where the system has none."""

from __future__ import annotations

import errno
import getpass
import os
import sqlite3
import sys

import pytest
from support import run_sql

from kompass_desktop.domain.model import TextScope
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage import exchange_io as xio
from kompass_desktop.storage import lock as lockmod
from kompass_desktop.storage import opening, outputs, rows
from kompass_desktop.storage.errors import (
    CheckpointFailed,
    CorruptFile,
    FileLocked,
    NetworkLocation,
    StorageError,
)
from kompass_desktop.storage.fileformat import name_too_long
from kompass_desktop.storage.location import Location, Mount, classify_mount
from kompass_desktop.storage.lock import WriterLock, lock_path_for
from kompass_desktop.storage.outputs import OutputFailed, write_output

_POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file types")
NOT_RUNNING = 99999999  # above every system's highest process id: no such process


def _no_hard_links(monkeypatch):
    def link(src, dst, *args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")  # FAT, some network shares

    monkeypatch.setattr(outputs.os, "link", link)


# -- outputs: written in place, never over a file that appeared meanwhile ------------------------


def test_without_hard_links_a_new_output_is_still_written_and_nothing_left_beside(tmp_path, monkeypatch):
    _no_hard_links(monkeypatch)
    target = tmp_path / "rapport.pdf"
    write_output(target, b"%PDF report")
    assert target.read_bytes() == b"%PDF report"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard links", "no hard links"])
def test_an_output_that_appears_while_it_is_written_is_not_overwritten(tmp_path, monkeypatch, hard_links):
    if not hard_links:
        _no_hard_links(monkeypatch)
    target = tmp_path / "rapport.pdf"
    with pytest.raises(OutputFailed) as refused, outputs.writing(target) as tmp:
        tmp.write_bytes(b"%PDF ours")
        target.write_bytes(b"%PDF another program's")  # made by someone else meanwhile
    assert str(refused.value) == f"{target} finns redan; välj ett annat namn."
    assert target.read_bytes() == b"%PDF another program's"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]  # no temporary left


def test_a_folder_or_a_missing_file_is_neither_an_evaluation_nor_read_only(tmp_path):
    assert outputs.is_evaluation_file(tmp_path) is False  # cannot be read as a file
    assert outputs.is_evaluation_file(tmp_path / "saknas.kompass") is False
    assert outputs.is_read_only(tmp_path / "saknas.pdf") is False


def test_files_that_do_not_exist_yet_are_the_same_when_their_paths_lead_to_one_place(tmp_path):
    (tmp_path / "a").mkdir()
    assert outputs.same_file(tmp_path / "a" / ".." / "r.pdf", tmp_path / "r.pdf") is True
    assert outputs.same_file(tmp_path / "a" / "r.pdf", tmp_path / "r.pdf") is False


# -- temporaries of killed writers: only ours, only regular files and our own folders ----------


def test_a_missing_folder_has_no_temporaries_to_clean(tmp_path):
    assert outputs.clean_stale_temporaries(tmp_path / "saknas") == []


@_POSIX
def test_a_link_a_pipe_and_a_foreign_folder_named_like_temporaries_are_left(tmp_path):
    ours = tmp_path / "egen.pdf"
    ours.write_bytes(b"%PDF")
    link = tmp_path / f".länk.pdf.{NOT_RUNNING}.tmp"
    link.symlink_to(ours)
    pipe = tmp_path / f".rör.pdf.{NOT_RUNNING}.tmp"
    os.mkfifo(pipe)
    folder = tmp_path / f".annan-mapp.{NOT_RUNNING}.tmp"  # not a private folder of ours
    folder.mkdir()
    stale = tmp_path / f".rapport.pdf.{NOT_RUNNING}.tmp"
    stale.write_bytes(b"%PDF half written")
    assert outputs.clean_stale_temporaries(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["egen.pdf", link.name, pipe.name, folder.name]
    )


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners by user id")
def test_a_private_folder_of_another_user_is_left(tmp_path, monkeypatch):
    folder = tmp_path / f".kompass-utkast-x.{NOT_RUNNING}.tmp"
    folder.mkdir()
    monkeypatch.setattr(outputs.os, "getuid", lambda: os.stat(folder).st_uid + 1)
    assert outputs.clean_stale_temporaries(tmp_path) == []
    assert folder.is_dir()


def test_a_temporary_that_cannot_be_read_is_left(tmp_path, monkeypatch):
    stale = tmp_path / f".rapport.pdf.{NOT_RUNNING}.tmp"
    stale.write_bytes(b"%PDF half written")
    real_open = open

    def unreadable(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(stale):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(outputs, "open", unreadable, raising=False)
    assert outputs.clean_stale_temporaries(tmp_path) == []
    assert stale.read_bytes() == b"%PDF half written"


# -- locks: the holder is named only when it can be --------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks: the sidecar stays writable")
@pytest.mark.parametrize(
    ("holder", "named"),
    [
        (b"", ""),  # not yet written
        (b"Anna p\xe5 anna-pc", ""),  # another format
        (b"[1, 2]", ""),
        (b'{"since": "2025-10-14T09:00"}', ""),  # no user or host
        (b'{"user": "anna"}', " av anna"),
        (b'{"host": "anna-pc"}', " av någon på anna-pc"),
        (
            b'{"user": "anna", "host": "anna-pc", "since": "2025-10-14T09:00"}',
            " av anna på anna-pc sedan 2025-10-14 09:00",
        ),
    ],
)
def test_the_holder_of_a_lock_is_named_with_what_is_known_of_it(session, holder, named):
    path = session.path
    with open(lock_path_for(path), "r+b") as fh:  # what another program (or an older version) left
        fh.truncate(0)
        fh.write(holder)
    with pytest.raises(FileLocked) as refused:
        WriterLock(path).acquire()
    assert str(refused.value) == (
        f"{path.name} är redan öppen{named}. Stäng den där först – två program kan inte skriva i samma "
        "utvärdering."
    )


@pytest.mark.parametrize(
    "getuser",
    [lambda: "", lambda: (_ for _ in ()).throw(KeyError("uid 1000 saknas"))],
    ids=["empty", "error"],
)
def test_a_user_without_a_name_is_called_unknown(monkeypatch, getuser):
    monkeypatch.setattr(getpass, "getuser", getuser)
    assert lockmod.current_user() == "okänd"


@_POSIX
def test_a_name_that_is_a_link_loop_still_gets_a_lock_name(tmp_path):
    loop = tmp_path / "a.kompass"
    loop.symlink_to(tmp_path / "b.kompass")
    (tmp_path / "b.kompass").symlink_to(loop)
    sidecar = lock_path_for(loop)  # no file behind it: named by its path
    assert sidecar.parent == tmp_path and sidecar.name.startswith(lockmod.LOCK_PREFIX)
    assert lockmod.identity_lock_path(loop) is None


def test_every_name_of_one_file_shares_its_lock_names(tmp_path):
    saved = tmp_path / "u.kompass"
    saved.write_bytes(b"x")
    alias = tmp_path / "alias.kompass"
    alias.symlink_to(saved)
    st = os.stat(saved)
    assert (
        lock_path_for(alias)
        == lock_path_for(saved)
        == tmp_path / f"{lockmod.LOCK_PREFIX}{st.st_dev:x}-{st.st_ino:x}"
    )
    assert lockmod.identity_lock_path(alias) == lockmod.locks_dir() / f"{st.st_dev:x}-{st.st_ino:x}"


@pytest.mark.parametrize(
    ("err", "reason"),
    [
        (sqlite3.OperationalError("database or disk is full"), "disken är full"),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            "filen eller dess mapp är skrivskyddad",
        ),
        (
            sqlite3.OperationalError("disk I/O error: read-only file system"),
            "filen eller dess mapp är skrivskyddad",
        ),
        (
            sqlite3.DatabaseError("database disk image is malformed"),
            "filen är skadad: database disk image is malformed",
        ),
        (sqlite3.DatabaseError("file is not a database"), "filen är skadad: file is not a database"),
        (sqlite3.OperationalError("database is locked"), "filen används av ett annat program"),
        (sqlite3.OperationalError("disk I/O error"), "läs- eller skrivfel på disken"),
        (sqlite3.OperationalError("unable to open database file"), "läs- eller skrivfel på disken"),
        (sqlite3.OperationalError("no such table: x"), "databasfel: no such table: x"),
    ],
)
def test_why_sqlite_failed_is_said_in_swedish(err, reason):
    assert rows.sqlite_reason(err) == reason


# -- the evaluation file: closing beside a reader, a keyed record brought back, nested reads -----


def test_a_file_closed_while_another_program_reads_it_keeps_its_log_and_loses_nothing(session):
    path = session.path
    note = session.notes.add("Skriven medan någon läser.", "1.1")
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM notes").fetchone()  # a read transaction holds the log
    sent = []
    session.file.conn.set_trace_callback(sent.append)
    try:
        session.close()  # no error: the log is written into the file next time
        assert path.with_name(path.name + "-wal").exists()
        assert "PRAGMA journal_mode = DELETE" not in sent  # not tried: it would wait for the reader
    finally:
        reader.close()
    with EvaluationSession.open(path, readonly=True) as again:
        assert again.notes.get(note.id).body == "Skriven medan någon läser."
    assert session.closed


def test_an_error_on_its_way_out_is_not_hidden_by_a_failed_checkpoint(session, monkeypatch, caplog):
    f = session.file
    monkeypatch.setattr(f, "_checkpoint", lambda: sqlite3.OperationalError("disk I/O error"))
    with pytest.raises(KeyError, match="det första felet"), f:
        raise KeyError("det första felet")
    assert f.closed
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [_kept_in_log(f.path.name)]


def test_a_failed_checkpoint_is_raised_when_nothing_else_went_wrong(session, monkeypatch):
    f = session.file
    monkeypatch.setattr(f, "_checkpoint", lambda: sqlite3.OperationalError("disk I/O error"))
    with pytest.raises(CheckpointFailed) as failed, f:
        pass
    assert f.closed
    assert str(failed.value) == _kept_in_log(f.path.name)


def _kept_in_log(name: str) -> str:
    return (
        f"{name}: alla ändringar är sparade, men de kunde inte föras in i själva filen när den stängdes "
        f"(läs- eller skrivfel på disken). De ligger säkert i {name}-wal bredvid filen och förs in nästa "
        f"gång filen öppnas. Frigör utrymme och flytta eller kopiera aldrig filen utan {name}-wal."
    )


def test_a_deleted_keyed_record_stored_again_is_brought_back(session):
    f = session.file
    with f.write():
        _old, row = f.upsert_keyed(
            "texts", "t-1", {"scope": "subarea", "ref": "1.1", "body": "Första"}, author="A"
        )
        f.set_deleted("texts", row["id"], True, author="A")
    assert [r["id"] for r in f.rows("texts")] == []
    with f.write():
        old, new = f.upsert_keyed(
            "texts", "t-1", {"scope": "subarea", "ref": "1.1", "body": "Andra"}, author="A"
        )
    assert (old["deleted"], new["deleted"], new["body"]) == (1, 0, "Andra")
    assert [r["body"] for r in f.rows("texts")] == ["Andra"]


def test_a_read_inside_a_write_is_part_of_it(session):
    f = session.file
    with f.write():
        with xio.consistent_read(f):
            assert xio.all_meta(f)["evaluation_id"] == session.evaluation_id
        assert f.conn.in_transaction  # the write goes on
    assert not f.conn.in_transaction


def test_record_writes_outside_a_write_are_a_programming_error(session):
    with pytest.raises(RuntimeError, match=r"^writes must happen inside EvaluationFile\.write\(\)$"):
        xio.set_framework_frozen_at(session.file, "2025-01-01T00:00:00Z")
    with pytest.raises(RuntimeError, match=r"^record writes must happen inside EvaluationFile\.write\(\)$"):
        session.file.insert("notes", {"body": "x"}, author="A")


# -- outputs beside evaluation files --------------------------------------------------------------


def test_a_name_like_a_companion_of_an_evaluation_that_does_not_exist_is_an_ordinary_output(tmp_path):
    target = tmp_path / "rapport.kompass-journal"  # no rapport.kompass beside it
    write_output(target, b"%PDF")
    assert target.read_bytes() == b"%PDF"


def test_a_file_held_through_the_users_lock_folder_is_not_at_rest(session):
    path = session.path
    held = lockmod.identity_lock_path(path)
    assert held is not None and held.exists()
    beside = lock_path_for(path)
    assert outputs.at_rest(path) is False
    session.close()
    assert outputs.at_rest(path) is True
    held.parent.mkdir(parents=True, exist_ok=True)
    held.write_text("")  # only the lock in the user's lock folder: another name of the file is open
    assert not beside.exists() and outputs.at_rest(path) is False


def test_a_stale_temporary_that_cannot_be_removed_is_left_and_the_rest_cleaned(tmp_path, monkeypatch):
    stuck = tmp_path / f".a.pdf.{NOT_RUNNING}.tmp"
    gone = tmp_path / f".b.pdf.{NOT_RUNNING}.tmp"
    for path in (stuck, gone):
        path.write_bytes(b"%PDF half written")
    real_unlink = outputs.Path.unlink

    def unlink(path, missing_ok=False):
        if path == stuck:
            raise PermissionError(errno.EACCES, "in use")  # Windows: another program has it open
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(outputs.Path, "unlink", unlink)
    assert outputs.clean_stale_temporaries(tmp_path) == [gone]
    assert stuck.exists() and not gone.exists()


def test_every_record_read_for_an_export_includes_the_deleted(session):
    """An export, an import and a merge carry deleted records too (undo and merge need them)."""
    kept = session.notes.add("Kvar", "1.1")
    gone = session.notes.add("Borttagen", "1.1")
    session.notes.delete(gone.id)
    found = {r["id"]: r["deleted"] for r in xio.all_records(session.file, "notes")}
    assert found == {kept.id: 0, gone.id: 1}


def test_an_input_opened_by_its_read_only_address_cannot_be_written(session):
    path = session.path
    session.close()
    conn = sqlite3.connect(outputs.read_only_uri(path), uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM notes")
    finally:
        conn.close()


def test_a_location_set_by_the_setting_says_so_in_the_refusal(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPASS_ASSUME_LOCATION", "network")
    with pytest.raises(NetworkLocation) as refused:
        write_output(tmp_path / "rapport.pdf", b"%PDF")
    assert str(refused.value) == (
        "rapport.pdf ligger i en nätverksmapp (KOMPASS_ASSUME_LOCATION). Där kan Kompass Desktop inte "
        "skriva säkert – två datorer kan förstöra filen. Spara på datorns egen disk och kopiera sedan "
        "filen dit."
    )
    assert list(tmp_path.iterdir()) == []


# -- the survivors of a fresh sample (seed 20) ----------------------------------------------------


def test_a_mount_point_whose_name_ends_in_x_is_matched_whole():
    table = [Mount("/dev/nvme0n1p2", "/", "ext4", "rw"), Mount("//nas/box", "/mnt/BOX", "cifs", "rw")]
    assert classify_mount("/mnt/BOX/utvärderingar", table, "linux") == Location("network", "cifs")


def test_a_name_of_exactly_the_longest_length_is_not_called_too_long():
    assert name_too_long("a" * 255).startswith("Sökvägen ")  # the path, not the name, is named
    assert name_too_long("a" * 256).startswith("Namnet ")


def test_something_named_like_a_lock_that_cannot_be_opened_is_not_removed(tmp_path):
    folder = tmp_path / f"{lockmod.LOCK_PREFIX}mapp"
    folder.mkdir()  # opening it as a file fails
    assert lockmod.remove_if_stale(folder) is False
    assert outputs.clean_stale_temporaries(tmp_path) == [] and folder.is_dir()


def test_a_sqlite_error_while_opening_for_writing_names_the_file(session, monkeypatch):
    path = session.path
    session.close()

    def locked(*_args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(opening, "migrate", locked)
    with pytest.raises(StorageError) as refused:
        opening.open_evaluation_file(path)
    assert str(refused.value) == f"{path.name} används av ett annat program just nu; försök igen."


def test_a_text_with_an_unknown_place_is_named_by_it(session):
    session.scores.set_text(TextScope.SUBAREA, "1.1", "Text")
    path = session.path
    session.close()
    run_sql(path, "UPDATE texts SET scope = 'okänd'")
    with pytest.raises(CorruptFile) as refused:
        EvaluationSession.open(path, readonly=True)
    assert str(refused.value) == (
        f"{path.name} innehåller skadade värden: texten okänd 1.1: fältet scope: okänt värde ”okänd” "
        "(tillåtna: area, area_intro, comparisons, subarea, summary_overall, summary_stronger, "
        "summary_weaker). Filen öppnas inte; återställ en säkerhetskopia (kompass backups)."
    )
