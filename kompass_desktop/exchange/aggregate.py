"""National averages for SKR (``kompass aggregate``): n, mean, min and max per area and total.

Inputs are exports (``.kkx``; sealed ones only with the private key) and evaluation files
(``.kompass``).  The demo and evaluations outside the register (fictional or training ones,
``kompass new --unlisted``) never count and are listed as skipped.  Only *complete*
evaluations count — every sub-area of the frozen framework scored — so that an unfinished
evaluation never pulls an average down.  Each evaluation
counts once (by its id) however many copies are given.  Unusable inputs are skipped and
listed with the reason.  Sums are exact decimals; the mean is rounded half up to two
decimals, min and max are exact.

For SKR's work on the instrument the result also says, per version and sub-area, how often and
by how much the evaluators of those evaluations disagreed in their own (independent) scores
(``disagreement``): the sub-areas whose questions are hardest to score consistently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from .. import resources
from ..domain.consensus import Consensus, notable_spread
from ..domain.errors import KompassError
from ..domain.framework import Framework
from ..domain.language import COMPLETE, count
from ..domain.messages import joined, msg
from ..domain.meta import local_moment
from ..domain.scoring import parse_points, to_json_number
from ..domain.stored import data_problem
from ..storage import exchange_io as xio
from ..storage.errors import os_reason
from ..storage.outputs import Replace, check_output
from . import archive
from .errors import ExchangeError
from .export import evaluation_document
from .package import check_evaluation, read_export_bytes


@dataclass(frozen=True, slots=True)
class _Evaluation:
    evaluation_id: str
    framework: Framework
    year: int | None
    scores: dict[str, Decimal | None]
    modified: str  # the newest change of any record: which of two copies is newer
    consensus: Consensus


@dataclass(frozen=True, slots=True)
class AggregateResult:
    data: dict[str, Any]
    used: list[str]
    skipped: list[str]


class _Skip(Exception):
    pass


class NothingToAggregate(ExchangeError):
    """No input counts; ``skipped`` says why for each file (the lines of :func:`skipped_line`)."""

    def __init__(self, message: str, skipped: list[str]) -> None:
        super().__init__(message)
        self.skipped = skipped


def collect_inputs(items: Iterable[Path]) -> list[Path]:
    """Files as given; folders are searched (recursively) for .kkx and .kompass files."""
    out: list[Path] = []
    for item in items:
        item = Path(item)
        if item.is_dir():
            out.extend(
                sorted(p for p in item.rglob("*") if p.suffix.lower() in (".kkx", ".kompass") and p.is_file())
            )
        else:
            out.append(item)
    return out


def _read(path: Path, key: X25519PrivateKey | None) -> _Evaluation:
    from . import seal

    suffix = path.suffix.lower()
    if not path.is_file():
        raise _Skip(msg("filen finns inte"))
    if suffix == ".kompass":
        # checked exactly like an export: scores within 0..max, known sub-areas, the framework copy
        with xio.open_for_reading(path) as f:
            doc = evaluation_document(f)
        parsed = check_evaluation(doc, path.name, what="innehållet")
    elif suffix != archive.SUFFIX:
        raise _Skip(msg("filen är varken en export (.kkx) eller en utvärderingsfil (.kompass)"))
    else:
        data = archive.read_file_bytes(path)
        if seal.is_sealed(data):
            if key is None:
                raise _Skip(msg("filen är förseglad; ange --key med SKR:s privata nyckel för att räkna den"))
            _header, data = seal.unseal_bytes(data, key, path.name)
        parsed = read_export_bytes(data, path.name)
    _refuse_unlisted(parsed.document)
    scores = {k: None if v is None else parse_points(v) for k, v in parsed.scores().items()}
    year = parsed.document["records"]["evaluation"][0]["year"]
    return _Evaluation(
        parsed.evaluation_id,
        parsed.framework,
        year,
        scores,
        parsed.last_modified,
        parsed.consensus(),
    )


def _refuse_unlisted(document: Mapping[str, Any]) -> None:
    """The demo and fictional or training evaluations (outside the register) never count."""
    if document["meta"].get("demo") == "1":
        raise _Skip(msg("demoutvärderingen räknas inte"))
    evaluation = document["records"]["evaluation"][0]
    if evaluation.get("unlisted"):
        raise _Skip(
            msg(
                "{evaluation} finns inte i kommunregistret (fiktiv kommun eller övning) och räknas inte",
                evaluation=evaluation["municipality"],
            )
        )


def _older(old: tuple[Path, _Evaluation], new: tuple[Path, _Evaluation]) -> str:
    """The skipped line of an older copy: when each was changed last, to the second (local time)."""
    a, b = _local_time(old[1].modified), _local_time(new[1].modified)
    if a == b:  # the older one by a fraction of a second
        reason = msg(
            "filen är en äldre version av samma utvärdering som {new} (båda ändrades senast {time}, "
            "inom samma sekund); bara den nyaste räknas",
            new=new[0],
            time=a,
        )
    else:
        reason = msg(
            "filen är en äldre version av samma utvärdering som {new} (senast ändrad {old_time} mot "
            "{new_time}); bara den nyaste räknas",
            new=new[0],
            old_time=a,
            new_time=b[11:] if a[:10] == b[:10] else b,
        )
    return skipped_line(old[0], reason)


def _local_time(stamp: str) -> str:
    """'2025-10-14T08:41:07.123Z' -> '2025-10-14 10:41:07' in local time (as the report dates)."""
    moment = local_moment(stamp)
    return stamp if moment is None else f"{moment:%Y-%m-%d %H:%M:%S}"


def skipped_line(path: Path, reason: str) -> str:
    """One line of the skipped files, always "<file>: <reason>." (the reason a sentence)."""
    return f"{path}: {' '.join(str(reason).split()).rstrip('.')}."


def _passed_on(path: Path, error: KompassError) -> str:
    """A refusal of the import as the reason after the file's path: it names the file itself
    ("x.kkx är avkortad …", "x.kkx: manifest.json …"), so the name becomes "filen" or goes;
    a sentence of its own begins in lower case after the colon ("du saknar behörighet …")."""
    name, text = path.name, str(error)
    if text.startswith(f"{name}: "):
        text = text[len(name) + 2 :]
    elif text.startswith(f"{name} "):
        text = "filen " + text[len(name) + 1 :]
    if text[:1].isupper() and not text[1:2].isupper():  # never "SKR …"
        text = text[0].lower() + text[1:]
    return text


def _stat(values: Sequence[Decimal]) -> dict[str, Any]:
    mean = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return {
        "n": len(values),
        "mean": to_json_number(mean),
        "min": to_json_number(min(values)),
        "max": to_json_number(max(values)),
    }


def _mean(values: Sequence[Decimal]) -> Any:
    return to_json_number(
        (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    )


def disagreement(framework: Framework, evaluations: Sequence[_Evaluation]) -> dict[str, Any]:
    """Per sub-area scored by at least two evaluators in some evaluation: in how many of those
    evaluations (``n``) the evaluators' own scores differed (``disagreed``, ``share``), the mean
    and largest spread (highest minus lowest), and how often the spread mattered (``notable``:
    from 15 % of the maximum).  Sub-areas no evaluation had two scores for are left out."""
    out: dict[str, Any] = {}
    for sub in framework.subareas():
        spreads = []
        for ev in evaluations:
            entry = next((c for c in ev.consensus.subareas if c.number == sub.number), None)
            if entry is not None and len(entry.points) >= 2 and entry.spread is not None:
                spreads.append(entry.spread)
        if not spreads:
            continue
        disagreed = sum(1 for s in spreads if s > 0)
        out[sub.number] = {
            "n": len(spreads),
            "disagreed": disagreed,
            "share": to_json_number(
                (Decimal(disagreed) / len(spreads)).quantize(Decimal("0.01"), ROUND_HALF_UP)
            ),
            "mean_spread": _mean(spreads),
            "max_spread": to_json_number(max(spreads)),
            "notable": sum(1 for s in spreads if s > 0 and notable_spread(s, sub.max)),
        }
    return out


def aggregate(
    inputs: Iterable[Path], *, key: X25519PrivateKey | None = None, today: date | None = None
) -> AggregateResult:
    """Compute the national-average document (schemas/national-average.schema.json)."""
    skipped: list[str] = []
    used: list[str] = []
    newest: dict[str, tuple[Path, _Evaluation]] = {}  # evaluation id -> its newest copy
    for path in collect_inputs(inputs):
        try:
            ev = _read(path, key)
        except _Skip as why:
            skipped.append(skipped_line(path, str(why)))
            continue
        except KompassError as err:  # rejected archive, damaged file, wrong key, impossible score...
            skipped.append(skipped_line(path, _passed_on(path, err)))
            continue
        except (OSError, ValueError, ArithmeticError) as err:  # why, in Swedish (never Python's English)
            cause = os_reason(err) if isinstance(err, OSError) else data_problem(err)
            skipped.append(skipped_line(path, msg("filen kunde inte läsas ({problem})", problem=cause)))
            continue
        earlier = newest.get(ev.evaluation_id)
        if earlier is None or ev.modified > earlier[1].modified:
            newest[ev.evaluation_id] = (path, ev)
            if earlier is not None:
                skipped.append(_older(earlier, (path, ev)))
        elif ev.modified == earlier[1].modified:
            reason = msg(
                "filen är en lika ny kopia av samma utvärdering som {other}, och utvärderingen räknas "
                "bara en gång",
                other=earlier[0],
            )
            skipped.append(skipped_line(path, reason))
        else:
            skipped.append(_older((path, ev), earlier))
    groups: dict[str, list[_Evaluation]] = {}
    for path, ev in newest.values():
        missing = [s.number for s in ev.framework.subareas() if ev.scores.get(s.number) is None]
        if missing:
            total = len(list(ev.framework.subareas()))
            reason = msg(
                "utvärderingen är ofullständig: {scored} av {total} delfrågor har poäng",
                scored=total - len(missing),
                total=total,
            )
            skipped.append(skipped_line(path, reason))
            continue
        used.append(str(path))
        groups.setdefault(ev.framework.id, []).append(ev)
    if not groups:
        raise NothingToAggregate(
            msg(
                "Inga fullständiga utvärderingar hittades ({skipped} hoppades över); ingen fil skrevs.",
                skipped=count(len(skipped), "fil", "filer"),
            ),
            skipped,
        )
    frameworks: dict[str, Any] = {}
    for fw_id, evaluations in sorted(groups.items()):
        fw = evaluations[0].framework
        areas = {}
        for area in fw.areas:
            sums = [
                sum((ev.scores[s.number] or Decimal(0) for s in area.subareas), Decimal(0))
                for ev in evaluations
            ]
            areas[str(area.number)] = _stat(sums)
        totals = [sum((v or Decimal(0) for v in ev.scores.values()), Decimal(0)) for ev in evaluations]
        years = sorted(ev.year for ev in evaluations if ev.year is not None)
        period = "" if not years else (str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
        entry: dict[str, Any] = {
            "label": f"Nationellt medelvärde {period} (n = {len(evaluations)})".replace("  ", " "),
            "areas": areas,
            "total": _stat(totals),
        }
        if period:
            entry["period"] = period
        differences = disagreement(fw, evaluations)
        if differences:
            entry["disagreement"] = differences
        frameworks[fw_id] = entry
    data: dict[str, Any] = {
        "format": 1,
        "kind": "kommunkompassen-national-average",
        "example": False,
        "label": "Nationellt medelvärde",
        "created": (today or date.today()).isoformat(),
        "source": (
            f"Beräknat med kompass aggregate ur {count(len(used), *COMPLETE)} "
            "(bara utvärderingar där alla delfrågor har poäng räknas; "
            "medelvärdet avrundat till två decimaler)."
        ),
        "skipped": skipped,
        "frameworks": frameworks,
    }
    problems = resources.schema_errors(data, "national-average.schema.json")
    if problems:  # would be a bug here, not a user error
        raise ExchangeError(
            msg("Resultatet följer inte national-average.schema.json: {problems}.", problems=joined(problems))
        )
    return AggregateResult(data, used, skipped)


def check_target(out: Path, inputs: Iterable[Path]) -> None:
    """The output guard: an existing ordinary file may be replaced, never an evaluation file or
    one of the inputs (folders given as inputs are searched like :func:`aggregate` does)."""
    check_output(Path(out), inputs=collect_inputs(inputs), replace=Replace.ORDINARY)


def write_result(result: AggregateResult, out: Path, inputs: Iterable[Path] = ()) -> None:
    """Write (or replace) the national-average file atomically, after the output guard."""
    out = Path(out)
    check_target(out, [*inputs, *(Path(p) for p in result.used)])
    archive.write_new_bytes(out, archive.dumps(result.data), replace=True)
