"""Every writer of the app, not only the command line's, goes through the one output guard
(storage/outputs.py): the GUI's copies, reports, charts, new files, imports and restores; every
temporary file of ours is owner-only while it is written and is removed after a kill; a name
too long for the file system is one clear message in every command.

Tests run as root here: read-only files and folders are made with mode bits, which root could
ignore but the app must respect.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from support import child_timeout

from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.services import EvaluationSession, NewEvaluation, files
from kompass_desktop.services.errors import ReadOnlyFile


@pytest.fixture(scope="module")
def world_template(real_template, tmp_path_factory):
    from kompass_desktop.exchange import seal
    from kompass_desktop.exchange.export import export_evaluation

    folder = tmp_path_factory.mktemp("writers")
    # a real municipality's evaluation: aggregate counts it (it leaves the demo out)
    shutil.copy(real_template, folder / "eval.kompass")
    shutil.copy(real_template, folder / "backup.kompass")
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
    out = {}
    for p in sorted(folder.iterdir()):
        if p.is_file() and not p.is_symlink():
            out[p.name] = (hashlib.sha256(p.read_bytes()).hexdigest(), stat.S_IMODE(p.stat().st_mode))
    return out


# -- the GUI's writers (through the services and the report, as the GUI calls them) -------------


def _save_copy(world, target):
    with EvaluationSession.open(world / "eval.kompass") as session:
        session.save_copy(target)


def _report(world, target):
    from kompass_desktop.report import build_report

    with EvaluationSession.open(world / "eval.kompass", readonly=True) as session:
        snapshot = session.snapshot()
    build_report(snapshot, target, draft=True)


def _new(world, target):
    from kompass_desktop import resources

    EvaluationSession.create(target, NewEvaluation(resources.framework("2019"), "Nyby", 2025)).close()


def _import(world, target):
    from kompass_desktop.exchange.importer import import_export

    import_export(world / "full.kkx", target)


def _export(world, target):
    from kompass_desktop.exchange.export import export_evaluation

    with EvaluationSession.open(world / "eval.kompass") as session:
        export_evaluation(session.file, target)


#: writer -> (how the GUI writes TARGET, the name it gets, the input it must never write over)
GUI_WRITERS = {
    "Spara kopia som": (_save_copy, "kopia.kompass", "eval.kompass"),
    "Kopiera till datorn": (
        lambda w, t: files.copy_to(w / "eval.kompass", t),
        "lokal.kompass",
        "eval.kompass",
    ),
    "Skapa rapport": (_report, "rapport.pdf", None),
    "Spara utkast/diagram": (
        lambda w, t: files.save_output(t, b"%PDF-1.4 draft", inputs=[w / "eval.kompass"]),
        "utkast.pdf",
        "eval.kompass",
    ),
    "Ny utvärdering": (_new, "ny.kompass", None),
    "Återställ säkerhetskopia": (
        lambda w, t: files.restore_backup(w / "backup.kompass", t),
        "återställd.kompass",
        "backup.kompass",
    ),
    "Importera export": (_import, "import.kompass", "full.kkx"),
    "Exportera": (_export, "export.kkx", "eval.kompass"),
}


@pytest.mark.parametrize("writer", sorted(GUI_WRITERS))
def test_no_gui_writer_writes_in_a_read_only_folder_even_as_root(world, tmp_path, writer):
    write, name, _ = GUI_WRITERS[writer]
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(KompassError, match="skrivskyddad"):
            write(world, folder / name)
        assert sorted(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("writer", sorted(GUI_WRITERS))
def test_no_gui_writer_writes_in_a_network_folder(world, tmp_path, writer, monkeypatch):
    write, name, _ = GUI_WRITERS[writer]
    out = tmp_path / "net"
    out.mkdir()
    monkeypatch.setenv("KOMPASS_ASSUME_LOCATION", "network")
    before = state(world)
    with pytest.raises(KompassError, match="nätverksmapp"):
        write(world, out / name)
    assert sorted(out.iterdir()) == [] and state(world) == before


@pytest.mark.parametrize("writer", sorted(w for w in GUI_WRITERS if GUI_WRITERS[w][2]))
def test_no_gui_writer_writes_over_its_input_through_a_hard_link(world, writer):
    write, name, source = GUI_WRITERS[writer]
    target = world / f"länk{Path(name).suffix}"  # a name the writer accepts
    os.link(world / source, target)
    with pytest.raises(KompassError, match="samma fil"):
        write(world, target)
    assert os.path.samefile(world / source, target)  # still one file, not replaced by another
    if source.endswith(".kompass"):  # (the open session itself may have written to it)
        with EvaluationSession.open(target, readonly=True) as s:
            assert s.validate() == [] and s.info().municipality == "Olofströms kommun"
    assert sorted(p.name for p in world.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("writer", ["Skapa rapport", "Spara utkast/diagram", "Spara kopia som"])
def test_a_gui_writer_never_replaces_a_read_only_file_even_as_root(world, writer):
    write, name, _ = GUI_WRITERS[writer]
    target = world / name
    if name.endswith(".kompass"):
        shutil.copy(world / "backup.kompass", target)
    else:
        target.write_bytes(b"an earlier result")
    target.chmod(0o444)
    before = state(world)
    with pytest.raises(KompassError, match="skrivskyddad"):
        write(world, target)
    after = state(world)
    after.pop("eval.kompass"), before.pop("eval.kompass")  # the open session's own file
    assert after == before


@pytest.mark.parametrize("writer", ["Skapa rapport", "Spara utkast/diagram"])
def test_a_report_or_chart_never_replaces_an_evaluation_file_whatever_its_name(world, writer):
    write, name, _ = GUI_WRITERS[writer]
    target = world / name
    shutil.copy(world / "backup.kompass", target)  # an evaluation file called rapport.pdf
    before = state(world)
    with pytest.raises(KompassError, match="utvärderingsfil och skrivs aldrig över"):
        write(world, target)
    assert state(world) == before


def test_save_copy_as_replaces_only_an_evaluation_file_after_a_backup(world):
    other = world / "anteckningar.txt"
    other.write_text("mina anteckningar", encoding="utf-8")  # not an evaluation file
    with pytest.raises(KompassError, match="ingen utvärderingsfil"):
        _save_copy(world, other)
    assert other.read_text(encoding="utf-8") == "mina anteckningar"
    damaged = world / "trasig.kompass"  # a damaged one (no longer one by content): kept as it was
    damaged.write_text("inte längre en databas", encoding="utf-8")
    _save_copy(world, damaged)
    with EvaluationSession.open(damaged, readonly=True) as copy:
        assert copy.info().municipality == "Olofströms kommun"
    kept = [b for b in files.list_backups(damaged) if b.reason == "damaged"]
    assert [b.path.read_text(encoding="utf-8") for b in kept] == ["inte längre en databas"]


# -- read-only by mode bits, also for root ---------------------------------------------------------


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_is_never_opened_for_writing_even_as_root(world, what):
    path = world / "eval.kompass"
    (path if what == "file" else world).chmod(0o444 if what == "file" else 0o555)
    try:
        before = state(world)
        with pytest.raises(ReadOnlyFile, match="skrivskyddad") as caught:
            EvaluationSession.open(path)
        assert "\n" not in str(caught.value)
        assert state(world) == before  # no -wal, no lock, no change
        with EvaluationSession.open(path, readonly=True) as reader:  # reading still works
            assert reader.info().municipality == "Olofströms kommun"
    finally:
        world.chmod(0o755)


def test_doctor_calls_a_read_only_folder_not_writable_even_as_root(tmp_path):
    from kompass_desktop.doctor import writable

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert writable(folder) == "mappen är skrivskyddad"
        assert writable(tmp_path) is None and sorted(p.name for p in tmp_path.iterdir()) == ["ro"]
    finally:
        folder.chmod(0o755)


# -- temporaries: owner only while written, removed after a kill -----------------------------------

#: writer -> argv for output OUT in world W (the commands of tests/core/test_output_guard.py)
KILLED = {
    "export": lambda w, o: ["export", w / "eval.kompass", "-o", o / "x.kkx", "--include-personal-data"],
    "report": lambda w, o: ["report", w / "eval.kompass", "-o", o / "r.pdf", "--draft"],
    "import": lambda w, o: ["import", w / "full.kkx", "-o", o / "i.kompass"],
    "new": lambda w, o: ["new", o / "n.kompass", "--framework", "2019", "--unlisted", "X"],
    "restore": lambda w, o: ["restore", w / "backup.kompass", "-o", o / "b.kompass"],
    "aggregate": lambda w, o: ["aggregate", w / "eval.kompass", "-o", o / "a.json"],
    "keygen": lambda w, o: ["keygen", "-o", o / "k"],
    "unseal": lambda w, o: ["unseal", w / "sealed.kkx", "--key", w / "skr.key", "-o", o / "u.kkx"],
}


@pytest.mark.parametrize("writer", sorted(KILLED))
def test_a_killed_writer_leaves_only_a_private_temporary_that_the_next_run_removes(world, tmp_path, writer):
    """Killed at the instant its finished temporary file would be moved into place."""
    out = tmp_path / "out"
    out.mkdir()
    argv = [str(a) for a in KILLED[writer](world, out)]
    code = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from kompass_desktop.cli import main
        real_link, real_replace = os.link, os.replace
        def die_in_out(real):
            def move(src, dst, *args, **kwargs):
                if Path(dst).parent == Path({str(out)!r}):
                    os._exit(9)
                return real(src, dst, *args, **kwargs)
            return move
        os.link, os.replace = die_in_out(real_link), die_in_out(real_replace)
        sys.exit(main({argv!r}))
    """)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=child_timeout(120)
    )
    assert result.returncode == 9, result.stderr
    left = [p for p in out.iterdir() if not p.name.startswith(".kompass-lock-")]  # a lock: taken over
    assert left, "the writer was killed with its temporary file beside the target"
    for tmp in left:
        assert re.fullmatch(r"\..+\.\d+\.tmp", tmp.name), tmp.name  # .NAME.PID.tmp: ours, by name
        assert stat.S_IMODE(tmp.stat().st_mode) == 0o600, tmp.name  # personal data: owner only
    assert main(argv) == 0
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # the stale ones were removed


def test_a_private_temporary_folder_of_a_killed_process_is_removed_by_the_next_one(tmp_path, monkeypatch):
    """Draft reports and recovered copies live in such folders in the system's temporary folder."""
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    code = textwrap.dedent("""
        import os
        from kompass_desktop.services import files
        with files.private_folder("utkast") as folder:
            (folder / "utkast.pdf").write_bytes(b"%PDF personal")
            print(folder, flush=True)
            os._exit(9)
    """)
    env = {**os.environ, "TMPDIR": str(system_tmp)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=child_timeout(60)
    )
    left = Path(result.stdout.strip())
    assert result.returncode == 9 and left.parent == system_tmp and left.is_dir()
    assert stat.S_IMODE(left.stat().st_mode) == 0o700 and re.fullmatch(
        r"\.kompass-utkast-.+\.\d+\.tmp", left.name
    )
    foreign = system_tmp / ".kompass-utkast-someone.1.tmp"  # a running process (init): kept
    foreign.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    with files.private_folder("utkast") as mine:
        assert mine.parent == system_tmp and mine != left
    assert not left.exists() and not mine.exists() and foreign.exists()


# -- names too long for the file system ----------------------------------------------------------

LONG = "å" * 146 + ".kompass"  # 300 bytes: no file system holds such a name

#: every command with one of its paths too long (W: the world folder)
LONG_NAMES = {
    "new FILE": lambda w: ["new", w / LONG, "--framework", "2019", "--unlisted", "X"],
    "import-scores FILE": lambda w: ["import-scores", w / LONG, w / "scores.csv"],
    "import-scores CSV": lambda w: ["import-scores", w / "eval.kompass", w / f"{LONG}.csv"],
    "summary FILE": lambda w: ["summary", w / LONG],
    "validate FILE": lambda w: ["validate", w / LONG],
    "demo FILE": lambda w: ["demo", w / LONG],
    "demo --force FILE": lambda w: ["demo", w / LONG, "--force"],
    "report FILE": lambda w: ["report", w / LONG, "-o", w / "r.pdf", "--draft"],
    "report -o": lambda w: ["report", w / "eval.kompass", "-o", w / f"{LONG}.pdf", "--draft"],
    "report --national-average": lambda w: [
        "report",
        w / "eval.kompass",
        "-o",
        w / "r.pdf",
        "--draft",
        "--national-average",
        w / f"{LONG}.json",
    ],
    "export FILE": lambda w: ["export", w / LONG, "-o", w / "x.kkx"],
    "export -o": lambda w: ["export", w / "eval.kompass", "-o", w / f"{LONG}.kkx"],
    "export --seal": lambda w: ["export", w / "eval.kompass", "-o", w / "x.kkx", "--seal", w / f"{LONG}.pub"],
    "import IN": lambda w: ["import", w / f"{LONG}.kkx", "-o", w / "y.kompass"],
    "import -o": lambda w: ["import", w / "full.kkx", "-o", w / LONG],
    "keygen -o": lambda w: ["keygen", "-o", w / LONG],
    "unseal IN": lambda w: ["unseal", w / f"{LONG}.kkx", "--key", w / "skr.key", "-o", w / "z.kkx"],
    "unseal --key": lambda w: ["unseal", w / "sealed.kkx", "--key", w / f"{LONG}.key", "-o", w / "z.kkx"],
    "unseal -o": lambda w: ["unseal", w / "sealed.kkx", "--key", w / "skr.key", "-o", w / f"{LONG}.kkx"],
    "merge LEAD": lambda w: ["merge", w / LONG, w / "backup.kompass"],
    "merge OTHER": lambda w: ["merge", w / "eval.kompass", w / LONG],
    "aggregate INPUT": lambda w: ["aggregate", w / LONG, "-o", w / "a.json"],
    "aggregate -o": lambda w: ["aggregate", w / "eval.kompass", "-o", w / f"{LONG}.json"],
    "aggregate --key": lambda w: [
        "aggregate",
        w / "eval.kompass",
        "-o",
        w / "a.json",
        "--key",
        w / f"{LONG}.k",
    ],
    "backups FILE": lambda w: ["backups", w / LONG],
    "restore BACKUP": lambda w: ["restore", w / LONG, "-o", w / "w.kompass"],
    "restore -o": lambda w: ["restore", w / "backup.kompass", "-o", w / LONG],
}


@pytest.mark.parametrize("case", sorted(LONG_NAMES))
def test_a_name_too_long_is_one_clear_message_in_every_command(world, capsys, case):
    assert len(LONG.encode()) == 300
    before = state(world)
    code = main([str(a) for a in LONG_NAMES[case](world)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.count("\n") == 1 and "för lång" in err, err
    assert "oväntat" not in err and "Traceback" not in err and "Errno" not in err, err
    assert state(world) == before  # nothing written, nothing left beside


def test_doctor_names_a_folder_too_long(world, capsys):
    code = main(["doctor", str(world / LONG)])
    out = capsys.readouterr()
    assert code == 1 and "oväntat" not in out.err + out.out
    assert any("för lång" in line and line.startswith("FEL") for line in out.out.splitlines()), out.out


def test_backups_of_files_with_long_names_are_made_and_listed(world):
    """The backup folder is named after the file: long names (up to the 247 bytes an evaluation
    file may have) still give a folder name the file system accepts."""
    name = "ä" * 119 + "a.kompass"  # 247 bytes
    path = world / name
    shutil.copy(world / "eval.kompass", path)
    with EvaluationSession.open(path) as session:
        saved = session.backup("auto")
    assert [b.path for b in files.list_backups(path)] == [saved]
    assert len(saved.parent.name.encode()) <= 255 and stat.S_IMODE(saved.stat().st_mode) == 0o600
