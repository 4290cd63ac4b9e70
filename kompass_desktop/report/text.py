"""Swedish wording helpers and the conversion of evaluator text into paragraphs (plain data).

Text rules (the same as for the standard texts in resources/texts/): paragraphs are separated
by blank lines; a line starting with "- " (or "• ", "* ") is a bullet; other single line breaks
are kept as line breaks inside the paragraph.  Evaluators write plain text, never markup: the
renderers print it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from ..domain.scoring import round_display
from .blocks import Block, Para, Role, Space, missing, para

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


def number(value: Decimal) -> str:
    """A score in running text: the one display rule (rounded half up), e.g. '518'."""
    return str(round_display(value))


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


# -- evaluator text as paragraphs -------------------------------------------------------------


class Numbering:
    """Reference labels for a draft: ``section¶n`` with n counting per section."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def next(self, section: str) -> str:
        n = self._counts.get(section, 0) + 1
        self._counts[section] = n
        return f"{section}¶{n}"


def blocks(text: str) -> list[tuple[str, str]]:
    """Text -> [("p", paragraph) | ("li", bullet item)] (plain text)."""
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


LIST_GAP = 5.0  # points of space after a bullet list, before the next paragraph


def text_blocks(
    text: str,
    *,
    section: str = "",
    numbering: Numbering | None = None,
    placeholder: str | None = None,
    role: Role = Role.BODY,
    bullet_role: Role = Role.BULLET,
    source: str = "",
) -> list[Block]:
    """Evaluator or standard text as paragraphs and bullets (numbered in drafts).

    An empty text gives ``placeholder`` (drafts: "[Text saknas]") or nothing.  A bullet list
    is followed by a little space, as in the published reports.  ``source``: the field the
    text comes from (every paragraph and the placeholder carry it).
    """
    found = blocks(text)
    if not found:
        return [missing(placeholder, source=source)] if placeholder else []
    result: list[Block] = []
    for i, (kind, content) in enumerate(found):
        label = numbering.next(section) if numbering is not None and section else ""
        if kind == "li":
            result.append(para(content, bullet_role, label=label, bullet=True, source=source))
            if i + 1 == len(found) or found[i + 1][0] != "li":
                result.append(Space(LIST_GAP))
        else:
            result.append(para(content, role, label=label, source=source))
    return result


def plain_list(items: Iterable[str], role: Role = Role.SMALL_BULLET) -> list[Para]:
    return [para(i, role, bullet=True) for i in items]
