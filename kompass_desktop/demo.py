"""The bundled demo evaluation: a complete, fictional evaluation built through the services.

The content lives in resources/demo/*.json (written in Swedish, clearly fictional); this
module only turns it into an evaluation file, so the demo is always made with the same code
paths an evaluator's own file is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import resources
from .domain.errors import KompassError
from .domain.messages import msg
from .domain.model import SourceKind, TextScope
from .services import EvaluationSession, NewEvaluation
from .services.session import close_after_error
from .storage.backup import replace_file
from .storage.db import EvaluationFile
from .storage.errors import NewerFileVersion, StorageError
from .storage.exchange_io import open_for_reading
from .storage.outputs import (
    OutputRefused,
    Replace,
    check_output,
    commit,
    final_mode,
    remove_temporary,
    temporary_name,
)

DEMO_AUTHOR = "Demo (Kompass Desktop)"
DEMO_FILES = ("base.json", "areas_1_4.json", "areas_5_8.json", "earlier.json")


def demo_dir() -> Path:
    return resources.resources_dir() / "demo"


def load_demo_content() -> dict[str, Any]:
    content: dict[str, Any] = {"notes": [], "subarea_texts": {}, "findings": {}, "summary": {}}
    for name in DEMO_FILES:
        path = demo_dir() / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise KompassError(
                msg("Demoinnehållet {path} kan inte läsas: {err}", path=path, err=err)
            ) from None
        for key, value in data.items():
            if key == "notes":
                content["notes"].extend(value)
            elif key in ("subarea_texts", "findings", "summary"):
                content[key].update(value)
            else:
                content[key] = value
    return content


def _clock_from(stamp: str) -> str:
    """'2025-10-14T10:41' (local, Swedish time) -> the file's UTC timestamp format (approximate: CEST)."""
    from datetime import datetime, timedelta

    local = datetime.fromisoformat(stamp)
    return (local - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def build_demo(path: Path, *, overwrite: bool = False) -> EvaluationSession:
    """Write the demo evaluation to ``path`` and return it opened (see :func:`write_demo`)."""
    return write_demo(path, overwrite=overwrite)[0]


def write_demo(path: Path, *, overwrite: bool = False) -> tuple[EvaluationSession, Path | None]:
    """Write the demo to ``path``; returns it opened and the backup of a file it replaced.

    ``overwrite`` (``kompass demo --force``) replaces only an earlier demo or a damaged
    ``.kompass`` file — never a real evaluation — and only after a backup, never while the
    file is open elsewhere or write-protected (the output guard).  The new demo is built
    completely under a temporary name first, so a failure leaves the old file as it was.
    """
    path = Path(path)
    if not (overwrite and (path.exists() or path.is_symlink())):
        try:
            check_output(path)
        except OutputRefused as err:
            if not (path.exists() or path.is_symlink()):
                raise
            raise OutputRefused(msg("{err} (--force ersätter en tidigare demo.)", err=err)) from None
        return _build(path), None
    check_output(path, replace=Replace.EVALUATION)
    _refuse_real_evaluation(path)
    tmp = temporary_name(path.with_name(f"{path.name}.demo"))  # removed by the next writer if killed
    try:
        _build(tmp).close()
        saved = replace_file(tmp, path)
    finally:
        remove_temporary(tmp)
    return EvaluationSession.open(path), saved


def _refuse_real_evaluation(path: Path) -> None:
    try:
        with open_for_reading(path) as f:
            is_demo = f.meta("demo") == "1"
    except NewerFileVersion:
        is_demo = False
    except StorageError:  # damaged: replaced after a byte-for-byte backup
        return
    if not is_demo:
        raise OutputRefused(
            msg(
                "{path} är en utvärdering, inte demon; --force skriver bara över demofiler och skadade "
                "filer. Välj ett annat namn.",
                path=path,
            )
        )


def _build(path: Path) -> EvaluationSession:
    c = load_demo_content()
    fw = resources.framework(c["evaluation"]["framework"])
    m, e = c["municipality"], c["evaluation"]
    spec = NewEvaluation(
        fw,
        m["name"],
        int(e["start_date"][:4]),
        kommungrupp=m.get("kommungrupp", ""),
        inhabitants=m.get("inhabitants"),
        employees=m.get("employees"),
        governing_parties=m.get("governing_parties", ""),
        evaluation_number=e.get("evaluation_number"),
        start_date=e["start_date"],
        end_date=e["end_date"],
        evaluators=tuple(e.get("evaluators", ())),
        unlisted=True,  # fictional: never in the register, never in a national average
        extra={
            "inhabitants_note": m.get("inhabitants_note", ""),
            "employees_note": m.get("employees_note", ""),
            "facts": m.get("facts", []),
        },
    )
    session = EvaluationSession.create(path, spec, author=DEMO_AUTHOR)
    try:
        with session.file.write():  # one transaction: the demo appears completely or not at all
            _fill(session, c)
    except BaseException:
        close_after_error(session.file)
        path.unlink(missing_ok=True)
        raise
    return session


def _score(s: EvaluationSession, c: dict[str, Any]) -> None:
    """Each evaluator's own scores, and the agreed scores (with reasons) where they differed."""
    evaluators = list(c["evaluation"].get("evaluators", ())) or [DEMO_AUTHOR]
    differences: dict[str, Any] = c.get("consensus", {}).get("differences", {})
    for name in evaluators:
        s.set_author(name)
        own = {k: differences.get(k, {}).get(name, v) for k, v in c["scores"].items()}
        s.scores.set_many(own)
        for number, item in differences.items():
            rationale = item.get("rationale", {}).get(name)
            if rationale:
                s.consensus.set_rationale(number, rationale)
    s.set_author(evaluators[0])
    for number, item in differences.items():
        s.consensus.agree(number, c["scores"][number], item["reason"])
    s.set_author(DEMO_AUTHOR)


def _fill(s: EvaluationSession, c: dict[str, Any]) -> None:
    f: EvaluationFile = s.file
    keys: dict[str, str] = {}
    for item in c.get("interviews", []):
        rec = s.registers.add_interview(
            group=item["group"],
            title=item.get("title", ""),
            date=item.get("date", ""),
            start=item.get("start", ""),
            end=item.get("end", ""),
            roles=item.get("roles", []),
            names=item.get("names", []),
            participants=item.get("participants"),
        )
        keys[item["key"]] = rec.id
    for item in c.get("documents", []):
        document = s.registers.add_document(
            title=item["title"],
            doc_type=item.get("doc_type", ""),
            year=item.get("year"),
            decided_by=item.get("decided_by", ""),
            body=item.get("body", ""),
            url=item.get("url", ""),
        )
        keys[item["key"]] = document.id
    for item in c.get("web_sources", []):
        web = s.registers.add_web_source(
            title=item["title"],
            url=item.get("url", ""),
            seen=item.get("seen", ""),
            kind=item.get("kind", "webb"),
        )
        keys[item["key"]] = web.id
    for item in c["notes"]:
        source = item.get("source") or {}
        kwargs: dict[str, Any] = {}
        if "interview" in source:
            kwargs = {"source_kind": SourceKind.INTERVIEW, "interview_id": keys[source["interview"]]}
        elif "document" in source:
            kwargs = {
                "source_kind": SourceKind.DOCUMENT,
                "document_id": keys[source["document"]],
                "page": str(source.get("page", "")),
            }
        elif "web" in source:
            kwargs = {"source_kind": SourceKind.WEB, "web_id": keys[source["web"]]}
        note = s.notes.add(item["text"], item.get("subarea"), captured_at=_clock_from(item["at"]), **kwargs)
        keys[item["key"]] = note.id
    _score(s, c)
    for number, body in c["subarea_texts"].items():
        s.scores.set_text(TextScope.SUBAREA, number, body)
    for area, kinds in c["findings"].items():
        for kind, items in kinds.items():
            for item in items:
                s.findings.add(
                    int(area), kind, item["text"], note_ids=[keys[k] for k in item.get("notes", [])]
                )
    scopes = {
        "overall": TextScope.SUMMARY_OVERALL,
        "stronger": TextScope.SUMMARY_STRONGER,
        "weaker": TextScope.SUMMARY_WEAKER,
    }
    for key, body in c["summary"].items():
        s.scores.set_text(scopes[key], "", body)
    for item in c.get("earlier_evaluations", []):
        s.registers.add_earlier(item["year"], item["framework"], item["areas"], item.get("label", ""))
    f.set_meta("demo", "1")


# -- the demo as the app's embedded default --------------------------------------------


def _content_hash() -> str:
    import hashlib

    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    folders = [demo_dir(), resources.resources_dir() / "frameworks", resources.resources_dir() / "texts"]
    for folder in folders:
        for item in sorted(folder.glob("*")):
            if item.is_file():
                digest.update(item.name.encode())
                digest.update(item.read_bytes())
    return digest.hexdigest()[:16]


def cached_demo() -> Path:
    """The built demo in the user-data folder (built once per app/content version)."""
    from .storage.backup import data_dir

    folder = data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"lindsjo-{_content_hash()}.kompass"
    if not target.exists():
        tmp = temporary_name(target)  # a killed build's is removed by the next one
        remove_temporary(tmp)
        try:
            build_demo(tmp).close()
            commit(tmp, target, replace=True, mode=final_mode(target))
        finally:
            remove_temporary(tmp)
        for old in folder.glob("lindsjo-*.kompass"):
            if old != target:
                old.unlink(missing_ok=True)
    return target


def fresh_demo_copy(keep: int = 3) -> Path:
    """A new copy of the demo to work in; the cached original is never modified.  Of the earlier
    copies the newest ``keep`` are kept, and every one that is open somewhere."""
    from datetime import datetime

    from .storage.backup import data_dir
    from .storage.errors import FileLocked
    from .storage.outputs import copy_file, held_elsewhere

    folder = data_dir() / "demo-copies"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"Lindsjö-demo-{stamp}.kompass"
    copy_file(cached_demo(), target)
    copies = sorted(folder.glob("Lindsjö-demo-*.kompass"))
    for old in copies[:-keep]:
        try:
            held_elsewhere(old)
        except FileLocked:
            continue  # open in this or another window: never removed under its writer
        for suffix in ("-wal", "-shm", "-journal", ""):
            Path(f"{old}{suffix}").unlink(missing_ok=True)
    return target
