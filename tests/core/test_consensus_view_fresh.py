"""The consensus view is read once per version of the file (every page asks after every edit),
so it must follow every change: this session's own, an undo, and another writer's."""

from __future__ import annotations

from decimal import Decimal

from kompass_desktop import resources
from kompass_desktop.services import EvaluationSession, NewEvaluation


def make(tmp_path):
    path = tmp_path / "e.kompass"
    spec = NewEvaluation(resources.framework("2019"), "Delby", 2025, evaluators=("anna", "bo"))
    EvaluationSession.create(path, spec, author="anna").close()
    return path


def test_the_view_follows_this_sessions_own_edits(tmp_path):
    with EvaluationSession.open(make(tmp_path), author="anna") as s:
        assert s.consensus.view().get("1.1").points == {}
        s.scores.set_many({"1.1": 12})
        assert s.consensus.view().get("1.1").points == {"anna": Decimal(12)}
        s.consensus.score("1.1", 14)
        assert s.consensus.view().get("1.1").points == {"anna": Decimal(14)}
        s.consensus.score("1.1", None)
        assert s.consensus.view().get("1.1").points == {}


def test_a_reader_sees_what_another_writer_stored_since(tmp_path):
    path = make(tmp_path)
    with EvaluationSession.open(path, author="anna") as writer:
        writer.scores.set_many({"1.1": 12})
        with EvaluationSession.open(path, readonly=True, author="bo") as reader:
            assert reader.consensus.view().get("1.1").points == {"anna": Decimal(12)}
            writer.consensus.score("1.1", 15)
            assert reader.consensus.view().get("1.1").points == {"anna": Decimal(15)}
