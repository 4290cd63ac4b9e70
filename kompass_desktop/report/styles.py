"""Page geometry, colours and paragraph styles of the report."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from .fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 2.6 * cm
MARGIN_RIGHT = 2.2 * cm
MARGIN_TOP = 2.4 * cm
MARGIN_BOTTOM = 2.2 * cm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

# Colours: a dark blue for structure; chart series from the Okabe–Ito palette, which stays
# distinguishable for colour-blind readers, plus line styles and markers for grey-scale print.
INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F4E79")
ACCENT_LIGHT = colors.HexColor("#E8EEF5")
RULE = colors.HexColor("#9DB0C6")
MUTED = colors.HexColor("#5A5A5A")
MISSING = colors.HexColor("#B3261E")  # placeholders in drafts
WATERMARK = colors.HexColor("#E0E0E0")

SERIES_COLOURS = (
    colors.HexColor("#0072B2"),  # current evaluation: blue
    colors.HexColor("#E69F00"),  # earlier evaluation: orange
    colors.HexColor("#555555"),  # national average: dark grey
    colors.HexColor("#CC79A7"),  # further earlier evaluations: reddish purple
    colors.HexColor("#009E73"),  # bluish green
    colors.HexColor("#D55E00"),  # vermillion
)


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    small_bullet: ParagraphStyle
    note: ParagraphStyle
    missing: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    toc_title: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right_bold: ParagraphStyle
    finding: ParagraphStyle
    title: ParagraphStyle
    title_sub: ParagraphStyle
    title_meta: ParagraphStyle
    big_number: ParagraphStyle
    total: ParagraphStyle
    caption: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=10.5,
        leading=14.5,
        textColor=INK,
        spaceAfter=6.5,
        alignment=TA_LEFT,
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    return Styles(
        body=body,
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=2.5),
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, spaceAfter=3),
        small_bullet=ParagraphStyle(
            "small_bullet", parent=body, fontSize=9, leading=11.5, spaceAfter=1, leftIndent=12, bulletIndent=2
        ),
        note=ParagraphStyle(
            "note", parent=body, fontName=ITALIC, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=3
        ),
        missing=ParagraphStyle("missing", parent=body, fontName=ITALIC, textColor=MISSING),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=20,
            leading=24,
            textColor=ACCENT,
            spaceBefore=0,
            spaceAfter=14,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        toc_title=ParagraphStyle(
            "toc_title", parent=body, fontName=BOLD, fontSize=20, leading=24, textColor=ACCENT, spaceAfter=18
        ),
        toc1=ParagraphStyle(
            "toc1",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=7,
            leftIndent=22,
            firstLineIndent=-22,
        ),
        toc2=ParagraphStyle(
            "toc2", parent=body, fontSize=10.5, leading=13.5, spaceBefore=1, leftIndent=22, spaceAfter=0
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD, textColor=colors.white),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right_bold=ParagraphStyle("cell_right_bold", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        finding=ParagraphStyle("finding", parent=cell, leftIndent=10, bulletIndent=0, spaceAfter=3),
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=34, leading=40, textColor=ACCENT, spaceAfter=12
        ),
        title_sub=ParagraphStyle(
            "title_sub", parent=body, fontSize=16, leading=21, textColor=INK, spaceAfter=28
        ),
        title_meta=ParagraphStyle(
            "title_meta", parent=body, fontSize=11.5, leading=16, textColor=INK, spaceAfter=2
        ),
        big_number=ParagraphStyle(
            "big_number",
            parent=body,
            fontName=BOLD,
            fontSize=26,
            leading=30,
            textColor=ACCENT,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        total=ParagraphStyle(
            "total",
            parent=body,
            fontName=BOLD,
            fontSize=12,
            leading=26,
            textColor=ACCENT,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        caption=ParagraphStyle(
            "caption",
            parent=body,
            fontName=BOLD,
            fontSize=9.5,
            leading=12,
            textColor=INK,
            spaceBefore=4,
            spaceAfter=4,
        ),
    )
