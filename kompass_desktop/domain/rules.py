"""Rules of the instrument that every screen and command shares (one place each).

The GUI, the command line and the services ask these functions; none of them keeps its own
copy of a limit.
"""

from __future__ import annotations

from decimal import Decimal

#: The years an evaluation (or an earlier one) can plausibly be from.
FIRST_YEAR = 1990
LAST_YEAR = 2100

#: Every area is worth 100 points (its sub-areas' maxima add up to it in every version).
AREA_MAX = Decimal(100)

#: What ↑/↓ add to or take from a score.
SCORE_STEP = Decimal(1)


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def valid_area_score(points: Decimal) -> bool:
    """A score for a whole area (e.g. of an earlier evaluation): 0–100."""
    return Decimal(0) <= points <= AREA_MAX


def intro_text(own: str, standard: str) -> str:
    """The area's "Allmänt": the evaluation's own text, or the standard text while the own text
    is empty (only white space counts as empty too)."""
    return own if own.strip() else standard


def step_points(current: Decimal | None, direction: int, maximum: Decimal) -> Decimal:
    """The score after one ↑ (``direction`` 1) or ↓ (-1): exact, kept within 0..maximum.

    An empty score steps from 0."""
    value = (current if current is not None else Decimal(0)) + SCORE_STEP * (1 if direction > 0 else -1)
    return min(max(value, Decimal(0)), maximum)
