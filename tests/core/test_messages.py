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
from kompass_desktop.domain.messages import Message, joined, msg
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


# -- the class: every text the core raises is a Message --------------------------------------

#: Programming errors: English, about the code, never a reason an evaluator is shown (a caller
#: catches them at once and says what is wrong itself, or they mean a bug).  file -> the literal
#: words of each raised text.  Nothing else in the core may raise a plain text.
PROGRAMMING_ERRORS = {
    "exchange/fastschema.py": ("$ref ", "keywords "),  # a schema feature the fast checker lacks
    "exchange/seal.py": ("no header", "unknown content"),  # caught at once: a SealError says why
    "preview_renderer.py": (" colour channels",),  # PDFium gave an unexpected bitmap
    "report/markup.py": ("bad tag name ", "bad attribute ="),  # the report's own markup
    "services/change.py": (" change without a value before", " change without a value after"),
    "storage/db.py": ("record writes must happen inside EvaluationFile.write()",),
    "storage/exchange_io.py": (
        "not a record table: ",
        "history writes must happen inside EvaluationFile.write()",
        "writes must happen inside EvaluationFile.write()",
    ),
    "storage/rows.py": ("bad identifier ",),
    "storage/schemacheck.py": ("tables differ: refuse the file instead",),
}
#: Only the command line's own messages may stay plain Swedish text.
COMMAND_LINE = {"cli.py"}


def _literal_words(node: ast.AST) -> str | None:
    """The literal words of a text built in place (a literal, an f-string, ``+``, ``%`` or
    ``.format`` of a literal); None for anything else (a Message, a name, a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        left, right = _literal_words(node.left), _literal_words(node.right)
        if left is not None or right is not None:
            return (left or "") + (right or "")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literal_words(node.func.value)
    return None


def plain_texts_raised(package: Path = PACKAGE) -> list[tuple[str, int, str]]:
    """Every ``raise SomeError(<text built in place>)`` of the core: (file, line, its words)."""
    found = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        if where.startswith("gui/") or where in COMMAND_LINE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                words = _literal_words(node.exc.args[0])
                if words is not None:
                    found.append((where, node.lineno, words))
    return found


def test_the_core_raises_no_plain_text_only_messages_the_gui_can_translate():
    """A plain f-string shows in Swedish in the English UI: raise ``msg("…", …)`` instead (and run
    packaging/update_translations.py).  A detail list is ``joined([msg(…), …])``."""
    found = plain_texts_raised()
    listed = {(w, words) for w, texts in PROGRAMMING_ERRORS.items() for words in texts}
    assert listed <= {(w, words) for w, _line, words in found}, "stale PROGRAMMING_ERRORS entry"
    plain = [f"{w}:{line}: {words!r}" for w, line, words in found if (w, words) not in listed]
    assert not plain, "plain text raised (use msg):\n" + "\n".join(plain)


def test_the_scan_finds_every_way_of_raising_a_plain_text(tmp_path):
    (tmp_path / "gui").mkdir()
    (tmp_path / "gui" / "view.py").write_text('raise KompassError(f"{x} visas")\n', encoding="utf-8")
    (tmp_path / "cli.py").write_text('raise SystemExit("bara kommandoraden")\n', encoding="utf-8")
    (tmp_path / "core.py").write_text(
        "raise KompassError(f'{path} är en mapp.')\n"
        "raise FrameworkError('Filen saknas.')\n"
        "raise KompassError(f'{path}: ' + '; '.join(problems))\n"
        "raise KompassError('{0} saknas'.format(name))\n"
        "raise KompassError(msg('{path} är en mapp.', path=path))\n"
        "raise KompassError(message)\n",
        encoding="utf-8",
    )
    assert [(w, line) for w, line, _ in plain_texts_raised(tmp_path)] == [
        ("core.py", n) for n in (1, 2, 3, 4)
    ]


def test_a_detail_list_keeps_each_item():
    items = [msg("[intro] med text saknas"), "$.id: 'x' is not of type 'integer'"]
    listed = joined(items)
    assert listed == "[intro] med text saknas; $.id: 'x' is not of type 'integer'"
    assert listed.items == tuple(items) and isinstance(listed.items[0], Message)
    outer = msg("{path}: {problems}.", path="a.toml", problems=listed)
    assert outer == "a.toml: [intro] med text saknas; $.id: 'x' is not of type 'integer'."
    copy = pickle.loads(pickle.dumps(outer))
    assert copy == outer and copy.params["problems"].items == listed.items
