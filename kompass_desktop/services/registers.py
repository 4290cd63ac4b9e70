"""Registers of the visit: interviews, documents, web observations, earlier evaluations."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from ..domain.errors import KompassError, NotFound
from ..domain.framework import Framework
from ..domain.model import Document, EarlierEvaluation, Interview, WebSource
from ..domain.scoring import parse_points
from ..storage import repo
from ..storage.db import EvaluationFile
from .change import Change

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

_SPECS: dict[str, tuple[str, set[str], Callable[[dict[str, Any]], Any]]] = {
    "interview": (
        "interviews",
        {"group", "title", "date", "start", "end", "roles", "names", "participants", "location"},
        repo.to_interview,
    ),
    "document": (
        "documents",
        {"title", "doc_type", "year", "decided_by", "body", "path", "url"},
        repo.to_document,
    ),
    "web": ("web_sources", {"title", "url", "seen", "kind"}, repo.to_web),
    "earlier": ("earlier_evaluations", {"year", "framework_id", "label", "area_scores"}, repo.to_earlier),
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
    def _clean(self, kind: str, values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        if kind == "interview":
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
        elif kind == "document":
            if "title" in out and not str(out["title"]).strip():
                raise KompassError("Dokumentet måste ha en titel.")
            if "year" in out:
                out["year"] = _opt_int(out["year"], "År")
        elif kind == "web":
            if "title" in out and not str(out["title"]).strip():
                raise KompassError("Webbkällan måste ha en rubrik.")
            if "seen" in out:
                out["seen"] = check_date(out["seen"], "Datum sett")
        elif kind == "earlier":
            if "year" in out:
                year = _opt_int(out["year"], "År")
                if year is None or not 1990 <= year <= 2100:
                    raise KompassError("Ange året för den tidigare utvärderingen.")
                out["year"] = year
            if "area_scores" in out:
                out["area_scores"] = _check_area_scores(out["area_scores"])
        return out

    # -- generic register operations -------------------------------------------------
    def _add(self, kind: str, values: Mapping[str, Any]) -> Any:
        table, fields, convert = _SPECS[kind]
        unknown = set(values) - fields
        if unknown:
            raise KompassError(f"Okända fält: {', '.join(sorted(unknown))}.")
        clean = self._clean(kind, dict(values))
        with self.file.write():
            row = self.file.insert(table, clean, author=self.author)
        record = convert(row)
        self._emit(Change(kind, (record.id,), new=record))
        return record

    def _update(self, kind: str, record_id: str, changes: Mapping[str, Any]) -> Change:
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
        return self._emit(Change(kind, (record_id,), old=convert(old_row), new=convert(new_row)))

    def _set_deleted(self, kind: str, record_id: str, deleted: bool) -> Change:
        table, _fields, convert = _SPECS[kind]
        if self.file.get(table, record_id, include_deleted=True) is None:
            raise NotFound("Posten finns inte.")
        with self.file.write():
            old_row, new_row = self.file.set_deleted(table, record_id, deleted, author=self.author)
        return self._emit(Change(kind, (record_id,), old=convert(old_row), new=convert(new_row)))

    # -- interviews -----------------------------------------------------------------
    def interviews(self) -> list[Interview]:
        return [repo.to_interview(r) for r in self.file.rows("interviews", order_by="date, start, created")]

    def add_interview(self, **values: Any) -> Interview:
        if "group" not in values:
            raise KompassError("Ange intervjugrupp.")
        record: Interview = self._add("interview", values)
        return record

    def update_interview(self, interview_id: str, **changes: Any) -> Change:
        return self._update("interview", interview_id, changes)

    def delete_interview(self, interview_id: str) -> Change:
        return self._set_deleted("interview", interview_id, True)

    def restore_interview(self, interview_id: str) -> Change:
        return self._set_deleted("interview", interview_id, False)

    # -- documents ------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return [repo.to_document(r) for r in self.file.rows("documents", order_by="title")]

    def add_document(self, **values: Any) -> Document:
        if not str(values.get("title", "")).strip():
            raise KompassError("Dokumentet måste ha en titel.")
        record: Document = self._add("document", values)
        return record

    def update_document(self, document_id: str, **changes: Any) -> Change:
        return self._update("document", document_id, changes)

    def delete_document(self, document_id: str) -> Change:
        return self._set_deleted("document", document_id, True)

    def restore_document(self, document_id: str) -> Change:
        return self._set_deleted("document", document_id, False)

    # -- web observations -----------------------------------------------------------
    def web_sources(self) -> list[WebSource]:
        return [repo.to_web(r) for r in self.file.rows("web_sources", order_by="title")]

    def add_web_source(self, **values: Any) -> WebSource:
        if not str(values.get("title", "")).strip():
            raise KompassError("Webbkällan måste ha en rubrik.")
        record: WebSource = self._add("web", values)
        return record

    def update_web_source(self, web_id: str, **changes: Any) -> Change:
        return self._update("web", web_id, changes)

    def delete_web_source(self, web_id: str) -> Change:
        return self._set_deleted("web", web_id, True)

    def restore_web_source(self, web_id: str) -> Change:
        return self._set_deleted("web", web_id, False)

    # -- earlier evaluations ---------------------------------------------------------
    def earlier_evaluations(self) -> list[EarlierEvaluation]:
        return [repo.to_earlier(r) for r in self.file.rows("earlier_evaluations", order_by="year")]

    def add_earlier_evaluation(
        self, year: int, framework_id: str, area_scores: Mapping[Any, Any], label: str = ""
    ) -> EarlierEvaluation:
        from ..resources import framework as load_framework

        fw = load_framework(framework_id)
        scores = _check_area_scores(area_scores)
        unknown = [k for k in scores if int(k) not in {a.number for a in fw.areas}]
        if unknown:
            raise KompassError(f"{fw.name} har inget område {', '.join(unknown)}.")
        record: EarlierEvaluation = self._add(
            "earlier", {"year": year, "framework_id": fw.id, "label": label, "area_scores": scores}
        )
        return record

    def update_earlier_evaluation(self, earlier_id: str, **changes: Any) -> Change:
        return self._update("earlier", earlier_id, changes)

    def delete_earlier_evaluation(self, earlier_id: str) -> Change:
        return self._set_deleted("earlier", earlier_id, True)

    def restore_earlier_evaluation(self, earlier_id: str) -> Change:
        return self._set_deleted("earlier", earlier_id, False)


def _check_area_scores(values: Mapping[Any, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        number = parse_points(value)
        if not Decimal(0) <= number <= Decimal(100):
            raise KompassError(f"Område {key}: {value} ligger utanför 0–100.")
        out[str(int(key))] = str(number)
    return out
