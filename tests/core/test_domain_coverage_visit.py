"""The coverage matrix (sub-areas × sources, with the warnings the coverage page shows) and the
visit schedule (which interview is going on by the clock; what cites a record)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.coverage import coverage
from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import (
    EvaluationInfo,
    EvaluationSnapshot,
    Finding,
    Interview,
    Note,
    SourceKind,
)
from kompass_desktop.domain.visit import findings_linking, notes_citing, proposed_interview


def snapshot(notes=(), interviews=(), scores=None) -> EvaluationSnapshot:
    return EvaluationSnapshot(
        info=EvaluationInfo(id="e", framework_id="2019", municipality="Provby"),
        framework=resources.framework("2019"),
        scores=scores or {},
        notes=tuple(notes),
        interviews=tuple(interviews),
    )


def note(
    nid: str, subarea: str | None, kind: SourceKind = SourceKind.NONE, source: str | None = None
) -> Note:
    ref = {
        SourceKind.INTERVIEW: "interview_id",
        SourceKind.DOCUMENT: "document_id",
        SourceKind.WEB: "web_id",
    }.get(kind)
    return Note(id=nid, body="x", subarea=subarea, source_kind=kind, **({ref: source} if ref else {}))


def row(cov, number):
    (found,) = [r for r in cov.rows if r.subarea == number]
    return found


def test_columns_are_the_interview_groups_met_then_documents_web_and_no_source():
    interviews = [
        Interview(id="f", group="fack"),
        Interview(id="p", group="politisk_ledning"),
        Interview(id="q", group="studiecirkel"),  # free text counts as "Övriga"
        Interview(id="f2", group="fack"),
    ]
    cov = coverage(snapshot(interviews=interviews))
    assert cov.columns == (
        ("politisk_ledning", "Politisk ledning"),
        ("fack", "Fackliga representanter"),
        ("ovriga", "Övriga"),
        ("documents", "Dokument"),
        ("web", "Webb"),
        ("other", "Utan källa"),
    )
    assert cov.short == ("Pol. ledning", "Fack", "Övriga", "Dokument", "Webb", "Utan källa")
    assert [r.subarea for r in cov.rows] == [s.number for s in resources.framework("2019").subareas()]
    assert row(cov, "3.2").heading == "Politisk styrning"


def test_notes_are_counted_in_their_sub_area_and_source_column():
    interviews = [Interview(id="iv", group="ledning"), Interview(id="iv2", group="okänd grupp")]
    notes = [
        note("a", "1.1", SourceKind.INTERVIEW, "iv"),
        note("b", "1.1", SourceKind.INTERVIEW, "iv"),
        note("c", "1.1", SourceKind.DOCUMENT, "d"),
        note("d", "1.1", SourceKind.WEB, "w"),
        note("e", "1.1"),
        note("f", "1.1", SourceKind.INTERVIEW, "raderad"),  # its interview is gone: no source
        note("g", "1.2", SourceKind.INTERVIEW, "iv2"),
        note("h", None, SourceKind.DOCUMENT, "d"),  # not sorted into a sub-area: not counted
        note("i", "", SourceKind.DOCUMENT, "d"),
    ]
    cov = coverage(snapshot(notes, interviews))
    assert row(cov, "1.1").counts == {"ledning": 2, "ovriga": 0, "documents": 1, "web": 1, "other": 2}
    assert row(cov, "1.2").counts == {"ledning": 0, "ovriga": 1, "documents": 0, "web": 0, "other": 0}
    assert sum(r.total for r in cov.rows) == 7
    assert row(cov, "1.1").total == 6 and row(cov, "1.1").source_kinds == 4


def test_warnings_say_where_the_evidence_is_thin():
    notes = [note("a", "2.1", SourceKind.DOCUMENT, "d"), note("b", "2.1", SourceKind.DOCUMENT, "d2")]
    notes += [note("c", "2.2", SourceKind.DOCUMENT, "d"), note("d", "2.2", SourceKind.WEB, "w")]
    scores = {"2.1": Decimal(5), "2.3": Decimal(0), "2.4": None}
    cov = coverage(snapshot(notes, scores=scores))
    assert row(cov, "2.1").warnings == ["bara en källa"] and row(cov, "2.1").scored
    assert row(cov, "2.2").warnings == [] and not row(cov, "2.2").scored
    assert row(cov, "2.3").warnings == ["inga anteckningar", "poäng utan underlag"]  # 0 is a score
    assert row(cov, "2.4").warnings == ["inga anteckningar"] and not row(cov, "2.4").scored


# -- the visit ------------------------------------------------------------------------------------

DAY = "2025-10-14"


def interview(iid: str, start: str, end: str = "", date: str = DAY) -> Interview:
    return Interview(id=iid, group="ledning", date=date, start=start, end=end)


SCHEDULE = [
    interview("lunch", "12:00", "13:00"),
    interview("morgon", "08:30", "10:15"),
    interview("förmiddag", "10:00"),  # no end: until the next one starts
    interview("elva", "10:30", "11:00"),
    interview("sen", "15:00"),  # the last one without an end: until the day ends
    interview("igår", "09:00", "17:00", date="2025-10-13"),
    interview("ingen tid", "", date=DAY),
]


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("07:00", "morgon"),  # nothing yet: the next one today
        ("08:30", "morgon"),  # starts now
        ("09:59", "morgon"),
        ("10:05", "förmiddag"),  # two going on: the one that started last
        ("10:15", "förmiddag"),  # the first one has ended
        ("10:29", "förmiddag"),
        ("10:30", "elva"),  # without an end it lasts until the next one starts
        ("11:00", "lunch"),  # nothing going on: the next one
        ("12:59", "lunch"),
        ("13:00", "sen"),
        ("15:00", "sen"),
        ("23:59", "sen"),
    ],
)
def test_the_interview_going_on_by_the_clock_else_the_next_one(clock, expected):
    hour, minute = map(int, clock.split(":"))
    now = datetime(2025, 10, 14, hour, minute, 30)
    found = proposed_interview(SCHEDULE, now)
    assert found is not None and found.id == expected


def test_no_interview_is_proposed_on_another_day_or_after_the_last_one():
    assert proposed_interview(SCHEDULE, datetime(2025, 10, 15, 9, 0)) is None
    ended = [interview("morgon", "08:30", "09:30")]
    assert proposed_interview(ended, datetime(2025, 10, 14, 9, 30)) is None
    assert proposed_interview(ended, datetime(2025, 10, 14, 9, 29)) == ended[0]
    assert proposed_interview([interview("x", "")], datetime(2025, 10, 14, 9, 30)) is None


def test_what_cites_a_source_or_links_a_note():
    notes = [
        note("a", "1.1", SourceKind.INTERVIEW, "r1"),
        note("b", "1.1", SourceKind.DOCUMENT, "r1"),
        note("c", "1.1", SourceKind.WEB, "r1"),
        note("d", "1.2", SourceKind.INTERVIEW, "r2"),
        note("e", "1.2", SourceKind.DOCUMENT, "r1"),
    ]
    assert [n.id for n in notes_citing(notes, SourceKind.INTERVIEW, "r1")] == ["a"]
    assert [n.id for n in notes_citing(notes, SourceKind.DOCUMENT, "r1")] == ["b", "e"]
    assert [n.id for n in notes_citing(notes, SourceKind.WEB, "r1")] == ["c"]
    assert notes_citing(notes, SourceKind.WEB, "r2") == []
    findings = [
        Finding(id="f1", area=1, kind=FindingKind.STRENGTH, body="x", note_ids=("a", "b")),
        Finding(id="f2", area=1, kind=FindingKind.STRENGTH, body="x", note_ids=("b",)),
        Finding(id="f3", area=1, kind=FindingKind.STRENGTH, body="x"),
    ]
    assert [f.id for f in findings_linking(findings, "b")] == ["f1", "f2"]
    assert [f.id for f in findings_linking(findings, "a")] == ["f1"]
    assert findings_linking(findings, "z") == []
