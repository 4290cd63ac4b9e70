"""The PDF renderer, part 1: report blocks (plain data) -> reportlab flowables.

Every text reaches reportlab through :mod:`.markup` (escaped); long paragraphs are handed
over in pieces (:func:`chunks`) so that layout time stays linear in the length of a text.
Paragraphs carry their source (the field they came from) and note where they were drawn
(:func:`.pages.record_region`).  A :class:`FlowableCache` hands the paragraphs and charts of an
earlier build to the next one (the live preview): their line breaks are not computed again.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Hashable
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus.tables import Table as RLTable
from reportlab.platypus.tables import TableStyle

from . import charts
from .blocks import (
    Block,
    Bookmark,
    Chart,
    ChartKind,
    Contents,
    Heading,
    NeedSpace,
    PageBreak,
    Para,
    Role,
    Space,
    Table,
    TableKind,
    Together,
)
from .fonts import REGULAR
from .markup import BR, Markup, TextParagraph, concat, esc, para, plain_frags, styled, text_para
from .markup import plain as clean
from .pages import Contents as ContentsFlowable
from .pages import TocEntry, record_region
from .styles import ACCENT, ACCENT_LIGHT, MISSING, MUTED, RULE, TEXT_WIDTH, Styles

MISSING_HEX = MISSING.hexval().replace("0x", "#")


class HeadingParagraph(TextParagraph):
    """A heading that becomes a PDF bookmark (outline level ``level``) and optionally a TOC entry.

    ``text`` is plain text (escaped here); the split-off parts made by reportlab pass ``None``.
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        *,
        key: str = "",
        level: int = 0,
        toc: bool = False,
        plain: str | None = None,
        source: str = "",
        **kw: Any,
    ) -> None:
        if text is not None:  # plain text: no markup to parse
            cleaned, frags = plain_frags(text.split("\n"), style)
            super().__init__(cleaned, style, frags=frags, **kw)  # frags None: parsed
        else:  # a part split off by reportlab (its fragments in ``kw``)
            super().__init__(None, style, **kw)
        self.bookmark_key = key
        self.outline_level = level
        self.in_toc = toc
        self.plain = clean(plain or text or "")
        self.source = source
        self.kompass_sources = (source,) if source else ()

    def draw(self) -> None:
        super().draw()
        record_region(self)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, HeadingParagraph) and part is not self:
                part.source, part.kompass_sources = self.source, self.kompass_sources
        if parts and isinstance(parts[0], HeadingParagraph) and parts[0] is not self:
            first = parts[0]  # only the first part carries the bookmark
            first.bookmark_key, first.outline_level = self.bookmark_key, self.outline_level
            first.in_toc, first.plain = self.in_toc, self.plain
        return parts


class Anchor(Flowable):  # type: ignore[misc]
    """An invisible bookmark target (an outline entry without a printed heading)."""

    def __init__(self, key: str, level: int, plain: str) -> None:
        super().__init__()
        self.bookmark_key = key
        self.outline_level = level
        self.in_toc = False
        self.plain = clean(plain)
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class MarginParagraph(TextParagraph):
    """A paragraph with a small reference label ("1.3¶2") in the left margin (drafts) and the
    source it came from."""

    margin_label = ""
    source = ""
    kompass_sources: tuple[str, ...] = ()

    def draw(self) -> None:
        super().draw()
        record_region(self)
        if self.margin_label:
            canv: Canvas = self.canv
            canv.saveState()
            canv.setFont(REGULAR, 7)
            canv.setFillColor(MUTED)
            y = self.height - self.style.fontSize * 0.95
            canv.drawRightString(-8, y, self.margin_label)
            canv.restoreState()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for i, part in enumerate(parts):
            if isinstance(part, MarginParagraph):
                part.margin_label = self.margin_label if i == 0 else ""
                part.source, part.kompass_sources = self.source, self.kompass_sources
        return parts


# -- long texts ---------------------------------------------------------------------------------


CHUNK = 3000  # characters: longer paragraphs are handed to reportlab in pieces
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def _cut(line: str, limit: int) -> list[str]:
    """One line longer than ``limit`` in pieces: at sentence ends, else at spaces, else anywhere."""
    pieces: list[str] = []
    start = 0
    while len(line) - start > limit:
        end = start + limit
        cut = max((m.end() for m in _SENTENCE_END.finditer(line, start + limit // 2, end + 1)), default=0)
        if not cut:
            space = line.rfind(" ", start + limit // 2, end + 1)
            cut = space + 1 if space > 0 else end
        pieces.append(line[start:cut].strip())
        start = cut
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def chunks(text: str, limit: int = CHUNK) -> list[str]:
    """A paragraph (lines separated by "\\n") in pieces of at most ``limit`` characters.

    A paragraph of normal length stays whole.  A longer one is cut at its own line breaks
    where possible (the layout does not change there), else at sentence ends, so that
    reportlab never has to lay out one huge paragraph again for every page it spans: the
    time to make a report grows linearly with the length of a text.
    """
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for piece in _cut(line, limit):
            if current and size + len(piece) + 1 > limit:
                out.append("\n".join(current))
                current, size = [], 0
            current.append(piece)
            size += len(piece) + 1
    if current:
        out.append("\n".join(current))
    return out


@cache
def _joined(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` without the space after: for every piece of a cut paragraph but the last."""
    return ParagraphStyle(f"{style.name}-joined", parent=style, spaceAfter=0)


def style_of(st: Styles, role: Role) -> ParagraphStyle:
    style: ParagraphStyle = getattr(st, "h3" if role == Role.SUBHEAD else role.value)
    return style


def _markup(
    text: str, *, bold: bool = False, italic: bool = False, red: bool = False, big: bool = False
) -> Markup:
    lines = [
        styled(line, bold=bold, italic=italic, colour=MISSING_HEX if red else "", size=24 if big else 0)
        if line
        else Markup("")
        for line in text.split("\n")
    ]
    return Markup(BR.join(lines))


def _sourced(fl: MarginParagraph, p: Para, label: str) -> MarginParagraph:
    fl.margin_label = label
    if p.source:
        fl.source, fl.kompass_sources = p.source, (p.source,)
    return fl


def paragraphs(p: Para, st: Styles) -> list[Flowable]:
    """One paragraph as one or more flowables (a very long one in pieces)."""
    style = style_of(st, p.role)
    if len(p.spans) == 1 and not (p.spans[0].bold or p.spans[0].italic or p.spans[0].big):
        span = p.spans[0]
        pieces = chunks(span.text)
        out: list[Flowable] = []
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            fl = text_para(
                piece.split("\n"),
                style if last else _joined(style),
                colour=MISSING_HEX if span.missing else "",
                bullet=p.bullet and i == 0,
                cls=MarginParagraph,
            )
            out.append(_sourced(fl, p, p.label if i == 0 else ""))
        return out
    markup = concat(
        *(_markup(s.text, bold=s.bold, italic=s.italic, red=s.missing, big=s.big) for s in p.spans)
    )
    return [_sourced(para(markup, style, bullet=p.bullet, cls=MarginParagraph), p, p.label)]


class FlowableCache:
    """The flowables of paragraphs and charts, kept from one build to the next.

    A paragraph's line breaks depend only on its text, style and width (:class:`TextParagraph`
    keeps them per width), so an unchanged paragraph is not broken into lines again.  Each
    build gets shallow copies (reportlab sets attributes on the flowables it lays out); what
    a build did not use is forgotten after the next one.
    """

    def __init__(self) -> None:
        self._old: dict[Hashable, list[Flowable]] = {}
        self._new: dict[Hashable, list[Flowable]] = {}

    def get(self, key: Hashable, make: Callable[[], list[Flowable]]) -> list[Flowable]:
        found = self._new.get(key)
        if found is None:
            found = self._old.get(key)
            if found is None:
                found = make()
            self._new[key] = found
        return [copy.copy(f) for f in found]

    def next_build(self) -> None:
        """Forget what the last build did not use."""
        self._old, self._new = self._new, {}


# -- tables --------------------------------------------------------------------------------------

TABLE_BASE = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("FONTSIZE", (0, 0), (-1, -1), 9.5),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]

TABLE_STYLES: dict[TableKind, list[tuple[Any, ...]]] = {
    TableKind.AREA_BOX: [
        *TABLE_BASE,
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("BACKGROUND", (0, 1), (-1, -1), ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
        ("LINEBEFORE", (1, 1), (1, -1), 0.5, RULE),
        ("VALIGN", (1, 1), (1, 1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
    ],
    TableKind.FINDINGS: [
        *TABLE_BASE,
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
        ("INNERGRID", (0, 0), (-1, 0), 0.5, colors.white),
        ("LINEBEFORE", (1, 1), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 1), (-1, 1), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ],
    TableKind.SCORES: [
        *TABLE_BASE,
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (1, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 1), (-1, -3), 0.4, RULE),
        ("LINEABOVE", (0, -1), (-1, -1), 1.0, ACCENT),
        ("BACKGROUND", (0, -1), (-1, -1), ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
    ],
    TableKind.FACTS: [
        *TABLE_BASE,
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, ACCENT),
        ("BACKGROUND", (0, 0), (0, -1), ACCENT_LIGHT),
    ],
    TableKind.TOTAL_BOX: [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
    ],
}


class Renderer:
    """Blocks -> flowables with the styles, an optional cache and the table of contents' entries."""

    def __init__(self, st: Styles, cache: FlowableCache | None = None, toc: list[TocEntry] | None = None):
        self.st = st
        self.cache = cache
        self.toc = toc or []

    def paragraphs(self, p: Para) -> list[Flowable]:
        if self.cache is None:
            return paragraphs(p, self.st)
        return self.cache.get(p, lambda: paragraphs(p, self.st))

    def chart(self, c: Chart) -> Flowable:
        if self.cache is None:
            return chart(c)
        return self.cache.get(c, lambda: [chart(c)])[0]


def cell(content: tuple[Para, ...], r: Renderer) -> list[Flowable] | str:
    out: list[Flowable] = []
    for p in content:
        out += r.paragraphs(p)
    return out or ""


def table(t: Table, r: Renderer) -> RLTable:
    rows = [list(t.header)] if t.header else []
    rows += [list(row) for row in t.rows]
    data = [[cell(c, r) for c in row] for row in rows]
    width = TEXT_WIDTH * sum(t.widths)
    result = RLTable(
        data,
        colWidths=[TEXT_WIDTH * w for w in t.widths],
        repeatRows=1 if t.header else 0,
        splitInRow=1,
        style=TableStyle(TABLE_STYLES[t.kind]),
    )
    if width < TEXT_WIDTH - 1:
        result.hAlign = "CENTER"
    sources = (p.source for row in rows for c in row for p in c if p.source)
    result.kompass_sources = tuple(dict.fromkeys(sources))
    return result


def toc_entries(blocks: tuple[Block, ...] | list[Block]) -> list[TocEntry]:
    """The table of contents: every heading listed in it, as :class:`HeadingParagraph` names it."""
    out: list[TocEntry] = []

    def visit(items: tuple[Block, ...] | list[Block]) -> None:
        for b in items:
            if isinstance(b, Together):
                visit(b.blocks)
            elif isinstance(b, Heading) and b.toc:
                out.append((b.level - 1, esc(clean(b.outline or b.text)), b.key))

    visit(blocks)
    return out


def contents(title: str, st: Styles, entries: list[TocEntry]) -> list[Flowable]:
    toc = ContentsFlowable(entries)
    toc.levelStyles = [st.toc1, st.toc2]
    toc.tableStyle = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    toc.dotsMinLevel = 0
    return [para(esc(title), st.toc_title), toc]


def chart(c: Chart) -> Flowable:
    if c.kind == ChartKind.AREAS:
        return charts.area_bars(c.data, TEXT_WIDTH)
    if c.kind == ChartKind.TOTALS:
        return charts.totals_bars(c.data, TEXT_WIDTH)
    return charts.profile_radar(c.data, TEXT_WIDTH)


_HEADING_STYLES = {1: "h1", 2: "h2", 3: "h3"}


def flowables(
    blocks: tuple[Block, ...] | list[Block],
    st: Styles,
    *,
    cache: FlowableCache | None = None,
    toc: list[TocEntry] | None = None,
) -> list[Flowable]:
    """The flowables of ``blocks``; ``toc``: the entries of a table of contents among them
    (default: the headings in ``blocks``)."""
    return _flowables(blocks, Renderer(st, cache, toc if toc is not None else toc_entries(blocks)))


def heading(b: Heading, st: Styles) -> HeadingParagraph:
    return HeadingParagraph(
        b.text,
        getattr(st, _HEADING_STYLES[b.level]),
        key=b.key,
        level=b.level - 1,
        toc=b.toc,
        plain=b.outline or b.text,
        source=b.source,
    )


def _flowables(blocks: tuple[Block, ...] | list[Block], r: Renderer) -> list[Flowable]:
    st = r.st
    out: list[Flowable] = []
    for b in blocks:
        if isinstance(b, Para):
            out += r.paragraphs(b)
        elif isinstance(b, Heading):
            out.append(heading(b, st))
        elif isinstance(b, Bookmark):
            out.append(Anchor(b.key, b.level - 1, b.text))
        elif isinstance(b, Table):
            out.append(table(b, r))
        elif isinstance(b, Chart):
            out.append(r.chart(b))
        elif isinstance(b, PageBreak):
            if b.template:
                out.append(NextPageTemplate(b.template))
            out.append(RLPageBreak())
        elif isinstance(b, NeedSpace):
            out.append(CondPageBreak(b.cm * cm))
        elif isinstance(b, Space):
            out.append(Spacer(1, b.points))
        elif isinstance(b, Together):
            out.append(KeepTogether(_flowables(b.blocks, r)))
        elif isinstance(b, Contents):
            out += contents(b.title, st, r.toc)
    return out
