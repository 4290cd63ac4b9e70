"""What the merged file contains when one side went back to an earlier text.

The lead and a co-evaluator share a history: the text of sub-area 1.1 was "Grundtext", then
"Andra versionen" before the co-evaluator copied the file.  Whether a later change is one-sided
or a conflict is decided against the *newest* version both files know; compared with an older
one, a revert looks like "no change" and the other side silently wins (or is silently dropped).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.domain.model import TextScope
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import backup

SUB = "1.1"


def text_of(path: Path) -> str:
    with EvaluationSession.open(path, readonly=True) as s:
        return s.scores.text(TextScope.SUBAREA, SUB)


def write(path: Path, author: str, body: str) -> None:
    with EvaluationSession.open(path, author=author) as s:
        s.scores.set_text(TextScope.SUBAREA, SUB, body)


def text_id(path: Path) -> str:
    with EvaluationSession.open(path, readonly=True) as s:
        (record,) = [r for r in s.file.rows("texts") if r["ref"] == SUB]
        return str(record["id"])


def history(path: Path) -> list[tuple[str, str]]:
    """(reason, body) of every stored version of the 1.1 text, oldest first."""
    with EvaluationSession.open(path, readonly=True) as s:
        (record,) = [r for r in s.file.rows("texts") if r["ref"] == SUB]
        return [(h["reason"], h["data"]["body"]) for h in s.file.history(record["id"])]


@pytest.fixture
def shared(tmp_path):
    """The lead's file and Bea's copy, both with the versions "Grundtext" and "Andra versionen"."""
    lead, bea = tmp_path / "lead.kompass", tmp_path / "bea.kompass"
    fw = resources.framework("2019")
    EvaluationSession.create(lead, NewEvaluation(fw, "Delby", 2025), author="Lead").close()
    write(lead, "Lead", "Grundtext")
    write(lead, "Lead", "Andra versionen")
    shutil.copy(lead, bea)
    return lead, bea


def merge(capsys, *argv: object) -> tuple[int, str]:
    code = main(["merge", *(str(a) for a in argv)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def merged(lead: Path, bea: Path, summary: str) -> str:
    """The last lines of a merge that wrote something (its backup the newest of the lead's)."""
    return (
        f"Slog samman {bea} in i {lead}: {summary}.\n"
        f"Säkerhetskopia före sammanslagningen: {backup.list_backups(lead)[0].path}\n"
    )


def nothing_new(lead: Path, bea: Path) -> str:
    return f"Inget att slå samman: {bea} innehåller inget nytt för {lead}.\n"


def test_a_revert_in_the_lead_against_a_change_by_the_other_is_a_conflict(shared, capsys):
    lead, bea = shared
    write(lead, "Lead", "Grundtext")  # the lead went back to the first text
    write(bea, "Bea", "Beas text")
    code, out = merge(capsys, lead, bea, "--dry-run")
    assert code == 0
    label, *rest = out.splitlines(keepends=True)
    assert label == f"Konflikt: Text för delfråga 1.1 [id {text_id(lead)}]\n"
    conflict = "    Text: huvudfilen ”Grundtext” / bea.kompass ”Beas text”\n"
    summary = "0 nya poster, 0 uppdaterade, 1 konflikt, 1 oförändrad"
    assert "".join(rest) == (
        f"{conflict}    → huvudfilens värde skulle behållas; det andra sparas i historiken.\n"
        f"Provkörning (inget skrevs): {summary}.\n"
    )
    code, out = merge(capsys, lead, bea)
    assert (code, out.split("\n", 1)[1]) == (
        0,
        f"{conflict}    → huvudfilens värde behålls; det andra sparas i historiken.\n"
        f"{merged(lead, bea, summary)}",
    )
    assert text_of(lead) == "Grundtext"  # the lead's revert stands
    assert history(lead)[-1] == ("merge-lost", "Beas text")  # and Bea's text is kept in the history
    assert [b.reason for b in backup.list_backups(lead)] == ["before-merge"]


def test_a_revert_by_the_other_against_a_change_in_the_lead_is_a_conflict(shared, capsys):
    lead, bea = shared
    write(lead, "Lead", "Leads nya text")
    write(bea, "Bea", "Grundtext")  # Bea went back to the first text
    code, out = merge(capsys, lead, bea, "--prefer", "other")
    assert (code, out.split("\n", 1)[1]) == (  # after the conflict's label (see the test above)
        0,
        "    Text: huvudfilen ”Leads nya text” / bea.kompass ”Grundtext”\n"
        "    → den andra filens värde behålls; det andra sparas i historiken.\n"
        f"{merged(lead, bea, '0 nya poster, 0 uppdaterade, 1 konflikt, 1 oförändrad')}",
    )
    assert text_of(lead) == "Grundtext"
    assert history(lead)[-2:] == [("merge-lost", "Leads nya text"), ("merge", "Grundtext")]


def test_a_revert_by_the_other_alone_is_taken(shared, capsys):
    lead, bea = shared
    write(bea, "Bea", "Grundtext")
    code, out = merge(capsys, lead, bea)
    assert (code, out) == (0, merged(lead, bea, "0 nya poster, 1 uppdaterad, 0 konflikter, 1 oförändrad"))
    assert text_of(lead) == "Grundtext"
    assert merge(capsys, lead, bea) == (0, nothing_new(lead, bea))  # merging again changes nothing


def test_a_revert_in_the_lead_alone_stays(shared, capsys):
    lead, bea = shared
    write(lead, "Lead", "Grundtext")
    assert merge(capsys, lead, bea) == (0, nothing_new(lead, bea))
    assert text_of(lead) == "Grundtext" and backup.list_backups(lead) == []


def test_the_same_change_on_both_sides_is_no_conflict(shared, capsys):
    lead, bea = shared
    write(lead, "Lead", "Samma text")
    write(bea, "Bea", "Samma text")
    code, out = merge(capsys, lead, bea)
    assert (code, out) == (0, merged(lead, bea, "0 nya poster, 0 uppdaterade, 0 konflikter, 1 oförändrad"))
    assert text_of(lead) == "Samma text"
    assert history(lead)[-1] == ("merge-same", "Samma text")


def _note_conflict_label(tmp_path, capsys, body: str) -> str:
    lead, bea = tmp_path / "lead.kompass", tmp_path / "bea.kompass"
    EvaluationSession.create(
        lead, NewEvaluation(resources.framework("2019"), "Delby", 2025), author="Lead"
    ).close()
    with EvaluationSession.open(lead, author="Lead") as s:
        note_id = s.notes.add(body, SUB).id
    shutil.copy(lead, bea)
    with EvaluationSession.open(lead, author="Lead") as s:
        s.notes.update(note_id, page="3")
    with EvaluationSession.open(bea, author="Bea") as s:
        s.notes.update(note_id, page="4")
    code, out = merge(capsys, lead, bea, "--dry-run")
    assert code == 0
    (line,) = [ln for ln in out.splitlines() if ln.startswith("Konflikt:")]
    assert line.endswith(f" [id {note_id}]")  # the record id follows the label
    return line.removesuffix(f" [id {note_id}]")


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("x" * 40, "x" * 40),  # 40 characters are shown whole
        ("y" * 41, "y" * 39 + "…"),  # longer: 39 and an ellipsis
        ("Första  raden\noch   den andra", "Första raden och den andra"),  # blanks collapsed
    ],
)
def test_a_conflicting_note_is_named_by_the_start_of_its_text(tmp_path, capsys, body, shown):
    assert _note_conflict_label(tmp_path, capsys, body) == f"Konflikt: Anteckning ”{shown}”"
