"""What the registers, counts and searches read back from the file: each register in the order
its page shows it, without the deleted; notes per sub-area and per interview; the evaluators'
scores by name."""

from __future__ import annotations

from kompass_desktop.services import EvaluationSession


# -- what the registers and counts read back: each register in the order its page shows it,
# deleted records left out, notes counted per sub-area ------------------------------------------
def test_documents_and_web_sources_are_listed_by_title_without_the_deleted(session: EvaluationSession):
    reg = session.registers
    for title in ("Cirkulär", "Arkivplan", "Budget 2025"):
        reg.add_document(title=title)
    removed = reg.add_document(title="Attestordning")
    reg.delete("document", removed.id)
    for title in ("Webbplatsen", "Diarium", "Kommunfakta"):
        reg.add_web_source(title=title)
    assert [d.title for d in reg.documents()] == ["Arkivplan", "Budget 2025", "Cirkulär"]
    linked = reg.add_document(title="Översiktsplan", url="https://lindsjo.se/op.pdf")
    assert next(d for d in reg.documents() if d.id == linked.id).url == "https://lindsjo.se/op.pdf"
    assert [w.title for w in reg.web_sources()] == ["Diarium", "Kommunfakta", "Webbplatsen"]


def test_earlier_evaluations_are_listed_by_year(session: EvaluationSession):
    reg = session.registers
    reg.add_earlier(2023, "2019", {1: 60}, "Lindsjö 2023")
    reg.add_earlier(2015, "2019", {1: 40}, "Lindsjö 2015")
    reg.add_earlier(2019, "2019", {1: 50}, "Lindsjö 2019")
    assert {e.framework_id for e in reg.earlier()} == {"2019"}
    assert [(e.year, e.label) for e in reg.earlier()] == [
        (2015, "Lindsjö 2015"),
        (2019, "Lindsjö 2019"),
        (2023, "Lindsjö 2023"),
    ]


def test_the_visit_schedule_is_listed_by_date_then_time(session: EvaluationSession):
    reg = session.registers
    reg.add_interview(group="ledning", date="2025-10-15", start="09:00", title="Ledningsgruppen")
    reg.add_interview(group="fack", date="2025-10-14", start="13:00", title="Fackliga företrädare")
    reg.add_interview(group="stab", date="2025-10-14", start="08:30", title="Staben")
    assert [(i.date, i.start, i.group, i.title) for i in reg.interviews()] == [
        ("2025-10-14", "08:30", "stab", "Staben"),
        ("2025-10-14", "13:00", "fack", "Fackliga företrädare"),
        ("2025-10-15", "09:00", "ledning", "Ledningsgruppen"),
    ]


def test_notes_are_counted_per_sub_area_without_the_deleted_or_unsorted(session: EvaluationSession):
    notes = session.notes
    notes.add("Första", "1.1")
    notes.add("Andra", "1.1")
    notes.add("Tredje", "2.3")
    notes.add("Osorterad")
    gone = notes.add("Borttagen", "2.3")
    notes.delete(gone.id)
    assert notes.counts() == {"1.1": 2, "2.3": 1}


def test_search_finds_notes_texts_and_documents_and_says_where(session: EvaluationSession):
    from kompass_desktop.domain.model import TextScope

    note = session.notes.add("Budgeten beslutas av fullmäktige i november.", "1.1")
    session.notes.add("Inget om saken här.", "1.2")
    gone = session.notes.add("Fullmäktige, borttagen anteckning.", "2.1")
    session.notes.delete(gone.id)
    session.scores.set_text(TextScope.SUBAREA, "2.3", "Fullmäktige följer upp målen varje år.")
    doc = session.registers.add_document(title="Arbetsordning", body="Fullmäktige sammanträder tio gånger.")
    hits = {h.kind: h for h in session.search("fullmäktige")}
    assert set(hits) == {"note", "text", "document"} and len(session.search("fullmäktige")) == 3
    assert (hits["note"].id, hits["note"].ref) == (note.id, "1.1")
    assert "[fullmäktige]" in hits["note"].snippet
    assert hits["text"].ref == "subarea:2.3" and "[Fullmäktige]" in hits["text"].snippet
    assert hits["text"].id and hits["text"].id not in (note.id, doc.id)
    assert (hits["document"].id, hits["document"].ref) == (doc.id, "Arbetsordning")
    assert "[Fullmäktige]" in hits["document"].snippet
    assert [h.kind for h in session.search("fullmäktige", limit=1)] == [
        min(hits.values(), key=lambda h: h.rank).kind
    ]


def test_unsorted_notes_are_those_without_sub_area_oldest_first(session: EvaluationSession):
    notes = session.notes
    notes.add("Sorterad", "1.1")
    later = notes.add("Senare osorterad", captured_at="2025-10-14T15:00")
    earlier = notes.add("Tidigare osorterad", captured_at="2025-10-14T09:00")
    gone = notes.add("Borttagen osorterad", captured_at="2025-10-14T08:00")
    notes.delete(gone.id)
    assert [n.id for n in notes.all(unsorted=True)] == [earlier.id, later.id]


def test_the_notes_of_an_interview_and_of_a_sub_area_are_listed_oldest_first(session: EvaluationSession):
    interview = session.registers.add_interview(group="politiker")
    notes = session.notes
    later = notes.add(
        "Senare", "2.1", source_kind="interview", interview_id=interview.id, captured_at="2025-10-14T15:00"
    )
    earlier = notes.add(
        "Tidigare", "2.1", source_kind="interview", interview_id=interview.id, captured_at="2025-10-14T09:00"
    )
    notes.add("Annan källa", "3.1", captured_at="2025-10-14T08:00")
    assert [n.id for n in notes.all(interview_id=interview.id)] == [earlier.id, later.id]
    assert [n.id for n in notes.all(subarea="2.1")] == [earlier.id, later.id]


def test_documents_and_web_sources_are_in_title_order_everywhere(session):
    for title in ("Översiktsplan", "Budget 2025", "Arbetsmiljöpolicy"):
        session.registers.add_document(title=title)
    for title in ("Webbplatsen", "Diarium", "Kommunfakta"):
        session.registers.add_web_source(title=title)
    documents = ["Arbetsmiljöpolicy", "Budget 2025", "Översiktsplan"]
    assert [d.title for d in session.snapshot().documents] == documents
    assert [d.title for d in session.registers.documents()] == documents
    assert [w.title for w in session.snapshot().web_sources] == ["Diarium", "Kommunfakta", "Webbplatsen"]


def test_each_evaluators_score_is_listed_in_name_order(session: EvaluationSession):
    """Whoever scored first, the evaluators of a sub-area come in the order of their names."""
    for who, points in (("Bo", 8), ("Anna", 6)):
        session.set_author(who)
        session.consensus.score("1.1", points)
    assert list(session.consensus.subarea("1.1").points) == ["Anna", "Bo"]
