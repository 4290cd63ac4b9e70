"""The municipality's official name from the register, everywhere (issue 15 §1).

`kompass new` looks the name up (official, short name or code); the file stores the code and
the register's name; every sentence of the report reads naturally with every form of name;
exports carry the code; `aggregate` leaves out the demo and unlisted evaluations; files made
before the register keep working and can be linked to it later.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from test_exchange_support import parts, rebuild

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.municipalities import Listing, free_text_display, names_for, short_form
from kompass_desktop.exchange.records import content, json_to_row
from kompass_desktop.report.blocks import Chart, Heading, Para, Table
from kompass_desktop.report.context import make_context
from kompass_desktop.report.document import report_content
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import backup

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "v1" / "olofstrom-v1.kompass"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- kompass new ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code", "name"),
    [
        ("vallentuna", "0115", "Vallentuna kommun"),
        ("1280", "1280", "Malmö stad"),
        ("Olofström", "1060", "Olofströms kommun"),
        ("olofstrom", "1060", "Olofströms kommun"),
        ("GÖTEBORG", "1480", "Göteborgs Stad"),
        ("Gotland", "0980", "Region Gotland"),
        ("Falun", "2080", "Falu kommun"),
    ],
)
def test_new_takes_the_official_name_short_name_or_code(tmp_path, capsys, typed, code, name):
    path = tmp_path / "e.kompass"
    status, out, err = run(capsys, "new", path, "--framework", "2019", "--municipality", typed)
    assert status == 0, err
    assert f"{name} (kommunkod {code})" in out
    with sqlite3.connect(path) as conn:  # what the file itself stores
        stored = conn.execute("SELECT municipality, municipality_code, unlisted FROM evaluation").fetchone()
    assert stored == (name, code, 0)
    status, out, _ = run(capsys, "summary", path, "--json")
    assert json.loads(out)["municipality"] == {
        "code": code,
        "name": name,
        "short_name": resources.municipalities().by_code(code).short_name,
        "listing": "register",
    }
    status, out, _ = run(capsys, "summary", path)
    assert out.splitlines()[0].startswith(f"{name} – ")


@pytest.mark.parametrize(
    ("typed", "needles"),
    [
        ("Provköping", ("ingen kommun som heter ”Provköping”", "Köpings kommun (1983)", "--unlisted")),
        ("Hȧbo", ("passar flera kommuner", "Håbo kommun (0305)", "Habo kommun (0643)")),
        ("9999", ("ingen kommun med koden 9999",)),
        ("   ", ("Ange en kommun",)),
    ],
)
def test_new_refuses_no_match_or_several_with_suggestions_and_writes_nothing(
    tmp_path, capsys, typed, needles
):
    status, out, err = run(
        capsys, "new", tmp_path / "e.kompass", "--framework", "2019", "--municipality", typed
    )
    assert status == 1 and out == "" and err.count("\n") == 1, err
    assert all(n in err for n in needles), err
    assert list(tmp_path.iterdir()) == []


def test_unlisted_keeps_the_name_as_written_and_is_exclusive(tmp_path, capsys):
    path = tmp_path / "ovning.kompass"
    status, out, err = run(capsys, "new", path, "--framework", "2019", "--unlisted", "Lindsjö  kommun")
    assert status == 0, err
    assert "Lindsjö kommun (ej i kommunregistret: fiktiv eller övning)" in out
    data = json.loads(run(capsys, "summary", path, "--json")[1])["municipality"]
    assert data == {"code": None, "name": "Lindsjö kommun", "short_name": "Lindsjö", "listing": "unlisted"}
    with pytest.raises(SystemExit) as usage:  # one or the other, as argparse says
        main(
            [
                "new",
                str(tmp_path / "b.kompass"),
                "--framework",
                "2019",
                "--municipality",
                "Malmö",
                "--unlisted",
                "X",
            ]
        )
    assert usage.value.code == 2 and not (tmp_path / "b.kompass").exists()


# -- every form of name in the report and its sentences ------------------------------------------

NAMES = [
    # code, display, display genitive, short genitive (running text), chart label
    ("1060", "Olofströms kommun", "Olofströms kommuns", "Olofströms", "Olofström 2025"),
    ("1280", "Malmö stad", "Malmö stads", "Malmös", "Malmö 2025"),
    ("1480", "Göteborgs Stad", "Göteborgs Stads", "Göteborgs", "Göteborg 2025"),
    ("0980", "Region Gotland", "Region Gotlands", "Gotlands", "Gotland 2025"),
    ("2080", "Falu kommun", "Falu kommuns", "Faluns", "Falun 2025"),
    ("", "Lindsjö kommun", "Lindsjö kommuns", "Lindsjös", "Lindsjö 2025"),  # unlisted
]


def report_texts(snap, draft: bool = False) -> tuple[list[str], str, list[str]]:
    """(every heading and paragraph, the document title, every chart's series labels)."""
    content = report_content(make_context(snap, draft=draft, with_national=False))
    texts: list[str] = []
    labels: list[str] = []
    for block in content.walk():
        if isinstance(block, Heading | Para):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts += [p.text for row in (block.header, *block.rows) for cell in row for p in cell]
        elif isinstance(block, Chart):
            texts.append(block.alt)
            labels += [s.label for s in block.data.series]
    return texts, content.info.title, labels


@pytest.mark.parametrize(("code", "display", "display_gen", "short_gen", "chart"), NAMES)
def test_every_sentence_of_the_report_reads_naturally_with_every_form_of_name(
    demo_template, code, display, display_gen, short_gen, chart
):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        snap = s.snapshot()
    info = replace(snap.info, municipality=display, municipality_code=code, unlisted=not code)
    texts, title, labels = report_texts(replace(snap, info=info))
    joined = "\n".join(texts)
    assert title == f"Kommunkompassen — analys av {display}"
    for sentence in (
        f"2 {display} i förhållande till Kommunkompassen: en sammanfattande genomgång",  # chapter 2
        f"Utvärderingen av {display} genomfördes",
        f"Nedan visas {short_gen} totalpoäng",
        f"I nästa diagram illustreras {short_gen} poängprofil",
        f"Poäng per område, {display}",
        f"Nedanstående tabeller visar {display_gen} resultat",  # chapter 4
        f"5 Kortfakta om {display}",  # chapter 5
    ):
        assert sentence in joined, sentence
    assert labels[0] == chart  # the charts' legends: the short name
    for wrong in (" kommun kommun", "stad kommun", "Stad kommun", "Gotland kommun", "Olofström kommun"):
        assert wrong not in joined and wrong not in title


def test_names_follow_the_register_and_the_rules_for_names_outside_it():
    register = resources.municipalities()
    olofstrom = names_for("Olofströms kommun", "1060", False, register)
    assert (olofstrom.display, olofstrom.short, olofstrom.listing) == (
        "Olofströms kommun",
        "Olofström",
        Listing.REGISTER,
    )
    # a file from before the register: the typed name is shown as the register names it
    for typed, shown in (
        ("Olofström", "Olofströms kommun"),
        ("malmo", "Malmö stad"),
        ("Falun", "Falu kommun"),
    ):
        names = names_for(typed, "", False, register)
        assert names.display == shown and names.listing == Listing.FREE_TEXT and names.code == ""
    lindsjo = names_for("Lindsjö", "", False, register)  # not in the register: as before
    assert (lindsjo.display, lindsjo.short, lindsjo.match) == ("Lindsjö kommun", "Lindsjö", None)
    assert short_form("Region Fiktiva") == "Fiktiva" and short_form("Lindsjös kommun") == "Lindsjös"
    assert (
        free_text_display("Norrby stad") == "Norrby stad" and free_text_display("Norrby") == "Norrby kommun"
    )
    unlisted = names_for("Norrby", "", True, register)  # unlisted: exactly as written
    assert (unlisted.display, unlisted.display_genitive, unlisted.short_genitive) == (
        "Norrby",
        "Norrbys",
        "Norrbys",
    )


# -- the service: creating and linking ----------------------------------------------------------


def test_the_file_stores_the_code_and_the_registers_name_and_can_be_linked_later(tmp_path, fw2019):
    path = tmp_path / "e.kompass"
    with EvaluationSession.create(path, NewEvaluation(fw2019, "", 2025, municipality_code="1480")) as s:
        assert (s.info().municipality, s.names().display) == ("Göteborgs Stad", "Göteborgs Stad")
        with pytest.raises(KompassError, match="ingen kommun med koden 0001"):
            s.update_info(municipality_code="0001")
        with pytest.raises(KompassError, match="heter Göteborgs Stad"):
            s.update_info(municipality="Göteborgs kommun")  # the register's name, not a typed one
        with pytest.raises(KompassError, match="samtidigt"):
            s.update_info(unlisted=True)
        s.update_info(municipality="Övningsby", municipality_code="", unlisted=True)
        assert (s.info().municipality, s.info().municipality_code, s.info().unlisted) == (
            "Övningsby",
            "",
            True,
        )
        s.update_info(municipality_code="1060", unlisted=False)
        assert s.info().municipality == "Olofströms kommun" and s.names().listing == Listing.REGISTER


def test_a_file_from_before_the_register_keeps_working(tmp_path, capsys):
    old = tmp_path / "old.kompass"
    shutil.copy(FIXTURE_V1, old)
    before = old.read_bytes()
    # read-only commands read it (through an upgraded private copy) and leave it as it was
    status, out, err = run(capsys, "summary", old, "--json")
    assert status == 0, err
    assert json.loads(out)["municipality"] == {
        "code": None,
        "name": "Olofströms kommun",  # the typed "Olofström" as the register names it
        "short_name": "Olofström",
        "listing": "free_text",
        "written": "Olofström",
        "register_match": "1060",
    }
    assert run(capsys, "report", old, "-o", tmp_path / "r.pdf", "--draft")[0] == 0
    assert old.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "old.kompass",
        "r.pdf",
    ]
    # opened for writing it is upgraded after a backup, and can then be linked to the register
    with EvaluationSession.open(old) as s:
        assert [b.reason for b in backup.list_backups(old)] == ["before-migration"]
        assert s.info().municipality == "Olofström" and s.info().municipality_code == ""
        assert any(i.kind == "municipality_not_in_register" for i in s.open_items())
        assert str(s.summary().total) == "10"
        s.update_info(municipality_code="1060", unlisted=False)
        assert not any(i.kind == "municipality_not_in_register" for i in s.open_items())
        assert s.validate() == []
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT municipality, municipality_code FROM evaluation").fetchone() == (
            "Olofströms kommun",
            "1060",
        )


def test_a_damaged_code_is_named_and_the_file_refused(tmp_path, capsys, fw2019):
    path = tmp_path / "e.kompass"
    EvaluationSession.create(path, NewEvaluation(fw2019, "", 2025, municipality_code="1060")).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA ignore_check_constraints = 1")
        conn.execute("UPDATE evaluation SET municipality_code = '10x'")
    status, _out, err = run(capsys, "summary", path)
    assert status == 1 and "kommunkoden ”10x” är inte fyra siffror" in err


# -- exports, imports, merges and aggregate ----------------------------------------------------


def test_exports_carry_the_code_and_old_exports_without_it_import_and_merge(real_template, tmp_path, capsys):
    kkx = tmp_path / "e.kkx"
    assert run(capsys, "export", real_template, "-o", kkx, "--include-personal-data")[0] == 0
    doc, manifest = parts(kkx)
    evaluation = doc["records"]["evaluation"][0]
    assert manifest["municipality_code"] == evaluation["municipality_code"] == "1060"
    assert evaluation["unlisted"] is False and manifest["municipality"] == "Olofströms kommun"
    # the same export as the previous version wrote it: format 2, no code, no flag
    for key in ("municipality_code", "unlisted"):
        del evaluation[key]
    del manifest["municipality_code"]
    doc["format_version"] = manifest["format_version"] = 2
    old = tmp_path / "old.kkx"
    old.write_bytes(rebuild(doc, manifest))
    status, _out, err = run(capsys, "import", old, "-o", tmp_path / "imported.kompass")
    assert status == 0, err
    with EvaluationSession.open(tmp_path / "imported.kompass", readonly=True) as s:
        assert (s.info().municipality_code, s.info().unlisted) == ("", False)
        assert s.names().display == "Olofströms kommun"
    lead = tmp_path / "lead.kompass"  # a file of this version (with the code) and the old export
    shutil.copy(real_template, lead)
    status, out, err = run(capsys, "merge", lead, old)
    assert status == 0 and "Inget att slå samman" in out, out + err
    with EvaluationSession.open(lead, readonly=True) as s:
        assert s.info().municipality_code == "1060"
    # a record version without the fields says the same as one with their defaults (merging)
    without = {k: v for k, v in json_to_row("evaluation", evaluation).items()}
    assert (without["municipality_code"], without["unlisted"]) == ("", 0)
    assert content(evaluation, "evaluation") == content(without, "evaluation")
    assert content({**without, "unlisted": True}, "evaluation") != content(without, "evaluation")
