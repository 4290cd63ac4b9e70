"""Files and exports of the first format (one score per sub-area), made with the app before
consensus scoring (tests/fixtures/v1): each score becomes its author's independent score, so
everything counts as before; copies of one old evaluation still merge without conflicts."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from support import digest, run_sql, user_version

from kompass_desktop.cli import main
from kompass_desktop.domain.consensus import Status
from kompass_desktop.exchange.importer import import_export
from kompass_desktop.exchange.merge import apply_merge, plan_merge
from kompass_desktop.services import EvaluationSession
from kompass_desktop.storage import backup as backups
from kompass_desktop.storage import rows as storage_rows

OLD = Path(__file__).parent.parent / "fixtures" / "v1"


@pytest.fixture
def old(tmp_path):
    for name in (
        "team-anna.kompass",
        "team-bo.kompass",
        "team-bo-personal.kkx",
        "team-bo-anon.kkx",
        "demo.kompass",
    ):
        shutil.copy(OLD / name, tmp_path / name)
    return tmp_path


def consensus_of(path: Path) -> dict[str, tuple[str, dict[str, str], str | None]]:
    with EvaluationSession.open(path, readonly=True) as s:
        view = s.consensus.view()
    return {
        sub.number: (
            sub.status.value,
            {k: str(v) for k, v in sub.points.items()},
            None if sub.agreed is None else str(sub.agreed),
        )
        for sub in view.subareas
        if sub.status != Status.UNSCORED
    }


def test_the_fixtures_are_of_the_first_format():
    assert user_version(OLD / "demo.kompass") == user_version(OLD / "team-anna.kompass") == 1
    for name in ("team-bo-personal.kkx", "team-bo-anon.kkx"):
        import zipfile

        with zipfile.ZipFile(OLD / name) as z:
            assert json.loads(z.read("manifest.json"))["format_version"] == 1


def test_an_old_file_is_read_without_being_changed(old, capsys):
    demo = old / "demo.kompass"
    before = digest(demo)
    assert main(["summary", str(demo), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 517.5  # shown as 518
    assert main(["consensus", str(demo), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["subareas"]) == 36 and {s["status"] for s in data["subareas"]} == {"single"}
    assert data["subareas"][0]["independent"] == {"Demo (Kompass Desktop)": 13}
    assert digest(demo) == before and user_version(demo) == 1
    assert sorted(p.name for p in old.iterdir() if p.name.startswith("demo")) == ["demo.kompass"]


def test_migrating_an_old_file_keeps_every_score_as_its_authors_own(old):
    demo = old / "demo.kompass"
    with EvaluationSession.open(demo, readonly=True) as s:
        before = s.summary()
    with EvaluationSession.open(demo) as s:
        assert user_version(demo) == 3
        after = s.summary()
        assert s.validate() == []
        view = s.consensus.view()
        first = view.get("1.1")
        history = s.file.history(first.independent[0].id)
    assert (after.total, after.scored_count) == (before.total, before.scored_count) == (Decimal("517.5"), 36)
    assert {sub.status for sub in view.subareas} == {Status.SINGLE}
    assert first.points == {"Demo (Kompass Desktop)": 13} and first.recorded is None
    assert [h["reason"] for h in history] == ["migration"]
    assert [b.reason for b in backups.list_backups(demo)] == ["before-migration"]
    assert user_version(backups.list_backups(demo)[0].path) == 1  # the backup is the old file


def test_every_migrated_version_keeps_its_own_revision_and_time(old):
    """anna scored 1.3 twice and cleared 2.1: each of her earlier versions is converted with a
    revision of its own, dated when she made it (not when the file was upgraded)."""
    anna = old / "team-anna.kompass"
    conn = sqlite3.connect(anna)
    made = {
        json.loads(data)["rev"]: json.loads(data)["modified"]
        for (data,) in conn.execute("SELECT data FROM history WHERE tbl = 'scores'")
    }
    conn.close()
    EvaluationSession.open(anna).close()  # migrated in place
    conn = sqlite3.connect(anna)
    migrated = conn.execute(
        "SELECT tbl, rev, parent_rev, at FROM history WHERE reason = 'migration' ORDER BY seq"
    ).fetchall()
    current = [rev for (rev,) in conn.execute("SELECT rev FROM scores")]
    conn.close()
    revs = [rev for _tbl, rev, _parent, _at in migrated]
    assert len(set(revs)) == len(revs) and len(set(current)) == len(current)
    emptied = [(parent, at) for tbl, _rev, parent, at in migrated if tbl == "scores"]
    assert len(emptied) >= 6 and all(at == made[parent] for parent, at in emptied)
    assert len({at for _parent, at in emptied}) > 1


def test_the_ids_and_revisions_of_the_conversion_never_change():
    """Copies of one old evaluation may be upgraded by different versions of the app and must
    still merge: what the conversion derives is part of the file format (pinned here)."""
    from kompass_desktop.storage.schema import legacy_score

    row = {
        "id": "11111111-1111-4111-8111-111111111111",
        "subarea": "1.1",
        "points": "12",
        "rev": "22222222-2222-4222-8222-222222222222",
        "author": "anna",
        "created": "2024-05-02T10:00:00.000Z",
        "modified": "2024-05-02T10:00:00.000Z",
        "deleted": 0,
        "reason": "",
    }
    converted = legacy_score(row, "33333333-3333-4333-8333-333333333333")
    assert converted is not None
    assert (converted.independent["id"], converted.independent["rev"], converted.emptied["rev"]) == (
        "595caac2-7dc2-53ce-bfef-102767936e08",
        "9bfa2906-7c04-5d6b-9d17-c41e15a7e692",
        "f7eee271-73cd-5144-b36e-7f0eb0eeb676",
    )


def test_the_conversion_is_the_same_in_every_copy(old, tmp_path, monkeypatch):
    """Two copies of one old file, upgraded at different times, hold the same records *and*
    the same migration history: nothing in the conversion depends on when it ran."""

    class LaterEachTime(datetime):
        calls = 0

        @classmethod
        def now(cls, tz=None):  # every reading of the clock an hour after the one before
            cls.calls += 1
            return datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=cls.calls)

    monkeypatch.setattr(storage_rows, "datetime", LaterEachTime)
    assert storage_rows.utc_now() != storage_rows.utc_now()  # the storage clock moves on
    second = tmp_path / "second.kompass"
    shutil.copy(old / "team-bo.kompass", second)
    rows = []
    for path in (old / "team-bo.kompass", second):
        EvaluationSession.open(path).close()
        conn = sqlite3.connect(path)
        rows.append(
            [
                conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("independent_scores", "scores")
            ]
            + [
                conn.execute(
                    "SELECT tbl, record_id, rev, parent_rev, data, author, at FROM history "
                    "WHERE reason = 'migration' ORDER BY seq"
                ).fetchall()
            ]
        )
        conn.close()
    assert rows[0] == rows[1] and len(rows[0][0]) == 6 and rows[0][2]


def test_copies_of_an_old_evaluation_merge_side_by_side_without_conflicts(old, capsys):
    anna, bo = old / "team-anna.kompass", old / "team-bo.kompass"
    code = main(["merge", str(anna), str(bo)])
    out = capsys.readouterr().out
    assert code == 0 and "0 konflikter" in out
    merged = consensus_of(anna)
    assert merged["1.1"] == ("open", {"anna": "12", "bo": "15"}, None)  # both judged it: side by side
    assert merged["1.2"] == ("single", {"anna": "8.5"}, "8.5")
    assert merged["1.3"] == ("single", {"anna": "6"}, "6")  # anna's later value, no conflict with her 5
    assert "2.1" not in merged  # anna cleared it after the copy: her old 10 does not come back
    assert merged["2.2"] == ("agreed", {"anna": "4", "bo": "4"}, "4")
    assert merged["3.1"] == ("single", {"bo": "7"}, "7")
    assert main(["merge", str(anna), str(bo)]) == 0
    assert "Inget att slå samman" in capsys.readouterr().out
    # and the other way round: the same consensus
    with EvaluationSession.open(bo, author="bo") as s:
        result = apply_merge(s, plan_merge(s, old / "team-anna.kompass"))
        assert result.conflicts_kept_lead == 0
    assert consensus_of(bo) == merged


def test_format_1_exports_are_read_as_old_files_are_migrated(old, tmp_path):
    imported = tmp_path / "imported.kompass"
    import_export(old / "team-bo-personal.kkx", imported)
    assert consensus_of(imported) == consensus_of(old / "team-bo.kompass")
    with EvaluationSession.open(imported, readonly=True) as s:
        assert s.validate() == []
    with EvaluationSession.open(old / "team-anna.kompass", author="anna") as s:
        plan = plan_merge(s, old / "team-bo-personal.kkx")
        assert plan.conflicts == ()
        apply_merge(s, plan)
    with EvaluationSession.open(old / "team-anna.kompass", author="anna") as s:
        assert plan_merge(s, old / "team-bo.kompass").is_empty  # the same records as the file's
    anon = tmp_path / "anon.kompass"
    import_export(old / "team-bo-anon.kkx", anon)
    evaluators = {name for _s, points, _a in consensus_of(anon).values() for name in points}
    assert evaluators == {"utvärderare 1", "utvärderare 2"}
    with EvaluationSession.open(anon, readonly=True) as s:
        assert s.validate() == []


def test_a_field_added_by_the_migration_is_no_difference_to_versions_from_before_it(old, tmp_path):
    """History versions from before schema 2 have no ``reason``: merging compares them as if it
    were empty, so a change back to the old content is no conflict."""
    lead = old / "team-anna.kompass"  # 2.1 was cleared by anna in schema 1 (a version without reason)
    EvaluationSession.open(lead).close()
    other = tmp_path / "other.kompass"
    shutil.copy(lead, other)
    with EvaluationSession.open(lead, author="anna") as s:
        s.consensus.agree("2.1", 5)
        s.consensus.agree("2.1", "")  # back to no agreed score: the content of the old version
    with EvaluationSession.open(other, author="bo") as s:
        s.consensus.agree("2.1", 7)
    with EvaluationSession.open(lead, author="anna") as s:
        plan = plan_merge(s, other)
        assert plan.conflicts == ()
        apply_merge(s, plan)
        assert s.scores.all()["2.1"] == 7


def test_merging_compares_a_version_without_the_added_reason_as_an_empty_reason():
    from kompass_desktop.exchange.records import content

    before_migration = {"id": "x", "subarea": "2.1", "points": None, "rev": "a", "deleted": 0}
    after = {**before_migration, "rev": "b", "reason": ""}
    assert content(before_migration, "scores") == content(after, "scores")
    assert content(before_migration, "scores") != content({**after, "reason": "Skäl"}, "scores")


def test_a_deleted_score_of_an_old_file_stays_deleted(old):
    path = old / "team-anna.kompass"
    run_sql(path, "UPDATE scores SET deleted = 1 WHERE subarea = '1.2'")
    with EvaluationSession.open(path) as s:  # migrates to the current format
        assert s.consensus.subarea("1.2").points == {}
        assert s.scores.all()["1.2"] is None
        assert s.scores.all()["1.1"] == Decimal(12)


def test_an_old_score_without_an_author_becomes_the_unknown_evaluators(old):
    """A first-format score whose author was never recorded (written by another tool) is kept,
    as the score of "okänd utvärderare"; the sub-areas with an author keep theirs."""
    path = old / "team-anna.kompass"
    run_sql(
        path,
        "UPDATE scores SET author = '' WHERE subarea = '1.2'",
        "UPDATE history SET data = json_set(data, '$.author', '') "
        "WHERE tbl = 'scores' AND json_extract(data, '$.subarea') = '1.2'",
    )
    with EvaluationSession.open(path) as s:
        assert s.consensus.subarea("1.2").points == {"okänd utvärderare": Decimal("8.5")}
        assert list(s.consensus.subarea("1.1").points) == ["anna"]
