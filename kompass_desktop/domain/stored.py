"""Rules for values read back from an evaluation file (pure: no I/O, no SQL).

A file can be damaged inside while SQLite still calls it sound: a score that is not a number,
a JSON column that no longer parses, a framework copy that lost a field.  Each parser here
turns one stored value into what the app works with, or raises ``ValueError`` with a Swedish
text saying what is wrong.  Storage uses the same parsers to load records and to check every
record when a file is opened, so what is checked is exactly what is loaded.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from .errors import ScoreError
from .framework import FindingKind, Framework
from .messages import Message, joined, msg
from .model import SourceKind, TextScope
from .reference import NationalAverage, NationalAverageError, parse_national_averages
from .scoring import parse_points

#: Errors that building a value from malformed data can raise.
DATA_ERRORS = (KeyError, IndexError, TypeError, ValueError, ArithmeticError, AttributeError)


def data_problem(err: BaseException) -> str:
    """What went wrong in building a value from malformed data (one of :data:`DATA_ERRORS`), in
    words a user can read: never Python's name for the error nor its English text."""
    if isinstance(err, KeyError) and err.args:
        return msg("fältet ”{key}” saknas", key=_show(err.args[0]))
    if isinstance(err, ValueError) and err.args and isinstance(err.args[0], Message):
        return err.args[0]  # one of our own (a score, a date, a JSON value): already in Swedish
    if isinstance(err, IndexError):
        return msg("en lista har för få värden")
    if isinstance(err, ArithmeticError):
        return msg("ett tal är ogiltigt")
    if isinstance(err, (TypeError, AttributeError)):
        return msg("ett värde har fel typ")
    return msg("ett värde är ogiltigt")


def _show(value: object, limit: int = 30) -> str:
    """A stored value as a message shows it (between quotes in the template): at most ``limit``
    characters, then "…"."""
    text = str(value)
    return f"{text[:limit]}…" if len(text) > limit else text


def parse_stored_points(value: object) -> Decimal | None:
    """A stored sub-score: NULL (not scored) or the exact decimal text the app writes."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(msg("poängen ”{value}” är inte lagrad som text", value=_show(value)))
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(msg("poängen ”{value}” är inte ett tal", value=_show(value))) from None
    if not number.is_finite():
        raise ValueError(msg("poängen ”{value}” är inte ett tal", value=_show(value)))
    try:
        parse_points(number)
    except ScoreError as err:
        raise ValueError(msg("poängen ”{value}”: {err}", value=_show(value), err=err)) from None
    return number


def parse_json(value: object) -> Any:
    if not isinstance(value, str):
        raise ValueError(msg("värdet ”{value}” är inte JSON-text", value=_show(value)))
    try:
        return json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        raise ValueError(msg("ogiltig JSON (”{value}”)", value=_show(value))) from None


def check_text_list(value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError(
            msg("väntade en lista med texter, fann ”{value}”", value=_show(json.dumps(value, default=str)))
        )


def check_facts(value: Any) -> None:
    scalar = (str, int, float)
    if not isinstance(value, list) or not all(
        isinstance(x, list) and len(x) == 2 and all(isinstance(y, scalar) for y in x) for x in value
    ):
        raise ValueError(
            msg("väntade en lista med par (rubrik, värde), fann ”{value}”", value=_show(json.dumps(value)))
        )


def check_area_scores(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValueError(msg("väntade områdespoäng, fann ”{value}”", value=_show(json.dumps(value))))
    for key, points in value.items():
        try:
            int(key)
            number = Decimal(str(points))
        except DATA_ERRORS:
            raise ValueError(
                msg("område ”{area}”: ”{points}” är inte ett tal", area=_show(key), points=_show(points))
            ) from None
        if isinstance(points, bool) or not number.is_finite():
            raise ValueError(
                msg("område ”{area}”: ”{points}” är inte ett tal", area=_show(key), points=_show(points))
            )


def enum_rule(kind: type[StrEnum]) -> Callable[[Any], None]:
    allowed = {member.value for member in kind}

    def check(value: Any) -> None:
        if value not in allowed:
            raise ValueError(
                msg(
                    "okänt värde ”{value}” (tillåtna: {allowed})",
                    value=_show(value),
                    allowed=", ".join(sorted(allowed)),
                )
            )

    return check


#: JSON columns: table -> column -> shape rule for the decoded value.
JSON_RULES: Mapping[str, Mapping[str, Callable[[Any], None]]] = {
    "evaluation": {"facts": check_facts, "evaluators": check_text_list},
    "interviews": {"roles": check_text_list, "names": check_text_list},
    "earlier_evaluations": {"area_scores": check_area_scores},
}


def _check_points(value: Any) -> None:
    parse_stored_points(value)


def _check_municipality_code(value: Any) -> None:
    if value != "" and not (isinstance(value, str) and re.fullmatch("[0-9]{4}", value)):
        raise ValueError(msg("kommunkoden ”{value}” är inte fyra siffror", value=_show(value)))


def _check_flag(value: Any) -> None:
    if value not in (0, 1) or isinstance(value, float):
        raise ValueError(msg("värdet ”{value}” är varken 0 eller 1", value=_show(value)))


#: Plain columns with a rule beyond their SQL type: table -> column -> rule.
VALUE_RULES: Mapping[str, Mapping[str, Callable[[Any], None]]] = {
    "evaluation": {"municipality_code": _check_municipality_code, "unlisted": _check_flag},
    "scores": {"points": _check_points},
    "independent_scores": {"points": _check_points},
    "notes": {"source_kind": enum_rule(SourceKind)},
    "texts": {"scope": enum_rule(TextScope)},
    "findings": {"kind": enum_rule(FindingKind)},
}


def parse_stored_framework(value: object) -> Framework:
    """The frozen framework copy of a file."""
    data = parse_json(value)
    if not isinstance(data, dict):
        raise ValueError(msg("inget JSON-objekt"))
    try:
        framework = Framework.from_dict(data)
    except DATA_ERRORS as err:
        raise ValueError(msg("ofullständig ({problem})", problem=data_problem(err))) from None
    for sub in framework.subareas():
        if not sub.max.is_finite():
            raise ValueError(msg("maxpoängen för {number} är inte ett tal", number=sub.number))
    return framework


def parse_stored_national(value: object) -> NationalAverage | None:
    """The national-average reference the evaluator chose (kept in the file's meta table)."""
    if value in (None, ""):
        return None
    data = parse_json(value)
    if not isinstance(data, dict):
        raise ValueError(msg("det nationella medelvärdet är inget JSON-objekt"))
    try:
        table = parse_national_averages(data)
    except NationalAverageError as err:  # names the JSON path and the problem
        raise ValueError(msg("det nationella medelvärdet: {err}", err=joined(err.args[:1]))) from None
    except DATA_ERRORS as err:
        raise ValueError(
            msg("det nationella medelvärdet är ofullständigt ({problem})", problem=data_problem(err))
        ) from None
    return next(iter(table.values()), None)  # every figure is checked there (0–1000, n ≥ 0)


def finite_number(value: object) -> bool:
    """True for an int or a finite float (what a REAL column may hold)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))
