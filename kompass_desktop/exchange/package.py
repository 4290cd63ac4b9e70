"""Reading an export (``.kkx``) and checking *everything* before anyone uses it.

Order of the checks (the first failing one is reported, naming the problem):
zip container and member safety -> manifest present, ours, not newer, schema-valid ->
members exactly as listed, sizes and SHA-256 -> evaluation.json strict JSON, not newer,
schema-valid (with JSON paths) -> manifest agrees with the content -> references, keyed ids,
maxima, the privacy promise and a known framework id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .. import resources, schema_words
from ..domain.consensus import AgreedScore, Consensus, IndependentScore, build_consensus
from ..domain.errors import KompassError
from ..domain.framework import Framework
from ..domain.messages import joined_at_most, msg
from ..domain.scoring import parse_points
from ..storage.db import Row
from ..storage.exchange_io import HistoryEntry
from . import archive
from .errors import RejectedArchive
from .fastschema import Check, compile_schema
from .records import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SCHEMA_NAME,
    TABLES,
    check_document,
    json_to_row,
    table_names,
    upgrade_document,
)

SEALED_MAGIC = b"KOMPASS-SEALED"
MAX_REPORTED = 5


@dataclass(frozen=True, slots=True)
class ExportData:
    """A checked export: the manifest, evaluation.json and the frozen framework."""

    manifest: Mapping[str, Any]
    document: Mapping[str, Any]
    framework: Framework

    @property
    def evaluation_id(self) -> str:
        return str(self.document["evaluation_id"])

    @property
    def personal_data(self) -> bool:
        return bool(self.document["personal_data"])

    @property
    def municipality(self) -> str:
        return str(self.document["records"]["evaluation"][0]["municipality"])

    def rows(self, table: str) -> list[Row]:
        """The records of one table shaped as the evaluation file stores them."""
        return [json_to_row(table, r) for r in self.document["records"][table]]

    def history(self) -> list[HistoryEntry]:
        return [
            HistoryEntry(
                h["table"],
                h["record_id"],
                h["rev"],
                h["parent_rev"],
                h["author"],
                h["at"],
                h["reason"],
                h["data"],
            )
            for h in self.document.get("history", [])
        ]

    def counts(self) -> dict[str, int]:
        out = {t: len(self.document["records"][t]) for t in TABLES}
        out["history"] = len(self.document.get("history", []))
        return out

    @property
    def last_modified(self) -> str:
        """When the newest record was last changed (which of two copies is newer)."""
        return max((str(r["modified"]) for t in TABLES for r in self.document["records"][t]), default="")

    def consensus(self) -> Consensus:
        """Every evaluator's own scores and the recorded agreed scores (see domain.consensus)."""

        def points(value: str | None) -> Any:
            return None if value is None else parse_points(value)

        live = {t: [r for r in self.document["records"][t] if not r["deleted"]] for t in TABLES}
        return build_consensus(
            self.framework,
            (
                IndependentScore(
                    id=r["id"], subarea=r["subarea"], evaluator=r["evaluator"], points=points(r["points"])
                )
                for r in live["independent_scores"]
            ),
            (
                AgreedScore(id=r["id"], subarea=r["subarea"], points=points(r["points"]), reason=r["reason"])
                for r in live["scores"]
            ),
        )

    def scores(self) -> dict[str, str | None]:
        """The agreed score per sub-area (exact decimal text; None: open or not scored)."""
        return {k: None if v is None else str(v) for k, v in self.consensus().agreed_scores().items()}


def _schema(part: str) -> dict[str, Any]:
    schema = resources.load_schema(SCHEMA_NAME)
    if part == "manifest":
        return {**schema["$defs"]["manifest"], "$defs": schema["$defs"]}
    return schema


@cache
def _validator(part: str) -> Any:
    from jsonschema import Draft202012Validator  # local import keeps start-up light

    return Draft202012Validator(_schema(part))


@cache
def _fast(part: str) -> Check:
    return compile_schema(_schema(part))


def schema_problems(instance: Any, part: str = "evaluation") -> list[str]:
    """'$.path: message' for every violation (empty when valid); ``part`` = evaluation|manifest.

    The compiled check answers first; only a document it rejects goes through ``jsonschema``,
    which gives the messages (and has the last word).
    """
    if _fast(part)(instance):
        return []
    return list(schema_words.problems(_validator(part).iter_errors(instance)))


def _reject_many(label: str, what: str, problems: list[str]) -> RejectedArchive:
    shown = joined_at_most(problems, MAX_REPORTED)
    return RejectedArchive(msg("{label}: {what}: {shown}.", label=label, what=what, shown=shown))


def _check_version(data: Any, label: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise RejectedArchive(
            msg(
                "{label}: inte en export från Kompass Desktop (format ”kompass-export” saknas).",
                label=label,
            )
        )
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise RejectedArchive(
            msg(
                (
                    "{label}: skapad med en nyare version av Kompass Desktop (exportformat "
                    "{version}, denna version läser {FORMAT_VERSION}). Uppdatera programmet."
                ),
                label=label,
                version=version,
                FORMAT_VERSION=FORMAT_VERSION,
            )
        )


def read_export_file(path: Path) -> ExportData:
    return read_export_bytes(archive.read_file_bytes(path, "Exportfilen"), path.name)


def read_export_bytes(data: bytes, label: str) -> ExportData:
    """Check an export completely; raise RejectedArchive naming the first problem."""
    if data.startswith(SEALED_MAGIC):
        raise RejectedArchive(
            msg(
                (
                    "{label} är förseglad för SKR; öppna den först med ”kompass unseal FIL "
                    "--key NYCKEL.key -o UT.kkx”."
                ),
                label=label,
            )
        )
    members = archive.read_archive(data, label)
    if archive.MANIFEST not in members:
        raise RejectedArchive(
            msg(
                "{label}: {MANIFEST} saknas i arkivet (inte en komplett export).",
                label=label,
                MANIFEST=archive.MANIFEST,
            )
        )
    manifest = archive.loads_strict(members[archive.MANIFEST], f"{label}: {archive.MANIFEST}")
    _check_version(manifest, f"{label}: {archive.MANIFEST}")
    problems = schema_problems(manifest, "manifest")
    if problems:
        raise _reject_many(label, msg("{what} följer inte schemat", what=archive.MANIFEST), problems)
    listed = manifest["members"]
    for name in members:
        if name != archive.MANIFEST and name not in listed:
            raise RejectedArchive(
                msg(
                    "{label}: oväntad fil ”{name}” i arkivet (finns inte i manifestet).",
                    label=label,
                    name=name,
                )
            )
    for name, entry in listed.items():
        if name not in members:
            raise RejectedArchive(
                msg("{label}: {name} saknas i arkivet fast manifestet listar den.", label=label, name=name)
            )
        content = members[name]
        if len(content) != entry["size"] or hashlib.sha256(content).hexdigest() != entry["sha256"]:
            raise RejectedArchive(
                msg(
                    "{label}: kontrollsumman för {name} stämmer inte (filen har ändrats eller är skadad).",
                    label=label,
                    name=name,
                )
            )
    if archive.EVALUATION not in members:
        raise RejectedArchive(
            msg("{label}: {EVALUATION} saknas i arkivet.", label=label, EVALUATION=archive.EVALUATION)
        )
    doc = archive.loads_strict(members[archive.EVALUATION], f"{label}: {archive.EVALUATION}")
    return check_evaluation(doc, label, manifest=manifest)


def check_evaluation(
    doc: Any, label: str, *, manifest: Mapping[str, Any] | None = None, what: str = archive.EVALUATION
) -> ExportData:
    """The checks every evaluation read from outside goes through, whatever its container: an
    export's ``evaluation.json`` or the records of a ``.kompass`` file (merge, aggregate) in the
    same shape.  Schema (types, ranges, patterns), then references, keyed ids, scores within
    0..max, sub-areas and areas of the framework, and the privacy promise."""
    _check_version(doc, f"{label}: {what}")
    problems = schema_problems(doc)
    if problems:
        raise _reject_many(label, msg("{what} följer inte schemat", what=what), problems)
    if manifest is not None:
        problems = _manifest_mismatches(manifest, doc)
        if problems:
            raise _reject_many(label, msg("manifestet stämmer inte med innehållet"), problems)
    doc = upgrade_document(doc)  # formats 1 and 2: read as the file migrations read an old file
    try:
        checked = check_document(doc, [f.id for f in resources.frameworks()])
    except KompassError as err:
        raise RejectedArchive(msg("{label}: {err}", label=label, err=err)) from None
    if checked.problems:
        raise _reject_many(label, msg("{what} är inte konsekvent", what=what), checked.problems)
    return ExportData(manifest or {}, doc, checked.framework)


def _manifest_mismatches(manifest: Mapping[str, Any], doc: Mapping[str, Any]) -> list[str]:
    evaluation = doc["records"]["evaluation"][0]
    expected = {
        "file_id": doc["evaluation_id"],
        "framework_id": doc["framework"]["id"],
        "personal_data": doc["personal_data"],
        "municipality": evaluation["municipality"],
        "year": evaluation["year"],
        "evaluation_date": evaluation["start_date"] or None,
    }
    if "municipality_code" in manifest:  # format 3
        expected["municipality_code"] = evaluation.get("municipality_code", "")
    problems = [
        f"$.{key}: ”{manifest[key]}” men innehållet säger ”{value}”"
        for key, value in expected.items()
        if manifest[key] != value
    ]
    counts = {t: len(records) for t, records in doc["records"].items()}  # as written (format 1 too)
    counts["history"] = len(doc.get("history", []))
    if manifest["counts"] != counts:
        differing = [
            k for k in set(counts) | set(manifest["counts"]) if manifest["counts"].get(k) != counts.get(k)
        ]
        problems.append(
            msg("$.counts: antalet poster stämmer inte ({tables})", tables=table_names(differing))
        )
    return problems
