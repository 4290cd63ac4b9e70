"""A crash or a full disk at any instant leaves a file that opens, with every acknowledged edit.

The states are made by real SQLite in a child process (tests/filestates.py): a checkpoint cut
short by a full disk (the header claims more pages than the file holds; the edits are in the
log), and a transaction cut off in rollback-journal mode (a hot journal).  States SQLite
cannot recover from are still refused, and refused files are never written to.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from filestates import hot_journal, interrupted_checkpoint, run_child
from support import child_timeout

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage.errors import CorruptFile, NotAnEvaluationFile
from kompass_desktop.storage.fileformat import hot_journal_page1
from kompass_desktop.storage.opening import open_evaluation_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE and os._exit states")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def beside(path):
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def claimed_and_real_size(path):
    head = path.read_bytes()[:100]
    (page_size,) = struct.unpack(">H", head[16:18])
    (pages,) = struct.unpack(">I", head[28:32])
    return pages * page_size, path.stat().st_size


@pytest.fixture
def saved(session):
    path = session.path
    session.close()
    return path


def test_a_full_disk_while_closing_is_reported_and_loses_nothing(saved, capsys):
    child = interrupted_checkpoint(saved)
    assert child["close_error"] == (
        "CheckpointFailed: test.kompass: alla ändringar är sparade, men de kunde inte föras in i själva "
        "filen när den stängdes (läs- eller skrivfel på disken). De ligger säkert i test.kompass-wal bredvid "
        "filen och förs in nästa gång filen öppnas. Frigör utrymme och flytta eller kopiera aldrig filen "
        "utan test.kompass-wal."
    )
    claimed, real = claimed_and_real_size(saved)
    assert claimed > real and "test.kompass-wal" in beside(saved)  # the state SQLite recovers from
    assert main(["validate", str(saved)]) == 0
    assert capsys.readouterr().out.strip().endswith("OK")
    assert main(["summary", str(saved)]) == 0 and "11" in capsys.readouterr().out
    with EvaluationSession.open(saved) as s:
        assert set(child["acked"]) <= {n.id for n in s.notes.all()}
        assert s.scores.all()["1.1"] == 11
    assert beside(saved) == []  # a clean close copies the log back in: one file again


def test_a_hot_journal_is_rolled_back_for_readers_without_touching_the_file(saved, capsys):
    with EvaluationSession.open(saved) as s:
        s.scores.set("1.1", 4)
        s.notes.add("före avbrottet", "1.1")
    child = hot_journal(saved)
    journal = saved.with_name(saved.name + "-journal")
    assert journal.exists()
    before = (digest(saved), digest(journal))
    for command in (["validate", str(saved)], ["summary", str(saved)]):
        assert main(command) == 0, capsys.readouterr().err
    with EvaluationSession.open(saved, readonly=True) as s:
        assert len(s.notes.all()) == child["notes"] and str(s.scores.all()["1.1"]) == child["score"] == "4"
    assert (digest(saved), digest(journal)) == before  # reading never writes, not even to recover
    with EvaluationSession.open(saved) as s:  # a writer rolls the journal back in place
        assert [n.body for n in s.notes.all()] == ["före avbrottet"] and s.scores.all()["1.1"] == 4
        assert s.validate() == []
    assert beside(saved) == []


def test_a_hot_journal_restores_a_torn_first_page(saved):
    with EvaluationSession.open(saved) as s:
        s.scores.set("2.1", 6)
    hot_journal(saved)
    assert hot_journal_page1(saved)[1] is not None  # the journal holds the original first page
    data = bytearray(saved.read_bytes())
    data[0:4096] = bytes(4096)  # the first page was being written when the power went
    saved.write_bytes(bytes(data))
    with EvaluationSession.open(saved, readonly=True) as s:
        assert s.scores.all()["2.1"] == 6 and s.validate() == []
    with EvaluationSession.open(saved) as s:
        assert s.scores.all()["2.1"] == 6


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # SQLite's rollback-journal header (pager.c)


def journal(sector: int, page_size: int, records: list[tuple[int, bytes]], nonce: int = 7) -> bytes:
    """A rollback journal as SQLite writes it: a header padded to one sector (at least 512
    bytes here), then records of (page number, the page as it was, checksum)."""
    header = JOURNAL_MAGIC + struct.pack(">IIIII", len(records), nonce, 10, sector, page_size)
    out = header + bytes(max(sector, 512) - len(header))
    for page_no, page in records:
        checksum = (nonce + sum(page[i] for i in range(len(page) - 200, 0, -200))) & 0xFFFFFFFF
        out += struct.pack(">I", page_no) + page + struct.pack(">I", checksum)
    return out


def test_the_original_first_page_is_found_wherever_it_is_in_the_journal(tmp_path):
    path = tmp_path / "fil.kompass"
    path.write_bytes(bytes(4096))
    first = bytes(range(256)) * 2
    path.with_name(path.name + "-journal").write_bytes(
        journal(512, 512, [(3, bytes([3]) * 512), (2, bytes([2]) * 512), (1, first)])
    )
    assert hot_journal_page1(path) == (True, first)


@pytest.mark.parametrize(("sector", "page_size"), [(512, 1000), (512, 256), (16, 512)])
def test_a_journal_with_an_impossible_header_is_hot_but_holds_no_first_page(tmp_path, sector, page_size):
    """SQLite stops reading a journal at a header with an impossible sector or page size (it
    rolls nothing back from it): so the file's own first page is the one to check."""
    path = tmp_path / "fil.kompass"
    path.write_bytes(bytes(4096))
    page = bytes([1]) * page_size
    path.with_name(path.name + "-journal").write_bytes(journal(sector, page_size, [(1, page)]))
    assert hot_journal_page1(path) == (True, None)


def test_a_foreign_database_with_a_hot_journal_is_refused_untouched(tmp_path):
    path = tmp_path / "annan.kompass"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    conn.executemany("INSERT INTO customers VALUES (?, ?)", [(i, "x" * 500) for i in range(300)])
    conn.commit()
    conn.close()
    run_child(
        """
        import sqlite3
        conn = sqlite3.connect(sys.argv[1], isolation_level=None)
        conn.execute("PRAGMA cache_size = 2")
        conn.execute("BEGIN")
        conn.execute("UPDATE customers SET name = hex(randomblob(300))")
        print("{}", flush=True)
        os._exit(0)
        """,
        str(path),
    )
    journal = path.with_name(path.name + "-journal")
    before = (digest(path), digest(journal))
    assert before[1] is not None
    with pytest.raises(NotAnEvaluationFile, match="SQLite-databas men ingen utvärderingsfil"):
        EvaluationSession.open(path)
    assert (digest(path), digest(journal)) == before


def test_a_truncated_file_with_a_log_beside_it_is_refused_untouched(saved, tmp_path):
    session = EvaluationSession.open(saved)
    for i in range(40):
        session.notes.add(f"anteckning {i} " + "x" * 900, "1.1")
    crashed = tmp_path / "kraschad"
    crashed.mkdir()
    copy = crashed / saved.name
    shutil.copy(saved, copy)
    shutil.copy(saved.with_name(saved.name + "-wal"), copy.with_name(copy.name + "-wal"))
    session.close()
    copy.write_bytes(copy.read_bytes()[:8192])  # the file lost its end; the log cannot replace it
    wal = copy.with_name(copy.name + "-wal")
    before = (digest(copy), digest(wal))
    with pytest.raises(CorruptFile):
        EvaluationSession.open(copy)
    assert (digest(copy), digest(wal)) == before  # refused without a checkpoint into it


def test_immutable_reads_skip_locking_but_never_miss_the_log(saved):
    clean = open_evaluation_file(saved, readonly=True, immutable=True)
    try:
        assert clean.conn.execute("SELECT count(*) FROM independent_scores").fetchone()[0] == 0
    finally:
        clean.close()
    assert beside(saved) == []  # nothing created beside the input
    with EvaluationSession.open(saved) as writer:
        writer.scores.set("1.1", 9)  # committed, but only in the log so far
        assert os.path.getsize(saved.with_name(saved.name + "-wal")) > 0
        reader = open_evaluation_file(saved, readonly=True, immutable=True)
        try:
            assert reader.query("SELECT points FROM independent_scores") == [("9",)]
        finally:
            reader.close()


def test_a_full_disk_when_opening_is_not_called_damage(saved):
    """SQLite must rebuild its WAL index (NAME-shm) to read the log; with no room for it the
    message says so. It must never advise restoring a backup, which would lose the edits."""
    interrupted_checkpoint(saved, notes=20)
    saved.with_name(saved.name + "-shm").unlink(missing_ok=True)
    before = (digest(saved), digest(saved.with_name(saved.name + "-wal")))
    code = (
        "import resource, sys\n"
        "sys.dont_write_bytecode = True\n"
        "from kompass_desktop.cli import main\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (200, resource.RLIM_INFINITY))\n"
        f"sys.exit(main(['validate', {str(saved)!r}]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=child_timeout(60)
    )
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert "test.kompass-shm" in proc.stderr and "är disken full" in proc.stderr
    assert "skadad" not in proc.stderr and "säkerhetskopia" not in proc.stderr
    assert (digest(saved), digest(saved.with_name(saved.name + "-wal"))) == before
    assert main(["validate", str(saved)]) == 0  # with room again, everything is there


def test_closing_while_another_program_reads_the_file_keeps_the_edits_in_the_log(session):
    """The file cannot be switched back to a single file while another connection has it open:
    closing still succeeds, the edit waits in NAME-wal and is there at the next open."""
    path = session.path
    session.scores.set("1.1", 5)
    reader = sqlite3.connect(path)  # e.g. a database browser, between two reads
    try:
        assert reader.execute("SELECT count(*) FROM evaluation").fetchone()[0] == 1
        session.close()  # no error: the switch is postponed
        assert beside(path) == [path.name + "-shm", path.name + "-wal"]
    finally:
        reader.close()
    with EvaluationSession.open(path) as again:
        assert again.scores.all()["1.1"] == 5
    assert beside(path) == []


def test_a_copy_that_cannot_be_rolled_back_is_named_and_leaves_nothing(tmp_path):
    """A file needing recovery that SQLite cannot read at all: one message with SQLite's words
    and what to do, and the private recovery folder is gone again."""
    from kompass_desktop.storage.recovery import RecoveredCopy

    broken = tmp_path / "trasig.kompass"
    broken.write_bytes(b"not a database at all " * 400)
    temporary = Path(tempfile.gettempdir())
    before = set(temporary.glob(".kompass-recovery-*"))
    with pytest.raises(CorruptFile) as refused:
        RecoveredCopy(broken)
    assert str(refused.value) == (
        "trasig.kompass är skadad och kan inte återställas (file is not a database). Återställ en "
        "säkerhetskopia (kompass backups)."
    )
    assert set(temporary.glob(".kompass-recovery-*")) == before
