"""Helpers shared by the report tests: an SKR national-average file (not example data)."""

from __future__ import annotations

import json
from pathlib import Path

SKR_LABEL = "Nationellt medelvärde 2020–2025 (n = 42)"


def skr_average(folder: Path, label: str = SKR_LABEL) -> Path:
    """A national-average file as SKR makes it with ``kompass aggregate`` (all three versions)."""
    frameworks = {
        fid: {
            "label": label,
            "areas": {str(n): {"n": 42, "mean": 60 - n} for n in range(1, 9)},
            "total": {"n": 42, "mean": 444},
        }
        for fid in ("2019", "2016", "2010")
    }
    data = {
        "format": 1,
        "kind": "kommunkompassen-national-average",
        "example": False,
        "label": label,
        "created": "2025-10-01",
        "source": "SKR",
        "frameworks": frameworks,
    }
    path = folder / "skr-medelvarde.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
