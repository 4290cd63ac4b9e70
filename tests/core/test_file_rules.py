"""The file rules on every platform: one writer per file also for hard links in two folders, the
demo's earlier copies after a killed run, Windows' and macOS' own code paths simulated (a process
that still runs, folders, MAX_PATH, the umask), and a broken JSON schema named, not a TypeError.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import child_timeout

from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.model import TextScope
from kompass_desktop.services import EvaluationSession, files
from kompass_desktop.storage import fileformat, outputs
from kompass_desktop.storage.errors import FileLocked, NameTooLong
from kompass_desktop.storage.lock import identity_lock_path

LOCK = ".kompass-lock-"


def hold_open(path: Path) -> subprocess.Popen[str]:
    """Another process with ``path`` open for writing (until it is told to stop or killed)."""
    code = textwrap.dedent(f"""
        import sys
        from kompass_desktop.domain.model import TextScope
        from kompass_desktop.services import EvaluationSession
        s = EvaluationSession.open({str(path)!r})
        s.scores.set_text(TextScope.SUBAREA, "1.1", "från den andra processen")
        print("open", flush=True)
        sys.stdin.readline()
        s.close()
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    return child


def killed_while_open(path: Path) -> None:
    child = hold_open(path)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=child_timeout(30))


# -- one writer per file: hard links in two folders ------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard links")
def test_hard_links_in_two_folders_are_one_file_for_the_lock(demo_copy, tmp_path, capsys):
    elsewhere = tmp_path / "annan mapp"
    elsewhere.mkdir()
    other = elsewhere / "samma.kompass"
    os.link(demo_copy, other)
    (tmp_path / "p.csv").write_text("1.1;3\n", encoding="utf-8")
    first = EvaluationSession.open(demo_copy)
    try:  # in this process: the other name is refused, naming who has it open
        with pytest.raises(FileLocked, match=r"samma\.kompass är redan öppen av "):
            EvaluationSession.open(other)
    finally:
        first.close()
    child = hold_open(other)  # and from another process, through the other name
    try:
        with pytest.raises(FileLocked, match="är redan öppen av "):
            EvaluationSession.open(demo_copy)
        assert main(["import-scores", str(demo_copy), str(tmp_path / "p.csv")]) == 1
        assert "är redan öppen" in capsys.readouterr().err
        assert main(["restore", str(tmp_path / "p.csv"), "-o", str(demo_copy)]) == 1  # the guard, first
        holder = json.loads(identity_lock_path(demo_copy).read_text(encoding="utf-8"))  # the child's
        assert capsys.readouterr().err == (
            f"kompass restore: demo.kompass är redan öppen av {holder['user']} på {holder['host']} sedan "
            f"{holder['since'].replace('T', ' ')}. Stäng den där först – två program kan inte skriva i samma "
            "utvärdering.\n"
        )
    finally:
        child.communicate("\n", timeout=child_timeout(30))
    with EvaluationSession.open(demo_copy) as s:  # free again; the other writer's edit is there
        assert s.scores.text(TextScope.SUBAREA, "1.1") == "från den andra processen"
        assert s.validate() == []
    leftovers = [p.name for p in (*tmp_path.iterdir(), *elsewhere.iterdir()) if p.name.startswith(LOCK)]
    assert leftovers == []


# -- the demo: earlier copies of a killed run ---------------------------------------------------------


def test_earlier_demo_copies_with_a_stale_lock_are_removed_and_open_ones_kept():
    from kompass_desktop.demo import fresh_demo_copy

    killed = fresh_demo_copy()
    killed_while_open(killed)  # its writer lock stays behind, held by nobody
    folder = killed.parent
    assert [p for p in folder.iterdir() if p.name.startswith(LOCK)], "the kill left a lock behind"
    in_use = fresh_demo_copy()
    child = hold_open(in_use)
    try:
        newest = fresh_demo_copy(keep=1)
        left = sorted(p.name for p in folder.iterdir() if not p.name.startswith(LOCK))
        assert left[0] == in_use.name and newest.name in left and killed.name not in left
        assert not [p for p in left if p.startswith(killed.name)]  # nor its -wal or -shm
        with EvaluationSession.open(newest) as s:  # the new copy opens for writing
            assert s.validate() == []
    finally:
        child.communicate("\n", timeout=child_timeout(30))
    fresh_demo_copy(keep=1)
    assert [p.name for p in folder.iterdir() if p.name.startswith(LOCK)] == []


def test_demo_force_replaces_an_earlier_demo_whose_writer_was_killed(tmp_path, capsys):
    target = tmp_path / "demo.kompass"
    assert main(["demo", str(target)]) == 0
    killed_while_open(target)
    assert main(["demo", str(target), "--force"]) == 0, capsys.readouterr().err
    with EvaluationSession.open(target) as s:
        assert str(s.scores.all()["1.1"]) == "13" and s.validate() == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# -- Windows, simulated ---------------------------------------------------------------------------------


class FakeKernel32:
    """The three calls pid_running makes, answering from a table of processes."""

    STILL_ACTIVE = 259

    def __init__(self, processes: dict[int, str]) -> None:
        self.processes = processes  # pid -> "running" | "exited" | "denied"
        self.last_error = 0
        self.closed: list[int] = []

    def OpenProcess(self, _access, _inherit, pid):
        state = self.processes.get(pid)
        if state is None or state == "denied":
            self.last_error = 87 if state is None else 5  # invalid parameter / access denied
            return 0
        return 1000 + pid

    def GetLastError(self):
        return self.last_error

    def GetExitCodeProcess(self, handle, ref):
        state = self.processes[handle - 1000]
        ref._obj.value = self.STILL_ACTIVE if state == "running" else 0
        return 1

    def CloseHandle(self, handle):
        self.closed.append(handle)
        return 1


@pytest.fixture
def windows(monkeypatch):
    """Windows' rules in storage (paths, folders, processes); the file system stays this one."""
    monkeypatch.setattr(fileformat, "on_windows", lambda: True)
    kernel32 = FakeKernel32({})
    monkeypatch.setattr(ctypes, "windll", type("windll", (), {"kernel32": kernel32}), raising=False)
    return kernel32


def test_windows_a_temporary_of_a_process_that_ended_is_removed_a_running_ones_kept(windows, tmp_path):
    windows.processes.update({4001: "running", 4002: "exited", 4004: "denied"})
    # 4003: no such process; 0: the System Idle Process, which OpenProcess refuses as "no such"
    names = {pid: f".rapport.pdf.{pid}.tmp" for pid in (0, 4001, 4002, 4003, 4004)}
    for name in names.values():
        (tmp_path / name).write_bytes(b"%PDF personal data")
    drafts = {pid: tmp_path / f".kompass-utkast-a.{pid}.tmp" for pid in (4001, 4002)}  # listed first
    for folder in drafts.values():
        folder.mkdir()
        (folder / "utkast.pdf").write_bytes(b"%PDF personal data")
    removed = outputs.clean_stale_temporaries(tmp_path)
    assert sorted(p.name for p in removed) == sorted([drafts[4002].name, names[4002], names[4003]])
    kept = [drafts[4001].name, names[0], names[4001], names[4004]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)
    assert sorted(windows.closed) == [5001, 5001, 5002, 5002]  # every handle opened was closed


def test_windows_a_folder_with_the_read_only_attribute_is_written_a_file_with_it_is_not(windows, tmp_path):
    folder = tmp_path / "Dokument"
    folder.mkdir()
    folder.chmod(0o555)  # how os.stat shows a folder with the read-only attribute on Windows
    try:
        files.save_output(folder / "diagram.png", b"\x89PNG chart")
        assert (folder / "diagram.png").read_bytes() == b"\x89PNG chart"
        (folder / "diagram.png").chmod(0o444)
        with pytest.raises(KompassError, match="skrivskyddad"):
            files.save_output(folder / "diagram.png", b"\x89PNG other")
        assert (folder / "diagram.png").read_bytes() == b"\x89PNG chart"
    finally:
        folder.chmod(0o755)


def test_windows_a_path_over_max_path_is_one_clear_message_for_every_writer(
    windows, demo_copy, tmp_path, capsys
):
    deep = tmp_path / ("mapp-" + "x" * 200)  # every name fits, the whole path does not (260)
    deep.mkdir()
    target = deep / "utvärdering.kompass"
    assert len(str(target)) > 260
    for written, write in (
        (deep / "rapport.pdf", lambda: files.save_output(deep / "rapport.pdf", b"%PDF")),
        (target, lambda: files.copy_to(demo_copy, target)),
    ):
        with pytest.raises(NameTooLong) as refused:
            write()
        assert str(refused.value) == (
            f"Sökvägen ”{str(written)[:40]}…” är för lång ({len(str(written))} tecken; högst 251 går här). "
            "Välj en mapp närmare diskens rot eller ett kortare namn."
        )
    for argv in (
        ["new", str(target), "--framework", "2019", "--unlisted", "X"],
        ["report", str(demo_copy), "-o", str(deep / "r.pdf"), "--draft"],
        ["export", str(demo_copy), "-o", str(deep / "x.kkx")],
        ["aggregate", str(demo_copy), "-o", str(deep / "a.json")],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Sökvägen" in err and "för lång" in err, err
    assert list(deep.iterdir()) == []


def test_windows_a_path_of_exactly_the_longest_length_is_written(windows, tmp_path):
    """251 characters (MAX_PATH less its terminating NUL and room for SQLite's "-journal") is the
    longest path written; one more is refused."""
    folder = tmp_path / "m"
    folder.mkdir()
    longest = folder / ("r" * (251 - len(str(folder)) - len("/.pdf")) + ".pdf")
    assert len(str(longest)) == 251
    files.save_output(longest, b"%PDF")
    assert longest.read_bytes() == b"%PDF"
    with pytest.raises(NameTooLong):
        files.save_output(longest.with_name("r" + longest.name), b"%PDF")


# -- macOS, simulated: no /proc, the umask is asked for ------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.parametrize("system", ["linux", "macos"])
@pytest.mark.parametrize(("mask", "mode"), [(0o027, 0o640), (0o022, 0o644)])
def test_a_finished_output_gets_the_users_umask_and_its_temporary_stays_private(
    tmp_path, monkeypatch, system, mask, mode
):
    if system == "macos":
        monkeypatch.setattr(outputs, "_PROC_STATUS", tmp_path / "no-proc" / "status")
    outputs._umask.cache_clear()
    previous = os.umask(mask)
    try:
        seen = []
        real_commit = outputs.commit

        def commit(tmp, target, **kwargs):
            seen.append(stat.S_IMODE(os.stat(tmp).st_mode))
            real_commit(tmp, target, **kwargs)

        monkeypatch.setattr(outputs, "commit", commit)
        files.save_output(tmp_path / "diagram.svg", b"<svg/>")
    finally:
        os.umask(previous)
        outputs._umask.cache_clear()
    assert seen == [0o600]  # personal data possible: owner only while it is written
    assert stat.S_IMODE((tmp_path / "diagram.svg").stat().st_mode) == mode


# -- schemas ------------------------------------------------------------------------------------------


def test_an_invalid_json_schema_document_is_reported_not_a_type_error(tmp_path, monkeypatch):
    from kompass_desktop import resources

    (tmp_path / "national-average.schema.json").write_text('{"type": 5}', encoding="utf-8")
    monkeypatch.setattr(resources, "schemas_dir", lambda: tmp_path)
    resources.load_schema.cache_clear()
    try:
        with pytest.raises(KompassError, match=r"national-average\.schema\.json är inget giltigt schema"):
            resources.schema_errors({"frameworks": {}}, "national-average.schema.json")
    finally:
        resources.load_schema.cache_clear()


def test_windows_a_finished_file_is_closed_before_it_is_moved_into_place(windows, tmp_path, monkeypatch):
    """Windows refuses to rename or replace a file that is open (no FILE_SHARE_DELETE)."""
    import builtins

    handles: list = []
    real_open, real_replace, real_link = builtins.open, os.replace, os.link

    def tracking_open(file, *args, **kwargs):
        fh = real_open(file, *args, **kwargs)
        handles.append((os.fspath(file) if not isinstance(file, int) else file, fh))
        return fh

    def refuse_open(real):
        def move(src, dst, *args, **kwargs):
            if any(name == os.fspath(src) and not fh.closed for name, fh in handles):
                raise PermissionError(32, "The process cannot access the file", os.fspath(src))
            return real(src, dst, *args, **kwargs)

        return move

    monkeypatch.setattr(builtins, "open", tracking_open)
    monkeypatch.setattr(os, "replace", refuse_open(real_replace))
    monkeypatch.setattr(os, "link", refuse_open(real_link))
    files.save_output(tmp_path / "rapport.pdf", b"%PDF new")  # a new file
    files.save_output(tmp_path / "rapport.pdf", b"%PDF again")  # an earlier one replaced
    assert (tmp_path / "rapport.pdf").read_bytes() == b"%PDF again"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf"]


def test_where_the_system_cannot_tell_the_name_limit_255_bytes_are_assumed(tmp_path, monkeypatch, capsys):
    """Windows has no ``os.pathconf``: the file name may then have 255 bytes with room for SQLite's
    "-journal" beside it, i.e. 247 bytes; one more is refused with the figure to rename to."""
    monkeypatch.delattr(os, "pathconf", raising=False)
    longest = tmp_path / ("a" * (247 - len(".kompass")) + ".kompass")
    assert main(["demo", str(longest)]) == 0 and longest.exists()
    capsys.readouterr()
    too_long = tmp_path / ("b" * (248 - len(".kompass")) + ".kompass")
    assert main(["demo", str(too_long)]) == 1
    err = capsys.readouterr().err
    assert "(248 byte)" in err and "högst 247 byte" in err
    assert not too_long.exists() and not list(tmp_path.glob("b*"))


def test_a_name_too_long_for_any_file_system_is_quoted_in_the_message(tmp_path, capsys):
    name = "utvärdering-" + "x" * 300 + ".kompass"  # 321 bytes
    assert main(["backups", str(tmp_path / name)]) == 1
    assert capsys.readouterr().err == (
        f"kompass backups: Namnet ”utvärdering-{'x' * 28}…” är för långt (321 byte; filsystemet "
        "tillåter högst 255 byte per namn). Välj ett kortare namn.\n"
    )


def _a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return tmp_path


def _a_link_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    looped = tmp_path / "a.kompass"  # a link to a link back to itself: opening it fails
    looped.symlink_to(tmp_path / "b.kompass")
    (tmp_path / "b.kompass").symlink_to(looped)
    return looped


def _not_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file the user may not read (as root every file is readable: the system's refusal is
    simulated at the call that opens it)."""
    path = tmp_path / "hemlig.kompass"
    path.write_bytes(b"SQLite format 3\0" + bytes(200))
    real_open = open

    def opening(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(fileformat, "open", opening, raising=False)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_a_folder, "{path} är en mapp, inte en utvärderingsfil."),
        (
            _a_link_loop,
            "Filen {path} kan inte läsas: sökvägen har för många symboliska länkar "
            "(kanske en länk till sig själv).",
        ),
        (_not_readable, "Du saknar behörighet att läsa {path}."),
    ],
    ids=["folder", "link-loop", "no-permission"],
)
def test_a_file_that_cannot_be_read_is_named_with_the_reason(tmp_path, monkeypatch, make, message):
    """The messages of the first read of a file name it and say why, every time the same way."""
    path = make(tmp_path, monkeypatch)
    with pytest.raises(KompassError) as refused:
        fileformat.read_header(path)
    assert str(refused.value) == message.format(path=path)


def _torn_tail(data: bytes) -> bytes:
    return data + b"\0" * 100  # the header's page count still fits: a torn tail


def _cut_short(data: bytes) -> bytes:
    return data[: len(data) // 4096 // 2 * 4096]  # whole pages, fewer than the header says


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_torn_tail, "{path} är avkortad eller skadad (storleken {size} passar inte sidstorleken)."),
        (
            _cut_short,
            "{path} är avkortad: {size} byte av förväntade {whole}. Återställ en säkerhetskopia "
            "(kompass backups).",
        ),
    ],
)
def test_a_file_of_the_wrong_size_is_named_with_its_size(demo_copy, damage, message):
    """A file cut in the middle of a page, or shorter than its header says (no log to recover
    from), is named with its size (and the size it should have) and what to do."""
    data = demo_copy.read_bytes()
    demo_copy.write_bytes(damage(data))
    with pytest.raises(KompassError) as refused:
        fileformat.read_header(demo_copy)
    size = demo_copy.stat().st_size
    assert str(refused.value) == message.format(path=demo_copy, size=size, whole=len(data))


def test_a_name_without_room_for_sqlites_journal_says_how_long_it_may_be(tmp_path):
    """SQLite puts NAME-journal beside the file: a name that fits the file system but leaves no
    room for that is refused with the longest name that works."""
    name = "a" * 242 + ".kompass"  # 250 bytes: under 255, but 250 + len("-journal") is not
    with pytest.raises(NameTooLong) as refused:
        fileformat.check_name_fits(tmp_path / name)
    room = fileformat.name_max(tmp_path) - len("-journal")
    assert str(refused.value) == (
        f"Filnamnet {name[:40]}… är för långt (250 byte): Kompass Desktop behöver plats för "
        f"”-journal” efter namnet. Byt namn på filen till högst {room} byte och försök igen."
    )


def test_a_file_system_with_shorter_names_is_respected(tmp_path, monkeypatch):
    """Where the file system allows fewer bytes per name (eCryptfs: 143), the room for SQLite's
    journal is counted from that limit, not from the usual 255."""
    real = os.pathconf

    def pathconf(path, name):
        if name == "PC_NAME_MAX":
            return 143
        return real(path, name)

    monkeypatch.setattr(os, "pathconf", pathconf)
    assert fileformat.name_max(tmp_path) == 143
    fileformat.check_name_fits(tmp_path / ("a" * 127 + ".kompass"))  # 135 bytes: fits
    with pytest.raises(NameTooLong, match=r"högst 135 byte"):
        fileformat.check_name_fits(tmp_path / ("a" * 128 + ".kompass"))
