"""The shared rules of the instrument: plausible years, area scores, Allmänt, the ↑/↓ step."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.model import TextScope
from kompass_desktop.domain.rules import intro_text, plausible_year, step_points, valid_area_score
from kompass_desktop.services import EvaluationSession, NewEvaluation


@pytest.mark.parametrize(
    ("year", "ok"), [(1989, False), (1990, True), (2025, True), (2100, True), (2101, False)]
)
def test_years_from_1990_to_2100_are_plausible(year, ok):
    assert plausible_year(year) is ok


def test_every_door_refuses_the_same_years(session, tmp_path, fw2019, capsys):
    with pytest.raises(KompassError, match="1989"):
        EvaluationSession.create(tmp_path / "a.kompass", NewEvaluation(fw2019, "A", 1989))
    assert EvaluationSession.create(tmp_path / "b.kompass", NewEvaluation(fw2019, "B", 2100)).close() is None
    with pytest.raises(KompassError, match="2101"):
        session.update_info(year=2101)
    session.update_info(year=1990)
    assert session.info().year == 1990
    with pytest.raises(KompassError, match="året"):
        session.registers.add_earlier(1989, "2019", {"1": 50})
    assert session.registers.add_earlier(1990, "2019", {"1": 50}).year == 1990
    with pytest.raises(SystemExit) as refused:  # argparse: a usage error
        main(
            [
                "new",
                str(tmp_path / "c.kompass"),
                "--framework",
                "2019",
                "--unlisted",
                "C",
                "--year",
                "2101",
            ]
        )
    assert refused.value.code == 2 and "2101 är inget rimligt år" in capsys.readouterr().err
    assert (
        main(
            [
                "new",
                str(tmp_path / "d.kompass"),
                "--framework",
                "2019",
                "--unlisted",
                "D",
                "--year",
                "1990",
            ]
        )
        == 0
    )


@pytest.mark.parametrize(("points", "ok"), [("-0.01", False), ("0", True), ("100", True), ("100.01", False)])
def test_an_area_is_worth_0_to_100(points, ok, session):
    assert valid_area_score(Decimal(points)) is ok
    if ok:
        assert session.registers.add_earlier(2020, "2019", {"1": points}).area_scores[1] == Decimal(points)
    else:
        with pytest.raises(KompassError, match="utanför 0–100"):
            session.registers.add_earlier(2020, "2019", {"1": points})


def test_allmant_is_the_own_text_unless_it_is_empty(session):
    assert intro_text("Egen text.", "Standard.") == "Egen text."
    assert intro_text("", "Standard.") == "Standard."
    assert intro_text(" \n ", "Standard.") == "Standard."
    session.scores.set_text(TextScope.AREA_INTRO, "2", "  ")
    assert session.snapshot().area_intro(2) == session.framework.area(2).intro


@pytest.mark.parametrize(
    ("current", "direction", "expected"),
    [
        (None, 1, "1"),
        (None, -1, "0"),
        ("2.5", 1, "3.5"),
        ("2.5", -1, "1.5"),
        ("0.5", -1, "0"),
        ("14.5", 1, "15"),
        ("15", 1, "15"),
        ("0.1", 1, "1.1"),  # exact: no 1.1000000000000001
    ],
)
def test_the_arrow_step_is_exact_and_stays_within_0_and_max(current, direction, expected):
    value = None if current is None else Decimal(current)
    assert step_points(value, direction, Decimal(15)) == Decimal(expected)
