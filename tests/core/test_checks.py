"""domain/checks.py on its own: what is still open in an evaluation (and what blocks a final
report), and which records contradict the framework or each other.

Every test starts from an evaluation of the 2019 version in which everything is done, takes one
thing away and expects exactly the item a reviewer would see, in the words they would see.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.checks import (
    OpenItem,
    Severity,
    consistency_problems,
    open_items,
    required_missing,
)
from kompass_desktop.domain.consensus import AgreedScore, IndependentScore, build_consensus
from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import (
    Document,
    EvaluationInfo,
    EvaluationSnapshot,
    Finding,
    Interview,
    Note,
    SourceKind,
    Text,
    TextScope,
    WebSource,
)

REQUIRED, WARNING = Severity.REQUIRED, Severity.WARNING


@pytest.fixture(scope="module")
def fw():
    return resources.framework("2019")


@pytest.fixture(scope="module")
def done(fw) -> EvaluationSnapshot:
    """Every sub-area scored, with a note and a text; a strength and an improvement per area;
    all three summary texts."""
    subs = list(fw.subareas())
    findings = []
    for area in fw.areas:
        findings.append(
            Finding(id=f"s{area.number}", area=area.number, kind=FindingKind.STRENGTH, body="Bra")
        )
        findings.append(
            Finding(id=f"i{area.number}", area=area.number, kind=FindingKind.IMPROVEMENT, body="Bättre")
        )
    texts = [Text(id=f"t{s.number}", scope=TextScope.SUBAREA, ref=s.number, body="Bedömning.") for s in subs]
    for scope in (TextScope.SUMMARY_OVERALL, TextScope.SUMMARY_STRONGER, TextScope.SUMMARY_WEAKER):
        texts.append(Text(id=scope.value, scope=scope, ref="", body="Sammanfattning."))
    return EvaluationSnapshot(
        info=EvaluationInfo(
            id="e", framework_id="2019", municipality="Olofströms kommun", municipality_code="1060"
        ),
        framework=fw,
        scores={s.number: s.max / 2 for s in subs},
        notes=tuple(Note(id=f"n{s.number}", body="Underlag", subarea=s.number) for s in subs),
        findings=tuple(findings),
        texts=tuple(texts),
    )


def without_text(snap: EvaluationSnapshot, scope: TextScope, ref: str = "") -> EvaluationSnapshot:
    return replace(snap, texts=tuple(t for t in snap.texts if (t.scope, t.ref) != (scope, ref)))


def with_text(snap: EvaluationSnapshot, scope: TextScope, ref: str, body: str) -> EvaluationSnapshot:
    others = tuple(t for t in snap.texts if (t.scope, t.ref) != (scope, ref))
    return replace(snap, texts=(*others, Text(id="ny", scope=scope, ref=ref, body=body)))


def test_a_finished_evaluation_has_nothing_open_and_nothing_inconsistent(done):
    assert open_items(done) == []
    assert required_missing(done) == []
    assert consistency_problems(done) == []


def test_a_name_not_chosen_from_the_register_is_a_warning_unless_unlisted(done):
    typed = replace(done, info=replace(done.info, municipality="Provby", municipality_code=""))
    expected = OpenItem(
        WARNING,
        "municipality_not_in_register",
        "",
        "Kommunen ”Provby” är inte vald ur kommunregistret: välj den under "
        "Redigera → Uppgifter om kommunen och utvärderingen",
        "Provby",
    )
    assert open_items(typed) == [expected]
    assert required_missing(typed) == []
    training = replace(typed, info=replace(typed.info, unlisted=True))
    assert open_items(training) == []


def test_an_unscored_sub_area_blocks_the_final_report(done):
    snap = replace(done, scores={**done.scores, "3.2": None})
    expected = OpenItem(REQUIRED, "unscored", "3.2", "3.2 Politisk styrning: ingen poäng satt")
    assert open_items(snap) == [expected]
    assert required_missing(snap) == [expected]


def test_a_missing_score_counts_like_an_unset_one_and_zero_is_a_score(done):
    scores = dict(done.scores)
    del scores["1.1"]
    scores["1.2"] = Decimal(0)
    items = open_items(replace(done, scores=scores))
    assert [(i.kind, i.ref) for i in items] == [("unscored", "1.1")]


def test_a_score_without_notes_is_a_warning_only(done):
    snap = replace(done, notes=tuple(n for n in done.notes if n.subarea != "4.1"))
    item = OpenItem(
        WARNING,
        "no_evidence",
        "4.1",
        "4.1 Strategi för ökad effektivitet: poäng utan underlag (inga anteckningar)",
    )
    assert open_items(snap) == [item]
    assert required_missing(snap) == []


def test_a_note_counts_as_evidence_only_for_its_own_sub_area(done):
    moved = tuple(
        replace(n, subarea=None)
        if n.subarea == "2.1"
        else replace(n, subarea="2.3")
        if n.subarea == "2.2"
        else n
        for n in done.notes
    )
    items = open_items(replace(done, notes=moved))
    assert [(i.severity, i.kind, i.ref) for i in items] == [
        (WARNING, "no_evidence", "2.1"),
        (WARNING, "no_evidence", "2.2"),
    ]


def test_an_unscored_sub_area_is_not_also_reported_without_evidence(done):
    snap = replace(
        done,
        scores={**done.scores, "5.1": None},
        notes=tuple(n for n in done.notes if n.subarea != "5.1"),
    )
    assert [(i.kind, i.ref) for i in open_items(snap)] == [("unscored", "5.1")]


@pytest.mark.parametrize("body", ["", "   ", "\n\t \n"])
def test_an_empty_sub_area_text_blocks_the_final_report(done, body):
    snap = with_text(done, TextScope.SUBAREA, "6.3", body)
    expected = OpenItem(
        REQUIRED, "empty_text", "6.3", "6.3 Innovation och ständiga förbättringar: text saknas"
    )
    assert open_items(snap) == [expected]
    assert required_missing(snap) == [expected]
    assert open_items(without_text(done, TextScope.SUBAREA, "6.3")) == [expected]


def test_other_texts_do_not_stand_in_for_a_sub_area_text(done):
    snap = without_text(done, TextScope.SUBAREA, "7.2")
    snap = with_text(snap, TextScope.AREA, "7.2", "Text under området")
    snap = with_text(snap, TextScope.SUBAREA, "7", "Fel referens")
    assert [(i.kind, i.ref) for i in open_items(snap)] == [("empty_text", "7.2")]


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        (FindingKind.STRENGTH, "Område 5 Brukarens fokus: inga styrkor"),
        (FindingKind.IMPROVEMENT, "Område 5 Brukarens fokus: inga förbättringsmöjligheter"),
    ],
)
def test_each_area_needs_strengths_and_improvements(done, kind, message):
    snap = replace(done, findings=tuple(f for f in done.findings if (f.area, f.kind) != (5, kind)))
    assert open_items(snap) == [OpenItem(REQUIRED, "no_findings", "5", message, kind.value)]


def test_findings_of_another_area_do_not_count(done):
    moved = tuple(replace(f, area=2) if f.area == 8 else f for f in done.findings)
    items = open_items(replace(done, findings=moved))
    assert [(i.kind, i.ref, i.message) for i in items] == [
        ("no_findings", "8", "Område 8 Chefs- och ledarskap samt medarbetarskap: inga styrkor"),
        (
            "no_findings",
            "8",
            "Område 8 Chefs- och ledarskap samt medarbetarskap: inga förbättringsmöjligheter",
        ),
    ]


def test_weaknesses_are_not_required(fw):
    fw2010 = resources.framework("2010")
    assert FindingKind.WEAKNESS in fw2010.finding_kinds
    subs = list(fw2010.subareas())
    snap = EvaluationSnapshot(
        info=EvaluationInfo(id="e", framework_id="2010", municipality="Provby", unlisted=True),
        framework=fw2010,
        scores={s.number: s.max for s in subs},
        notes=tuple(Note(id=s.number, body="x", subarea=s.number) for s in subs),
        findings=tuple(
            Finding(id=f"{a.number}{k}", area=a.number, kind=k, body="x")
            for a in fw2010.areas
            for k in (FindingKind.STRENGTH, FindingKind.IMPROVEMENT)
        ),
        texts=tuple(Text(id=s.number, scope=TextScope.SUBAREA, ref=s.number, body="x") for s in subs)
        + (Text(id="o", scope=TextScope.SUMMARY_OVERALL, ref="", body="x"),),
    )
    assert [(i.severity, i.ref) for i in open_items(snap)] == [(WARNING, ""), (WARNING, "")]


def test_summary_comments_are_required_and_stronger_and_weaker_areas_are_warnings(done):
    snap = done
    for scope in (TextScope.SUMMARY_OVERALL, TextScope.SUMMARY_STRONGER, TextScope.SUMMARY_WEAKER):
        snap = with_text(snap, scope, "", " ")
    assert open_items(snap) == [
        OpenItem(REQUIRED, "no_summary", "", "Sammanfattande kommentarer: text saknas", "summary_overall"),
        OpenItem(WARNING, "no_summary", "", "Starkare områden: text saknas", "summary_stronger"),
        OpenItem(WARNING, "no_summary", "", "Svagare områden: text saknas", "summary_weaker"),
    ]
    assert [i.message for i in required_missing(snap)] == ["Sammanfattande kommentarer: text saknas"]


def test_open_items_come_in_framework_order(done):
    snap = replace(
        done,
        scores={**done.scores, "8.1": None, "1.2": None},
        findings=tuple(f for f in done.findings if f.area != 1),
    )
    snap = without_text(snap, TextScope.SUMMARY_WEAKER)
    snap = without_text(snap, TextScope.SUBAREA, "1.2")
    assert [(i.kind, i.ref) for i in open_items(snap)] == [
        ("unscored", "1.2"),
        ("empty_text", "1.2"),
        ("no_findings", "1"),
        ("no_findings", "1"),
        ("unscored", "8.1"),
        ("no_summary", ""),
    ]


def independent(sub: str, who: str, points: object) -> IndependentScore:
    return IndependentScore(id=f"{sub}{who}", subarea=sub, evaluator=who, points=Decimal(str(points)))


def test_an_open_disagreement_blocks_the_final_report_naming_both_scores(done, fw):
    scores = [
        independent("3.2", "anna", 12),
        independent("3.2", "bo", "15.5"),
        independent("1.2", "anna", 5),
        independent("1.2", "bo", 5),
    ]
    # a sub-area the evaluators disagree on has no agreed score
    snap = replace(done, scores={**done.scores, "3.2": None}, consensus=build_consensus(fw, scores, []))
    expected = OpenItem(
        REQUIRED,
        "not_agreed",
        "3.2",
        "3.2 Politisk styrning: utvärderarna har inte enats om poängen (anna 12, bo 15,5)",
        "anna 12, bo 15,5",
    )
    # not also "unscored", and the sub-area they agree on is not open
    assert open_items(snap) == [expected]
    assert required_missing(snap) == [expected]


# -- consistency ---------------------------------------------------------------------------------


def test_scores_outside_the_framework_are_named(done):
    snap = replace(
        done,
        scores={
            **done.scores,
            "9.9": Decimal(1),
            "1.1": Decimal("12.5"),
            "1.2": Decimal(-1),
            "1.3": Decimal(0),
        },
    )
    max_12 = done.framework.subarea("1.2").max
    assert consistency_problems(snap) == [
        f"delfråga 1.2: -1 ligger utanför 0–{max_12}",
        "poäng för okänd delfråga 9.9",
    ]


def test_a_score_may_be_the_maximum_but_not_above(done, fw):
    top = fw.subarea("2.1").max
    assert consistency_problems(replace(done, scores={**done.scores, "2.1": top})) == []
    above = top + Decimal("0.25")
    assert consistency_problems(replace(done, scores={**done.scores, "2.1": above})) == [
        f"delfråga 2.1: {str(above).replace('.', ',')} ligger utanför 0–{top}"
    ]
    assert consistency_problems(replace(done, scores={**done.scores, "2.1": None})) == []


def test_notes_must_point_at_sources_and_sub_areas_that_exist(done):
    interview = Interview(id="iv", group="fack")
    document = Document(id="doc", title="Budget")
    web = WebSource(id="web", title="Kommunens webbplats")
    notes = (
        Note(id="a", body="x", subarea="9.1"),
        Note(id="b", body="x", subarea="1.1", source_kind=SourceKind.INTERVIEW, interview_id="borta"),
        Note(id="c", body="x", subarea="1.1", source_kind=SourceKind.DOCUMENT, document_id="borta"),
        Note(id="d", body="x", subarea="1.1", source_kind=SourceKind.WEB, web_id="borta"),
        Note(id="e", body="x", subarea="1.1", source_kind=SourceKind.INTERVIEW, interview_id="iv"),
        Note(id="f", body="x", subarea="1.1", source_kind=SourceKind.DOCUMENT, document_id="doc"),
        Note(id="g", body="x", subarea="1.1", source_kind=SourceKind.WEB, web_id="web"),
        Note(id="h", body="x", subarea=None, source_kind=SourceKind.NONE, interview_id="borta"),
    )
    snap = replace(
        done, notes=done.notes + notes, interviews=(interview,), documents=(document,), web_sources=(web,)
    )
    assert consistency_problems(snap) == [
        "anteckning a: okänd delfråga 9.1",
        "anteckning b: intervjun finns inte",
        "anteckning c: dokumentet finns inte",
        "anteckning d: webbkällan finns inte",
    ]


def test_findings_must_fit_the_framework_and_link_existing_notes(done):
    findings = (
        Finding(id="x1", area=9, kind=FindingKind.STRENGTH, body="x"),
        Finding(id="x2", area=3, kind=FindingKind.WEAKNESS, body="x"),
        Finding(id="x3", area=3, kind=FindingKind.STRENGTH, body="x", note_ids=("n3.1", "borta")),
    )
    snap = replace(done, findings=done.findings + findings)
    assert consistency_problems(snap) == [
        "iakttagelse x1: okänt område 9",
        "iakttagelse x2: Svagheter används inte i Kommunkompassen 2019/2020",
        "iakttagelse x3: länkad anteckning borta finns inte",
    ]


def test_the_framework_id_of_the_evaluation_must_match_its_framework_copy(done):
    snap = replace(done, info=replace(done.info, framework_id="2016"))
    assert consistency_problems(snap) == ["utvärderingen anger ramverk 2016 men filen innehåller 2019"]


def test_a_broken_framework_copy_is_reported(done, fw):
    area = fw.areas[0]
    short = replace(area, subareas=area.subareas[:-1])
    broken = replace(fw, areas=(short, *fw.areas[1:]))
    gone = area.subareas[-1].number
    snap = replace(
        done,
        framework=broken,
        scores={k: v for k, v in done.scores.items() if k != gone},
        notes=tuple(n for n in done.notes if n.subarea != gone),
    )
    assert consistency_problems(snap) == [
        f"ramverket: område 1: delfrågornas maxpoäng summerar till {100 - area.subareas[-1].max}, inte 100"
    ]


def test_every_score_problem_is_named_even_after_an_unknown_sub_area(done):
    snap = replace(done, scores={**done.scores, "0.9": Decimal(1), "1.1": Decimal(25)})
    assert consistency_problems(snap) == [
        "poäng för okänd delfråga 0.9",
        "delfråga 1.1: 25 ligger utanför 0–20",
    ]


def test_consensus_records_outside_the_framework_or_the_range_are_named(done, fw):
    scores = [
        independent("1.1", "anna", 0),
        independent("1.1", "bo", 20),  # 0 and the maximum are scores
        independent("1.2", "anna", 11),  # max 10
        independent("9.8", "bo", 1),
    ]
    agreed = [AgreedScore(id="x", subarea="9.9", points=Decimal(1), reason="r", author="anna")]
    snap = replace(done, consensus=build_consensus(fw, scores, agreed))
    assert consistency_problems(snap) == [
        "poäng av bo för okänd delfråga 9.8",
        "poäng för okänd delfråga 9.9",
        "delfråga 1.2: poängen av anna, 11, ligger utanför 0–10",
    ]


@pytest.mark.parametrize("kinds", [(FindingKind.STRENGTH,), (FindingKind.IMPROVEMENT, FindingKind.WEAKNESS)])
def test_a_framework_copy_without_strengths_or_improvements_is_reported(done, fw, kinds):
    snap = replace(done, framework=replace(fw, finding_kinds=kinds))
    problems = consistency_problems(snap)
    assert "ramverket: finding_kinds måste innehålla strength och improvement" in problems


def test_a_framework_copy_with_its_areas_out_of_order_is_reported(done, fw):
    swapped = replace(fw, areas=(fw.areas[1], fw.areas[0], *fw.areas[2:]))
    assert consistency_problems(replace(done, framework=swapped)) == [
        "ramverket: områdena ska numreras 1..8 i ordning, inte [2, 1, 3, 4, 5, 6, 7, 8]"
    ]
