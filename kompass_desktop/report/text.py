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
from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .fonts import REGULAR
from .markup import Markup, TextParagraph, esc, para
from .markup import plain as clean
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


class Heading(TextParagraph):
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


def paragraph(text: str, style: ParagraphStyle, label: str = "", bullet: bool = False) -> list[Flowable]:
    """Plain text (lines separated by "\\n") as one or more paragraph flowables."""
    pieces = chunks(text)
    result: list[Flowable] = []
    for i, piece in enumerate(pieces):
        markup = Markup("<br/>".join(esc(line) for line in piece.split("\n")))
        last = i == len(pieces) - 1
        p = para(markup, style if last else _joined(style), bullet=bullet and i == 0, cls=MarginParagraph)
        p.margin_label = label if i == 0 else ""
        result.append(p)
    return result


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
        return [para(esc(placeholder), st.missing)] if placeholder else []
    result: list[Flowable] = []
    for kind, content in found:
        label = numbering.next(section) if numbering is not None and section else ""
        if kind == "li":
            result += paragraph(content, st.bullet, label, bullet=True)
        else:
            result += paragraph(content, body or st.body, label)
    if found[-1][0] == "li":
        result.append(para(Markup(""), _gap(st.body)))
    return result


@cache
def _gap(body: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle("gap", parent=body, fontSize=1, leading=4, spaceAfter=0)


def plain_list(items: Iterable[str], style: ParagraphStyle) -> list[Flowable]:
    return [para(esc(i), style, bullet=True) for i in items]
