"""The core's messages: ``str(error)`` is the Swedish text the command line and the reports show,
and each message also knows its template and params (for the GUI to translate); every ``msg()``
call gives exactly the params its template names, so formatting never fails in any language."""

from __future__ import annotations

import ast
import pickle
import string
from decimal import Decimal
from pathlib import Path

import pytest

from kompass_desktop.domain.errors import ScoreError
from kompass_desktop.domain.messages import Message, msg
from kompass_desktop.domain.scoring import check_points, parse_points
from kompass_desktop.services.registers import check_date

PACKAGE = Path(__file__).resolve().parents[2] / "kompass_desktop"


def _fields(template: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


def _error(call, *args):
    with pytest.raises(Exception) as caught:
        call(*args)
    return caught.value


def test_str_of_an_error_is_the_swedish_text(fw2019):
    sub = fw2019.subarea("1.1")
    above = _error(check_points, Decimal(99), sub)
    assert isinstance(above, ScoreError)
    assert str(above) == f"Delfråga 1.1: 99 är över maxpoängen {sub.max}."
    negative = _error(check_points, Decimal("-1.5"), sub)
    assert str(negative) == "Delfråga 1.1: poängen kan inte vara negativ (-1,5)."
    assert str(_error(parse_points, " tio ")) == "”tio” är inte ett tal."
    assert str(_error(parse_points, "1,234")) == "1,234: högst 2 decimaler är tillåtna."
    date = _error(check_date, "2025-13-45", msg("Datum"))
    assert str(date) == "Datum: ”2025-13-45” är inget giltigt datum (ÅÅÅÅ-MM-DD)."


def test_a_message_keeps_its_template_and_params(fw2019):
    error = _error(check_points, Decimal(99), fw2019.subarea("1.1"))
    message = error.args[0]
    assert isinstance(message, Message)
    assert message.template == "Delfråga {number}: {points} är över maxpoängen {max}."
    assert message.params["number"] == "1.1" and message.params["points"] == "99"
    nested = msg("{label}: ”{value}” är ingen tid (TT:MM).", label=msg("Starttid"), value="25:99")
    assert nested == "Starttid: ”25:99” är ingen tid (TT:MM)."
    copy = pickle.loads(pickle.dumps(nested))  # e.g. to or from a worker process
    assert copy == nested and copy.template == nested.template and copy.params == nested.params
    assert msg("Ingen {klammer} här.") == "Ingen {klammer} här."  # no params: the text as written


def _msg_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg":
                calls.append((str(path.relative_to(PACKAGE)), node.lineno, node))
    return calls


def test_every_msg_call_gives_the_params_its_template_names():
    calls = _msg_calls()
    assert len(calls) > 200  # the scan really finds the raise sites
    problems = []
    for where, line, call in calls:
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)) or len(call.args) != 1:
            problems.append(f"{where}:{line}: the template must be one literal string")
            continue
        given = {k.arg for k in call.keywords}
        if None in given:
            problems.append(f"{where}:{line}: **params cannot be checked")
        elif given != _fields(first.value):
            problems.append(f"{where}:{line}: {first.value!r} names {_fields(first.value)}, gets {given}")
    assert not problems, "\n".join(problems)
