"""One writer per file, whatever name it is opened by; a clear message about who has it open,
on POSIX and (simulated) on Windows; a full disk or a long name never leaves a broken lock."""

from __future__ import annotations

import errno
import getpass
import os
import socket
import subprocess
import sys
import textwrap
import types

import pytest
from support import child_timeout

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage import lock as lockmod
from kompass_desktop.storage.errors import DiskFull, FileLocked, StorageError
from kompass_desktop.storage.lock import WriterLock, lock_path_for

WHO = rf"av {getpass.getuser()} på {socket.gethostname()} sedan \d{{4}}-\d\d-\d\d \d\d:\d\d"


@pytest.fixture
def saved(session):
    session.scores.set("1.1", 5)
    path = session.path
    session.close()
    return path


def _other_names(saved, tmp_path):
    hard = saved.with_name("hardlänk.kompass")
    os.link(saved, hard)
    elsewhere = tmp_path / "annan mapp"
    elsewhere.mkdir()
    soft = elsewhere / "genväg.kompass"
    soft.symlink_to(saved)
    return hard, soft


@pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard and symbolic links")
def test_two_names_of_one_file_never_get_two_writers(saved, tmp_path):
    hard, soft = _other_names(saved, tmp_path)
    first = EvaluationSession.open(hard)
    try:
        for name in (saved, soft):
            with pytest.raises(FileLocked, match=rf"{name.name} är redan öppen {WHO}"):
                EvaluationSession.open(name)
        with EvaluationSession.open(soft, readonly=True) as reader:  # reading is still fine
            assert reader.scores.all()["1.1"] == 5
        first.scores.set("1.1", 7)
    finally:
        first.close()
    with EvaluationSession.open(soft) as s:  # free again, through any name
        assert s.scores.all()["1.1"] == 7 and s.validate() == []


@pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard links")
def test_a_writer_in_another_process_holds_every_name(saved, tmp_path):
    hard, soft = _other_names(saved, tmp_path)
    code = textwrap.dedent(f"""
        import sys
        from kompass_desktop.services import EvaluationSession
        s = EvaluationSession.open({str(soft)!r})
        print("open", flush=True)
        sys.stdin.readline()
        s.close()
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "open"
        (tmp_path / "p.csv").write_text("1.1;3\n", encoding="utf-8")
        for name in (saved, hard):
            with pytest.raises(FileLocked, match=WHO):
                EvaluationSession.open(name)
    finally:
        child.communicate("\n", timeout=child_timeout(30))


# -- Windows, simulated: msvcrt locks are mandatory, a locked byte cannot be read by others ----


class _WindowsFiles:
    """Byte-range locks with Windows semantics: a range locked through one handle cannot be read,
    written or locked through another handle of the same file."""

    def __init__(self):
        self.locks = []  # (file key, start, end, handle)
        self.by_fd = {}

    def conflict(self, handle, start, end):
        return any(
            key == handle.key and h is not handle and start < e and s < end for key, s, e, h in self.locks
        )


class _WindowsFile:
    def __init__(self, files, path, mode, buffering=-1):
        self._files = files
        self._fh = open(path, mode, buffering=0)  # noqa: SIM115 - closed by close()
        self.key = os.path.realpath(path)
        files.by_fd[self._fh.fileno()] = self

    def _check(self, start, count):
        if self._files.conflict(self, start, start + max(count, 1)):
            raise PermissionError(errno.EACCES, "The process cannot access the file (locked region)")

    def read(self, count=-1):
        self._check(self._fh.tell(), count if count >= 0 else 1 << 30)
        return self._fh.read(count)

    def write(self, data):
        self._check(self._fh.seek(0, os.SEEK_END), len(data))  # opened for appending
        return self._fh.write(data)

    def seek(self, *args):
        return self._fh.seek(*args)

    def tell(self):
        return self._fh.tell()

    def truncate(self, size=None):
        return self._fh.truncate(size)

    def flush(self):
        return self._fh.flush()

    def fileno(self):
        return self._fh.fileno()

    def close(self):
        # Windows frees the locks of a closed handle only "when resources allow" (msvcrt docs):
        # a lock is gone when it was unlocked; one left behind still holds its range here.
        self._files.by_fd.pop(self._fh.fileno(), None)
        self._fh.close()


@pytest.fixture
def windows(monkeypatch):
    files = _WindowsFiles()
    msvcrt = types.ModuleType("msvcrt")
    msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK, msvcrt.LK_RLCK, msvcrt.LK_NBRLCK = 0, 1, 2, 3, 4

    def locking(fd, mode, count):
        if not isinstance(count, int):  # as msvcrt: "'NoneType' object cannot be interpreted as an integer"
            raise TypeError(f"{type(count).__name__!r} object cannot be interpreted as an integer")
        handle = files.by_fd[fd]
        start = handle.tell()
        if mode == msvcrt.LK_UNLCK:  # Windows unlocks exactly a locked range, else ERROR_NOT_LOCKED
            held = [e for e in files.locks if e[3] is handle and (e[1], e[2]) == (start, start + count)]
            if not held:
                raise OSError(errno.EACCES, "The segment is already unlocked")
            files.locks.remove(held[0])
            return
        if files.conflict(handle, start, start + count):
            raise PermissionError(errno.EACCES, "Permission denied")
        files.locks.append((handle.key, start, start + count, handle))

    msvcrt.locking = locking
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setattr(lockmod.sys, "platform", "win32")
    monkeypatch.setattr(
        lockmod, "open", lambda path, mode, buffering=-1: _WindowsFile(files, path, mode), raising=False
    )
    real_unlink = lockmod.Path.unlink

    def unlink(path, missing_ok=False):  # Windows cannot remove a file that is open
        if any(h.key == os.path.realpath(path) for h in files.by_fd.values()):
            raise PermissionError(errno.EACCES, "The process cannot access the file (in use)")
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(lockmod.Path, "unlink", unlink)
    return files


def test_windows_holder_is_named_while_the_file_is_locked(saved, windows):
    first = WriterLock(saved)
    first.acquire()
    try:
        assert windows.locks, "the simulation saw the lock"
        with pytest.raises(FileLocked, match=rf"{saved.name} är redan öppen {WHO}"):
            WriterLock(saved).acquire()
    finally:
        first.release()
    assert not lock_path_for(saved).exists()  # removed after closing, as Windows requires
    again = WriterLock(saved)
    again.acquire()
    again.release()


def test_windows_a_lock_left_by_a_killed_holder_is_removed_and_a_held_one_kept(saved, windows):
    held = WriterLock(saved)
    held.acquire()
    try:
        assert lockmod.remove_if_stale(lock_path_for(saved)) is False  # its holder still runs
        assert lock_path_for(saved).exists()
    finally:
        held.release()
    lock_path_for(saved).write_text("Anna på anna-pc sedan 2025-10-14 09:00\n")  # holder killed
    assert lockmod.remove_if_stale(lock_path_for(saved)) is True
    assert not lock_path_for(saved).exists()


# -- a full disk and long names ----------------------------------------------------------------


def test_a_full_disk_while_writing_the_lock_is_one_clear_error_and_leaves_no_lock(saved, monkeypatch):
    real_open = open

    class FullDisk:
        def __init__(self, path, mode, buffering=-1):
            self._fh = real_open(path, mode, buffering=0)

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self._fh, name)

    monkeypatch.setattr(lockmod, "open", FullDisk, raising=False)
    with pytest.raises(DiskFull) as refused:
        EvaluationSession.open(saved)
    assert str(refused.value) == (
        f"Disken är full: låsfilen för test.kompass kunde inte skrivas i {saved.parent}. "
        "Frigör utrymme och försök igen."
    )
    assert not lock_path_for(saved).exists()
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]


def test_a_lock_that_cannot_be_written_says_why_in_swedish(saved, monkeypatch):
    """Any other failure to write the lock: the reason in Swedish, never the system's English."""
    real_open = open

    class ReadOnlyFileSystem:
        def __init__(self, path, mode, buffering=-1):
            self._fh = real_open(path, mode, buffering=0)

        def write(self, data):
            raise OSError(errno.EROFS, "Read-only file system")

        def __getattr__(self, name):
            return getattr(self._fh, name)

    monkeypatch.setattr(lockmod, "open", ReadOnlyFileSystem, raising=False)
    with pytest.raises(StorageError) as refused:
        EvaluationSession.open(saved)
    assert str(refused.value) == (
        f"Låsfilen för test.kompass kunde inte skrivas i {saved.parent} (filsystemet är skrivskyddat)."
    )
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE")
def test_no_room_for_the_lock_in_a_real_process(saved, tmp_path):
    """The process may not grow any file (as on a full disk): a one-line error, exit code 1,
    the evaluation unchanged and no empty lock file left behind."""
    (tmp_path / "p.csv").write_text("1.1;3\n", encoding="utf-8")
    before = saved.read_bytes()
    code = textwrap.dedent(f"""
        import resource, sys
        sys.dont_write_bytecode = True  # a truncated .pyc would break later runs
        from kompass_desktop.cli import main
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
        sys.exit(main(["import-scores", {str(saved)!r}, {str(tmp_path / "p.csv")!r}]))
    """)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=child_timeout(60)
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Låsfilen för test.kompass kunde inte skrivas" in proc.stderr
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["p.csv", saved.name]


def _name_of(size):
    stem = "å" * ((size - len(".kompass")) // 2) + "a" * ((size - len(".kompass")) % 2)
    name = stem + ".kompass"
    assert len(name.encode()) == size
    return name


@pytest.mark.parametrize("size", [246, 247, 248, 250, 252, 253, 254, 255])
def test_long_names_work_or_get_a_clear_error(saved, tmp_path, capsys, size):
    """SQLite adds "-journal" (8 bytes) to the name; the lock's name no longer depends on it."""
    target = tmp_path / _name_of(size)
    (tmp_path / "p.csv").write_text("1.1;3\n", encoding="utf-8")
    fits = size <= 247
    code = main(["new", str(target), "--framework", "2019", "--unlisted", "Långby"])
    err = capsys.readouterr().err
    assert code == (0 if fits else 1), err
    if not fits:
        assert f"för långt ({size} byte)" in err and "högst 247 byte" in err and err.count("\n") == 1
        target.write_bytes(saved.read_bytes())  # a file that got its long name elsewhere
    before = target.read_bytes()
    code = main(["import-scores", str(target), str(tmp_path / "p.csv")])
    err = capsys.readouterr().err
    assert code == (0 if fits else 1), err
    if not fits:
        assert f"för långt ({size} byte)" in err and err.count("\n") == 1
        assert target.read_bytes() == before
    assert main(["validate", str(target)]) == 0  # reading works at every length
    leftovers = {p.name for p in tmp_path.iterdir()} - {target.name, "p.csv", saved.name}
    assert leftovers == set()


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_the_holder_is_named_also_when_its_lock_says_not_since_when(saved):
    """A lock written without a start time (an older version): who holds it, without "sedan"."""
    import fcntl

    with open(lock_path_for(saved), "wb", buffering=0) as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write(b'{"user": "anna", "host": "kontoret"}')
        with pytest.raises(FileLocked) as refused:
            EvaluationSession.open(saved)
    assert str(refused.value) == (
        "test.kompass är redan öppen av anna på kontoret. "
        "Stäng den där först – två program kan inte skriva i samma utvärdering."
    )


@pytest.mark.parametrize(
    ("code", "kind", "message"),
    [
        (
            errno.ENOSPC,
            DiskFull,
            "Disken är full: låsfilen för test.kompass kunde inte skrivas i {folder}. "
            "Frigör utrymme och försök igen.",
        ),
        (
            errno.EIO,
            StorageError,
            "Låsfilen för test.kompass kunde inte skrivas i {folder} (läsfel eller skrivfel på "
            "enheten (den kan vara skadad eller urkopplad)).",
        ),
    ],
)
def test_a_lock_file_that_cannot_be_made_says_why(saved, monkeypatch, code, kind, message):
    """Making the lock beside the file fails (a full disk, a USB stick pulled out): one clear
    error of the right kind, nothing left behind, and the file opens once the cause is gone."""
    real_open = open
    sidecar = lock_path_for(saved)

    def failing(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(sidecar):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(lockmod, "open", failing, raising=False)
    with pytest.raises(kind) as refused:
        EvaluationSession.open(saved)
    assert str(refused.value) == message.format(folder=saved.parent)
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]
    monkeypatch.undo()
    EvaluationSession.open(saved).close()


def test_a_lock_replaced_again_and_again_meanwhile_is_refused_as_busy(saved, monkeypatch):
    """Another program removes and re-makes the lock each time it is taken: after three tries
    the open is refused as busy, not retried for ever, and no lock is left held."""
    monkeypatch.setattr(WriterLock, "_replaced_meanwhile", staticmethod(lambda fh, path: True))
    with pytest.raises(FileLocked) as refused:
        EvaluationSession.open(saved)
    assert str(refused.value) == "test.kompass öppnas just nu av ett annat program."
    monkeypatch.undo()
    EvaluationSession.open(saved).close()


@pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard links")
def test_hard_links_share_the_lock_beside_them_also_without_the_users_lock_folder(
    saved, tmp_path, monkeypatch
):
    """The user's lock folder cannot be made (a locked-down profile): the lock beside the file
    alone still keeps a second writer out of another name of the same file."""
    blocker = tmp_path / "ingen mapp"
    blocker.write_text("en fil där låsmappen skulle ligga", encoding="utf-8")
    monkeypatch.setattr(lockmod, "locks_dir", lambda: blocker / "locks")
    hard = saved.with_name("hardlänk.kompass")
    os.link(saved, hard)
    with (
        EvaluationSession.open(saved),
        pytest.raises(FileLocked, match=rf"hardlänk.kompass är redan öppen {WHO}"),
    ):
        EvaluationSession.open(hard)


def test_without_file_ids_two_files_in_one_folder_are_two_locks(saved, monkeypatch):
    """A file system that reports no file ids (0, as some network and FAT drives do): every
    file still gets its own lock, so two evaluations in one folder can both be open."""
    other = saved.with_name("annan.kompass")
    other.write_bytes(saved.read_bytes())
    real_stat = os.stat

    def without_ids(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        if not os.fspath(path).endswith(".kompass"):
            return st
        fields = list(st[:10])
        fields[1] = 0  # st_ino
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", without_ids)
    assert lock_path_for(saved) != lock_path_for(other)
    with EvaluationSession.open(saved), EvaluationSession.open(other) as second:
        second.scores.set("1.1", 3)
    monkeypatch.undo()
    with EvaluationSession.open(other, readonly=True) as reader:
        assert reader.scores.all()["1.1"] == 3


def test_a_lock_the_system_will_not_let_us_make_means_read_only(saved, monkeypatch):
    """The folder looks writable but the system refuses the lock file (an access rule, a
    managed profile): the file can only be opened for reading, and that is said in full."""
    real_open = open
    sidecar = lock_path_for(saved)

    def refused_here(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(sidecar):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(lockmod, "open", refused_here, raising=False)
    with pytest.raises(StorageError) as refused:
        EvaluationSession.open(saved)
    assert str(refused.value) == (
        f"Mappen {saved.parent} är skrivskyddad; utvärderingsfilen kan bara öppnas för läsning."
    )
    with EvaluationSession.open(saved, readonly=True) as reader:
        assert reader.scores.all()["1.1"] == 5


def test_files_with_the_same_number_on_two_devices_have_their_own_locks(tmp_path, monkeypatch):
    """A lock is named after the file's device *and* number (hard links share it; a file with the
    same number on another disk does not)."""
    from kompass_desktop.storage import lock as locking

    one, two = tmp_path / "a.kompass", tmp_path / "b.kompass"
    one.write_bytes(b"")
    two.write_bytes(b"")
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        device = {"a.kompass": 1, "b.kompass": 2}.get(os.path.basename(path))
        return st if device is None else os.stat_result((st.st_mode, 4242, device, *tuple(st)[3:]))

    monkeypatch.setattr(locking.os, "stat", stat)
    assert locking.lock_path_for(one).name != locking.lock_path_for(two).name
    assert locking.identity_lock_path(one) != locking.identity_lock_path(two)
