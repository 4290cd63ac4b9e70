"""How long the PDF report takes: the demo, and a large evaluation (5,000 notes).

    python benchmarks/report_speed.py [--notes 5000] [--repeat 5] [--keep DIR]

Figures, not pass/fail.  Goals: the full demo report within 1.0 s, a 5,000-note evaluation
within 3 s (notes are not printed, but the snapshot is big), and report time linear in the
length of a text: a finding of 200 KB takes about 10 times as long as one of 20 KB (the ratio
printed; it was about 40 when layout was quadratic), and 1 MB reports in a few seconds.
"cold" is the first report in a fresh process (fonts are registered then); "warm" is the
median of the following ones.

The demo report is also compared with a plain reportlab build of the same text (every
paragraph, heading and table cell of the report as a body paragraph, one ``build``): goal at
most 1.5 times that (it was about 2 when the report was built in two passes).  And the live
preview's report side: after an edit of a sub-area text or a score, the content model and the
one page that shows the field (the area's section built alone, numbered as in the whole
report), median over 20 edits.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(first run, median of the following runs) in seconds."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


FINDING_WORDS = "Kommunen följer upp målen i styrmodellen och redovisar resultaten öppet för invånarna. "


def with_long_finding(snap: Any, size: int) -> Any:
    """The demo snapshot plus one strength of ``size`` characters in area 2 (one paragraph)."""
    from kompass_desktop.domain.framework import FindingKind
    from kompass_desktop.domain.model import Finding

    body = (FINDING_WORDS * (size // len(FINDING_WORDS) + 1))[:size]
    finding = Finding(id="long", area=2, kind=FindingKind.STRENGTH, body=body, position=99.0)
    return replace(snap, findings=(*snap.findings, finding))


def long_finding_seconds(snap: Any, size: int, out: Path) -> float:
    """Seconds for a final report of ``snap`` with one finding of ``size`` characters added."""
    from kompass_desktop.report import build_report

    big = with_long_finding(snap, size)
    start = time.perf_counter()
    build_report(big, out, draft=False, with_national=False)
    return time.perf_counter() - start


def long_text_figures(snap: Any, out: Path) -> dict[str, float]:
    """Report seconds for a 20 KB and a 200 KB finding, and their ratio (10 when linear)."""
    small = long_finding_seconds(snap, 20_000, out)
    large = long_finding_seconds(snap, 200_000, out)
    return {"20 KB": small, "200 KB": large, "ratio": large / small}


def report_texts(content: Any) -> list[str]:
    """Every text of the report: paragraphs, headings and table cells."""
    from kompass_desktop.report.blocks import Heading, Para, Table

    out: list[str] = []
    for b in content.walk():
        if isinstance(b, Para | Heading):
            out.append(b.text)
        elif isinstance(b, Table):
            out += [p.text for row in (b.header, *b.rows) for cell in row for p in cell]
    return out


def plain_build(texts: list[str]) -> int:
    """The same text built by reportlab alone: one body paragraph each, one pass, same page."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from kompass_desktop.report.markup import BR, esc
    from kompass_desktop.report.styles import (
        MARGIN_BOTTOM,
        MARGIN_LEFT,
        MARGIN_RIGHT,
        MARGIN_TOP,
        PAGE_HEIGHT,
        PAGE_WIDTH,
    )
    from kompass_desktop.report.styles import styles as report_styles

    body = report_styles().body
    story = [Paragraph(BR.join(esc(line) for line in text.split("\n")), body) for text in texts]
    doc = SimpleDocTemplate(
        io.BytesIO(),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    doc.build(story)
    return int(doc.page)


def against_plain(snap: Any, repeat: int) -> dict[str, float]:
    """The final demo report (content model + PDF) and a plain build of its text, run in turns;
    medians of process time (steadier than the clock on a loaded machine) and the ratio."""
    from kompass_desktop.report.context import make_context
    from kompass_desktop.report.document import render_pdf, report_content

    def report() -> None:
        render_pdf(report_content(make_context(snap, draft=False, with_national=False)))

    texts = report_texts(report_content(make_context(snap, draft=False, with_national=False)))
    report()
    plain_build(texts)
    full, plain = [], []
    for _ in range(max(repeat, 3) * 2):
        start = time.process_time()
        report()
        full.append(time.process_time() - start)
        start = time.process_time()
        plain_build(texts)
        plain.append(time.process_time() - start)
    r, p = statistics.median(full), statistics.median(plain)
    return {"report": r, "plain": p, "ratio": r / p}


def with_text(snap: Any, scope: Any, ref: str, body: str) -> Any:
    texts = tuple(t for t in snap.texts if not (t.scope == scope and t.ref == ref))
    model = next(t for t in snap.texts)
    return replace(snap, texts=(*texts, replace(model, scope=scope, ref=ref, body=body)))


def preview_figures(snap: Any, edits: int = 20) -> dict[str, float]:
    """The live preview's report side after each of ``edits`` edits (process time, seconds):
    the draft's content model and the page of the edited field, its section built alone."""
    from kompass_desktop.domain.model import TextScope
    from kompass_desktop.report.context import make_context
    from kompass_desktop.report.document import report_content
    from kompass_desktop.report.sections import SectionBuilder

    builder = SectionBuilder()
    base = snap.text(TextScope.SUBAREA, "3.2")

    def one(s: Any, source: str) -> float:
        start = time.process_time()
        builder.render(report_content(make_context(s, draft=True)), source=source)
        return time.process_time() - start

    one(snap, "text:subarea:3.2")  # the first render lays out every section once
    text = [
        one(with_text(snap, TextScope.SUBAREA, "3.2", f"{base} Tillägg {i}."), "text:subarea:3.2")
        for i in range(edits)
    ]
    scores = [
        one(replace(snap, scores={**snap.scores, "3.2": Decimal(5 + i % 10)}), "score:3.2")
        for i in range(edits)
    ]
    return {
        "text": statistics.median(text),
        "text_p95": sorted(text)[int(len(text) * 0.95)],
        "score": statistics.median(scores),
        "score_p95": sorted(scores)[int(len(scores) * 0.95)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KOMPASS_DATA_DIR", tmp)
        from generate_large import generate

        from kompass_desktop.demo import build_demo
        from kompass_desktop.domain.model import TextScope
        from kompass_desktop.report import build_report
        from kompass_desktop.services import EvaluationSession

        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)

        demo = Path(tmp) / "demo.kompass"
        build_demo(demo).close()
        with EvaluationSession.open(demo, readonly=True) as s:
            snap = s.snapshot()
        results = {}
        start = time.perf_counter()
        results[False] = build_report(snap, out_dir / "demo-rapport.pdf", draft=False, with_national=False)
        cold = time.perf_counter() - start
        results[True] = build_report(snap, out_dir / "demo-utkast.pdf", draft=True)
        _, warm = timed(
            lambda: build_report(snap, out_dir / "demo-rapport.pdf", draft=False, with_national=False),
            args.repeat,
        )
        _, warm_draft = timed(
            lambda: build_report(snap, out_dir / "demo-utkast.pdf", draft=True), args.repeat
        )
        print(f"demo report, final ({results[False].pages} pages):  {warm * 1000:7.0f} ms (median)")
        print(f"demo report, draft ({results[True].pages} pages):  {warm_draft * 1000:7.0f} ms (median)")
        plain = against_plain(snap, args.repeat)
        print(
            f"demo report / plain reportlab build of the same text: {plain['ratio']:.2f} "
            f"(report {plain['report'] * 1000:.0f} ms, plain {plain['plain'] * 1000:.0f} ms "
            "process time; goal ≤ 1.5)"
        )
        preview = preview_figures(snap)
        print(
            f"preview, report side, after a text edit:  {preview['text'] * 1000:5.1f} ms median, "
            f"{preview['text_p95'] * 1000:.1f} ms p95 (content model + the page of the field)"
        )
        print(
            f"preview, report side, after a score edit: {preview['score'] * 1000:5.1f} ms median, "
            f"{preview['score_p95'] * 1000:.1f} ms p95"
        )

        texts = long_text_figures(snap, out_dir / "long-finding.pdf")
        print(f"demo + one 20 KB finding:   {texts['20 KB'] * 1000:7.0f} ms")
        print(f"demo + one 200 KB finding:  {texts['200 KB'] * 1000:7.0f} ms")
        print(f"  ratio 200 KB / 20 KB:     {texts['ratio']:7.1f}   (linear: at most 10)")
        mega = long_finding_seconds(snap, 1_000_000, out_dir / "long-finding.pdf")
        print(f"demo + one 1 MB finding:    {mega * 1000:7.0f} ms")

        large = Path(tmp) / "large.kompass"
        start = time.perf_counter()
        generate(large, args.notes, 500, 60)
        with EvaluationSession.open(large) as s, s.file.write():
            for scope in (TextScope.SUMMARY_OVERALL, TextScope.SUMMARY_STRONGER, TextScope.SUMMARY_WEAKER):
                s.scores.set_text(scope, "", "Sammanfattning av den stora utvärderingen.")
        generated = time.perf_counter() - start

        def open_snapshot_and_build() -> None:
            with EvaluationSession.open(large, readonly=True) as session:
                big = session.snapshot()
            build_report(big, out_dir / "large-rapport.pdf", draft=False, with_national=False)

        with EvaluationSession.open(large, readonly=True) as s:
            big = s.snapshot()

        def open_snapshot() -> None:
            with EvaluationSession.open(large, readonly=True) as session:
                session.snapshot()

        _, t_snapshot = timed(open_snapshot, args.repeat)
        big_result = build_report(big, out_dir / "large-rapport.pdf", draft=False, with_national=False)
        _, t_build = timed(
            lambda: build_report(big, out_dir / "large-rapport.pdf", draft=False, with_national=False),
            args.repeat,
        )
        _, t_draft = timed(lambda: build_report(big, out_dir / "large-utkast.pdf", draft=True), args.repeat)
        _, t_total = timed(open_snapshot_and_build, args.repeat)
        print(
            f"large evaluation: {len(big.notes)} notes, {len(big.documents)} documents "
            f"(generated in {generated:.1f} s)"
        )
        print(f"  open + snapshot:                    {t_snapshot * 1000:7.0f} ms (median)")
        print(f"  final report ({big_result.pages} pages):           {t_build * 1000:7.0f} ms (median)")
        print(f"  draft report:                       {t_draft * 1000:7.0f} ms (median)")
        print(f"  open + snapshot + final report:     {t_total * 1000:7.0f} ms (median)")
        print(f"first report in this process (cold, fonts loaded): {cold * 1000:.0f} ms")
        if args.keep:
            print(f"PDFs written to {out_dir}")


if __name__ == "__main__":
    main()
