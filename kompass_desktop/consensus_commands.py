"""``kompass consensus FILE [--json]`` and ``kompass agree FILE SUBAREA POINTS --reason TEXT``
(registered by cli.py).  Names, options and the JSON shape are a stable interface."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from .domain.consensus import Consensus, Status, SubAreaConsensus, TeamAgreement
from .domain.language import count
from .domain.scoring import format_exact, to_json_number

Handler = Callable[[argparse.Namespace], int]


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def consensus_json(consensus: Consensus) -> dict[str, Any]:
    """Per sub-area that anyone scored: the independent scores, spread, agreed score, reason and
    status (agreed | single | open); and the team's agreement figures."""
    return {
        "subareas": [subarea_json(s) for s in consensus.subareas if s.status != Status.UNSCORED],
        "team_agreement": agreement_json(consensus.team_agreement()),
    }


def subarea_json(s: SubAreaConsensus) -> dict[str, Any]:
    return {
        "number": s.number,
        "max": to_json_number(s.max),
        "independent": {name: to_json_number(points) for name, points in s.points.items()},
        "spread": to_json_number(s.spread),
        "agreed": to_json_number(s.agreed),
        "reason": s.reason,
        "status": s.status.value,
        "notable": s.notable,
    }


def agreement_json(team: TeamAgreement) -> dict[str, Any]:
    share = team.share_equal
    mean = team.mean_abs_difference
    return {
        "compared": team.compared,
        "equal": team.equal,
        "share_equal": None if share is None else float(share.quantize(Decimal("0.0001"))),
        "mean_abs_difference": None if mean is None else float(mean.quantize(Decimal("0.01"))),
        "notable": team.notable,
    }


def _line(s: SubAreaConsensus) -> str:
    scores = " · ".join(f"{name} {format_exact(p)}" for name, p in s.points.items()) or "–"
    spread = ""
    if len(s.points) > 1 and s.spread is not None:
        spread = f"  spridning {format_exact(s.spread)}{' (!)' if s.notable else ''}"
    agreed = "–" if s.agreed is None else format_exact(s.agreed)
    return f"{s.number:<5} /{format_exact(s.max):<3} {scores}{spread}  →  {agreed}  {s.status.label_sv}"


def cmd_consensus(args: argparse.Namespace) -> int:
    from .services import EvaluationSession

    with EvaluationSession.open(Path(args.file), readonly=True) as session:
        names, fw, consensus = session.names(), session.framework, session.consensus.view()
    if args.json:
        sys.stdout.write(json.dumps(consensus_json(consensus), ensure_ascii=False, indent=2) + "\n")
        return 0
    out(f"{names.display} – {fw.name}: utvärderarnas poäng och den överenskomna")
    out("(delfråga /max  var och ens poäng  spridning  →  överenskommen  läge; (!) = stor skillnad)")
    for area in fw.areas:
        out(f"\n{area.number}. {area.title}")
        for sub in area.subareas:
            s = consensus.get(sub.number)
            out(f"   {_line(s)}")
            for score in s.independent:
                if score.rationale:
                    out(f"         {score.evaluator}: {score.rationale}")
            if s.reason:
                who = f" ({s.recorded.author})" if s.recorded is not None and s.recorded.author else ""
                out(f"         skäl{who}: {s.reason}")
    open_ones = consensus.open()
    out("")
    out(consensus.team_agreement().describe())
    if open_ones:
        out(
            f"{_subareas(len(open_ones))} oense: {', '.join(s.number for s in open_ones)} "
            f"(kompass agree {args.file} DELFRÅGA POÄNG --reason TEXT)."
        )
    return 0


def _subareas(n: int) -> str:
    return f"{count(n, 'delfråga', 'delfrågor')} är"


def cmd_agree(args: argparse.Namespace) -> int:
    from .services import EvaluationSession

    with EvaluationSession.open(Path(args.file)) as session:
        change = session.consensus.agree(args.subarea, args.points, args.reason or "")
        s = session.consensus.subarea(args.subarea)
    agreed = change.after()
    scores = f" ({s.describe_scores()})" if s.points else ""
    reason = f" Skäl: {agreed.reason}" if agreed.reason else ""
    out(f"Delfråga {s.number}: överenskommen poäng {format_exact(agreed.points)}{scores}.{reason}")
    return 0


def register(sub: Any, command: Callable[[str], Callable[[Handler], Handler]]) -> None:
    s = sub.add_parser("consensus", help="utvärderarnas egna poäng, spridningen och den överenskomna poängen")
    s.add_argument("file", metavar="FIL")
    s.add_argument("--json", action="store_true")
    command("consensus")(cmd_consensus)

    s = sub.add_parser("agree", help="spara den överenskomna poängen för en delfråga, med skäl")
    s.add_argument("file", metavar="FIL")
    s.add_argument("subarea", metavar="DELFRÅGA")
    s.add_argument("points", metavar="POÄNG")
    s.add_argument(
        "--reason", metavar="TEXT", default="", help="varför ni enas (krävs när poängen skiljer sig)"
    )
    command("agree")(cmd_agree)
