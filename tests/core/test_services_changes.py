"""What each change tells, whole: its kind, the records, the sub-areas and areas it touches (the
screens that refresh) and the values before and after (what undo puts back). Compared as one
value, so a wrong kind, a missing area or a lost "before" is seen."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.model import TextScope
from kompass_desktop.services import ChangeKind
from kompass_desktop.services.change import Change


@pytest.fixture
def told(session):
    changes = []
    session.listeners.append(changes.append)
    return changes


def test_a_note_added_deleted_and_restored_tells_its_sub_area_area_and_values(session, told):
    added = session.notes.add("Målen följs upp.", "2.1")
    assert told == [Change(ChangeKind.NOTE, (added.id,), frozenset({"2.1"}), frozenset({2}), new=added)]
    told.clear()
    session.notes.delete(added.id)
    assert told == [Change(ChangeKind.NOTE, (added.id,), frozenset({"2.1"}), frozenset({2}), old=added)]
    told.clear()
    session.notes.restore(added.id)
    restored = session.notes.get(added.id)
    assert told == [Change(ChangeKind.NOTE, (added.id,), frozenset({"2.1"}), frozenset({2}), new=restored)]


def test_a_rationale_tells_a_score_change_of_its_sub_area(session, told):
    session.consensus.score("3.2", Decimal(5))
    told.clear()
    change = session.consensus.set_rationale("3.2", "Planen följs upp varje kvartal.")
    assert told == [change]
    assert (change.kind, change.subareas, change.areas, change.old, change.new) == (
        ChangeKind.SCORE,
        frozenset({"3.2"}),
        frozenset({3}),
        "",
        "Planen följs upp varje kvartal.",
    )


@pytest.mark.parametrize(
    ("scope", "ref", "subareas", "areas"),
    [
        (TextScope.SUBAREA, "4.1", {"4.1"}, {4}),
        (TextScope.AREA, "4", set(), {4}),
        (TextScope.SUMMARY_OVERALL, "", set(), set()),
    ],
)
def test_a_text_tells_the_sub_area_and_area_it_belongs_to(session, told, scope, ref, subareas, areas):
    session.scores.set_text(scope, ref, "Första")
    told.clear()
    change = session.scores.set_text(scope, ref, "Andra")
    assert told == [change]
    assert (change.kind, change.subareas, change.areas, change.old, change.new) == (
        ChangeKind.TEXT,
        frozenset(subareas),
        frozenset(areas),
        "Första",
        "Andra",
    )


def test_a_rationale_too_long_is_refused_with_its_length(session):
    session.consensus.score("1.1", Decimal(5))
    with pytest.raises(KompassError) as refused:
        session.consensus.set_rationale("1.1", "x" * 2001)
    assert str(refused.value) == "Motiveringen får vara högst 2000 tecken (2001)."
