"""Everything read is validated, whatever its container: a .kompass given to merge or aggregate is
checked exactly like an export, and every remaining crash on hostile input is one clear line."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from test_exchange_support import demo_export, parts, rebuild

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.services import EvaluationSession, NewEvaluation

FW = resources.framework("2019")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_clear_line(code: int, err: str) -> None:
    assert code == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err and "oväntat" not in err, err


def tamper(path: Path, sql: str, params: tuple = ()) -> None:
    """Change a file behind the app's back (as a broken tool or an attacker would)."""
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


# -- merge: a .kompass from a co-evaluator is checked like an export --------------------------------

DAMAGE = {
    "negative score": ("UPDATE independent_scores SET points = '-7' WHERE subarea = '1.1'", "points"),
    "score that is no number": (
        "UPDATE independent_scores SET points = 'abc' WHERE subarea = '1.1'",
        "points",
    ),
    "score above the maximum": (
        "UPDATE independent_scores SET points = '999' WHERE subarea = '1.1'",
        "points",
    ),
    "note on sub-area 9.9": ("UPDATE notes SET subarea = '9.9' WHERE rowid = 1", "9.9"),
    "finding in area 12": ("UPDATE findings SET area = 12 WHERE rowid = 1", "område 12"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_merge_checks_a_kompass_file_like_an_export(demo_copy, tmp_path, capsys, damage):
    sql, where = DAMAGE[damage]
    other = tmp_path / "medbedömare.kompass"
    shutil.copy(demo_copy, other)
    with EvaluationSession.open(other) as s:  # a real change, so the damage would be merged
        s.scores.set("1.1", 2)
        s.notes.add("ny anteckning", "1.2")
    tamper(other, sql)
    before = digest(demo_copy)
    code, _, err = run(capsys, "merge", demo_copy, other)
    one_clear_line(code, err)
    assert "medbedömare.kompass" in err and where in err
    assert digest(demo_copy) == before
    with EvaluationSession.open(demo_copy, readonly=True) as lead:
        assert lead.validate() == []


def test_merge_of_a_valid_kompass_file_still_works(demo_copy, tmp_path, capsys):
    other = tmp_path / "other.kompass"
    shutil.copy(demo_copy, other)
    with EvaluationSession.open(other) as s:
        s.scores.set("1.1", 2)
    code, _out, err = run(capsys, "merge", demo_copy, other)
    assert code == 0, err
    with EvaluationSession.open(demo_copy, readonly=True) as lead:
        assert lead.consensus.view().get("1.1").points["Testare"] == 2  # beside Karin's and Johan's


# -- aggregate: .kompass inputs range-checked, the newest copy counts ---------------------------------


def complete(path: Path, fraction: Decimal, year: int = 2024) -> Path:
    with EvaluationSession.create(path, NewEvaluation(FW, path.stem.capitalize(), year)) as s:
        s.scores.set_many(
            {sub.number: (sub.max * fraction).quantize(Decimal("0.01")) for sub in FW.subareas()}
        )
    return path


@pytest.mark.parametrize(
    ("value", "reason"), [("999", "över maxpoängen 20"), ("-5", "points"), ("abc", "points")]
)
def test_aggregate_refuses_impossible_scores_in_kompass_files(tmp_path, capsys, value, reason):
    good = complete(tmp_path / "good.kompass", Decimal("0.5"))
    bad = complete(tmp_path / "bad.kompass", Decimal("0.5"))
    tamper(bad, "UPDATE independent_scores SET points = ? WHERE subarea = '1.1'", (value,))
    out = tmp_path / "avg.json"
    code, _stdout, err = run(capsys, "aggregate", good, bad, "-o", out)
    assert code == 0, err
    assert "bad.kompass" in err and reason in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["frameworks"]["2019"]["total"] == {"n": 1, "mean": 400, "min": 400, "max": 400}
    assert any("bad.kompass" in s for s in data["skipped"])


def test_aggregate_counts_the_newest_copy_of_an_evaluation(tmp_path, capsys):
    new = complete(tmp_path / "ny.kompass", Decimal("0.5"))
    old = tmp_path / "gammal.kompass"
    shutil.copy(new, old)
    with EvaluationSession.open(new) as s:  # a later revision of the same evaluation
        s.scores.set("1.1", 0)
    first = FW.subarea("1.1").max * Decimal("0.5")
    out = tmp_path / "avg.json"
    code, _stdout, err = run(capsys, "aggregate", old, new, "-o", out)  # the old one given first
    assert code == 0, err
    total = json.loads(out.read_text(encoding="utf-8"))["frameworks"]["2019"]["total"]
    assert total["n"] == 1 and Decimal(str(total["mean"])) == 400 - first
    assert "gammal.kompass" in err and "äldre" in err and "ny.kompass" in err


# -- every remaining crash becomes one clear line ----------------------------------------------------


def test_a_csv_field_over_128_kb(session, tmp_path, capsys):
    path = session.path
    session.close()
    csv = tmp_path / "p.csv"
    csv.write_text('1.1;"' + "x" * 200_000 + '"\n', encoding="utf-8")
    code, _, err = run(capsys, "import-scores", path, csv)
    one_clear_line(code, err)
    assert "rad 1" in err and "kB" in err


@pytest.mark.parametrize(
    ("field", "value"),
    [("inhabitants", 1e30), ("employees", 10**30), ("year", 10**20), ("evaluation_number", -(10**30))],
)
def test_huge_numbers_in_an_export_are_refused(
    demo_template, tmp_path_factory, tmp_path, capsys, field, value
):
    kkx = demo_export(demo_template, tmp_path_factory, personal=False)
    doc, manifest = parts(kkx)
    doc["records"]["evaluation"][0][field] = value
    if field == "year":
        manifest["year"] = value
    source = tmp_path / "in.kkx"
    source.write_bytes(rebuild(doc, manifest))
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "new.kompass")
    one_clear_line(code, err)
    assert field in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.kkx"]


def test_every_integer_of_the_export_schema_has_bounds():
    """The class: an integer without a maximum reaches SQLite (64 bits) and crashes the import."""
    schema = resources.load_schema("evaluation-export.schema.json")
    unbounded = []

    def walk(node, where):
        if isinstance(node, dict):
            types = node.get("type")
            if "integer" in (types if isinstance(types, list) else [types]) and not (
                "maximum" in node and node["maximum"] <= 2**53 and node.get("minimum", -1) >= -(2**53)
            ):
                unbounded.append(where)
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(schema, "$")
    assert unbounded == []


NATIONAL = {
    "1e308": '{"n": 3, "mean": 1e308}',
    "NaN": '{"n": 3, "mean": NaN}',
    "Infinity": '{"n": 3, "mean": Infinity}',
    "negative n": '{"n": -3, "mean": 10}',
    "deep nesting": "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("case", sorted(NATIONAL))
def test_a_hostile_national_average_file(demo_copy, tmp_path, capsys, case):
    stat = NATIONAL[case]
    text = (
        '{"format": 1, "kind": "kommunkompassen-national-average", "label": "SKR", "frameworks": '
        '{"2019": {"areas": {"1": ' + stat + '}, "total": {"n": 3, "mean": 400}}}}'
    )
    path = tmp_path / "avg.json"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "r.pdf"
    code, _, err = run(capsys, "report", demo_copy, "-o", out, "--draft", "--national-average", path)
    one_clear_line(code, err)
    assert "avg.json" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("case", "why"),
    [
        ("1e308", "mean: 1e+308 är inget rimligt poängtal"),
        ("NaN", "mean: nan är inget rimligt"),
        ("negative n", "n: ”-3” är inget rimligt antal"),
    ],
)
def test_a_hostile_national_average_stored_in_a_file(demo_copy, tmp_path, capsys, case, why):
    """The same check holds for the copy kept inside an evaluation file (another container):
    validate names the damaged value, the report does not use it, nothing is written."""
    stat = NATIONAL[case]
    text = (
        '{"format": 1, "kind": "kommunkompassen-national-average", "label": "Lagrad", "frameworks": '
        '{"2019": {"label": "Lagrad", "areas": {"1": ' + stat + '}, "total": {"n": 3, "mean": 400}}}}'
    )
    tamper(demo_copy, "INSERT OR REPLACE INTO meta (key, value) VALUES ('national_average', ?)", (text,))
    before = digest(demo_copy)
    code, _, err = run(capsys, "validate", demo_copy)
    assert code == 1 and "national_average" in err and why in err, err
    with EvaluationSession.open(demo_copy, readonly=True) as s:
        assert s.registers.national_average() is None
    code, _, err = run(capsys, "report", demo_copy, "-o", tmp_path / "r.pdf", "--draft")
    assert code == 0, err
    assert digest(demo_copy) == before


@pytest.mark.parametrize(
    "raw",
    [
        bytes(32),
        b"\x01" + bytes(31),
        bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
    ],
    ids=["all zeros", "one", "order 8"],
)
def test_a_low_order_public_key_is_refused(demo_copy, tmp_path, capsys, raw):
    import base64

    pub = tmp_path / "weak.pub"
    pub.write_text(f"kompass-public-key-v1 x25519 0000\n{base64.b64encode(raw).decode()}\n", encoding="ascii")
    out = tmp_path / "x.kkx"
    code, _, err = run(capsys, "export", demo_copy, "-o", out, "--seal", pub)
    one_clear_line(code, err)
    assert "weak.pub" in err and not out.exists()
