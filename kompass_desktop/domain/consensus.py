"""Consensus scoring: each evaluator scores on their own, the team agrees on the score that counts.

The rules (one place for every screen, command, report and export):

* Every evaluator's **independent score** per sub-area is kept (with an optional rationale).
* The **agreed score** is what areas, the total, the charts, the report and the export use:

  - a score the team recorded explicitly (with its reason) counts, whatever the independent
    scores say (status ``agreed``);
  - otherwise, where every independent score is equal, that value is agreed without further
    ado (``agreed``); where only one evaluator has scored, that score counts (``single``);
  - where independent scores differ and nothing was recorded the sub-area is **open**: it
    has no agreed score until someone records one with a reason.

* The **spread** of a sub-area is the highest minus the lowest independent score.  It
  *matters* (is highlighted, counted as a notable disagreement) from 15 % of the sub-area's
  maximum: 3 of 20 points, 1.5 of 10.
* The team's agreement from the start is measured over the sub-areas at least two
  evaluators scored: the share where every independent score was equal, and the mean
  absolute difference (the mean over those sub-areas of the mean difference between any two
  evaluators' scores).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import combinations

from .framework import Framework
from .messages import msg
from .meta import Meta

#: From this share of the sub-area's maximum a spread matters.
NOTABLE_SPREAD_SHARE = Decimal("0.15")


class Status(StrEnum):
    AGREED = "agreed"
    SINGLE = "single"
    OPEN = "open"
    UNSCORED = "unscored"  # nobody has scored the sub-area (not listed by `kompass consensus`)

    @property
    def label_sv(self) -> str:
        return _STATUS_SV[self]


_STATUS_SV = {
    Status.AGREED: "överens",
    Status.SINGLE: "en bedömning",
    Status.OPEN: "oense",
    Status.UNSCORED: "ej bedömd",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class IndependentScore(Meta):
    """One evaluator's own score of one sub-area (``points`` None: withdrawn)."""

    subarea: str
    evaluator: str
    points: Decimal | None
    rationale: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class AgreedScore(Meta):
    """A score recorded for a sub-area (``points`` None: none recorded); ``author`` agreed it."""

    subarea: str
    points: Decimal | None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SubAreaConsensus:
    number: str
    max: Decimal
    independent: tuple[IndependentScore, ...]  # the scored ones, by evaluator
    recorded: AgreedScore | None  # an explicitly recorded agreed score

    @property
    def points(self) -> dict[str, Decimal]:
        return {s.evaluator: s.points for s in self.independent if s.points is not None}

    @property
    def spread(self) -> Decimal | None:
        values = list(self.points.values())
        return max(values) - min(values) if values else None

    @property
    def differ(self) -> bool:
        return len(set(self.points.values())) > 1

    @property
    def notable(self) -> bool:
        """The spread matters (see :data:`NOTABLE_SPREAD_SHARE`)."""
        spread = self.spread
        return spread is not None and spread > 0 and notable_spread(spread, self.max)

    @property
    def status(self) -> Status:
        if self.recorded is not None:
            return Status.AGREED
        values = set(self.points.values())
        if not values:
            return Status.UNSCORED
        if len(values) > 1:
            return Status.OPEN
        return Status.SINGLE if len(self.points) == 1 else Status.AGREED

    @property
    def agreed(self) -> Decimal | None:
        """The score that counts (None while open or unscored)."""
        if self.recorded is not None:
            return self.recorded.points
        values = set(self.points.values())
        return next(iter(values)) if len(values) == 1 else None

    @property
    def reason(self) -> str:
        return self.recorded.reason if self.recorded is not None else ""

    def mean_abs_difference(self) -> Decimal | None:
        """Mean of |a − b| over every pair of evaluators (None with fewer than two)."""
        pairs = list(combinations(self.points.values(), 2))
        if not pairs:
            return None
        return sum((abs(a - b) for a, b in pairs), Decimal(0)) / len(pairs)

    def describe_scores(self) -> str:
        """ "anna 12, bo 15" (exact values, decimal comma)."""
        from .scoring import format_exact

        return ", ".join(f"{name} {format_exact(points)}" for name, points in self.points.items())


def notable_spread(spread: Decimal, maximum: Decimal) -> bool:
    return maximum > 0 and spread >= maximum * NOTABLE_SPREAD_SHARE


@dataclass(frozen=True, slots=True)
class TeamAgreement:
    """How far the evaluators agreed from the start (over sub-areas scored by at least two)."""

    compared: int  # sub-areas scored by at least two evaluators
    equal: int  # … where every independent score was equal
    notable: int  # … where the spread mattered
    mean_abs_difference: Decimal | None  # points, None when nothing was compared

    @property
    def share_equal(self) -> Decimal | None:
        return None if not self.compared else Decimal(self.equal) / self.compared

    def describe(self) -> str:
        """One line for people (Swedish)."""
        from .scoring import format_exact

        if not self.compared:
            return "Samstämmighet: ingen delfråga har bedömts av fler än en utvärderare än."
        mean = format_exact((self.mean_abs_difference or Decimal(0)).quantize(Decimal("0.01")))
        return (
            f"Samstämmighet från början: {self.equal} av {self.compared} delfrågor med flera bedömningar "
            f"lika ({share_text(self.share_equal)}), medelavvikelse {mean} poäng, "
            f"{self.notable} med stor skillnad."
        )


@dataclass(frozen=True, slots=True)
class Consensus:
    """The consensus of a whole evaluation, sub-areas in framework order."""

    subareas: tuple[SubAreaConsensus, ...]
    #: Records for sub-areas the framework does not have (reported by consistency checks).
    stray: tuple[IndependentScore | AgreedScore, ...] = ()

    def get(self, number: str) -> SubAreaConsensus:
        for sub in self.subareas:
            if sub.number == number:
                return sub
        raise KeyError(number)

    def agreed_scores(self) -> dict[str, Decimal | None]:
        """The score that counts per sub-area (None: open or unscored)."""
        return {s.number: s.agreed for s in self.subareas}

    def open(self) -> list[SubAreaConsensus]:
        return [s for s in self.subareas if s.status == Status.OPEN]

    def evaluators(self) -> list[str]:
        """Everyone who has an independent score, in order of name."""
        return sorted({e for s in self.subareas for e in s.points})

    def scores_of(self, evaluator: str) -> dict[str, Decimal | None]:
        """One evaluator's independent scores (None where they have not scored)."""
        return {s.number: s.points.get(evaluator) for s in self.subareas}

    def largest_disagreements_first(self) -> list[SubAreaConsensus]:
        """Sub-areas by spread relative to their maximum, the largest first (framework order
        among equals)."""
        order = {s.number: i for i, s in enumerate(self.subareas)}
        return sorted(
            self.subareas,
            key=lambda s: (-(s.spread or Decimal(0)) / (s.max or Decimal(1)), order[s.number]),
        )

    def team_agreement(self) -> TeamAgreement:
        compared = [s for s in self.subareas if len(s.points) >= 2]
        diffs = [d for d in (s.mean_abs_difference() for s in compared) if d is not None]
        mean = sum(diffs, Decimal(0)) / len(diffs) if diffs else None
        return TeamAgreement(
            compared=len(compared),
            equal=sum(1 for s in compared if not s.differ),
            notable=sum(1 for s in compared if s.notable),
            mean_abs_difference=mean,
        )


def build_consensus(
    framework: Framework, independent: Iterable[IndependentScore], recorded: Iterable[AgreedScore]
) -> Consensus:
    """Put each sub-area's independent scores and recorded agreed score together."""
    known = {s.number: s for s in framework.subareas()}
    by_sub: dict[str, list[IndependentScore]] = {}
    stray: list[IndependentScore | AgreedScore] = []
    for score in independent:
        if score.subarea not in known:
            stray.append(score)
        elif score.points is not None:
            by_sub.setdefault(score.subarea, []).append(score)
    agreed: dict[str, AgreedScore] = {}
    for record in recorded:
        if record.subarea not in known:
            stray.append(record)
        elif record.points is not None:
            agreed[record.subarea] = record
    return Consensus(
        tuple(
            SubAreaConsensus(
                number,
                sub.max,
                tuple(sorted(by_sub.get(number, ()), key=lambda s: s.evaluator)),
                agreed.get(number),
            )
            for number, sub in known.items()
        ),
        tuple(stray),
    )


def visible_scores(consensus: Consensus, me: str, hide_others: bool) -> dict[str, Decimal | None]:
    """What an evaluator who hides the others' scores may see: the agreed score only where they
    have scored themselves (``hide_others`` False: the agreed score everywhere)."""
    return {s.number: s.agreed if not hide_others or me in s.points else None for s in consensus.subareas}


def share_text(share: Decimal | None) -> str:
    """A share as a whole percent ("83 %"), "–" when there is none."""
    if share is None:
        return "–"
    return f"{int((share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))} %"


def check_reason(sub: SubAreaConsensus, reason: str) -> str | None:
    """Why recording an agreed score needs more (Swedish), or None: a reason is required where
    the independent scores differ."""
    if sub.differ and not reason.strip():
        return msg(
            "Delfråga {number}: utvärderarnas poäng skiljer sig ({scores}); "
            "ange skälet till den överenskomna poängen.",
            number=sub.number,
            scores=sub.describe_scores(),
        )
    return None
