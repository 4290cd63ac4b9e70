"""Chart data for an open evaluation (earlier evaluations + a national-average reference)."""

from __future__ import annotations

from pathlib import Path

from .. import resources
from ..domain.comparison import ChartData, chart_data
from ..domain.model import EvaluationSnapshot
from ..domain.reference import NationalAverage
from ..domain.scoring import summarize
from . import municipality
from .session import EvaluationSession


def national_average_for(framework_id: str, path: Path | None = None) -> NationalAverage | None:
    """The reference for one version: from ``path`` if given, else the bundled (example) file."""
    table = resources.load_national_averages(path) if path else resources.bundled_national_averages()
    return table.get(framework_id)


def reference_for(snap: EvaluationSnapshot, national_path: Path | None = None) -> NationalAverage | None:
    """The national average to compare with: ``national_path`` if given, else the one the
    evaluator stored in the file, else the bundled (example) reference."""
    if national_path is not None:
        return national_average_for(snap.framework.id, national_path)
    return snap.national or national_average_for(snap.framework.id)


def snapshot_chart_data(
    snap: EvaluationSnapshot, national_path: Path | None = None, include_national: bool = True
) -> ChartData:
    national = reference_for(snap, national_path) if include_national else None
    return chart_data(
        snap.framework,
        summarize(snap.framework, snap.scores),
        municipality.names(snap.info).short,
        snap.info.year,
        snap.earlier,
        national,
        resources.mappings(),
        resources.frameworks(),
    )


def session_chart_data(session: EvaluationSession, national: NationalAverage | None) -> ChartData:
    """Chart data without loading the whole evaluation (fast enough for every keystroke)."""
    info = session.info()
    return chart_data(
        session.framework,
        session.summary(),
        session.names().short,
        info.year,
        session.registers.earlier(),
        national,
        resources.mappings(),
        resources.frameworks(),
    )
