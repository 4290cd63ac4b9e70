"""Creating a new evaluation file from an export (``kompass import IN.kkx -o NEW.kompass``).

The export is checked completely before anything is written; the file is built under a
temporary name by the storage layer and appears only when complete.  Records keep their
ids, revisions, authors and times (written with ``put_raw``), so a co-evaluator's copy made
this way can be merged back into the lead's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.messages import joined, msg
from ..services.session import close_after_error, default_author
from ..storage import exchange_io as xio
from ..storage.db import EvaluationFile
from ..storage.opening import create_evaluation_file
from . import archive
from .errors import ExchangeError
from .package import ExportData, read_export_file
from .records import TABLES, content, table_names

#: Meta entry of a file made from an export without personal data ("0") or with it ("1").
META_PERSONAL = "import_personal_data"


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    evaluation_id: str
    municipality: str
    framework_id: str
    personal_data: bool
    counts: dict[str, int]


def import_export(source: Path, out: Path, *, author: str | None = None) -> ImportResult:
    """Check ``source`` and create ``out`` from it; an existing ``out`` is never overwritten."""
    out = Path(out)
    archive.check_new_target(out, ".kompass", inputs=[Path(source)])
    data = read_export_file(Path(source))
    write_evaluation_file(data, out, author=author or default_author(), source_name=Path(source).name)
    return ImportResult(
        path=out,
        evaluation_id=data.evaluation_id,
        municipality=data.municipality,
        framework_id=data.framework.id,
        personal_data=data.personal_data,
        counts=data.counts(),
    )


def write_evaluation_file(data: ExportData, out: Path, *, author: str, source_name: str) -> None:
    doc = data.document

    def populate(f: EvaluationFile) -> None:
        f.set_meta("evaluation_id", data.evaluation_id)
        for key, value in doc["meta"].items():
            if key != "evaluation_id" and not key.startswith("draft:"):
                f.set_meta(key, value)
        f.set_meta("imported_from", source_name)
        f.set_meta(META_PERSONAL, "1" if data.personal_data else "0")
        f.set_framework_copy(doc["framework"]["id"], doc["framework"]["data"])
        xio.set_framework_frozen_at(f, doc["framework"]["frozen_at"])
        xio.insert_history(f, data.history())
        for table in TABLES:
            for row in data.rows(table):
                f.put_raw(table, row, reason="import", author=author)

    created = create_evaluation_file(out, populate)
    try:
        _verify(created, data)
    except BaseException:
        close_after_error(created)
        for leftover in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    created.close()


def _verify(f: EvaluationFile, data: ExportData) -> None:
    """The new file must hold exactly the exported records and framework copy."""
    problems: list[str] = []
    with xio.consistent_read(f):
        if f.evaluation_id != data.evaluation_id:
            problems.append(msg("utvärderingens id"))
        copy = xio.framework_copy(f)
        if (copy.id, copy.data, copy.frozen_at) != (
            data.document["framework"]["id"],
            data.document["framework"]["data"],
            data.document["framework"]["frozen_at"],
        ):
            problems.append(msg("ramverkskopian"))
        differing = [t for t in TABLES if _stored(t, xio.all_records(f, t)) != _stored(t, data.rows(t))]
        if differing:
            problems.append(table_names(differing))
        exported = data.history()
        if xio.all_history(f)[: len(exported)] != exported:
            problems.append(msg("historiken"))
    if problems:
        raise ExchangeError(
            msg(
                "Importen kunde inte verifieras ({problems} skiljer sig); {name} skapades inte.",
                problems=joined(problems, ", "),
                name=f.path.name,
            )
        )


def _stored(table: str, rows: list[dict[str, Any]]) -> list[tuple[str, Any, Any, Any, Any, Any]]:
    return sorted(
        (r["id"], r["rev"], r["author"], r["created"], r["modified"], content(r, table)) for r in rows
    )
