"""Every performance and robustness figure of the product in one table.

    python benchmarks/run.py            # everything (about 6 minutes; 200 crash kills)
    python benchmarks/run.py --quick    # fewer repetitions and 40 kills (about 2 minutes)

Each row: the figure, its goal from the issues, and the ratio figure / reference, where the
reference is either the goal or (for start-up) a bare PySide6 window measured in the same run.
Figures, not pass/fail: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(
        self,
        name: str,
        value: float,
        unit: str,
        goal: float | None,
        reference: float | None = None,
        ref_name: str = "goal",
        goal_text: str | None = None,
    ) -> None:
        shown = (f"{value:,.1f} {unit}" if unit == "ms" else f"{value:g} {unit}").replace(",", " ")
        if goal_text is None:
            goal_text = "–" if goal is None else f"≤ {goal:g} {unit}"
        base = reference if reference is not None else goal
        ratio = "–" if not base else f"{value / base:.2f} × {ref_name}"
        self.rows.append((name, shown, goal_text, ratio))
        print(f"  … {name}: {shown}", flush=True)

    def text(self, title: str) -> str:
        widths = [
            max(len(r[i]) for r in [*self.rows, ("figure", "measured", "goal", "ratio")]) for i in range(4)
        ]
        line = "  ".join("-" * w for w in widths)
        head = "  ".join(
            h.ljust(w) for h, w in zip(("figure", "measured", "goal", "ratio"), widths, strict=True)
        )
        body = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in self.rows)
        return f"{title}\n{line}\n{head}\n{line}\n{body}\n{line}"


def gui_figures(table: Table, runs: int) -> None:
    import gui_speed

    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    app, bare = gui_speed.cold_start(runs, env)
    table.add("start → painted window with the demo", app * 1000, "ms", 1200)
    table.add(
        f"  same, against a bare PySide6 window ({bare * 1000:.0f} ms)",
        app * 1000,
        "ms",
        None,
        bare * 1000,
        "bare",
        goal_text="≤ 1.5 × bare",
    )
    figures = gui_speed.in_process(env)
    table.add("score edit → totals + charts repainted (median)", figures["edit"] * 1000, "ms", 16)
    table.add("note commit, Enter → on disk (median)", figures["note"] * 1000, "ms", None)
    table.add("live preview: text commit → new page shown (median)", figures["preview"] * 1000, "ms", 100)
    table.add("live preview: text commit → new page shown (p95)", figures["preview_p95"] * 1000, "ms", None)
    table.add("score edit → charts, preview open (median)", figures["score_preview"] * 1000, "ms", 16)


def report_and_large_file(table: Table, repeat: int, tmp: Path) -> None:
    from generate_large import generate

    from kompass_desktop.demo import build_demo
    from kompass_desktop.report import build_report
    from kompass_desktop.services import EvaluationSession

    demo = tmp / "demo.kompass"
    build_demo(demo).close()
    with EvaluationSession.open(demo, readonly=True) as s:
        snap = s.snapshot()
    build_report(snap, tmp / "warm.pdf", draft=False, with_national=False)
    table.add(
        "full demo report (final PDF)",
        median_ms(lambda: build_report(snap, tmp / "d.pdf", draft=False, with_national=False), repeat),
        "ms",
        1000,
    )
    import report_speed

    plain = report_speed.against_plain(snap, repeat)
    table.add(
        f"  same, against a plain reportlab build of its text ({plain['plain'] * 1000:.0f} ms)",
        round(plain["ratio"], 2),
        "×",
        1.5,
        goal_text="≤ 1.5 × plain",
    )
    preview = report_speed.preview_figures(snap)
    table.add("preview, report side: text edit → page PDF (median)", preview["text"] * 1000, "ms", None)
    table.add("preview, report side: score edit → page PDF (median)", preview["score"] * 1000, "ms", None)
    texts = report_speed.long_text_figures(snap, tmp / "long.pdf")
    table.add("report with one 20 KB finding", texts["20 KB"] * 1000, "ms", None)
    table.add("report with one 200 KB finding", texts["200 KB"] * 1000, "ms", None)
    table.add("  ratio 200 KB / 20 KB (linear: ≤ 10)", round(texts["ratio"], 1), "×", 10, goal_text="≤ 10 ×")
    mega = report_speed.long_finding_seconds(snap, 1_000_000, tmp / "long.pdf")
    table.add("report with one 1 MB finding", mega * 1000, "ms", 5000)
    big = tmp / "large.kompass"
    generate(big, 5000, 500, 60)
    table.add(
        "5 000-note file: open",
        median_ms(lambda: EvaluationSession.open(big, readonly=True).close(), repeat),
        "ms",
        None,
    )
    with EvaluationSession.open(big, readonly=True) as s:
        table.add(
            "5 000-note file: full-text search",
            median_ms(lambda: s.search("uppföljning kvalitet"), repeat * 4),
            "ms",
            None,
        )
        table.add("5 000-note file: summary", median_ms(s.summary, repeat * 4), "ms", None)

    def open_and_report() -> None:
        with EvaluationSession.open(big, readonly=True) as s:
            build_report(s.snapshot(), tmp / "big.pdf", draft=False, with_national=False)

    table.add("5 000-note file: open + report", median_ms(open_and_report, repeat), "ms", 3000)


def aggregate_figure(table: Table, tmp: Path) -> None:
    from aggregate_speed import generate

    from kompass_desktop.exchange.aggregate import aggregate

    folder = tmp / "exports"
    folder.mkdir()
    generate(folder, 300)
    start = time.perf_counter()
    result = aggregate([folder])
    took = time.perf_counter() - start
    table.add(f"aggregate {len(result.used)} exports", took * 1000, "ms", 5000)


def crash_figures(table: Table, kills: int) -> None:
    import crash

    r = crash.run(kills)
    table.add(f"crash harness: corrupt files after {kills} SIGKILLs", r["corrupt"], "files", 0)
    table.add("crash harness: acknowledged edits missing", r["missing"], "edits", 0)
    table.add("crash harness: typing lost per kill (max)", r["lost_max"], "ms", 1000)
    for mode in ("checkpoint", "close", "diskfull"):  # kills inside checkpoints, at close, disk full
        r = crash.run(max(10, kills // 4), mode)
        lost = r["corrupt"] + r["missing"]
        table.add(f"crash harness ({mode}): corrupt files + missing edits", lost, "files", 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    table = Table()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KOMPASS_DATA_DIR"] = tmp
        print("measuring…", flush=True)
        gui_figures(table, 3 if args.quick else 7)
        report_and_large_file(table, 3 if args.quick else 7, Path(tmp))
        aggregate_figure(table, Path(tmp))
        crash_figures(table, 40 if args.quick else 200)
    import platform

    title = (
        f"Kompass Desktop benchmarks — {platform.node()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    print()
    print(table.text(title))


if __name__ == "__main__":
    main()
