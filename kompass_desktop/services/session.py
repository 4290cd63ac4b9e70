"""Use cases over one open evaluation: a domain rule and a storage write in one transaction.

Every method that changes something returns a :class:`Change` saying what changed, so a
GUI knows what to refresh and an undo command knows what to put back.  The GUI and the CLI
call exactly these methods.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain.checks import OpenItem, consistency_problems, open_items
from ..domain.coverage import Coverage, coverage
from ..domain.errors import KompassError, NotFound
from ..domain.framework import Framework
from ..domain.model import EvaluationInfo, EvaluationSnapshot, TextScope
from ..domain.reference import NationalAverage, national_to_file_dict
from ..domain.rules import plausible_year
from ..domain.scoring import Summary, check_points, parse_points, summarize
from ..storage import backup as backups
from ..storage import queries, repo
from ..storage.db import (
    EvaluationFile,
    create_evaluation_file,
    keyed_id,
    new_id,
    open_evaluation_file,
    utc_now,
)
from ..storage.errors import NetworkLocation
from ..storage.location import classify
from ..storage.lock import current_user
from .change import Change, ChangeKind
from .notes import NotesMixin
from .registers import RegistersMixin, check_date


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
    municipality: str
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


_INFO_FIELDS = {
    "municipality",
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


class EvaluationSession(NotesMixin, RegistersMixin):
    """One open evaluation file and the operations on it."""

    def __init__(self, file: EvaluationFile, author: str | None = None) -> None:
        self.file = file
        self.author = author or default_author()
        self.framework: Framework = repo.load_framework(file)
        self._info: EvaluationInfo | None = None
        self.listeners: list[Callable[[Change], None]] = []

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
            file.close()
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
        name = spec.municipality.strip()
        if not name:
            raise KompassError("Ange kommunens namn.")
        if spec.year is not None and not plausible_year(spec.year):
            raise KompassError(f"Året {spec.year} är orimligt; ange ett år som 2025.")
        evaluation_id = new_id()

        def populate(f: EvaluationFile) -> None:
            f.set_meta("evaluation_id", evaluation_id)
            f.set_meta("created_with", _app_version())
            f.set_framework_copy(spec.framework.id, spec.framework.to_dict())
            values = {
                "framework_id": spec.framework.id,
                "municipality": name,
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
                cls(f, author).add_earlier_evaluation(e.year, e.framework_id, e.area_scores, e.label)

        file = create_evaluation_file(path, populate, overwrite=overwrite, clock=clock)
        return cls(file, author)

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> EvaluationSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    def changed_outside(self, ids: tuple[str, ...] = ()) -> Change:
        """Tell listeners that many records changed at once (e.g. after a merge); drops caches."""
        self._info = None
        return self._emit(Change(ChangeKind.BULK, ids))

    def _emit(self, change: Change) -> Change:
        for listener in list(self.listeners):
            listener(change)
        return change

    # -- evaluation facts -----------------------------------------------------------
    def info(self) -> EvaluationInfo:
        if self._info is None:
            self._info = repo.load_info(self.file)
        return self._info

    def update_info(self, **changes: Any) -> Change:
        unknown = set(changes) - _INFO_FIELDS
        if unknown:
            raise KompassError(f"Okända fält: {', '.join(sorted(unknown))}.")
        if "municipality" in changes and not str(changes["municipality"]).strip():
            raise KompassError("Kommunens namn får inte vara tomt.")
        for key in ("inhabitants", "employees", "evaluation_number", "year"):
            if changes.get(key) is not None:
                try:
                    changes[key] = int(changes[key])
                except (TypeError, ValueError):
                    raise KompassError(f"{key}: ”{changes[key]}” är inte ett heltal.") from None
                if changes[key] < 0:
                    raise KompassError(f"{key} kan inte vara negativt.")
        if changes.get("year") is not None and not plausible_year(changes["year"]):
            raise KompassError(f"Året {changes['year']} är orimligt; ange ett år som 2025.")
        for key in ("start_date", "end_date"):
            if key in changes:
                changes[key] = check_date(str(changes[key] or ""), "Datum")
        start = changes.get("start_date", self.info().start_date)
        end = changes.get("end_date", self.info().end_date)
        if start and end and end < start:
            raise KompassError(f"Platsbesöket kan inte sluta ({end}) före det börjar ({start}).")
        for key in ("evaluators", "facts"):
            if key in changes:
                changes[key] = [list(x) if isinstance(x, tuple) else x for x in changes[key]]
        old = self.info()
        with self.file.write():
            self.file.update("evaluation", self.evaluation_id, changes, author=self.author)
        self._info = None
        return self._emit(Change(ChangeKind.INFO, (self.evaluation_id,), old=old, new=self.info()))

    # -- scores ---------------------------------------------------------------------
    def scores(self) -> dict[str, Decimal | None]:
        return repo.load_scores(self.file)

    def summary(self) -> Summary:
        return summarize(self.framework, self.scores())

    def set_score(self, subarea: str, value: object) -> Change:
        """Set (or with ``None``/"" clear) the points of one sub-area; max is enforced."""
        sub = self.framework.subarea(subarea)
        points: Decimal | None
        if value is None or (isinstance(value, str) and not value.strip()):
            points = None
        else:
            points = check_points(parse_points(value), sub)
        record_id = keyed_id(self.evaluation_id, f"score:{subarea}")
        with self.file.write():
            old_row, _ = self.file.upsert_keyed(
                "scores",
                record_id,
                {"subarea": subarea, "points": None if points is None else str(points)},
                author=self.author,
            )
        old = None if old_row is None or old_row["points"] is None else Decimal(old_row["points"])
        return self._emit(
            Change(
                ChangeKind.SCORE,
                (record_id,),
                frozenset({subarea}),
                frozenset({sub.area_number}),
                old=old,
                new=points,
            )
        )

    def set_scores(self, values: Mapping[str, Decimal | None]) -> Change:
        """Several scores in one transaction (all checked before anything is written)."""
        checked: dict[str, Decimal | None] = {}
        for number, value in values.items():
            sub = self.framework.subarea(number)
            checked[number] = None if value is None else check_points(parse_points(value), sub)
        old = self.scores()
        with self.file.write():
            for number, points in checked.items():
                self.file.upsert_keyed(
                    "scores",
                    keyed_id(self.evaluation_id, f"score:{number}"),
                    {"subarea": number, "points": None if points is None else str(points)},
                    author=self.author,
                )
        return self._emit(
            Change(
                ChangeKind.SCORE,
                (),
                frozenset(checked),
                frozenset(self.framework.subarea(n).area_number for n in checked),
                old={n: old.get(n) for n in checked},
                new=checked,
            )
        )

    # -- narrative texts -----------------------------------------------------------
    def text(self, scope: TextScope, ref: str = "") -> str:
        row = self.file.get("texts", keyed_id(self.evaluation_id, f"text:{scope.value}:{ref}"))
        return row["body"] if row else ""

    def set_text(self, scope: TextScope, ref: str, body: str) -> Change:
        self._check_text_ref(scope, ref)
        record_id = keyed_id(self.evaluation_id, f"text:{scope.value}:{ref}")
        with self.file.write():
            old_row, _new = self.file.upsert_keyed(
                "texts", record_id, {"scope": scope.value, "ref": ref, "body": body}, author=self.author
            )
        old = "" if old_row is None or old_row["deleted"] else old_row["body"]
        subareas = frozenset({ref}) if scope == TextScope.SUBAREA else frozenset()
        areas = frozenset({int(ref.split(".")[0])}) if ref else frozenset()
        return self._emit(Change(ChangeKind.TEXT, (record_id,), subareas, areas, old=old, new=body))

    def _check_text_ref(self, scope: TextScope, ref: str) -> None:
        if scope == TextScope.SUBAREA:
            self.framework.subarea(ref)
        elif scope in (TextScope.AREA, TextScope.AREA_INTRO):
            if not ref.isdigit():
                raise NotFound(f"Område ”{ref}” finns inte.")
            self.framework.area(int(ref))
        elif ref:
            raise KompassError(f"Texten {scope.value} gäller hela utvärderingen och har ingen referens.")

    # -- comparisons -----------------------------------------------------------------
    def national_average(self) -> NationalAverage | None:
        """The national-average reference stored in this evaluation (None: use the bundled one)."""
        return repo.load_national(self.file)

    def set_national_average_from_file(self, path: str | os.PathLike[str]) -> Change:
        from ..resources import load_national_averages

        table = load_national_averages(Path(path))
        avg = table.get(self.framework.id)
        if avg is None:
            versions = ", ".join(sorted(table)) or "inga"
            raise KompassError(
                f"{Path(path).name} har inget medelvärde för {self.framework.name} "
                f"(filen innehåller: {versions})."
            )
        with self.file.write():
            self.file.set_meta(repo.NATIONAL_META, json.dumps(national_to_file_dict(avg), ensure_ascii=False))
        return self._emit(Change(ChangeKind.EARLIER, new=avg))

    def clear_national_average(self) -> Change:
        with self.file.write():
            self.file.set_meta(repo.NATIONAL_META, "")
        return self._emit(Change(ChangeKind.EARLIER))

    def add_earlier_from_file(self, path: str | os.PathLike[str]) -> Change:
        """Read the per-area scores of an earlier evaluation from its .kompass file."""
        with EvaluationSession.open(Path(path), readonly=True) as other:
            if other.evaluation_id == self.evaluation_id:
                raise KompassError("Det är samma utvärdering som den som är öppen.")
            info, summary, fw_id = other.info(), other.summary(), other.framework.id
        scores = {a.number: a.achieved for a in summary.areas if a.achieved is not None}
        if not scores:
            raise KompassError(f"{Path(path).name} har inga poäng att jämföra med.")
        year = info.year or (int(info.start_date[:4]) if info.start_date[:4].isdigit() else None)
        if year is None:
            raise KompassError(f"{Path(path).name} saknar år för utvärderingen.")
        record = self.add_earlier_evaluation(year, fw_id, scores, f"{info.municipality} {year}")
        return Change(ChangeKind.EARLIER, (record.id,), new=record)

    # -- whole evaluation -----------------------------------------------------------
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
        return problems

    def note_counts(self) -> dict[str, int]:
        """Notes per sub-area."""
        return repo.note_counts(self.file)

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

    # -- unsaved input (e.g. a note being typed) survives a crash -----------------------
    def save_draft(self, key: str, value: str) -> None:
        with self.file.write():
            self.file.set_meta(f"draft:{key}", value)

    def draft(self, key: str) -> str:
        return self.file.meta(f"draft:{key}")


def refuse_network_folder(path: Path) -> None:
    """Evaluation files are written only on a local disk or a USB stick (see storage.location)."""
    place = classify(path)
    if place.network:
        raise NetworkLocation(
            f"{path.name} ligger i en nätverksmapp ({place.detail}). Där kan Kompass Desktop inte skriva "
            "säkert – två datorer kan förstöra filen. Kopiera filen till datorns egen disk och öppna "
            "kopian (eller öppna den skrivskyddad)."
        )


def _backup_before_migration(path: Path) -> None:
    backups.make_backup(path, "before-migration")


def _app_version() -> str:
    from .. import __version__

    return __version__
