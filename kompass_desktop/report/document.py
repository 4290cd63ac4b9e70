"""The report file: the content model, the PDF's pages (templates, header, footer, watermark,
outline, metadata) or the Word file, and crash-safe writing.

:func:`build_report` takes an :class:`EvaluationSnapshot` (never the database), so the GUI can
run it in a worker thread.  The format follows the file's suffix (``.pdf`` or ``.docx``); both
are made from the same :class:`ReportContent`.  The file is written crash-safely: it is built
in memory, written to a temporary file beside the target, flushed to disk and renamed over it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.checks import OpenItem, Severity
from ..domain.errors import InputProblems, KompassError
from ..domain.messages import msg
from ..domain.model import EvaluationSnapshot
from ..services.comparison import reference_for
from ..storage.fileformat import check_name_length
from ..storage.outputs import Replace, check_output, write_output
from .areas import chapters_3_to_5
from .blocks import DocumentInfo, ReportContent
from .content import front_and_summary
from .context import ReportContext, all_items, make_context
from .pages import build_pages
from .pdf import flowables
from .styles import (
    styles,
)

FORMATS = {".pdf": "PDF", ".docx": "Word"}

build_lock = threading.Lock()  # reportlab keeps some global state: one build at a time


class ReportNotReady(InputProblems):
    """A final report was asked for while something required is still missing (``items``: what,
    for a GUI to word each in its own language)."""

    def __init__(self, summary: str, problems: list[str], items: Iterable[OpenItem] = ()) -> None:
        super().__init__(summary, problems)
        self.items = tuple(items)


class ReportWriteError(KompassError):
    """The PDF could not be written (folder missing, no permission, file open elsewhere)."""


@dataclass(frozen=True, slots=True)
class ReportResult:
    path: Path
    pages: int
    draft: bool
    open_items: tuple[OpenItem, ...]  # everything still open (drafts list it on their first page)
    content_hash: str  # short hash of the printed content (shown in a draft's footer)


def missing_for_final(
    snap: EvaluationSnapshot, *, national_path: Path | None = None, with_national: bool = True
) -> list[OpenItem]:
    """What must be done before a final report can be made (empty list: ready)."""
    national = reference_for(snap, national_path) if with_national else None
    return [i for i in all_items(snap, national, with_national) if i.severity == Severity.REQUIRED]


def document_info(ctx: ReportContext) -> DocumentInfo:
    fw = ctx.snap.framework
    subject = f"Utvärdering enligt {fw.name}" + (" – UTKAST" if ctx.draft else "")
    return DocumentInfo(
        title=ctx.title,
        author=", ".join(ctx.evaluators) or "Kompass Desktop",
        subject=subject,
        keywords=("Kommunkompassen", ctx.name, fw.name, "SKR"),
        header=ctx.header,
        footer=ctx.stamp if ctx.draft else fw.name,
        version_label=f"Version {fw.version_label}",
        draft=ctx.draft,
        stamp=ctx.stamp if ctx.draft else "",
    )


def report_content(ctx: ReportContext) -> ReportContent:
    """The whole report as plain data (what both the PDF and the Word file print)."""
    return ReportContent(document_info(ctx), tuple(front_and_summary(ctx) + chapters_3_to_5(ctx)))


def render_pdf(content: ReportContent) -> tuple[bytes, int]:
    """The PDF bytes and the page count (one pass: see :mod:`.pages`)."""
    story = flowables(content.blocks, styles())
    with build_lock:
        built = build_pages(story, content.info)
    return built.pdf, built.pages


def _check_target(out: Path) -> str:
    check_name_length(out)
    if out.is_dir():
        raise ReportWriteError(
            msg("{out} är en mapp; ange ett filnamn som slutar på .pdf eller .docx.", out=out)
        )
    if out.suffix.lower() == ".kompass":
        raise ReportWriteError(
            msg(
                "{name} är en utvärderingsfil; ange ett filnamn som slutar på .pdf eller .docx.",
                name=out.name,
            )
        )
    kind = FORMATS.get(out.suffix.lower())
    if kind is None:
        raise ReportWriteError(
            msg(
                "{name}: ange ett filnamn som slutar på .pdf (PDF) eller .docx (Word); "
                "formatet följer ändelsen.",
                name=out.name,
            )
        )
    if not out.parent.is_dir():
        raise ReportWriteError(msg("Mappen {folder} finns inte.", folder=out.parent))
    return kind


def write_atomically(out: Path, data: bytes, *, inputs: Iterable[Path | None] = ()) -> None:
    """The output guard, then a temporary file of ours beside ``out`` (owner only while written),
    flushed to disk and renamed over it: never a half-written report, never over an evaluation
    file or an input.  An earlier report keeps its mode."""
    write_output(out, data, inputs=inputs, replace=Replace.ORDINARY, error=ReportWriteError)


def build_report(
    snapshot: EvaluationSnapshot,
    out: Path,
    *,
    draft: bool,
    national_path: Path | None = None,
    now: datetime | None = None,
    with_national: bool = True,
) -> ReportResult:
    """Write the report to ``out``: a PDF (``.pdf``) or a Word file (``.docx``).

    A final report (``draft=False``) is refused with :class:`ReportNotReady` (listing every
    missing item) while :func:`missing_for_final` is not empty; nothing is written then, and an
    existing ``out`` is left untouched.  ``with_national=False`` leaves the national average
    out of charts and texts.  Touches no database: safe in a worker thread.
    """
    out = Path(out)
    kind = _check_target(out)
    check_output(out, inputs=[national_path], replace=Replace.ORDINARY)  # before the work, GUI or CLI
    ctx = make_context(
        snapshot, draft=draft, national_path=national_path, now=now, with_national=with_national
    )
    if not draft:
        missing = [i for i in ctx.items if i.severity == Severity.REQUIRED]
        if missing:
            summary = (
                msg(
                    "Den slutliga rapporten kan inte skapas: {n} uppgift saknas "
                    "(ett utkast visar allt som återstår):",
                    n=len(missing),
                )
                if len(missing) == 1
                else msg(
                    "Den slutliga rapporten kan inte skapas: {n} uppgifter saknas "
                    "(ett utkast visar allt som återstår):",
                    n=len(missing),
                )
            )
            raise ReportNotReady(summary, [item.message for item in missing], missing)
    content = report_content(ctx)
    if kind == "Word":
        from .word import render_docx

        data, pages = render_docx(content), 0
    else:
        data, pages = render_pdf(content)
    write_atomically(out, data, inputs=[national_path])
    return ReportResult(out, pages, draft, ctx.items, ctx.content_hash)
