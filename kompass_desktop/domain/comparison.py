"""The numbers behind every chart: current scores vs earlier evaluations vs a national average.

One Qt-free function shared by the GUI's live charts and the PDF report, so the screen and
the paper always show the same numbers.  Earlier evaluations made with another version of
the instrument are compared only where the framework mapping says the areas are comparable,
and every area left out is explained in ``notes``: as data (:class:`ChartNote`), worded by the
GUI in its language and by the report in Swedish.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
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


class NoteKind(StrEnum):
    """What a comparability note says."""

    VERSION_NOT_COMPARABLE = "version_not_comparable"  # an earlier evaluation is left out
    AREA_NOT_COMPARABLE = "area_not_comparable"  # one area of an earlier evaluation is left out
    OTHER_VERSION = "other_version"  # an earlier evaluation was made with another version
    TOTAL_NOT_COMPARED = "total_not_compared"  # its total is not put beside this year's
    NATIONAL_OTHER_VERSION = "national_other_version"  # the national average is left out


@dataclass(frozen=True, slots=True)
class ChartNote:
    """What the charts do not compare and why, as data (no sentence: the GUI words it in its
    language, the report in Swedish)."""

    kind: NoteKind
    label: str = ""  # the earlier evaluation ("Lindsjö 2018") or the national average, as named
    year: int | None = None  # the earlier evaluation's year
    version: str = ""  # the other version's id ("2016")
    version_label: str = ""  # its label ("2.1"); the id when the version is unknown
    current: str = ""  # the current version's name
    area: int | None = None  # the area (current numbering)
    area_title: str = ""  # its title in the current version
    old_area: int | None = None  # the matching area of the other version
    old_title: str = ""  # its title there ("" when that version is unknown)
    reason: str = ""  # the mapping's explanation, in Swedish
    reason_en: str = ""  # the same in English
    total: Decimal | None = None  # the earlier evaluation's total


@dataclass(frozen=True, slots=True)
class ChartData:
    areas: tuple[AreaLabel, ...]
    series: tuple[Series, ...]
    notes: tuple[ChartNote, ...]  # what was not compared and why (under the charts, in the report)
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
    notes: list[ChartNote] = []
    known = {f.id: f for f in frameworks}
    for old in sorted(earlier, key=lambda e: e.year, reverse=True):
        old_label = old.label or f"{municipality} {old.year}"
        old_fw = known.get(old.framework_id)
        about = ChartNote(  # what every note on this evaluation names
            NoteKind.VERSION_NOT_COMPARABLE,
            label=old_label,
            year=old.year,
            version=old.framework_id,
            version_label=old_fw.version_label if old_fw else old.framework_id,
            current=framework.name,
        )
        corr = correspondence(mappings, old.framework_id, framework.id, numbers)
        if corr is None:
            notes.append(about)
            continue
        values: list[Decimal | None] = []
        for number in numbers:
            link = corr.source_area(number)
            value = None if link is None else old.area_scores.get(link.from_area)
            if link is not None and not link.comparable:
                notes.append(
                    replace(
                        about,
                        kind=NoteKind.AREA_NOT_COMPARABLE,
                        area=number,
                        area_title=framework.area(number).title,
                        old_area=link.from_area,
                        old_title=old_fw.area(link.from_area).title if old_fw else "",
                        reason=link.note,
                        reason_en=link.note_en,
                    )
                )
                value = None
            values.append(value)
        same_version = old.framework_id == framework.id
        if not same_version and corr.note:
            notes.append(
                replace(about, kind=NoteKind.OTHER_VERSION, reason=corr.note, reason_en=corr.note_en)
            )
        all_areas = len(old.area_scores) == len(numbers)
        if not same_version and all_areas:
            notes.append(replace(about, kind=NoteKind.TOTAL_NOT_COMPARED, total=old.total))
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
            notes.append(
                ChartNote(
                    NoteKind.NATIONAL_OTHER_VERSION,
                    label=national.label,
                    version=national.framework_id,
                    current=framework.name,
                )
            )
    return ChartData(areas, tuple(series), tuple(notes), Decimal(100), framework.max)
