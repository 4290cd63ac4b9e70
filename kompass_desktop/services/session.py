"""One open evaluation: its file's life cycle, its facts, and its parts.

An :class:`EvaluationSession` is the one door to an evaluation file for the GUI and the CLI.
It opens, creates, copies, backs up, checks and closes the file and edits the facts of the
evaluation; everything else is in a part with its own module, each readable on its own:

* ``session.scores`` — points per sub-area and the report's texts (:mod:`.scores`)
* ``session.consensus`` — every evaluator's own score and the agreed score (:mod:`.consensus`)
* ``session.notes`` — notes and the sources they cite (:mod:`.notes`)
* ``session.findings`` — Styrkor / Förbättringsmöjligheter / Svagheter (:mod:`.findings`)
* ``session.registers`` — interviews, documents, web, earlier evaluations, national average
  (:mod:`.registers`)

Every operation that changes something is one transaction and returns a :class:`Change`
(also told to ``session.listeners``), so a GUI knows what to refresh and an undo command
knows what to put back.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.checks import OpenItem, consistency_problems, open_items
from ..domain.coverage import Coverage, coverage
from ..domain.errors import KompassError
from ..domain.field_words import field_label
from ..domain.framework import Framework
from ..domain.messages import msg
from ..domain.model import EvaluationInfo, EvaluationSnapshot
from ..domain.municipalities import MunicipalityNames
from ..domain.rules import plausible_year
from ..domain.scoring import Summary
from ..storage import backup as backups
from ..storage import queries, repo
from ..storage.db import (
    EvaluationFile,
    Row,
    keyed_id,
    new_id,
    utc_now,
)
from ..storage.errors import CheckpointFailed, NetworkLocation
from ..storage.location import classify
from ..storage.lock import current_user
from ..storage.opening import create_evaluation_file, open_evaluation_file
from ..storage.schema import independent_id
from . import municipality
from .change import Change, ChangeKind
from .consensus import ConsensusScores
from .context import Listener, SessionContext
from .findings import Findings
from .notes import Notes
from .registers import Registers, check_date, optional_int
from .scores import Scores

log = logging.getLogger(__name__)


def default_author() -> str:
    return os.environ.get("KOMPASS_AUTHOR") or current_user()


@dataclass(frozen=True, slots=True)
class EarlierScores:
    """An earlier evaluation of the municipality: the score per area (area number -> points)."""

    year: int
    framework_id: str
    area_scores: Mapping[str, object]
    label: str = ""


@dataclass(frozen=True, slots=True)
class NewEvaluation:
    framework: Framework
    municipality: str  # ignored when ``municipality_code`` is given (the register's name is used)
    year: int | None = None
    kommungrupp: str = ""
    inhabitants: int | None = None
    employees: int | None = None
    governing_parties: str = ""
    evaluation_number: int | None = None
    start_date: str = ""
    end_date: str = ""
    evaluators: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    earlier: EarlierScores | None = None  # stored with the new file, or no file is made
    municipality_code: str = ""  # chosen from the register (services.municipality.find)
    unlisted: bool = False  # fictional or training (services.municipality.unlisted)


_INFO_FIELDS = {
    "municipality",
    "municipality_code",
    "unlisted",
    "kommungrupp",
    "inhabitants",
    "inhabitants_note",
    "employees",
    "employees_note",
    "governing_parties",
    "facts",
    "evaluation_number",
    "start_date",
    "end_date",
    "year",
    "evaluators",
}


class EvaluationSession:
    """One open evaluation file and the operations on it."""

    def __init__(self, file: EvaluationFile, author: str | None = None) -> None:
        self._ctx = SessionContext(file, author or default_author(), repo.load_framework(file))
        self._info: EvaluationInfo | None = None
        self.scores = Scores(self._ctx)
        self.consensus = ConsensusScores(self._ctx)
        self.notes = Notes(self._ctx)
        self.findings = Findings(self._ctx)
        self.registers = Registers(self._ctx)

    @property
    def file(self) -> EvaluationFile:
        return self._ctx.file

    @property
    def author(self) -> str:
        return self._ctx.author

    def set_author(self, name: str) -> None:
        """Who writes from now on (in the desktop app: the evaluator chosen among the evaluation's
        evaluators); their own scores are the ones :attr:`scores` sets."""
        name = name.strip()
        if not name:
            raise KompassError(msg("Ange vem som bedömer."))
        self._ctx.author = name

    @property
    def framework(self) -> Framework:
        return self._ctx.framework

    @property
    def listeners(self) -> list[Listener]:
        """Called with every :class:`Change` made through this session."""
        return self._ctx.listeners

    # -- opening and creating -------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        author: str | None = None,
        readonly: bool = False,
        backup_on_open: bool = False,
        clock: Callable[[], str] = utc_now,
    ) -> EvaluationSession:
        path = Path(path)
        if not readonly:
            refuse_network_folder(path)
        file = open_evaluation_file(
            path,
            readonly=readonly,
            clock=clock,
            before_migrate=_backup_before_migration,
        )
        try:
            session = cls(file, author)
            session.info()  # fail early on a file without evaluation data
            if backup_on_open and not readonly:
                backups.make_backup(path, "open")
        except BaseException:
            close_after_error(file)
            raise
        return session

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        spec: NewEvaluation,
        *,
        author: str | None = None,
        overwrite: bool = False,
        clock: Callable[[], str] = utc_now,
    ) -> EvaluationSession:
        author = author or default_author()
        refuse_network_folder(Path(path))
        choice = _choice(spec.municipality, spec.municipality_code, spec.unlisted)
        if spec.year is not None and not plausible_year(spec.year):
            raise KompassError(msg("Året {year} är orimligt; ange ett år som 2025.", year=spec.year))
        evaluation_id = new_id()

        def populate(f: EvaluationFile) -> None:
            f.set_meta("evaluation_id", evaluation_id)
            f.set_meta("created_with", _app_version())
            f.set_framework_copy(spec.framework.id, spec.framework.to_dict())
            values = {
                "framework_id": spec.framework.id,
                **choice.fields(),
                "kommungrupp": spec.kommungrupp,
                "inhabitants": spec.inhabitants,
                "employees": spec.employees,
                "governing_parties": spec.governing_parties,
                "evaluation_number": spec.evaluation_number,
                "start_date": spec.start_date,
                "end_date": spec.end_date,
                "year": spec.year,
                "evaluators": list(spec.evaluators),
                "facts": [],
            }
            values.update({k: v for k, v in spec.extra.items() if k in _INFO_FIELDS})
            f.insert("evaluation", values, author=author, record_id=evaluation_id)
            if spec.earlier is not None:  # same transaction: a refused one leaves no file behind
                e = spec.earlier
                cls(f, author).registers.add_earlier(e.year, e.framework_id, e.area_scores, e.label)

        file = create_evaluation_file(path, populate, overwrite=overwrite, clock=clock)
        return cls(file, author)

    def close(self) -> None:
        """Close the file (the lock is released).  Raises :class:`CheckpointFailed` after closing
        when the edits could only be kept in ``NAME-wal``: the caller must tell the user."""
        self.file.close()

    def __enter__(self) -> EvaluationSession:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # the error already on its way is the one to tell; a failed checkpoint is logged
            close_after_error(self.file)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def evaluation_id(self) -> str:
        return self.file.evaluation_id

    @property
    def readonly(self) -> bool:
        return self.file.readonly

    @property
    def closed(self) -> bool:
        return self.file.closed

    def changed_outside(self, ids: tuple[str, ...] = ()) -> Change[None]:
        """Tell listeners that many records changed at once (e.g. after a merge); drops caches."""
        self._info = None
        change: Change[None] = Change(ChangeKind.BULK, ids)
        self._ctx.emit(change)
        return change

    # -- evaluation facts -----------------------------------------------------------
    def info(self) -> EvaluationInfo:
        if self._info is None:
            self._info = repo.load_info(self.file)
        return self._info

    def names(self) -> MunicipalityNames:
        """The municipality's name in every form the app's texts need (from the register)."""
        return municipality.names(self.info())

    def update_info(self, **changes: Any) -> Change[EvaluationInfo]:
        unknown = set(changes) - _INFO_FIELDS
        if unknown:
            raise KompassError(msg("Okända fält: {unknown}.", unknown=", ".join(sorted(unknown))))
        if {"municipality", "municipality_code", "unlisted"} & set(changes):
            old_info = self.info()
            choice = _choice(
                str(changes.get("municipality", old_info.municipality)),
                str(changes.get("municipality_code", old_info.municipality_code)),
                bool(changes.get("unlisted", old_info.unlisted)),
            )
            if "municipality" in changes and " ".join(str(changes["municipality"]).split()) != choice.name:
                raise KompassError(
                    msg(
                        (
                            "Kommunen i kommunregistret heter {name}; välj en annan kommun ur "
                            "registret eller ange att den inte finns där."
                        ),
                        name=choice.name,
                    )
                )
            changes.update(choice.fields())
        for key in ("inhabitants", "employees", "evaluation_number", "year"):
            if key in changes:
                changes[key] = optional_int(changes[key], field_label("evaluation", key))
        if changes.get("year") is not None and not plausible_year(changes["year"]):
            raise KompassError(
                msg("Året {changes} är orimligt; ange ett år som 2025.", changes=changes["year"])
            )
        for key in ("start_date", "end_date"):
            if key in changes:
                changes[key] = check_date(str(changes[key] or ""), field_label("evaluation", key))
        start = changes.get("start_date", self.info().start_date)
        end = changes.get("end_date", self.info().end_date)
        if start and end and end < start:
            raise KompassError(
                msg("Platsbesöket kan inte sluta ({end}) före det börjar ({start}).", end=end, start=start)
            )
        old = self.info()
        with self.file.write():
            self.file.update("evaluation", self.evaluation_id, changes, author=self.author)
        self._info = None
        change = Change(ChangeKind.INFO, (self.evaluation_id,), old=old, new=self.info())
        self._ctx.emit(change)
        return change

    # -- the whole evaluation --------------------------------------------------------
    def summary(self) -> Summary:
        """Scores per sub-area, area and total."""
        return self.scores.summary()

    def snapshot(self) -> EvaluationSnapshot:
        return repo.load_snapshot(self.file)

    def open_items(self) -> list[OpenItem]:
        return open_items(self.snapshot())

    def validate(self) -> list[str]:
        """Integrity and consistency problems (empty when the file is sound)."""
        problems = repo.file_problems(self.file)  # integrity, schema, damaged values, history
        ids = queries.evaluation_record_ids(self.file)
        if len(ids) != 1:
            problems.append(f"filen innehåller {len(ids)} utvärderingsposter (väntade 1)")
            return problems
        if ids[0] != self.evaluation_id:
            problems.append("utvärderingens id stämmer inte med filens id")
        problems.extend(consistency_problems(self.snapshot()))
        for record_id, subarea in queries.score_record_keys(self.file):
            if record_id != keyed_id(self.evaluation_id, f"score:{subarea}"):
                problems.append(f"poängposten för {subarea} har fel id")
        for record_id, subarea, evaluator in queries.independent_score_keys(self.file):
            if record_id != independent_id(self.evaluation_id, subarea, evaluator):
                problems.append(f"poängposten för {subarea} av {evaluator} har fel id")
        return problems

    def search(self, text: str, limit: int = 200) -> list[repo.SearchHit]:
        return repo.search(self.file, text, limit)

    def backup(self, reason: str = "auto") -> Path:
        return backups.make_backup(self.path, reason)

    def save_copy(self, dest: str | os.PathLike[str]) -> Path:
        """A complete, consistent copy of this evaluation under another name; returns its path."""
        backups.copy_database(self.path, Path(dest))
        return Path(dest)

    def coverage(self) -> Coverage:
        return coverage(self.snapshot())

    # -- records from another copy of this evaluation (a merge) -----------------------
    def store_copied(
        self,
        steps: Sequence[tuple[str, Row, str | None]],
        expected: Mapping[str, tuple[str, str | None]],
        backup_reason: str = "before-merge",
    ) -> Path:
        """Store records from another copy as they are (ids and revisions kept) in one
        transaction, after a backup; returns the backup.

        ``steps``, in order: (table, record, None) stores the record as the current version;
        (table, record, reason) keeps it only in the history (e.g. the losing side of a
        conflict).  ``expected``: record id -> (table, the revision it must still have),
        checked before the backup and again inside the transaction (StaleCopy if the file
        changed meanwhile).  Listeners are told that many records changed at once."""
        self._check_revisions(expected)
        saved = backups.make_backup(self.path, backup_reason)
        with self.file.write():
            self._check_revisions(expected)
            for table, row, remember in steps:
                if remember is None:
                    self.file.put_raw(table, row, reason="merge", author=self.author)
                else:
                    self.file.log_history(table, row, reason=remember, author=self.author)
        self.changed_outside(tuple(dict.fromkeys(row["id"] for _, row, _ in steps)))
        return saved

    def _check_revisions(self, expected: Mapping[str, tuple[str, str | None]]) -> None:
        for record_id, (table, revision) in expected.items():
            current = self.file.get(table, record_id, include_deleted=True)
            if (None if current is None else current["rev"]) != revision:
                raise StaleCopy(msg("{name} har ändrats sedan ändringarna förbereddes.", name=self.path.name))

    # -- unsaved input (e.g. a note being typed) survives a crash -----------------------
    def save_draft(self, key: str, value: str) -> None:
        with self.file.write():
            self.file.set_meta(f"draft:{key}", value)

    def draft(self, key: str) -> str:
        return self.file.meta(f"draft:{key}")


class StaleCopy(KompassError):
    """The file changed after records to store were prepared from it (plan again)."""


def close_after_error(file: EvaluationFile) -> None:
    """Close ``file`` while another error is on its way: a failed checkpoint must not replace that
    error (which may say that an edit was *not* saved); it is logged, the edits are in the -wal."""
    try:
        file.close()
    except CheckpointFailed as err:
        log.warning("%s", err)


def refuse_network_folder(path: Path) -> None:
    """Evaluation files are written only on a local disk or a USB stick (see storage.location)."""
    place = classify(path)
    if place.network:
        raise NetworkLocation(
            msg(
                (
                    "{name} ligger i en nätverksmapp ({detail}). Där kan Kompass Desktop "
                    "inte skriva säkert – två datorer kan förstöra filen. Kopiera filen till "
                    "datorns egen disk och öppna kopian (eller öppna den skrivskyddad)."
                ),
                name=path.name,
                detail=place.detail,
            )
        )


def _backup_before_migration(path: Path) -> None:
    backups.make_backup(path, "before-migration")


def _choice(name: str, code: str, unlisted: bool) -> municipality.MunicipalityChoice:
    """What the file stores: a code gives the register's name; else the name as written."""
    code = code.strip()
    if code and unlisted:
        raise KompassError(
            msg("En kommun ur kommunregistret kan inte samtidigt vara fiktiv eller en övning.")
        )
    if code:
        return municipality.by_code(code)
    if unlisted:
        return municipality.unlisted(name)
    text = " ".join(name.split())
    if not text:
        raise KompassError(msg("Ange kommunens namn."))
    return municipality.MunicipalityChoice(text)


def _app_version() -> str:
    from .. import __version__

    return __version__
