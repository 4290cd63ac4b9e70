"""Scores: exact values, the rounding rule for display, and derived totals.

Rules (one source of truth for every screen, report and export):

* A sub-score is stored exactly as the evaluator typed it, as a decimal with at most two
  decimals (``12``, ``12.5``, ``12.25``).  It must lie in ``0..max`` of its sub-area.
* Area scores and the total are never stored: they are sums of the exact sub-scores.
* For display, every number (sub-score, area, total, percentage) is rounded **half up**
  to a whole number from its exact value: 12.5 -> 13, 74.6 -> 75, 11.25/15 = 75 %.
  Because each figure is rounded from its own exact value, rounded sub-scores need not add
  up to the rounded area score (as in published reports with fractional sub-scores).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import ScoreError
from .framework import Framework, SubArea
from .messages import msg

MAX_DECIMALS = 2
#: No sub-area is worth more; larger numbers are refused before any arithmetic on them.
MAX_POINTS = Decimal(1000)


def parse_points(value: object) -> Decimal:
    """Turn typed input (``"12,5"``, ``"12.5"``, ``12``) into an exact Decimal.

    Raises ScoreError with a Swedish message for anything that is not a plain number.
    """
    if isinstance(value, bool):
        raise ScoreError(msg("”{value}” är inte ett tal.", value=value))
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ScoreError(msg("”{value}” är inte ett tal.", value=value))
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        if not text or not all(ch.isdigit() or ch in ".-+" for ch in text):
            raise ScoreError(msg("”{value}” är inte ett tal.", value=value.strip()))
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ScoreError(msg("”{value}” är inte ett tal.", value=value.strip())) from None
    else:
        raise ScoreError(msg("”{value}” är inte ett tal.", value=value))
    if not number.is_finite():
        raise ScoreError(msg("”{value}” är inte ett tal.", value=value))
    if abs(number) > MAX_POINTS:
        raise ScoreError(msg("{value}: talet är orimligt stort för en poäng.", value=value))
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS and number != number.quantize(Decimal("0.01")):
        raise ScoreError(
            msg(
                "{value}: högst {MAX_DECIMALS} decimaler är tillåtna.", value=value, MAX_DECIMALS=MAX_DECIMALS
            )
        )
    return normalize(number)


def normalize(number: Decimal) -> Decimal:
    """Canonical form: no trailing zeros, no exponent (``Decimal('12.50')`` -> ``12.5``)."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.quantize(Decimal("0.01")).normalize()


def check_points(points: Decimal, sub: SubArea) -> Decimal:
    if points < 0:
        raise ScoreError(
            msg(
                "Delfråga {number}: poängen kan inte vara negativ ({points}).",
                number=sub.number,
                points=format_exact(points),
            )
        )
    if points > sub.max:
        raise ScoreError(
            msg(
                "Delfråga {number}: {points} är över maxpoängen {max}.",
                number=sub.number,
                points=format_exact(points),
                max=format_exact(sub.max),
            )
        )
    return points


def round_display(value: Decimal) -> int:
    """The one display rounding rule: half up to a whole number."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(achieved: Decimal, maximum: Decimal) -> int:
    if maximum <= 0:
        return 0
    return round_display(achieved * 100 / maximum)


def format_exact(value: Decimal | None, decimal_comma: bool = True) -> str:
    """Exact value for editing and exports: ``12``, ``12,5`` (Swedish) or ``12.5``."""
    if value is None:
        return ""
    text = format(normalize(value), "f")
    return text.replace(".", ",") if decimal_comma else text


def to_json_number(value: Decimal | None) -> int | float | None:
    """Exact value as a JSON number (integers stay integers)."""
    if value is None:
        return None
    value = normalize(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True, slots=True)
class SubScore:
    number: str
    title: str
    achieved: Decimal | None
    max: Decimal

    @property
    def scored(self) -> bool:
        return self.achieved is not None


@dataclass(frozen=True, slots=True)
class AreaScore:
    number: int
    title: str
    short: str
    subareas: tuple[SubScore, ...]
    max: Decimal

    @property
    def achieved(self) -> Decimal | None:
        """Sum of the scored sub-areas; None while nothing in the area is scored."""
        scored = [s.achieved for s in self.subareas if s.achieved is not None]
        return sum(scored, Decimal(0)) if scored else None

    @property
    def scored_count(self) -> int:
        return sum(1 for s in self.subareas if s.scored)

    @property
    def complete(self) -> bool:
        return self.scored_count == len(self.subareas)


@dataclass(frozen=True, slots=True)
class Summary:
    framework_id: str
    areas: tuple[AreaScore, ...]

    @property
    def total(self) -> Decimal:
        return sum((a.achieved for a in self.areas if a.achieved is not None), Decimal(0))

    @property
    def achieved(self) -> Decimal | None:
        """The total, or None while nothing is scored (shown as "–", like an unscored area)."""
        return None if self.scored_count == 0 else self.total

    @property
    def max(self) -> Decimal:
        return sum((a.max for a in self.areas), Decimal(0))

    @property
    def complete(self) -> bool:
        return all(a.complete for a in self.areas)

    @property
    def scored_count(self) -> int:
        return sum(a.scored_count for a in self.areas)

    @property
    def subarea_count(self) -> int:
        return sum(len(a.subareas) for a in self.areas)

    def area(self, number: int) -> AreaScore:
        for area in self.areas:
            if area.number == number:
                return area
        raise KeyError(number)


def summarize(framework: Framework, scores: Mapping[str, Decimal | None]) -> Summary:
    """Derive area scores and the total from exact sub-scores (the only place sums are made)."""
    areas = []
    for area in framework.areas:
        subs = tuple(SubScore(s.number, s.title, scores.get(s.number), s.max) for s in area.subareas)
        areas.append(AreaScore(area.number, area.title, area.short, subs, area.max))
    return Summary(framework.id, tuple(areas))
