"""Consensus scoring through the services and the command line: each evaluator's own score,
`kompass consensus [--json]`, `kompass agree`, `kompass summary` and the final report."""

from __future__ import annotations

import json

import pytest

from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError, ReasonRequired
from kompass_desktop.services import EvaluationSession


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def score_as(path, who, values):
    with EvaluationSession.open(path, author=who) as s:
        s.scores.set_many(values)


@pytest.fixture
def team(tmp_path, capsys):
    path = tmp_path / "team.kompass"
    assert run(capsys, "new", path, "--framework", "2019", "--unlisted", "Delby")[0] == 0
    score_as(path, "anna", {"1.1": 12, "1.2": 5, "1.3": 10})
    score_as(path, "bo", {"1.1": 15, "1.2": 5, "2.1": "7,5"})
    return path


def test_each_evaluator_scores_on_their_own_and_the_agreed_score_counts(team):
    with EvaluationSession.open(team, readonly=True) as s:
        scores = s.scores.all()
        assert scores["1.1"] is None  # open
        assert (scores["1.2"], scores["1.3"], str(scores["2.1"])) == (5, 10, "7.5")
        assert s.summary().area(1).achieved == 15
        assert s.consensus.view().get("1.1").points == {"anna": 12, "bo": 15}


def test_consensus_json_shape(team, capsys):
    code, out, _ = run(capsys, "consensus", team, "--json")
    assert code == 0
    data = json.loads(out)
    first = data["subareas"][0]
    assert first == {
        "number": "1.1",
        "max": 20,
        "independent": {"anna": 12, "bo": 15},
        "spread": 3,
        "agreed": None,
        "reason": "",
        "status": "open",
        "notable": True,
    }
    by_number = {s["number"]: s for s in data["subareas"]}
    assert set(by_number) == {"1.1", "1.2", "1.3", "2.1"}  # sub-areas nobody scored are not listed
    assert (by_number["1.2"]["status"], by_number["1.2"]["agreed"]) == ("agreed", 5)
    assert (by_number["2.1"]["status"], by_number["2.1"]["agreed"]) == ("single", 7.5)
    assert {s["status"] for s in data["subareas"]} <= {"agreed", "single", "open"}
    assert data["team_agreement"] == {
        "compared": 2,
        "equal": 1,
        "share_equal": 0.5,
        "mean_abs_difference": 1.5,
        "notable": 1,
    }


def test_agree_records_the_score_with_its_reason(team, capsys, monkeypatch):
    monkeypatch.setenv("KOMPASS_AUTHOR", "anna")
    code, out, err = run(capsys, "agree", team, "1.1", "14", "--reason", "Planen följs inte upp")
    assert (code, err) == (0, "")
    assert "1.1: överenskommen poäng 14 (anna 12, bo 15)" in out
    data = json.loads(run(capsys, "consensus", team, "--json")[1])
    first = data["subareas"][0]
    assert (first["agreed"], first["reason"], first["status"]) == (14, "Planen följs inte upp", "agreed")
    with EvaluationSession.open(team, readonly=True) as s:
        assert s.scores.all()["1.1"] == 14
        record = s.consensus.view().get("1.1").recorded
        assert record is not None and record.author == "anna"
        history = s.file.history(record.id)
        assert history[-1]["author"] == "anna" and history[-1]["data"]["reason"] == "Planen följs inte upp"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("1.1", "14"), "1.1: utvärderarnas poäng skiljer sig (anna 12, bo 15); ange skälet"),
        (("1.1", "21", "--reason", "x"), "21 är över maxpoängen 20"),
        (("1.1", "-1", "--reason", "x"), "kan inte vara negativ"),
        (("1.1", "tolv", "--reason", "x"), "”tolv” är inte ett tal"),
        (("9.9", "1", "--reason", "x"), "9.9 finns inte"),
        (("1.2", "6"), "1.2: utvärderarnas poäng är anna 5, bo 5; ange skälet"),
    ],
)
def test_agree_refuses_with_one_line_and_writes_nothing(team, capsys, argv, message):
    before = run(capsys, "consensus", team, "--json")[1]
    code, out, err = run(capsys, "agree", team, *argv)
    assert (code, out) == (1, "")
    assert message in err and err.count("\n") == 1
    assert run(capsys, "consensus", team, "--json")[1] == before


def test_agree_without_reason_where_nothing_differs(team, capsys):
    assert run(capsys, "agree", team, "1.2", "5")[0] == 0
    assert run(capsys, "agree", team, "2.1", "7.5")[0] == 0


def test_summary_marks_open_sub_areas(team, capsys):
    code, out, _ = run(capsys, "summary", team)
    assert code == 0
    line = next(line for line in out.splitlines() if line.strip().startswith("1.1"))
    assert line.rstrip().endswith("– / 20  oense (anna 12, bo 15)")
    assert "Utvärderarna är oense om 1 delfråga (1.1)" in out
    data = json.loads(run(capsys, "summary", team, "--json")[1])
    subs = {s["number"]: s for a in data["areas"] for s in a["subareas"]}
    assert (subs["1.1"]["status"], subs["1.1"]["achieved"]) == ("open", None)
    assert subs["2.1"]["status"] == "single" and subs["3.1"]["status"] == "unscored"


def test_final_report_is_refused_naming_each_open_sub_area_and_a_draft_lists_them(
    demo_copy, tmp_path, capsys
):
    score_as(demo_copy, "Karin Ekström", {"1.1": 10, "3.1": 3})
    score_as(demo_copy, "Johan Alm", {"1.1": 14, "3.1": 9})
    out = tmp_path / "r.pdf"
    code, _, err = run(capsys, "report", demo_copy, "-o", out, "--without-national-average")
    assert code == 1 and not out.exists()
    assert "1.1 " in err and "3.1 " in err and err.count("utvärderarna har inte enats om poängen") == 2
    assert "(Johan Alm 14, Karin Ekström 10)" in err  # both scored the demo; their new scores differ
    code, _stdout, _ = run(capsys, "report", demo_copy, "-o", out, "--draft", "--without-national-average")
    assert code == 0 and out.exists()
    with EvaluationSession.open(demo_copy, readonly=True) as s:
        open_items = [i for i in s.open_items() if i.kind == "not_agreed"]
    assert [i.ref for i in open_items] == ["1.1", "3.1"]
    run(capsys, "agree", demo_copy, "1.1", "12", "--reason", "Mitt emellan")
    run(capsys, "agree", demo_copy, "3.1", "6", "--reason", "Mitt emellan")
    out.unlink()
    code, _, err = run(capsys, "report", demo_copy, "-o", out, "--without-national-average")
    assert (code, err) == (0, "") and out.exists()


def test_service_refuses_an_unknown_sub_area_and_a_too_long_reason(session):
    with pytest.raises(KompassError, match="finns inte"):
        session.consensus.score("9.9", 1)
    session.consensus.score("1.1", 3)
    with pytest.raises(KompassError, match="högst 2000 tecken"):
        session.consensus.set_rationale("1.1", "x" * 2001)


def test_a_missing_reason_is_its_own_kind_of_refusal(team):
    """Only a missing reason is a ReasonRequired (the GUI keeps the typed score waiting for it);
    a score over the maximum or a reason that is too long is refused otherwise."""
    with EvaluationSession.open(team) as s:
        for subarea, points in (("1.1", "14"), ("1.2", "6")):  # differ / agree on another score
            with pytest.raises(ReasonRequired):
                s.consensus.agree(subarea, points)
        for subarea, points, reason in (("1.1", "21", "x"), ("1.1", "14", "x" * 5000)):
            with pytest.raises(KompassError) as refused:
                s.consensus.agree(subarea, points, reason)
            assert not isinstance(refused.value, ReasonRequired)
        s.consensus.agree("1.2", "5")  # the scores agree: no reason needed


def test_rationale_is_kept_with_the_evaluators_own_score(session):
    session.consensus.score("1.1", 12, "Plan finns, uppföljning saknas")
    session.scores.set("1.1", 13)  # the score changes, the rationale stays
    s = session.consensus.subarea("1.1")
    assert s.points == {"Testare": 13}
    assert s.independent[0].rationale == "Plan finns, uppföljning saknas"


def test_validate_finds_an_independent_score_stored_under_a_wrong_id(session):
    session.scores.set("1.1", 3)
    with session.file.write():
        session.file.conn.execute("UPDATE independent_scores SET evaluator = 'någon annan'")
    assert any("poängposten för 1.1 av någon annan har fel id" in p for p in session.validate())


def test_two_evaluators_copies_merge_agree_and_report(demo_copy, tmp_path, capsys, monkeypatch):
    """The issue's "done when": copies scored independently, merged, differences side by side,
    agreed with reasons, a final report from the agreed scores."""
    import shutil

    karin, johan = tmp_path / "karin.kompass", tmp_path / "johan.kompass"
    shutil.copy(demo_copy, karin)
    shutil.copy(demo_copy, johan)
    (tmp_path / "k.csv").write_text("1.1;10\n3.1;4\n", encoding="utf-8")
    (tmp_path / "j.csv").write_text("1.1;16\n3.1;4\n5.1;9\n", encoding="utf-8")
    monkeypatch.setenv("KOMPASS_AUTHOR", "Karin Ekström")
    assert run(capsys, "import-scores", karin, tmp_path / "k.csv")[0] == 0
    monkeypatch.setenv("KOMPASS_AUTHOR", "Johan Alm")
    assert run(capsys, "import-scores", johan, tmp_path / "j.csv")[0] == 0
    monkeypatch.setenv("KOMPASS_AUTHOR", "Karin Ekström")
    code, out, _ = run(capsys, "merge", karin, johan)
    assert code == 0 and "0 konflikter" in out
    subs = {s["number"]: s for s in json.loads(run(capsys, "consensus", karin, "--json")[1])["subareas"]}
    assert (subs["1.1"]["independent"], subs["1.1"]["status"]) == (
        {"Johan Alm": 16, "Karin Ekström": 10},
        "open",
    )
    assert (subs["3.1"]["independent"], subs["3.1"]["status"], subs["3.1"]["agreed"]) == (
        {"Johan Alm": 4, "Karin Ekström": 4},
        "agreed",
        4,
    )
    assert (subs["5.1"]["spread"], subs["5.1"]["status"]) == (5, "open")
    out_pdf = tmp_path / "slutlig.pdf"
    code, _, err = run(capsys, "report", karin, "-o", out_pdf, "--without-national-average")
    assert code == 1 and "1.1 " in err and "5.1 " in err and not out_pdf.exists()
    assert (
        run(capsys, "agree", karin, "1.1", "13", "--reason", "Strategin finns men är inte förankrad")[0] == 0
    )
    assert run(capsys, "agree", karin, "5.1", "12", "--reason", "Mätningarna görs, men inte alla år")[0] == 0
    code, _, err = run(capsys, "report", karin, "-o", out_pdf, "--without-national-average")
    assert (code, err) == (0, "") and out_pdf.exists()
    total = json.loads(run(capsys, "summary", karin, "--json")[1])["total"]
    assert total == 517.5 - 4 - 2  # 3.1: 8 -> 4 (both), 5.1: 14 -> 12 (agreed), 1.1: 13 (agreed)
    with EvaluationSession.open(karin, readonly=True) as s:
        record = s.consensus.subarea("5.1").recorded
        assert record is not None and record.author == "Karin Ekström"
        johans = next(i for i in s.consensus.subarea("5.1").independent if i.evaluator == "Johan Alm")
        assert johans.author == "Johan Alm" and johans.modified  # who scored what, and when
        assert s.file.history(johans.id)[-1]["data"]["points"] == "9"
    assert "Inget att slå samman" in run(capsys, "merge", karin, johan)[1]
