"""Writing an export (``.kkx``) of one evaluation, then proving it can be read back.

Privacy by default: interviewee names and notes whose source is an interview (and the
version history, whose old versions may hold both) stay out unless ``personal_data`` is
asked for.  Interview groups, roles and numbers of participants are always exported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.messages import msg
from ..storage import exchange_io as xio
from ..storage.db import EvaluationFile, Row, utc_now
from ..storage.errors import os_reason
from . import archive
from .errors import ExchangeError, RejectedArchive
from .package import ExportData, read_export_bytes
from .records import FORMAT_NAME, FORMAT_VERSION, TABLES, Minimiser, select_for_export, table_names


@dataclass(frozen=True, slots=True)
class BuiltExport:
    data: bytes  # the zip archive
    document: dict[str, Any]
    manifest: dict[str, Any]
    expected_counts: dict[str, int]  # from the source file, minus what privacy left out
    left_out: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    evaluation_id: str
    municipality: str
    framework_id: str
    personal_data: bool
    sealed: bool
    counts: dict[str, int]
    left_out: dict[str, int]


def evaluation_document(f: EvaluationFile, *, personal_data: bool = False) -> dict[str, Any]:
    """What an export of ``f`` would hold as ``evaluation.json`` (for checking a ``.kompass``
    file exactly like an export: :func:`.package.check_evaluation`)."""
    return _document(f, personal_data)[0]


def build_export(f: EvaluationFile, *, personal_data: bool, clock: Any = utc_now) -> BuiltExport:
    """The export of an open evaluation file, in memory (read as of one moment)."""
    doc, expected, left_out, info = _document(f, personal_data)
    content = archive.dumps(doc)
    created = clock()
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created": created,
        "file_id": doc["evaluation_id"],
        "framework_id": doc["framework"]["id"],
        "municipality": info["municipality"],
        "municipality_code": info["municipality_code"],
        "evaluation_date": info["start_date"] or None,
        "year": info["year"],
        "personal_data": personal_data,
        "score_encoding": "decimal-string",
        "counts": {t: len(doc["records"][t]) for t in TABLES} | {"history": len(doc.get("history", []))},
        "members": {
            archive.EVALUATION: {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
        },
    }
    data = archive.write_archive(
        [(archive.MANIFEST, archive.dumps(manifest)), (archive.EVALUATION, content)], _zip_time(created)
    )
    return BuiltExport(data, doc, manifest, expected, left_out)


def _document(
    f: EvaluationFile, personal_data: bool
) -> tuple[dict[str, Any], dict[str, int], dict[str, int], Row]:
    """(evaluation.json, expected record counts, left out per table, the evaluation record)."""
    with xio.consistent_read(f):
        rows = {t: xio.all_records(f, t) for t in TABLES}
        history = xio.all_history(f) if personal_data else []
        meta = xio.all_meta(f)
        copy = xio.framework_copy(f)
        source_counts = xio.record_counts(f)
        source_history = xio.history_count(f)
    evaluation_id = meta.get("evaluation_id", "")
    if len(rows["evaluation"]) != 1 or rows["evaluation"][0]["id"] != evaluation_id:
        raise ExchangeError(
            msg("{name} har ingen giltig utvärderingspost och kan inte exporteras.", name=f.path.name)
        )
    kept, left_out = select_for_export(rows, personal_data)
    privacy = Minimiser(personal_data, evaluation_id)
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "evaluation_id": evaluation_id,
        "personal_data": personal_data,
        "score_encoding": "decimal-string",
        # unsaved input (drafts of notes being typed) is personal and local: never exported
        "meta": privacy.meta(
            {k: v for k, v in meta.items() if k != "evaluation_id" and not k.startswith("draft:")}
        ),
        "framework": {"id": copy.id, "frozen_at": copy.frozen_at, "data": copy.data},
        "records": {t: [privacy.record(t, r) for r in kept[t]] for t in TABLES},
    }
    if personal_data:
        doc["history"] = [
            {
                "table": h.table,
                "record_id": h.record_id,
                "rev": h.rev,
                "parent_rev": h.parent_rev,
                "author": h.author,
                "at": h.at,
                "reason": h.reason,
                "data": h.data,
            }
            for h in history
        ]
    expected = {t: source_counts[t] - left_out[t] for t in TABLES}
    expected["history"] = source_history if personal_data else 0
    return doc, expected, left_out, rows["evaluation"][0]


def verify_export(data: bytes, built: BuiltExport, label: str) -> ExportData:
    """Re-open the written export: checksums, schema and record counts must match the source."""
    try:
        parsed = read_export_bytes(data, label)
    except RejectedArchive as err:
        raise ExchangeError(msg("Exporten kunde inte verifieras och sparades inte: {err}", err=err)) from None
    if parsed.counts() != built.expected_counts:
        differing = [t for t, n in built.expected_counts.items() if parsed.counts().get(t) != n]
        raise ExchangeError(
            msg(
                (
                    "Exporten kunde inte verifieras och sparades inte: antalet poster "
                    "skiljer sig från utvärderingsfilen ({differing})."
                ),
                differing=table_names(differing),
            )
        )
    if parsed.document != built.document:
        raise ExchangeError(msg("Exporten kunde inte verifieras och sparades inte: innehållet skiljer sig."))
    return parsed


def export_evaluation(
    source: Path | EvaluationFile,
    out: Path,
    *,
    personal_data: bool = False,
    seal_key: Path | None = None,
) -> ExportResult:
    """Export ``source`` (a path or an open file) to ``out``, optionally sealed for SKR.

    Nothing is left behind on failure; an existing ``out`` is never overwritten.
    """
    from . import seal

    out = Path(out)
    source_path = source.path if isinstance(source, EvaluationFile) else Path(source)
    archive.check_new_target(out, inputs=[source_path, seal_key])
    public_key = seal.load_public_key(seal_key) if seal_key is not None else None
    if isinstance(source, EvaluationFile):
        built = build_export(source, personal_data=personal_data)
    else:
        with xio.open_for_reading(Path(source)) as f:
            built = build_export(f, personal_data=personal_data)
    parsed = verify_export(built.data, built, out.name)
    payload = built.data
    if public_key is not None:
        payload = seal.seal_bytes(built.data, public_key, seal.header_for(built.manifest, public_key))
    with archive.new_file(
        out, private=personal_data and public_key is None
    ) as tmp:  # becomes ``out`` only when the checks below pass
        tmp.write_bytes(payload)
        try:
            written = _read_back(tmp)
        except OSError as err:  # named as the user knows it, never by the temporary name
            raise ExchangeError(
                msg("{path} kunde inte läsas tillbaka: {err}.", path=out, err=os_reason(err))
            ) from None
        if public_key is None:
            verify_export(written, built, out.name)
        elif written != payload or seal.read_header(written, out.name)[0]["file_id"] != parsed.evaluation_id:
            raise ExchangeError(
                msg("{out} blev inte korrekt skriven (innehållet skiljer sig); försök igen.", out=out)
            )
    return ExportResult(
        path=out,
        evaluation_id=parsed.evaluation_id,
        municipality=parsed.municipality,
        framework_id=parsed.framework.id,
        personal_data=personal_data,
        sealed=public_key is not None,
        counts=parsed.counts(),
        left_out={t: n for t, n in built.left_out.items() if n},
    )


def _zip_time(stamp: str) -> tuple[int, int, int, int, int, int]:
    """The members' date: the export's time (as ``utc_now`` writes it); a zip cannot be dated
    before 1980, so a laptop whose clock was reset dates it 1980."""
    t = datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S")
    return (1980, 1, 1, 0, 0, 0) if t.year < 1980 else (t.year, t.month, t.day, t.hour, t.minute, t.second)


def _read_back(path: Path) -> bytes:
    """The bytes just written, as the disk gives them back (raises OSError)."""
    return path.read_bytes()
