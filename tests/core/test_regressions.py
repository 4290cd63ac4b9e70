"""Regression tests for bugs found in review (each failed before its fix)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.services.registers import Register
from kompass_desktop.storage import backup
from kompass_desktop.storage.errors import CorruptFile, FileLocked


def new(path: Path, name: str) -> EvaluationSession:
    return EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), name, 2025))


def test_saving_a_copy_over_a_file_never_replays_its_old_wal(tmp_path):
    x, y = tmp_path / "x.kompass", tmp_path / "y.kompass"
    new(x, "Xstad").close()
    s = EvaluationSession.open(x)
    for i in range(5):
        s.notes.add(f"X-anteckning {i}", "1.1")
    wal = Path(str(x) + "-wal")
    assert wal.exists()
    saved_wal = wal.read_bytes()
    s.file._lock.release()  # a crash: the lock is gone, the WAL stays
    s.file.conn.close()
    wal.write_bytes(saved_wal)
    with new(y, "Ystad") as other:
        other.save_copy(x)
    with EvaluationSession.open(x) as result:
        assert result.info().municipality == "Ystad"
        assert result.notes.all() == []
        assert result.validate() == []


def test_a_copy_is_not_saved_over_a_file_that_is_open(tmp_path):
    x, y = tmp_path / "x.kompass", tmp_path / "y.kompass"
    new(x, "Xstad").close()
    with EvaluationSession.open(x) as open_elsewhere, new(y, "Ystad") as other:
        with pytest.raises(FileLocked):
            other.save_copy(x)
        assert open_elsewhere.info().municipality == "Xstad"


def test_backups_of_files_with_the_same_name_are_kept_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "utvardering.kompass", tmp_path / "b" / "utvardering.kompass"
    new(a, "Ale").close()
    new(b, "Bollnäs").close()
    backup.make_backup(a, "auto")
    for _ in range(12):
        backup.make_backup(b, "auto")
    only_a = backup.list_backups(a)
    assert len(only_a) == 1
    with EvaluationSession.open(only_a[0].path, readonly=True) as s:
        assert s.info().municipality == "Ale"


def test_drafts_of_unsaved_notes_are_never_exported(session, tmp_path):
    from kompass_desktop.exchange.export import export_evaluation

    session.save_draft("interview_note", '{"text": "Anna Andersson är sjukskriven"}')
    out = tmp_path / "x.kkx"
    export_evaluation(session.file, out, personal_data=True)
    with zipfile.ZipFile(out) as z:
        assert b"Anna Andersson" not in z.read("evaluation.json")


def test_the_report_uses_the_national_average_stored_in_the_file(demo_copy, tmp_path):
    import json

    from kompass_desktop.report.context import make_context

    reference = tmp_path / "skr.json"
    reference.write_text(
        json.dumps(
            {
                "format": 1,
                "kind": "kommunkompassen-national-average",
                "label": "SKR 2026",
                "frameworks": {
                    "2019": {
                        "areas": {str(n): {"n": 9, "mean": 10} for n in range(1, 9)},
                        "total": {"n": 9, "mean": 80},
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    with EvaluationSession.open(demo_copy) as s:
        s.registers.set_national_average_from_file(reference)
        context = make_context(s.snapshot(), draft=False)
    national = context.chart.series[-1]
    assert national.label == "SKR 2026" and national.values[0] == 10
    assert not context.national_example


def test_a_note_citing_a_deleted_interview_can_still_be_moved_and_edited(session):
    interview = session.registers.add_interview(group="fack", title="Fack")
    note = session.notes.add("Fackets syn", "1.1", source_kind="interview", interview_id=interview.id)
    session.registers.delete(Register.INTERVIEW, interview.id)
    session.notes.move(note.id, "2.1")
    session.notes.update(note.id, body="Fackets syn, rättad")
    assert session.notes.get(note.id).subarea == "2.1"
    with pytest.raises(KompassError, match="finns inte"):
        session.notes.update(note.id, interview_id="saknas", source_kind="interview")


def test_an_uninitialised_file_of_ours_is_refused_untouched(tmp_path):
    path = tmp_path / "tom.kompass"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1263488336")
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(CorruptFile, match="saknar utvärderingsdata"):
        EvaluationSession.open(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tom.kompass"]


@pytest.mark.parametrize("damage", ["truncate", "header"])
def test_a_backup_can_be_restored_over_a_damaged_file(demo_copy, tmp_path, capsys, damage):
    with EvaluationSession.open(demo_copy) as s:
        taken = s.backup("auto")
    data = demo_copy.read_bytes()
    damaged = data[:5000] if damage == "truncate" else os.urandom(100) + data[100:]
    demo_copy.write_bytes(damaged)
    assert main(["restore", str(taken), "-o", str(demo_copy)]) == 0
    assert "sparades först" in capsys.readouterr().out
    with EvaluationSession.open(demo_copy) as s:
        assert s.summary().complete
    kept = [b for b in backup.list_backups(demo_copy) if b.reason == "damaged"]
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged  # the damaged file is kept as it was


@pytest.mark.parametrize("value", ["2025-13-45", "2024-02-30", "25-10-14"])
def test_impossible_dates_are_refused(session, value):
    with pytest.raises(KompassError, match="inget giltigt datum"):
        session.update_info(start_date=value)
    with pytest.raises(KompassError, match="inget giltigt datum"):
        session.registers.add_interview(group="fack", date=value)


def test_a_visit_cannot_end_before_it_starts(session):
    session.update_info(start_date="2025-10-20")
    with pytest.raises(KompassError, match="före det börjar"):
        session.update_info(end_date="2025-03-01")


def test_absurdly_large_scores_get_a_line_numbered_message(session, tmp_path, capsys):
    path = session.path
    session.close()
    csv = tmp_path / "p.csv"
    csv.write_text("1.1;99999999999999999999999999999,5\n", encoding="utf-8")
    assert main(["import-scores", str(path), str(csv)]) == 1
    err = capsys.readouterr().err
    assert "rad 1:" in err and "orimligt stort" in err and "oväntat" not in err


def test_the_demo_can_be_rewritten_over_a_crashed_copy(tmp_path, capsys):
    target = tmp_path / "demo.kompass"
    assert main(["demo", str(target)]) == 0
    Path(str(target) + "-wal").write_bytes(b"\0" * 100)  # junk left beside it
    assert main(["demo", str(target), "--force"]) == 0
    with EvaluationSession.open(target, readonly=True) as s:
        assert s.info().municipality == "Lindsjö kommun"
