"""Backups as the evaluator meets them: which ones exist after many saves of each kind, that
``kompass restore`` brings back the one chosen, and that a damaged backup is never restored.

The README promises: a backup on every open, every 5 minutes while editing, and before imports,
migrations, merges and restores; the last 10 automatic and on-open backups and the last 5 of
each other kind are kept.  Every backup here holds a different text, so a test sees *which*
backups were kept, not only how many.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support import digest, user_version

from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.model import TextScope
from kompass_desktop.services import EvaluationSession, NewEvaluation, files
from kompass_desktop.storage import backup
from kompass_desktop.userdata import backups_dir

SUB = "1.1"
OLD_FORMAT = Path(__file__).parent.parent / "fixtures" / "v1" / "demo.kompass"  # schema version 1


def text_in(path: Path) -> str:
    with EvaluationSession.open(path, readonly=True) as s:
        return s.scores.text(TextScope.SUBAREA, SUB)


def write_text(path: Path, body: str) -> None:
    with EvaluationSession.open(path) as s:
        s.scores.set_text(TextScope.SUBAREA, SUB, body)


def kept(path: Path, reason: str) -> list[str]:
    """The texts in the kept backups of one kind, newest first (as ``kompass backups`` lists them)."""
    return [text_in(b.path) for b in files.list_backups(path) if b.reason == reason]


@pytest.fixture
def minutes(monkeypatch):
    """Backups are named by the time they are taken: here every backup is a minute later."""
    start = datetime(2025, 10, 14, 9, 0)
    taken: list[datetime] = []

    def clock() -> datetime:
        taken.append(start + timedelta(minutes=len(taken)))
        return taken[-1]

    monkeypatch.setattr(backup, "clock", clock)
    return taken


@pytest.fixture
def evaluation(tmp_path, fw2019):
    path = tmp_path / "lindsjö.kompass"
    EvaluationSession.create(path, NewEvaluation(fw2019, "Lindsjö", 2025)).close()
    return path


def test_after_many_saves_of_each_kind_the_newest_of_each_are_kept(evaluation, minutes, tmp_path, capsys):
    for i in range(1, 13):  # twelve on-open backups: each holds what the file had when opened
        write_text(evaluation, f"öppnad {i}")
        EvaluationSession.open(evaluation, backup_on_open=True).close()
    for i in range(1, 13):  # twelve automatic ones (the GUI takes one every 5 minutes)
        write_text(evaluation, f"automatisk {i}")
        files.backup_file(evaluation)
    csv = tmp_path / "poäng.csv"
    csv.write_text("1.2;3\n", encoding="utf-8")
    for i in range(1, 8):  # seven imports: each backs up the file first
        write_text(evaluation, f"före import {i}")
        assert main(["import-scores", str(evaluation), str(csv)]) == 0
    assert kept(evaluation, "open") == [f"öppnad {i}" for i in range(12, 2, -1)]
    assert kept(evaluation, "auto") == [f"automatisk {i}" for i in range(12, 2, -1)]
    assert kept(evaluation, "before-import") == [f"före import {i}" for i in range(7, 2, -1)]
    assert len(files.list_backups(evaluation)) == 25

    capsys.readouterr()
    assert main(["backups", str(evaluation)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Säkerhetskopior av {evaluation.name} i ")
    assert "2025-10-14 09:30:00  before-import" in lines[1]  # the newest first, with its time
    assert "2025-10-14 09:02:00  open" in lines[-1]  # the oldest kept: the third
    assert len(lines) == 26


def test_rotating_one_kind_never_touches_another(tmp_path, minutes):
    """The before-migration backup is the only copy of the file in its old format."""
    evaluation = tmp_path / "gammal.kompass"
    shutil.copy(OLD_FORMAT, evaluation)
    before = text_in(evaluation)  # an old file is read without being changed
    EvaluationSession.open(evaluation).close()  # upgraded: backed up first
    assert user_version(evaluation) == 3
    for i in range(12):
        write_text(evaluation, f"automatisk {i}")
        files.backup_file(evaluation)
    for _ in range(6):
        files.backup_file(evaluation, "before-merge")
    (old,) = [b for b in files.list_backups(evaluation) if b.reason == "before-migration"]
    assert user_version(old.path) == 1 and text_in(old.path) == before  # the file as it was
    reasons = [b.reason for b in files.list_backups(evaluation)]
    assert reasons.count("auto") == 10 and reasons.count("before-merge") == 5


def test_restore_brings_back_the_backup_chosen_and_keeps_the_file_it_replaces(
    evaluation, minutes, tmp_path, capsys
):
    for i in range(1, 4):
        write_text(evaluation, f"version {i}")
        files.backup_file(evaluation)
    write_text(evaluation, "senaste")
    newest, middle, oldest = files.list_backups(evaluation)
    assert main(["restore", str(middle.path), "-o", str(evaluation)]) == 0
    out = capsys.readouterr().out
    assert text_in(evaluation) == "version 2"
    (saved,) = [b for b in files.list_backups(evaluation) if b.reason == "before-restore"]
    assert f"Återställde {middle.path.name} till {evaluation}." in out
    assert f"Den tidigare filen sparades först som {saved.path}." in out
    assert text_in(saved.path) == "senaste"  # what was replaced can be restored in turn
    target = tmp_path / "ny" / "återställd.kompass"
    target.parent.mkdir()
    assert main(["restore", str(newest.path), "-o", str(target)]) == 0
    assert "sparades först" not in capsys.readouterr().out  # nothing was replaced
    assert text_in(target) == "version 3" and text_in(oldest.path) == "version 1"
    with EvaluationSession.open(target) as restored:  # a normal evaluation, open for writing
        assert restored.validate() == []


def damage_pages(path: Path) -> None:
    rng = random.Random(1123)  # the same damage every run
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096 * 3):
        data[offset + 16 : offset + 900] = rng.randbytes(884)
    path.write_bytes(bytes(data))


def test_a_damaged_backup_is_refused_and_the_file_is_left_alone(demo_copy, tmp_path, capsys):
    taken = files.backup_file(demo_copy)
    damage_pages(taken)
    write_text(demo_copy, "arbetet efter säkerhetskopian")
    before = digest(demo_copy)
    assert main(["restore", str(taken), "-o", str(demo_copy)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kompass restore: ") and "skadad" in err and err.count("\n") == 1
    assert digest(demo_copy) == before
    assert [b.reason for b in files.list_backups(demo_copy)] == ["auto"]  # nothing replaced, nothing new
    fresh = tmp_path / "ny.kompass"
    assert main(["restore", str(taken), "-o", str(fresh)]) == 1
    assert not fresh.exists()


def test_a_backup_is_a_complete_file_by_itself(evaluation, minutes):
    """Taken while the file is open for writing (edits still in its write-ahead log)."""
    with EvaluationSession.open(evaluation) as s:
        s.scores.set_text(TextScope.SUBAREA, SUB, "bara i loggen")
        taken = s.backup()
        assert Path(f"{evaluation}-wal").exists()
    folder = files.backup_folder(evaluation)
    assert sorted(p.name for p in folder.iterdir()) == [taken.name]  # no -wal, -shm or temporary
    assert taken.name == "20251014-090000-000--auto.kompass"
    conn = sqlite3.connect(taken)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert text_in(taken) == "bara i loggen"


def test_a_copy_replaces_a_closed_file_after_backing_it_up_and_never_itself(
    evaluation, tmp_path, minutes, fw2019
):
    other = tmp_path / "annan.kompass"
    with EvaluationSession.create(other, NewEvaluation(fw2019, "Annanby", 2025)) as s:
        s.scores.set_text(TextScope.SUBAREA, SUB, "den andra")
    Path(f"{other}-wal").write_bytes(b"")  # a stale log beside the target must not be replayed
    write_text(evaluation, "originalet")
    with EvaluationSession.open(evaluation) as s:
        s.save_copy(other)
        with pytest.raises(KompassError) as refused:
            s.save_copy(evaluation)
        assert str(refused.value) == (
            f"{evaluation} är samma fil som indatafilen lindsjö.kompass; den skrivs aldrig över. "
            "Ange en annan fil."
        )
    assert text_in(other) == "originalet" and not Path(f"{other}-wal").exists()
    (saved,) = files.list_backups(other)
    assert saved.reason == "before-restore" and text_in(saved.path) == "den andra"


def test_a_damaged_file_that_is_replaced_is_kept_byte_for_byte(evaluation, tmp_path, minutes):
    good = files.backup_file(evaluation)
    broken = tmp_path / "trasig.kompass"
    broken.write_bytes(evaluation.read_bytes()[:5000])  # cut short: not even a readable database
    Path(f"{broken}-wal").write_bytes(b"wal bytes")
    damaged = broken.read_bytes()
    assert main(["restore", str(good), "-o", str(broken)]) == 0
    (kept_copy,) = files.list_backups(broken)
    assert kept_copy.reason == "damaged" and kept_copy.path.read_bytes() == damaged
    assert Path(f"{kept_copy.path}-wal").read_bytes() == b"wal bytes"
    assert text_in(broken) == ""


def test_restoring_a_backup_in_an_old_format_leaves_the_backup_as_it_was(tmp_path, capsys):
    """The backup is only read: restoring never upgrades (or otherwise writes) the backup itself."""
    old = tmp_path / "gammal-kopia.kompass"
    shutil.copy(OLD_FORMAT, old)
    before = digest(old)
    target = tmp_path / "återställd.kompass"
    assert main(["restore", str(old), "-o", str(target)]) == 0
    assert digest(old) == before and user_version(old) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gammal-kopia.kompass", "återställd.kompass"]
    with EvaluationSession.open(target) as restored:  # upgraded when opened, like any old file
        assert restored.validate() == []


def test_a_backup_that_cannot_be_made_says_which_file_and_why(demo_copy, tmp_path, monkeypatch):
    """The backup folder cannot be made (a file where the user-data folder should be): one
    message naming the evaluation and the reason, and the evaluation is untouched."""
    blocker = tmp_path / "ingen mapp"
    blocker.write_text("en fil där användarmappen skulle ligga", encoding="utf-8")
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(blocker / "kompass"))
    before = digest(demo_copy)
    with pytest.raises(KompassError) as refused:
        backup.make_backup(demo_copy, "manual")
    assert str(refused.value) == (
        f"Säkerhetskopian av {demo_copy.name} kunde inte skapas: en del av sökvägen är en fil, inte en mapp."
    )
    assert digest(demo_copy) == before


# -- where the backups of a file are kept; the commands' usage --------------------------------------


def backup_folder_name(capsys, path: Path) -> str:
    """The folder that ``kompass backups`` names for the backups of ``path`` (none taken yet),
    without its tag (the hash that keeps apart files of one name in two folders)."""
    assert main(["backups", str(path)]) == 0
    out = capsys.readouterr().out
    name, where = re.escape(path.name), re.escape(str(backups_dir()))
    found = re.fullmatch(
        rf"Inga säkerhetskopior av {name} \(de sparas i {where}/(.+)-[0-9a-f]{{10}}\)\.\n", out
    )
    assert found, out
    return found.group(1)


@pytest.mark.parametrize(
    ("stem", "folder"),
    [
        pytest.param("Lindsjö: möte <2>?", "Lindsjö_möte_2_", id="characters no folder name may carry"),
        pytest.param("ö" * 60, "ö" * 60, id="120 bytes: kept whole"),
        pytest.param("ö" * 61, "ö" * 60, id="122 bytes: shortened to 120"),
        pytest.param("a" * 119 + "ö", "a" * 119, id="never in the middle of a character"),
    ],
)
def test_the_backups_of_a_file_are_kept_in_a_folder_named_after_it(tmp_path, capsys, stem, folder):
    assert backup_folder_name(capsys, tmp_path / f"{stem}.kompass") == folder


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("backups", "användning: kompass backups [-h] FIL"),
        ("restore", "användning: kompass restore [-h] -o FIL KOPIA"),
    ],
)
def test_the_backup_commands_name_their_arguments_in_swedish(capsys, command, usage):
    with pytest.raises(SystemExit) as shown:
        main([command, "--help"])
    assert shown.value.code == 0
    assert capsys.readouterr().out.split("\n\n")[0] == usage
