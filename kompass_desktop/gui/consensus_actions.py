"""Consensus scoring in the desktop app: who is scoring, hiding the others' scores, and the
agreed score with undo.  Used by the consensus page, the area pages and the workspace."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.consensus import visible_scores
from ..domain.errors import KompassError, ReasonRequired
from ..domain.scoring import Summary, format_exact, summarize
from ..services import Change, ChangeKind
from ..services.consensus import Agreed
from ..userdata import settings_file
from . import settings
from .controller import EvaluationController
from .error_text import error_text
from .wording import consensus_status

_HIDE_KEY = "consensus/hide_others"


#: The preference as last read or set (every page asks after every edit; the settings file is
#: read once).  Keyed by the settings file, which tests and KOMPASS_DATA_DIR change.
_hide: dict[str, bool] = {}


def hide_others() -> bool:
    """While scoring, the others' scores are hidden until I have scored a sub-area myself."""
    key = str(settings_file())
    if key not in _hide:
        _hide[key] = str(settings.settings().value(_HIDE_KEY, "false")).lower() == "true"
    return _hide[key]


def set_hide_others(controller: EvaluationController, hide: bool) -> None:
    settings.settings().setValue(_HIDE_KEY, "true" if hide else "false")
    _hide[str(settings_file())] = hide
    refresh_all(controller)


def refresh_all(controller: EvaluationController) -> None:
    """Every page shows its scores anew (what may be seen changed, not the file)."""
    fw = controller.framework
    controller.changed.emit(
        Change(
            ChangeKind.SCORE,
            (),
            frozenset(s.number for s in fw.subareas()),
            frozenset(a.number for a in fw.areas),
        )
    )


def visible_summary(controller: EvaluationController) -> Summary:
    """The scores the navigation and the area totals show: the agreed ones, but while the others'
    scores are hidden only where I have scored."""
    session = controller.session
    if not hide_others():
        return session.summary()
    scores = visible_scores(session.consensus.view(), session.author, True)
    return summarize(controller.framework, scores)


def score_hint(controller: EvaluationController, subarea: str) -> tuple[str, str]:
    """(placeholder for my score field, a line about the others) for an area page."""
    session = controller.session
    sub = session.consensus.view().get(subarea)
    me = session.author
    if hide_others() and me not in sub.points:
        return "–", QCoreApplication.translate(
            "Consensus", "De andras poäng visas när du har poängsatt."
        ) if sub.points else ""
    others = {name: p for name, p in sub.points.items() if name != me}
    placeholder = "–" if sub.agreed is None or me in sub.points else format_exact(sub.agreed)
    if not others and sub.recorded is None:
        return placeholder, ""
    parts = [f"{name} {format_exact(p)}" for name, p in others.items()]
    line = (
        QCoreApplication.translate("Consensus", "Andras poäng: {0}").format(", ".join(parts)) if parts else ""
    )
    state = consensus_status(sub.status)
    agreed = "–" if sub.agreed is None else format_exact(sub.agreed)
    line = (line + " · " if line else "") + QCoreApplication.translate(
        "Consensus", "Överenskommen: {0} ({1})"
    ).format(agreed, state)
    return placeholder, line


def evaluator_key(controller: EvaluationController) -> str:
    return f"consensus/evaluator/{controller.session.evaluation_id}"


def remembered_evaluator(controller: EvaluationController) -> str:
    return str(settings.settings().value(evaluator_key(controller), "") or "")


def set_evaluator(controller: EvaluationController, name: str) -> bool:
    """Score as ``name`` from now on (remembered for this evaluation).  Undo steps made as
    someone else are dropped: undoing them would now write as the new evaluator."""
    name = name.strip()
    if not name or name == controller.session.author:
        return bool(name)
    ok, message = controller.try_call(controller.session.set_author, name)
    if not ok:
        controller.error.emit(message)
        return False
    settings.settings().setValue(evaluator_key(controller), name)
    controller.undo_stack.clear()
    controller.status.emit(QCoreApplication.translate("Consensus", "Du bedömer nu som {0}.").format(name))
    refresh_all(controller)
    return True


def apply_remembered_evaluator(controller: EvaluationController) -> None:
    """At opening: the evaluator chosen last time for this evaluation, if it is still one."""
    name = remembered_evaluator(controller)
    evaluators = set(controller.session.info().evaluators) | set(
        controller.session.consensus.view().evaluators()
    )
    if name and name in evaluators and not controller.session.readonly:
        controller.session.set_author(name)


def agree(
    controller: EvaluationController, subarea: str, points: object, reason: str
) -> tuple[bool, str, bool]:
    """Record (or with empty points remove) the agreed score; one undo step.  (ok, message,
    whether the score only waits for its reason)."""
    session = controller.session
    try:
        change: Change[Agreed] = session.consensus.agree(subarea, points, reason)
    except ReasonRequired as err:
        return False, error_text(err), True
    except KompassError as err:
        return False, error_text(err), False
    old, new = change.before(), change.after()
    if old != new:
        label = QCoreApplication.translate("Consensus", "Överenskommen poäng {0}: {1} → {2}").format(
            subarea, _shown(old), _shown(new)
        )
        back = QCoreApplication.translate("Consensus", "Överenskommen poäng {0}: {1} → {2}").format(
            subarea, _shown(new), _shown(old)
        )
        controller._push(
            label,
            lambda: session.consensus.restore_agreed(subarea, old),
            lambda: session.consensus.restore_agreed(subarea, new),
            f"consensus:{subarea}",
            back,
        )
        controller.status.emit(QCoreApplication.translate("Consensus", "Sparat: {0}").format(label))
    return True, "", False


def set_rationale(controller: EvaluationController, subarea: str, text: str) -> bool:
    session = controller.session
    ok, result = controller.try_call(session.consensus.set_rationale, subarea, text)
    if not ok:
        controller.error.emit(str(result))
        return False
    change: Change[str] = result
    old, new = change.old or "", change.new or ""
    if old != new:
        label = QCoreApplication.translate("Consensus", "Motivering {0}").format(subarea)
        controller._push(
            label,
            lambda: session.consensus.set_rationale(subarea, old),
            lambda: session.consensus.set_rationale(subarea, new),
            f"consensus:{subarea}",
            label,
        )
    return True


def _shown(agreed: Agreed) -> str:
    return "–" if agreed.points is None else format_exact(agreed.points)
