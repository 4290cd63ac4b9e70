"""The demo's texts never contradict its computed figures.

Every score quoted in the demo's texts (``resources/demo/*.json``) is read and compared with
what the report computes and prints (whole numbers, rounded half up).  A figure in a form the
test does not know fails the test, so new texts stay checkable.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from kompass_desktop import resources
from kompass_desktop.domain.scoring import round_display, summarize
from kompass_desktop.services import EvaluationSession

DEMO = Path(resources.resources_dir()) / "demo"
NUMBER = r"(\d+(?:,\d+)?)"
SWEDISH_COUNTS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8}


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def demo_texts() -> list[str]:
    return [s for path in sorted(DEMO.glob("*.json")) for s in strings(json.loads(path.read_text("utf-8")))]


def value(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def test_every_score_in_the_demo_texts_is_the_computed_one(demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        snap = s.snapshot()
    summary = summarize(snap.framework, snap.scores)
    areas = {a.number: round_display(a.achieved) for a in summary.areas}
    total = round_display(summary.total)
    earlier = {round_display(e.total) for e in snap.earlier}
    national = resources.bundled_national_averages()[snap.framework.id]  # the demo's (example) reference
    assert national.total is not None
    national_total = round_display(national.total.mean)

    def within(m) -> bool:
        """'sju av områdena hamnar mellan 64 och 70 poäng': both ends are area scores."""
        low, high = value(m[2]), value(m[3])
        inside = [n for n, v in areas.items() if low <= v <= high]
        return {low, high} <= set(areas.values()) and len(inside) == SWEDISH_COUNTS[m[1]]

    checks = {
        # "område 7 Arbetsliv, 70 poäng" / "Område 2 Samhällsutveckling, 68 poäng,"
        rf"[Oo]mråde (\d) [^,.]*?, {NUMBER} poäng": lambda m: value(m[2]) == areas[int(m[1])],
        rf"{NUMBER} av 800": lambda m: value(m[1]) == total,
        rf"exempelvärde på {NUMBER} poäng": lambda m: value(m[1]) == national_total,
        rf"{NUMBER} poäng över det nationella medelvärdet": lambda m: value(m[1]) == total - national_total,
        rf"fick då {NUMBER} poäng": lambda m: value(m[1]) in earlier,
        rf"(\w+) av områdena hamnar mellan {NUMBER} och {NUMBER} poäng": within,
    }
    quoted = 0
    for text in demo_texts():
        explained: set[tuple[int, int]] = set()
        for pattern, check in checks.items():
            for m in re.finditer(pattern, text):
                assert check(m), f"{m[0]!r} contradicts the computed figures"
                explained |= {m.span(i) for i in range(1, len(m.groups()) + 1)}
                quoted += 1
        for m in re.finditer(rf"{NUMBER} poäng\b", text):
            assert m.span(1) in explained, f"unchecked score in the demo text: {m[0]!r}"
            assert "," not in m[1], f"{m[0]!r}: the report prints whole numbers"
    assert quoted >= 10


def test_the_demo_report_quotes_the_same_figures_it_prints(demo_template, tmp_path):
    """The summary text and the area boxes of the demo's draft say the same."""
    from pypdf import PdfReader

    from kompass_desktop.report import build_report

    with EvaluationSession.open(demo_template, readonly=True) as s:
        snap = s.snapshot()
    build_report(snap, tmp_path / "d.pdf", draft=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "d.pdf").pages)
    total = round_display(summarize(snap.framework, snap.scores).total)
    assert f"{total} av 800 poäng totalt" in text and f"når {total} av 800 möjliga poäng" in text
    assert not re.search(r"\d+,\d+ (poäng|av 800)", text)
