"""The ``kompass`` command: headless access to the same services the GUI uses.

Command names and options are a public interface (scripts at SKR call them); keep them
stable.  Every error is one clear message on stderr and a non-zero exit code — never a
traceback (unexpected errors are logged to a file and named in the message).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__, argtext, resources
from .domain.errors import InputProblems, KompassError
from .domain.language import count
from .domain.municipalities import Listing, MunicipalityNames
from .domain.rules import plausible_year
from .domain.scoring import Summary, format_exact, round_display, to_json_number
from .storage.errors import os_reason
from .storage.outputs import check_in_place, check_output, immutable_inputs

Handler = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    """Register this module's handler for the sub-command ``name`` (bound in :func:`build_parser`)."""

    def register(fn: Handler) -> Handler:
        _COMMANDS[name] = fn
        return fn

    return register


def _binder(parsers: dict[str, argparse.ArgumentParser]) -> Callable[[str], Callable[[Handler], Handler]]:
    """The decorator that gives a sub-command's parser its handler: a name without a parser is a
    mistake found when the parser is built, and nothing is kept between two parsers."""

    def bind(name: str) -> Callable[[Handler], Handler]:
        def attach(fn: Handler) -> Handler:
            parsers[name].set_defaults(handler=fn)
            return fn

        return attach

    return bind


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def out_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# -- frameworks ---------------------------------------------------------------------------


@command("frameworks")
def cmd_frameworks(args: argparse.Namespace) -> int:
    fws = resources.frameworks()
    if args.json:
        out_json(
            [
                {
                    "id": f.id,
                    "name": f.name,
                    "version_label": f.version_label,
                    "year": f.year,
                    "aliases": list(f.aliases),
                    "areas": len(f.areas),
                    "subareas": len(list(f.subareas())),
                    "finding_kinds": [k.value for k in f.finding_kinds],
                }
                for f in fws
            ]
        )
    else:
        for f in fws:
            out(f"{f.id:<6} {f.name}  ({len(f.areas)} områden, {len(list(f.subareas()))} delfrågor)")
    return 0


@command("framework-show")
def cmd_framework_show(args: argparse.Namespace) -> int:
    fw = resources.framework(args.id)
    if args.json:
        out_json(
            {
                "id": fw.id,
                "name": fw.name,
                "version_label": fw.version_label,
                "year": fw.year,
                "finding_kinds": [k.value for k in fw.finding_kinds],
                "areas": [
                    {
                        "number": a.number,
                        "title": a.title,
                        "short": a.short,
                        "max": to_json_number(a.max),
                        "subareas": [
                            {
                                "number": s.number,
                                "title": s.title,
                                "heading": s.heading,
                                "max": to_json_number(s.max),
                                "questions": list(s.questions),
                            }
                            for s in a.subareas
                        ],
                    }
                    for a in fw.areas
                ],
            }
        )
        return 0
    out(f"{fw.name} (id {fw.id})")
    for a in fw.areas:
        out(f"\n{a.number}. {a.title}  [max {format_exact(a.max)}]")
        for s in a.subareas:
            out(f"   {s.number:<5} {s.title}  [max {format_exact(s.max)}]")
    return 0


# -- evaluation files -------------------------------------------------------------------------


def _open(path: str, readonly: bool = True) -> Any:
    from .services import EvaluationSession

    return EvaluationSession.open(Path(path), readonly=readonly)


@command("new")
def cmd_new(args: argparse.Namespace) -> int:
    from .services import EvaluationSession, NewEvaluation

    path = Path(args.file)
    if path.suffix != ".kompass":
        raise KompassError(f"Utvärderingsfiler ska sluta på .kompass ({path.name}).")
    fw = resources.framework(args.framework)
    choice = _municipality_choice(args)  # before anything is written: a refused name leaves nothing
    check_output(path)
    spec = NewEvaluation(fw, choice.name, args.year, municipality_code=choice.code, unlisted=choice.unlisted)
    with EvaluationSession.create(path, spec) as session:
        names = session.names()
    where = f"kommunkod {names.code}" if names.code else "ej i kommunregistret: fiktiv eller övning"
    out(f"Skapade {path} – {names.display} ({where}), {fw.name}.")
    return 0


def _municipality_choice(args: argparse.Namespace) -> Any:
    """``--municipality`` looked up in the register, or ``--unlisted`` as written."""
    from .domain.municipalities import AmbiguousMunicipality, MunicipalityNotFound
    from .services import municipality

    if args.unlisted is not None:
        return municipality.unlisted(args.unlisted)
    try:
        return municipality.find(args.municipality)
    except AmbiguousMunicipality:
        raise
    except MunicipalityNotFound as err:
        if not args.municipality.strip():
            raise
        raise KompassError(
            f"{err} För en fiktiv kommun eller en övning: --unlisted ”{args.municipality.strip()}”."
        ) from None


@command("import-scores")
def cmd_import_scores(args: argparse.Namespace) -> int:
    from .domain.csv_scores import parse_scores_csv
    from .services import EvaluationSession

    csv_path = Path(args.csv)
    check_in_place(Path(args.file), inputs=[csv_path])
    try:
        data = csv_path.read_bytes()
    except FileNotFoundError:
        raise KompassError(f"CSV-filen {csv_path} finns inte.") from None
    except OSError as err:
        raise KompassError(f"CSV-filen {csv_path} kan inte läsas: {os_reason(err)}.") from None
    with EvaluationSession.open(Path(args.file), readonly=True) as reader:
        framework = reader.framework
    parsed = parse_scores_csv(
        data, framework
    )  # all-or-nothing: a bad file is refused before the file is opened
    with EvaluationSession.open(Path(args.file)) as session:
        session.backup("before-import")
        session.scores.set_many({s.subarea: s.points for s in parsed.scores})
        summary = session.summary()
    skipped = (
        f" ({count(parsed.skipped_empty, 'tom rad', 'tomma rader')} hoppades över)"
        if parsed.skipped_empty
        else ""
    )
    out(
        f"Importerade {len(parsed.scores)} poäng till {args.file}{skipped}. "
        f"Totalt {format_exact(summary.total)} av {format_exact(summary.max)}."
    )
    return 0


def municipality_json(names: MunicipalityNames) -> dict[str, Any]:
    """``{"code": "1060", "name": "Olofströms kommun", ...}``; ``code`` is null outside the register."""
    data: dict[str, Any] = {
        "code": names.code or None,
        "name": names.display,
        "short_name": names.short,
        "listing": names.listing.value,
    }
    if names.listing == Listing.FREE_TEXT:  # a file from before the register
        data["written"] = names.typed
        data["register_match"] = names.match.code if names.match else None
    return data


def summary_json(
    names: MunicipalityNames,
    fw_id: str,
    fw_name: str,
    summary: Summary,
    statuses: dict[str, str] | None = None,
) -> dict[str, Any]:
    """``statuses``: sub-area -> consensus status (agreed | single | open | unscored)."""
    statuses = statuses or {}
    return {
        "municipality": municipality_json(names),
        "framework": fw_id,
        "framework_name": fw_name,
        "total": to_json_number(summary.total),
        "max": to_json_number(summary.max),
        "complete": summary.complete,
        "areas": [
            {
                "number": a.number,
                "title": a.title,
                "achieved": to_json_number(a.achieved),
                "max": to_json_number(a.max),
                "subareas": [
                    {
                        "number": s.number,
                        "title": s.title,
                        "achieved": to_json_number(s.achieved),
                        "max": to_json_number(s.max),
                        **({"status": statuses[s.number]} if s.number in statuses else {}),
                    }
                    for s in a.subareas
                ],
            }
            for a in summary.areas
        ],
    }


@command("summary")
def cmd_summary(args: argparse.Namespace) -> int:
    with _open(args.file) as session:
        names, fw, summary = session.names(), session.framework, session.summary()
        consensus = session.consensus.view()
    statuses = {s.number: s.status.value for s in consensus.subareas}
    if args.json:
        out_json(summary_json(names, fw.id, fw.name, summary, statuses))
        return 0
    out(f"{names.display} – {fw.name}")
    for a in summary.areas:
        achieved = "–" if a.achieved is None else str(round_display(a.achieved))
        out(f"\n{a.number}. {_cut(a.title, 58):<58} {achieved:>4} / {format_exact(a.max)}")
        for s in a.subareas:
            value = "–" if s.achieved is None else format_exact(s.achieved)
            mark = (
                f"  oense ({consensus.get(s.number).describe_scores()})"
                if statuses[s.number] == "open"
                else ""
            )
            out(f"   {s.number:<5} {_cut(s.title, 54):<54} {value:>5} / {format_exact(s.max)}{mark}")
    state = (
        "" if summary.complete else f"  ({summary.scored_count} av {summary.subarea_count} delfrågor bedömda)"
    )
    out(f"\nTotalt {round_display(summary.total)} av {format_exact(summary.max)} poäng{state}")
    open_ones = [s.number for s in consensus.open()]
    if open_ones:
        out(
            f"Utvärderarna är oense om {len(open_ones)} {'delfråga' if len(open_ones) == 1 else 'delfrågor'} "
            f"({', '.join(open_ones)}): "
            f"se kompass consensus {args.file}"
        )
    return 0


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters; a cut title ends with "…"."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@command("validate")
def cmd_validate(args: argparse.Namespace) -> int:
    with _open(args.file) as session:
        problems = session.validate()
    if problems:
        sys.stderr.write(f"{args.file}: {len(problems)} problem hittades:\n")
        for p in problems:
            sys.stderr.write(f"  {p}\n")
        return 1
    out(f"{args.file}: OK")
    return 0


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import write_demo

    path = Path(args.file)
    session, saved = write_demo(path, overwrite=args.force)
    with session:
        summary = session.summary()
        out(
            f"Skapade demoutvärderingen {path} – {session.names().display}, "
            f"{round_display(summary.total)} av {format_exact(summary.max)} poäng."
        )
    if saved is not None:
        out(f"Den tidigare filen sparades först som {saved}.")
    return 0


@command("doctor")
def cmd_doctor(args: argparse.Namespace) -> int:
    from .doctor import main as self_check

    return self_check(Path(f) for f in args.folders)


# -- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    argtext.install()
    p = argparse.ArgumentParser(prog="kompass", description="Kompass Desktop på kommandoraden.")
    p.add_argument(
        "--version", action="version", version=f"kompass {__version__}", help="visa programmets version"
    )
    sub = p.add_subparsers(dest="command", metavar="KOMMANDO")

    s = sub.add_parser("frameworks", help="lista versionerna av Kommunkompassen")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("framework", help="visa en version")
    fsub = s.add_subparsers(dest="framework_command", metavar="show")
    show = fsub.add_parser("show", help="områden och delfrågor")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true")

    s = sub.add_parser("new", help="skapa en ny utvärderingsfil")
    s.add_argument("file", metavar="FIL")
    s.add_argument("--framework", required=True, metavar="VERSION", help="version, t.ex. 2019")
    which = s.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--municipality",
        metavar="NAMN|KOD",
        help="kommunen ur kommunregistret: namn, kortnamn eller kommunkod (t.ex. Olofström, 1060)",
    )
    which.add_argument(
        "--unlisted",
        metavar="NAMN",
        help="en fiktiv kommun eller en övning, med namnet som det ska stå (t.ex. ”Lindsjö kommun”); "
        "räknas aldrig i nationella medelvärden",
    )
    s.add_argument("--year", type=_year, default=None, metavar="ÅR")

    s = sub.add_parser("import-scores", help="läs in delfrågornas poäng från en CSV-fil")
    s.add_argument("file", metavar="FIL")
    s.add_argument("csv", metavar="CSV")

    s = sub.add_parser("summary", help="poäng per område och totalt")
    s.add_argument("file", metavar="FIL")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("validate", help="kontrollera filens integritet och konsistens")
    s.add_argument("file", metavar="FIL")

    s = sub.add_parser("demo", help="skriv demoutvärderingen till en fil")
    s.add_argument("file", metavar="FIL")
    s.add_argument("--force", action="store_true", help="skriv över en befintlig fil")

    s = sub.add_parser("doctor", help="självkontroll av installationen (för IT-support)")
    s.add_argument(
        "folders", nargs="*", metavar="MAPP", help="mappar med utvärderingar (standard: senaste filernas)"
    )

    parsers = {**sub.choices, "framework-show": show}
    bind = _binder(parsers)
    for name, handler in _COMMANDS.items():
        bind(name)(handler)
    for extend in _extensions():
        extend(sub, _binder(sub.choices))
    return p


def _extensions() -> list[Callable[[Any, Callable[[str], Callable[[Handler], Handler]]], None]]:
    """Commands contributed by the report and exchange packages."""
    found = []
    for module_name in (
        "kompass_desktop.report.commands",
        "kompass_desktop.exchange.commands",
        "kompass_desktop.storage.commands",
        "kompass_desktop.consensus_commands",
    ):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ModuleNotFoundError as err:
            if err.name != module_name:
                raise
            continue
        found.append(module.register)
    return found


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"”{text}” är inget år") from None
    if not plausible_year(year):
        raise argparse.ArgumentTypeError(f"{year} är inget rimligt år")
    return year


def log_unexpected(exc: BaseException) -> Path | None:
    try:
        from .storage.backup import data_dir

        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "kompass-errors.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(exc)))
            fh.write("\n")
        return path
    except OSError:
        return None


def name_too_long_error(err: BaseException) -> str | None:
    """The clear message for an OSError about a name longer than the file system allows (raised
    by ``Path.exists()`` and friends wherever a user's path is looked at), else None."""
    if isinstance(err, OSError) and err.errno == errno.ENAMETOOLONG:
        from .storage.fileformat import name_too_long

        return name_too_long(os.fsdecode(err.filename) if err.filename is not None else "")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "framework" and args.framework_command != "show":
        parser.error("ange: kompass framework show ID")
    if args.command is None:
        parser.print_help()
        return 2
    stdout = sys.stdout
    sys.stdout = _ClosedPipeSafe(stdout)
    try:
        with immutable_inputs():
            handler: Handler = args.handler
            return handler(args)
    except InputProblems as err:
        sys.stderr.write(f"kompass {args.command}: {err.summary}\n")
        for problem in err.problems:
            sys.stderr.write(f"  {problem}\n")
        return err.exit_code
    except KompassError as err:
        sys.stderr.write(f"kompass {args.command}: {err}\n")
        return err.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("Avbrutet.\n")
        return 130
    except Exception as err:  # never show a traceback to the user
        known = name_too_long_error(err)
        if known is not None:  # a name no file system holds: the user's to change, no bug of ours
            sys.stderr.write(f"kompass {args.command}: {known}\n")
            return 1
        where = log_unexpected(err)
        detail = f" Detaljer finns i {where}." if where else ""
        sys.stderr.write(f"kompass {args.command}: oväntat fel ({type(err).__name__}: {err}).{detail}\n")
        return 2
    finally:
        safe, sys.stdout = sys.stdout, stdout
        if isinstance(safe, _ClosedPipeSafe):
            safe.flush()


class _ClosedPipeSafe:
    """stdout for one command: output into a closed pipe (``kompass summary | head -1``) is no
    error.  The rest of the output is dropped and the command completes (a merge that printed
    its conflicts still merges).  Python's docs: point stdout at devnull so that the final flush
    at exit cannot fail either."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._closed = False

    def write(self, text: str) -> int:
        if not self._closed:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self._closed:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        self._closed = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
