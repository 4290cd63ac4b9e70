"""Registers of the visit: interviews, documents, web observations, earlier evaluations."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from ..domain.errors import KompassError, NotFound
from ..domain.framework import Framework
from ..domain.model import Document, EarlierEvaluation, Interview, WebSource
from ..domain.rules import AREA_MAX, plausible_year, valid_area_score
from ..domain.scoring import format_exact, parse_points
from ..storage import queries, repo
from ..storage.db import EvaluationFile
from .change import Change, ChangeKind

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
    Register.INTERVIEW: ("group", "Ange intervjugrupp."),
    Register.DOCUMENT: ("title", "Dokumentet måste ha en titel."),
    Register.WEB: ("title", "Webbkällan måste ha en rubrik."),
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
            raise KompassError(f"{label}: ”{value}” är inget giltigt datum (ÅÅÅÅ-MM-DD).") from None
    return value


def _check_time(value: str, label: str) -> str:
    value = (value or "").strip().replace(".", ":")
    if re.match(r"^\d:\d\d$", value):
        value = "0" + value
    if value and not _TIME.match(value):
        raise KompassError(f"{label}: ”{value}” är ingen tid (TT:MM).")
    return value


def _opt_int(value: Any, label: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise KompassError(f"{label}: ”{value}” är inte ett heltal.") from None
    if number < 0:
        raise KompassError(f"{label} kan inte vara negativt.")
    return number


class RegistersMixin:
    file: EvaluationFile
    author: str
    framework: Framework
    _emit: Callable[[Change], Change]

    # -- validation per register -----------------------------------------------------
    def _clean(self, kind: Register, values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        if kind == Register.INTERVIEW:
            if "group" in out:
                out["grp"] = str(out.pop("group")).strip()
                if not out["grp"]:
                    raise KompassError("Ange intervjugrupp.")
            if "date" in out:
                out["date"] = check_date(out["date"], "Datum")
            for key in ("start", "end"):
                if key in out:
                    out[key] = _check_time(out[key], "Starttid" if key == "start" else "Sluttid")
            for key in ("roles", "names"):
                if key in out:
                    out[key] = [str(x).strip() for x in out[key] if str(x).strip()]
            if "participants" in out:
                out["participants"] = _opt_int(out["participants"], "Antal deltagare")
        elif kind == Register.DOCUMENT:
            if "title" in out and not str(out["title"]).strip():
                raise KompassError("Dokumentet måste ha en titel.")
            if "year" in out:
                out["year"] = _opt_int(out["year"], "År")
        elif kind == Register.WEB:
            if "title" in out and not str(out["title"]).strip():
                raise KompassError("Webbkällan måste ha en rubrik.")
            if "seen" in out:
                out["seen"] = check_date(out["seen"], "Datum sett")
        elif kind == Register.EARLIER:
            if "year" in out:
                year = _opt_int(out["year"], "År")
                if year is None or not plausible_year(year):
                    raise KompassError("Ange året för den tidigare utvärderingen.")
                out["year"] = year
            if "area_scores" in out:
                out["area_scores"] = _check_area_scores(out["area_scores"])
        return out

    # -- every register ---------------------------------------------------------------
    def add_record(self, register: Register, /, **values: Any) -> Record:
        """A new interview, document, web observation or earlier evaluation."""
        kind = Register(register)
        if kind == Register.EARLIER:
            unknown = set(values) - _SPECS[kind][1]
            if unknown:
                raise KompassError(f"Okända fält: {', '.join(sorted(unknown))}.")
            return self.add_earlier_evaluation(
                _opt_int(values.get("year"), "År") or 0,
                str(values.get("framework_id", "")),
                values.get("area_scores") or {},
                str(values.get("label", "")),
            )
        field, message = _REQUIRED[kind]
        if not str(values.get(field, "")).strip():
            raise KompassError(message)
        return self._add(kind, values)

    def records(self, register: Register, /) -> list[Record]:
        listing: dict[Register, Callable[[], Sequence[Record]]] = {
            Register.INTERVIEW: self.interviews,
            Register.DOCUMENT: self.documents,
            Register.WEB: self.web_sources,
            Register.EARLIER: self.earlier_evaluations,
        }
        return list(listing[Register(register)]())

    def update_record(self, register: Register, record_id: str, /, **changes: Any) -> Change:
        return self._update(Register(register), record_id, changes)

    def delete_record(self, register: Register, record_id: str, /) -> Change:
        return self._set_deleted(Register(register), record_id, True)

    def restore_record(self, register: Register, record_id: str, /) -> Change:
        return self._set_deleted(Register(register), record_id, False)

    def _add(self, kind: Register, values: Mapping[str, Any]) -> Record:
        table, fields, convert = _SPECS[kind]
        unknown = set(values) - fields
        if unknown:
            raise KompassError(f"Okända fält: {', '.join(sorted(unknown))}.")
        clean = self._clean(kind, dict(values))
        with self.file.write():
            row = self.file.insert(table, clean, author=self.author)
        record = convert(row)
        self._emit(Change(kind.change_kind, (record.id,), new=record))
        return record

    def _update(self, kind: Register, record_id: str, changes: Mapping[str, Any]) -> Change:
        table, fields, convert = _SPECS[kind]
        unknown = set(changes) - fields
        if unknown:
            raise KompassError(f"Okända fält: {', '.join(sorted(unknown))}.")
        old_row = self.file.get(table, record_id)
        if old_row is None:
            raise NotFound("Posten finns inte (den kan ha tagits bort).")
        clean = self._clean(kind, dict(changes))
        with self.file.write():
            _, new_row = self.file.update(table, record_id, clean, author=self.author)
        return self._emit(Change(kind.change_kind, (record_id,), old=convert(old_row), new=convert(new_row)))

    def _set_deleted(self, kind: Register, record_id: str, deleted: bool) -> Change:
        table, _fields, convert = _SPECS[kind]
        if self.file.get(table, record_id, include_deleted=True) is None:
            raise NotFound("Posten finns inte.")
        with self.file.write():
            old_row, new_row = self.file.set_deleted(table, record_id, deleted, author=self.author)
        return self._emit(Change(kind.change_kind, (record_id,), old=convert(old_row), new=convert(new_row)))

    # -- interviews -----------------------------------------------------------------
    def interviews(self) -> list[Interview]:
        return queries.interviews(self.file)

    def add_interview(self, **values: Any) -> Interview:
        return _typed(Interview, self.add_record(Register.INTERVIEW, **values))

    def update_interview(self, interview_id: str, **changes: Any) -> Change:
        return self._update(Register.INTERVIEW, interview_id, changes)

    def delete_interview(self, interview_id: str) -> Change:
        return self._set_deleted(Register.INTERVIEW, interview_id, True)

    def restore_interview(self, interview_id: str) -> Change:
        return self._set_deleted(Register.INTERVIEW, interview_id, False)

    # -- documents ------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return queries.documents(self.file)

    def add_document(self, **values: Any) -> Document:
        return _typed(Document, self.add_record(Register.DOCUMENT, **values))

    def update_document(self, document_id: str, **changes: Any) -> Change:
        return self._update(Register.DOCUMENT, document_id, changes)

    def delete_document(self, document_id: str) -> Change:
        return self._set_deleted(Register.DOCUMENT, document_id, True)

    def restore_document(self, document_id: str) -> Change:
        return self._set_deleted(Register.DOCUMENT, document_id, False)

    # -- web observations -----------------------------------------------------------
    def web_sources(self) -> list[WebSource]:
        return queries.web_sources(self.file)

    def add_web_source(self, **values: Any) -> WebSource:
        return _typed(WebSource, self.add_record(Register.WEB, **values))

    def update_web_source(self, web_id: str, **changes: Any) -> Change:
        return self._update(Register.WEB, web_id, changes)

    def delete_web_source(self, web_id: str) -> Change:
        return self._set_deleted(Register.WEB, web_id, True)

    def restore_web_source(self, web_id: str) -> Change:
        return self._set_deleted(Register.WEB, web_id, False)

    # -- earlier evaluations ---------------------------------------------------------
    def earlier_evaluations(self) -> list[EarlierEvaluation]:
        return queries.earlier_evaluations(self.file)

    def add_earlier_evaluation(
        self, year: int, framework_id: str, area_scores: Mapping[Any, Any], label: str = ""
    ) -> EarlierEvaluation:
        from ..resources import framework as load_framework

        fw = load_framework(framework_id)
        scores = _check_area_scores(area_scores)
        unknown = [k for k in scores if int(k) not in {a.number for a in fw.areas}]
        if unknown:
            raise KompassError(f"{fw.name} har inget område {', '.join(unknown)}.")
        record = self._add(
            Register.EARLIER, {"year": year, "framework_id": fw.id, "label": label, "area_scores": scores}
        )
        return _typed(EarlierEvaluation, record)

    def update_earlier_evaluation(self, earlier_id: str, **changes: Any) -> Change:
        return self._update(Register.EARLIER, earlier_id, changes)

    def delete_earlier_evaluation(self, earlier_id: str) -> Change:
        return self._set_deleted(Register.EARLIER, earlier_id, True)

    def restore_earlier_evaluation(self, earlier_id: str) -> Change:
        return self._set_deleted(Register.EARLIER, earlier_id, False)


def _check_area_scores(values: Mapping[Any, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        number = parse_points(value)
        if not valid_area_score(number):
            raise KompassError(f"Område {key}: {value} ligger utanför 0–{format_exact(AREA_MAX)}.")
        out[str(int(key))] = str(number)
    return out
