"""Generate a large evaluation and print how long opening it and computing the summary take.

    python benchmarks/generate_large.py [--notes 5000 --documents 500 --interviews 60] [--keep FILE]

Figures, not pass/fail: compare them with the goals in the issues.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kompass_desktop import resources
from kompass_desktop.domain.model import InterviewGroup, SourceKind, TextScope
from kompass_desktop.services import EvaluationSession, NewEvaluation

WORDS = [
    "styrning",
    "uppföljning",
    "politiken",
    "medborgare",
    "dialog",
    "strategi",
    "kvalitet",
    "ledarskap",
    "medarbetare",
    "arbetsmiljö",
    "kompetens",
    "samverkan",
    "effektivitet",
    "hållbarhet",
    "brukare",
    "förvaltning",
    "nämnd",
    "fullmäktige",
    "bolag",
    "analys",
    "mål",
    "resultat",
    "jämförelser",
    "digitalisering",
    "information",
    "öppenhet",
    "förtroende",
    "rutiner",
    "åtgärder",
]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(path: Path, notes: int, documents: int, interviews: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    fw = resources.framework("2019")
    subs = [s.number for s in fw.subareas()]
    with (
        EvaluationSession.create(
            path,
            NewEvaluation(
                fw, "Storby", 2025, start_date="2025-10-06", end_date="2025-10-08", evaluators=("Eva Ek",)
            ),
            author="Benchmark",
        ) as s,
        s.file.write(),
    ):
        groups = list(InterviewGroup)
        iids = [
            s.registers.add_interview(
                group=groups[i % len(groups)].value,
                title=f"Intervju {i + 1}",
                date="2025-10-14",
                start="09:00",
                end="10:00",
                participants=4,
            ).id
            for i in range(interviews)
        ]
        dids = [
            s.registers.add_document(
                title=f"Dokument {i + 1}",
                doc_type="Plan",
                year=2024,
                body=" ".join(sentence(rng, 12) for _ in range(8)),
            ).id
            for i in range(documents)
        ]
        for i in range(notes):
            if i % 3 == 0:
                s.notes.add(
                    sentence(rng, 20),
                    rng.choice(subs),
                    source_kind=SourceKind.DOCUMENT,
                    document_id=rng.choice(dids),
                    page=str(rng.randint(1, 80)),
                )
            else:
                s.notes.add(
                    sentence(rng, 20),
                    rng.choice(subs),
                    source_kind=SourceKind.INTERVIEW,
                    interview_id=rng.choice(iids),
                )
        s.scores.set_many({n: fw.subarea(n).max / 2 for n in subs})
        for scope in (TextScope.SUMMARY_OVERALL, TextScope.SUMMARY_STRONGER, TextScope.SUMMARY_WEAKER):
            s.scores.set_text(scope, "", " ".join(sentence(rng, 15) for _ in range(10)))
        for n in subs:
            s.scores.set_text(TextScope.SUBAREA, n, " ".join(sentence(rng, 15) for _ in range(12)))
        for area in fw.areas:
            for kind in ("strength", "improvement"):
                for _ in range(5):
                    s.findings.add(area.number, kind, sentence(rng, 6))


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--interviews", type=int, default=60)
    parser.add_argument("--keep", type=Path, help="write the generated file here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KOMPASS_DATA_DIR", tmp)
        path = args.keep or Path(tmp) / "large.kompass"
        start = time.perf_counter()
        generate(path, args.notes, args.documents, args.interviews)
        gen = time.perf_counter() - start

        def open_close() -> None:
            EvaluationSession.open(path, readonly=True).close()

        session = EvaluationSession.open(path, readonly=True)
        t_open = timed(open_close)
        t_summary = timed(session.summary, 20)
        t_snapshot = timed(session.snapshot)
        t_search = timed(lambda: session.search("uppföljning kvalitet"), 20)
        session.close()
        print(
            f"generated {args.notes} notes, {args.documents} documents, {args.interviews} interviews "
            f"in {gen:.2f} s ({path.stat().st_size / 1e6:.1f} MB)"
        )
        print(f"open (header + integrity check + framework):  {t_open * 1000:8.1f} ms (median)")
        print(f"summary (scores -> areas -> total):            {t_summary * 1000:8.1f} ms (median)")
        print(f"full snapshot (every record):                  {t_snapshot * 1000:8.1f} ms (median)")
        print(f"full-text search:                              {t_search * 1000:8.1f} ms (median)")


if __name__ == "__main__":
    main()
