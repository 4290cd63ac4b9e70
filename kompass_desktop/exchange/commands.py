"""``kompass export | import | keygen | unseal | merge | aggregate`` (registered by cli.py)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.language import COMPLETE, count, shortened

Handler = Callable[[argparse.Namespace], int]


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _counts(counts: dict[str, int]) -> str:
    """ "1 utvärdering, 10 intervjuer, …": the tables that have records, in Swedish."""
    from .records import TABLE_NAMES

    return ", ".join(count(n, *TABLE_NAMES[t]) for t, n in counts.items() if n)


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_evaluation

    result = export_evaluation(
        Path(args.file),
        Path(args.output),
        personal_data=args.include_personal_data,
        seal_key=Path(args.seal) if args.seal else None,
    )
    if result.personal_data:
        privacy = "MED personuppgifter (namn, intervjuanteckningar och historik) – hantera filen därefter"
    else:
        left = result.left_out.get("notes", 0)
        privacy = (
            f"utan personuppgifter ({left} intervjuanteckningar, intervjupersonernas namn och intervjuernas "
            "rubriker och platser utelämnade; utvärderarna som pseudonymer, dokument bara med filnamn)"
        )
    sealed = ", förseglad för SKR" if result.sealed else ""
    out(f"Exporterade {result.municipality} ({result.framework_id}) till {result.path}{sealed}: {privacy}.")
    out(f"Verifierad: {_counts(result.counts)}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_export

    result = import_export(Path(args.file), Path(args.output))
    privacy = "" if result.personal_data else " Exporten saknade personuppgifter; filen kan inte slås samman."
    out(f"Skapade {result.path} från {args.file} – {result.municipality} ({result.framework_id}).{privacy}")
    out(f"Importerat: {_counts(result.counts)}.")
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    from .seal import key_id as kid
    from .seal import keygen, load_public_key

    pub, key = keygen(Path(args.output))
    out(f"Skrev {pub} (publik: ge den till utvärderarna för --seal) och {key} (privat: håll den hemlig).")
    out(f"Nyckel-id {kid(load_public_key(pub))}.")
    return 0


def cmd_unseal(args: argparse.Namespace) -> int:
    from .seal import unseal_file

    header, parsed = unseal_file(Path(args.file), Path(args.key), Path(args.output))
    out(
        f"Öppnade {args.file} → {args.output}: {parsed.municipality}, {header.get('year') or 'okänt år'}, "
        f"ramverk {parsed.framework.id}."
    )
    return 0


def _value(text: str) -> str:
    return f"”{shortened(text, 60)}”"


def cmd_merge(args: argparse.Namespace) -> int:
    from ..services import EvaluationSession
    from ..storage.outputs import check_in_place
    from .labels import field_label, field_value
    from .merge import apply_merge, load_other, plan_merge

    check_in_place(Path(args.lead), inputs=[Path(args.other)])
    other = load_other(Path(args.other))  # checked completely before the lead is opened for writing
    with EvaluationSession.open(Path(args.lead)) as session:
        plan = plan_merge(session, Path(args.other), other=other)
        for c in plan.conflicts:
            out(f"Konflikt: {c.label} [id {c.id}]")
            for d in c.fields:
                mine, theirs = (_value(field_value(c.table, d.name, v)) for v in (d.lead, d.other))
                out(f"    {field_label(c.table, d.name)}: huvudfilen {mine} / {plan.other_label} {theirs}")
            keep = "den andra filens" if args.prefer == "other" else "huvudfilens"
            verb = "skulle behållas" if args.dry_run else "behålls"
            out(f"    → {keep} värde {verb}; det andra sparas i historiken.")
        summary = (
            f"{count(len(plan.inserts), 'ny post', 'nya poster')}, "
            f"{count(len(plan.updates), 'uppdaterad', 'uppdaterade')}, "
            f"{count(len(plan.conflicts), 'konflikt', 'konflikter')}, "
            f"{count(plan.unchanged, 'oförändrad', 'oförändrade')}"
        )
        if args.dry_run:
            out(f"Provkörning (inget skrevs): {summary}.")
            return 0
        result = apply_merge(session, plan, default=args.prefer)
    if result.backup is None:
        out(f"Inget att slå samman: {args.other} innehåller inget nytt för {args.lead}.")
    else:
        out(f"Slog samman {args.other} in i {args.lead}: {summary}.")
        out(f"Säkerhetskopia före sammanslagningen: {result.backup}")
    return 0


def cmd_aggregate(args: argparse.Namespace) -> int:
    from .aggregate import NothingToAggregate, aggregate, check_target, write_result
    from .seal import load_private_key

    inputs = [Path(p) for p in args.inputs]
    key_path = Path(args.key) if args.key else None
    check_target(Path(args.output), [*inputs, *([key_path] if key_path else [])])  # before any work
    key = load_private_key(key_path) if key_path else None
    try:
        result = aggregate(inputs, key=key)
    except NothingToAggregate as nothing:  # why each file was skipped, then the refusal
        _skipped(nothing.skipped)
        raise
    _skipped(result.skipped)
    write_result(result, Path(args.output), [*inputs, *([key_path] if key_path else [])])
    from decimal import Decimal

    from ..domain.scoring import format_exact

    for fw_id, entry in result.data["frameworks"].items():
        mean = format_exact(Decimal(str(entry["total"]["mean"])))  # decimal comma, as everywhere
        out(f"{fw_id}: n = {entry['total']['n']}, medel totalt {mean}")
        for line in _disagreement_lines(entry.get("disagreement")):
            out(f"  {line}")
    skipped = f"; {count(len(result.skipped), 'fil', 'filer')} hoppades över" if result.skipped else ""
    out(f"Skrev {args.output} ur {count(len(result.used), *COMPLETE)}{skipped}.")
    return 0


def _skipped(lines: list[str]) -> None:
    for line in lines:
        sys.stderr.write(f"hoppade över {line}\n")


def _disagreement_lines(table: dict[str, Any] | None, limit: int = 5) -> list[str]:
    """The sub-areas the evaluators disagreed on most often (then by the largest mean spread),
    only those they disagreed on at least once; ``None``: the aggregate found no sub-area scored
    by several evaluators independently."""
    from decimal import Decimal

    from ..domain.scoring import format_exact

    if not table:
        return ["ingen delfråga har bedömts av flera utvärderare var för sig"]
    disagreed = [(number, row) for number, row in table.items() if row["disagreed"]]
    if not disagreed:
        scored = count(len(table), "delfråga", "delfrågor")
        return [f"utvärderarna var aldrig oense ({scored} har bedömts av flera var för sig)"]
    ranked = sorted(disagreed, key=lambda kv: (-kv[1]["share"], -kv[1]["mean_spread"], kv[0]))
    lines = ["oftast oense (delfråga: oense i / bedömd av flera, medelspridning, största):"]
    for number, row in ranked[:limit]:
        mean = format_exact(Decimal(str(row["mean_spread"])))
        biggest = format_exact(Decimal(str(row["max_spread"])))
        lines.append(f"  {number}: {row['disagreed']} av {row['n']}, {mean}, {biggest}")
    return lines


def register(sub: Any, command: Callable[[str], Callable[[Handler], Handler]]) -> None:
    s = sub.add_parser(
        "export", help="exportera en utvärdering till en .kkx-fil (för SKR eller en medbedömare)"
    )
    s.add_argument("file", metavar="FIL", help="utvärderingsfilen (.kompass)")
    s.add_argument("-o", "--output", required=True, metavar="UT.kkx")
    s.add_argument(
        "--include-personal-data",
        action="store_true",
        help="ta med intervjupersonernas namn, intervjuanteckningar och historiken "
        "(behövs för att slå samman)",
    )
    s.add_argument(
        "--seal", metavar="PUBLIK_NYCKEL", help="försegla för SKR med en .pub-fil från kompass keygen"
    )
    command("export")(cmd_export)

    s = sub.add_parser("import", help="skapa en ny utvärderingsfil från en .kkx-export")
    s.add_argument("file", metavar="FIL", help="exportfilen (.kkx)")
    s.add_argument("-o", "--output", required=True, metavar="NY.kompass")
    command("import")(cmd_import)

    s = sub.add_parser("keygen", help="skapa ett nyckelpar för förseglade exporter (SKR)")
    s.add_argument("-o", "--output", required=True, metavar="NAMN", help="skriver NAMN.pub och NAMN.key")
    command("keygen")(cmd_keygen)

    s = sub.add_parser("unseal", help="öppna en förseglad export med den privata nyckeln")
    s.add_argument("file", metavar="FIL", help="den förseglade exporten")
    s.add_argument("--key", required=True, metavar="NAMN.key")
    s.add_argument("-o", "--output", required=True, metavar="UT.kkx")
    command("unseal")(cmd_unseal)

    s = sub.add_parser("merge", help="slå samman en medbedömares kopia med huvudfilen")
    s.add_argument("lead", metavar="HUVUDFIL", help="huvudfilen (.kompass) som tar emot ändringarna")
    s.add_argument("other", metavar="KOPIA", help="medbedömarens .kompass eller .kkx med personuppgifter")
    s.add_argument(
        "--prefer", choices=("lead", "other"), default="lead", help="vems värde som vinner vid konflikt"
    )
    s.add_argument("--dry-run", action="store_true", help="visa vad som skulle hända utan att skriva")
    command("merge")(cmd_merge)

    s = sub.add_parser(
        "aggregate",
        help="nationella medelvärden ur exporter och utvärderingsfiler (bara fullständiga räknas)",
    )
    s.add_argument("inputs", nargs="+", metavar="FIL_ELLER_MAPP")
    s.add_argument("-o", "--output", required=True, metavar="national-average.json")
    s.add_argument("--key", metavar="NAMN.key", help="privat nyckel för att läsa förseglade exporter")
    command("aggregate")(cmd_aggregate)
