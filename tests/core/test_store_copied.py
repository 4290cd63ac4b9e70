"""Records from another copy go through the session: checked, backed up, one transaction, told."""

from __future__ import annotations

import pytest

from kompass_desktop.services import ChangeKind, files
from kompass_desktop.services.session import StaleCopy
from kompass_desktop.storage.rows import keyed_id


def test_records_from_another_copy_are_stored_after_a_backup_and_told(session):
    note = session.notes.add("Från kollegan", "1.1")
    row = dict(session.file.get("notes", note.id))
    copied = {**row, "body": "Från kollegan, ändrad", "rev": "rev-från-kollegan"}
    seen = []
    session.listeners.append(seen.append)
    backup = session.store_copied([("notes", copied, None)], {note.id: ("notes", row["rev"])})
    assert session.notes.get(note.id).body == "Från kollegan, ändrad"
    assert [b.path for b in files.list_backups(session.path)] == [backup]
    assert [c.kind for c in seen] == [ChangeKind.BULK] and seen[0].ids == (note.id,)
    assert [h["reason"] for h in session.file.history(note.id)][-1] == "merge"


def test_a_stale_copy_is_refused_before_anything_is_written(session):
    note = session.notes.add("Först", "1.1")
    row = dict(session.file.get("notes", note.id))
    session.notes.update(note.id, body="Ändrad här under tiden")
    copied = {**row, "body": "Kollegans version", "rev": "rev-2"}
    with pytest.raises(StaleCopy, match="har ändrats"):
        session.store_copied([("notes", copied, None)], {note.id: ("notes", row["rev"])})
    assert session.notes.get(note.id).body == "Ändrad här under tiden"
    assert files.list_backups(session.path) == []


def test_links_from_another_copy_keep_the_order_in_which_they_were_made(session):
    """A note linked in the colleague's copy before ours was linked here is stored later, but
    the finding lists its notes in the order they were linked, also after reopening."""
    finding = session.findings.add(1, "strength", "Tydlig styrning")
    ours, theirs = session.notes.add("Vår", "1.1"), session.notes.add("Kollegans", "1.1")
    session.findings.link_note(finding.id, ours.id)
    mine = dict(
        session.file.get("finding_notes", keyed_id(session.evaluation_id, f"link:{finding.id}:{ours.id}"))
    )
    earlier = "2000-01-01T00:00:00+00:00"
    assert earlier < mine["created"]
    copied = {
        **mine,
        "id": f"{mine['id']}-kollega",
        "note_id": theirs.id,
        "created": earlier,
        "modified": earlier,
        "rev": "rev-kollega",
    }
    session.store_copied([("finding_notes", copied, None)], {})
    assert session.findings.get(finding.id).note_ids == (theirs.id, ours.id)
    path = session.path
    session.close()
    from kompass_desktop.services import EvaluationSession

    with EvaluationSession.open(path, readonly=True) as reopened:
        assert reopened.findings.get(finding.id).note_ids == (theirs.id, ours.id)
