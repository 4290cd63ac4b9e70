"""The domain's readers of outside data, on their own: sub-scores from a spreadsheet (every
problem named with its line), the municipality register and the version mapping as they are
read from their files, and the small rules every screen shares."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.csv_scores import parse_scores_csv
from kompass_desktop.domain.errors import InputProblems, KompassError
from kompass_desktop.domain.mapping import AreaLink, VersionMapping, parse_mappings
from kompass_desktop.domain.model import EvaluationInfo, EvaluationSnapshot, Note, Text, TextScope
from kompass_desktop.domain.municipalities import (
    AmbiguousMunicipality,
    Municipality,
    MunicipalityNotFound,
    Register,
    parse_register,
)
from kompass_desktop.domain.rules import step_points
from kompass_desktop.domain.scoring import percent

FW = resources.framework("2019")


def parsed(text: str | bytes) -> list[tuple[int, str, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [(s.line, s.subarea, str(s.points)) for s in parse_scores_csv(data, FW).scores]


def problems(text: str) -> tuple[str, list[str]]:
    with pytest.raises(InputProblems) as err:
        parse_scores_csv(text.encode("utf-8"), FW)
    return err.value.summary, err.value.problems


def refused(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(KompassError) as err:
        parse_scores_csv(data, FW)
    return str(err.value)


def test_scores_with_and_without_a_header_and_with_a_max_column():
    assert parsed("1.1;10\n1.2;2,5\n") == [(1, "1.1", "10"), (2, "1.2", "2.5")]
    assert parsed("Delfråga;Uppnått\n 1,1 ; 10 \n") == [(2, "1.1", "10")]
    assert parsed("Poäng,Max Poäng,Nummer\n4,15,2.1\n") == [(2, "2.1", "4")]  # columns by name
    assert parsed("\n\n1.1;10;20\n") == [(3, "1.1", "10")]  # three values: sub-area, achieved, max
    assert parsed("1.1\t3\n") == [(1, "1.1", "3")]
    assert parsed("sub-area,achieved,max,comment\n1.1,3,20,ok\n") == [(2, "1.1", "3")]
    assert parsed("01.01;3\n") == [(1, "1.1", "3")]


def test_empty_achieved_values_are_skipped_not_zeroed():
    result = parse_scores_csv(b"1.1;\n1.2;4\n1.3;\n", FW)
    assert [s.subarea for s in result.scores] == ["1.2"] and result.skipped_empty == 2
    assert parse_scores_csv(b"1.1;;\n", FW).skipped_empty == 1  # only empty values: still a file


def test_every_problem_is_named_with_its_line():
    summary, found = problems(
        "delfråga;uppnått;max\n1.1;3;20\nx.1;3;\n9.9;3;\n1.1;4;\n1.2;3;mycket\n1.3;3;99\n1.4;-2;\n1.5\n"
    )
    max_13 = str(FW.subarea("1.3").max)
    assert summary == "CSV-filen har 7 fel; inga poäng har ändrats."
    assert found == [
        "rad 3: ”x.1” är inte ett delfrågenummer (t.ex. 3.2)",
        "rad 4: delfråga 9.9 finns inte i Kommunkompassen 2019/2020",
        "rad 5: delfråga 1.1 förekommer redan på rad 2",
        "rad 6: maxvärdet ”mycket” är inte ett tal",
        f"rad 7: delfråga 1.3 har max {max_13} i ramverket, inte 99",
        "rad 8: Delfråga 1.4: poängen kan inte vara negativ (-2).",
        "rad 9: för få kolumner (1, behöver 3)",
    ]
    assert str(InputProblems("Sammanfattning.", ["a", "b"])) == "Sammanfattning.\n  a\n  b"


def test_a_decimal_comma_with_comma_separators_must_be_quoted():
    _, found = problems("1.1,2\n1.2,2,5\n1.3,1,,\n")
    assert found == [
        "rad 2: oväntade extra värden (5) – decimaltal med komma måste citeras när kommatecken är avgränsare"
    ]
    assert parsed('1.1,2\n1.2,"2,5"\n') == [(1, "1.1", "2"), (2, "1.2", "2.5")]


def test_a_header_without_the_needed_columns_is_refused():
    summary, found = problems("Namn;Poäng\nx;1\n")
    assert summary == "CSV-filen har en rubrikrad som inte går att tolka."
    assert found == ["rad 1: kolumner ”Namn, Poäng” – förväntade delfråga och uppnått (och ev. max)"]
    summary, found = problems("\nDelfråga ; Kommentar\n")
    assert found == ["rad 2: kolumner ”Delfråga, Kommentar” – förväntade delfråga och uppnått (och ev. max)"]


def test_files_that_are_no_score_files():
    assert refused(b"  \n") == "CSV-filen är tom."
    assert refused(b"1.1;3\x00\n") == "CSV-filen innehåller binära data och är inte en textfil."
    assert refused("delfråga;uppnått\n\n") == "CSV-filen innehåller inga poängrader."
    assert refused('"' + "x" * 200_000) == (
        "CSV-filen har ett fält som är längre än 128 kB (rad 1); "
        "det är ingen poängfil (eller ett citattecken saknar sitt slut)."
    )
    assert parsed("1.1;10\n".encode("cp1252")) == [(1, "1.1", "10")]
    assert parsed(b"\xef\xbb\xbfDelfr\xc3\xa5ga;Po\xc3\xa4ng\n1.1;4\n") == [(2, "1.1", "4")]  # UTF-8, BOM
    assert parsed(b"Delfr\xe5ga;Po\xe4ng\n1.1;4\n") == [(2, "1.1", "4")]  # Windows-1252


# -- the municipality register as read from its file ------------------------------------------------


def register_data(**changes) -> dict:
    data = {
        "source": "SCB",
        "retrieved": "2025-01-01",
        "counties": [{"code": "12", "name": "Skåne län"}, {"code": "10", "name": "Blekinge län"}],
        "municipalities": [
            {
                "code": "1280",
                "name": "Malmö stad",
                "short_name": "Malmö",
                "county_code": "12",
                "county": "Skåne län",
                "legal_name": "Malmö kommun",
                "group": {"code": "A1", "name": "Storstäder"},
            },
            {
                "code": "1060",
                "name": "Olofströms kommun",
                "short_name": "Olofström",
                "county_code": "10",
                "county": "Blekinge län",
            },
        ],
    }
    data.update(changes)
    return data


def test_the_register_keeps_every_field_it_is_given():
    register = parse_register(register_data())
    assert (register.source, register.retrieved) == ("SCB", "2025-01-01")
    assert register.by_code("1280") == Municipality(
        "1280", "Malmö stad", "Malmö", "12", "Skåne län", "Malmö kommun", "A1", "Storstäder"
    )
    assert register.by_code(" 1060 ") == Municipality(
        "1060", "Olofströms kommun", "Olofström", "10", "Blekinge län"
    )
    bare = parse_register({"municipalities": register_data()["municipalities"]})
    assert (bare.source, bare.retrieved) == ("", "")
    assert [m.code for m in bare] == ["1060", "1280"] and len(bare) == 2


def test_a_register_that_contradicts_itself_is_named():
    rows = register_data()["municipalities"]
    wrong_county = [{**rows[0], "county": "Blekinge län"}]
    with pytest.raises(
        KompassError, match=r"^Kommunregistret: länet för 1280 \(Blekinge län\) stämmer inte\.$"
    ):
        parse_register(register_data(municipalities=wrong_county))
    wrong_code = [{**rows[1], "county_code": "12", "county": "Skåne län"}]
    with pytest.raises(KompassError, match=r"^Kommunregistret: kommunkod 1060 hör inte till län 12\.$"):
        parse_register(register_data(municipalities=wrong_code))
    with pytest.raises(KompassError, match=r"^Kommunregistret har två kommuner med samma kod\.$"):
        parse_register(register_data(municipalities=[rows[0], rows[0]]))
    # without a list of counties the county names are not compared
    assert parse_register({"municipalities": wrong_county}).by_code("1280").county == "Blekinge län"


def test_lookups_by_legal_name_genitive_and_lost_leading_zero():
    register = resources.municipalities()
    assert register.find("Malmö kommun").code == "1280"
    assert register.find("olofström kommun").code == "1060"  # a missing genitive s
    assert register.find("Kalmars kommun").code == "0880"  # a surplus one
    assert register.find("114").code == "0114"
    with pytest.raises(MunicipalityNotFound, match=r"^Det finns ingen kommun med koden 9999\.$"):
        register.find("9999")
    with pytest.raises(
        MunicipalityNotFound, match=r"^Ange en kommun: namn eller kommunkod \(t\.ex\. 1060\)\.$"
    ):
        register.find("  ")


def test_an_ambiguous_name_lists_every_candidate():
    twins = [
        Municipality("0101", "Åby kommun", "Åby", "01", "Län"),
        Municipality("0102", "Aby kommun", "Aby", "01", "Län"),
        Municipality("0103", "Ödby kommun", "Ödby", "01", "Län"),
    ]
    register = Register(twins)
    assert register.find("Åby").code == "0101" and register.find("aby").code == "0102"  # exact first
    with pytest.raises(AmbiguousMunicipality) as err:
        register.find("ÄBY")  # neither spelling: both without their dots and rings
    assert [m.code for m in err.value.suggestions] == ["0101", "0102"]
    with pytest.raises(AmbiguousMunicipality) as err:
        Register([*twins[:1], Municipality("0104", "Åby stad", "Åby", "01", "Län")]).find("Åby")
    assert str(err.value) == (
        "”Åby” passar flera kommuner: Åby kommun (0101), Åby stad (0104). Ange hela namnet eller kommunkoden."
    )
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Ödbyn")
    assert str(err.value) == "Det finns ingen kommun som heter ”Ödbyn”. Menade du Ödby kommun (0103)?"
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Zzzzzz")
    assert str(err.value) == "Det finns ingen kommun som heter ”Zzzzzz”." and err.value.suggestions == ()


def test_suggestions_are_the_closest_names_best_first():
    register = resources.municipalities()
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Olofstrem")
    assert err.value.suggestions[0].code == "1060"
    assert 1 <= len(register.suggestions("Lund", limit=3)) <= 3
    assert len(register.suggestions("Sala", limit=7)) > 3
    assert str(err.value).startswith(
        "Det finns ingen kommun som heter ”Olofstrem”. Menade du Olofströms kommun (1060)"
    )


# -- the version mapping as read from its file --------------------------------------------------------


def test_the_mapping_file_is_read_link_by_link():
    data = {
        "mappings": [
            {
                "from": 2016,
                "to": "2019",
                "note": "Omarbetad",
                "areas": [
                    {"from": "1", "to": 2, "comparable": True, "note": "bytte plats"},
                    {"from": 3, "to": 3, "comparable": 0},
                ],
            },
            {"from": "2010", "to": "2016", "areas": []},
        ]
    }
    assert parse_mappings(data) == (
        VersionMapping(
            "2016", "2019", (AreaLink(1, 2, True, "bytte plats"), AreaLink(3, 3, False, "")), "Omarbetad"
        ),
        VersionMapping("2010", "2016", (), ""),
    )


# -- small rules ---------------------------------------------------------------------------------------


def test_arrow_steps_stay_within_the_range_and_start_from_zero():
    assert step_points(Decimal("2.5"), 1, Decimal(10)) == Decimal("3.5")
    assert step_points(Decimal("2.5"), -1, Decimal(10)) == Decimal("1.5")
    assert step_points(None, 1, Decimal(10)) == 1 and step_points(None, -1, Decimal(10)) == 0
    assert step_points(Decimal("9.5"), 1, Decimal(10)) == 10
    assert step_points(Decimal("0.5"), -1, Decimal(10)) == 0


def test_percent_of_a_maximum():
    assert percent(Decimal("11.25"), Decimal(15)) == 75
    assert percent(Decimal(1), Decimal(1)) == 100
    assert percent(Decimal(0), Decimal(0)) == 0


def test_the_evaluations_own_allmant_text_or_the_standard_one_and_notes_per_sub_area():
    def snap(*texts: Text, notes=()) -> EvaluationSnapshot:
        info = EvaluationInfo(id="e", framework_id="2019", municipality="X")
        return EvaluationSnapshot(info=info, framework=FW, scores={}, texts=texts, notes=tuple(notes))

    standard = FW.area(3).intro
    own = Text(id="t", scope=TextScope.AREA_INTRO, ref="3", body="Egen text.")
    assert snap(own).area_intro(3) == "Egen text."
    assert snap(own).area_intro(4) == FW.area(4).intro
    assert snap(Text(id="t", scope=TextScope.AREA, ref="3", body="Annan")).area_intro(3) == standard
    notes = [Note(id="a", body="x", subarea="1.1"), Note(id="b", body="x", subarea="1.2")]
    assert [n.id for n in snap(notes=notes).notes_for("1.1")] == ["a"]
