"""The numbers behind every chart: current scores vs earlier evaluations vs a national average.

One Qt-free function shared by the GUI's live charts and the PDF report, so the screen and
the paper always show the same numbers.  Earlier evaluations made with another version of
the instrument are compared only where the framework mapping says the areas are comparable,
and every area left out is explained in ``notes``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .framework import Framework
from .mapping import VersionMapping, correspondence
from .model import EarlierEvaluation
from .reference import NationalAverage
from .scoring import Summary


class SeriesKind(StrEnum):
    CURRENT = "current"
    EARLIER = "earlier"
    NATIONAL = "national"


@dataclass(frozen=True, slots=True)
class AreaLabel:
    """An area as every chart names it: its number and its real title (never an invented short
    name), wrapped over lines where it is long ("8. Chefs- och ledarskap samt medarbetarskap")."""

    number: int
    title: str

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}"

    def lines(self, fits: Callable[[str], bool]) -> list[str]:
        """The label over lines that each fit (``fits`` measures a line in the chart's font); the
        number stays with the title's first word."""
        glued = f"{self.number}.\u00a0{self.title}"
        return [
            line.replace("\u00a0", " ")
            for line in wrap_words(glued, lambda t: fits(t.replace("\u00a0", " ")))
        ]


def wrap_words(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` broken between words into lines for which ``fits`` is true (a word longer than a
    line keeps a line of its own); the PDF's and the screen's charts measure with their fonts."""
    lines: list[str] = []
    current = ""
    for word in (w for w in re.split(r"[^\S\u00a0]+", text) if w):  # a no-break space joins words
        trial = f"{current} {word}".strip()
        if current and not fits(trial):
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


@dataclass(frozen=True, slots=True)
class Series:
    kind: SeriesKind
    label: str
    values: tuple[Decimal | None, ...]  # one per area, in the current framework's order; None = not shown
    total: Decimal | None
    total_comparable: bool = True


@dataclass(frozen=True, slots=True)
class ChartData:
    areas: tuple[AreaLabel, ...]
    series: tuple[Series, ...]
    notes: tuple[str, ...]  # what was not compared and why (shown under the charts)
    area_max: Decimal
    total_max: Decimal

    @property
    def current(self) -> Series:
        return self.series[0]

    def by_kind(self, kind: SeriesKind) -> list[Series]:
        return [s for s in self.series if s.kind == kind]


def chart_data(
    framework: Framework,
    summary: Summary,
    municipality: str,
    year: int | None,
    earlier: Sequence[EarlierEvaluation] = (),
    national: NationalAverage | None = None,
    mappings: Sequence[VersionMapping] = (),
    frameworks: Sequence[Framework] = (),
) -> ChartData:
    """Build every series for the charts of one evaluation.

    ``frameworks`` (all known versions) is used to name areas of earlier versions in notes.
    """
    areas = tuple(AreaLabel(a.number, a.title) for a in framework.areas)
    numbers = [a.number for a in framework.areas]
    label = f"{municipality} {year}" if year else municipality
    current = Series(SeriesKind.CURRENT, label, tuple(a.achieved for a in summary.areas), summary.total)
    series = [current]
    notes: list[str] = []
    known = {f.id: f for f in frameworks}
    for old in sorted(earlier, key=lambda e: e.year, reverse=True):
        old_label = old.label or f"{municipality} {old.year}"
        corr = correspondence(mappings, old.framework_id, framework.id, numbers)
        if corr is None:
            notes.append(f"{old_label}: version {old.framework_id} kan inte jämföras med {framework.name}.")
            continue
        values: list[Decimal | None] = []
        for number in numbers:
            link = corr.source_area(number)
            value = None if link is None else old.area_scores.get(link.from_area)
            if link is not None and not link.comparable:
                old_fw = known.get(old.framework_id)
                old_title = old_fw.area(link.from_area).title if old_fw else f"område {link.from_area}"
                notes.append(
                    f"Område {number} jämförs inte med {old_label}: {old_title} är inte jämförbart"
                    + (f" ({link.note})" if link.note else "")
                    + "."
                )
                value = None
            values.append(value)
        same_version = old.framework_id == framework.id
        if not same_version and corr.note:
            notes.append(f"{old_label} gjordes med en annan version: {corr.note}")
        all_areas = len(old.area_scores) == len(numbers)
        series.append(
            Series(
                SeriesKind.EARLIER,
                old_label,
                tuple(values),
                old.total if all_areas else None,
                total_comparable=same_version,
            )
        )
    if national is not None:
        if national.framework_id == framework.id:
            series.append(
                Series(
                    SeriesKind.NATIONAL,
                    national.label,
                    tuple(national.areas[n].mean if n in national.areas else None for n in numbers),
                    national.total.mean if national.total else None,
                )
            )
        else:
            notes.append(f"{national.label} gäller en annan version och visas inte.")
    return ChartData(areas, tuple(series), tuple(notes), Decimal(100), framework.max)
