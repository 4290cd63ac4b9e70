"""The PDF renderer, part 1: report blocks (plain data) -> reportlab flowables.

Every text reaches reportlab through :mod:`.markup` (escaped); long paragraphs are handed
over in pieces (:func:`chunks`) so that layout time stays linear in the length of a text.
"""

from __future__ import annotations

import re
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
from reportlab.platypus.tableofcontents import TableOfContents
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
from .markup import BR, Markup, TextParagraph, concat, esc, para, styled
from .markup import plain as clean
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
        **kw: Any,
    ) -> None:
        super().__init__(esc(text) if text is not None else None, style, **kw)
        self.bookmark_key = key
        self.outline_level = level
        self.in_toc = toc
        self.plain = clean(plain or text or "")

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
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
    """A paragraph with a small reference label ("1.3¶2") in the left margin (drafts)."""

    margin_label = ""

    def draw(self) -> None:
        super().draw()
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


def paragraphs(p: Para, st: Styles) -> list[Flowable]:
    """One paragraph as one or more flowables (a very long one in pieces)."""
    style = style_of(st, p.role)
    if len(p.spans) == 1 and not (p.spans[0].bold or p.spans[0].italic or p.spans[0].big):
        span = p.spans[0]
        pieces = chunks(span.text)
        out: list[Flowable] = []
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            fl = para(
                _markup(piece, red=span.missing),
                style if last else _joined(style),
                bullet=p.bullet and i == 0,
                cls=MarginParagraph,
            )
            fl.margin_label = p.label if i == 0 else ""
            out.append(fl)
        return out
    markup = concat(
        *(_markup(s.text, bold=s.bold, italic=s.italic, red=s.missing, big=s.big) for s in p.spans)
    )
    fl = para(markup, style, bullet=p.bullet, cls=MarginParagraph)
    fl.margin_label = p.label
    return [fl]


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


def cell(content: tuple[Para, ...], st: Styles) -> list[Flowable] | str:
    out: list[Flowable] = []
    for p in content:
        out += paragraphs(p, st)
    return out or ""


def table(t: Table, st: Styles) -> RLTable:
    rows = [list(t.header)] if t.header else []
    rows += [list(r) for r in t.rows]
    data = [[cell(c, st) for c in row] for row in rows]
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
    return result


def contents(title: str, st: Styles) -> list[Flowable]:
    toc = TableOfContents()
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


def flowables(blocks: tuple[Block, ...] | list[Block], st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for b in blocks:
        if isinstance(b, Para):
            out += paragraphs(b, st)
        elif isinstance(b, Heading):
            out.append(
                HeadingParagraph(
                    b.text,
                    getattr(st, _HEADING_STYLES[b.level]),
                    key=b.key,
                    level=b.level - 1,
                    toc=b.toc,
                    plain=b.outline or b.text,
                )
            )
        elif isinstance(b, Bookmark):
            out.append(Anchor(b.key, b.level - 1, b.text))
        elif isinstance(b, Table):
            out.append(table(b, st))
        elif isinstance(b, Chart):
            out.append(chart(b))
        elif isinstance(b, PageBreak):
            if b.template:
                out.append(NextPageTemplate(b.template))
            out.append(RLPageBreak())
        elif isinstance(b, NeedSpace):
            out.append(CondPageBreak(b.cm * cm))
        elif isinstance(b, Space):
            out.append(Spacer(1, b.points))
        elif isinstance(b, Together):
            out.append(KeepTogether(flowables(b.blocks, st)))
        elif isinstance(b, Contents):
            out += contents(b.title, st)
    return out
