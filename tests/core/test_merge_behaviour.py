"""What the merged file contains when one side went back to an earlier text.

The lead and a co-evaluator share a history: the text of sub-area 1.1 was "Grundtext", then
"Andra versionen" before the co-evaluator copied the file.  Whether a later change is one-sided
or a conflict is decided against the *newest* version both files know; compared with an older
one, a revert looks like "no change" and the other side silently wins (or is silently dropped).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_exchange_support import file_state

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.domain.model import TextScope
from kompass_desktop.exchange.errors import MergeRefused
from kompass_desktop.exchange.labels import record_label
from kompass_desktop.exchange.merge import apply_merge, plan_merge
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.services.registers import Register
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


def test_every_kind_of_record_is_named_in_a_conflict(tmp_path):
    """Both copies change one record of each kind differently: the conflicts name each record
    in the evaluator's words (the lead edits its own score in both copies, on two machines)."""
    lead, bea = tmp_path / "lead.kompass", tmp_path / "bea.kompass"
    with EvaluationSession.create(
        lead, NewEvaluation(resources.framework("2019"), "Delby", 2025), author="Lead"
    ) as s:
        s.consensus.score("1.2", 5)
        finding = s.findings.add(2, "strength", "Tydliga mål för hela kommunen").id
        interview = s.registers.add_interview(group="fack", participants=2).id
        document = s.registers.add_document(title="Budget 2025").id
        web = s.registers.add_web_source(title="Kommunens webbplats").id
        earlier = s.registers.add_earlier(2021, "2019", {1: 50}).id
    shutil.copy(lead, bea)
    for path, author, n in ((lead, "Lead", 1), (bea, "Bea", 2)):
        with EvaluationSession.open(path, author=author) as s:
            s.update_info(inhabitants=1000 * n)
            s.set_author("Lead")
            s.consensus.score("1.2", 5 + n)
            s.findings.update(finding, body=f"Tydliga mål, version {n}")
            s.registers.update(Register.INTERVIEW, interview, participants=2 + n)
            s.registers.update(Register.DOCUMENT, document, year=2020 + n)
            s.registers.update(Register.WEB, web, url=f"https://delby.se/{n}")
            s.registers.update(Register.EARLIER, earlier, label=f"Version {n}")
    with EvaluationSession.open(lead, readonly=True) as s:
        labels = sorted(c.label for c in plan_merge(s, bea).conflicts)
    assert labels == [
        "Dokument ”Budget 2025”",
        "Egen poäng för delfråga 1.2 (Lead)",
        "Iakttagelse i område 2 ”Tydliga mål, version 1”",
        "Intervju ”Fackliga representanter”",  # no title: named by its group
        "Tidigare utvärdering 2021",
        "Utvärderingens uppgifter",
        "Webbkälla ”Kommunens webbplats”",
    ]


def test_a_link_between_a_finding_and_a_note_is_named(tmp_path):
    """A link has nothing but its two ends to change: no conflict of two copies can name it,
    the labelling function still does."""
    path = tmp_path / "lead.kompass"
    with EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Delby", 2025)) as s:
        note = s.notes.add("Målen följs upp", SUB).id
        s.findings.add(1, "strength", "Tydliga mål", note_ids=[note])
        (link,) = s.file.rows("finding_notes")
    assert record_label("finding_notes", link) == "Koppling mellan iakttagelse och anteckning"


def test_a_text_of_a_place_this_version_does_not_know_is_named_as_stored():
    """Such a text never reaches a merge (the checks of a copy refuse it before)."""
    text = {"scope": "appendix", "ref": "2", "body": "Bilaga"}  # a place of a later version
    assert record_label("texts", text) == "Text ”appendix” 2"


# -- what cannot be merged -----------------------------------------------------------------------


def refusal(lead: Path, other: Path) -> str:
    """Planning to merge ``other`` into ``lead``: refused, the lead unchanged; the refusal."""
    before = file_state(lead)
    with EvaluationSession.open(lead, author="Lead") as s, pytest.raises(MergeRefused) as refused:
        plan_merge(s, other)
    assert file_state(lead) == before and backup.list_backups(lead) == []
    return str(refused.value)


def test_a_copy_that_does_not_exist_is_named(shared):
    lead, bea = shared
    bea.unlink()
    assert refusal(lead, bea) == f"Filen {bea} finns inte."


def test_a_copy_that_cannot_be_read_is_named(shared):
    lead, bea = shared
    bea.unlink()
    bea.mkdir()
    assert refusal(lead, bea) == f"{bea} kan inte läsas: det är en mapp, inte en fil."


def test_the_lead_under_another_name_is_refused(shared, tmp_path):
    lead, _bea = shared
    alias = tmp_path / "alias.kompass"
    os.link(lead, alias)  # the same file by a second name
    assert refusal(lead, alias) == "alias.kompass är samma fil som huvudfilen."


def test_a_plan_for_another_lead_is_refused(shared, tmp_path):
    lead, bea = shared
    write(bea, "Bea", "Beas text")
    other_lead = tmp_path / "other-lead.kompass"
    shutil.copy(lead, other_lead)
    with EvaluationSession.open(other_lead, author="Lead") as s:
        plan = plan_merge(s, bea)
    with EvaluationSession.open(lead, author="Lead") as s, pytest.raises(MergeRefused) as refused:
        apply_merge(s, plan)
    assert str(refused.value) == "Planen gäller en annan huvudfil."
    assert text_of(lead) == "Andra versionen" and backup.list_backups(lead) == []
