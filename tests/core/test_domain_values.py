"""Values read from files, judged by the domain: a national-average document (a file SKR gives,
or the copy stored in an evaluation) and the values of an evaluation file's columns.  A bad
value is refused with a message naming where it is and what is wrong; a good one is read
exactly."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.messages import msg
from kompass_desktop.domain.model import SourceKind
from kompass_desktop.domain.reference import (
    NationalAverage,
    NationalAverageError,
    Stat,
    national_to_file_dict,
    parse_national_averages,
)
from kompass_desktop.domain.stored import (
    VALUE_RULES,
    check_area_scores,
    check_facts,
    check_text_list,
    data_problem,
    enum_rule,
    finite_number,
    parse_json,
    parse_stored_framework,
    parse_stored_national,
    parse_stored_points,
)


def document(**entry) -> dict:
    base = {"areas": {"1": {"n": 3, "mean": 61.5}}, "total": {"n": 3, "mean": 430}}
    return {"frameworks": {"2019": {**base, **entry}}}


def refused(data) -> str:
    with pytest.raises(NationalAverageError) as err:
        parse_national_averages(data)
    return str(err.value)


def test_a_national_average_is_read_exactly():
    data = {
        "label": "Medel för alla",
        "source": "SKR",
        "created": "2025-10-01",
        "frameworks": {
            "2019": {
                "label": "Medel 2019 (n = 42)",
                "areas": {"1": {"n": 42, "mean": 61.5, "min": 20, "max": "88.25"}, "8": {"n": 40, "mean": 0}},
                "total": {"n": 42, "mean": 444},
            },
            "2016": {"areas": {"99": {"n": 7}}},
        },
    }
    table = parse_national_averages(data)
    assert table["2019"] == NationalAverage(
        framework_id="2019",
        label="Medel 2019 (n = 42)",
        example=False,
        areas={1: Stat(42, Decimal("61.5"), Decimal(20), Decimal("88.25")), 8: Stat(40, Decimal(0))},
        total=Stat(42, Decimal(444)),
        source="SKR",
        created="2025-10-01",
    )
    other = table["2016"]
    assert (
        other.label == "Medel för alla" and other.total is None and other.areas == {99: Stat(7, Decimal(0))}
    )
    assert other.n == 7 and table["2019"].n == 42
    assert parse_national_averages({"frameworks": {"2010": {}}})["2010"].label == "Nationellt medelvärde"
    assert parse_national_averages({"frameworks": {"2010": {}}})["2010"].n == 0
    assert parse_national_averages({}) == {}


def test_example_data_says_so_in_its_label():
    example = parse_national_averages({"example": True, **document(label="Medelvärde")})["2019"]
    assert example.example and example.label == "Medelvärde (exempeldata)"
    said = parse_national_averages({"example": True, **document(label="EXEMPEL på medelvärde")})["2019"]
    assert said.label == "EXEMPEL på medelvärde"
    assert parse_national_averages(document(label="Medelvärde"))["2019"].label == "Medelvärde"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "$: ska vara ett objekt."),
        ({"frameworks": []}, "$.frameworks: ska vara ett objekt."),
        ({"frameworks": {"2019": 5}}, "$.frameworks.2019: ska vara ett objekt."),
        (document(areas=[]), "$.frameworks.2019.areas: ska vara ett objekt."),
        (document(areas={"ett": {"n": 1}}), "$.frameworks.2019.areas: ”ett” är inget områdesnummer."),
        (document(areas={"0": {"n": 1}}), "$.frameworks.2019.areas: ”0” är inget områdesnummer."),
        (document(areas={"100": {"n": 1}}), "$.frameworks.2019.areas: ”100” är inget områdesnummer."),
        (document(areas={"1": 5}), "$.frameworks.2019.areas.1: ska vara ett objekt med n och mean."),
        (
            document(total={"n": True}),
            "$.frameworks.2019.total.n: ”True” är inget rimligt antal (0–1000000).",
        ),
        (document(total={"n": "4"}), "$.frameworks.2019.total.n: ”4” är inget rimligt antal (0–1000000)."),
        (document(total={"n": -1}), "$.frameworks.2019.total.n: ”-1” är inget rimligt antal (0–1000000)."),
        (
            document(total={"n": 1_000_001}),
            "$.frameworks.2019.total.n: ”1000001” är inget rimligt antal (0–1000000).",
        ),
        (document(total={"n": 1, "mean": True}), "$.frameworks.2019.total.mean: ”True” är inget tal."),
        (document(total={"n": 1, "mean": [1]}), "$.frameworks.2019.total.mean: ”[1]” är inget tal."),
        (document(total={"n": 1, "mean": "mycket"}), "$.frameworks.2019.total.mean: ”mycket” är inget tal."),
        (
            document(total={"n": 1, "mean": "NaN"}),
            "$.frameworks.2019.total.mean: NaN är inget rimligt poängtal (0–1000).",
        ),
        (
            document(total={"n": 1, "mean": 1e308}),
            "$.frameworks.2019.total.mean: 1e+308 är inget rimligt poängtal (0–1000).",
        ),
        (
            document(total={"n": 1, "mean": -0.5}),
            "$.frameworks.2019.total.mean: -0.5 är inget rimligt poängtal (0–1000).",
        ),
        (
            document(total={"n": 1, "mean": 1000.01}),
            "$.frameworks.2019.total.mean: 1000.01 är inget rimligt poängtal (0–1000).",
        ),
        (document(total={"n": 1, "mean": 5, "min": "x"}), "$.frameworks.2019.total.min: ”x” är inget tal."),
        (
            document(total={"n": 1, "mean": 5, "max": -1}),
            "$.frameworks.2019.total.max: -1 är inget rimligt poängtal (0–1000).",
        ),
        (document(label=7), "$.frameworks.2019.label: ska vara en text."),
        (document(period=2024), "$.frameworks.2019.period: ska vara en text."),
    ],
)
def test_a_bad_national_average_names_where_and_what(data, message):
    assert refused(data) == message


def test_the_bounds_themselves_are_allowed():
    table = parse_national_averages(
        document(
            areas={"1": {"n": 0, "mean": 0}, "99": {"n": 1_000_000, "mean": 1000}},
            total={"n": 1, "mean": "1000", "min": 0, "max": 1000},
        )
    )
    assert table["2019"].areas[99] == Stat(1_000_000, Decimal(1000))
    assert table["2019"].total == Stat(1, Decimal(1000), Decimal(0), Decimal(1000))


def test_a_reference_written_out_reads_back_the_same():
    avg = NationalAverage(
        framework_id="2016",
        label="Exempel (n = 9)",
        example=True,
        areas={1: Stat(9, Decimal("55.5"), Decimal(10), Decimal(90)), 2: Stat(8, Decimal(40))},
        total=Stat(9, Decimal(410)),
        source="SKR",
        created="2025-01-02",
    )
    doc = national_to_file_dict(avg)
    assert doc["format"] == 1 and doc["kind"] == "kommunkompassen-national-average"
    assert doc["frameworks"]["2016"]["areas"]["2"] == {"n": 8, "mean": 40.0, "min": None, "max": None}
    again = parse_national_averages(json.loads(json.dumps(doc)))
    assert again == {"2016": avg}
    without_total = national_to_file_dict(NationalAverage("2010", "M", False, {3: Stat(2, Decimal(1))}))
    assert without_total["frameworks"]["2010"]["total"] == {"n": 0, "mean": 0}
    assert without_total["example"] is False and without_total["label"] == "M"


# -- the columns of an evaluation file -------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        (5, "poängen ”5” är inte lagrad som text"),
        ("abc", "poängen ”abc” är inte ett tal"),
        ("NaN", "poängen ”NaN” är inte ett tal"),
        ("Infinity", "poängen ”Infinity” är inte ett tal"),
        ("1.234", "poängen ”1.234”: 1.234: högst 2 decimaler är tillåtna."),
        ("1e30", "poängen ”1e30”: 1E+30: talet är orimligt stort för en poäng."),
        ("x" * 40, f"poängen ”{'x' * 30}…” är inte ett tal"),
    ],
)
def test_a_stored_score_that_is_not_a_score_is_named(stored, message):
    with pytest.raises(ValueError) as err:
        parse_stored_points(stored)
    assert str(err.value) == message


def test_stored_scores_are_read_exactly():
    assert parse_stored_points(None) is None
    assert parse_stored_points("12.5") == Decimal("12.5")
    assert parse_stored_points("0") == 0
    assert str(parse_stored_points("12.25")) == "12.25"


def test_json_columns_are_checked_for_their_shape():
    assert parse_json('{"a": [1]}') == {"a": [1]}
    for bad, message in [
        (b"[]", "värdet ”b'[]'” är inte JSON-text"),
        ("[1, ", "ogiltig JSON (”[1, ”)"),
        ("[" * 100_000, f"ogiltig JSON (”{'[' * 30}…”)"),
    ]:
        with pytest.raises(ValueError) as err:
            parse_json(bad)
        assert str(err.value) == message
    check_text_list(["a", "b"])
    check_text_list([])
    check_facts([["Invånare", 12000], ["Yta", 1.5], ["Län", "Skåne"]])
    check_area_scores({"1": 50, "2": "12.5", "3": 0.5})
    for rule, value, message in [
        (check_text_list, ["a", 1], 'väntade en lista med texter, fann ”["a", 1]”'),
        (check_text_list, "a", 'väntade en lista med texter, fann ”"a"”'),
        (check_facts, [["a"]], 'väntade en lista med par (rubrik, värde), fann ”[["a"]]”'),
        (check_facts, [["a", None]], 'väntade en lista med par (rubrik, värde), fann ”[["a", null]]”'),
        (
            check_facts,
            [["a", "b", "c"]],
            'väntade en lista med par (rubrik, värde), fann ”[["a", "b", "c"]]”',
        ),
        (check_facts, {"a": 1}, 'väntade en lista med par (rubrik, värde), fann ”{"a": 1}”'),
        (check_area_scores, [1], "väntade områdespoäng, fann ”[1]”"),
        (check_area_scores, {"x": 1}, "område ”x”: ”1” är inte ett tal"),
        (check_area_scores, {"1": "mycket"}, "område ”1”: ”mycket” är inte ett tal"),
        (check_area_scores, {"1": True}, "område ”1”: ”True” är inte ett tal"),
        (check_area_scores, {"1": "NaN"}, "område ”1”: ”NaN” är inte ett tal"),
        (check_area_scores, {"1": None}, "område ”1”: ”None” är inte ett tal"),
    ]:
        with pytest.raises(ValueError) as err:
            rule(value)
        assert str(err.value) == message, value


def test_enumerated_columns_list_what_is_allowed():
    check = enum_rule(SourceKind)
    check("web")
    with pytest.raises(ValueError) as err:
        check("telepati")
    assert str(err.value) == "okänt värde ”telepati” (tillåtna: document, interview, none, web)"


def test_the_stored_framework_copy_must_be_complete():
    fw = resources.framework("2019")
    assert parse_stored_framework(json.dumps(fw.to_dict())) == fw
    data = fw.to_dict()
    data["areas"][0]["subareas"][0]["max"] = "Infinity"
    bad = {
        "[1, 2]": "inget JSON-objekt",
        json.dumps({"id": "2019"}): "ofullständig (fältet ”areas” saknas)",
        json.dumps(data): "maxpoängen för 1.1 är inte ett tal",
    }
    for value, message in bad.items():
        with pytest.raises(ValueError) as err:
            parse_stored_framework(value)
        assert str(err.value) == message


def test_the_stored_national_average_is_read_or_named():
    assert parse_stored_national(None) is None and parse_stored_national("") is None
    avg = parse_stored_national(json.dumps(document(label="Sparad")))
    assert avg is not None and avg.label == "Sparad" and avg.total == Stat(3, Decimal(430))
    assert parse_stored_national(json.dumps({"frameworks": {}})) is None
    for value, message in [
        ("[]", "det nationella medelvärdet är inget JSON-objekt"),
        (
            json.dumps(document(total={"n": -2})),
            "det nationella medelvärdet: $.frameworks.2019.total.n: ”-2” är inget rimligt antal (0–1000000)",
        ),
    ]:
        with pytest.raises(ValueError) as err:
            parse_stored_national(value)
        assert str(err.value) == message


def test_finite_numbers_for_real_columns():
    assert finite_number(3) and finite_number(2.5) and finite_number(0)
    assert not finite_number(True) and not finite_number(float("nan")) and not finite_number(float("inf"))
    assert not finite_number("3") and not finite_number(None)


@pytest.mark.parametrize(
    ("table", "column", "good", "bad", "message"),
    [
        ("evaluation", "municipality_code", ["", "1060"], "106", "kommunkoden ”106” är inte fyra siffror"),
        ("evaluation", "unlisted", [0, 1], 2, "värdet ”2” är varken 0 eller 1"),
        ("scores", "points", [None, "12.5"], "tolv", "poängen ”tolv” är inte ett tal"),
    ],
)
def test_plain_columns_with_a_rule_name_what_is_wrong(table, column, good, bad, message):
    rule = VALUE_RULES[table][column]
    for value in good:
        rule(value)
    with pytest.raises(ValueError) as err:
        rule(bad)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (KeyError("areas"), "fältet ”areas” saknas"),
        (KeyError("x" * 40), f"fältet ”{'x' * 30}…” saknas"),
        (KeyError(), "ett värde är ogiltigt"),
        (IndexError("list index out of range"), "en lista har för få värden"),
        (InvalidOperation(), "ett tal är ogiltigt"),
        (ZeroDivisionError("division by zero"), "ett tal är ogiltigt"),
        (TypeError("'int' object is not subscriptable"), "ett värde har fel typ"),
        (AttributeError("'list' object has no attribute 'get'"), "ett värde har fel typ"),
        (ValueError("'x' is not a valid FindingKind"), "ett värde är ogiltigt"),
        (ValueError(msg("poängen ”fyra” är inte ett tal")), "poängen ”fyra” är inte ett tal"),
    ],
)
def test_what_went_wrong_in_damaged_data_is_said_without_pythons_words(error, words):
    assert data_problem(error) == words


def test_a_framework_copy_with_a_wrong_value_is_named_in_swedish():
    data = resources.framework("2019").to_dict()
    data["finding_kinds"] = ["styrka"]
    with pytest.raises(ValueError) as err:
        parse_stored_framework(json.dumps(data))
    assert str(err.value) == "ofullständig (ett värde är ogiltigt)"
