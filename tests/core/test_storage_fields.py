"""Every field of every kind of record is read back from the file as it was written.

The values are the ones given (not the ones read back the first time, which would pass a reader
that loses a field both times), and a check over the model's fields makes sure that every field
of every kind has been given a value other than its default: a field added to the model without
being stored fails here until it is."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from kompass_desktop.domain.consensus import AgreedScore, IndependentScore
from kompass_desktop.domain.meta import Meta
from kompass_desktop.domain.model import (
    Document,
    EarlierEvaluation,
    EvaluationInfo,
    Finding,
    Interview,
    Note,
    Text,
    TextScope,
    WebSource,
)
from kompass_desktop.services import EvaluationSession, NewEvaluation

AUTHOR = "Anna Berg"
MOMENT = "2025-10-14T08:41:07.123Z"
FICTIONAL = {"municipality": "Övningskommunen", "municipality_code": "", "unlisted": True}
META = {f.name for f in dataclasses.fields(Meta)}


def _default(f: dataclasses.Field[Any]) -> object:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _given(cls: type, *values: dict[str, Any]) -> None:
    """Every field of ``cls`` (but the record's id and times) gets a value other than its default
    in at least one of ``values``."""
    missing = [
        f.name
        for f in dataclasses.fields(cls)
        if f.name not in META and not any(f.name in v and v[f.name] != _default(f) for v in values)
    ]
    assert missing == [], f"{cls.__name__}: no value other than the default for {missing}"


def _fields(record: object, values: dict[str, Any]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in values}


@pytest.fixture
def written(tmp_path, fw2019):
    """A file with every kind of record, every field given; returns (path, what was given)."""
    path = tmp_path / "alla-fält.kompass"
    info = {
        "framework_id": "2019",
        "municipality": "Olofströms kommun",
        "municipality_code": "1060",
        "kommungrupp": "B5",
        "inhabitants": 13000,
        "inhabitants_note": "31 december 2024",
        "employees": 1100,
        "employees_note": "tillsvidareanställda",
        "governing_parties": "S, C och L",
        "facts": (("Yta", "120 km²"),),
        "evaluation_number": 2,
        "start_date": "2025-10-14",
        "end_date": "2025-10-16",
        "year": 2025,
        "evaluators": ("Anna Berg", "Bo Ek"),
    }
    interview = {
        "group": "ledning",
        "title": "Kommundirektör och ledningsgrupp",
        "date": "2025-10-14",
        "start": "09:00",
        "end": "10:30",
        "roles": ("Kommundirektör", "Ekonomichef"),
        "names": ("Eva Lund", "Per Holm"),
        "participants": 2,
        "location": "KS-salen",
    }
    document = {
        "title": "Översiktsplan 2030",
        "doc_type": "Plan",
        "year": 2024,
        "decided_by": "Kommunfullmäktige",
        "body": "Mål för bostäder.",
        "path": "dokument/op2030.pdf",
        "url": "https://olofstrom.se/op.pdf",
    }
    web = {
        "title": "Kommunens Facebook",
        "url": "https://facebook.com/x",
        "seen": "2025-09-01",
        "kind": "sociala medier",
    }
    with EvaluationSession.create(
        path,
        NewEvaluation(fw2019, "Olofströms kommun", 2025, municipality_code="1060"),
        author=AUTHOR,
        clock=lambda: MOMENT,
    ) as s:
        s.update_info(**{k: v for k, v in info.items() if k not in {"framework_id", "municipality"}})
        iv = s.registers.add_interview(**interview)
        doc = s.registers.add_document(**document)
        site = s.registers.add_web_source(**web)
        notes = [
            {
                "body": "Ledningen följer upp målen.",
                "subarea": "1.1",
                "source_kind": "interview",
                "interview_id": iv.id,
                "captured_at": "2025-10-14T09:12:00.000Z",
            },
            {
                "body": "Planen saknar mått.",
                "subarea": "1.2",
                "source_kind": "document",
                "document_id": doc.id,
                "page": "12",
            },
            {"body": "Svarar på frågor.", "source_kind": "web", "web_id": site.id},
        ]
        made = [s.notes.add(**n) for n in notes]
        finding = {
            "area": 1,
            "kind": "strength",
            "body": "Tydlig målstyrning.",
            "position": 2.5,
            "note_ids": (made[0].id,),
        }
        s.findings.add(
            finding["area"],
            finding["kind"],
            finding["body"],
            note_ids=finding["note_ids"],
            position=finding["position"],
        )
        text = {"scope": TextScope.SUBAREA, "ref": "1.1", "body": "Kommunen har en tydlig vision."}
        s.scores.set_text(text["scope"], text["ref"], text["body"])
        earlier = {
            "year": 2021,
            "framework_id": "2016",
            "label": "Förra utvärderingen",
            "area_scores": {1: Decimal("55"), 2: Decimal("61.5")},
        }
        s.registers.add_earlier(
            earlier["year"], earlier["framework_id"], earlier["area_scores"], earlier["label"]
        )
        own = {
            "subarea": "1.1",
            "evaluator": AUTHOR,
            "points": Decimal("15"),
            "rationale": "Målen följs upp varje månad.",
        }
        s.consensus.score(own["subarea"], own["points"], own["rationale"])
        agreed = {"subarea": "1.1", "points": Decimal("10"), "reason": "Uppföljningen når inte nämnderna."}
        s.consensus.agree(agreed["subarea"], agreed["points"], agreed["reason"])
    given = {
        EvaluationInfo: [info],
        Interview: [interview],
        Document: [document],
        WebSource: [web],
        Note: notes,
        Finding: [finding],
        Text: [text],
        EarlierEvaluation: [earlier],
        IndependentScore: [own],
        AgreedScore: [agreed],
    }
    return path, given


def test_every_field_of_every_kind_is_given_a_value(written):
    _path, given = written
    given[EvaluationInfo].append(FICTIONAL)  # a register code and "not in the register" exclude each other
    for cls, values in given.items():
        _given(cls, *values)


def test_every_field_of_every_kind_is_read_back_after_reopening(written):
    path, given = written
    with EvaluationSession.open(path, readonly=True) as again:
        snap = again.snapshot()
    subarea = snap.consensus.get("1.1") if snap.consensus else None
    assert subarea is not None and subarea.recorded is not None
    read: dict[type, list[Any]] = {
        EvaluationInfo: [snap.info],
        Interview: list(snap.interviews),
        Document: list(snap.documents),
        WebSource: list(snap.web_sources),
        Note: sorted(snap.notes, key=lambda n: [v["body"] for v in given[Note]].index(n.body)),
        Finding: list(snap.findings),
        Text: [t for t in snap.texts if t.scope == TextScope.SUBAREA],
        EarlierEvaluation: list(snap.earlier),
        IndependentScore: [s for s in subarea.independent if s.evaluator == AUTHOR],
        AgreedScore: [subarea.recorded],
    }
    for cls, values in given.items():
        assert [_fields(r, v) for r, v in zip(read[cls], values, strict=True)] == values, cls.__name__
        for record in read[cls]:  # who wrote it, and when (the file's clock)
            assert (record.author, record.created, record.modified) == (AUTHOR, MOMENT, MOMENT), cls.__name__


def test_a_fictional_municipality_is_read_back_as_not_in_the_register(tmp_path, fw2019):
    path = tmp_path / "övning.kompass"
    with EvaluationSession.create(path, NewEvaluation(fw2019, "Övningskommunen", 2025)) as s:
        s.update_info(**FICTIONAL)
    with EvaluationSession.open(path, readonly=True) as again:
        assert _fields(again.info(), FICTIONAL) == FICTIONAL
