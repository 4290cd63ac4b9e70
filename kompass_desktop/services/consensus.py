"""Consensus scoring: every evaluator's own score, and the agreed score the team records.

Reached as ``session.consensus``.  The evaluator is the session's author (``KOMPASS_AUTHOR`` or
the logged-in user; in the desktop app chosen among the evaluation's evaluators).  The rules
(what counts, when a sub-area is open, when a spread matters) are in
:mod:`kompass_desktop.domain.consensus`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..domain.consensus import Consensus, SubAreaConsensus, TeamAgreement, check_reason
from ..domain.errors import KompassError, ReasonRequired
from ..domain.messages import msg
from ..domain.scoring import check_points, parse_points
from ..storage.db import keyed_id
from ..storage.schema import independent_id
from .change import Change, ChangeKind
from .context import SessionContext

#: Longest rationale or reason (a few sentences; the report's texts are for the long ones).
MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class Agreed:
    """A recorded agreed score and its reason (``points`` None: none recorded)."""

    points: Decimal | None
    reason: str = ""


def _points(value: object, subarea: str, ctx: SessionContext) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return check_points(parse_points(value), ctx.framework.subarea(subarea))


def _text(value: str, what: str) -> str:
    text = value.strip()
    if len(text) > MAX_REASON:
        raise KompassError(
            msg(
                "{what} får vara högst {MAX_REASON} tecken ({text}).",
                what=what,
                MAX_REASON=MAX_REASON,
                text=len(text),
            )
        )
    return text


def write_independent(
    ctx: SessionContext, subarea: str, value: object, rationale: str | None = None
) -> Change[Decimal]:
    """Set (or with None/"" withdraw) the author's own score of one sub-area; max is enforced.
    ``rationale`` None keeps the one stored."""
    sub = ctx.framework.subarea(subarea)
    points = _points(value, subarea, ctx)
    values: dict[str, object] = {
        "subarea": subarea,
        "evaluator": ctx.author,
        "points": None if points is None else str(points),
    }
    if rationale is not None:
        values["rationale"] = _text(rationale, msg("Motiveringen"))
    record_id = independent_id(ctx.evaluation_id, subarea, ctx.author)
    with ctx.file.write():
        old_row, _ = ctx.file.upsert_keyed("independent_scores", record_id, values, author=ctx.author)
    old = None if old_row is None or old_row["points"] is None else Decimal(old_row["points"])
    change = Change(
        ChangeKind.SCORE, (record_id,), frozenset({subarea}), frozenset({sub.area_number}), old, points
    )
    ctx.emit(change)
    return change


class ConsensusScores:
    def __init__(self, ctx: SessionContext) -> None:
        self._ctx = ctx

    @property
    def evaluator(self) -> str:
        """Whose independent scores this session writes."""
        return self._ctx.author

    def view(self) -> Consensus:
        """Every sub-area: the independent scores, the spread, the agreed score and its status."""
        return self._ctx.consensus()

    def subarea(self, number: str) -> SubAreaConsensus:
        self._ctx.framework.subarea(number)  # NotFound for an unknown sub-area
        return self.view().get(number)

    def team_agreement(self) -> TeamAgreement:
        return self.view().team_agreement()

    def mine(self) -> dict[str, Decimal | None]:
        """This evaluator's own scores (None where they have not scored)."""
        return self.view().scores_of(self._ctx.author)

    # -- independent scores -----------------------------------------------------------
    def score(self, subarea: str, value: object, rationale: str | None = None) -> Change[Decimal]:
        """This evaluator's own score (and, if given, its rationale)."""
        return write_independent(self._ctx, subarea, value, rationale)

    def set_rationale(self, subarea: str, rationale: str) -> Change[str]:
        """The short rationale of this evaluator's own score (the score is kept)."""
        ctx = self._ctx
        sub = ctx.framework.subarea(subarea)
        text = _text(rationale, msg("Motiveringen"))
        record_id = independent_id(ctx.evaluation_id, subarea, ctx.author)
        with ctx.file.write():
            old_row, _ = ctx.file.upsert_keyed(
                "independent_scores",
                record_id,
                {"subarea": subarea, "evaluator": ctx.author, "rationale": text},
                author=ctx.author,
            )
        old = "" if old_row is None else str(old_row["rationale"])
        change = Change(
            ChangeKind.SCORE, (record_id,), frozenset({subarea}), frozenset({sub.area_number}), old, text
        )
        ctx.emit(change)
        return change

    # -- the agreed score --------------------------------------------------------------
    def agreed(self, subarea: str) -> Agreed:
        recorded = self.subarea(subarea).recorded
        return Agreed(None) if recorded is None else Agreed(recorded.points, recorded.reason)

    def agree(self, subarea: str, value: object, reason: str = "") -> Change[Agreed]:
        """Record the agreed score of one sub-area (None/"" removes it: the independent scores
        decide again).  A reason is required where the independent scores differ, or where the
        agreed score is not the one they give."""
        points = _points(value, subarea, self._ctx)
        text = _text(reason, msg("Skälet"))
        current = self.subarea(subarea)
        if points is not None:
            problem = check_reason(current, text)
            unanimous = set(current.points.values())
            if problem is None and not text and unanimous and unanimous != {points}:
                problem = msg(
                    "Delfråga {subarea}: utvärderarnas poäng är {scores}; "
                    "ange skälet till att ni enas om en annan poäng.",
                    subarea=subarea,
                    scores=current.describe_scores(),
                )
            if problem is not None:
                raise ReasonRequired(problem)
        else:
            text = ""
        return self._store_agreed(subarea, Agreed(points, text))

    def restore_agreed(self, subarea: str, agreed: Agreed) -> Change[Agreed]:
        """Put back an agreed score as it was (undo and redo), without the reason rule."""
        return self._store_agreed(subarea, agreed)

    def _store_agreed(self, subarea: str, agreed: Agreed) -> Change[Agreed]:
        ctx = self._ctx
        sub = ctx.framework.subarea(subarea)
        record_id = keyed_id(ctx.evaluation_id, f"score:{subarea}")
        points = agreed.points
        values = {
            "subarea": subarea,
            "points": None if points is None else str(points),
            "reason": agreed.reason if points is not None else "",
        }
        with ctx.file.write():
            old_row, _ = ctx.file.upsert_keyed("scores", record_id, values, author=ctx.author)
        old = (
            Agreed(None)
            if old_row is None or old_row["points"] is None
            else Agreed(Decimal(old_row["points"]), str(old_row["reason"]))
        )
        change = Change(
            ChangeKind.SCORE, (record_id,), frozenset({subarea}), frozenset({sub.area_number}), old, agreed
        )
        ctx.emit(change)
        return change
