"""`kompass import-scores`: every accepted form, every bad line, all-or-nothing."""

from __future__ import annotations

import hashlib

import pytest

from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession


@pytest.fixture
def evaluation(session):
    session.scores.set("1.1", 3)
    path = session.path
    session.close()
    return path


def run(evaluation, tmp_path, content, capsys, name="scores.csv"):
    csv_path = tmp_path / name
    csv_path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code = main(["import-scores", str(evaluation), str(csv_path)])
    return code, capsys.readouterr()


def scores(path):
    with EvaluationSession.open(path, readonly=True) as s:
        return {k: str(v) for k, v in s.scores.all().items() if v is not None}


@pytest.mark.parametrize(
    "content",
    [
        "1.1;12,5\n1.2;7\n",  # no header, semicolon, decimal comma
        "Delfråga;Uppnått;Max\n1.1;12,5;20\n1.2;7;10\n",  # Swedish header with max
        "subarea,achieved\n1.1,12.5\n1.2,7\n",  # English header, comma, decimal point
        'number,points,max\n1.1,"12,5",20\n1.2,7,10\n',  # quoted decimal comma
        "\ufeffDelfråga;Poäng\r\n1.1;12,5\r\n\r\n1.2;7\r\n",  # UTF-8 BOM, CRLF, blank line
        "Nr\tUppnått\n1.1\t12,5\n1.2\t7\n",  # tab separated
    ],
)
def test_accepted_forms(evaluation, tmp_path, capsys, content):
    code, cap = run(evaluation, tmp_path, content, capsys)
    assert code == 0, cap.err
    assert "Importerade 2 poäng" in cap.out
    assert scores(evaluation) == {"1.1": "12.5", "1.2": "7"}


def test_windows_1252_file(evaluation, tmp_path, capsys):
    content = "Delfråga;Uppnått\n1.1;12,5\n".encode("cp1252")
    code, cap = run(evaluation, tmp_path, content, capsys)
    assert code == 0, cap.err
    assert scores(evaluation)["1.1"] == "12.5"


def test_empty_values_are_skipped_not_zeroed(evaluation, tmp_path, capsys):
    code, cap = run(evaluation, tmp_path, "1.1;\n1.2;4\n", capsys)
    assert code == 0 and "(1 tom rad hoppades över)" in cap.out
    assert scores(evaluation) == {"1.1": "3", "1.2": "4"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("1.1;12\n9.9;3\n", "rad 2: delfråga 9.9 finns inte"),
        ("1.1;12\n1.2;11\n", "rad 2: Delfråga 1.2: 11 är över maxpoängen 10"),
        ("1.1;-1\n", "rad 1: Delfråga 1.1: poängen kan inte vara negativ"),
        ("1.1;tolv\n", "rad 1: ”tolv” är inte ett tal"),
        ("1.1;12\n1.1;13\n", "rad 2: delfråga 1.1 förekommer redan på rad 1"),
        ("Delfråga;Uppnått;Max\n1.1;12;25\n", "rad 2: delfråga 1.1 har max 20 i ramverket, inte 25"),
        ("1.1;12,555\n", "högst 2 decimaler"),
        ("abc;12\n", "rad 1: kolumner ”abc, 12”"),
        ("1.1\n", "rad 1: för få kolumner"),
        ("Delfråga;Uppnått\nx.y;3\n", "rad 2: ”x.y” är inte ett delfrågenummer"),
    ],
)
def test_bad_lines_reject_the_whole_file(evaluation, tmp_path, capsys, content, expected):
    before = hashlib.sha256(evaluation.read_bytes()).hexdigest()
    good = "1.3;20\n1.4;5\n"  # valid lines that must not be imported either
    code, cap = run(evaluation, tmp_path, content + good, capsys)
    assert code == 1
    assert expected in cap.err
    assert "Traceback" not in cap.err
    assert hashlib.sha256(evaluation.read_bytes()).hexdigest() == before
    assert scores(evaluation) == {"1.1": "3"}


def test_every_problem_is_listed_with_its_line(evaluation, tmp_path, capsys):
    code, cap = run(evaluation, tmp_path, "1.1;99\n1.2;x\n8.8;1\n1.3;5\n", capsys)
    assert code == 1
    assert "3 fel" in cap.err
    for line in ("rad 1:", "rad 2:", "rad 3:"):
        assert line in cap.err
    assert "rad 4:" not in cap.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "CSV-filen är tom"),
        (b"\x00\x01\x02\x00" * 20, "binära data"),
        (b"Delfr\xe5ga;Uppn\xe5tt\n", "inga poängrader"),
    ],
)
def test_unusable_files(evaluation, tmp_path, capsys, content, expected):
    code, cap = run(evaluation, tmp_path, content, capsys)
    assert code == 1 and expected in cap.err


def test_missing_csv_file(evaluation, tmp_path, capsys):
    code = main(["import-scores", str(evaluation), str(tmp_path / "missing.csv")])
    assert code == 1 and "finns inte" in capsys.readouterr().err
