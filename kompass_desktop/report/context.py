"""Everything one report is made from, computed once (numbers, chart data, open items, stamp)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from .. import __version__
from ..domain.checks import OpenItem, Severity, open_items
from ..domain.comparison import ChartData
from ..domain.meta import local_moment
from ..domain.model import EvaluationSnapshot
from ..domain.reference import NationalAverage
from ..domain.scoring import Summary, summarize
from ..services.comparison import reference_for, snapshot_chart_data
from .names import MunicipalityNames, municipality_names
from .text import Numbering, parse_iso_date


def report_items(
    snap: EvaluationSnapshot, national: NationalAverage | None, use_national: bool
) -> list[OpenItem]:
    """What the report itself needs beyond the evaluation's own open items."""
    info = snap.info
    items: list[OpenItem] = []
    if not (parse_iso_date(info.start_date) or parse_iso_date(info.end_date)):
        items.append(
            OpenItem(
                Severity.REQUIRED, "no_dates", "", "Utvärderingens datum saknas (uppgifter om utvärderingen)"
            )
        )
    if not [e for e in info.evaluators if e.strip()]:
        items.append(
            OpenItem(
                Severity.REQUIRED,
                "no_evaluators",
                "",
                "Utvärderarnas namn saknas (uppgifter om utvärderingen)",
            )
        )
    if use_national and national is not None and national.example:
        items.append(
            OpenItem(
                Severity.REQUIRED,
                "example_national_average",
                "",
                "Det nationella medelvärdet är programmets exempeldata: ange SKR:s medelvärdesfil, "
                "eller gör rapporten utan nationellt medelvärde",
            )
        )
    return items


def all_items(
    snap: EvaluationSnapshot, national: NationalAverage | None, use_national: bool
) -> list[OpenItem]:
    return report_items(snap, national, use_national) + open_items(snap)


@dataclass(frozen=True, slots=True)
class ReportContext:
    snap: EvaluationSnapshot
    summary: Summary  # the one computation every figure in the report comes from
    chart: ChartData  # the same series and notes as the GUI charts
    draft: bool
    now: datetime
    items: tuple[OpenItem, ...]
    content_hash: str
    national: NationalAverage | None  # the reference compared with (None: left out or none)
    national_missing: bool  # a reference file was given but has no average for this version
    numbering: Numbering | None  # margin references, drafts only
    names: MunicipalityNames

    @property
    def national_example(self) -> bool:
        return bool(self.national and self.national.example)

    @property
    def name(self) -> str:
        """'Lindsjö kommun'."""
        return self.names.display

    @property
    def title(self) -> str:
        return f"Kommunkompassen — analys av {self.name}"

    @property
    def header(self) -> str:
        return f"Kommunkompassen — Analys av {self.name}"

    @property
    def evaluators(self) -> list[str]:
        return [e.strip() for e in self.snap.info.evaluators if e.strip()]

    @property
    def report_date(self) -> date | None:
        """When the evaluation was made (its last day), never the day the report is made."""
        info = self.snap.info
        return parse_iso_date(info.end_date) or parse_iso_date(info.start_date)

    @property
    def stamp(self) -> str:
        """Version stamp of a draft: when, which program, which content."""
        return (
            f"UTKAST {self.now:%Y-%m-%d %H:%M} · Kompass Desktop {__version__} · "
            f"innehåll {self.content_hash}{self.modified_note}"
        )

    @property
    def modified_note(self) -> str:
        latest = last_modified(self.snap)
        return f" (ändrat {latest})" if latest else ""


def make_context(
    snap: EvaluationSnapshot,
    *,
    draft: bool,
    national_path: Path | None = None,
    now: datetime | None = None,
    with_national: bool = True,
) -> ReportContext:
    national = reference_for(snap, national_path) if with_national else None
    return ReportContext(
        snap=snap,
        summary=summarize(snap.framework, snap.scores),
        chart=snapshot_chart_data(snap, national_path, include_national=with_national),
        draft=draft,
        now=now or datetime.now(),
        items=tuple(all_items(snap, national, with_national)),
        content_hash=content_hash(snap),
        national=national,
        national_missing=with_national and national_path is not None and national is None,
        numbering=Numbering() if draft else None,
        names=municipality_names(snap.info),
    )


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def content_hash(snap: EvaluationSnapshot) -> str:
    """Short hash of everything the report prints (notes are not printed and not hashed)."""
    info = snap.info
    data = {
        "info": [
            info.framework_id,
            info.municipality,
            info.municipality_code,
            info.unlisted,
            info.kommungrupp,
            info.inhabitants,
            info.inhabitants_note,
            info.employees,
            info.employees_note,
            info.governing_parties,
            [list(f) for f in info.facts],
            info.evaluation_number,
            info.start_date,
            info.end_date,
            info.year,
            list(info.evaluators),
        ],
        "framework": snap.framework.to_dict(),
        "scores": sorted((k, _dec(v)) for k, v in snap.scores.items()),
        "texts": sorted((t.scope.value, t.ref, t.body) for t in snap.texts),
        "findings": sorted((f.area, f.kind.value, f.position, f.created, f.body) for f in snap.findings),
        "interviews": sorted((i.group, i.participants or 0, len(i.names)) for i in snap.interviews),
        "documents": len(snap.documents),
        "web": sorted(w.kind for w in snap.web_sources),
        "earlier": sorted(
            (e.year, e.framework_id, e.label, sorted((k, str(v)) for k, v in e.area_scores.items()))
            for e in snap.earlier
        ),
    }
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:8]


def last_modified(snap: EvaluationSnapshot) -> str:
    """Local time of the newest change to a printed record ('2025-10-16 14:02'), or ''."""
    stamps = [snap.info.modified, *(t.modified for t in snap.texts), *(f.modified for f in snap.findings)]
    stamps = [s for s in stamps if s]
    if not stamps:
        return ""
    moment = local_moment(max(stamps))
    return "" if moment is None else f"{moment:%Y-%m-%d %H:%M}"
