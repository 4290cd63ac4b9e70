"""The rules of consensus scoring (domain.consensus): what counts, when a sub-area is open, when a
spread matters, and the team's agreement figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.consensus import (
    AgreedScore,
    IndependentScore,
    Status,
    build_consensus,
    visible_scores,
)

FW = resources.framework("2019")  # 1.1 max 20, 1.2 max 10, 1.3 max 30


def ind(sub: str, who: str, points: object) -> IndependentScore:
    value = None if points is None else Decimal(str(points))
    return IndependentScore(id=f"{sub}{who}", subarea=sub, evaluator=who, points=value)


def agreed(sub: str, points: object, reason: str = "") -> AgreedScore:
    return AgreedScore(id=f"a{sub}", subarea=sub, points=Decimal(str(points)), reason=reason, author="anna")


def test_equal_independent_scores_are_agreed_without_further_ado():
    c = build_consensus(FW, [ind("1.1", "anna", 12), ind("1.1", "bo", 12)], [])
    s = c.get("1.1")
    assert (s.status, s.agreed, s.spread) == (Status.AGREED, Decimal(12), Decimal(0))


def test_one_evaluator_alone_counts_as_single():
    s = build_consensus(FW, [ind("1.2", "bo", "7.5")], []).get("1.2")
    assert (s.status, s.agreed) == (Status.SINGLE, Decimal("7.5"))


def test_differing_scores_are_open_until_an_agreed_score_is_recorded():
    scores = [ind("1.1", "anna", 12), ind("1.1", "bo", 15), ind("1.1", "cia", 13)]
    s = build_consensus(FW, scores, []).get("1.1")
    assert (s.status, s.agreed, s.spread) == (Status.OPEN, None, Decimal(3))
    s = build_consensus(FW, scores, [agreed("1.1", 14, "Planen följs inte upp")]).get("1.1")
    assert (s.status, s.agreed, s.reason) == (Status.AGREED, Decimal(14), "Planen följs inte upp")


def test_withdrawn_scores_and_unscored_sub_areas():
    c = build_consensus(FW, [ind("1.1", "anna", None), ind("1.1", "bo", 9)], [])
    assert (c.get("1.1").status, c.get("1.1").agreed) == (Status.SINGLE, Decimal(9))
    assert c.get("1.3").status == Status.UNSCORED and c.get("1.3").agreed is None
    assert c.agreed_scores()["1.3"] is None


def test_an_empty_recorded_score_leaves_the_independent_scores_to_decide():
    emptied = AgreedScore(id="x", subarea="1.1", points=None)
    c = build_consensus(FW, [ind("1.1", "anna", 12), ind("1.1", "bo", 15)], [emptied])
    assert c.get("1.1").status == Status.OPEN


@pytest.mark.parametrize(
    ("sub", "a", "b", "notable"),
    [
        ("1.1", 12, 15, True),  # 3 of 20 = 15 %
        ("1.1", 12, "14.5", False),  # 2.5 of 20 = 12.5 %
        ("1.2", 5, "6.5", True),  # 1.5 of 10
        ("1.2", 5, "6.25", False),
        ("1.3", 10, 14, False),  # 4 of 30
        ("1.3", 10, "14.5", True),
    ],
)
def test_the_spread_matters_from_15_percent_of_the_maximum(sub, a, b, notable):
    s = build_consensus(FW, [ind(sub, "anna", a), ind(sub, "bo", b)], []).get(sub)
    assert s.notable is notable


def test_team_agreement_share_equal_and_mean_absolute_difference():
    scores = [
        ind("1.1", "anna", 12),
        ind("1.1", "bo", 15),  # |3|
        ind("1.2", "anna", 5),
        ind("1.2", "bo", 5),  # equal
        ind("1.3", "anna", 10),
        ind("1.3", "bo", 11),
        ind("1.3", "cia", 13),  # pairs 1, 3, 2 -> mean 2
        ind("1.4", "bo", 4),  # one evaluator: not compared
    ]
    team = build_consensus(FW, scores, [agreed("1.1", 14, "x")]).team_agreement()
    assert (team.compared, team.equal, team.notable) == (3, 1, 1)
    assert team.share_equal == Decimal(1) / 3
    assert team.mean_abs_difference == Decimal(5) / 3  # (3 + 0 + 2) / 3


def test_largest_disagreements_first_relative_to_the_maximum():
    scores = [
        ind("1.1", "anna", 10),
        ind("1.1", "bo", 14),  # 4/20 = 20 %
        ind("1.2", "anna", 2),
        ind("1.2", "bo", 5),  # 3/10 = 30 %
        ind("1.3", "anna", 10),
        ind("1.3", "bo", 15),  # 5/30 = 17 %
    ]
    order = [s.number for s in build_consensus(FW, scores, []).largest_disagreements_first()]
    assert order[:4] == ["1.2", "1.1", "1.3", "1.4"]


def test_hiding_the_others_shows_agreed_scores_only_where_i_have_scored():
    c = build_consensus(FW, [ind("1.1", "anna", 12), ind("1.1", "bo", 12), ind("1.2", "bo", 7)], [])
    assert visible_scores(c, "anna", hide_others=True)["1.1"] == Decimal(12)
    assert visible_scores(c, "anna", hide_others=True)["1.2"] is None
    assert visible_scores(c, "anna", hide_others=False)["1.2"] == Decimal(7)


def test_records_for_unknown_sub_areas_are_kept_aside():
    c = build_consensus(FW, [ind("9.9", "anna", 1)], [agreed("9.8", 1)])
    assert {r.subarea for r in c.stray} == {"9.9", "9.8"}
    assert "9.9" not in c.agreed_scores()


def test_a_share_is_rounded_half_up_to_a_whole_percent():
    from kompass_desktop.domain.consensus import share_text

    assert [share_text(Decimal(s)) for s in ("0.125", "0.145", "0.8333")] == ["13 %", "15 %", "83 %"]
    assert share_text(None) == "–"
