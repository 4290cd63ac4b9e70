"""The `kompass` command's public interface (names, options, JSON shapes, exit codes)."""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kompass_desktop.cli import build_parser, main


def run(capsys, *argv):
    code = main(list(argv))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_frameworks_json(capsys):
    code, out, _ = run(capsys, "frameworks", "--json")
    data = json.loads(out)
    assert code == 0
    assert [(d["id"], d["name"]) for d in data] == [
        ("2019", "Kommunkompassen 2019/2020"),
        ("2016", "Kommunkompassen 2016 (version 2.1)"),
        ("2010", "Kommunkompassen 2010"),
    ]


def test_frameworks_text(capsys):
    code, out, _ = run(capsys, "frameworks")
    assert code == 0 and "2016   Kommunkompassen 2016 (version 2.1)" in out


def test_framework_show_json_shape(capsys):
    code, out, _ = run(capsys, "framework", "show", "2010", "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "2010" and data["name"] == "Kommunkompassen 2010"
    assert len(data["areas"]) == 8
    area4 = data["areas"][3]
    assert area4["number"] == 4 and area4["title"] == "Ledarskap, ansvar och delegation"
    assert [(s["number"], s["max"]) for s in area4["subareas"]] == [
        ("4.1", 15),
        ("4.2", 10),
        ("4.3", 20),
        ("4.4", 15),
        ("4.5", 20),
        ("4.6", 20),
    ]
    assert all({"number", "title", "max"} <= set(s) for a in data["areas"] for s in a["subareas"])


def test_framework_show_unknown_id(capsys):
    code, _, err = run(capsys, "framework", "show", "1998")
    assert code == 1 and "Okänd version av Kommunkompassen: ”1998”" in err


def test_new_summary_round_trip(tmp_path, capsys):
    path = tmp_path / "ny.kompass"
    code, out, err = run(
        capsys, "new", str(path), "--framework", "2016", "--municipality", "olofstrom", "--year", "2024"
    )
    assert code == 0, err
    assert "Olofströms kommun (kommunkod 1060)" in out
    csv_path = tmp_path / "p.csv"
    csv_path.write_text("1.1;11,25\n1.2;17,4\n2.1;14\n", encoding="utf-8")
    assert run(capsys, "import-scores", str(path), str(csv_path))[0] == 0
    code, out, _ = run(capsys, "summary", str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["municipality"]["code"] == "1060" and data["framework"] == "2016"
    assert data["municipality"]["name"] == "Olofströms kommun"
    assert data["total"] == 42.65 and data["max"] == 800 and data["complete"] is False
    area1 = data["areas"][0]
    assert area1["achieved"] == 28.65 and area1["max"] == 100
    assert area1["subareas"][0] == {
        "number": "1.1",
        "title": area1["subareas"][0]["title"],
        "achieved": 11.25,
        "max": 15,
        "status": "single",  # consensus: one evaluator's score
    }
    assert area1["subareas"][2]["achieved"] is None
    assert data["areas"][4]["achieved"] is None
    code, out, _ = run(capsys, "summary", str(path))
    assert code == 0 and "Totalt 43 av 800 poäng" in out and "(3 av 45 delfrågor bedömda)" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("new", "{d}/x.kompass", "--framework", "1999", "--unlisted", "A"),
        ("new", "{d}/x.txt", "--framework", "2019", "--unlisted", "A"),
        ("new", "{d}/nofolder/x.kompass", "--framework", "2019", "--unlisted", "A"),
        ("new", "{d}/x.kompass", "--framework", "2019", "--municipality", "  "),
        ("summary", "{d}/missing.kompass"),
        ("validate", "{d}/missing.kompass"),
    ],
)
def test_errors_are_one_clear_line_and_exit_1(tmp_path, capsys, argv):
    code, _, err = run(capsys, *(a.format(d=tmp_path) for a in argv))
    assert code == 1
    assert err.startswith("kompass ") and err.count("\n") == 1 and "Traceback" not in err


def test_validate_ok_and_problems(tmp_path, capsys):
    path = tmp_path / "v.kompass"
    assert run(capsys, "new", str(path), "--framework", "2019", "--unlisted", "V")[0] == 0
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and out.strip().endswith("OK")
    conn = sqlite3.connect(path)  # damage consistency behind the app's back
    conn.execute(
        "INSERT INTO scores (id, subarea, points, author, created, modified, rev) "
        "VALUES ('x', '1.2', '55', 'x', 'x', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "delfråga 1.2: 55 ligger utanför 0–10" in err and "poängposten för 1.2 har fel id" in err


def test_unexpected_errors_are_logged_not_shown(tmp_path, capsys, monkeypatch):
    import kompass_desktop.cli as cli

    def boom(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(cli._COMMANDS, "frameworks", boom)
    code, _, err = run(capsys, "frameworks")
    assert code == 2
    assert "oväntat fel (ZeroDivisionError" in err and "Traceback" not in err
    assert "kompass-errors.log" in err
    path = Path(err.split("Detaljer finns i ")[1].strip().rstrip("."))
    assert "ZeroDivisionError" in path.read_text(encoding="utf-8")


def test_console_script_runs_without_a_display(tmp_path):
    env = dict(os.environ, DISPLAY="", QT_QPA_PLATFORM="")
    result = subprocess.run(
        [sys.executable, "-m", "kompass_desktop.cli", "frameworks", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0 and json.loads(result.stdout)[0]["id"] == "2019"
    result = subprocess.run(
        [sys.executable, "-m", "kompass_desktop.cli", "summary", str(tmp_path / "x.kompass")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr and "finns inte" in result.stderr


def _with_closed_stdout(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run a command whose reader has gone (``kompass summary | head -1`` after head exits)."""
    read, write = os.pipe()
    os.close(read)  # nobody will ever read: every write gets EPIPE
    try:
        return subprocess.run(
            [sys.executable, "-m", "kompass_desktop.cli", *argv],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize("argv", [("summary", "{demo}"), ("frameworks",), ("framework", "show", "2019")])
def test_output_into_a_closed_pipe_is_no_error(demo_copy, argv):
    result = _with_closed_stdout(*(a.format(demo=demo_copy) for a in argv))
    assert result.stderr == "" and result.returncode == 0


def test_a_closed_pipe_never_stops_a_command_halfway(demo_copy, tmp_path):
    """merge prints its conflicts before it merges: the merge must still happen."""
    from kompass_desktop.services import EvaluationSession

    other = tmp_path / "other.kompass"
    import shutil

    shutil.copy(demo_copy, other)
    with EvaluationSession.open(demo_copy) as lead:
        lead.consensus.agree("1.1", 1, "Huvudfilens skäl")
    with EvaluationSession.open(other) as theirs:
        theirs.consensus.agree("1.1", 2, "Den andras skäl")
    result = _with_closed_stdout("merge", str(demo_copy), str(other), "--prefer", "other")
    assert result.stderr == "" and result.returncode == 0
    with EvaluationSession.open(demo_copy, readonly=True) as lead:
        assert lead.scores.all()["1.1"] == 2


def test_the_command_line_speaks_swedish_also_in_argparse_s_own_words(capsys):
    """Usage, headings and argument errors are Swedish, like the rest of the command line."""
    with pytest.raises(SystemExit) as shown:
        main(["--help"])
    out = capsys.readouterr().out
    assert shown.value.code == 0
    assert out.startswith("användning: kompass [-h] [--version] KOMMANDO ...")
    assert "\nargument:\n" in out and "\nflaggor:\n" in out
    assert "-h, --help     visa den här hjälpen och avsluta" in out
    assert "--version      visa programmets version" in out
    assert "usage" not in out and "show this" not in out
    with pytest.raises(SystemExit) as refused:
        main(["report"])
    err = capsys.readouterr().err
    assert refused.value.code == 2
    assert err.splitlines()[-1] == "kompass report: fel: följande argument saknas: FIL, -o/--output"
    with pytest.raises(SystemExit):
        main(["rapport"])
    said = capsys.readouterr().err
    assert "fel: argumentet KOMMANDO: ogiltigt val: 'rapport' (välj bland 'frameworks'," in said


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found = {}
    for action in parser._subparsers._group_actions:
        found.update(action.choices)
    return found


def test_every_command_is_explained_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    listed = {m.group(1) for m in re.finditer(r"^    ([a-z-]+)\s+\S", out, re.MULTILINE)}
    assert listed == set(_commands())
    assert {"export", "import", "keygen", "unseal", "merge", "aggregate", "report", "backups"} <= listed


def test_every_command_has_its_own_handler():
    """Each command runs its own code: no command is left without, and no two share one."""
    commands = _commands()
    handlers = {name: p.get_default("handler") for name, p in commands.items() if name != "framework"}
    assert None not in handlers.values() and len(set(handlers.values())) == len(handlers)
    assert handlers["merge"].__name__ == "cmd_merge" and handlers["keygen"].__name__ == "cmd_keygen"


def _value_arguments(parser: argparse.ArgumentParser, path: str = "kompass"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _value_arguments(child, f"{path} {name}")
        elif action.nargs != 0 and not isinstance(action, argparse._HelpAction | argparse._VersionAction):
            yield path, action


def test_every_argument_is_named_in_swedish(capsys):
    """Usage lines and argparse's messages show an argument by its metavar; without one they show
    the English name in the code (``file``, ``FRAMEWORK``, ``OUTPUT``)."""
    unnamed = [
        f"{path} {action.option_strings or action.dest}"
        for path, action in _value_arguments(build_parser())
        if action.metavar is None and action.choices is None
    ]
    assert unnamed == []
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    usage = " ".join(capsys.readouterr().out.split("\n\n")[0].split())
    assert usage == (
        "användning: kompass new [-h] --framework VERSION (--municipality NAMN|KOD | --unlisted NAMN) "
        "[--year ÅR] FIL"
    )
