"""Every command that writes a file goes through one output guard (storage/outputs.py): each
writer × each refusal, seen from the outside (exit code, message, every file left as it was).

Tests run as root here: read-only files are made with mode bits, which root could ignore but
the guard must respect.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession


@pytest.fixture(scope="module")
def world_template(real_template, tmp_path_factory):
    """A folder with one file of every kind a writer reads (a real evaluation: aggregate counts it)."""
    from kompass_desktop.exchange import seal
    from kompass_desktop.exchange.export import export_evaluation

    folder = tmp_path_factory.mktemp("world")
    shutil.copy(real_template, folder / "eval.kompass")
    shutil.copy(real_template, folder / "backup.kompass")
    shutil.copy(real_template, folder / "other.kompass")
    export_evaluation(folder / "backup.kompass", folder / "full.kkx", personal_data=True)
    pub, _key = seal.keygen(folder / "skr")
    export_evaluation(folder / "backup.kompass", folder / "sealed.kkx", seal_key=pub)
    (folder / "scores.csv").write_text("1.1;3\n", encoding="utf-8")
    return folder


@pytest.fixture
def world(world_template, tmp_path):
    folder = tmp_path / "w"
    shutil.copytree(world_template, folder)
    return folder


def state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in the folder: content digest and mode (symlinks by their target)."""
    out = {}
    for p in sorted(folder.iterdir()):
        if p.is_symlink():
            out[p.name] = (f"-> {os.readlink(p)}", 0)
        elif p.is_file():
            out[p.name] = (hashlib.sha256(p.read_bytes()).hexdigest(), stat.S_IMODE(p.stat().st_mode))
    return out


# writer -> (argv for output OUT in world W, the name OUT gets, the input that OUT may be linked to)
WRITERS = {
    "aggregate": (lambda w, o: ["aggregate", w / "eval.kompass", "-o", o], "out.json", "eval.kompass"),
    "demo --force": (lambda w, o: ["demo", o, "--force"], "out.kompass", None),
    "restore": (lambda w, o: ["restore", w / "backup.kompass", "-o", o], "out.kompass", "backup.kompass"),
    "import": (lambda w, o: ["import", w / "full.kkx", "-o", o], "out.kompass", "full.kkx"),
    "keygen": (lambda w, o: ["keygen", "-o", o.with_suffix("")], "out.pub", None),
    "unseal": (
        lambda w, o: ["unseal", w / "sealed.kkx", "--key", w / "skr.key", "-o", o],
        "out.kkx",
        "sealed.kkx",
    ),
    "export": (lambda w, o: ["export", w / "eval.kompass", "-o", o], "out.kkx", "eval.kompass"),
    "report": (lambda w, o: ["report", w / "eval.kompass", "-o", o, "--draft"], "out.pdf", "eval.kompass"),
    "new": (lambda w, o: ["new", o, "--framework", "2019", "--unlisted", "X"], "out.kompass", None),
}
#: Commands that change an evaluation file in place: (argv for target T, the input T may be linked to)
IN_PLACE = {
    "import-scores": (lambda w, t: ["import-scores", t, w / "scores.csv"], "scores.csv"),
    "merge": (lambda w, t: ["merge", t, w / "other.kompass"], "other.kompass"),
}


def run(capsys, argv):
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


def said(writer: str, message: str) -> str:
    """The whole line a command prints when it refuses: ``kompass COMMAND: MESSAGE``."""
    return f"kompass {writer.split()[0]}: {message}\n"


def refused(capsys, argv, folder, *needles):
    before = state(folder)
    code, err = run(capsys, argv)
    assert code == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err and "oväntat" not in err, err
    assert any(n in err for n in needles), err
    assert state(folder) == before  # nothing written, nothing removed, nothing left beside
    return err


def make_real_evaluation(path: Path) -> None:
    """A real (non-demo) evaluation under any name."""
    from kompass_desktop import resources
    from kompass_desktop.services import NewEvaluation

    tmp = path.with_name("real-tmp.kompass")
    EvaluationSession.create(tmp, NewEvaluation(resources.framework("2019"), "Verklig", 2025)).close()
    tmp.rename(path)


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_an_evaluation_file_is_never_overwritten_whatever_its_name(world, capsys, writer):
    argv, name, _ = WRITERS[writer]
    target = world / name  # out.json, out.pdf, out.kkx, out.pub, out.kompass: by content, not name
    make_real_evaluation(target)
    if writer == "restore":  # its very purpose: replaced, after a backup
        code = main([str(a) for a in argv(world, target)])
        assert code == 0 and "sparades först" in capsys.readouterr().out
        return
    err = refused(capsys, argv(world, target), world, "utvärderingsfil och skrivs aldrig över", "inte demon")
    if writer != "demo --force":  # the demo says why in its own words ("inte demon")
        assert err == said(
            writer, f"{target} är en utvärderingsfil och skrivs aldrig över; välj ett annat namn."
        )


@pytest.mark.parametrize("link", ["hard", "symbolic"])
@pytest.mark.parametrize("writer", sorted(w for w in WRITERS if WRITERS[w][2]))
def test_a_command_never_writes_over_its_own_input(world, capsys, writer, link):
    argv, name, source = WRITERS[writer]
    target = world / name
    (os.link if link == "hard" else os.symlink)(world / source, target)
    refused(capsys, argv(world, target), world, "samma fil som indatafilen")


@pytest.mark.parametrize("link", ["hard", "symbolic"])
@pytest.mark.parametrize("writer", sorted(IN_PLACE))
def test_an_in_place_writer_refuses_its_target_as_input(world, capsys, writer, link):
    argv, source = IN_PLACE[writer]
    target = world / "t.kompass"
    shutil.copy(world / "eval.kompass", target)
    (world / source).unlink()
    (os.link if link == "hard" else os.symlink)(target, world / source)
    err = refused(capsys, argv(world, target), world, "samma fil")
    assert err == said(writer, f"{source} är samma fil som t.kompass; ange en annan fil.")


@pytest.mark.parametrize("writer", ["demo --force", "restore", *sorted(IN_PLACE)])
def test_an_evaluation_open_elsewhere_is_not_written(world, capsys, writer):
    target = world / "open.kompass"
    if writer == "demo --force":
        assert main(["demo", str(target)]) == 0
    else:
        shutil.copy(world / "eval.kompass", target)
    argv = WRITERS[writer][0] if writer in WRITERS else IN_PLACE[writer][0]
    with EvaluationSession.open(target):
        before = {k: v for k, v in state(world).items() if not k.endswith(("-wal", "-shm", ".lock"))}
        code, err = run(capsys, argv(world, target))
        assert code == 1 and "redan öppen" in err, err
        after = {k: v for k, v in state(world).items() if not k.endswith(("-wal", "-shm", ".lock"))}
        assert after == before


@pytest.mark.parametrize("writer", ["aggregate", "report", "demo --force", "restore", *sorted(IN_PLACE)])
def test_a_read_only_file_is_respected_even_by_root(world, capsys, writer):
    if writer in IN_PLACE:
        argv = IN_PLACE[writer][0]
        target = world / "ro.kompass"
        shutil.copy(world / "eval.kompass", target)
    else:
        argv, name, _ = WRITERS[writer]
        target = world / name
        if writer == "demo --force":
            assert main(["demo", str(target)]) == 0
        elif writer == "restore":
            shutil.copy(world / "eval.kompass", target)
        else:
            target.write_bytes(b"an earlier result")
    target.chmod(0o444)
    err = refused(capsys, argv(world, target), world, "skrivskyddad")
    if writer not in IN_PLACE:  # those say how to go on (test_a_read_only_evaluation_says_how_to_go_on)
        assert err == said(writer, f"{target} är skrivskyddad och skrivs inte över.")


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_read_only_folder_is_respected_even_by_root(world, capsys, writer, tmp_path):
    argv, name, _ = WRITERS[writer]
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        before = state(folder)
        code, err = run(capsys, argv(world, folder / name))
        assert code == 1 and "skrivskyddad" in err, err
        assert state(folder) == before == {}
        assert err == said(writer, f"Mappen {folder} är skrivskyddad; {name} kan inte skrivas där.")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("writer", sorted(WRITERS) + sorted(IN_PLACE))
def test_no_writer_writes_in_a_network_folder(world, capsys, writer, monkeypatch):
    monkeypatch.setenv("KOMPASS_ASSUME_LOCATION", "network")
    if writer in IN_PLACE:
        argv = IN_PLACE[writer][0](world, world / "eval.kompass")
    else:
        argv = WRITERS[writer][0](world, world / WRITERS[writer][1])
    refused(capsys, argv, world, "nätverksmapp")


def recorded_network_mount(monkeypatch, folder: Path) -> None:
    """The system's mount table says ``folder`` is an SMB share (as psutil reports it on Linux)."""
    import psutil

    from kompass_desktop.storage import location

    table = [
        location.Mount("/dev/nvme0n1p2", "/", "ext4", "rw,relatime"),
        location.Mount("//nas.kommun.se/utvardering", str(folder), "cifs", "rw,vers=3.1.1"),
    ]
    monkeypatch.delenv("KOMPASS_ASSUME_LOCATION", raising=False)
    monkeypatch.setattr(location.sys, "platform", "linux")
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: table)


@pytest.mark.parametrize("writer", sorted(WRITERS) + sorted(IN_PLACE))
def test_a_network_folder_found_in_the_mount_table_is_named_with_its_file_system(
    world, capsys, writer, monkeypatch
):
    """What a user on an SMB share sees: the file, the kind of share, and what to do instead."""
    recorded_network_mount(monkeypatch, world)
    if writer in IN_PLACE:
        argv, name = IN_PLACE[writer][0](world, world / "eval.kompass"), "eval.kompass"
    else:
        argv, name = WRITERS[writer][0](world, world / WRITERS[writer][1]), WRITERS[writer][1]
    err = refused(capsys, argv, world, "nätverksmapp")
    assert err == said(
        writer,
        f"{name} ligger i en nätverksmapp (cifs). Där kan Kompass Desktop inte skriva säkert – två datorer "
        "kan förstöra filen. Spara på datorns egen disk och kopiera sedan filen dit.",
    )


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_folder_as_the_target_is_refused(world, capsys, writer):
    argv, name, _ = WRITERS[writer]
    target = world / name
    target.mkdir()
    err = refused(capsys, argv(world, target), world, "är en mapp")
    assert err == said(writer, f"{target} är en mapp; ange ett filnamn.")
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_target_in_a_missing_folder_is_refused(world, capsys, writer):
    argv, name, _ = WRITERS[writer]
    target = world / "saknas" / name
    err = refused(capsys, argv(world, target), world, "finns inte")
    assert err == said(writer, f"Mappen {world / 'saknas'} finns inte.")
    assert not (world / "saknas").exists()


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE")
@pytest.mark.parametrize("writer", ["export", "aggregate"])
def test_an_output_too_large_for_the_disk_is_one_message_and_leaves_nothing(world, capsys, writer):
    """The file system refuses to let the output grow (what a FAT32 stick or a quota says; made
    with RLIMIT_FSIZE, which Python turns into an OSError): the message names the target and
    why, in Swedish, and nothing is left."""
    import resource

    argv, name, _ = WRITERS[writer]
    target = world / name
    before = state(world)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, hard))
    try:
        code, err = run(capsys, argv(world, target))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert (code, err) == (
        1,
        said(writer, f"{target} kunde inte skrivas: filen blir för stor för filsystemet."),
    )
    assert state(world) == before


@pytest.mark.parametrize("companion", ["-wal", "-shm", "-journal", "its writer lock"])
@pytest.mark.parametrize("writer", ["aggregate", "report", "export", "unseal"])
def test_the_files_beside_an_evaluation_are_never_written(world, capsys, writer, companion):
    from kompass_desktop.storage.lock import lock_path_for

    argv = WRITERS[writer][0]
    evaluation = world / "eval.kompass"
    target = (
        lock_path_for(evaluation) if companion == "its writer lock" else world / f"eval.kompass{companion}"
    )
    err = refused(capsys, argv(world, target), world, "skrivs aldrig över")
    what = (
        "är ett skrivlås för en utvärderingsfil"
        if companion == "its writer lock"
        else "är en av SQLites filer för utvärderingsfilen eval.kompass"
    )
    assert err == f"kompass {writer}: {target.name} {what} och skrivs aldrig över. Ange en annan fil.\n"


@pytest.mark.parametrize("writer", ["export", "import", "keygen", "new", "unseal"])
def test_a_writer_of_new_files_never_replaces_an_existing_file(world, capsys, writer):
    """Unlike aggregate and report (which replace their earlier result) and restore."""
    argv, name, _ = WRITERS[writer]
    target = world / name
    target.write_bytes(b"an earlier result")
    err = refused(capsys, argv(world, target), world, "finns redan")
    assert err == (
        f"kompass {writer}: {target} finns redan; välj ett annat namn "
        "(befintliga filer skrivs aldrig över).\n"
    )


def test_the_demo_never_replaces_a_real_evaluation_but_replaces_a_demo_after_a_backup(world, capsys):
    from kompass_desktop.storage import backup

    target = world / "d.kompass"
    make_real_evaluation(target)
    refused(capsys, ["demo", target, "--force"], world, "utvärdering, inte demon")
    target.unlink()
    assert main(["demo", str(target)]) == 0
    with EvaluationSession.open(target) as s:
        s.notes.add("min egen anteckning i demon", "1.1")
    capsys.readouterr()
    refused(capsys, ["demo", target], world, "--force ersätter en tidigare demo")
    assert main(["demo", str(target), "--force"]) == 0
    assert "sparades först" in capsys.readouterr().out
    saved = backup.list_backups(target)[0].path
    with EvaluationSession.open(saved, readonly=True) as s:
        assert any(n.body == "min egen anteckning i demon" for n in s.notes.all())
    assert sorted(p.name for p in world.iterdir() if p.name.startswith(".")) == []


def test_restore_over_a_real_file_keeps_a_backup_and_refuses_other_files(world, capsys):
    target = world / "notes.txt"
    target.write_text("mina anteckningar", encoding="utf-8")
    err = refused(capsys, ["restore", world / "backup.kompass", "-o", target], world, "ingen utvärderingsfil")
    assert err == said(
        "restore",
        f"{target} finns redan och är ingen utvärderingsfil; den skrivs inte över. Välj ett annat namn.",
    )


def test_aggregate_replaces_its_own_earlier_result(world, capsys):
    out = world / "avg.json"
    out.write_text("{}", encoding="utf-8")
    assert main(["aggregate", str(world / "eval.kompass"), "-o", str(out)]) == 0
    assert '"frameworks"' in out.read_text(encoding="utf-8")


# -- inputs are opened read-only: nothing changes, nothing appears beside them --------------------


def wal_mode_at_rest(path: Path) -> None:
    """A file copied while it was open (WAL mode in its header, no -wal beside it)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


READERS = {
    "export": lambda i, o: ["export", i, "-o", o / "x.kkx"],
    "merge (OTHER)": lambda i, o: ["merge", o / "lead.kompass", i],
    "aggregate": lambda i, o: ["aggregate", i, "-o", o / "avg.json"],
    "summary": lambda i, o: ["summary", i],
    "validate": lambda i, o: ["validate", i],
    "report": lambda i, o: ["report", i, "-o", o / "r.pdf", "--draft"],
}


@pytest.mark.parametrize("mode", ["at rest", "WAL mode at rest"])
@pytest.mark.parametrize("command", sorted(READERS))
def test_inputs_are_opened_read_only(real_template, tmp_path, capsys, command, mode):
    inputs, work = tmp_path / "in", tmp_path / "work"
    inputs.mkdir()
    work.mkdir()
    source = inputs / "e.kompass"
    shutil.copy(real_template, source)
    shutil.copy(real_template, work / "lead.kompass")
    if mode != "at rest":
        wal_mode_at_rest(source)
    before = state(inputs)
    code, err = run(capsys, READERS[command](source, work))
    assert code == 0, err
    assert state(inputs) == before  # the same bytes, no -wal/-shm/-journal/.lock beside it


# -- temporary files of killed writers ------------------------------------------------------------


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_killed_export_leaves_only_a_private_temporary_file_that_the_next_run_removes(
    world, capsys, tmp_path
):
    """The export is killed between writing its temporary file and moving it into place."""
    code = textwrap.dedent(f"""
        import os
        from kompass_desktop.storage import outputs
        from kompass_desktop.cli import main
        outputs._link_new = lambda tmp, target: os._exit(9)
        main(["export", {str(world / "eval.kompass")!r}, "-o", {str(world / "a.kkx")!r},
              "--include-personal-data"])
    """)
    env = dict(os.environ)
    result = subprocess.run([sys.executable, "-c", code], env=env, check=False)
    assert result.returncode == 9
    left = [p for p in world.iterdir() if p.name.startswith(".a.kkx.")]
    assert len(left) == 1 and left[0].stat().st_size > 1000
    assert stat.S_IMODE(left[0].stat().st_mode) == 0o600  # personal data: owner only
    assert not (world / "a.kkx").exists()
    assert main(["export", str(world / "eval.kompass"), "-o", str(world / "b.kkx")]) == 0
    assert not left[0].exists()


@pytest.mark.parametrize(
    "writer", ["aggregate", "demo --force", "restore", "import", "keygen", "unseal", "export"]
)
def test_stale_temporaries_of_ours_are_removed_by_the_next_writer_and_nothing_else(world, capsys, writer):
    dead, alive = dead_pid(), os.getpid()
    sqlite_head = b"SQLite format 3\x00" + b"\x00" * 84
    ours = {
        f".x.kompass.{dead}.tmp": sqlite_head,
        f".x.kompass.{dead}.tmp-journal": b"\xd9\xd5\x05\xf9 journal",
        f".y.kkx.{dead}.tmp": b"PK\x03\x04 zip",
        f".z.json.{dead}.tmp": b"",
    }
    kept = {
        f".w.kkx.{alive}.tmp": b"PK\x03\x04 still being written",  # its writer runs
        f".notes.txt.{dead}.tmp": b"someone else's file",  # not our content
        f"x.kompass.{dead}.tmp": sqlite_head,  # not our naming (not hidden)
    }
    for name, data in {**ours, **kept}.items():
        (world / name).write_bytes(data)
    argv, name, _ = WRITERS[writer]
    target = world / name
    if writer == "demo --force":
        assert main(["demo", str(target)]) == 0
    code, err = run(capsys, argv(world, target))
    assert code == 0, err
    left = {p.name for p in world.iterdir()}
    assert not set(ours) & left
    assert set(kept) <= left


@pytest.mark.parametrize("writer", sorted(IN_PLACE))
def test_a_read_only_evaluation_says_how_to_go_on(world, capsys, writer):
    """Changing a read-only evaluation in place is refused with what to do instead."""
    target = world / "ro.kompass"
    shutil.copy(world / "eval.kompass", target)
    target.chmod(0o444)
    err = refused(capsys, IN_PLACE[writer][0](world, target), world, "skrivskyddad")
    assert err.rstrip("\n").endswith(
        "ro.kompass är skrivskyddad. Kopiera den till en skrivbar mapp eller öppna den endast för läsning."
    ), err


@pytest.mark.parametrize("writer", sorted(IN_PLACE))
def test_an_evaluation_in_a_read_only_folder_says_how_to_go_on(world, capsys, writer, tmp_path):
    """SQLite keeps its -wal and -shm beside the file: a read-only folder means reading only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "e.kompass"
    shutil.copy(world / "eval.kompass", target)
    folder.chmod(0o555)
    try:
        err = refused(capsys, IN_PLACE[writer][0](world, target), folder, "skrivskyddad")
    finally:
        folder.chmod(0o755)
    assert err == (
        f"kompass {writer}: Mappen {folder} är skrivskyddad, så e.kompass kan bara öppnas för läsning. "
        "Kopiera filen till en skrivbar mapp för att ändra den.\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mode bits")
@pytest.mark.parametrize(
    ("mode", "read_only"),
    [(0o644, False), (0o464, False), (0o446, False), (0o444, True), (0o400, True)],
)
def test_a_file_is_read_only_when_nobody_may_write_it_by_its_mode(tmp_path, monkeypatch, mode, read_only):
    """Any write bit (owner, group or others) makes a file writable by its mode; as root or an
    administrator, whom the system lets write anything, only the bits tell."""
    from kompass_desktop.storage.outputs import is_read_only

    path = tmp_path / "eval.kompass"
    path.write_bytes(b"x")
    path.chmod(mode)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: True)  # as root
    assert is_read_only(path) is read_only


@pytest.mark.skipif(os.name != "posix", reason="POSIX: a folder is flushed to disk")
def test_a_finished_output_is_made_durable_with_its_folder(world, capsys, monkeypatch):
    """After the rename that puts an output in place, its folder is flushed to disk too (else a
    power cut can lose the new name): seen as an fsync of the folder itself."""
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd):
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            synced.append(st.st_ino)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert main(["export", str(world / "eval.kompass"), "-o", str(world / "ut.kkx")]) == 0
    assert (world / "ut.kkx").exists()
    assert world.stat().st_ino in synced
