"""A final report that is refused, as the evaluator sees it on the command line: exit code 1, one
summary line and one indented line per missing item (in the instrument's order), nothing
written.  What is only a warning (a score without notes) never blocks it; what is required
(a score, a sub-area text, strengths and improvements, the summary comments, the dates, the
evaluators, SKR's national average or none) always does.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from reporthelp import skr_average
from support import digest

from kompass_desktop.cli import main
from kompass_desktop.domain.model import TextScope
from kompass_desktop.report import ReportNotReady, ReportWriteError, build_report, missing_for_final
from kompass_desktop.services import EvaluationSession

HEADER = "kompass report: Den slutliga rapporten kan inte skapas: "
TAIL = " (ett utkast visar allt som återstår):"


@pytest.fixture
def skr(tmp_path):
    return skr_average(tmp_path)


def report(capsys, evaluation: Path, out: Path, *options: object) -> tuple[int, str, str]:
    code = main(["report", str(evaluation), "-o", str(out), *(str(o) for o in options)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def change(path: Path, fn) -> None:
    with EvaluationSession.open(path) as s:
        fn(s)


def unscore(path: Path, subarea: str) -> None:
    """Every evaluator takes back their score of ``subarea``."""
    with EvaluationSession.open(path, readonly=True) as s:
        evaluators = [score.evaluator for score in s.consensus.view().get(subarea).independent]
    for name in evaluators:
        with EvaluationSession.open(path, author=name) as s:
            s.scores.set(subarea, None)


@pytest.mark.parametrize("body", ["", "  \n "])
def test_an_empty_sub_area_text_refuses_the_final_report(demo_copy, tmp_path, skr, capsys, body):
    change(demo_copy, lambda s: s.scores.set_text(TextScope.SUBAREA, "2.2", body))
    out = tmp_path / "rapport.docx"
    out.write_bytes(b"the report of last week")
    code, stdout, err = report(capsys, demo_copy, out, "--national-average", skr)
    assert code == 1 and stdout == ""
    assert err == f"{HEADER}1 uppgift saknas{TAIL}\n  2.2 Social hållbarhet: text saknas\n"
    assert out.read_bytes() == b"the report of last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == [demo_copy.name, out.name, skr.name]  # nothing new


def test_every_missing_item_is_listed_in_the_instruments_order(demo_copy, tmp_path, skr, capsys):
    def unfinish(s):
        s.scores.set_text(TextScope.SUMMARY_OVERALL, "", "")
        s.scores.set_text(TextScope.SUBAREA, "1.1", "")
        for finding in s.findings.all():
            if finding.area == 4 and finding.kind.value == "improvement":
                s.findings.delete(finding.id)

    change(demo_copy, unfinish)
    unscore(demo_copy, "3.1")
    out = tmp_path / "rapport.pdf"
    code, _, err = report(capsys, demo_copy, out, "--national-average", skr)
    assert code == 1 and not out.exists()
    assert err.splitlines() == [
        f"{HEADER}4 uppgifter saknas{TAIL}",
        "  1.1 Strategi för demokratiutveckling och information: text saknas",
        "  3.1 Strategi för styrning: ingen poäng satt",
        "  Område 4 Effektivitet: inga förbättringsmöjligheter",
        "  Sammanfattande kommentarer: text saknas",
    ]


def test_dates_and_evaluators_are_required(demo_copy, tmp_path, skr, capsys):
    change(demo_copy, lambda s: s.update_info(start_date="", end_date=""))
    change(demo_copy, lambda s: s.update_info(evaluators=["  ", ""]))
    code, _, err = report(capsys, demo_copy, tmp_path / "r.pdf", "--national-average", skr)
    assert code == 1
    assert err.splitlines() == [
        f"{HEADER}2 uppgifter saknas{TAIL}",
        "  Utvärderingens datum saknas (uppgifter om utvärderingen)",
        "  Utvärderarnas namn saknas (uppgifter om utvärderingen)",
    ]


def test_the_programs_example_average_refuses_a_final_report(demo_copy, tmp_path, capsys):
    code, _, err = report(capsys, demo_copy, tmp_path / "r.pdf")
    assert code == 1
    assert err.splitlines() == [
        f"{HEADER}1 uppgift saknas{TAIL}",
        "  Det nationella medelvärdet är programmets exempeldata: ange SKR:s medelvärdesfil, "
        "eller gör rapporten utan nationellt medelvärde",
    ]


def test_warnings_and_one_date_do_not_block_a_final_report(demo_copy, tmp_path, capsys):
    def loosen(s):
        s.update_info(end_date="")  # the first day of the visit is enough
        for note in s.notes.all("5.2"):  # a score without notes: a warning in the draft only
            s.notes.delete(note.id)
        s.scores.set_text(TextScope.SUMMARY_WEAKER, "", "")

    change(demo_copy, loosen)
    out = tmp_path / "rapport.docx"
    code, stdout, err = report(capsys, demo_copy, out, "--without-national-average")
    assert (code, err) == (0, "")
    assert stdout == f"Skapade rapporten {out} (Word).\n"
    with zipfile.ZipFile(out) as docx:
        assert "UTKAST" not in docx.read("word/document.xml").decode("utf-8")


def test_an_open_disagreement_refuses_the_final_report_naming_both_scores(demo_copy, tmp_path, skr, capsys):
    with EvaluationSession.open(demo_copy, author="Johan Alm") as s:
        s.scores.set("3.1", Decimal(3))  # Karin Ekström gave 8
    code, _, err = report(capsys, demo_copy, tmp_path / "r.pdf", "--national-average", skr)
    assert code == 1
    assert err.splitlines() == [
        f"{HEADER}1 uppgift saknas{TAIL}",
        "  3.1 Strategi för styrning: utvärderarna har inte enats om poängen (Johan Alm 3, Karin Ekström 8)",
    ]


def test_what_the_program_lists_before_a_final_report(demo_copy, tmp_path, skr):
    """The list the program shows instead of the file dialog (each item worded by its kind)."""
    change(demo_copy, lambda s: s.update_info(start_date="", end_date="", evaluators=[]))
    change(demo_copy, lambda s: [s.notes.delete(note.id) for note in s.notes.all("5.2")])
    with EvaluationSession.open(demo_copy, readonly=True) as s:
        snap = s.snapshot()
    whole = [("no_dates", ""), ("no_evaluators", "")]
    example = [("example_national_average", "")]
    # a score without notes (5.2) is a warning: never in the list
    assert [(i.kind, i.ref) for i in missing_for_final(snap)] == whole + example
    assert [(i.kind, i.ref) for i in missing_for_final(snap, national_path=skr)] == whole
    assert [(i.kind, i.ref) for i in missing_for_final(snap, with_national=False)] == whole
    # either day of the visit is enough
    for dates in ({"start_date": "2025-03-10"}, {"end_date": "2025-03-12"}):
        dated = replace(snap, info=replace(snap.info, evaluators=("Karin Ekström",), **dates))
        assert missing_for_final(dated, national_path=skr) == []


def test_a_report_reads_the_evaluation_without_changing_it_even_while_it_is_open(
    demo_copy, tmp_path, skr, capsys
):
    before = digest(demo_copy)
    out = tmp_path / "rapport.docx"
    code, stdout, err = report(capsys, demo_copy, out, "--national-average", skr)
    assert (code, err) == (0, "") and stdout == f"Skapade rapporten {out} (Word).\n"
    assert digest(demo_copy) == before
    with EvaluationSession.open(demo_copy):  # the evaluator keeps working in the program
        code, stdout, err = report(capsys, demo_copy, out, "--national-average", skr)
    assert (code, err) == (0, "") and stdout == f"Skapade rapporten {out} (Word).\n"


def test_a_draft_says_how_many_items_are_open(demo_copy, tmp_path, skr, capsys):
    out = tmp_path / "utkast.pdf"
    for sub, expected in (("5.2", "1 öppen punkt"), ("5.1", "2 öppna punkter")):
        change(demo_copy, lambda s, sub=sub: [s.notes.delete(note.id) for note in s.notes.all(sub)])
        code, stdout, _ = report(capsys, demo_copy, out, "--national-average", skr, "--draft")
        assert code == 0
        assert re.fullmatch(rf"Skapade utkastet {re.escape(str(out))} \(\d+ sidor, {expected}\)\.\n", stdout)


def test_a_report_never_replaces_its_evaluation_and_needs_pdf_or_docx(demo_copy, tmp_path, capsys):
    before = digest(demo_copy)
    code, _, err = report(capsys, demo_copy, demo_copy, "--draft")
    assert code == 1
    assert err == (
        f"kompass report: {demo_copy} är samma fil som indatafilen demo.kompass; den skrivs aldrig "
        "över. Ange en annan fil.\n"
    )
    assert digest(demo_copy) == before
    other = tmp_path / "annan.kompass"
    shutil.copy(demo_copy, other)
    code, _, err = report(capsys, demo_copy, other, "--draft")
    assert code == 1
    assert (
        err == f"kompass report: {other} är en utvärderingsfil och skrivs aldrig över; välj ett annat namn.\n"
    )
    assert digest(other) == before
    other.unlink()
    code, _, err = report(capsys, demo_copy, tmp_path / "rapport.txt", "--draft")
    assert code == 1
    assert err == (
        "kompass report: rapport.txt: ange ett filnamn som slutar på .pdf (PDF) eller .docx (Word); "
        "formatet följer ändelsen.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [demo_copy.name]


def test_a_report_to_a_folder_is_refused_by_name(demo_copy, tmp_path):
    """The program's own save (no command line in front of it) names a folder as one."""
    with EvaluationSession.open(demo_copy, readonly=True) as s:
        snap = s.snapshot()
    folder = tmp_path / "rapport.pdf"
    folder.mkdir()
    with pytest.raises(ReportWriteError) as refused:
        build_report(snap, folder, draft=True)
    assert str(refused.value) == f"{folder} är en mapp; ange ett filnamn som slutar på .pdf eller .docx."
    assert list(folder.iterdir()) == []
    missing = tmp_path / "saknas" / "rapport.pdf"
    with pytest.raises(ReportWriteError) as refused:
        build_report(snap, missing, draft=True)
    assert str(refused.value) == f"Mappen {missing.parent} finns inte."


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{d}/saknas.kompass", "-o", "{d}/r.pdf"], "Utvärderingsfilen {d}/saknas.kompass finns inte."),
        (
            ["{demo}", "-o", "{d}/r.pdf", "--national-average", "{d}/saknas.json"],
            "Medelvärdesfilen {d}/saknas.json finns inte.",
        ),
        (
            ["{demo}", "-o", "{d}/ny.kompass", "--draft"],
            "ny.kompass är en utvärderingsfil; ange ett filnamn som slutar på .pdf eller .docx.",
        ),
    ],
)
def test_a_missing_input_or_an_evaluation_file_as_target_is_named(demo_copy, tmp_path, capsys, argv, message):
    code = main(["report", *(a.format(d=tmp_path, demo=demo_copy) for a in argv)])
    assert code == 1
    assert capsys.readouterr().err == f"kompass report: {message.format(d=tmp_path)}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [demo_copy.name]


def test_a_refusal_carries_its_items_for_the_program_to_word(demo_copy, tmp_path, skr):
    """The program words each missing item in the user's language from its kind."""
    change(demo_copy, lambda s: s.update_info(evaluators=[]))
    change(demo_copy, lambda s: s.scores.set_text(TextScope.SUBAREA, "2.2", ""))
    with EvaluationSession.open(demo_copy, readonly=True) as s:
        snap = s.snapshot()
    out = tmp_path / "rapport.pdf"
    with pytest.raises(ReportNotReady) as refused:
        build_report(snap, out, draft=False, national_path=skr)
    assert [(i.kind, i.ref) for i in refused.value.items] == [("no_evaluators", ""), ("empty_text", "2.2")]
    assert not out.exists()
