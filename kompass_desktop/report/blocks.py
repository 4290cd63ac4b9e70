"""The report as plain data: what the PDF and the Word renderers print, in order.

:mod:`.content` and :mod:`.areas` build a :class:`ReportContent` from an evaluation (every
sentence, number and table is decided there, once); :mod:`.pdf` and :mod:`.word` only lay it
out.  Texts here are plain text, never markup: each renderer escapes them its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..domain.comparison import ChartData


class Role(StrEnum):
    """How a paragraph looks (a paragraph style in both renderers)."""

    BODY = "body"
    BULLET = "bullet"
    SMALL = "small"
    SMALL_BULLET = "small_bullet"
    NOTE = "note"  # notes under a chart
    MISSING = "missing"  # a placeholder in a draft ("[Text saknas]")
    CAPTION = "caption"
    SUBHEAD = "subhead"  # a minor heading, not in the outline ("Allmänt", "Starkare områden")
    TITLE = "title"
    TITLE_SUB = "title_sub"
    TITLE_META = "title_meta"
    CELL = "cell"
    CELL_HEAD = "cell_head"
    CELL_BOLD = "cell_bold"
    CELL_RIGHT = "cell_right"
    CELL_RIGHT_BOLD = "cell_right_bold"
    CELL_CENTER = "cell_center"
    BIG_NUMBER = "big_number"
    TOTAL = "total"
    FINDING = "finding"


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    missing: bool = False  # shown as a placeholder (red italic)
    big: bool = False  # the big total on the results page


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph; ``"\\n"`` inside a span is a line break within it."""

    spans: tuple[Span, ...]
    role: Role = Role.BODY
    label: str = ""  # reference in the left margin of a draft ("1.3¶2")
    bullet: bool = False
    # the field it comes from, named like the GUI's undo places ("text:subarea:1.3",
    # "finding:3:ID", "score:1.3"); "" for generated text.  The live preview maps a click on
    # the paragraph to this field.
    source: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


def para(
    text: str, role: Role = Role.BODY, *, label: str = "", bullet: bool = False, source: str = ""
) -> Para:
    return Para((Span(text),), role, label, bullet, source)


def missing(text: str, role: Role = Role.MISSING, *, source: str = "") -> Para:
    return Para((Span(text, italic=True, missing=True),), role, source=source)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered structure heading: level 1 chapter, 2 section or area, 3 sub-area."""

    text: str
    level: int
    key: str  # bookmark key (PDF outline), unique in the report
    toc: bool = True  # listed in the table of contents
    outline: str = ""  # the bookmark's text if not ``text``
    source: str = ""  # the field it leads to (see Para.source)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An outline entry without a printed heading (the PDF's bookmarks)."""

    key: str
    level: int
    text: str


Cell = tuple[Para, ...]


class TableKind(StrEnum):
    AREA_BOX = "area_box"  # Rubriker | Poäng
    FINDINGS = "findings"  # Styrkor | Förbättringsmöjligheter (| Svagheter)
    SCORES = "scores"  # Uppnått / Max (/ Procent) per sub-area or area
    FACTS = "facts"  # Kortfakta
    TOTAL_BOX = "total_box"  # "603 av 800 poäng totalt"


@dataclass(frozen=True, slots=True)
class Table:
    kind: TableKind
    header: tuple[Cell, ...]  # empty: no header row
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width
    description: str = ""  # what the table shows (for screen readers)


class ChartKind(StrEnum):
    AREAS = "areas"  # points per area, bars
    TOTALS = "totals"  # total points, bars
    PROFILE = "profile"  # the radar profile


@dataclass(frozen=True, slots=True)
class Chart:
    kind: ChartKind
    data: ChartData
    alt: str  # alternative text: what the chart shows, with its numbers


@dataclass(frozen=True, slots=True)
class PageBreak:
    template: str = ""  # "title" or "body": the kind of the next page (PDF)


@dataclass(frozen=True, slots=True)
class NeedSpace:
    """Start a new page unless this much room is left (PDF only)."""

    cm: float


@dataclass(frozen=True, slots=True)
class Space:
    points: float


@dataclass(frozen=True, slots=True)
class Together:
    """Blocks kept on one page where possible."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Contents:
    title: str


Block = Para | Heading | Bookmark | Table | Chart | PageBreak | NeedSpace | Space | Together | Contents


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    header: str  # running header of body pages
    footer: str  # left footer of body pages
    version_label: str  # on the title page's band
    draft: bool
    stamp: str  # a draft's version stamp ("" for a final report)
    lang: str = "sv-SE"


@dataclass(frozen=True, slots=True)
class ReportContent:
    info: DocumentInfo
    blocks: tuple[Block, ...]

    def walk(self) -> list[Block]:
        """Every block in order, the contents of ``Together`` included."""
        out: list[Block] = []

        def visit(blocks: tuple[Block, ...]) -> None:
            for b in blocks:
                if isinstance(b, Together):
                    visit(b.blocks)
                else:
                    out.append(b)

        visit(self.blocks)
        return out
