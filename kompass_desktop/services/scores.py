"""Scores and texts: the points per sub-area (max enforced) and the report's texts.

Reached as ``session.scores``.  Every change is one transaction and is told to the listeners.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..domain.errors import KompassError, NotFound
from ..domain.model import TextScope
from ..domain.scoring import Summary, check_points, parse_points, summarize
from ..storage import repo
from ..storage.db import keyed_id
from .change import Change, ChangeKind
from .context import SessionContext

ScoreMap = Mapping[str, Decimal | None]


class Scores:
    def __init__(self, ctx: SessionContext) -> None:
        self._ctx = ctx

    # -- points ----------------------------------------------------------------------
    def all(self) -> dict[str, Decimal | None]:
        """The points of every scored sub-area (None: cleared)."""
        return repo.load_scores(self._ctx.file)

    def summary(self) -> Summary:
        return summarize(self._ctx.framework, self.all())

    def set(self, subarea: str, value: object) -> Change[Decimal]:
        """Set (or with ``None``/"" clear) the points of one sub-area; max is enforced."""
        ctx = self._ctx
        sub = ctx.framework.subarea(subarea)
        points: Decimal | None
        if value is None or (isinstance(value, str) and not value.strip()):
            points = None
        else:
            points = check_points(parse_points(value), sub)
        record_id = keyed_id(ctx.evaluation_id, f"score:{subarea}")
        with ctx.file.write():
            old_row, _ = ctx.file.upsert_keyed(
                "scores",
                record_id,
                {"subarea": subarea, "points": None if points is None else str(points)},
                author=ctx.author,
            )
        old = None if old_row is None or old_row["points"] is None else Decimal(old_row["points"])
        change = Change(
            ChangeKind.SCORE, (record_id,), frozenset({subarea}), frozenset({sub.area_number}), old, points
        )
        ctx.emit(change)
        return change

    def set_many(self, values: ScoreMap) -> Change[ScoreMap]:
        """Several scores in one transaction (all checked before anything is written)."""
        ctx = self._ctx
        checked: dict[str, Decimal | None] = {}
        for number, value in values.items():
            sub = ctx.framework.subarea(number)
            checked[number] = None if value is None else check_points(parse_points(value), sub)
        old = self.all()
        with ctx.file.write():
            for number, points in checked.items():
                ctx.file.upsert_keyed(
                    "scores",
                    keyed_id(ctx.evaluation_id, f"score:{number}"),
                    {"subarea": number, "points": None if points is None else str(points)},
                    author=ctx.author,
                )
        change: Change[ScoreMap] = Change(
            ChangeKind.SCORE,
            (),
            frozenset(checked),
            frozenset(ctx.framework.subarea(n).area_number for n in checked),
            old={n: old.get(n) for n in checked},
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
                raise NotFound(f"Område ”{ref}” finns inte.")
            framework.area(int(ref))
        elif ref:
            raise KompassError(f"Texten {scope.value} gäller hela utvärderingen och har ingen referens.")
