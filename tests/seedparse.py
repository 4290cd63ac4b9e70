"""Parse section 4 ("Översikt av poängfördelning") of the published seed reports.

The seed texts were extracted from PDFs: titles wrap over several lines, words are
hyphenated at line ends and blank lines separate everything.  This parser rebuilds
areas and sub-areas with achieved/max points so tests can check the framework files
(and the scoring rules) against real published reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "seeds"

SEEDS = {
    "vetlanda": ("section4_000.txt", "2019"),
    "nassjo": ("section4_001.txt", "2019"),
    "vallentuna": ("section4_002.txt", "2016"),
    "ostersund": ("section4_004.txt", "2010"),
}

_AREA = re.compile(r"^(\d)\.\s+(\D.*)$")
_SUB = re.compile(r"^(\d\.\d)\s+(.*)$")
_NUMBERS = re.compile(r"^(.*?)\s*(\d+)\s+(\d+)(?:\s+(\d+)\s*%)?$")
_SUM = re.compile(r"^(\d+)\s+100(?:\s+(\d+)\s*%)?$")
_HEAD = re.compile(r"\s*Uppnått\s+Max(\s+Procent)?\s*$")


@dataclass
class SeedSub:
    number: str
    title: str
    achieved: int
    max: int
    percent: int | None


@dataclass
class SeedArea:
    number: int
    title: str
    subs: list[SeedSub] = field(default_factory=list)
    stated_sum: int | None = None
    stated_percent: int | None = None


def join_wrapped(parts: list[str]) -> str:
    """Join lines the way a reader would: 'demokrati-' + 'utveckling' -> 'demokratiutveckling'."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if re.search(r"[a-zåäöé]-$", text) and part[:1].islower():
            text = text[:-1] + part
        elif text:
            text = text + " " + part
        else:
            text = part
    return re.sub(r"\s+", " ", text).strip()


def parse_section4(text: str) -> list[SeedArea]:
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    areas: list[SeedArea] = []
    pending: list[str] = []  # text waiting for its numbers
    pending_kind: str | None = None
    pending_number = ""
    for line in lines[1:]:
        if line.startswith("5 Kortfakta"):
            break
        m_sum = _SUM.match(line)
        if m_sum and areas and pending_kind is None:
            areas[-1].stated_sum = int(m_sum.group(1))
            areas[-1].stated_percent = int(m_sum.group(2)) if m_sum.group(2) else None
            continue
        m_area = _AREA.match(line)
        if m_area and pending_kind is None:
            pending_kind, pending_number, pending = "area", m_area.group(1), [m_area.group(2)]
        else:
            m_sub = _SUB.match(line)
            if m_sub and pending_kind in (None, "area"):
                if pending_kind == "area":  # area header without "Uppnått Max" on its line
                    pass
                pending_kind, pending_number, pending = "sub", m_sub.group(1), [m_sub.group(2)]
            elif pending_kind is not None:
                pending.append(line)
            else:
                continue  # prose before the first table
        if pending_kind == "area":
            joined = join_wrapped(pending)
            if _HEAD.search(joined):
                title = _HEAD.sub("", joined).strip()
                areas.append(SeedArea(int(pending_number), title))
                pending_kind, pending = None, []
            elif joined.endswith("Uppnått Max") or "Uppnått" in joined:
                continue
        elif pending_kind == "sub":
            joined = join_wrapped(pending)
            m_num = _NUMBERS.match(joined)
            if m_num:
                areas[-1].subs.append(
                    SeedSub(
                        pending_number,
                        m_num.group(1).strip(),
                        int(m_num.group(2)),
                        int(m_num.group(3)),
                        int(m_num.group(4)) if m_num.group(4) else None,
                    )
                )
                pending_kind, pending = None, []
    return areas


def load_seed(name: str) -> tuple[str, list[SeedArea]]:
    filename, framework_id = SEEDS[name]
    return framework_id, parse_section4((FIXTURES / filename).read_text(encoding="utf-8"))
