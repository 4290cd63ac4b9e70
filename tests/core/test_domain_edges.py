"""Edges of the domain rules that a user runs into: what a typo in a municipality name suggests,
how a CSV file that cannot be read is named, and which interview the clock proposes (what a
refused final report names when the evaluators disagree is in test_checks.py).  (Found by
mutation testing: each test failed on a planted bug that the rest of the suite let through.)"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.comparison import ChartData, NoteKind, Series, SeriesKind, chart_data
from kompass_desktop.domain.consensus import (
    IndependentScore,
    build_consensus,
    check_reason,
    share_text,
)
from kompass_desktop.domain.coverage import OTHER, coverage
from kompass_desktop.domain.csv_scores import parse_scores_csv
from kompass_desktop.domain.errors import InputProblems, KompassError
from kompass_desktop.domain.mapping import AreaLink, VersionMapping, correspondence
from kompass_desktop.domain.model import (
    EarlierEvaluation,
    EvaluationInfo,
    EvaluationSnapshot,
    Interview,
    Note,
    SourceKind,
)
from kompass_desktop.domain.municipalities import Municipality, MunicipalityNotFound, Register
from kompass_desktop.domain.reference import NationalAverage, national_to_file_dict, parse_national_averages
from kompass_desktop.domain.scoring import summarize
from kompass_desktop.domain.stored import parse_stored_national, parse_stored_points
from kompass_desktop.domain.visit import notes_without_source, proposed_interview

FW = resources.framework("2019")


def snapshot(**fields) -> EvaluationSnapshot:
    info = EvaluationInfo(id="e", framework_id="2019", municipality="Provby")
    return EvaluationSnapshot(info=info, framework=FW, **{"scores": {}, **fields})


# -- municipalities: what a typo suggests -----------------------------------------------------


def test_a_typo_suggests_up_to_five_municipalities_joined_with_eller():
    register = resources.municipalities()
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Hoo")
    assert str(err.value) == (
        "Det finns ingen kommun som heter ”Hoo”. "
        "Menade du Höörs kommun (1267), Hofors kommun (2104) eller Hjo kommun (1497)?"
    )
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Salla")
    assert len(err.value.suggestions) == 5
    assert str(err.value).endswith("Malå kommun (2418) eller Järfälla kommun (0123)?")


def test_a_register_made_without_source_has_none():
    register = Register([Municipality("0101", "Åby kommun", "Åby", "01", "Län")])
    assert (register.source, register.retrieved) == ("", "")


# -- CSV files that cannot be read ------------------------------------------------------------


def test_a_csv_file_in_an_unknown_encoding_is_named():
    # 0x81 is a byte neither UTF-8 nor Windows-1252 defines
    with pytest.raises(KompassError) as err:
        parse_scores_csv(b"1.1;5\n1.2;\x81\n", FW)
    assert str(err.value) == "CSV-filen är varken UTF-8 eller Windows-1252 (cp1252) och kan inte läsas."


def test_an_overlong_field_is_named_by_its_line_after_a_cell_over_two_lines():
    data = '1.1;5\n"1.2\n";3\nx;"' + "y" * 200_000
    with pytest.raises(KompassError) as err:
        parse_scores_csv(data.encode(), FW)
    assert "(rad 4)" in str(err.value)


def test_header_names_of_two_words_are_understood_however_they_are_spaced():
    data = "Delfråga; Uppnådda   poäng ;Max  poäng\n1.1;12;20\n1.2;4,5;10\n".encode()
    parsed = parse_scores_csv(data, FW)
    assert [(s.line, s.subarea, s.points) for s in parsed.scores] == [
        (2, "1.1", Decimal(12)),
        (3, "1.2", Decimal("4.5")),
    ]
    with pytest.raises(InputProblems) as err:
        parse_scores_csv("Delfråga;Uppnådda poäng;Max poäng\n1.1;12;30\n".encode(), FW)
    assert err.value.problems == ["rad 2: delfråga 1.1 har max 20 i ramverket, inte 30"]


# -- stored values --------------------------------------------------------------------------------


def test_a_stored_value_of_exactly_thirty_characters_is_shown_whole():
    with pytest.raises(ValueError) as err:
        parse_stored_points("x" * 30)
    assert str(err.value) == f"poängen ”{'x' * 30}” är inte ett tal"


def test_a_reference_without_a_total_survives_being_stored_and_read_back():
    read = parse_national_averages(_doc())["2019"]
    # a document without source and creation date has them empty, not "None"
    assert (read.source, read.created, read.example) == ("", "", False)
    avg = NationalAverage("2019", "Medel", False, read.areas)
    stored = parse_stored_national(json.dumps(national_to_file_dict(avg)))
    assert stored is not None and stored.areas == avg.areas and stored.label == "Medel"
    assert stored.total is not None and stored.total.n == 0  # written as "no total" (n 0)
    assert (stored.source, stored.created) == ("", "")
    again = national_to_file_dict(stored)
    assert (again["source"], again["created"]) == ("", "")


def _doc() -> dict:
    return {"frameworks": {"2019": {"areas": {"1": {"n": 0, "mean": 0}}}}}


# -- what the clock proposes and where notes are counted -----------------------------------------


def _interview(iid: str, start: str, end: str = "") -> Interview:
    return Interview(id=iid, group="ledning", title=iid, date="2025-10-14", start=start, end=end)


def test_an_interview_without_an_end_lasts_only_until_the_next_one_starts():
    schedule = [_interview("morgon", "09:00"), _interview("lunch", "10:00", "10:30")]
    assert proposed_interview(schedule, datetime(2025, 10, 14, 9, 59)).id == "morgon"
    assert proposed_interview(schedule, datetime(2025, 10, 14, 10, 15)).id == "lunch"
    assert proposed_interview(schedule, datetime(2025, 10, 14, 11, 0)) is None


def test_a_note_without_a_sub_area_does_not_stop_the_counting():
    notes = (Note(id="n0", body="Allmänt"), Note(id="n1", body="Underlag", subarea="1.1"))
    row = coverage(snapshot(notes=notes)).rows[0]
    assert row.subarea == "1.1" and row.counts[OTHER] == 1 and row.total == 1


def test_a_chart_finds_its_earlier_series_by_kind():
    def series(kind: SeriesKind, label: str) -> Series:
        return Series(kind, label, (), None)

    data = ChartData(
        (),
        (
            series(SeriesKind.CURRENT, "2025"),
            series(SeriesKind.EARLIER, "2019"),
            series(SeriesKind.NATIONAL, "Medel"),
            series(SeriesKind.EARLIER, "2021"),
        ),
        (),
        Decimal(100),
        Decimal(800),
    )
    assert [s.label for s in data.by_kind(SeriesKind.EARLIER)] == ["2019", "2021"]
    assert [s.label for s in data.by_kind(SeriesKind.NATIONAL)] == ["Medel"]


# -- the team's agreement as the consensus page and `kompass consensus` print it ------------------


def _ind(sub: str, who: str, points: object) -> IndependentScore:
    return IndependentScore(id=f"{sub}{who}", subarea=sub, evaluator=who, points=Decimal(str(points)))


def test_the_team_agreement_line_for_people():
    scores = [
        _ind("1.1", "anna", 12),
        _ind("1.1", "bo", 15),
        _ind("1.2", "anna", 5),
        _ind("1.2", "bo", 5),
        _ind("1.3", "cia", 13),
        _ind("1.3", "bo", 11),
        _ind("1.3", "anna", 10),
    ]
    consensus = build_consensus(FW, scores, [])
    assert consensus.team_agreement().describe() == (
        "Samstämmighet från början: 1 av 3 delfrågor med flera bedömningar lika (33 %), "
        "medelavvikelse 1,67 poäng, 1 med stor skillnad."
    )
    assert consensus.evaluators() == ["anna", "bo", "cia"]
    assert [s.number for s in consensus.open()] == ["1.1", "1.3"]


def test_a_team_of_one_has_no_agreement_figures_and_a_team_in_accord_no_deviation():
    team = build_consensus(FW, [_ind("1.1", "anna", 12), _ind("1.2", "anna", 3)], []).team_agreement()
    assert (team.compared, team.share_equal, team.mean_abs_difference) == (0, None, None)
    assert team.describe() == "Samstämmighet: ingen delfråga har bedömts av fler än en utvärderare än."
    same = build_consensus(FW, [_ind("1.1", "anna", 12), _ind("1.1", "bo", 12)], []).team_agreement()
    assert same.describe() == (
        "Samstämmighet från början: 1 av 1 delfrågor med flera bedömningar lika (100 %), "
        "medelavvikelse 0 poäng, 0 med stor skillnad."
    )


@pytest.mark.parametrize(
    ("share", "text"),
    [(None, "–"), (Decimal(1), "100 %"), (Decimal("0.835"), "84 %"), (Decimal("0.125"), "13 %")],
)
def test_shares_are_whole_percents_rounded_half_up(share, text):
    assert share_text(share) == text


def test_sub_areas_without_disagreement_follow_the_disagreements_in_framework_order():
    # 1.1 (max 20) and 1.3 (max 30) agreed, 1.2 (max 10) differs; the rest unscored
    scores = [_ind("1.1", "a", 5), _ind("1.1", "b", 5), _ind("1.2", "a", 2), _ind("1.2", "b", 3)]
    scores += [_ind("1.3", "a", 7), _ind("1.3", "b", 7)]
    order = [s.number for s in build_consensus(FW, scores, []).largest_disagreements_first()]
    assert order == ["1.2", *(s.number for s in FW.subareas() if s.number != "1.2")]


def test_notes_without_a_source_are_listed_for_the_evaluator():
    notes = [
        Note(id="a", body="Egen iakttagelse"),
        Note(id="b", body="Ur dokument", source_kind=SourceKind.DOCUMENT, document_id="d1"),
    ]
    assert [n.id for n in notes_without_source(notes)] == ["a"]


def test_a_reason_is_asked_for_in_full_and_each_evaluator_keeps_their_scores():
    consensus = build_consensus(
        FW, [_ind("1.1", "anna", 12), _ind("1.1", "bo", 15), _ind("1.2", "bo", 4)], []
    )
    assert check_reason(consensus.get("1.1"), " ") == (
        "Delfråga 1.1: utvärderarnas poäng skiljer sig (anna 12, bo 15); "
        "ange skälet till den överenskomna poängen."
    )
    assert check_reason(consensus.get("1.1"), "Vi enades") is None
    mine = consensus.scores_of("bo")
    assert (mine["1.1"], mine["1.2"], mine["1.3"]) == (Decimal(15), Decimal(4), None)


# -- the comparison charts ------------------------------------------------------------------------


def test_earlier_evaluations_newest_first_and_what_cannot_be_compared_is_noted():
    earlier = [
        EarlierEvaluation(
            id="a",
            year=2018,
            framework_id="2016",
            label="Utvärdering 2018",
            area_scores={n: Decimal(60 + n) for n in range(1, 9)},
        ),
        EarlierEvaluation(id="b", year=2020, framework_id="1999", label="Gamla"),
        EarlierEvaluation(
            id="c", year=2021, framework_id="2019", area_scores={n: Decimal(n) for n in range(1, 9)}
        ),
    ]
    data = chart_data(
        FW, summarize(FW, {}), "Provby", 2025, earlier, None, resources.mappings(), resources.frameworks()
    )
    assert [s.label for s in data.series] == ["Provby 2025", "Provby 2021", "Utvärdering 2018"]
    # charts name the areas by their real titles only (no invented short names)
    assert [(a.number, a.title, a.label) for a in data.areas] == [
        (a.number, a.title, f"{a.number}. {a.title}") for a in FW.areas
    ]
    gamla, area8 = data.notes[0], data.notes[1]
    assert (gamla.kind, gamla.label, gamla.version, gamla.current) == (
        NoteKind.VERSION_NOT_COMPARABLE,
        "Gamla",
        "1999",
        FW.name,
    )
    assert (area8.kind, area8.area, area8.label, area8.old_title) == (
        NoteKind.AREA_NOT_COMPARABLE,
        8,
        "Utvärdering 2018",
        "Ledarskap, ansvar och delegation",
    )


def test_an_area_the_mapping_does_not_reach_is_left_empty():
    mapping = VersionMapping("2016", "2019", tuple(AreaLink(n, n, True) for n in range(1, 8)))
    old = EarlierEvaluation(
        id="a", year=2018, framework_id="2016", area_scores={n: Decimal(n) for n in range(1, 9)}
    )
    data = chart_data(FW, summarize(FW, {}), "Provby", None, [old], None, [mapping], resources.frameworks())
    assert data.series[1].values == (*(Decimal(n) for n in range(1, 8)), None)
    assert data.current.label == "Provby"


# -- every problem of a CSV file, each on its line ----------------------------------------------------


def test_every_problem_of_a_csv_file_is_listed_by_line():
    text = "1.1,12\n1.2,4,5,3\n1.3\nx.y,1\n9.9,1\n1.1,3\n1.4,abc\n"
    with pytest.raises(InputProblems) as err:
        parse_scores_csv(text.encode(), FW)
    assert err.value.problems == [
        "rad 2: oväntade extra värden (5, 3) – decimaltal med komma måste citeras när kommatecken är "
        "avgränsare",
        "rad 3: för få kolumner (1, behöver 2)",
        "rad 4: ”x.y” är inte ett delfrågenummer (t.ex. 3.2)",
        f"rad 5: delfråga 9.9 finns inte i {FW.name}",
        "rad 6: delfråga 1.1 förekommer redan på rad 1",
        err.value.problems[5],
    ]
    assert err.value.problems[5].startswith("rad 7: ")


def test_three_columns_without_a_header_check_the_maximum_and_a_comment_column_is_ignored():
    with pytest.raises(InputProblems) as err:
        parse_scores_csv(b"1.1;12;30\n", FW)
    assert err.value.problems == ["rad 1: delfråga 1.1 har max 20 i ramverket, inte 30"]
    parsed = parse_scores_csv("Delfråga;Kommentar;Poäng\n1.1;bra;12\n".encode(), FW)
    assert [(s.subarea, s.points) for s in parsed.scores] == [("1.1", Decimal(12))]


def test_a_file_of_separators_only_has_no_score_lines():
    with pytest.raises(KompassError) as err:
        parse_scores_csv(b";;\n;;\n", FW)
    assert str(err.value) == "CSV-filen innehåller inga poängrader."


# -- comparing across versions: mappings composed over a path, either direction -----------------------


def test_a_correspondence_over_two_mappings_one_of_them_reversed():
    first = VersionMapping(
        "2013",
        "2016",
        (
            AreaLink(5, 5, True),  # the next step has no area 5
            AreaLink(1, 2, True, "n1"),
            AreaLink(2, 1, True),
            AreaLink(3, 3, False, "borta"),
        ),
        "m1",
    )
    second = VersionMapping(
        "2019", "2016", (AreaLink(1, 2, True, "n2"), AreaLink(2, 1, True), AreaLink(4, 3, True)), "m2"
    )
    corr = correspondence([first, second], "2013", "2019")
    assert corr is not None
    assert (corr.source_id, corr.target_id, corr.note) == ("2013", "2019", "m1 m2")
    assert dict(corr.by_target) == {
        1: AreaLink(1, 1, True, "n1 n2"),
        2: AreaLink(2, 2, True, ""),
        4: AreaLink(3, 4, False, "borta"),
    }
    back = correspondence([first, second], "2019", "2013")
    assert back is not None and back.source_area(3) == AreaLink(4, 3, False, "borta") and back.note == "m2 m1"
    assert (back.source_id, back.target_id) == ("2019", "2013")
    assert correspondence([first], "2013", "2019") is None
    same = correspondence([first], "2019", "2019", [1, 2])
    assert same is not None and dict(same.by_target) == {1: AreaLink(1, 1, True), 2: AreaLink(2, 2, True)}
    assert (same.source_id, same.target_id) == ("2019", "2019")


@pytest.fixture
def stockholm(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="time zones set by TZ: POSIX only")
def test_a_stored_time_is_shown_in_the_computers_time_zone(stockholm):
    from kompass_desktop.domain.meta import local_moment

    summer = local_moment("2025-10-14T08:41:07.123Z")
    assert summer is not None and f"{summer:%Y-%m-%d %H:%M:%S}" == "2025-10-14 10:41:07"  # CEST
    winter = local_moment("2025-01-14T08:41:07")  # stored without a zone: UTC
    assert winter is not None and f"{winter:%H:%M}" == "09:41"  # CET
    assert local_moment("") is None and local_moment("igår") is None


def test_a_shortened_text_is_one_line_and_cut_with_an_ellipsis():
    from kompass_desktop.domain.language import shortened

    assert shortened("Målen  följs\nupp", 20) == "Målen följs upp"
    assert shortened("abcdef", 6) == "abcdef" and shortened("abcdefg", 6) == "abcde…"
