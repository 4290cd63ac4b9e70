"""Reference values to compare with: national averages per framework version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


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
    label: str  # shown in legends, e.g. "Nationellt medelvärde 2020–2025 (n = 42)"
    example: bool  # True for the example data shipped with the app
    areas: Mapping[int, Stat] = field(default_factory=dict)
    total: Stat | None = None
    source: str = ""
    created: str = ""

    @property
    def n(self) -> int:
        return self.total.n if self.total else max((s.n for s in self.areas.values()), default=0)


def _stat(d: Mapping[str, Any]) -> Stat:
    def dec(key: str) -> Decimal | None:
        return None if d.get(key) is None else Decimal(str(d[key]))

    mean = dec("mean")
    return Stat(int(d["n"]), mean if mean is not None else Decimal(0), dec("min"), dec("max"))


def parse_national_averages(data: Mapping[str, Any]) -> dict[str, NationalAverage]:
    """Read the national-average file format (also written by ``kompass aggregate``)."""
    result: dict[str, NationalAverage] = {}
    example = bool(data.get("example", False))
    for fid, entry in data.get("frameworks", {}).items():
        areas = {int(k): _stat(v) for k, v in entry.get("areas", {}).items()}
        total = _stat(entry["total"]) if entry.get("total") else None
        label = entry.get("label") or data.get("label") or "Nationellt medelvärde"
        if example and "exempel" not in label.lower():
            label = f"{label} (exempeldata)"
        result[str(fid)] = NationalAverage(
            framework_id=str(fid),
            label=label,
            example=example,
            areas=areas,
            total=total,
            source=data.get("source", ""),
            created=data.get("created", ""),
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
    return {
        "format": 1,
        "kind": "kommunkompassen-national-average",
        "example": avg.example,
        "label": avg.label,
        "created": avg.created,
        "source": avg.source,
        "frameworks": {avg.framework_id: entry},
    }
