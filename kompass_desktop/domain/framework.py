"""The instrument: a version of Kommunkompassen with its areas and sub-areas.

Frameworks are plain data (see resources/frameworks/ and schemas/framework.schema.json).
This module only defines the immutable objects and lookups; loading from files lives in
:mod:`kompass_desktop.resources`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .errors import UnknownSubArea
from .messages import msg


class FindingKind(StrEnum):
    """The columns of an area's findings table."""

    STRENGTH = "strength"
    IMPROVEMENT = "improvement"
    WEAKNESS = "weakness"  # only in the 2010 version

    @property
    def label_sv(self) -> str:
        return _FINDING_LABELS[self]


_FINDING_LABELS = {
    FindingKind.STRENGTH: "Styrkor",
    FindingKind.IMPROVEMENT: "Förbättringsmöjligheter",
    FindingKind.WEAKNESS: "Svagheter",
}


@dataclass(frozen=True, slots=True)
class SubArea:
    number: str  # "3.4"
    title: str  # wording of the report's section 4 table
    heading: str  # short heading used in section 3 ("Rubriker")
    max: Decimal
    questions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def area_number(self) -> int:
        return int(self.number.split(".")[0])


@dataclass(frozen=True, slots=True)
class Area:
    number: int
    title: str
    short: str  # short name for charts
    intro: str  # the standard "Allmänt" text
    subareas: tuple[SubArea, ...]
    aliases: tuple[str, ...] = ()

    @property
    def max(self) -> Decimal:
        return sum((s.max for s in self.subareas), Decimal(0))


@dataclass(frozen=True, slots=True)
class Framework:
    id: str  # "2019", "2016", "2010"
    name: str  # "Kommunkompassen 2019/2020"
    version_label: str  # "2019/2020", "2.1", "2010"
    year: int
    finding_kinds: tuple[FindingKind, ...]
    show_percent: bool  # the version's reports show a Procent column
    intro_title: str
    intro_text: str  # "Vad är Kommunkompassen?"
    areas: tuple[Area, ...]
    aliases: tuple[str, ...] = ()
    _index: Mapping[str, SubArea] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {s.number: s for a in self.areas for s in a.subareas})

    @property
    def max(self) -> Decimal:
        return sum((a.max for a in self.areas), Decimal(0))

    def subareas(self) -> Iterator[SubArea]:
        for area in self.areas:
            yield from area.subareas

    def subarea(self, number: str) -> SubArea:
        try:
            return self._index[number]
        except KeyError:
            raise UnknownSubArea(
                msg("Delfrågan {number} finns inte i {name}.", number=number, name=self.name)
            ) from None

    def has_subarea(self, number: str) -> bool:
        return number in self._index

    def area(self, number: int) -> Area:
        for area in self.areas:
            if area.number == number:
                return area
        raise UnknownSubArea(msg("Område {number} finns inte i {name}.", number=number, name=self.name))

    # -- frozen copy ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A plain-data copy (stored inside every evaluation file)."""
        return {
            "id": self.id,
            "name": self.name,
            "version_label": self.version_label,
            "year": self.year,
            "aliases": list(self.aliases),
            "finding_kinds": [k.value for k in self.finding_kinds],
            "show_percent": self.show_percent,
            "intro_title": self.intro_title,
            "intro_text": self.intro_text,
            "areas": [
                {
                    "number": a.number,
                    "title": a.title,
                    "short": a.short,
                    "intro": a.intro,
                    "aliases": list(a.aliases),
                    "subareas": [
                        {
                            "number": s.number,
                            "title": s.title,
                            "heading": s.heading,
                            "max": str(s.max),
                            "questions": list(s.questions),
                            "aliases": list(s.aliases),
                        }
                        for s in a.subareas
                    ],
                }
                for a in self.areas
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Framework:
        areas = tuple(
            Area(
                number=int(a["number"]),
                title=a["title"],
                short=a["short"],
                intro=a.get("intro", ""),
                aliases=tuple(a.get("aliases", ())),
                subareas=tuple(
                    SubArea(
                        number=s["number"],
                        title=s["title"],
                        heading=s.get("heading") or s["title"],
                        max=Decimal(str(s["max"])),
                        questions=tuple(s.get("questions", ())),
                        aliases=tuple(s.get("aliases", ())),
                    )
                    for s in a["subareas"]
                ),
            )
            for a in data["areas"]
        )
        return cls(
            id=str(data["id"]),
            name=data["name"],
            version_label=data.get("version_label", str(data["id"])),
            year=int(data["year"]),
            finding_kinds=tuple(FindingKind(k) for k in data["finding_kinds"]),
            show_percent=bool(data.get("show_percent", False)),
            intro_title=data.get("intro_title", "Vad är Kommunkompassen?"),
            intro_text=data.get("intro_text", ""),
            areas=areas,
            aliases=tuple(data.get("aliases", ())),
        )


def check_framework(fw: Framework) -> list[str]:
    """Structural rules a framework must satisfy (beyond the JSON schema)."""
    problems: list[str] = []
    numbers = [a.number for a in fw.areas]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(
            msg(
                "områdena ska numreras 1..{count} i ordning, inte {numbers}",
                count=len(numbers),
                numbers=numbers,
            )
        )
    for area in fw.areas:
        if area.max != 100:
            problems.append(
                msg(
                    "område {number}: delfrågornas maxpoäng summerar till {max}, inte 100",
                    number=area.number,
                    max=area.max,
                )
            )
        for i, sub in enumerate(area.subareas, start=1):
            if sub.number != f"{area.number}.{i}":
                problems.append(
                    msg(
                        "område {area}: delfråga {sub} borde heta {area}.{i}",
                        area=area.number,
                        sub=sub.number,
                        i=i,
                    )
                )
            if sub.max <= 0:
                problems.append(msg("delfråga {number}: maxpoäng måste vara större än 0", number=sub.number))
    if FindingKind.STRENGTH not in fw.finding_kinds or FindingKind.IMPROVEMENT not in fw.finding_kinds:
        problems.append(msg("finding_kinds måste innehålla strength och improvement"))
    return problems
