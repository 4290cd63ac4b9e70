"""Reference values to compare with: national averages per framework version."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import KompassError
from .messages import msg


@dataclass(frozen=True, slots=True)
class Stat:
    n: int
    mean: Decimal
    min: Decimal | None = None
    max: Decimal | None = None


@dataclass(frozen=True, slots=True)
class NationalAverage:
    """Average per area (and total) of many evaluations made with one framework version."""

    framework_id: str
    label: str  # shown in reports' legends, e.g. "Nationellt medelvärde 2020–2025 (n = 42)"
    example: bool  # True for the example data shipped with the app
    areas: Mapping[int, Stat] = field(default_factory=dict)
    total: Stat | None = None
    source: str = ""
    created: str = ""
    period: str = ""  # the years of the evaluations ("2020–2025"); the GUI names the average by it

    @property
    def n(self) -> int:
        return self.total.n if self.total else max((s.n for s in self.areas.values()), default=0)

    @property
    def generic_label(self) -> bool:
        """The label is one the app writes itself (``kompass aggregate``, the example data), which
        a GUI words in its own language from the data; any other label is a name, shown as given."""
        return _GENERATED_LABEL.fullmatch(self.label) is not None


_GENERATED_LABEL = re.compile(
    r"Nationellt medelvärde(?: [0-9]{4}(?:[–-][0-9]{4})?)?(?: \(n = [0-9]+\))?"
    r"(?: – EXEMPELDATA| \(exempeldata\))?"
)


#: Plausible bounds of every figure in a reference (a total is at most 800 points; n counts
#: municipalities).  Anything outside — 1e308, NaN, a negative n — is refused, wherever the
#: reference comes from (a file given by the user, or the copy stored in an evaluation file).
MAX_POINTS = Decimal(1000)
MAX_N = 1_000_000


class NationalAverageError(KompassError, ValueError):
    """A national-average document that cannot be used (names the JSON path and the problem)."""


def _number(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise NationalAverageError(msg("{where}: ”{value}” är inget tal.", where=where, value=value))
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise NationalAverageError(
            msg("{where}: ”{value}” är inget tal.", where=where, value=value)
        ) from None
    if not number.is_finite() or not 0 <= number <= MAX_POINTS:
        raise NationalAverageError(
            msg(
                "{where}: {value} är inget rimligt poängtal (0–{MAX_POINTS}).",
                where=where,
                value=value,
                MAX_POINTS=MAX_POINTS,
            )
        )
    return number


def _stat(d: Any, where: str) -> Stat:
    if not isinstance(d, Mapping):
        raise NationalAverageError(msg("{where}: ska vara ett objekt med n och mean.", where=where))
    n = d.get("n")
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_N:
        raise NationalAverageError(
            msg("{where}.n: ”{n}” är inget rimligt antal (0–{MAX_N}).", where=where, n=n, MAX_N=MAX_N)
        )

    def dec(key: str) -> Decimal | None:
        return None if d.get(key) is None else _number(d[key], f"{where}.{key}")

    mean = dec("mean")
    return Stat(n, mean if mean is not None else Decimal(0), dec("min"), dec("max"))


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise NationalAverageError(msg("{where}: ska vara ett objekt.", where=where))
    return value


def _area(key: Any, where: str) -> int:
    text = str(key)
    if not text.isdigit() or not 1 <= int(text) <= 99:
        raise NationalAverageError(msg("{where}: ”{text}” är inget områdesnummer.", where=where, text=text))
    return int(text)


def parse_national_averages(data: Mapping[str, Any]) -> dict[str, NationalAverage]:
    """Read the national-average file format (also written by ``kompass aggregate``).

    Every figure is checked (see :data:`MAX_POINTS`); raises :class:`NationalAverageError`."""
    result: dict[str, NationalAverage] = {}
    data = _mapping(data, "$")
    example = bool(data.get("example", False))
    for fid, raw_entry in _mapping(data.get("frameworks", {}), "$.frameworks").items():
        where = f"$.frameworks.{fid}"
        entry = _mapping(raw_entry, where)
        areas = {
            _area(k, f"{where}.areas"): _stat(v, f"{where}.areas.{k}")
            for k, v in _mapping(entry.get("areas", {}), f"{where}.areas").items()
        }
        total = _stat(entry["total"], f"{where}.total") if entry.get("total") else None
        label = entry.get("label") or data.get("label") or "Nationellt medelvärde"
        if not isinstance(label, str):
            raise NationalAverageError(msg("{where}.label: ska vara en text.", where=where))
        if example and "exempel" not in label.lower():
            label = f"{label} (exempeldata)"
        period = entry.get("period", "")
        if not isinstance(period, str):
            raise NationalAverageError(msg("{where}.period: ska vara en text.", where=where))
        result[str(fid)] = NationalAverage(
            framework_id=str(fid),
            label=label,
            example=example,
            period=period,
            areas=areas,
            total=total,
            source=str(data.get("source", "")),
            created=str(data.get("created", "")),
        )
    return result


def _stat_dict(stat: Stat) -> dict[str, Any]:
    def num(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    return {"n": stat.n, "mean": float(stat.mean), "min": num(stat.min), "max": num(stat.max)}


def national_to_file_dict(avg: NationalAverage) -> dict[str, Any]:
    """One reference as a complete national-average document (readable by parse_national_averages)."""
    entry: dict[str, Any] = {
        "label": avg.label,
        "areas": {str(k): _stat_dict(v) for k, v in avg.areas.items()},
    }
    entry["total"] = _stat_dict(avg.total) if avg.total else {"n": 0, "mean": 0}
    if avg.period:
        entry["period"] = avg.period
    return {
        "format": 1,
        "kind": "kommunkompassen-national-average",
        "example": avg.example,
        "label": avg.label,
        "created": avg.created,
        "source": avg.source,
        "frameworks": {avg.framework_id: entry},
    }
