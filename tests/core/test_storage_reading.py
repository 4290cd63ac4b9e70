"""Reading a file of an older format without changing it (storage/opening.py): every read-only
open reads an upgraded copy in memory, so nothing is written beside the file or in the working
folder, and whatever stops the upgrade is one clear message, never a traceback."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from support import digest, run_sql, user_version

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage import recovery
from kompass_desktop.storage.errors import ForeignSchema, StorageError

OLD = Path(__file__).parent.parent / "fixtures" / "v1" / "team-bo.kompass"  # schema version 1


@pytest.fixture
def old(tmp_path, monkeypatch):
    """A copy of a version-1 file alone in its folder; the working folder is another, empty one."""
    folder = tmp_path / "utvärderingar"
    folder.mkdir()
    path = folder / "team-bo.kompass"
    shutil.copy(OLD, path)
    work = tmp_path / "arbete"
    work.mkdir()
    monkeypatch.chdir(work)
    return path


def read_in_session(path: Path, _out: Path) -> int:
    with EvaluationSession.open(path, readonly=True) as s:  # as the GUI opens a file read-only
        assert s.scores.all()["3.1"] == 7
    return 0


#: Every way of reading a file without writing it: (file, folder for an output) -> exit code.
READ_ONLY: dict[str, Callable[[Path, Path], int]] = {
    "summary": lambda path, _out: main(["summary", str(path)]),
    "validate": lambda path, _out: main(["validate", str(path)]),
    "consensus": lambda path, _out: main(["consensus", str(path)]),
    "export": lambda path, out: main(["export", str(path), "-o", str(out / "x.kkx")]),
    "restore (the backup)": lambda path, out: main(["restore", str(path), "-o", str(out / "r.kompass")]),
    "a read-only session": read_in_session,
}


@pytest.mark.parametrize("way", sorted(READ_ONLY))
def test_reading_an_old_file_writes_nothing_beside_it_nor_in_the_working_folder(old, tmp_path, capsys, way):
    out = tmp_path / "ut"
    out.mkdir()
    before = digest(old)
    assert READ_ONLY[way](old, out) == 0, capsys.readouterr().err
    assert sorted(p.name for p in old.parent.iterdir()) == ["team-bo.kompass"]
    assert digest(old) == before and user_version(old) == 1
    assert list(Path.cwd().iterdir()) == []


def test_an_old_file_with_a_table_of_another_program_is_read_and_the_table_named(old):
    run_sql(old, "CREATE TABLE mina_anteckningar (x)")
    before = digest(old)
    message = "tabellen ”mina_anteckningar” kommer inte från Kompass Desktop"
    with EvaluationSession.open(old, readonly=True) as s:
        assert s.scores.all()["3.1"] == 7
        assert s.file.schema_problems == [message]
        assert f"team-bo.kompass har ändrats av ett annat program: {message}." in s.file.notices
    assert digest(old) == before


def test_a_table_of_another_program_in_the_way_of_the_upgrade_is_named(old, capsys):
    """Another program's table has the name of one the newer format adds: the file cannot be read
    as the newer version, said in one line."""
    run_sql(old, "CREATE TABLE independent_scores (x)")
    before = digest(old)
    with pytest.raises(ForeignSchema) as refused:
        EvaluationSession.open(old, readonly=True)
    message = (
        "team-bo.kompass har ändrats av ett annat program: tabellen ”independent_scores” kommer inte "
        "från Kompass Desktop. Filen kan inte öppnas; återställ en säkerhetskopia (kompass backups)."
    )
    assert str(refused.value) == message
    assert main(["summary", str(old)]) == 1
    assert capsys.readouterr().err == f"kompass summary: {message}\n"
    assert digest(old) == before


class DiskGoneWhileCopying(sqlite3.Connection):
    """A connection whose file cannot be read any more once the copy in memory is made (a USB
    stick pulled out)."""

    def backup(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("disk I/O error")


def test_a_read_error_while_an_old_file_is_copied_is_one_message(old, monkeypatch):
    def connect(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
        uri = path.resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None, factory=DiskGoneWhileCopying)

    monkeypatch.setattr(recovery, "connect_readonly", connect)
    with pytest.raises(StorageError) as refused:
        EvaluationSession.open(old, readonly=True)
    assert str(refused.value) == "team-bo.kompass kunde inte läsas eller skrivas (I/O-fel: disk I/O error)."
