"""Exact scores, the display rounding rule and derived totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
import seedparse
from hypothesis import given
from hypothesis import strategies as st

from kompass_desktop import resources
from kompass_desktop.domain.errors import ScoreError
from kompass_desktop.domain.scoring import (
    check_points,
    format_exact,
    parse_points,
    percent,
    round_display,
    summarize,
    to_json_number,
)


@pytest.mark.parametrize(
    ("typed", "exact"),
    [
        ("12", "12"),
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        (" 7,25 ", "7.25"),
        ("0", "0"),
        ("12.50", "12.5"),
        (15, "15"),
        (2.5, "2.5"),
        (Decimal("3.10"), "3.1"),
    ],
)
def test_parse_points_accepts_decimal_comma_and_point(typed, exact):
    assert parse_points(typed) == Decimal(exact)


@pytest.mark.parametrize(
    "typed", ["", "tolv", "1,2,3", "1.2.3", "12.345", "nan", "inf", "1e3", "--1", True, None]
)
def test_parse_points_rejects_non_numbers(typed):
    with pytest.raises(ScoreError):
        parse_points(typed)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (" tolv ", "”tolv” är inte ett tal."),
        (True, "”True” är inte ett tal."),
        ([12], "”[12]” är inte ett tal."),
        (Decimal("-Infinity"), "”-Infinity” är inte ett tal."),
    ],
)
def test_what_is_not_a_number_is_named_as_given(value, message):
    """Also values of another type than text or number (a list in an imported file)."""
    with pytest.raises(ScoreError) as refused:
        parse_points(value)
    assert str(refused.value) == message


def test_max_and_negative_are_enforced():
    sub = resources.framework("2019").subarea("1.2")  # max 10
    assert check_points(Decimal(10), sub) == 10
    with pytest.raises(ScoreError, match="över maxpoängen 10"):
        check_points(Decimal("10.5"), sub)
    with pytest.raises(ScoreError, match="negativ"):
        check_points(Decimal(-1), sub)


@pytest.mark.parametrize(
    ("value", "shown"), [("12.5", 13), ("13.5", 14), ("12.49", 12), ("74.6", 75), ("0.5", 1)]
)
def test_display_rounding_is_half_up(value, shown):
    assert round_display(Decimal(value)) == shown


def test_percent_uses_the_exact_value():
    assert percent(Decimal("11.25"), Decimal(15)) == 75
    assert percent(Decimal("14.7"), Decimal(15)) == 98  # shown as 15/15 and 98 % in a published report


def test_format_exact_and_json_numbers():
    assert format_exact(Decimal("12.5")) == "12,5"
    assert format_exact(Decimal("12.5"), decimal_comma=False) == "12.5"
    assert to_json_number(Decimal("12.0")) == 12 and isinstance(to_json_number(Decimal("12.0")), int)
    assert to_json_number(Decimal("17.5")) == 17.5
    assert to_json_number(None) is None


scores_2019 = st.fixed_dictionaries(
    {
        s.number: st.one_of(st.none(), st.integers(0, int(s.max) * 4).map(lambda q: Decimal(q) / 4))
        for s in resources.framework("2019").subareas()
    }
)


@given(scores_2019)
def test_totals_are_sums_of_exact_subscores(scores):
    fw = resources.framework("2019")
    summary = summarize(fw, scores)
    for area in summary.areas:
        scored = [scores[s.number] for s in fw.area(area.number).subareas if scores[s.number] is not None]
        assert area.achieved == (sum(scored, Decimal(0)) if scored else None)
        assert area.complete == (len(scored) == len(area.subareas))
    assert summary.total == sum((v for v in scores.values() if v is not None), Decimal(0))
    assert summary.max == 800
    assert 0 <= summary.total <= 800
    assert round_display(summary.total) == int(summary.total + Decimal("0.5"))


@given(st.lists(st.integers(0, 400).map(lambda q: Decimal(q) / 4), min_size=1, max_size=7))
def test_rounded_area_is_within_half_a_point_per_subscore(values):
    exact = sum(values, Decimal(0))
    shown_parts = sum(round_display(v) for v in values)
    assert abs(round_display(exact) - exact) <= Decimal("0.5")
    assert abs(shown_parts - exact) <= Decimal("0.5") * len(values)


def _interval(points: int, pct: int | None, maximum: int) -> tuple[Decimal, Decimal]:
    lo, hi = Decimal(points) - Decimal("0.5"), Decimal(points) + Decimal("0.5")
    if pct is not None:
        lo = max(lo, (Decimal(pct) - Decimal("0.5")) * maximum / 100)
        hi = min(hi, (Decimal(pct) + Decimal("0.5")) * maximum / 100)
    return lo, hi


def test_rounding_rule_reproduces_a_published_report_with_fractional_subscores():
    """Vallentuna (2016): 14+20+15+12+15 = 76 but area 2 is shown as 75.

    With exact values stored and every figure rounded half up from its own exact value, there
    are exact sub-scores that reproduce every printed sub-score, percentage and area score.
    """
    framework_id, areas = seedparse.load_seed("vallentuna")
    fw = resources.framework(framework_id)
    for area in areas:
        intervals = [_interval(s.achieved, s.percent, s.max) for s in area.subs]
        # choose each exact value as the midpoint of its interval (two decimals), then nudge
        values = [((lo + hi) / 2).quantize(Decimal("0.01")) for lo, hi in intervals]
        target_lo, target_hi = (
            Decimal(area.stated_sum) - Decimal("0.5"),
            Decimal(area.stated_sum) + Decimal("0.5"),
        )
        for i, (lo, hi) in enumerate(intervals):
            total = sum(values, Decimal(0))
            if total >= target_hi:
                values[i] = max(
                    lo.quantize(Decimal("0.01")) + Decimal("0.01"),
                    values[i] - (total - target_hi) - Decimal("0.01"),
                )
            elif total < target_lo:
                values[i] = min(
                    hi.quantize(Decimal("0.01")) - Decimal("0.01"), values[i] + (target_lo - total)
                )
        scores = {s.number: v for s, v in zip(area.subs, values, strict=True)}
        summary = summarize(fw, scores)
        result = summary.area(area.number)
        for s in area.subs:
            exact = scores[s.number]
            assert round_display(exact) == s.achieved, s.number
            assert percent(exact, Decimal(s.max)) == s.percent, s.number
        assert round_display(result.achieved) == area.stated_sum, area.number
    area2 = next(a for a in areas if a.number == 2)
    assert sum(s.achieved for s in area2.subs) == 76 and area2.stated_sum == 75


def test_a_published_arithmetic_mistake_cannot_happen_here():
    """Östersund (2010) prints 68 for area 1 although its sub-scores add up to 70."""
    framework_id, areas = seedparse.load_seed("ostersund")
    fw = resources.framework(framework_id)
    scores = {s.number: Decimal(s.achieved) for a in areas for s in a.subs}
    summary = summarize(fw, scores)
    area1 = next(a for a in areas if a.number == 1)
    assert area1.stated_sum == 68
    assert summary.area(1).achieved == 70
    assert summary.total == sum(scores.values())


def test_every_sub_score_carries_its_maximum():
    """The maximum a report prints beside each sub-area (3.2 Politisk styrning: 30 of 100)."""
    area = summarize(resources.framework("2019"), {}).area(3)
    maxima = {s.number: s.max for s in area.subareas}
    assert maxima["3.2"] == 30 and sum(maxima.values()) == 100
