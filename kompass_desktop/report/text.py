"""Swedish wording helpers and the conversion of evaluator text into flowables.

Text rules (the same as for the standard texts in resources/texts/): paragraphs are separated
by blank lines; a line starting with "- " (or "• ", "* ") is a bullet; other single line breaks
are kept as line breaks inside the paragraph.  Everything is escaped: evaluators write plain
text, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from .fonts import REGULAR
from .styles import MUTED, Styles

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
ORDINALS = (
    "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde",
    "elfte", "tolfte",
)  # fmt: skip
_BULLET = re.compile(r"^\s*(?:-|•|\*)\s+")


# -- Swedish wording ------------------------------------------------------------------------


def month_year(day: date) -> str:
    """'oktober 2025'."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else f"{n}:e"


def join_sv(items: Sequence[str]) -> str:
    """'a, b och c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def genitive(name: str) -> str:
    """'Lindsjös', 'Östersunds', but 'Vännäs' (names ending in s, x or z take no extra s)."""
    return name if name[-1:].lower() in ("s", "x", "z") else f"{name}s"


def thousands(n: int) -> str:
    """'24 312' with a no-break space, as Swedish print does."""
    return f"{n:,}".replace(",", "\u00a0")


def parse_iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ('KS', 'HR-chef')."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


# -- flowables ---------------------------------------------------------------------------------


def esc(text: str) -> str:
    return escape(text, {'"': "&quot;"})


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that becomes a PDF bookmark (outline level ``level``) and optionally a TOC entry."""

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
        self.plain = plain or text or ""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], Heading) and parts[0] is not self:
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
        self.plain = plain
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class MarginParagraph(Paragraph):  # type: ignore[misc]
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


class Numbering:
    """Reference labels for a draft: ``section¶n`` with n counting per section."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def next(self, section: str) -> str:
        n = self._counts.get(section, 0) + 1
        self._counts[section] = n
        return f"{section}¶{n}"


def blocks(text: str) -> list[tuple[str, str]]:
    """Text -> [("p", paragraph) | ("li", bullet item)] (plain text, not yet escaped)."""
    out: list[tuple[str, str]] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines: list[str] = []
        for raw in block.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if _BULLET.match(line):
                if lines:
                    out.append(("p", "\n".join(lines)))
                    lines = []
                out.append(("li", _BULLET.sub("", line, count=1)))
            else:
                lines.append(line)
        if lines:
            out.append(("p", "\n".join(lines)))
    return out


def paragraph(text: str, style: ParagraphStyle, label: str = "", bullet: bool = False) -> Paragraph:
    markup = "<br/>".join(esc(line) for line in text.split("\n"))
    p = MarginParagraph(markup, style, bulletText="•" if bullet else None)
    p.margin_label = label
    return p


def text_flowables(
    text: str,
    st: Styles,
    *,
    section: str = "",
    numbering: Numbering | None = None,
    placeholder: str | None = None,
    body: ParagraphStyle | None = None,
) -> list[Flowable]:
    """Evaluator or standard text as paragraphs and bullets (numbered in drafts).

    An empty text gives ``placeholder`` (drafts: "[Text saknas]") or nothing.
    """
    found = blocks(text)
    if not found:
        return [Paragraph(esc(placeholder), st.missing)] if placeholder else []
    result: list[Flowable] = []
    for kind, content in found:
        label = numbering.next(section) if numbering is not None and section else ""
        if kind == "li":
            result.append(paragraph(content, st.bullet, label, bullet=True))
        else:
            result.append(paragraph(content, body or st.body, label))
    if found[-1][0] == "li":
        result.append(
            Paragraph("", ParagraphStyle("gap", parent=st.body, fontSize=1, leading=4, spaceAfter=0))
        )
    return result


def plain_list(items: Iterable[str], style: ParagraphStyle) -> list[Flowable]:
    return [Paragraph(esc(i), style, bulletText="•") for i in items]
