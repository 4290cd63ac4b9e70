"""The evaluation's facts as the services keep them: the municipality (from the register, as
written, or fictional), the visit's dates and the numbers, each refusal named as the form names
the field, nothing changed by a refused edit."""

from __future__ import annotations

import pytest

from kompass_desktop.domain.errors import KompassError
from kompass_desktop.services import EvaluationSession, NewEvaluation


def reopened(session):
    path = session.path
    session.close()
    return EvaluationSession.open(path)


def test_a_municipality_code_alone_names_the_municipality_from_the_register(session):
    session.update_info(municipality_code="1060")
    info = session.info()
    assert (info.municipality, info.municipality_code, info.unlisted) == ("Olofströms kommun", "1060", False)
    assert session.names().short == "Olofström"


def test_a_code_for_a_training_evaluation_is_refused(tmp_path, fw2019):
    training = NewEvaluation(fw2019, "Övningsby", 2025, unlisted=True)
    with EvaluationSession.create(tmp_path / "ovning.kompass", training) as s:
        with pytest.raises(KompassError, match="kan inte samtidigt vara fiktiv"):
            s.update_info(municipality_code="1060")
        assert (s.info().municipality, s.info().municipality_code) == ("Övningsby", "")


def test_an_unlisted_municipality_is_named_exactly_as_written(tmp_path, fw2019):
    training = NewEvaluation(fw2019, "Övningsby", 2025, unlisted=True)
    with EvaluationSession.create(tmp_path / "ovning.kompass", training) as s:
        assert (s.names().display, s.names().short) == ("Övningsby", "Övningsby")


def test_a_municipality_typed_before_the_register_is_named_from_it(session):
    session.update_info(municipality="Olofström")
    assert session.info().municipality_code == ""
    assert session.names().display == "Olofströms kommun"


def test_moving_the_visits_start_after_its_end_is_refused(session):
    session.update_info(start_date="2025-03-10", end_date="2025-03-12")
    with pytest.raises(KompassError) as err:
        session.update_info(start_date="2025-03-20")
    assert str(err.value) == "Platsbesöket kan inte sluta (2025-03-12) före det börjar (2025-03-20)."
    assert (session.info().start_date, session.info().end_date) == ("2025-03-10", "2025-03-12")


def test_a_municipality_name_is_stored_with_its_spaces_tidied(session):
    session.update_info(municipality="  Nya   Testby ")
    with reopened(session) as again:
        assert (again.info().municipality, again.info().municipality_code) == ("Nya Testby", "")


def test_a_code_this_versions_register_does_not_know_is_kept_when_other_facts_change(session):
    """A file from a version with a newer municipality register: its code is left alone while
    the user edits facts that have nothing to do with the municipality."""
    with session.file.write():
        session.file.update("evaluation", session.evaluation_id, {"municipality_code": "9999"}, author="x")
    session.update_info(year=2024)
    assert (session.info().year, session.info().municipality_code) == (2024, "9999")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"employees": "många"}, "Anställda: ”många” är inte ett heltal."),
        ({"year": -1}, "År: ”-1” är negativt; ange 0 eller mer."),
        ({"inhabitants": 12.5}, "Invånare: ”12.5” är inte ett heltal."),
        ({"start_date": "i morgon"}, "Platsbesöket börjar: ”i morgon” är inget giltigt datum (ÅÅÅÅ-MM-DD)."),
        (
            {"end_date": "2025-02-30"},
            "Platsbesöket slutar: ”2025-02-30” är inget giltigt datum (ÅÅÅÅ-MM-DD).",
        ),
    ],
)
def test_a_fact_of_the_evaluation_is_named_as_its_form_names_it(session, changes, message):
    before = session.info()
    with pytest.raises(KompassError) as err:
        session.update_info(**changes)
    assert str(err.value) == message
    assert session.info() == before


def test_an_empty_number_clears_the_fact(session):
    session.update_info(inhabitants=13000)
    session.update_info(inhabitants="")
    assert session.info().inhabitants is None


def test_a_name_that_is_not_the_registers_is_refused_with_the_registers_name(session):
    session.update_info(municipality_code="1060")
    with pytest.raises(KompassError) as err:
        session.update_info(municipality="Olofströms stad", municipality_code="1060")
    assert str(err.value) == (
        "Kommunen i kommunregistret heter Olofströms kommun; välj en annan kommun ur "
        "registret eller ange att den inte finns där."
    )
    session.update_info(employees=0, inhabitants="0")  # nothing known yet: zero is a number
    assert (session.info().employees, session.info().inhabitants) == (0, 0)
