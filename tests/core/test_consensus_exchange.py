"""SKR's side of consensus scoring: exports carry every evaluator's own score (under the export's
pseudonyms without personal data), imports and merges accept them, and `kompass aggregate` says
per version and sub-area how often and by how much evaluators disagreed."""

from __future__ import annotations

import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from test_exchange_support import file_state

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.importer import import_export
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import exchange_io as xio
from kompass_desktop.storage.opening import open_evaluation_file

FW = resources.framework("2019")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def document(kkx: Path) -> dict:
    with zipfile.ZipFile(kkx) as z:
        return json.loads(z.read("evaluation.json"))


def complete_team_evaluation(path: Path, differences: dict[str, tuple[object, object]], name: str) -> Path:
    """Two evaluators score every sub-area at half its maximum, except ``differences`` (anna's,
    bo's), which are then agreed at anna's score with a reason."""
    half = {s.number: (s.max / 2).quantize(Decimal("0.01")) for s in FW.subareas()}
    with EvaluationSession.create(path, NewEvaluation(FW, name, 2025), author="anna") as s:
        s.scores.set_many({**half, **{k: a for k, (a, _b) in differences.items()}})
        s.set_author("bo")
        s.scores.set_many({**half, **{k: b for k, (_a, b) in differences.items()}})
        for number, (a, _b) in differences.items():
            s.consensus.agree(number, a, "Vi enades efter samtal")
    return path


def test_exports_carry_the_independent_scores_under_the_exports_pseudonyms(demo_template, tmp_path):
    export_evaluation(demo_template, tmp_path / "anon.kkx")
    export_evaluation(demo_template, tmp_path / "full.kkx", personal_data=True)
    anon, full = document(tmp_path / "anon.kkx"), document(tmp_path / "full.kkx")
    assert anon["format_version"] == 3
    names = {r["evaluator"] for r in full["records"]["independent_scores"]}
    assert names == {"Karin Ekström", "Johan Alm"}
    pseudonyms = {r["evaluator"] for r in anon["records"]["independent_scores"]}
    assert pseudonyms <= {f"utvärderare {n}" for n in range(1, 5)} and len(pseudonyms) == 2
    for record in anon["records"]["independent_scores"]:  # one person, one pseudonym
        assert record["evaluator"] == record["author"]
    text = json.dumps(anon["records"]["independent_scores"], ensure_ascii=False)
    assert "Karin" not in text and "Johan" not in text
    assert len(anon["records"]["independent_scores"]) == len(full["records"]["independent_scores"]) == 72
    reasons = {r["subarea"]: r["reason"] for r in anon["records"]["scores"] if r["points"] is not None}
    assert set(reasons) == {"1.3", "2.4", "4.2", "5.4", "7.2"} and all(reasons.values())


def test_imports_of_both_kinds_keep_the_consensus(demo_template, tmp_path):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        expected = [
            (c.number, c.status, c.agreed, c.reason, sorted(c.points.values()))
            for c in s.consensus.view().subareas
        ]
    for personal in (False, True):
        kkx = tmp_path / f"e{personal}.kkx"
        export_evaluation(demo_template, kkx, personal_data=personal)
        copy = tmp_path / f"copy{personal}.kompass"
        import_export(kkx, copy)
        with EvaluationSession.open(copy, readonly=True) as s:
            got = [
                (c.number, c.status, c.agreed, c.reason, sorted(c.points.values()))
                for c in s.consensus.view().subareas
            ]
            assert got == expected and s.validate() == []


def test_a_forged_independent_score_is_rejected_with_its_path(demo_template, tmp_path, capsys):
    export_evaluation(demo_template, tmp_path / "e.kkx")
    doc = document(tmp_path / "e.kkx")
    doc["records"]["independent_scores"][0]["points"] = "99"
    doc["records"]["independent_scores"][1]["evaluator"] = "någon annan"
    from test_exchange_support import rebuild

    with zipfile.ZipFile(tmp_path / "e.kkx") as z:
        manifest = json.loads(z.read("manifest.json"))
    (tmp_path / "bad.kkx").write_bytes(rebuild(doc, manifest))
    code, _, err = run(capsys, "import", tmp_path / "bad.kkx", "-o", tmp_path / "bad.kompass")
    assert code == 1 and not (tmp_path / "bad.kompass").exists()
    assert err == (
        "kompass import: bad.kkx: evaluation.json är inte konsekvent: "
        "$.records.independent_scores[0].points: Delfråga 1.1: 99 är över maxpoängen 20; "
        "$.records.independent_scores[1].id: fel id för poängen till 1.2 av någon annan.\n"
    )


@pytest.mark.parametrize(
    ("name", "own"),
    [
        (
            "team-bo",
            {
                ("1.1", "bo", "15"),
                ("1.2", "anna", "8.5"),
                ("1.3", "anna", "5"),
                ("2.1", "anna", "10"),
                ("2.2", "bo", "4"),
                ("3.1", "bo", "7"),
            },
        ),
        (  # 1.3 scored twice by anna, 2.1 cleared by her: her earlier versions count
            "team-anna",
            {
                ("1.1", "anna", "12"),
                ("1.2", "anna", "8.5"),
                ("1.3", "anna", "6"),
                ("2.1", "anna", None),
                ("2.2", "anna", "4"),
            },
        ),
    ],
)
def test_a_format_1_export_is_imported_as_its_file_is_migrated(tmp_path, name, own):
    """Before consensus scoring (tests/fixtures/v1): each score becomes its author's own, with the
    same ids, revisions and migration history as the migration of the file it was exported from,
    so the imported copy and the old file merge."""
    old = Path(__file__).parent.parent / "fixtures" / "v1"
    shutil.copy(old / f"{name}.kompass", tmp_path / "old.kompass")
    EvaluationSession.open(tmp_path / "old.kompass").close()  # migrated in place
    import_export(old / f"{name}-personal.kkx", tmp_path / "imported.kompass")
    migrated, imported = file_state(tmp_path / "old.kompass"), file_state(tmp_path / "imported.kompass")
    assert imported["records"] == migrated["records"]
    found = imported["records"]["independent_scores"]
    assert {(r["subarea"], r["evaluator"], r["points"]) for r in found} == own
    assert {r["points"] for r in imported["records"]["scores"]} == {None}  # nothing agreed yet
    assert _migration_history(tmp_path / "imported.kompass") == _migration_history(tmp_path / "old.kompass")


def _migration_history(path: Path) -> list:
    with open_evaluation_file(path, readonly=True) as f:
        return [h for h in xio.all_history(f) if h.reason == "migration"]


def test_aggregate_reports_how_often_and_how_much_evaluators_disagreed(tmp_path, capsys):
    first = complete_team_evaluation(tmp_path / "a.kompass", {"1.1": (12, 15), "1.2": (4, 5)}, "Aby")
    second = complete_team_evaluation(tmp_path / "b.kompass", {"1.2": ("2.5", "4.5")}, "Bby")
    export_evaluation(second, tmp_path / "b.kkx")  # SKR gets an export without personal data
    out = tmp_path / "avg.json"
    code, stdout, err = run(capsys, "aggregate", first, tmp_path / "b.kkx", "-o", out)
    assert code == 0, err
    table = json.loads(out.read_text(encoding="utf-8"))["frameworks"]["2019"]["disagreement"]
    assert table["1.1"] == {
        "n": 2,
        "disagreed": 1,
        "share": 0.5,
        "mean_spread": 1.5,
        "max_spread": 3,
        "notable": 1,
    }
    assert table["1.2"] == {
        "n": 2,
        "disagreed": 2,
        "share": 1,
        "mean_spread": 1.5,
        "max_spread": 2,
        "notable": 1,
    }
    assert table["1.3"] == {
        "n": 2,
        "disagreed": 0,
        "share": 0,
        "mean_spread": 0,
        "max_spread": 0,
        "notable": 0,
    }
    assert len(table) == 36
    # only the sub-areas the evaluators disagreed on, never the 34 they always agreed on
    assert stdout.splitlines() == [
        "2019: n = 2, medel totalt 399,25",
        "  oftast oense (delfråga: oense i / bedömd av flera, medelspridning, största):",
        "    1.2: 2 av 2, 1,5, 2",
        "    1.1: 1 av 2, 1,5, 3",
        f"Skrev {out} ur 2 fullständiga utvärderingar.",
    ]
    # the national averages use the agreed scores: anna's in both
    total = json.loads(out.read_text(encoding="utf-8"))["frameworks"]["2019"]["total"]
    assert (
        total["n"] == 2 and total["max"] == 400 + 2 + (4 - 5) and total["min"] == 400 + (Decimal("2.5") - 5)
    )


def test_aggregate_says_in_one_line_when_the_evaluators_never_disagreed(tmp_path, capsys):
    agreed = complete_team_evaluation(tmp_path / "a.kompass", {}, "Aby")
    out = tmp_path / "avg.json"
    code, stdout, _ = run(capsys, "aggregate", agreed, "-o", out)
    assert (code, stdout) == (
        0,
        "2019: n = 1, medel totalt 400\n"
        "  utvärderarna var aldrig oense (36 delfrågor har bedömts av flera var för sig)\n"
        f"Skrev {out} ur 1 fullständig utvärdering.\n",
    )
    table = json.loads(out.read_text(encoding="utf-8"))["frameworks"]["2019"]["disagreement"]
    assert len(table) == 36 and {row["disagreed"] for row in table.values()} == {0}


def test_aggregate_lists_at_most_five_sub_areas_they_disagreed_on(tmp_path, capsys):
    differences = {number: (2, 1) for number in ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3")}
    differences["1.3"] = (3, 1)  # the largest spread comes first
    team = complete_team_evaluation(tmp_path / "a.kompass", differences, "Aby")
    code, stdout, _ = run(capsys, "aggregate", team, "-o", tmp_path / "avg.json")
    assert code == 0
    assert stdout.splitlines()[1:7] == [
        "  oftast oense (delfråga: oense i / bedömd av flera, medelspridning, största):",
        "    1.3: 1 av 1, 2, 2",
        "    1.1: 1 av 1, 1, 1",
        "    1.2: 1 av 1, 1, 1",
        "    2.1: 1 av 1, 1, 1",
        "    2.2: 1 av 1, 1, 1",
    ]
    assert stdout.splitlines()[7].startswith("Skrev ")


def test_aggregate_without_independent_scores_from_several_evaluators(tmp_path, capsys):
    path = tmp_path / "solo.kompass"
    with EvaluationSession.create(path, NewEvaluation(FW, "Solo", 2025), author="anna") as s:
        s.scores.set_many({sub.number: 1 for sub in FW.subareas()})
    out = tmp_path / "avg.json"
    code, stdout, _ = run(capsys, "aggregate", path, "-o", out)
    assert (code, stdout) == (
        0,
        "2019: n = 1, medel totalt 36\n  ingen delfråga har bedömts av flera utvärderare var för sig\n"
        f"Skrev {out} ur 1 fullständig utvärdering.\n",
    )
    assert "disagreement" not in json.loads(out.read_text(encoding="utf-8"))["frameworks"]["2019"]


def test_a_format_1_export_without_personal_data_has_no_history_and_still_gets_its_own_scores(tmp_path):
    """An export without personal data carries no history: the upgrade finds none and goes on."""
    old = Path(__file__).parent.parent / "fixtures" / "v1"
    import_export(old / "team-bo-personal.kkx", tmp_path / "personal.kompass")
    import_export(old / "team-bo-anon.kkx", tmp_path / "anon.kompass")
    personal, anon = file_state(tmp_path / "personal.kompass"), file_state(tmp_path / "anon.kompass")

    def own(state):
        return {(r["subarea"], r["points"]) for r in state["records"]["independent_scores"]}

    assert own(anon) == own(personal) and own(anon)
