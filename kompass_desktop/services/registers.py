"""The registers of the visit — interviews, documents, web observations — and the reference
data for the charts: earlier evaluations and the national-average reference.

Reached as ``session.registers``.  Every change is one transaction and is told to the listeners.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from ..domain.errors import KompassError, NotFound
from ..domain.messages import msg
from ..domain.model import Document, EarlierEvaluation, Interview, WebSource
from ..domain.reference import NationalAverage, national_to_file_dict
from ..domain.rules import AREA_MAX, plausible_year, valid_area_score
from ..domain.scoring import format_exact, parse_points, summarize
from ..storage import queries, repo
from ..storage.opening import open_evaluation_file
from . import municipality
from .change import Change, ChangeKind
from .context import SessionContext

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class Register(StrEnum):
    """The registers of the visit."""

    INTERVIEW = "interview"
    DOCUMENT = "document"
    WEB = "web"
    EARLIER = "earlier"

    @property
    def change_kind(self) -> ChangeKind:
        return ChangeKind(self.value)


Record = Interview | Document | WebSource | EarlierEvaluation
_R = TypeVar("_R", Interview, Document, WebSource, EarlierEvaluation)

#: The field a new record cannot do without, and what is said when it is missing.
_REQUIRED = {
    Register.INTERVIEW: ("group", msg("Ange intervjugrupp.")),
    Register.DOCUMENT: ("title", msg("Dokumentet måste ha en titel.")),
    Register.WEB: ("title", msg("Webbkällan måste ha en rubrik.")),
}


def _typed(cls: type[_R], record: Record) -> _R:
    assert isinstance(record, cls)
    return record


_SPECS: dict[Register, tuple[str, set[str], Callable[[dict[str, Any]], Record]]] = {
    Register.INTERVIEW: (
        "interviews",
        {"group", "title", "date", "start", "end", "roles", "names", "participants", "location"},
        repo.to_interview,
    ),
    Register.DOCUMENT: (
        "documents",
        {"title", "doc_type", "year", "decided_by", "body", "path", "url"},
        repo.to_document,
    ),
    Register.WEB: ("web_sources", {"title", "url", "seen", "kind"}, repo.to_web),
    Register.EARLIER: (
        "earlier_evaluations",
        {"year", "framework_id", "label", "area_scores"},
        repo.to_earlier,
    ),
}


def check_date(value: str, label: str) -> str:
    value = (value or "").strip()
    if value:
        try:
            if not _DATE.match(value):
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            raise KompassError(
                msg("{label}: ”{value}” är inget giltigt datum (ÅÅÅÅ-MM-DD).", label=label, value=value)
            ) from None
    return value


def _check_time(value: str, label: str) -> str:
    value = (value or "").strip().replace(".", ":")
    if re.match(r"^\d:\d\d$", value):
        value = "0" + value
    if value and not _TIME.match(value):
        raise KompassError(msg("{label}: ”{value}” är ingen tid (TT:MM).", label=label, value=value))
    return value


def optional_int(value: Any, label: str) -> int | None:
    """A whole number of at least 0, or None for nothing given; ``label`` names the field."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(value)  # int() would cut 12.7 to 12
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        raise KompassError(msg("{label}: ”{value}” är inte ett heltal.", label=label, value=value)) from None
    if number < 0:
        raise KompassError(msg("{label}: ”{value}” är negativt; ange 0 eller mer.", label=label, value=value))
    return number


def _clean(kind: Register, values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if kind == Register.INTERVIEW:
        if "group" in out:
            out["grp"] = str(out.pop("group")).strip()
            if not out["grp"]:
                raise KompassError(msg("Ange intervjugrupp."))
        if "date" in out:
            out["date"] = check_date(out["date"], msg("Datum"))
        for key in ("start", "end"):
            if key in out:
                out[key] = _check_time(out[key], msg("Starttid") if key == "start" else msg("Sluttid"))
        for key in ("roles", "names"):
            if key in out:
                out[key] = [str(x).strip() for x in out[key] if str(x).strip()]
        if "participants" in out:
            out["participants"] = optional_int(out["participants"], msg("Antal deltagare"))
    elif kind == Register.DOCUMENT:
        if "title" in out and not str(out["title"]).strip():
            raise KompassError(msg("Dokumentet måste ha en titel."))
        if "year" in out:
            out["year"] = optional_int(out["year"], msg("År"))
    elif kind == Register.WEB:
        if "title" in out and not str(out["title"]).strip():
            raise KompassError(msg("Webbkällan måste ha en rubrik."))
        if "seen" in out:
            out["seen"] = check_date(out["seen"], msg("Datum sett"))
    elif kind == Register.EARLIER:
        if "year" in out:
            year = optional_int(out["year"], msg("År"))
            if year is None or not plausible_year(year):
                raise KompassError(msg("Ange året för den tidigare utvärderingen."))
            out["year"] = year
        if "area_scores" in out:
            out["area_scores"] = _check_area_scores(out["area_scores"])
    return out


class Registers:
    def __init__(self, ctx: SessionContext) -> None:
        self._ctx = ctx

    # -- every register ---------------------------------------------------------------
    def records(self, register: Register, /) -> list[Record]:
        listing: dict[Register, Callable[[], Sequence[Record]]] = {
            Register.INTERVIEW: self.interviews,
            Register.DOCUMENT: self.documents,
            Register.WEB: self.web_sources,
            Register.EARLIER: self.earlier,
        }
        return [*listing[Register(register)]()]

    def add(self, register: Register, /, **values: Any) -> Record:
        """A new interview, document, web observation or earlier evaluation."""
        kind = Register(register)
        if kind == Register.EARLIER:
            unknown = set(values) - _SPECS[kind][1]
            if unknown:
                raise KompassError(msg("Okända fält: {unknown}.", unknown=", ".join(sorted(unknown))))
            return self.add_earlier(
                optional_int(values.get("year"), msg("År")) or 0,
                str(values.get("framework_id", "")),
                values.get("area_scores") or {},
                str(values.get("label", "")),
            )
        field, message = _REQUIRED[kind]
        if not str(values.get(field, "")).strip():
            raise KompassError(message)
        return self._insert(kind, values)

    def update(self, register: Register, record_id: str, /, **changes: Any) -> Change[Record]:
        kind = Register(register)
        ctx = self._ctx
        table, fields, convert = _SPECS[kind]
        unknown = set(changes) - fields
        if unknown:
            raise KompassError(msg("Okända fält: {unknown}.", unknown=", ".join(sorted(unknown))))
        old_row = ctx.file.get(table, record_id)
        if old_row is None:
            raise NotFound(msg("Posten finns inte (den kan ha tagits bort)."))
        clean = _clean(kind, dict(changes))
        with ctx.file.write():
            _, new_row = ctx.file.update(table, record_id, clean, author=ctx.author)
        return self._told(Change(kind.change_kind, (record_id,), old=convert(old_row), new=convert(new_row)))

    def delete(self, register: Register, record_id: str, /) -> Change[Record]:
        return self._set_deleted(Register(register), record_id, True)

    def restore(self, register: Register, record_id: str, /) -> Change[Record]:
        return self._set_deleted(Register(register), record_id, False)

    # -- one register each (typed) ----------------------------------------------------
    def interviews(self) -> list[Interview]:
        """The visit schedule, by date and time."""
        return queries.interviews(self._ctx.file)

    def documents(self) -> list[Document]:
        return queries.documents(self._ctx.file)

    def web_sources(self) -> list[WebSource]:
        return queries.web_sources(self._ctx.file)

    def earlier(self) -> list[EarlierEvaluation]:
        return queries.earlier_evaluations(self._ctx.file)

    def add_interview(self, **values: Any) -> Interview:
        return _typed(Interview, self.add(Register.INTERVIEW, **values))

    def add_document(self, **values: Any) -> Document:
        return _typed(Document, self.add(Register.DOCUMENT, **values))

    def add_web_source(self, **values: Any) -> WebSource:
        return _typed(WebSource, self.add(Register.WEB, **values))

    # -- reference data for the charts ------------------------------------------------
    def add_earlier(
        self, year: int, framework_id: str, area_scores: Mapping[Any, Any], label: str = ""
    ) -> EarlierEvaluation:
        """An earlier evaluation of the municipality: its score per area."""
        from ..resources import framework as load_framework

        fw = load_framework(framework_id)
        scores = _check_area_scores(area_scores)
        unknown = [k for k in scores if int(k) not in {a.number for a in fw.areas}]
        if unknown:
            raise KompassError(
                msg("{name} har inget område {unknown}.", name=fw.name, unknown=", ".join(unknown))
            )
        record = self._insert(
            Register.EARLIER, {"year": year, "framework_id": fw.id, "label": label, "area_scores": scores}
        )
        return _typed(EarlierEvaluation, record)

    def add_earlier_from_file(self, path: str | os.PathLike[str]) -> EarlierEvaluation:
        """Read the per-area scores of an earlier evaluation from its .kompass file."""
        with open_evaluation_file(Path(path), readonly=True) as other:
            if other.evaluation_id == self._ctx.evaluation_id:
                raise KompassError(msg("Det är samma utvärdering som den som är öppen."))
            info, framework = repo.load_info(other), repo.load_framework(other)
            summary, fw_id = summarize(framework, repo.load_scores(other)), framework.id
        scores = {a.number: a.achieved for a in summary.areas if a.achieved is not None}
        if not scores:
            raise KompassError(msg("{name} har inga poäng att jämföra med.", name=Path(path).name))
        year = info.year or (int(info.start_date[:4]) if info.start_date[:4].isdigit() else None)
        if year is None:
            raise KompassError(msg("{name} saknar år för utvärderingen.", name=Path(path).name))
        return self.add_earlier(year, fw_id, scores, f"{municipality.names(info).short} {year}")

    def national_average(self) -> NationalAverage | None:
        """The national-average reference stored in this evaluation (None: use the bundled one)."""
        return repo.load_national(self._ctx.file)

    def set_national_average_from_file(self, path: str | os.PathLike[str]) -> Change[NationalAverage]:
        from ..resources import load_national_averages

        ctx = self._ctx
        table = load_national_averages(Path(path))
        avg = table.get(ctx.framework.id)
        if avg is None:
            versions = ", ".join(sorted(table)) or "inga"
            raise KompassError(
                msg(
                    "{name} har inget medelvärde för {name2} (filen innehåller: {versions}).",
                    name=Path(path).name,
                    name2=ctx.framework.name,
                    versions=versions,
                )
            )
        with ctx.file.write():
            ctx.file.set_meta(repo.NATIONAL_META, json.dumps(national_to_file_dict(avg), ensure_ascii=False))
        change: Change[NationalAverage] = Change(ChangeKind.EARLIER, new=avg)
        ctx.emit(change)
        return change

    def clear_national_average(self) -> Change[NationalAverage]:
        with self._ctx.file.write():
            self._ctx.file.set_meta(repo.NATIONAL_META, "")
        change: Change[NationalAverage] = Change(ChangeKind.EARLIER)
        self._ctx.emit(change)
        return change

    # -- shared ----------------------------------------------------------------------
    def _insert(self, kind: Register, values: Mapping[str, Any]) -> Record:
        ctx = self._ctx
        table, fields, convert = _SPECS[kind]
        unknown = set(values) - fields
        if unknown:
            raise KompassError(msg("Okända fält: {unknown}.", unknown=", ".join(sorted(unknown))))
        clean = _clean(kind, dict(values))
        with ctx.file.write():
            row = ctx.file.insert(table, clean, author=ctx.author)
        record = convert(row)
        ctx.emit(Change(kind.change_kind, (record.id,), new=record))
        return record

    def _set_deleted(self, kind: Register, record_id: str, deleted: bool) -> Change[Record]:
        ctx = self._ctx
        table, _fields, convert = _SPECS[kind]
        if ctx.file.get(table, record_id, include_deleted=True) is None:
            raise NotFound(msg("Posten finns inte."))
        with ctx.file.write():
            old_row, new_row = ctx.file.set_deleted(table, record_id, deleted, author=ctx.author)
        return self._told(Change(kind.change_kind, (record_id,), old=convert(old_row), new=convert(new_row)))

    def _told(self, change: Change[Record]) -> Change[Record]:
        self._ctx.emit(change)
        return change


def _check_area_scores(values: Mapping[Any, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        number = parse_points(value)
        if not valid_area_score(number):
            raise KompassError(
                msg(
                    "Område {key}: {value} ligger utanför 0–{AREA_MAX}.",
                    key=key,
                    value=value,
                    AREA_MAX=format_exact(AREA_MAX),
                )
            )
        out[str(int(key))] = str(number)
    return out
