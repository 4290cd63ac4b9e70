"""Sub-scores from a spreadsheet export (CSV), checked completely before anything is used.

Accepted: columns sub-area number, achieved points and optionally max points; a header row
is optional (Swedish or English names); ``,`` or ``;`` as separator; decimal comma or
point; UTF-8 with or without BOM, or Windows-1252.  All-or-nothing: any bad line makes the
whole file rejected, with every problem listed by line number.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal

from .errors import InputProblems, KompassError, ScoreError
from .framework import Framework
from .messages import msg
from .scoring import check_points, format_exact, parse_points

_SUB_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.,]\s*(\d{1,2})\s*$")

_HEADER_NAMES = {
    "sub": {
        "delfråga",
        "delfrågor",
        "delområde",
        "nr",
        "nummer",
        "fråga",
        "subarea",
        "sub-area",
        "sub area",
        "number",
        "id",
        "question",
    },
    "achieved": {"uppnått", "uppnådd", "poäng", "uppnådda poäng", "achieved", "points", "score"},
    "max": {"max", "maxpoäng", "max poäng", "max points", "maximum", "maxpoints"},
}


@dataclass(frozen=True, slots=True)
class CsvScore:
    line: int
    subarea: str
    points: Decimal


@dataclass(frozen=True, slots=True)
class ParsedScores:
    scores: tuple[CsvScore, ...]
    skipped_empty: int


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise KompassError(msg("CSV-filen är varken UTF-8 eller Windows-1252 (cp1252) och kan inte läsas."))


def _sniff_delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if any(";" in ln for ln in lines):
        return ";"
    if any("\t" in ln for ln in lines):
        return "\t"
    return ","


def _normalize_sub(cell: str) -> str | None:
    m = _SUB_NUMBER.match(cell)
    return f"{int(m.group(1))}.{int(m.group(2))}" if m else None


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column positions if the row is a header row, None if it is data."""
    if cells and _normalize_sub(cells[0]) is not None:
        return None
    columns: dict[str, int] = {}
    for pos, cell in enumerate(cells):
        name = " ".join(cell.strip().lower().split())
        for key, names in _HEADER_NAMES.items():
            if name in names and key not in columns:
                columns[key] = pos
                break
    return columns


def _read_rows(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as err:
        line = reader.line_num or len(rows) + 1
        if "field limit" in str(err):
            limit = csv.field_size_limit() // 1024
            raise KompassError(
                msg(
                    (
                        "CSV-filen har ett fält som är längre än {limit} kB (rad {line}); det är "
                        "ingen poängfil (eller ett citattecken saknar sitt slut)."
                    ),
                    limit=limit,
                    line=line,
                )
            ) from None
        raise KompassError(msg("CSV-filen kan inte läsas (rad {line}: {err}).", line=line, err=err)) from None
    return rows


def parse_scores_csv(data: bytes, framework: Framework) -> ParsedScores:
    if not data.strip():
        raise KompassError(msg("CSV-filen är tom."))
    text = decode(data)
    if "\x00" in text:
        raise KompassError(msg("CSV-filen innehåller binära data och är inte en textfil."))
    delimiter = _sniff_delimiter(text)
    rows = _read_rows(text, delimiter)
    problems: list[str] = []
    columns = {"sub": 0, "achieved": 1}
    first_data = 0
    for idx, row in enumerate(rows):
        if any(c.strip() for c in row):
            header = _header_columns(row)
            if header is not None:
                if "sub" not in header or "achieved" not in header:
                    cols = ", ".join(c.strip() for c in row)
                    raise InputProblems(
                        msg("CSV-filen har en rubrikrad som inte går att tolka."),
                        [f"rad {idx + 1}: kolumner ”{cols}” – förväntade delfråga och uppnått (och ev. max)"],
                    )
                columns = header
                first_data = idx + 1
            else:
                first_data = idx
                if len([c for c in row if c.strip()]) >= 3:
                    columns = {"sub": 0, "achieved": 1, "max": 2}
            break
    scores: list[CsvScore] = []
    seen: dict[str, int] = {}
    skipped = 0
    width = max(columns.values()) + 1
    for idx in range(first_data, len(rows)):
        line = idx + 1
        row = rows[idx]
        if not any(c.strip() for c in row):
            continue
        cells = [c.strip() for c in row]
        if len(cells) < width:
            problems.append(f"rad {line}: för få kolumner ({len(cells)}, behöver {width})")
            continue
        extra = [c for i, c in enumerate(cells) if i not in columns.values() and c]
        if extra and "max" not in columns and len(cells) > width:
            problems.append(
                f"rad {line}: oväntade extra värden ({', '.join(extra)}) – decimaltal med komma "
                "måste citeras när kommatecken är avgränsare"
            )
            continue
        number = _normalize_sub(cells[columns["sub"]])
        if number is None:
            problems.append(f"rad {line}: ”{cells[columns['sub']]}” är inte ett delfrågenummer (t.ex. 3.2)")
            continue
        if not framework.has_subarea(number):
            problems.append(f"rad {line}: delfråga {number} finns inte i {framework.name}")
            continue
        sub = framework.subarea(number)
        if number in seen:
            problems.append(f"rad {line}: delfråga {number} förekommer redan på rad {seen[number]}")
            continue
        seen[number] = line
        raw = cells[columns["achieved"]]
        if "max" in columns:
            raw_max = cells[columns["max"]]
            if raw_max:
                try:
                    given_max = parse_points(raw_max)
                except ScoreError:
                    problems.append(f"rad {line}: maxvärdet ”{raw_max}” är inte ett tal")
                    continue
                if given_max != sub.max:
                    problems.append(
                        f"rad {line}: delfråga {number} har max {format_exact(sub.max)} i ramverket, "
                        f"inte {format_exact(given_max)}"
                    )
                    continue
        if not raw:
            skipped += 1
            continue
        try:
            points = check_points(parse_points(raw), sub)
        except ScoreError as err:
            problems.append(f"rad {line}: {err}")
            continue
        scores.append(CsvScore(line, number, points))
    if problems:
        raise InputProblems(
            msg("CSV-filen har {problems} fel; inga poäng har ändrats.", problems=len(problems)), problems
        )
    if not scores and not skipped:
        raise KompassError(msg("CSV-filen innehåller inga poängrader."))
    return ParsedScores(tuple(scores), skipped)
