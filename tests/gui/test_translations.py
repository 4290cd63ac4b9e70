"""The English translation: resources/translations/kompass_en.ts is complete and matches the code,
kompass_en.qm is compiled from it, and the running app shows English when it is installed.

After changing GUI strings run ``python packaging/update_translations.py``, translate the new
entries in kompass_en.ts and run the script again.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from kompass_desktop.domain.model import TextScope

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kompass_en.ts"
QM = ROOT / "resources" / "translations" / "kompass_en.qm"
SV_TS = ROOT / "resources" / "translations" / "kompass_sv.ts"  # only the Swedish plural forms
SV_QM = ROOT / "resources" / "translations" / "kompass_sv.qm"
HOW_TO_FIX = "run `python packaging/update_translations.py`, translate new entries, then run it again"
PLACEHOLDER = re.compile(r"\{\d+\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str  # the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    line: str  # where lupdate found it, for failure messages
    forms: tuple[str, ...] = ()  # the plural forms of a numerus message


def read_ts(path: Path) -> list[Message]:
    messages = []
    filename = ""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else [f.text or "" for f in translation.iter("numerusform")]
            text = "" if translation is None else (translation.text or "")
            location = message.find("location")
            # lupdate writes relative locations: a file's name once, then "+N" lines from the last
            filename = location.get("filename", filename) if location is not None else filename
            where = "" if location is None else f"{filename}:{location.get('line')}"
            messages.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    forms[0] if forms else text,
                    "" if translation is None else translation.get("type", ""),
                    where,
                    tuple(forms),
                )
            )
    return messages


@cache
def tools() -> ModuleType:
    """packaging/update_translations.py, so the test runs lupdate/lrelease exactly as the script does."""
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tool_or_skip(name: str) -> None:
    if tools().find_tool(name) is None:
        pytest.skip(f"{name} not found beside {sys.executable} or on PATH (it comes with PySide6-Essentials)")


def pairs(messages: list[Message]) -> set[tuple[str, str]]:
    return {(m.context, m.source) for m in messages}


MESSAGES = read_ts(TS)
SV_MESSAGES = read_ts(SV_TS)


@pytest.mark.parametrize("ts", [TS, SV_TS], ids=["en", "sv"])
def test_every_message_is_translated(ts):
    messages = read_ts(ts)
    assert messages
    problems = [
        f"{m.line} [{m.context}] {m.source!r}: {m.kind or 'empty'}"
        for m in messages
        if m.kind in ("unfinished", "vanished", "obsolete")
        or not m.translation.strip()
        or not all(f.strip() for f in m.forms)
    ]
    assert not problems, f"{len(problems)} untranslated entries in {ts.name} ({HOW_TO_FIX}):\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize("ts", [TS, SV_TS], ids=["en", "sv"])
def test_the_ts_file_has_every_string_of_the_code(tmp_path, ts):
    tool_or_skip("pyside6-lupdate")
    fresh_ts = tmp_path / ts.name
    shutil.copy(ts, fresh_ts)
    tools().lupdate(fresh_ts, quiet=True, plurals_only=ts == SV_TS)
    fresh = pairs(read_ts(fresh_ts))
    committed = pairs(read_ts(ts))
    missing = sorted(fresh - committed)
    stale = sorted(committed - fresh)
    assert not missing and not stale, (
        f"{ts.name} is out of date ({HOW_TO_FIX}).\n"
        + "".join(f"not in {ts.name}: [{c}] {s!r}\n" for c, s in missing)
        + "".join(f"no longer in the code: [{c}] {s!r}\n" for c, s in stale)
    )


@pytest.mark.parametrize(("ts", "qm"), [(TS, QM), (SV_TS, SV_QM)], ids=["en", "sv"])
def test_the_qm_file_is_compiled_from_the_ts_file(tmp_path, ts, qm):
    tool_or_skip("pyside6-lrelease")
    fresh_qm = tmp_path / qm.name
    tools().lrelease(ts, fresh_qm, quiet=True, strict=True)  # strict: Qt's own validity checks
    assert fresh_qm.read_bytes() == qm.read_bytes(), f"{qm.name} is stale ({HOW_TO_FIX})"


def _translate_calls() -> list[tuple[str, int, str, str, bool]]:
    """(file, line, context, source text, has a count) of every tr()/translate() call with a
    literal text in the GUI, found by parsing the code (not by lupdate, which misses some forms).
    The context of ``self.tr`` is the class it is written in, as at run time."""
    found = []

    def visit(node: ast.AST, path: Path, cls: str) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        aliased = isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute)
        if aliased and node.value.attr in ("tr", "translate"):  # lupdate cannot follow an alias
            found.append((path.name, node.lineno, "ALIAS", f"alias of {node.value.attr}()", False))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, args = node.func.attr, node.args
            index = 0 if name == "tr" else 1 if name == "translate" else None
            if index is not None and len(args) > index:
                source = args[index]
                context = cls if name == "tr" else getattr(args[0], "value", None)
                if isinstance(source, ast.Constant) and isinstance(source.value, str):
                    counted = len(args) > index + 2 or any(k.arg == "n" for k in node.keywords)
                    found.append((path.name, node.lineno, str(context), source.value, counted))
        for child in ast.iter_child_nodes(node):
            visit(child, path, cls)

    for path in sorted((ROOT / "kompass_desktop" / "gui").glob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), path, "")
    return found


def test_every_text_the_code_translates_is_in_the_ts_file():
    """A text lupdate does not see (an aliased translate, a count lupdate cannot parse) or files
    under another context than the one asked at run time would stay Swedish in English without
    anybody noticing; a count it ignores gives "1 träffar"."""
    known = pairs(MESSAGES)
    numerus_en = {m.source for m in MESSAGES if m.forms}
    numerus_sv = {m.source for m in SV_MESSAGES if m.forms}
    calls = [(f, line, text, counted) for f, line, _c, text, counted in _translate_calls()]
    assert len(calls) > 400
    missing = [
        f"{f}:{line} [{context}] {text!r}"
        for f, line, context, text, _n in _translate_calls()
        if (context, text) not in known
    ]
    assert not missing, "not in kompass_en.ts under the context used at run time:\n" + "\n".join(missing)
    plural = [(f, line, text) for f, line, text, counted in calls if counted or "%n" in text]
    assert len(plural) >= 20
    wrong = [
        f"{f}:{line} {text!r}"
        for f, line, text in plural
        if "%n" not in text or text not in numerus_en or text not in numerus_sv
    ]
    assert not wrong, "plural messages without numerus forms in both .ts files:\n" + "\n".join(wrong)


def test_swedish_plural_forms_are_used(qapp):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("SearchPage", "%n träffar", "", 1) == "1 träff"
    assert QCoreApplication.translate("SearchPage", "%n träffar", "", 2) == "2 träffar"
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "OK"  # not Qt's own "Ok"


def test_the_qm_file_translates_every_message():
    """Independent of lrelease: what QTranslator actually returns for each entry of the .ts."""
    translator = QTranslator()
    assert translator.load(str(QM)), QM
    wrong = [
        f"[{m.context}] {m.source!r}: {translator.translate(m.context, m.source)!r} != {m.translation!r}"
        for m in MESSAGES
        if translator.translate(m.context, m.source) != m.translation
    ]
    assert not wrong, f"{QM.name} is stale ({HOW_TO_FIX}):\n" + "\n".join(wrong)


def mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def test_placeholders_mnemonics_markup_and_spacing_match_the_source():
    problems = []
    for m in MESSAGES:
        label = f"[{m.context}] {m.source!r} -> {m.translation!r}"
        if sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation)):
            problems.append(f"placeholders differ: {label}")
        if mnemonics(m.source) != mnemonics(m.translation):
            problems.append(f"& mnemonics differ: {label}")
        if re.findall(r"</?(\w+)", m.source) != re.findall(r"</?(\w+)", m.translation):
            problems.append(f"HTML tags differ: {label}")
        for edge in (0, -1):
            src_space = m.source[edge].isspace() if m.source else False
            tr_space = m.translation[edge].isspace() if m.translation else False
            if src_space != tr_space:
                problems.append(f"leading/trailing whitespace differs: {label}")
        if m.source.endswith("…") != m.translation.endswith("…"):
            problems.append(f"ellipsis differs: {label}")
    assert not problems, "\n".join(problems)


# -- the running app in English --------------------------------------------------------


def swedish_only() -> set[str]:
    """Source texts whose English differs: seeing one of these means a string was not translated."""
    return {m.source for m in MESSAGES if m.source != m.translation}


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.accessibleName(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
    return [t for t in texts if t]


def test_the_main_window_speaks_english(english, qtbot, errors, demo_copy):
    from kompass_desktop.gui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        menus = [action for action in window.menuBar().actions() if action.menu() is not None]
        titles = [action.text() for action in menus]
        assert titles[:2] == ["&File", "&Edit"], titles
        assert "&Help" in titles
        assert "&Arkiv" not in titles
        untranslated = swedish_only()
        for menu_action in menus:
            menu = menu_action.menu()
            assert isinstance(menu, QMenu)
            texts = [a.text() for a in menu.actions() if not a.isSeparator()]
            assert not untranslated & set(texts), (menu_action.text(), untranslated & set(texts))
            keys = [re.search(r"&(\w)", t).group(1).lower() for t in texts if re.search(r"&(\w)", t)]
            assert len(keys) == len(set(keys)), f"duplicate mnemonics in {menu_action.text()}: {texts}"
        bar_keys = [re.search(r"&(\w)", t).group(1).lower() for t in titles]
        assert len(bar_keys) == len(set(bar_keys)), titles
        assert "Area 1" in [a.text() for a in window.area_actions]

        assert "Open demo evaluation" in [b.text() for b in window.welcome.findChildren(QAbstractButton)]
        assert not untranslated & set(visible_texts(window.welcome))

        assert window.open_file(demo_copy)
        for page in ("summary", "area:1", "interview"):
            window.go(page)
            texts = visible_texts(window)
            assert not untranslated & set(texts), (page, untranslated & set(texts))
            hint = window.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 740, (page, hint)
        window.go("summary")
        assert "Score per area" in visible_texts(window)
        window.go("area:1")
        assert "General" in visible_texts(window)
    finally:
        window.close_evaluation()
    assert QCoreApplication.translate("MenusMixin", "&Arkiv") == "&File"


def test_swedish_is_back_after_the_english_test():
    assert QCoreApplication.translate("MenusMixin", "&Arkiv") == "&Arkiv"


def test_domain_labels_are_english_in_the_english_ui(english, qtbot, errors, demo_copy):
    """Interview groups, coverage headings and warnings, and what is still open are worded in the
    GUI's language (the domain keeps Swedish for reports); the instrument's own texts stay."""
    from kompass_desktop.gui.mainwindow import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        assert window.open_file(demo_copy)
        assert window.controller.set_score("1.1", "0")[0]  # far from the others': not agreed
        assert window.controller.set_text(TextScope.SUMMARY_WEAKER, "", "")
        window.go("coverage")
        table = window.workspace.pages["coverage"].table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert "Pol. leaders" in headers and "Pol. ledning" not in headers, headers
        cells = {table.item(r, 1).text() for r in range(table.rowCount()) if table.item(r, 1)}
        assert not any("anteckningar" in c or "källa" in c or "underlag" in c for c in cells), cells
        window.go("interviews")
        interviews = window.workspace.pages["interviews"].table
        groups = {interviews.item(r, 2).text() for r in range(interviews.rowCount())}
        assert "Political leadership" in groups and "Politisk ledning" not in groups, groups
        window.go("summary")
        agreement = window.workspace.pages["summary"].agreement.text()
        assert agreement.startswith("Agreement from the start: "), agreement
        items = window.workspace.pages["summary"].open_items
        texts = [items.item(r).text() for r in range(items.count())]
        assert any("have not agreed" in t for t in texts), texts
        swedish = ("saknas", "ingen poäng", "inte enats", "inga ", "utan underlag")
        assert not [t for t in texts if any(w in t for w in swedish)], texts
    finally:
        window.close_evaluation()


#: Swedish words that must not reach the English UI through the charts' notes and legend.
SWEDISH_IN_NOTES = ("jämförs", "Riksgenomsnitt", "Område", "Nationellt", "medelvärde", "EXEMPELDATA")
SWEDISH_IN_NOTES += ("gjordes", "gäller", "version och", "ersattes", "reviderades", "motsvaras")


def _chart_words(win) -> tuple[str, str]:
    """The notes under the charts and the legend above them, as shown on the summary page."""
    win.go("summary")
    charts = win.workspace.pages["summary"].ensure_charts()
    return charts.notes.text(), charts.legend.text()


def _an_evaluation_of_2012(win) -> None:
    """An earlier evaluation made with version 2010: compared through two revisions."""
    assert win.controller.add_earlier(2012, "2010", {str(n): 50 + n for n in range(1, 9)})


def test_the_charts_notes_and_legend_are_english_in_the_english_ui(english, demo_window):
    """What the charts do not compare (an area of an earlier version, an evaluation made with
    another version) and the national average's name are worded in English."""
    notes, legend = _chart_words(demo_window)
    assert "Area 8 is not compared with Lindsjö 2018 (version 2.1)" in notes, notes
    assert "“Ledarskap, ansvar och delegation” was replaced by" in notes, notes
    assert ".)." not in notes, notes  # one full stop after the reason
    assert "was made with another version: In 2019/2020 the areas were revised" in notes, notes
    assert "National average 2020–2025 – SAMPLE DATA" in legend, legend
    _an_evaluation_of_2012(demo_window)
    notes, legend = _chart_words(demo_window)
    assert "Area 6 is not compared with Lindsjö 2012: Verksamhetsutveckling is not comparable (" in notes
    assert "with substantially changed content. “Ständiga förbättringar” corresponds to" in notes
    assert "Lindsjö 2012 was made with another version: The 2016 revision: most areas" in notes
    seen = notes + legend + demo_window.workspace.pages["summary"].comparisons.national.text()
    assert not [w for w in SWEDISH_IN_NOTES if w in seen], seen


def test_the_charts_notes_and_legend_are_as_before_in_the_swedish_ui(demo_window):
    notes, legend = _chart_words(demo_window)
    assert notes == (
        "<small>Område 8 jämförs inte med Lindsjö 2018 (version 2.1): Ledarskap, ansvar och delegation "
        "är inte jämförbart (Ledarskap, ansvar och delegation ersattes av Chefs- och ledarskap samt "
        "medarbetarskap med annat innehåll).<br>Lindsjö 2018 (version 2.1) gjordes med en annan version: "
        "2019/2020 reviderades och numrerades områdena om; jämförelser kan göras till stor del men inte "
        "fullt ut.<br>Medelvärdet är exempeldata, inte verkliga resultat.</small>"
    )
    assert "Nationellt medelvärde 2020–2025 – EXEMPELDATA" in legend
    _an_evaluation_of_2012(demo_window)
    notes, _legend = _chart_words(demo_window)
    assert (
        "Område 6 jämförs inte med Lindsjö 2012: Verksamhetsutveckling är inte jämförbart "
        "(Verksamhetsutveckling blev Ständiga förbättringar med väsentligt ändrat innehåll. "
        "Ständiga förbättringar motsvaras av Kvalitetsutveckling)." in notes
    )


def test_consensus_states_and_web_kinds_are_english_in_the_english_ui(english, demo_window):
    """Where each sub-area's consensus stands (the consensus table, the line on the area page) and
    the kind of a web source are worded in English, not with the domain's Swedish labels."""
    demo_window.go("consensus")
    table = demo_window.workspace.pages["consensus"].table
    status = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())].index("Status")
    states = {table.item(r, status).text() for r in range(table.rowCount()) if table.item(r, status)}
    assert "agreed" in states and not states & {"överens", "oense", "en bedömning", "ej bedömd"}, states
    demo_window.go("area:1")
    hint = demo_window.workspace.pages["area:1"].cards["1.1"].consensus_hint.text()
    assert hint.endswith("Agreed: 13 (agreed)"), hint
    demo_window.go("web")
    web = demo_window.workspace.pages["web"].table
    kind = [web.horizontalHeaderItem(c).text() for c in range(web.columnCount())].index("Type")
    kinds = {web.item(r, kind).text() for r in range(web.rowCount())}
    assert kinds == {"web", "social media"}, kinds


def test_the_gui_never_shows_the_domains_swedish_labels():
    """The domain keeps Swedish labels and sentences for reports and the command line
    (``label_sv``, ``describe()``); the GUI words the same data itself (gui/wording.py)."""
    swedish_only = {"label_sv", "describe", "describe_scores"}
    used = [
        f"{path.name}:{node.lineno} .{node.attr}"
        for path in sorted((ROOT / "kompass_desktop" / "gui").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in swedish_only
    ]
    assert used == []


def test_every_note_of_the_version_mapping_has_its_english():
    """The mapping's explanations reach the English charts: each one has its English text."""
    from kompass_desktop import resources

    mappings = resources.mappings()
    notes = [(m.note, m.note_en) for m in mappings]
    notes += [(link.note, link.note_en) for m in mappings for link in m.links]
    assert len([sv for sv, _en in notes if sv]) >= 10
    assert [sv for sv, en in notes if sv and not en] == []
    assert [en for sv, en in notes if en and not sv] == []


def test_what_is_missing_is_english_in_the_english_ui(english, window, tmp_path, monkeypatch):
    """Every kind of open item — on the summary page and in the list a refused final report
    gives — is worded in English (the domain's own sentences are Swedish, for reports)."""
    from kompass_desktop import resources
    from kompass_desktop.gui import printing
    from kompass_desktop.services import EvaluationSession, NewEvaluation

    path = tmp_path / "ny.kompass"  # a name typed, not chosen from the register; no dates, no evaluators
    EvaluationSession.create(path, NewEvaluation(resources.framework("2019"), "Nyby", 2026)).close()
    assert window.open_file(path)
    window.go("summary")
    items = window.workspace.pages["summary"].open_items
    texts = [items.item(r).text() for r in range(items.count())]
    assert any("“Nyby” was not chosen from the register of municipalities" in t for t in texts), texts

    def with_the_example_average(dialog):
        dialog.with_national.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing.FinalReportDialog, "exec", with_the_example_average)
    warned: list[str] = []
    monkeypatch.setattr(printing.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    assert printing.print_report(window, window.controller, draft=False) is None
    for english_text in (
        "The dates of the evaluation are missing",
        "The evaluators’ names are missing",
        "The national average is the program’s sample data",
    ):
        assert english_text in warned[0], warned[0]
    swedish = ("saknas", "ingen poäng", "medelvärde", "kommunregistret", "utvärderingen", "exempeldata")
    assert not [w for w in swedish if w in warned[0] + "\n".join(texts)], (warned[0], texts)
