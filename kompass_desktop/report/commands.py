"""``kompass report FILE -o OUT.pdf|OUT.docx [--draft] [--national-average FILE]
[--without-national-average]`` (registered by cli.py).
The format follows the suffix of ``-o``: ``.pdf`` or ``.docx`` (Word).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.language import count
from ..domain.messages import msg

Handler = Callable[[argparse.Namespace], int]


def register(sub: Any, command: Callable[[str], Callable[[Handler], Handler]]) -> None:
    s = sub.add_parser("report", help="skapa rapporten som PDF eller Word (slutlig eller utkast)")
    s.add_argument("file", metavar="FIL", help="utvärderingsfilen (.kompass)")
    s.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="UT.pdf|UT.docx",
        help="filen som skapas: .pdf (PDF) eller .docx (Word, tillgänglig och redigerbar)",
    )
    s.add_argument(
        "--draft",
        action="store_true",
        help="utkast: vattenstämpel, styckenummer och en sida med öppna punkter",
    )
    national = s.add_mutually_exclusive_group()
    national.add_argument(
        "--national-average",
        metavar="FIL",
        default=None,
        help="medelvärdesfil från SKR (standard: den som sparats i filen, annars programmets exempeldata)",
    )
    national.add_argument(
        "--without-national-average",
        action="store_true",
        help="rapporten utan jämförelse med ett nationellt medelvärde",
    )
    command("report")(cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from ..domain.errors import KompassError
    from ..services import EvaluationSession
    from ..storage.outputs import Replace, check_output
    from . import build_report

    source = Path(args.file)
    out = Path(args.output)
    if not source.exists():
        raise KompassError(msg("Utvärderingsfilen {path} finns inte.", path=source))
    national = Path(args.national_average) if args.national_average else None
    # the output guard: never an evaluation file or an input, a read-only file, a network folder
    check_output(out, inputs=[source, national], replace=Replace.ORDINARY)
    if national is not None and not national.is_file():
        raise KompassError(msg("Medelvärdesfilen {path} finns inte.", path=national))
    with EvaluationSession.open(source, readonly=True) as session:
        snapshot = session.snapshot()
    # a final report with something missing raises ReportNotReady (listed on stderr, nothing written)
    result = build_report(
        snapshot,
        out,
        draft=args.draft,
        national_path=national,
        with_national=not args.without_national_average,
    )
    kind = "utkastet" if result.draft else "rapporten"
    details = [f"{result.pages} sidor"] if result.pages else ["Word"]
    if result.draft:
        details.append(count(len(result.open_items), "öppen punkt", "öppna punkter"))
    sys.stdout.write(f"Skapade {kind} {out} ({', '.join(details)}).\n")
    return 0
