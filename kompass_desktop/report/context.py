"""Everything one report is made from, computed once (numbers, chart data, open items, stamp)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from .. import __version__
from ..domain.checks import OpenItem, open_items
from ..domain.comparison import ChartData
from ..domain.model import EvaluationSnapshot
from ..domain.scoring import Summary, summarize
from ..services.comparison import reference_for, snapshot_chart_data
from .styles import Styles, styles
from .text import Numbering, parse_iso_date


@dataclass(frozen=True, slots=True)
class ReportContext:
    snap: EvaluationSnapshot
    summary: Summary  # the one computation every figure in the report comes from
    chart: ChartData  # the same series and notes as the GUI charts
    draft: bool
    now: datetime
    items: tuple[OpenItem, ...]
    content_hash: str
    national_example: bool
    national_missing: bool  # a reference file was given but has no average for this version
    st: Styles
    numbering: Numbering | None  # margin references, drafts only

    @property
    def name(self) -> str:
        """'Lindsjö kommun'."""
        return self.snap.info.municipality_name

    @property
    def short(self) -> str:
        """'Lindsjö' (for the genitive in running text)."""
        return self.snap.info.municipality.strip()

    @property
    def title(self) -> str:
        return f"Kommunkompassen — analys av {self.name}"

    @property
    def header(self) -> str:
        return f"Kommunkompassen — Analys av {self.name}"

    @property
    def report_month(self) -> date:
        """Month shown on the title page: when the evaluation was made, else the report date."""
        info = self.snap.info
        return parse_iso_date(info.end_date) or parse_iso_date(info.start_date) or self.now.date()

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
    snap: EvaluationSnapshot, *, draft: bool, national_path: Path | None = None, now: datetime | None = None
) -> ReportContext:
    national = reference_for(snap, national_path)
    return ReportContext(
        snap=snap,
        summary=summarize(snap.framework, snap.scores),
        chart=snapshot_chart_data(snap, national_path),
        draft=draft,
        now=now or datetime.now(),
        items=tuple(open_items(snap)),
        content_hash=content_hash(snap),
        national_example=bool(national and national.example),
        national_missing=national_path is not None and national is None,
        st=styles(),
        numbering=Numbering() if draft else None,
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
    try:
        moment = datetime.fromisoformat(max(stamps).replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%Y-%m-%d %H:%M}"
