"""The bundled demo evaluation: complete, consistent, and worth reading."""

from __future__ import annotations

import collections
import hashlib

from kompass_desktop.demo import cached_demo, fresh_demo_copy
from kompass_desktop.domain.checks import Severity
from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import SourceKind, TextScope
from kompass_desktop.services import EvaluationSession


def test_demo_is_complete_and_valid(demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        assert s.validate() == []
        snap = s.snapshot()
        summary = s.summary()
        assert summary.complete and str(summary.total) == "517.5"
        assert snap.info.municipality == "Lindsjö kommun" and snap.info.unlisted
        assert snap.framework.id == "2019"
        assert len(snap.interviews) == 10 and 35 <= sum(i.participants or 0 for i in snap.interviews) <= 45
        assert len({i.group for i in snap.interviews}) >= 7
        assert len(snap.documents) == 25 and len(snap.web_sources) == 8
        assert 140 <= len(snap.notes) <= 170
        kinds = collections.Counter(n.source_kind for n in snap.notes)
        assert (
            kinds[SourceKind.INTERVIEW] > 60
            and kinds[SourceKind.DOCUMENT] > 30
            and kinds[SourceKind.WEB] > 10
        )
        for area in snap.framework.areas:
            for kind in (FindingKind.STRENGTH, FindingKind.IMPROVEMENT):
                assert 3 <= len(snap.findings_for(area.number, kind)) <= 6
            for sub in area.subareas:
                assert len(snap.text(TextScope.SUBAREA, sub.number)) > 500
                assert snap.notes_for(sub.number)
        assert snap.text(TextScope.SUMMARY_OVERALL) and snap.text(TextScope.SUMMARY_STRONGER)
        assert len(snap.earlier) == 1 and snap.earlier[0].framework_id == "2016"
        assert [i for i in s.open_items() if i.severity == Severity.REQUIRED] == []
        linked = [f for f in snap.findings if f.note_ids]
        assert len(linked) > 40


def test_demo_mentions_no_real_municipality_from_the_seeds(demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        snap = s.snapshot()
    text = " ".join(
        [n.body for n in snap.notes] + [t.body for t in snap.texts] + [f.body for f in snap.findings]
    )
    for name in ("Vetlanda", "Nässjö", "Vallentuna", "Östersund"):
        assert name not in text


def test_fresh_copies_never_touch_the_cached_original():
    original = cached_demo()
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    copy = fresh_demo_copy()
    with EvaluationSession.open(copy) as s:
        s.scores.set("1.1", 0)
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before
    assert cached_demo() == original
    second = fresh_demo_copy()
    assert second != copy
    with EvaluationSession.open(second, readonly=True) as s:
        assert str(s.scores.all()["1.1"]) == "13"
