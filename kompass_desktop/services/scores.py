"""Scores and texts: the points per sub-area (max enforced) and the report's texts.

Reached as ``session.scores``.  Every change is one transaction and is told to the listeners.
Scoring a sub-area sets the evaluator's (the session author's) own score; the points that count
are the agreed ones (see :mod:`.consensus` and :mod:`kompass_desktop.domain.consensus`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..domain.errors import KompassError, NotFound
from ..domain.messages import msg
from ..domain.model import TextScope
from ..domain.scoring import Summary, check_points, parse_points, summarize
from ..storage.db import keyed_id
from ..storage.schema import independent_id
from .change import Change, ChangeKind
from .consensus import write_independent
from .context import SessionContext

ScoreMap = Mapping[str, Decimal | None]


class Scores:
    def __init__(self, ctx: SessionContext) -> None:
        self._ctx = ctx

    # -- points ----------------------------------------------------------------------
    def all(self) -> dict[str, Decimal | None]:
        """The points that count per sub-area: the agreed score (None: open or not scored)."""
        return self._ctx.consensus().agreed_scores()

    def summary(self) -> Summary:
        return summarize(self._ctx.framework, self.all())

    def set(self, subarea: str, value: object) -> Change[Decimal]:
        """Set (or with ``None``/"" clear) the evaluator's own points of one sub-area; max is
        enforced.  ``old``/``new`` of the change are the evaluator's own points."""
        return write_independent(self._ctx, subarea, value)

    def set_many(self, values: ScoreMap) -> Change[ScoreMap]:
        """Several of the evaluator's own scores in one transaction (all checked first)."""
        ctx = self._ctx
        checked: dict[str, Decimal | None] = {}
        for number, value in values.items():
            sub = ctx.framework.subarea(number)
            checked[number] = None if value is None else check_points(parse_points(value), sub)
        before = ctx.consensus().scores_of(ctx.author)
        with ctx.file.write():
            for number, points in checked.items():
                ctx.file.upsert_keyed(
                    "independent_scores",
                    independent_id(ctx.evaluation_id, number, ctx.author),
                    {
                        "subarea": number,
                        "evaluator": ctx.author,
                        "points": None if points is None else str(points),
                    },
                    author=ctx.author,
                )
        change: Change[ScoreMap] = Change(
            ChangeKind.SCORE,
            (),
            frozenset(checked),
            frozenset(ctx.framework.subarea(n).area_number for n in checked),
            old={n: before.get(n) for n in checked},
            new=checked,
        )
        ctx.emit(change)
        return change

    # -- texts -----------------------------------------------------------------------
    def text(self, scope: TextScope, ref: str = "") -> str:
        row = self._ctx.file.get("texts", keyed_id(self._ctx.evaluation_id, f"text:{scope.value}:{ref}"))
        return str(row["body"]) if row else ""

    def set_text(self, scope: TextScope, ref: str, body: str) -> Change[str]:
        ctx = self._ctx
        self._check_text_ref(scope, ref)
        record_id = keyed_id(ctx.evaluation_id, f"text:{scope.value}:{ref}")
        with ctx.file.write():
            old_row, _new = ctx.file.upsert_keyed(
                "texts", record_id, {"scope": scope.value, "ref": ref, "body": body}, author=ctx.author
            )
        old = "" if old_row is None or old_row["deleted"] else str(old_row["body"])
        subareas = frozenset({ref}) if scope == TextScope.SUBAREA else frozenset()
        areas = frozenset({int(ref.split(".")[0])}) if ref else frozenset()
        change = Change(ChangeKind.TEXT, (record_id,), subareas, areas, old, body)
        ctx.emit(change)
        return change

    def _check_text_ref(self, scope: TextScope, ref: str) -> None:
        framework = self._ctx.framework
        if scope == TextScope.SUBAREA:
            framework.subarea(ref)
        elif scope in (TextScope.AREA, TextScope.AREA_INTRO):
            if not ref.isdigit():
                raise NotFound(msg("Område ”{ref}” finns inte.", ref=ref))
            framework.area(int(ref))
        elif ref:
            raise KompassError(
                msg("Texten {value} gäller hela utvärderingen och har ingen referens.", value=scope.value)
            )
