"""Long texts: nothing lost, and the layout work grows linearly with the length of a text.

Time is measured by ``benchmarks/report_speed.py``; here the work is counted instead (the
number of string-width measurements reportlab makes while breaking lines), which does not
depend on the machine: 8 times the text must cost about 8 times the work, not 64 times.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.platypus import paragraph as rl_paragraph

from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import Finding, Text, TextScope
from kompass_desktop.report import build_report
from kompass_desktop.report.pdf import CHUNK, chunks

NOW = datetime(2025, 11, 3, 14, 5)
SENTENCE = "Kommunen följer upp målen i styrmodellen och redovisar resultaten öppet. "


def text_of(size: int) -> str:
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size].rstrip() + " SLUT."


def width_calls(snap, tmp_path, monkeypatch) -> int:
    calls = 0
    real = rl_paragraph.stringWidth

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(rl_paragraph, "stringWidth", counting)
    build_report(snap, tmp_path / "r.pdf", draft=True, now=NOW)
    monkeypatch.setattr(rl_paragraph, "stringWidth", real)
    return calls


@pytest.mark.parametrize("where", ["finding", "subarea text"])
def test_layout_work_is_linear_in_the_length_of_a_text(session, tmp_path, monkeypatch, where):
    base = session.snapshot()

    def with_text(size: int):
        if where == "finding":  # a table cell that runs over many pages
            finding = Finding(id="f", area=2, kind=FindingKind.STRENGTH, body=text_of(size))
            return replace(base, findings=(finding,))
        return replace(base, texts=(Text(id="t", scope=TextScope.SUBAREA, ref="2.1", body=text_of(size)),))

    empty = width_calls(base, tmp_path, monkeypatch)
    small = width_calls(with_text(10_000), tmp_path, monkeypatch) - empty
    large = width_calls(with_text(80_000), tmp_path, monkeypatch) - empty
    assert 4 * small < large < 12 * small  # 8 × the text: linear is about 8, quadratic about 64


def test_a_long_finding_is_printed_whole_and_in_order(session, tmp_path):
    body = " ".join(f"Mening {i} om uppföljningen av målen." for i in range(1, 2501))  # about 90 KB
    finding = Finding(id="f", area=3, kind=FindingKind.IMPROVEMENT, body=body)
    other = Finding(id="g", area=3, kind=FindingKind.STRENGTH, body="En kort styrka.")
    snap = replace(session.snapshot(), findings=(finding, other))
    result = build_report(snap, tmp_path / "r.pdf", draft=True, now=NOW)
    furniture = ("UTKAST", "Sida ", "Kommunkompassen — Analys av", "Styrkor", "Förbättringsmöjligheter")
    lines = [
        line
        for page in PdfReader(tmp_path / "r.pdf").pages
        for line in page.extract_text().splitlines()
        if not line.startswith(furniture)  # header, footer, watermark, repeated table header
    ]
    text = " ".join(" ".join(lines).split())
    assert result.pages > 30
    positions = [text.find(f"Mening {i} om uppföljningen av målen.") for i in range(1, 2501)]
    assert -1 not in positions and positions == sorted(positions)  # every sentence, in order
    assert "En kort styrka." in text


def test_chunks_keep_every_character_and_cut_at_line_breaks_and_sentences():
    short = "Ett kort stycke.\nMed en radbrytning."
    assert chunks(short) == [short]
    lines = "\n".join(f"Rad {i} med några ord om styrningen." for i in range(400))
    pieces = chunks(lines)
    assert len(pieces) > 1 and all(len(p) <= CHUNK for p in pieces)
    assert "\n".join(pieces) == lines  # cut only at the text's own line breaks
    one_line = text_of(20_000)
    pieces = chunks(one_line)
    assert all(len(p) <= CHUNK for p in pieces) and " ".join(pieces) == one_line
    assert all(p.endswith(".") for p in pieces)  # at sentence ends
    word = "x" * 10_000  # no space at all: cut anywhere, nothing lost
    assert "".join(chunks(word)) == word and all(len(p) <= CHUNK for p in chunks(word))
