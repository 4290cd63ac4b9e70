"""The report: SKR's Kommunkompassen report as a PDF (reportlab only, no Qt, no database).

Public API (used by the GUI's "Skapa rapport…" and "Skriv ut utkast…" and by ``kompass report``)::

    build_report(snapshot, out, draft=..., national_path=None, now=None) -> ReportResult
    missing_for_final(snapshot) -> list[OpenItem]
"""

from __future__ import annotations

from .document import ReportNotReady, ReportResult, ReportWriteError, build_report, missing_for_final

__all__ = ["ReportNotReady", "ReportResult", "ReportWriteError", "build_report", "missing_for_final"]
