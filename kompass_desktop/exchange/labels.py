"""How a record and its fields are named to the evaluator when two copies disagree: the
conflicts of ``kompass merge`` and of the GUI's conflict table.

Swedish :class:`~kompass_desktop.domain.messages.Message` values (the GUI translates them),
never a table's or a column's internal name: a field without a Swedish word here is a bug
(``tests/core/test_exchange_merge.py`` checks every exported field).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from ..domain.field_words import field_label as field_label
from ..domain.framework import FindingKind
from ..domain.language import shortened
from ..domain.messages import Message, msg
from ..domain.model import INTERVIEW_GROUP_LABELS, InterviewGroup, SourceKind, TextScope

#: A text record by its scope (``ref``: the area or sub-area).
_TEXTS: dict[str, Callable[[str], Message]] = {
    TextScope.SUBAREA: lambda ref: msg("Text för delfråga {ref}", ref=ref),
    TextScope.AREA: lambda ref: msg("Text för område {ref}", ref=ref),
    TextScope.AREA_INTRO: lambda ref: msg("Texten ”Allmänt” för område {ref}", ref=ref),
    TextScope.SUMMARY_OVERALL: lambda ref: msg("Texten ”Sammanfattande kommentarer”"),
    TextScope.SUMMARY_STRONGER: lambda ref: msg("Texten ”Starkare områden”"),
    TextScope.SUMMARY_WEAKER: lambda ref: msg("Texten ”Svagare områden”"),
    TextScope.COMPARISONS: lambda ref: msg("Texten ”Jämförelser”"),
}

_RECORDS: dict[str, Callable[[Mapping[str, Any]], Message]] = {
    "evaluation": lambda r: msg("Utvärderingens uppgifter"),
    "scores": lambda r: msg("Överenskommen poäng för delfråga {sub}", sub=r["subarea"]),
    "independent_scores": lambda r: msg(
        "Egen poäng för delfråga {sub} ({evaluator})", sub=r["subarea"], evaluator=r["evaluator"]
    ),
    "texts": lambda r: _text(r["scope"], r["ref"]),
    "notes": lambda r: msg("Anteckning ”{text}”", text=_short(r["body"])),
    "findings": lambda r: msg("Iakttagelse i område {area} ”{text}”", area=r["area"], text=_short(r["body"])),
    "finding_notes": lambda r: msg("Koppling mellan iakttagelse och anteckning"),
    "interviews": lambda r: msg("Intervju ”{text}”", text=_short(r["title"] or _group(r["grp"]))),
    "documents": lambda r: msg("Dokument ”{text}”", text=_short(r["title"])),
    "web_sources": lambda r: msg("Webbkälla ”{text}”", text=_short(r["title"])),
    "earlier_evaluations": lambda r: msg("Tidigare utvärdering {year}", year=r["year"]),
}

_FLAGS = frozenset({"deleted", "unlisted"})
_FINDING_KINDS = frozenset(k.value for k in FindingKind)
_SOURCES: dict[str, Message] = {
    SourceKind.NONE: msg("ingen"),
    SourceKind.INTERVIEW: msg("intervju"),
    SourceKind.DOCUMENT: msg("dokument"),
    SourceKind.WEB: msg("webbkälla"),
}


def _short(text: str) -> str:
    return shortened(str(text), 40)


def _text(scope: str, ref: str) -> Message:
    named = _TEXTS.get(scope)
    return named(ref) if named else msg("Text ”{scope}” {ref}", scope=scope, ref=ref)


def _group(group: str) -> str:
    try:
        return INTERVIEW_GROUP_LABELS[InterviewGroup(group)]
    except ValueError:  # a group of one's own, as written
        return group


def record_label(table: str, row: Mapping[str, Any]) -> Message:
    """ "Text för delfråga 1.1", "Anteckning ”Målen följs upp…”": which record a conflict is about."""
    return _RECORDS[table](row)


def field_value(table: str, name: str, value: Any) -> str:
    """A field's value as the evaluator reads it: "–" when empty, "ja"/"nej" for a flag,
    a decimal comma in points, a group's, kind's or source's Swedish name, lists as text."""
    if name in _FLAGS:
        return msg("ja") if value else msg("nej")
    if value is None or value == "" or value == []:
        return "–"
    if name == "points":
        return str(value).replace(".", ",")
    if name == "grp":
        return _group(str(value))
    if name == "source_kind" and value in _SOURCES:
        return _SOURCES[value]
    if table == "findings" and name == "kind" and value in _FINDING_KINDS:
        return FindingKind(value).label_sv
    if isinstance(value, list):
        return ", ".join(": ".join(map(str, v)) if isinstance(v, list) else str(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
