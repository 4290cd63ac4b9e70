"""The PDF's pages: templates, header, footer ("Sida X av Y"), watermark, outline and table of
contents, built in one pass; optionally only some pages drawn (the live preview).

One pass: the table of contents knows its entries beforehand (every heading of the content
model), so its height is right from the start; its page numbers are drawn when the canvas is
saved, like the footers, once every heading has been placed.  A build can number its pages
from any page of the whole report (:class:`PageRange`): the preview builds one section with
the numbers it has in the whole report.  Pages not in ``keep`` are laid out but not drawn.

While drawing, every paragraph with a source (:attr:`Para.source`) records where it was
printed (:class:`Region`), so a click on a page can be mapped to the field it came from.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from .. import __version__
from .blocks import DocumentInfo
from .fonts import BOLD, REGULAR
from .markup import plain
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
)

TocEntry = tuple[int, str, str]  # (level from 0, text as markup, bookmark key)

# Streams (page content, embedded fonts) are compressed but not ASCII85-encoded as well: the
# encoding made files a quarter larger and took a sixth of the time of a whole report.
rl_config.useA85 = 0


@dataclass(frozen=True, slots=True)
class Region:
    """Where a paragraph with a source was printed: PDF points, origin at the page's foot."""

    page: int  # page number in the whole report
    x0: float
    y0: float
    x1: float
    y1: float
    source: str

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass(frozen=True, slots=True)
class PageRange:
    """How the pages of one build are numbered and which of them are drawn."""

    first: int = 1  # the number of the first page built
    after: int = 0  # pages of the report after the ones built ("av Y" counts them)
    keep: Collection[int] | None = None  # numbers of the pages drawn (None: all)
    outline: bool = True  # bookmarks (whole reports only: they point at every page)
    regions: bool = False  # record where each source was printed (the preview)

    def kept(self, number: int) -> bool:
        return self.keep is None or number in self.keep


@dataclass(slots=True)
class Built:
    """One build: the PDF (only the kept pages), its numbering and what was where."""

    pdf: bytes
    pages: int  # pages laid out
    range: PageRange
    heading_pages: dict[str, int]  # bookmark key -> page number
    regions: list[Region] = field(default_factory=list)
    placed: dict[str, int] = field(default_factory=dict)  # source -> first page it is on
    last: dict[str, int] = field(default_factory=dict)  # source -> last page it is on

    @property
    def total(self) -> int:
        return self.range.first - 1 + self.pages + self.range.after

    @property
    def numbers(self) -> list[int]:
        """The numbers of the pages in :attr:`pdf`, in order."""
        first = self.range.first
        return [n for n in range(first, first + self.pages) if self.range.kept(n)]


# -- the table of contents ---------------------------------------------------------------------


class Contents(TableOfContents):  # type: ignore[misc]
    """A table of contents filled from the content model; page numbers drawn at save time.

    ``links``: entries link to their headings (whole reports; a part built alone has no
    headings of other parts to link to).
    """

    def __init__(self, entries: list[TocEntry], **kw: Any) -> None:
        super().__init__(**kw)
        self.entries = entries
        self.links = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canv = self.canv

        def later(canvas: Canvas, _kind: str, label: str) -> None:
            level, key = self.entries[int(label)][0], self.entries[int(label)][2]
            style = self.getLevelStyle(level)
            dots = self.dotsMinLevel >= 0 and level >= self.dotsMinLevel
            pending = getattr(canvas, "kompass_toc", None)
            if pending is None:  # a canvas of reportlab's own: no page numbers known
                drawPageNumbers(canvas, style, [(0, key)], availWidth, 0, " . " if dots else "")
                return
            info = canvas._curr_tx_info
            x, y = canvas.absolutePosition(info["cur_x"], info["cur_y"])
            right, _ = canvas.absolutePosition(availWidth, 0)
            link = key if self.links else ""
            pending.append((canvas.getPageNumber(), x, y, right, style, dots, key, link))

        canv.setNamedCB("kompassTocEntryEnd", later)
        rows: list[list[Flowable]] = []
        for index, (level, text, key) in enumerate(self.entries):
            style = self.getLevelStyle(level)
            markup = f'<a href="#{key}">{text}</a>' if self.links and key else text
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([Paragraph(f'{markup}<onDraw name="kompassTocEntryEnd" label="{index}"/>', style)])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(canv, availWidth, availHeight)
        return self.width, self.height


def _draw_toc_number(
    canv: Canvas, x: float, y: float, right: float, style: ParagraphStyle, dots: bool, page: int, link: str
) -> None:
    """reportlab's drawPageNumbers with absolute positions (the page state is restored at save)."""
    text = str(page)
    size = style.fontSize
    width = stringWidth(text, style.fontName, size)
    while width > right - x and size >= 1.0:
        size *= 0.9
        width = stringWidth(text, style.fontName, size)
    dot = " . " if dots else ""
    dot_width = stringWidth(dot, style.fontName, size) if dot else 0
    count = int((right - x - width) / dot_width) if dot else 0
    tx = canv.beginText(right - count * dot_width - width, y)
    tx.setFont(style.fontName, size)
    tx.setFillColor(style.textColor)
    tx.textLine(count * dot + text)
    canv.drawText(tx)
    if link:
        canv.linkRect("", link, (right - width, y, right, y + style.leading), relative=1)


# -- canvas and document ------------------------------------------------------------------------


def sources_in(flowable: Flowable) -> tuple[str, ...]:
    """The sources printed by ``flowable``: its own, else those of what it holds: the part of a
    table split over pages (reportlab makes it anew, with the cells of its rows), a group kept
    together, a cell's list of paragraphs."""
    own = flowable.__dict__.get("kompass_sources") if hasattr(flowable, "__dict__") else None
    if own is None:
        own = getattr(type(flowable), "kompass_sources", None) or None
    if own is not None and not isinstance(flowable, Table):
        return tuple(own)
    inner: list[Any] = []
    if isinstance(flowable, Table):
        inner = [c for row in flowable._cellvalues for c in row]
    elif isinstance(flowable, list | tuple):
        inner = list(flowable)
    else:
        inner = list(getattr(flowable, "_content", None) or ())
    found = [s for item in inner if not isinstance(item, str) for s in sources_in(item)]
    return tuple(dict.fromkeys(found))


def _no_draw(*_args: Any, **_kwargs: Any) -> None:
    """Stands in for ``drawOn`` on pages that are only laid out."""


class ReportFrame(Frame):  # type: ignore[misc]
    """The body frame: draws only on kept pages; notes on which page every source is placed."""

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        drawing = canv.kompass_drawing
        if not drawing:  # object.__setattr__: charts (Drawing) refuse unknown attributes
            object.__setattr__(flowable, "drawOn", _no_draw)
        try:
            done: int = Frame._add(self, flowable, canv, trySplit)
        finally:
            if not drawing:
                object.__delattr__(flowable, "drawOn")
        if done:
            for source in sources_in(flowable):
                canv.kompass_placed.setdefault(source, canv.getPageNumber())
                canv.kompass_last[source] = canv.getPageNumber()
        return done

    add = _add

    def __deepcopy__(self, memo: dict[int, Any]) -> ReportFrame:
        """reportlab copies the frame deeply to measure every kept-together group of flowables
        (headings with their next paragraph, tables with their caption): a shallow copy with
        its own list of frame backgrounds does, in a fraction of the time."""
        twin: ReportFrame = copy.copy(self)
        if hasattr(self, "_frameBGs"):
            twin._frameBGs = list(self._frameBGs)
        return twin


def canvas_class(info: DocumentInfo, pages: PageRange, heading_pages: dict[str, int]) -> type[Canvas]:
    """A canvas that keeps its pages until the page count is known: then it draws the footers
    ("Sida X av Y") and the table of contents' page numbers, and leaves out unkept pages."""
    footer_left = plain(info.footer)

    class ReportCanvas(Canvas):  # type: ignore[misc]
        kompass_footer = False
        kompass_drawing = True

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.kompass_regions: list[tuple[int, float, float, float, float, str]] | None = (
                [] if pages.regions else None
            )
            self.kompass_toc: list[tuple[int, float, float, float, ParagraphStyle, bool, str, str]] = []
            self.kompass_placed: dict[str, int] = {}
            self.kompass_last: dict[str, int] = {}  # source -> the last page it is on

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = pages.first - 1 + len(self._pages) + pages.after
            toc: dict[int, list[tuple[float, float, float, ParagraphStyle, bool, str, str]]] = {}
            for index, x, y, right, style, dots, key, link in self.kompass_toc:
                toc.setdefault(index, []).append((x, y, right, style, dots, key, link))
            for index, state in enumerate(self._pages, start=1):
                number = pages.first + index - 1
                if not pages.kept(number):
                    continue
                self.__dict__.update(state)
                for x, y, right, style, dots, key, link in toc.get(index, []):
                    _draw_toc_number(self, x, y, right, style, dots, heading_pages.get(key, 0), link)
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
    def __init__(
        self, target: io.BytesIO, info: DocumentInfo, pages: PageRange, first_template: str = ""
    ) -> None:
        self.info = info
        self.range = pages
        self.heading_pages: dict[str, int] = {}
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
        frame = ReportFrame(
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
        first = first_template or ("body" if info.draft else "title")
        self.addPageTemplates([body, title] if first == "body" else [title, body])

    def number(self, page: int) -> int:
        """The number printed on page ``page`` of this build."""
        return self.range.first + page - 1

    def handle_pageBegin(self) -> None:
        self.canv.kompass_drawing = self.range.kept(self.number(self.page + 1))
        super().handle_pageBegin()

    # -- page decoration ---------------------------------------------------------------------
    def _watermark(self, canv: Canvas) -> None:
        if self.range.outline:
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
        if not canv.kompass_drawing:
            return
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
        if not canv.kompass_drawing:
            return
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

    # -- outline ---------------------------------------------------------------------------------
    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "bookmark_key", "")
        if not key:
            return
        self.heading_pages.setdefault(key, self.number(self.page))
        if self.range.outline:
            level: int = flowable.outline_level
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.plain, key, level=level, closed=level >= 1)


def build_pages(
    story: list[Flowable],
    info: DocumentInfo,
    pages: PageRange = PageRange(),
    first_template: str = "",
    *,
    compress: bool = True,
    headings: dict[str, int] | None = None,
) -> Built:
    """Lay out ``story`` once; the PDF holds the kept pages.  ``headings``: page numbers of
    headings in other parts of the report (for a table of contents built without them).
    Not thread-safe (reportlab's global state): callers hold the report's build lock."""
    for flowable in story:
        if isinstance(flowable, Contents):
            flowable.links = pages.outline
    buffer = io.BytesIO()
    doc = ReportDoc(buffer, info, pages, first_template)
    doc.pageCompression = 1 if compress else 0
    numbers = doc.heading_pages if headings is None else _Merged(headings, doc.heading_pages)
    maker = canvas_class(info, pages, numbers)
    if pages.keep is not None and not pages.keep:
        doc._doSave = 0  # only laid out: no PDF to make
    doc.build(story, canvasmaker=maker)
    canv = doc.canv
    regions = [
        Region(doc.number(page), x0, y0, x1, y1, source)
        for page, x0, y0, x1, y1, source in canv.kompass_regions or ()
    ]
    placed = {source: doc.number(page) for source, page in canv.kompass_placed.items()}
    last = {source: doc.number(page) for source, page in canv.kompass_last.items()}
    return Built(buffer.getvalue(), doc.page, pages, dict(doc.heading_pages), regions, placed, last)


class _Merged(dict[str, int]):
    """Heading pages of the build, else of the rest of the report."""

    def __init__(self, rest: dict[str, int], own: dict[str, int]) -> None:
        super().__init__(rest)
        self.own = own

    def get(self, key: str, default: int = 0) -> int:  # type: ignore[override]
        return self.own.get(key) or super().get(key, default)


def record_region(flowable: Flowable) -> None:
    """Called while ``flowable`` is drawn: note where its source was printed (if asked for)."""
    regions = getattr(flowable.canv, "kompass_regions", None)
    source = flowable.source
    if regions is None or not source:
        return
    canv = flowable.canv
    x0, y0 = canv.absolutePosition(0, 0)
    x1, y1 = canv.absolutePosition(flowable.width, flowable.height)
    regions.append((canv.getPageNumber(), min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), source))
