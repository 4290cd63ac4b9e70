"""A final report that is refused, as the evaluator sees it on the command line: exit code 1, one
summary line and one indented line per missing item (in the instrument's order), nothing
written.  What is only a warning (a score without notes) never blocks it; what is required
(a score, a sub-area text, strengths and improvements, the summary comments, the dates, the
evaluators, SKR's national average or none) always does.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from reporthelp import skr_average

from kompass_desktop.cli import main
from kompass_desktop.domain.model import TextScope
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
