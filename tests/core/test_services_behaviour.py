"""The services as the GUI and the command line use them: what each operation stores, what it
tells the listeners (screens refresh from it, undo puts the value before back), and what it
refuses with which message.  Read back through a reopened file where it matters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kompass_desktop.domain.errors import KompassError, NotFound, ReasonRequired
from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import TextScope
from kompass_desktop.services import ChangeKind, EvaluationSession, NewEvaluation
from kompass_desktop.services.registers import Register


@pytest.fixture
def told(session):
    """Every change the session tells its listeners, in order."""
    changes = []
    session.listeners.append(changes.append)
    return changes


def reopened(session):
    path = session.path
    session.close()
    return EvaluationSession.open(path)


# -- notes ---------------------------------------------------------------------------------
def test_a_note_edit_tells_which_note_and_its_text_before_and_after(session, told):
    note = session.notes.add("Första versionen", "2.1")
    told.clear()
    change = session.notes.update(note.id, body="Andra versionen", subarea="3.2")
    assert told == [change]
    assert change.kind == ChangeKind.NOTE
    assert change.ids == (note.id,)
    assert change.subareas == {"2.1", "3.2"}
    assert change.areas == {2, 3}
    assert (change.before().body, change.before().subarea) == ("Första versionen", "2.1")
    assert (change.after().body, change.after().subarea) == ("Andra versionen", "3.2")
    # undo, as the GUI does it: the values before, through the same door
    session.notes.update(note.id, body=change.before().body, subarea=change.before().subarea)
    with reopened(session) as again:
        back = again.notes.get(note.id)
        assert (back.body, back.subarea) == ("Första versionen", "2.1")


# -- findings --------------------------------------------------------------------------------
def test_a_new_finding_is_told_with_its_area_and_the_notes_behind_it(session, told):
    note = session.notes.add("Tydliga mål i budgeten", "2.1")
    told.clear()
    finding = session.findings.add(2, FindingKind.STRENGTH, "Tydlig styrkedja", note_ids=[note.id])
    assert [(c.kind, c.ids, c.areas, c.new) for c in told] == [
        (ChangeKind.FINDING, (finding.id,), {2}, finding)
    ]
    assert finding.note_ids == (note.id,)
    with reopened(session) as again:
        assert [(f.body, f.note_ids) for f in again.findings.all(2)] == [("Tydlig styrkedja", (note.id,))]


def test_a_deleted_finding_is_gone_until_restored_and_each_step_is_told(session, told):
    finding = session.findings.add(4, FindingKind.IMPROVEMENT, "Uppföljningen kan bli tydligare")
    other = session.findings.add(4, FindingKind.STRENGTH, "Bra dialog")
    told.clear()
    deleted = session.findings.delete(finding.id)
    assert [f.id for f in session.findings.all(4)] == [other.id]
    assert (deleted.ids, deleted.areas, deleted.before().body, deleted.new) == (
        (finding.id,),
        {4},
        "Uppföljningen kan bli tydligare",
        None,
    )
    with pytest.raises(NotFound):
        session.findings.get(finding.id)
    restored = session.findings.restore(finding.id)
    assert told == [deleted, restored]
    assert (restored.kind, restored.ids, restored.areas, restored.old) == (
        ChangeKind.FINDING,
        (finding.id,),
        {4},
        None,
    )
    assert restored.after().body == "Uppföljningen kan bli tydligare"
    with reopened(session) as again:
        assert {f.id for f in again.findings.all(4)} == {finding.id, other.id}


# -- texts and scores ------------------------------------------------------------------------
def test_a_text_edit_tells_the_text_before_so_that_undo_can_put_it_back(session, told):
    first = session.scores.set_text(TextScope.AREA, "3", "Första texten")
    assert (first.old, first.new, first.areas) == ("", "Första texten", {3})
    second = session.scores.set_text(TextScope.AREA, "3", "Andra texten")
    assert (second.old, second.new) == ("Första texten", "Andra texten")
    assert told == [first, second]
    session.scores.set_text(TextScope.AREA, "3", second.before())
    assert session.scores.text(TextScope.AREA, "3") == "Första texten"


def test_a_rationale_tells_the_one_before_and_keeps_the_score(session, told):
    session.scores.set("1.1", "5")
    told.clear()
    first = session.consensus.set_rationale("1.2", "Inga mål finns")
    assert (first.old, first.new, first.subareas, first.areas) == ("", "Inga mål finns", {"1.2"}, {1})
    session.consensus.set_rationale("1.1", "Delvis uppfyllt")
    again = session.consensus.set_rationale("1.1", "Delvis uppfyllt, se budgeten")
    assert (again.old, again.new) == ("Delvis uppfyllt", "Delvis uppfyllt, se budgeten")
    assert session.consensus.mine()["1.1"] == Decimal(5)


def test_an_agreed_score_is_read_back_with_its_reason(session):
    session.scores.set("1.1", "5")
    session.set_author("Andra utvärderaren")
    session.scores.set("1.1", "10")
    assert session.consensus.agreed("1.1").points is None
    session.consensus.agree("1.1", "7,5", "Vi enades efter samtalet")
    with reopened(session) as again:
        agreed = again.consensus.agreed("1.1")
        assert (agreed.points, agreed.reason) == (Decimal("7.5"), "Vi enades efter samtalet")
        assert again.scores.all()["1.1"] == Decimal("7.5")


# -- registers -------------------------------------------------------------------------------
def test_a_deleted_interview_can_be_restored(session, told):
    interview = session.registers.add_interview(group="politiker", date="2025-03-10", start="09:00")
    session.registers.delete(Register.INTERVIEW, interview.id)
    assert session.registers.interviews() == []
    told.clear()
    change = session.registers.restore(Register.INTERVIEW, interview.id)
    assert told == [change]
    assert [i.id for i in session.registers.interviews()] == [interview.id]
    with pytest.raises(NotFound, match="Posten finns inte"):
        session.registers.restore(Register.INTERVIEW, "finns-inte")


def test_a_documents_year_is_stored(session):
    document = session.registers.add_document(title="Budget 2025", year="2024")
    assert document.year == 2024
    session.registers.update(Register.DOCUMENT, document.id, year=2023)
    with pytest.raises(KompassError) as err:
        session.registers.update(Register.DOCUMENT, document.id, title=" ")
    assert str(err.value) == "Dokumentet måste ha en titel."
    with reopened(session) as again:
        assert [(d.title, d.year) for d in again.registers.documents()] == [("Budget 2025", 2023)]


def test_register_numbers_that_are_not_numbers_are_named_in_the_message(session):
    interview = session.registers.add_interview(group="fackliga")
    with pytest.raises(KompassError) as err:
        session.registers.update(Register.INTERVIEW, interview.id, participants="många")
    assert str(err.value) == "Antal deltagare: ”många” är inte ett heltal."
    earlier = session.registers.add_earlier(2019, "2016", {"1": "50"})
    with pytest.raises(KompassError) as err:
        session.registers.update(Register.EARLIER, earlier.id, year="tjugo")
    assert str(err.value) == "År: ”tjugo” är inte ett heltal."
    assert session.registers.interviews()[0].participants is None
    assert session.registers.earlier()[0].year == 2019


def test_an_earlier_evaluations_scores_are_checked_when_changed(session):
    earlier = session.registers.add_earlier(2019, "2016", {"1": "50"})
    with pytest.raises(KompassError, match="Område 2: 120 ligger utanför 0–100"):
        session.registers.update(Register.EARLIER, earlier.id, area_scores={"2": "120"})
    session.registers.update(Register.EARLIER, earlier.id, area_scores={"1": "55,5", "2": ""})
    assert session.registers.earlier()[0].area_scores == {1: Decimal("55.5")}


def test_an_earlier_evaluation_added_as_a_register_record_keeps_its_version(session):
    earlier = session.registers.add(
        Register.EARLIER, year="2017", framework_id="2016", area_scores={"3": "61"}
    )
    assert (earlier.year, earlier.framework_id, dict(earlier.area_scores)) == (2017, "2016", {3: Decimal(61)})
    with pytest.raises(KompassError) as err:
        session.registers.add(Register.EARLIER, year=2017, framework_id="2016", colour="blå")
    assert str(err.value) == "Okända fält: colour."
    with pytest.raises(KompassError) as err:
        session.registers.add(Register.EARLIER, year="tjugo", framework_id="2016", area_scores={"3": "61"})
    assert str(err.value) == "År: ”tjugo” är inte ett heltal."
    assert len(session.registers.earlier()) == 1


# -- more of what each operation tells and stores ---------------------------------------------
def test_a_score_tells_its_sub_area_and_area(session, told):
    one = session.scores.set("2.3", "5")
    many = session.scores.set_many({"1.1": "5", "3.2": "10"})
    assert (one.subareas, one.areas) == ({"2.3"}, {2})
    assert (many.subareas, many.areas) == ({"1.1", "3.2"}, {1, 3})
    assert told == [one, many]


def test_an_agreed_score_undone_gives_the_independent_scores_back_their_say(session):
    session.scores.set("1.1", "5")
    session.set_author("Andra utvärderaren")
    session.scores.set("1.1", "10")
    change = session.consensus.agree("1.1", "10", "Vi enades")
    session.consensus.agree("1.1", "5", "Vi ändrade oss")
    session.consensus.restore_agreed("1.1", change.before())
    assert session.consensus.agreed("1.1").points is None
    assert session.scores.all()["1.1"] is None  # open again: the two scores differ
    assert session.validate() == []


def test_a_finding_edit_tells_the_finding_before_and_after(session, told):
    finding = session.findings.add(5, FindingKind.STRENGTH, "Bra")
    told.clear()
    change = session.findings.update(finding.id, body="Mycket bra", kind=FindingKind.IMPROVEMENT)
    assert told == [change]
    assert (change.ids, change.areas) == ((finding.id,), {5})
    assert (change.before().body, change.before().kind) == ("Bra", FindingKind.STRENGTH)
    assert (change.after().body, change.after().kind) == ("Mycket bra", FindingKind.IMPROVEMENT)
    with pytest.raises(KompassError) as err:
        session.findings.update(finding.id, body="Bäst", colour="röd")
    assert str(err.value) == "Okända fält för iakttagelse: colour."
    with reopened(session) as again:
        stored = again.findings.get(finding.id)
        assert (stored.body, stored.kind) == ("Mycket bra", FindingKind.IMPROVEMENT)
        with pytest.raises(NotFound) as err:
            again.findings.get("finns-inte")
        assert str(err.value) == "Iakttagelsen finns inte (den kan ha tagits bort)."


def test_a_note_is_moved_deleted_and_restored_also_without_a_sub_area(session, told):
    note = session.notes.add("Osorterad iakttagelse", None)
    moved = session.notes.move(note.id, "6.1")
    assert (moved.subareas, moved.areas, session.notes.get(note.id).subarea) == ({"6.1"}, {6}, "6.1")
    session.notes.move(note.id, None)
    told.clear()
    deleted = session.notes.delete(note.id)
    restored = session.notes.restore(note.id)
    assert told == [deleted, restored]
    assert (deleted.subareas, deleted.areas, restored.areas) == (set(), set(), set())
    assert (restored.ids, restored.after().body) == ((note.id,), "Osorterad iakttagelse")
    with pytest.raises(KompassError) as err:
        session.notes.update(note.id, colour="röd")
    assert str(err.value) == "Okända fält för anteckning: colour."


def test_a_notes_source_is_changed_and_read_back(session):
    interview = session.registers.add_interview(group="politiker")
    document = session.registers.add_document(title="Budget 2025")
    note = session.notes.add("Mål saknas", "2.1")
    session.notes.update(note.id, source_kind="interview", interview_id=interview.id)
    assert session.notes.get(note.id).interview_id == interview.id
    with pytest.raises(NotFound) as err:
        session.notes.update(note.id, interview_id="finns-inte")
    assert str(err.value) == "Intervjun som anteckningen hänvisar till finns inte."
    session.notes.update(note.id, source_kind="document", document_id=document.id, page="12")
    with reopened(session) as again:
        stored = again.notes.get(note.id)
        assert (stored.source_kind.value, stored.document_id, stored.page) == ("document", document.id, "12")


def test_register_messages_name_the_problem(session):
    earlier = session.registers.add_earlier(2019, "2016", {"1": "50"})
    assert earlier.label == ""
    with pytest.raises(KompassError) as err:
        session.registers.update(Register.EARLIER, earlier.id, year=1800)
    assert str(err.value) == "Ange året för den tidigare utvärderingen."
    with pytest.raises(KompassError) as err:
        session.registers.add_earlier(2019, "2016", {"9": "50"})
    assert str(err.value) == "Kommunkompassen 2016 (version 2.1) har inget område 9."
    plain = session.registers.add(Register.EARLIER, year=2013, framework_id="2010", area_scores={"1": "40"})
    assert plain.label == ""
    with pytest.raises(KompassError) as err:
        session.scores.set_text(TextScope.AREA, "x", "Text")
    assert str(err.value) == "Område ”x” finns inte."


def test_info_messages_and_numbers(session, told, tmp_path, fw2019):
    with pytest.raises(KompassError) as err:
        session.update_info(colour="röd")
    assert str(err.value) == "Okända fält: colour."
    with pytest.raises(KompassError) as err:
        session.update_info(municipality_code="9999")
    assert str(err.value) == "Det finns ingen kommun med koden 9999 i kommunregistret."
    told.clear()
    change = session.update_info(evaluation_number="3")
    assert session.info().evaluation_number == 3
    assert told == [change] and change.ids == (session.evaluation_id,)
    with pytest.raises(KompassError) as err:
        session.update_info(evaluation_number="tre")
    assert str(err.value) == "Utvärdering nr: ”tre” är inte ett heltal."
    with pytest.raises(KompassError) as err:
        EvaluationSession.create(tmp_path / "gammal.kompass", NewEvaluation(fw2019, "Testby", 1800))
    assert str(err.value) == "Året 1800 är orimligt; ange ett år som 2025."


def test_a_session_writes_as_the_author_it_was_opened_with(session):
    path = session.path
    session.close()
    with EvaluationSession.open(path, author="Anna Andersson") as again:
        assert again.author == "Anna Andersson"
        again.scores.set("1.1", "5")
        assert again.consensus.view().evaluators() == ["Anna Andersson"]
        assert again.backup("manual").name.endswith("--manual.kompass")


def test_a_web_source_is_changed_without_touching_its_title_but_never_left_without_one(session):
    web = session.registers.add_web_source(title="Kommunens webbplats", seen="2025-03-01")
    session.registers.update(Register.WEB, web.id, seen="2025-03-02")
    with pytest.raises(KompassError) as err:
        session.registers.update(Register.WEB, web.id, title="  ")
    assert str(err.value) == "Webbkällan måste ha en rubrik."
    with pytest.raises(KompassError) as err:
        session.registers.update(Register.WEB, web.id, seen="igår")
    assert str(err.value) == "Datum sett: ”igår” är inget giltigt datum (ÅÅÅÅ-MM-DD)."
    assert [(w.title, w.seen) for w in session.registers.web_sources()] == [
        ("Kommunens webbplats", "2025-03-02")
    ]


def test_every_unknown_field_is_named(session):
    with pytest.raises(KompassError) as err:
        session.update_info(colour="röd", size="stor")
    assert str(err.value) == "Okända fält: colour, size."


def test_without_a_stored_reference_the_bundled_one_of_the_evaluations_version_is_used(session):
    from kompass_desktop.services.comparison import reference_for

    reference = reference_for(session.snapshot())
    assert reference is not None and reference.framework_id == "2019"


def test_an_earlier_evaluation_is_read_from_its_file(session, tmp_path, fw2019):
    spec = NewEvaluation(fw2019, "Testby", 2021)
    with EvaluationSession.create(tmp_path / "testby-2021.kompass", spec) as earlier:
        earlier.scores.set_many({"1.1": "10", "1.2": "5", "3.1": "10"})
    added = session.registers.add_earlier_from_file(tmp_path / "testby-2021.kompass")
    assert (added.year, added.framework_id, added.label) == (2021, "2019", "Testby 2021")
    assert dict(added.area_scores) == {1: Decimal(15), 3: Decimal(10)}
    with pytest.raises(KompassError) as err:
        session.registers.add_earlier_from_file(session.path)
    assert str(err.value) == "Det är samma utvärdering som den som är öppen."
    assert len(session.registers.earlier()) == 1


# -- the sample of 200: what each change names, and the remaining messages --------------------
def test_a_score_change_names_its_record_and_the_points_before_and_after(session, told):
    first = session.scores.set("4.2", "5")
    second = session.scores.set("4.2", "10")
    assert len(first.ids) == 1 and second.ids == first.ids
    assert (first.old, first.new, second.old, second.new) == (None, Decimal(5), Decimal(5), Decimal(10))
    session.set_author("Andra utvärderaren")
    session.scores.set("4.2", "5")
    agreed = session.consensus.agree("4.2", "10", "Enades")
    assert len(agreed.ids) == 1 and agreed.ids != first.ids
    assert (agreed.before().points, agreed.after().points) == (None, Decimal(10))
    assert told == [first, second, told[2], agreed]


def test_the_scores_are_read_once_per_version_of_the_file(session, monkeypatch):
    """Every page asks for the scores after every edit: they are read from the file once per
    change of it, not once per question (a score edit used to read them four times)."""
    from kompass_desktop.services import context

    reads = []
    load = context.repo.load_consensus
    monkeypatch.setattr(context.repo, "load_consensus", lambda *a: reads.append(1) or load(*a))
    session.scores.set("1.1", "5")
    reads.clear()
    assert session.scores.all()["1.1"] == Decimal(5)
    session.summary()
    session.consensus.view()
    assert len(reads) == 1
    session.scores.set("1.1", "10")
    assert session.scores.all()["1.1"] == Decimal(10)
    assert len(reads) == 2


def test_the_charts_of_a_session_show_it_and_an_earlier_evaluation_of_another_version(session):
    from kompass_desktop.services.comparison import session_chart_data

    session.update_info(municipality_code="1060", year=2025)
    session.scores.set_many({"1.1": "10", "1.2": "5"})
    session.registers.add_earlier(2017, "2016", {"1": "40", "8": "55"})
    data = session_chart_data(session, None)
    assert [s.label for s in data.series] == ["Olofström 2025", "Olofström 2017"]
    assert data.current.values[0] == Decimal(15)
    assert data.series[1].values[:2] == (Decimal(40), Decimal(55))  # 2016's area 8 is 2019's area 2


def test_linking_and_unlinking_a_note_is_told_and_stored(session, told):
    finding = session.findings.add(7, FindingKind.STRENGTH, "Bra kompetensförsörjning")
    note = session.notes.add("HR-planen följs upp", "7.1")
    with pytest.raises(NotFound) as err:
        session.findings.link_note(finding.id, "finns-inte")
    assert str(err.value) == "Anteckningen som ska länkas finns inte."
    session.findings.link_note(finding.id, note.id)
    told.clear()
    change = session.findings.unlink_note(finding.id, note.id)
    assert told == [change]
    assert (change.kind, change.ids, change.areas) == (ChangeKind.FINDING, (finding.id,), {7})
    with reopened(session) as again:
        assert again.findings.get(finding.id).note_ids == ()


def test_a_findings_position_is_stored(session):
    first = session.findings.add(1, FindingKind.STRENGTH, "Första")
    second = session.findings.add(1, FindingKind.STRENGTH, "Andra")
    session.findings.update(second.id, position=first.position - 1)
    with reopened(session) as again:
        assert [f.body for f in sorted(again.findings.all(1), key=lambda f: f.position)] == [
            "Andra",
            "Första",
        ]


def test_a_new_note_is_told_and_notes_are_listed_per_sub_area(session, told):
    note = session.notes.add("I 2.1", "2.1")
    session.notes.add("I 2.2", "2.2")
    assert told[0].ids == (note.id,) and told[0].subareas == {"2.1"}
    assert [n.body for n in session.notes.all(subarea="2.1")] == ["I 2.1"]


def test_register_records_are_told_and_checked_with_clear_messages(session, told):
    interview = session.registers.add_interview(group="politiker", start="9:05", end="10:30")
    assert (interview.start, interview.end) == ("09:05", "10:30")
    assert [(c.kind, c.ids, c.new) for c in told] == [(ChangeKind.INTERVIEW, (interview.id,), interview)]
    session.registers.delete(Register.INTERVIEW, interview.id)
    restored = session.registers.restore(Register.INTERVIEW, interview.id)
    assert restored.after().id == interview.id
    told.clear()
    moved = session.registers.update(Register.INTERVIEW, interview.id, location="Rådhuset")
    assert [(c.kind, c.ids, c.after().location) for c in told] == [
        (ChangeKind.INTERVIEW, (interview.id,), "Rådhuset")
    ]
    assert moved == told[0]
    with pytest.raises(KompassError) as err:
        session.registers.update(Register.INTERVIEW, interview.id, location="Skolan", colour="röd")
    assert str(err.value) == "Okända fält: colour."
    assert session.registers.interviews()[0].location == "Rådhuset"
    problems = {
        "group": ({"group": " "}, "Ange intervjugrupp."),
        "date": ({"date": "i morgon"}, "Datum: ”i morgon” är inget giltigt datum (ÅÅÅÅ-MM-DD)."),
        "start": ({"start": "nio"}, "Starttid: ”nio” är ingen tid (TT:MM)."),
        "participants": ({"participants": -2}, "Antal deltagare: ”-2” är negativt; ange 0 eller mer."),
    }
    for values, message in problems.values():
        with pytest.raises(KompassError) as err:
            session.registers.update(Register.INTERVIEW, interview.id, **values)
        assert str(err.value) == message
    with pytest.raises(KompassError) as err:
        session.registers.add(Register.INTERVIEW)
    assert str(err.value) == "Ange intervjugrupp."
    with pytest.raises(KompassError) as err:
        session.registers.add(Register.DOCUMENT, doc_type="Plan")
    assert str(err.value) == "Dokumentet måste ha en titel."
    with pytest.raises(KompassError) as err:
        session.registers.add_earlier(2019, "2016", {"9": "50", "10": "40"})
    assert str(err.value) == "Kommunkompassen 2016 (version 2.1) har inget område 9, 10."
    with pytest.raises(KompassError) as err:
        session.registers.add(Register.EARLIER, year=2019, area_scores={"1": "50"})
    assert "None" not in str(err.value) and str(err.value).startswith("Okänd version av Kommunkompassen: ””.")


def test_a_national_average_from_a_file_is_told(session, told):
    from pathlib import Path

    import kompass_desktop

    bundled = Path(kompass_desktop.__file__).parents[1] / "resources" / "reference" / "national-average.json"
    change = session.registers.set_national_average_from_file(bundled)
    assert told == [change]
    assert change.after().framework_id == "2019"
    assert session.registers.national_average() == change.new


def test_remaining_messages_of_texts_and_municipalities(session, tmp_path):
    from kompass_desktop.services import files, municipality

    with pytest.raises(KompassError) as err:
        session.scores.set_text(TextScope.SUMMARY_OVERALL, "3", "Text")
    assert str(err.value) == "Texten summary_overall gäller hela utvärderingen och har ingen referens."
    with pytest.raises(KompassError) as err:
        municipality.unlisted("   ")
    assert str(err.value) == "Ange ett namn för den fiktiva kommunen eller övningen."
    with pytest.raises(KompassError) as err:
        session.update_info(municipality="  ")
    assert str(err.value) == "Ange kommunens namn."
    with pytest.raises(KompassError) as err:
        session.update_info(inhabitants=-5)
    assert str(err.value) == "Invånare: ”-5” är negativt; ange 0 eller mer."
    blocker = tmp_path / "en-fil"
    blocker.write_text("x")
    with pytest.raises(KompassError) as err:
        files.copy_to(session.path, blocker / "kopia.kompass")
    assert str(err.value).startswith(f"Mappen {blocker} kunde inte skapas: ")
    assert "None" not in str(err.value) and len(str(err.value)) > len(
        f"Mappen {blocker} kunde inte skapas: ."
    )


def test_a_new_file_says_which_version_of_the_app_made_it(session):
    from kompass_desktop import __version__

    assert session.file.meta("created_with") == __version__


def test_a_one_day_visit_and_numbers_given_as_text(session, told):
    told.clear()
    change = session.update_info(start_date="2025-03-10", end_date="2025-03-10", year="2024")
    assert (change.kind, session.info().year) == (ChangeKind.INFO, 2024)
    session.update_info(facts=[("Invånare", "13 000")])
    with reopened(session) as again:
        assert again.info().facts == session.info().facts


# -- the sample of 18: the history, the remaining changes and messages -----------------------
def test_the_history_keeps_each_version_as_it_was_stored(session):
    """A merge compares against the versions in the history: each is the record as stored, and
    storing the same values again adds no version."""
    session.scores.set("1.1", "5")
    session.set_author("Andra utvärderaren")
    session.scores.set("1.1", "10")
    session.consensus.agree("1.1", "5", "Vi enades")
    agreed = session.consensus.agree("1.1", "10", "Vi ändrade oss")
    finding = session.findings.add(5, FindingKind.STRENGTH, "Bra")
    session.findings.update(finding.id, kind=FindingKind.IMPROVEMENT)
    for table, record_id in (("scores", agreed.ids[0]), ("findings", finding.id)):
        versions = session.file.history(record_id)
        assert versions[-1]["data"] == session.file.get(table, record_id)
    session.consensus.agree("1.1", "10", "Vi ändrade oss")
    session.findings.update(finding.id, kind=FindingKind.IMPROVEMENT)
    assert len(session.file.history(agreed.ids[0])) == 2
    assert len(session.file.history(finding.id)) == 2


def test_an_agreed_score_other_than_the_evaluators_common_one_needs_a_reason(session):
    session.scores.set("1.1", "5")
    session.set_author("Andra utvärderaren")
    session.scores.set("1.1", "5")
    with pytest.raises(ReasonRequired) as err:
        session.consensus.agree("1.1", "10")
    assert str(err.value) == (
        "Delfråga 1.1: utvärderarnas poäng är Andra utvärderaren 5, Testare 5; "
        "ange skälet till att ni enas om en annan poäng."
    )
    assert session.consensus.agreed("1.1").points is None


def test_a_deleted_note_tells_its_sub_area_and_is_gone(session, told):
    note = session.notes.add("Mål saknas", "2.1")
    told.clear()
    deleted = session.notes.delete(note.id)
    assert told == [deleted]
    assert (deleted.kind, deleted.ids, deleted.subareas, deleted.areas) == (
        ChangeKind.NOTE,
        (note.id,),
        {"2.1"},
        {2},
    )
    with pytest.raises(NotFound) as err:
        session.notes.get(note.id)
    assert str(err.value) == "Anteckningen finns inte (den kan ha tagits bort)."


def test_an_interviews_names_and_roles_keep_only_what_was_written(session):
    session.registers.add_interview(group="politiker", names=[" Anna ", "", "  "], roles=["", "KSO"])
    with reopened(session) as again:
        [interview] = again.registers.interviews()
        assert (list(interview.names), list(interview.roles)) == (["Anna"], ["KSO"])


def test_a_national_average_is_cleared_and_one_from_a_file_without_the_version_is_refused(session, tmp_path):
    import json
    from pathlib import Path

    import kompass_desktop

    bundled = Path(kompass_desktop.__file__).parents[1] / "resources" / "reference" / "national-average.json"
    session.registers.set_national_average_from_file(bundled)
    data = json.loads(bundled.read_text(encoding="utf-8"))
    del data["frameworks"]["2019"]
    other = tmp_path / "annat-medel.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KompassError) as err:
        session.registers.set_national_average_from_file(other)
    assert str(err.value) == (
        "annat-medel.json har inget medelvärde för Kommunkompassen 2019/2020 (filen innehåller: 2010, 2016)."
    )
    assert session.registers.national_average() is not None
    cleared = session.registers.clear_national_average()
    assert cleared.kind == ChangeKind.EARLIER
    with reopened(session) as again:
        assert again.registers.national_average() is None
