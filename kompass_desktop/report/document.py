"""The report file: the content model, the PDF's pages (templates, header, footer, watermark,
outline, metadata) or the Word file, and crash-safe writing.

:func:`build_report` takes an :class:`EvaluationSnapshot` (never the database), so the GUI can
run it in a worker thread.  The format follows the file's suffix (``.pdf`` or ``.docx``); both
are made from the same :class:`ReportContent`.  The file is written crash-safely: it is built
in memory, written to a temporary file beside the target, flushed to disk and renamed over it.
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .. import __version__
from ..domain.checks import OpenItem, Severity
from ..domain.errors import InputProblems, KompassError
from ..domain.model import EvaluationSnapshot
from ..services.comparison import reference_for
from .areas import chapters_3_to_5
from .blocks import DocumentInfo, ReportContent
from .content import front_and_summary
from .context import ReportContext, all_items, make_context
from .fonts import BOLD, REGULAR
from .markup import esc, plain
from .pdf import flowables
from .styles import (
    ACCENT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TEXT_WIDTH,
    WATERMARK,
    styles,
)

FORMATS = {".pdf": "PDF", ".docx": "Word"}

_build_lock = threading.Lock()  # reportlab keeps some global state: one build at a time


class ReportNotReady(InputProblems):
    """A final report was asked for while something required is still missing."""


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


def _canvas_class(info: DocumentInfo) -> type[Canvas]:
    """A canvas that defers the footer until the page count ("Sida X av Y") is known."""
    footer_left = plain(info.footer)

    class ReportCanvas(Canvas):  # type: ignore[misc]
        kompass_footer = False

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if self.kompass_footer:
                    self._draw_footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, number: int, total: int) -> None:
            self.saveState()
            y = MARGIN_BOTTOM - 1.15 * cm
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_LEFT, y + 11, PAGE_WIDTH - MARGIN_RIGHT, y + 11)
            self.setFillColor(MUTED)
            self.setFont(REGULAR, 7.5 if info.draft else 8.5)
            self.drawString(MARGIN_LEFT, y, footer_left)
            self.setFont(REGULAR, 8.5)
            self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, f"Sida {number} av {total}")
            self.restoreState()

    return ReportCanvas


class ReportDoc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: io.BytesIO, info: DocumentInfo) -> None:
        self.info = info
        super().__init__(
            target,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=plain(info.title),
            author=plain(info.author),
            subject=plain(info.subject),
            keywords=[plain(k) for k in info.keywords],
            creator=f"Kompass Desktop {__version__}",
            lang=info.lang,
            displayDocTitle=True,
            initialFontName=REGULAR,
        )
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            TEXT_WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        title = PageTemplate("title", [frame], onPage=self._title_page)
        body = PageTemplate("body", [frame], onPage=self._body_page)
        # a draft starts with the open-items page (a body page), a final report with the title page
        self.addPageTemplates([body, title] if info.draft else [title, body])

    # -- page decoration ---------------------------------------------------------------------
    def _watermark(self, canv: Canvas) -> None:
        canv.showOutline()  # open the PDF with the bookmarks visible
        if not self.info.draft:
            return
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFont(BOLD, 110)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(52)
        canv.drawCentredString(0, -38, "UTKAST")
        canv.restoreState()

    def _title_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.kompass_footer = False
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, PAGE_HEIGHT - 3.2 * cm, PAGE_WIDTH, 3.2 * cm, stroke=0, fill=1)
        canv.rect(0, 0, PAGE_WIDTH, 1.1 * cm, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(BOLD, 18)
        canv.drawString(MARGIN_LEFT, PAGE_HEIGHT - 1.95 * cm, "Kommunkompassen")
        canv.setFont(REGULAR, 10)
        canv.drawString(MARGIN_LEFT, PAGE_HEIGHT - 2.55 * cm, plain(self.info.version_label))
        canv.restoreState()
        self._watermark(canv)

    def _body_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.kompass_footer = True
        self._watermark(canv)
        canv.saveState()
        y = PAGE_HEIGHT - MARGIN_TOP + 0.9 * cm
        canv.setFont(REGULAR, 8.5)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, y, plain(self.info.header))
        if self.info.draft:
            canv.setFont(BOLD, 8.5)
            canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, "UTKAST")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y - 5, PAGE_WIDTH - MARGIN_RIGHT, y - 5)
        canv.restoreState()

    # -- outline and table of contents ---------------------------------------------------------
    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "bookmark_key", "")
        if not key:
            return
        level: int = flowable.outline_level
        plain: str = flowable.plain
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(plain, key, level=level, closed=level >= 1)
        if flowable.in_toc:  # the table of contents makes a Paragraph of it: markup, escaped
            self.notify("TOCEntry", (level, esc(plain), self.page, key))


def render_pdf(content: ReportContent) -> tuple[bytes, int]:
    """The PDF bytes and the page count."""
    story = flowables(content.blocks, styles())
    buffer = io.BytesIO()
    with _build_lock:
        doc = ReportDoc(buffer, content.info)
        doc.multiBuild(story, canvasmaker=_canvas_class(content.info))
        pages = doc.page
    return buffer.getvalue(), pages


def _check_target(out: Path) -> str:
    if out.is_dir():
        raise ReportWriteError(f"{out} är en mapp; ange ett filnamn som slutar på .pdf eller .docx.")
    if out.suffix.lower() == ".kompass":
        raise ReportWriteError(
            f"{out.name} är en utvärderingsfil; ange ett filnamn som slutar på .pdf eller .docx."
        )
    kind = FORMATS.get(out.suffix.lower())
    if kind is None:
        raise ReportWriteError(
            f"{out.name}: ange ett filnamn som slutar på .pdf (PDF) eller .docx (Word); "
            "formatet följer ändelsen."
        )
    if not out.parent.is_dir():
        raise ReportWriteError(f"Mappen {out.parent} finns inte.")
    return kind


def write_atomically(out: Path, data: bytes) -> None:
    """Temp file beside ``out``, flushed to disk, then renamed over it (never a half-written PDF)."""
    tmp: Path | None = None
    try:
        mode = (out.stat().st_mode & 0o777) if out.exists() else 0o644
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)  # mkstemp makes the file private; a report is an ordinary document
        os.replace(tmp, out)
        tmp = None
    except PermissionError:
        raise ReportWriteError(
            f"{out} kan inte skrivas: mappen eller filen är skrivskyddad, "
            "eller filen är öppen i ett annat program."
        ) from None
    except OSError as err:
        raise ReportWriteError(f"{out} kan inte skrivas: {err.strerror or err}.") from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


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
    ctx = make_context(
        snapshot, draft=draft, national_path=national_path, now=now, with_national=with_national
    )
    if not draft:
        missing = [i for i in ctx.items if i.severity == Severity.REQUIRED]
        if missing:
            raise ReportNotReady(
                f"Den slutliga rapporten kan inte skapas: {len(missing)} "
                f"{'uppgift saknas' if len(missing) == 1 else 'uppgifter saknas'} "
                "(ett utkast visar allt som återstår):",
                [item.message for item in missing],
            )
    content = report_content(ctx)
    if kind == "Word":
        from .word import render_docx

        data, pages = render_docx(content), 0
    else:
        data, pages = render_pdf(content)
    write_atomically(out, data)
    return ReportResult(out, pages, draft, ctx.items, ctx.content_hash)
