"""Opening damaged or recovered files in the app: a clear message or a working window, never a
crash (an unexpected exception would reach the excepthook's "oväntat fel")."""

from __future__ import annotations

import sys

import pytest
from filestates import interrupted_checkpoint
from support import run_sql


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("UPDATE independent_scores SET points = 'abc' WHERE subarea = '1.1'", "poängen för delfråga 1.1"),
        ("UPDATE evaluation SET evaluators = '[1, 2'", "utvärderingen: fältet evaluators: ogiltig JSON"),
        ("UPDATE framework_copy SET data = json_remove(data, '$.areas')", "ramverkskopian"),
        ("UPDATE notes SET source_kind = 'telepati'", "okänt värde ”telepati”"),
    ],
)
def test_a_file_with_damaged_values_opens_with_a_clear_message(
    window, demo_copy, errors, statement, expected
):
    run_sql(demo_copy, statement)
    before = demo_copy.read_bytes()
    assert not window.open_file(demo_copy)
    assert window.controller is None
    assert "innehåller skadade värden" in errors[-1] and expected in errors[-1]
    assert demo_copy.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="state made with RLIMIT_FSIZE")
def test_a_file_whose_last_checkpoint_failed_opens_with_every_edit(window, demo_copy):
    child = interrupted_checkpoint(demo_copy, notes=60)
    assert child["close_error"]
    assert window.open_file(demo_copy)
    assert set(child["acked"]) <= {n.id for n in window.controller.session.notes.all()}


def test_a_damaged_stored_national_average_does_not_stop_the_work(window, demo_copy):
    run_sql(demo_copy, "INSERT OR REPLACE INTO meta VALUES ('national_average', '{\"frameworks\": 7}')")
    assert window.open_file(demo_copy)
    session = window.controller.session
    assert session.registers.national_average() is None
    assert any("national_average" in notice for notice in session.file.notices)
