"""Records from another copy go through the session: checked, backed up, one transaction, told."""

from __future__ import annotations

import pytest

from kompass_desktop.services import ChangeKind, files
from kompass_desktop.services.session import StaleCopy


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
