"""Small rules of the domain that the larger tests pass by: the words a status is shown with,
what an unknown area or sub-area does, the names of a municipality outside the register, the
labels the app writes itself, and messages that travel to a worker process intact."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.consensus import IndependentScore, Status, SubAreaConsensus, notable_spread
from kompass_desktop.domain.errors import ScoreError
from kompass_desktop.domain.messages import joined, joined_at_most, msg
from kompass_desktop.domain.model import Interview
from kompass_desktop.domain.municipalities import Listing, MunicipalityNames, names_for, short_form
from kompass_desktop.domain.reference import NationalAverage, Stat, national_to_file_dict
from kompass_desktop.domain.scoring import format_exact, parse_points, summarize


def test_every_consensus_status_has_its_swedish_words():
    assert {s.value: s.label_sv for s in Status} == {
        "agreed": "överens",
        "single": "en bedömning",
        "open": "oense",
        "unscored": "ej bedömd",
    }


def test_a_difference_needs_two_evaluators():
    anna = IndependentScore(id="s", subarea="1.1", evaluator="Anna", points=Decimal(5))
    one = SubAreaConsensus("1.1", Decimal(20), (anna,), None)
    assert one.mean_abs_difference() is None and one.spread == 0


def test_an_area_or_sub_area_that_is_not_there_is_a_key_error():
    fw = resources.framework("2019")
    summary = summarize(fw, {})
    assert summary.area(8).number == 8
    with pytest.raises(KeyError):
        summary.area(9)
    assert (summary.achieved, summary.scored_count, summary.subarea_count) == (
        None,
        0,
        len(list(fw.subareas())),
    )


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_a_float_that_is_no_number_is_named(value):
    with pytest.raises(ScoreError) as refused:
        parse_points(value)
    assert str(refused.value) == f"”{value}” är inte ett tal."


def test_no_score_is_written_as_nothing():
    assert format_exact(None) == "" and format_exact(None, decimal_comma=False) == ""
    assert format_exact(Decimal("12.50")) == "12,5" and format_exact(Decimal("12.50"), False) == "12.5"


def test_an_interview_group_outside_the_usual_ones_is_shown_as_written():
    assert Interview(id="i", group="Revisorer").group_label == "Revisorer"
    assert Interview(id="i", group="fack").group_label == "Fackliga representanter"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Region Halland", "Halland"),
        ("Lindsjö kommun", "Lindsjö"),
        ("Lindsjö  stad", "Lindsjö"),
        ("Lindsjös kommun", "Lindsjös"),
        ("Lindsjö", "Lindsjö"),
        ("Region", "Region"),
    ],
)
def test_the_short_form_of_a_name_outside_the_register(name, short):
    assert short_form(name) == short


def test_an_empty_search_lists_the_first_municipalities_by_code():
    register = resources.municipalities()
    assert [m.code for m in register.search("", limit=3)] == ["0114", "0115", "0117"]
    assert [m.code for m in register.search("  -  ", limit=2)] == ["0114", "0115"]


@pytest.mark.parametrize(
    ("label", "generic"),
    [
        ("Nationellt medelvärde", True),
        ("Nationellt medelvärde 2019–2024 (n = 41)", True),
        ("Nationellt medelvärde – EXEMPELDATA", True),
        ("Nationellt medelvärde (exempeldata)", True),
        ("SKR:s medelvärde 2024", False),
        ("Nationellt medelvärde för B5", False),
    ],
)
def test_labels_the_app_writes_itself_are_told_from_names(label, generic):
    assert NationalAverage("2019", label, False, {}).generic_label is generic


def test_a_period_is_written_out_only_when_there_is_one():
    avg = NationalAverage("2019", "M", False, {1: Stat(3, Decimal(60))}, period="2019–2024")
    assert national_to_file_dict(avg)["frameworks"]["2019"]["period"] == "2019–2024"
    without = NationalAverage("2019", "M", False, {1: Stat(3, Decimal(60))})
    assert "period" not in national_to_file_dict(without)["frameworks"]["2019"]


def test_messages_reach_another_process_as_they_were_built():
    one = msg("{name} är skadad.", name="a.kompass")
    again = pickle.loads(pickle.dumps(one))
    assert (str(again), again.template, dict(again.params)) == (
        "a.kompass är skadad.",
        one.template,
        {"name": "a.kompass"},
    )
    several = joined([one, "b.kompass saknas."], sep="; ")
    back = pickle.loads(pickle.dumps(several))
    assert (str(back), back.items, back.sep, back.trim) == (
        "a.kompass är skadad; b.kompass saknas",
        several.items,
        "; ",
        ".",
    )


def test_a_spread_matters_from_fifteen_percent_of_a_maximum_above_zero():
    assert notable_spread(Decimal(3), Decimal(20)) is True
    assert notable_spread(Decimal("2.99"), Decimal(20)) is False
    assert notable_spread(Decimal(0), Decimal(0)) is False


def test_a_list_cut_short_says_how_many_more_there_are():
    assert joined_at_most(["a", "b", "c"], 2) == "a; b (och 1 till)"
    assert joined_at_most(["a", "b"], 2) == "a; b"


def test_a_municipality_search_lists_twelve_unless_told_otherwise():
    assert len(resources.municipalities().search("s")) == 12


def test_a_fictional_municipality_keeps_its_name_as_typed():
    assert names_for("Övnings  kommun", "", True, None) == MunicipalityNames(
        "Övnings kommun",
        "Övnings kommuns",
        "Övnings",
        "Övnings",
        "",
        Listing.UNLISTED,
        "Övnings kommun",
        None,
    )
