"""Messages of the command line count in Swedish: one thing is singular ("1 öppen punkt",
"1 ny post", "1 fil hoppades över"), never "1 öppna punkter"."""

from __future__ import annotations

import re
import shutil

from kompass_desktop.cli import main
from kompass_desktop.domain.language import count
from kompass_desktop.services import EvaluationSession

#: A count of one followed by a plural word the core uses.
ONE_PLURAL = re.compile(
    r"\b1 (öppna|nya|uppdaterade|konflikter|oförändrade|filer|fullständiga|versioner|tomma|delfrågor)\b"
)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out + cap.err


def test_count_says_one_thing_in_the_singular():
    assert count(1, "fil", "filer") == "1 fil"
    assert [count(n, "fil", "filer") for n in (0, 2, 11)] == ["0 filer", "2 filer", "11 filer"]


def test_a_draft_with_one_open_item_says_so(tmp_path, capsys):
    demo = tmp_path / "demo.kompass"
    assert run(capsys, "demo", demo)[0] == 0
    code, out = run(capsys, "report", demo, "--draft", "-o", tmp_path / "d.pdf")
    assert code == 0 and "1 öppen punkt)" in out and not ONE_PLURAL.search(out)


def test_merge_and_aggregate_count_one_thing_in_the_singular(tmp_path, capsys):
    lead = tmp_path / "lead.kompass"
    assert run(capsys, "new", lead, "--framework", "2019", "--unlisted", "Delby")[0] == 0
    with EvaluationSession.open(lead, author="anna") as s:
        s.scores.set_many({"1.1": 12})
    other = tmp_path / "other.kompass"
    shutil.copy(lead, other)
    with EvaluationSession.open(other, author="bo") as s:
        s.scores.set_many({"1.2": 5})
    code, out = run(capsys, "merge", lead, other)
    assert code == 0 and "1 ny post" in out and not ONE_PLURAL.search(out)
    code, out = run(capsys, "aggregate", lead, "-o", tmp_path / "avg.json")
    assert code == 1 and "1 fil hoppades över" in out and not ONE_PLURAL.search(out)
