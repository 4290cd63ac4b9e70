"""Records of the evaluation file <-> records of the export, the privacy rule and the checks
that go beyond the JSON schema (references, keyed ids, maxima).

The export keeps every record exactly as stored: the same column names, the record's UUID,
``rev``, ``author``, ``created``/``modified`` times and soft-deleted records (``deleted``
becomes a JSON boolean).  Scores stay the decimal strings the file stores (see
``schemas/README.md``).

Format 2 (consensus scoring) added every evaluator's own score (``independent_scores``) and the
reason of an agreed score (``scores[].reason``); format 3 (the municipality register) the
evaluation's ``municipality_code`` and ``unlisted``.  An older export is read as the file
migrations read a file of that age (:func:`upgrade_document`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.errors import KompassError
from ..domain.framework import Framework, check_framework
from ..domain.messages import Joined, Message, joined, msg
from ..domain.model import SourceKind
from ..domain.scoring import check_points, parse_points
from ..domain.stored import DATA_ERRORS, data_problem
from ..storage.db import Row, keyed_id
from ..storage.schema import ADDED_FIELDS, RECORD_TABLES, independent_id, legacy_score

FORMAT_NAME = "kompass-export"
#: 3: the evaluation's municipality_code and unlisted (the register); 2: consensus scoring
FORMAT_VERSION = 3
SCHEMA_NAME = "evaluation-export.schema.json"

#: Export and import order: referenced records before the records that refer to them.
TABLES: tuple[str, ...] = (
    "evaluation",
    "interviews",
    "documents",
    "web_sources",
    "notes",
    "findings",
    "finding_notes",
    "scores",
    "independent_scores",
    "texts",
    "earlier_evaluations",
)
assert set(TABLES) == set(RECORD_TABLES), "every record table must be exported"

#: Every exported table (and the history) in Swedish: one record, several records.  The plural
#: is also the table's name in messages (a ``Message``: the GUI translates it); the command line
#: counts with both (``1 anteckning``, ``3 anteckningar``).
TABLE_NAMES: dict[str, tuple[str, Message]] = {
    "evaluation": ("utvärdering", msg("utvärderingar")),
    "interviews": ("intervju", msg("intervjuer")),
    "documents": ("dokument", msg("dokument")),
    "web_sources": ("webbkälla", msg("webbkällor")),
    "notes": ("anteckning", msg("anteckningar")),
    "findings": ("iakttagelse", msg("iakttagelser")),
    "finding_notes": ("koppling", msg("kopplingar")),
    "scores": ("överenskommen poäng", msg("överenskomna poäng")),
    "independent_scores": ("egen poäng", msg("egna poäng")),
    "texts": ("text", msg("texter")),
    "earlier_evaluations": ("tidigare utvärdering", msg("tidigare utvärderingar")),
    "history": ("historikpost", msg("historikposter")),
}
assert set(TABLE_NAMES) == {*TABLES, "history"}, "every exported table needs its Swedish name"


def table_names(tables: Iterable[str]) -> Joined:
    """Tables as a message names them: "anteckningar, egna poäng" (in export order); a name
    that is none of ours (from a damaged file) as it is."""
    given = set(tables)
    ours = [TABLE_NAMES[t][1] for t in TABLE_NAMES if t in given]
    return joined([*ours, *sorted(given - set(TABLE_NAMES))], ", ")


#: Fields that say who/when/which version rather than what a record says.
BOOKKEEPING = frozenset({"id", "author", "created", "modified", "rev"})

#: Integer 0/1 columns exported as JSON booleans (``deleted`` in every table).
FLAGS: dict[str, tuple[str, ...]] = {"evaluation": ("unlisted",)}


#: Meta entries that may name a person (left out without personal data).
PERSONAL_META = frozenset({"imported_from"})
PSEUDONYM = "utvärderare {n}"


class Minimiser:
    """What an export without personal data leaves out or replaces (``schemas/README.md`` lists
    every field).  One per export: the same author always gets the same pseudonym within it
    (``utvärderare 1``, ``2``, … in order of first appearance), so records stay attributable to
    "the same evaluator" without saying who."""

    def __init__(self, personal_data: bool, evaluation_id: str = "") -> None:
        self.personal_data = personal_data
        self.evaluation_id = evaluation_id
        self._authors: dict[str, str] = {}

    def author(self, name: str) -> str:
        if self.personal_data:
            return name
        return self._authors.setdefault(name, PSEUDONYM.format(n=len(self._authors) + 1))

    def record(self, table: str, row: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(row)
        for name in ("deleted", *FLAGS.get(table, ())):
            if name in out:
                out[name] = bool(out[name])
        if self.personal_data:
            return out
        out["author"] = self.author(str(row["author"]))
        if table == "interviews":
            out.pop("names", None)  # interviewees' names
            out["title"] = ""  # free text that often names the interviewee ("Intervju med …")
            out["location"] = ""  # e.g. someone's office
        elif table == "documents":
            out["path"] = file_name(str(row.get("path") or ""))  # not the folders (a home folder)
        elif table == "independent_scores":  # the evaluator too, and the id derived from the name
            out["evaluator"] = self.author(str(row["evaluator"]))
            out["id"] = independent_id(self.evaluation_id, str(row["subarea"]), out["evaluator"])
        return out

    def meta(self, meta: Mapping[str, str]) -> dict[str, str]:
        return {k: v for k, v in meta.items() if self.personal_data or k not in PERSONAL_META}


def file_name(path: str) -> str:
    """The last part of a Windows or POSIX path ("C:\\Users\\anna\\plan.pdf" -> "plan.pdf")."""
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] if path else ""


def json_to_row(table: str, record: Mapping[str, Any]) -> Row:
    """A record as the file stores it; a field an older export lacks gets the value its absence
    means (:data:`..storage.schema.ADDED_FIELDS`)."""
    row = dict(record)
    for name, default in ADDED_FIELDS.get(table, {}).items():
        row.setdefault(name, default)
    for name in ("deleted", *FLAGS.get(table, ())):
        row[name] = 1 if row[name] else 0
    if table == "interviews":
        row.setdefault("names", [])
    return row


def upgrade_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A schema-valid export document in the current format, upgraded step by step as the file
    migrations upgrade a file of the same age:

    * format 1 -> 2 exactly as :func:`..storage.schema.legacy_score` converts a version-1 file:
      each score becomes its author's independent score and the score record is emptied; the
      same ids and revisions, so copies still merge;
    * format 2 -> 3: the evaluation record gets the fields schema version 3 added, with the
      values their absence means (:data:`..storage.schema.ADDED_FIELDS`: not from the register).
    """
    out = dict(doc)
    if doc["format_version"] < 2:
        out = _consensus_upgrade(out)
    if out["format_version"] < 3:
        records = dict(out["records"])
        records["evaluation"] = [
            {**r, **{k: v for k, v in _added_json("evaluation").items() if k not in r}}
            for r in records["evaluation"]
        ]
        out.update(format_version=3, records=records)
    return out


def _added_json(table: str) -> dict[str, Any]:
    """The fields later migrations added to ``table`` as an export writes them (flags as booleans)."""
    flags = FLAGS.get(table, ())
    return {k: bool(v) if k in flags else v for k, v in ADDED_FIELDS.get(table, {}).items()}


def _consensus_upgrade(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Format 1 -> 2 (see :func:`upgrade_document`)."""
    out = dict(doc)
    records = {t: [dict(r) for r in rows] for t, rows in doc["records"].items()}
    history = [dict(h) for h in doc.get("history", [])]
    versions: dict[str, list[dict[str, Any]]] = {}
    for entry in history:
        if entry["table"] == "scores":
            versions.setdefault(entry["record_id"], []).append(entry["data"])
    independent = []
    for i, score in enumerate(records["scores"]):
        score.setdefault("reason", "")
        converted = legacy_score(
            json_to_row("scores", score), doc["evaluation_id"], versions.get(score["id"], [])
        )
        if converted is None:
            continue
        records["scores"][i] = {**converted.emptied, "deleted": bool(converted.emptied["deleted"])}
        independent.append({**converted.independent, "deleted": False})
        for table, data, parent in converted.history:
            history.append(
                {
                    "table": table,
                    "record_id": data["id"],
                    "rev": data["rev"],
                    "parent_rev": parent,
                    "author": data["author"],
                    "at": data["modified"],
                    "reason": "migration",
                    "data": dict(data),
                }
            )
    records["independent_scores"] = independent
    out.update(format_version=2, records=records)
    if "history" in doc:
        out["history"] = history
    return out


def is_interview_note(row: Mapping[str, Any]) -> bool:
    return bool(row.get("source_kind") == SourceKind.INTERVIEW.value)


def select_for_export(
    rows: Mapping[str, list[Row]], personal_data: bool
) -> tuple[dict[str, list[Row]], dict[str, int]]:
    """The rows to export and how many were left out per table (privacy by default).

    Without personal data, notes whose source is an interview are left out (and the links
    from findings to them); names and other personal fields are handled by :class:`Minimiser`.
    """
    if personal_data:
        return {t: list(rows.get(t, [])) for t in TABLES}, {t: 0 for t in TABLES}
    kept = {t: list(rows.get(t, [])) for t in TABLES}
    dropped_notes = {r["id"] for r in kept["notes"] if is_interview_note(r)}
    kept["notes"] = [r for r in kept["notes"] if r["id"] not in dropped_notes]
    kept["finding_notes"] = [r for r in kept["finding_notes"] if r["note_id"] not in dropped_notes]
    left_out = {t: len(rows.get(t, [])) - len(kept[t]) for t in TABLES}
    return kept, left_out


def content(row: Mapping[str, Any], table: str = "") -> dict[str, Any]:
    """What a record says (for merging): every field except id/author/times/rev, normalised.
    A field added by a later migration counts with its default where a version (e.g. one in
    the history from before the migration) lacks it."""
    out = {k: v for k, v in row.items() if k not in BOOKKEEPING}
    for name, default in ADDED_FIELDS.get(table, {}).items():
        out.setdefault(name, default)
    for name in ("deleted", *FLAGS.get(table, ())):
        if name in out:
            out[name] = 1 if out[name] else 0
    return out


# -- checks beyond the schema ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Checked:
    framework: Framework
    problems: list[str]


def frozen_framework(data: Mapping[str, Any], path: str = "$.framework.data") -> Framework:
    try:
        fw = Framework.from_dict(data)
    except DATA_ERRORS as err:
        raise KompassError(
            msg("{path}: ramverkskopian kan inte läsas ({problem}).", path=path, problem=data_problem(err))
        ) from None
    problems = check_framework(fw)
    if problems:
        raise KompassError(msg("{path}: {problems}.", path=path, problems=joined(problems)))
    return fw


def check_document(doc: Mapping[str, Any], known_frameworks: Iterable[str]) -> Checked:
    """References, keyed ids, maxima, privacy promise (schema-valid ``doc`` assumed)."""
    fw_id = doc["framework"]["id"]
    known = sorted(set(known_frameworks))
    if fw_id not in known:
        raise KompassError(
            msg(
                (
                    "$.framework.id: okänd version av Kommunkompassen ”{fw_id}” (denna "
                    "version känner till {known})."
                ),
                fw_id=fw_id,
                known=", ".join(known),
            )
        )
    fw = frozen_framework(doc["framework"]["data"])
    problems: list[str] = []
    if fw.id != fw_id:
        problems.append(
            msg(
                "$.framework.data.id: ”{id}” stämmer inte med $.framework.id ”{fw_id}”", id=fw.id, fw_id=fw_id
            )
        )
    eid: str = doc["evaluation_id"]
    recs: Mapping[str, list[dict[str, Any]]] = doc["records"]
    seen: dict[str, str] = {}
    missing = [t for t in TABLES if t not in recs]
    if missing:  # format 2 has every table (format 1 is upgraded before these checks)
        raise KompassError(msg("$.records: {missing} saknas.", missing=table_names(missing)))
    for table in TABLES:
        for i, rec in enumerate(recs[table]):
            where = f"$.records.{table}[{i}]"
            if rec["id"] in seen:
                problems.append(
                    msg(
                        "{where}.id: id {id} förekommer redan ({first})",
                        where=where,
                        id=rec["id"],
                        first=seen[rec["id"]],
                    )
                )
            seen.setdefault(rec["id"], where)
    evals = recs["evaluation"]
    if len(evals) != 1 or evals[0]["id"] != eid:
        problems.append(msg("$.records.evaluation: ska innehålla exakt en post med id {eid}", eid=eid))
    elif evals[0]["framework_id"] != fw_id:
        problems.append(
            msg(
                "$.records.evaluation[0].framework_id: ”{found}” ≠ ”{fw_id}”",
                found=evals[0]["framework_id"],
                fw_id=fw_id,
            )
        )
    ids = {t: {r["id"] for r in recs[t]} for t in TABLES}
    _check_scores(recs["scores"], fw, eid, problems)
    _check_independent(recs["independent_scores"], fw, eid, problems)
    _check_keyed(recs["texts"], eid, "texts", lambda r: f"text:{r['scope']}:{r['ref']}", problems)
    _check_keyed(
        recs["finding_notes"],
        eid,
        "finding_notes",
        lambda r: f"link:{r['finding_id']}:{r['note_id']}",
        problems,
    )
    for i, link in enumerate(recs["finding_notes"]):
        if link["finding_id"] not in ids["findings"]:
            problems.append(
                msg("$.records.finding_notes[{i}].finding_id: iakttagelsen finns inte i exporten", i=i)
            )
        if link["note_id"] not in ids["notes"]:
            problems.append(
                msg("$.records.finding_notes[{i}].note_id: anteckningen finns inte i exporten", i=i)
            )
    refs = (("interview_id", "interviews"), ("document_id", "documents"), ("web_id", "web_sources"))
    for i, note in enumerate(recs["notes"]):
        for key, table in refs:
            if note[key] is not None and note[key] not in ids[table]:
                problems.append(
                    msg(
                        "$.records.notes[{i}].{key}: posten {id} finns inte i exporten",
                        i=i,
                        key=key,
                        id=note[key],
                    )
                )
        if note["subarea"] is not None and not fw.has_subarea(note["subarea"]):
            problems.append(
                msg(
                    "$.records.notes[{i}].subarea: delfrågan {sub} finns inte i {fw}",
                    i=i,
                    sub=note["subarea"],
                    fw=fw.name,
                )
            )
    kinds = {k.value for k in fw.finding_kinds}
    areas = {a.number for a in fw.areas}
    for i, finding in enumerate(recs["findings"]):
        if finding["area"] not in areas:
            problems.append(
                msg("$.records.findings[{i}].area: område {area} finns inte", i=i, area=finding["area"])
            )
        if finding["kind"] not in kinds:
            problems.append(
                msg(
                    "$.records.findings[{i}].kind: ”{kind}” används inte i {fw}",
                    i=i,
                    kind=finding["kind"],
                    fw=fw.name,
                )
            )
    if not doc["personal_data"]:
        _check_no_personal_data(doc, problems)
    record_tables = {rid: t for t in TABLES for rid in ids[t]}
    for i, entry in enumerate(doc.get("history", [])):
        if record_tables.get(entry["record_id"]) != entry["table"]:
            problems.append(
                msg(
                    "$.history[{i}].record_id: posten finns inte bland exportens {table}",
                    i=i,
                    table=table_names([entry["table"]]),
                )
            )
    return Checked(fw, problems)


def _check_scores(scores: list[dict[str, Any]], fw: Framework, eid: str, problems: list[str]) -> None:
    subareas: set[str] = set()
    for i, score in enumerate(scores):
        where = f"$.records.scores[{i}]"
        sub = score["subarea"]
        if not fw.has_subarea(sub):
            problems.append(
                msg("{where}.subarea: delfrågan {sub} finns inte i {fw}", where=where, sub=sub, fw=fw.name)
            )
            continue
        if sub in subareas:
            problems.append(msg("{where}.subarea: delfrågan {sub} har två poängposter", where=where, sub=sub))
        subareas.add(sub)
        if score["id"] != keyed_id(eid, f"score:{sub}"):
            problems.append(msg("{where}.id: fel id för poängen till {sub}", where=where, sub=sub))
        if "reason" not in score:
            problems.append(
                msg("{where}.reason: saknas (exportformat {version})", where=where, version=FORMAT_VERSION)
            )
        if score["points"] is not None:
            try:
                check_points(parse_points(score["points"]), fw.subarea(sub))
            except KompassError as err:
                problems.append(msg("{where}.points: {err}", where=where, err=err))


def _check_independent(scores: list[dict[str, Any]], fw: Framework, eid: str, problems: list[str]) -> None:
    seen: set[tuple[str, str]] = set()
    for i, score in enumerate(scores):
        where = f"$.records.independent_scores[{i}]"
        sub, evaluator = score["subarea"], score["evaluator"]
        if not fw.has_subarea(sub):
            problems.append(
                msg("{where}.subarea: delfrågan {sub} finns inte i {fw}", where=where, sub=sub, fw=fw.name)
            )
            continue
        if (sub, evaluator) in seen:
            problems.append(
                msg("{where}: två poäng för {sub} av {evaluator}", where=where, sub=sub, evaluator=evaluator)
            )
        seen.add((sub, evaluator))
        if score["id"] != independent_id(eid, sub, evaluator):
            problems.append(
                msg(
                    "{where}.id: fel id för poängen till {sub} av {evaluator}",
                    where=where,
                    sub=sub,
                    evaluator=evaluator,
                )
            )
        if score["points"] is not None:
            try:
                check_points(parse_points(score["points"]), fw.subarea(sub))
            except KompassError as err:
                problems.append(msg("{where}.points: {err}", where=where, err=err))


def _check_keyed(records: list[dict[str, Any]], eid: str, table: str, key: Any, problems: list[str]) -> None:
    for i, rec in enumerate(records):
        if rec["id"] != keyed_id(eid, key(rec)):
            problems.append(
                msg(
                    "$.records.{table}[{i}].id: id stämmer inte med postens nyckel ({key})",
                    table=table,
                    i=i,
                    key=key(rec),
                )
            )


def _check_no_personal_data(doc: Mapping[str, Any], problems: list[str]) -> None:
    recs = doc["records"]
    for i, interview in enumerate(recs["interviews"]):
        if "names" in interview:
            problems.append(
                msg(
                    "$.records.interviews[{i}].names: namn finns med "
                    "fast filen säger att personuppgifter saknas",
                    i=i,
                )
            )
    for i, note in enumerate(recs["notes"]):
        if is_interview_note(note):
            problems.append(
                msg(
                    "$.records.notes[{i}]: intervjuanteckning finns med "
                    "fast filen säger att personuppgifter saknas",
                    i=i,
                )
            )
    if "history" in doc:
        problems.append(msg("$.history: historik finns med fast filen säger att personuppgifter saknas"))
