"""Export and import (.kkx): lossless round trips, privacy by default, verification, the schema."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_exchange_support import demo_export, file_state, leftovers, members, parts, rebuild

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.domain.model import InterviewGroup, SourceKind, TextScope
from kompass_desktop.exchange import export as export_mod
from kompass_desktop.exchange.errors import ExchangeError
from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.importer import import_export
from kompass_desktop.exchange.package import read_export_file
from kompass_desktop.exchange.records import TABLES
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import exchange_io as xio
from kompass_desktop.storage.opening import open_evaluation_file


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


# -- round trips ---------------------------------------------------------------------------------


def test_full_round_trip_of_the_demo_is_lossless(demo_template, tmp_path_factory, tmp_path):
    kkx = demo_export(demo_template, tmp_path_factory, personal=True)
    out = tmp_path / "copy.kompass"
    result = import_export(kkx, out)
    assert result.personal_data and result.counts["history"] > 0
    source, copy = file_state(demo_template), file_state(out)
    assert copy["records"] == source["records"]  # ids, revs, authors, times, deleted flags, values
    assert copy["meta"]["evaluation_id"] == source["meta"]["evaluation_id"]
    with (
        open_evaluation_file(demo_template, readonly=True) as a,
        open_evaluation_file(out, readonly=True) as b,
    ):
        assert xio.framework_copy(a) == xio.framework_copy(b)
        old, new = xio.all_history(a), xio.all_history(b)
        assert new[: len(old)] == old  # the exported versions, in order ...
        assert {h.reason for h in new[len(old) :]} == {"import"}  # ... then one import entry per record


def test_export_of_an_imported_copy_has_the_same_records(demo_template, tmp_path_factory, tmp_path):
    first = demo_export(demo_template, tmp_path_factory, personal=True)
    import_export(first, tmp_path / "copy.kompass")
    export_evaluation(tmp_path / "copy.kompass", tmp_path / "again.kkx", personal_data=True)
    doc1, _ = parts(first)
    doc2, _ = parts(tmp_path / "again.kkx")
    assert doc2["records"] == doc1["records"] and doc2["framework"] == doc1["framework"]


subareas = [s.number for s in resources.framework("2019").subareas()]
texts = st.text(min_size=0, max_size=60)
bodies = st.text(min_size=1, max_size=80).filter(lambda s: s.strip())


@st.composite
def evaluations(draw):
    fw = resources.framework("2019")
    chosen = draw(st.lists(st.sampled_from(subareas), unique=True, max_size=8))
    scores = {n: draw(st.decimals(0, fw.subarea(n).max, places=2)) for n in chosen}
    notes = draw(st.lists(st.tuples(bodies, st.sampled_from([None, *subareas]), st.booleans()), max_size=6))
    subarea_texts = draw(st.dictionaries(st.sampled_from(subareas), texts, max_size=4))
    names = draw(st.lists(st.text(min_size=1, max_size=20).filter(str.strip), max_size=3))
    deleted = draw(st.sets(st.integers(0, 5), max_size=2))
    return scores, notes, subarea_texts, names, deleted


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=evaluations(), personal=st.booleans())
def test_random_evaluations_round_trip(data, personal):
    scores, notes, subarea_texts, names, deleted = data
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / "src.kompass"
        with EvaluationSession.create(src, NewEvaluation(resources.framework("2019"), "Slumpby", 2025)) as s:
            iv = s.registers.add_interview(
                group=InterviewGroup.FACK.value, names=names, roles=["Ordförande"], participants=2
            )
            s.scores.set_many(scores)
            ids = []
            for body, sub, from_interview in notes:
                kind = {"source_kind": SourceKind.INTERVIEW, "interview_id": iv.id} if from_interview else {}
                ids.append(s.notes.add(body, sub, **kind).id)
            for i in deleted:
                if i < len(ids):
                    s.notes.delete(ids[i])
            for number, body in subarea_texts.items():
                s.scores.set_text(TextScope.SUBAREA, number, body)
        export_evaluation(src, folder / "x.kkx", personal_data=personal)
        import_export(folder / "x.kkx", folder / "dst.kompass")
        before, after = file_state(src)["records"], file_state(folder / "dst.kompass")["records"]
        if not personal:
            before["notes"] = [n for n in before["notes"] if n["source_kind"] != "interview"]
            before["interviews"] = [dict(r, names=[], title="", location="") for r in before["interviews"]]
            assert {r["author"] for t in after.values() for r in t} <= {"utvärderare 1"}
            assert {r["evaluator"] for r in after["independent_scores"]} <= {"utvärderare 1"}
            before = {t: [dict(r, author="") for r in rows] for t, rows in before.items()}
            after = {t: [dict(r, author="") for r in rows] for t, rows in after.items()}
            for rows in (before, after):  # the evaluator's pseudonym, and the id derived from it
                blanked = [dict(r, evaluator="", id="") for r in rows["independent_scores"]]
                rows["independent_scores"] = sorted(blanked, key=lambda r: r["subarea"])
        assert after == before
        with EvaluationSession.open(folder / "dst.kompass", readonly=True) as copy:
            scored = {k: v for k, v in copy.scores.all().items() if v is not None}
            assert scored == {k: v for k, v in scores.items() if v is not None}  # exact decimals
            assert all(isinstance(v, Decimal) for v in scored.values())


# -- privacy -------------------------------------------------------------------------------------


def test_privacy_by_default(demo_template, tmp_path_factory):
    kkx = demo_export(demo_template, tmp_path_factory, personal=False)
    raw = members(kkx)["evaluation.json"].decode("utf-8")
    doc, manifest = json.loads(raw), json.loads(members(kkx)["manifest.json"])
    assert manifest["personal_data"] is False and doc["personal_data"] is False
    state = file_state(demo_template)["records"]
    names = {n for r in state["interviews"] for n in r["names"]}
    assert names and not any(n in raw for n in names)  # no interviewee name anywhere in the file
    interview_notes = [n for n in state["notes"] if n["source_kind"] == "interview"]
    assert interview_notes and not any(n["body"] in raw for n in interview_notes)
    assert all(n["source_kind"] != "interview" for n in doc["records"]["notes"])
    assert "history" not in doc
    exported = doc["records"]["interviews"]
    assert sorted((r["id"], r["grp"], r["roles"], r["participants"]) for r in exported) == sorted(
        (r["id"], r["grp"], r["roles"], r["participants"]) for r in state["interviews"]
    )  # groups, roles and counts are kept
    kept_notes = {n["id"] for n in doc["records"]["notes"]}
    assert all(link["note_id"] in kept_notes for link in doc["records"]["finding_notes"])


@pytest.fixture
def personal_evaluation(tmp_path):
    """Two evaluators (a login name and an e-mail address), documents in home folders, an
    interview whose title and place name the interviewee."""
    path = tmp_path / "p.kompass"
    fw = resources.framework("2019")
    with EvaluationSession.create(path, NewEvaluation(fw, "Personby", 2025), author="anna.andersson") as s:
        s.registers.add_document(title="Plan", path="/home/anna.andersson/Dokument/plan.pdf")
        s.registers.add_document(title="Budget", path="C:\\Users\\bertil.berg\\Mina dokument\\budget.pdf")
        s.registers.add_interview(
            group=InterviewGroup.FACK.value,
            title="Intervju med Cecilia Ceder",
            location="Cecilias kontor, plan 3",
            names=["Cecilia Ceder"],
            roles=["Ordförande"],
        )
        s.notes.add("Dokumentstudie", "1.1")
    with EvaluationSession.open(path, author="bertil.berg@kommun.se") as s:
        s.notes.add("Bertils anteckning", "1.2")
        s.scores.set("1.1", 5)
    return path


PERSONAL = [
    "anna.andersson",
    "bertil.berg",
    "kommun.se",
    "/home/",
    "Users",
    "Mina dokument",
    "Cecilia",
    "Cecilias kontor",
]


def test_no_personal_field_leaves_without_the_flag(personal_evaluation, tmp_path):
    out = tmp_path / "skr.kkx"
    export_evaluation(personal_evaluation, out)
    raw = b"".join(members(out).values()).decode("utf-8")
    assert [p for p in PERSONAL if p in raw] == []
    doc, _ = parts(out)
    records = doc["records"]
    assert sorted(d["path"] for d in records["documents"]) == ["budget.pdf", "plan.pdf"]
    assert [(r["title"], r["location"], r["roles"]) for r in records["interviews"]] == [
        ("", "", ["Ordförande"])
    ]
    by_body = {n["body"]: n["author"] for n in records["notes"]}
    # stable pseudonyms within the export: the same evaluator is the same pseudonym everywhere
    assert by_body == {"Dokumentstudie": "utvärderare 1", "Bertils anteckning": "utvärderare 2"}
    assert records["evaluation"][0]["author"] == "utvärderare 1"
    assert {r["author"] for t in records.values() for r in t} == {"utvärderare 1", "utvärderare 2"}
    copy = tmp_path / "skr.kompass"  # and such an export can still be imported
    import_export(out, copy)
    with EvaluationSession.open(copy, readonly=True) as s:
        assert s.validate() == [] and s.scores.all()["1.1"] == 5


def test_every_personal_field_is_kept_with_the_flag(personal_evaluation, tmp_path):
    out = tmp_path / "full.kkx"
    export_evaluation(personal_evaluation, out, personal_data=True)
    raw = b"".join(members(out).values()).decode("utf-8")
    assert [p for p in PERSONAL if p not in raw] == []
    copy = tmp_path / "copy.kompass"
    import_export(out, copy)
    assert file_state(copy)["records"] == file_state(personal_evaluation)["records"]


def test_a_note_being_typed_never_leaves_the_file(session, tmp_path):
    session.save_draft("note:new", "Halvskriven anteckning om Cecilia")
    for personal in (False, True):
        out = tmp_path / f"export-{personal}.kkx"
        export_evaluation(session.file, out, personal_data=personal)
        raw = b"".join(members(out).values()).decode("utf-8")
        assert "Halvskriven" not in raw and "draft:" not in raw
    assert session.draft("note:new") == "Halvskriven anteckning om Cecilia"  # kept in the file


def test_personal_data_only_when_asked(demo_template, tmp_path_factory):
    kkx = demo_export(demo_template, tmp_path_factory, personal=True)
    doc, manifest = parts(kkx)
    assert manifest["personal_data"] is True
    assert any(r.get("names") for r in doc["records"]["interviews"])
    assert any(n["source_kind"] == "interview" for n in doc["records"]["notes"])


def test_import_without_personal_data_is_marked(demo_template, tmp_path_factory, tmp_path):
    import_export(demo_export(demo_template, tmp_path_factory, personal=False), tmp_path / "skr.kompass")
    state = file_state(tmp_path / "skr.kompass")
    assert state["meta"]["import_personal_data"] == "0"
    assert all(r["names"] == [] for r in state["records"]["interviews"])


def test_an_import_names_its_export_and_keeps_the_evaluations_id(demo_template, tmp_path_factory, tmp_path):
    doc, manifest = parts(demo_export(demo_template, tmp_path_factory, personal=True))
    doc["meta"]["evaluation_id"] = "00000000-0000-4000-8000-000000000000"  # a stray entry in the meta
    source = tmp_path / "from-bea.kkx"
    source.write_bytes(rebuild(doc, manifest))
    import_export(source, tmp_path / "copy.kompass")
    meta = file_state(tmp_path / "copy.kompass")["meta"]
    assert meta["evaluation_id"] == doc["evaluation_id"] == doc["records"]["evaluation"][0]["id"]
    assert meta["imported_from"] == "from-bea.kkx"


# -- manifest, verification, never overwriting ----------------------------------------------------


def test_manifest_describes_the_export(demo_template, tmp_path_factory):
    kkx = demo_export(demo_template, tmp_path_factory, personal=False)
    doc, manifest = parts(kkx)
    info = doc["records"]["evaluation"][0]
    assert manifest["format"] == "kompass-export" and manifest["format_version"] == 3
    assert manifest["file_id"] == doc["evaluation_id"] == info["id"]
    assert (manifest["framework_id"], manifest["municipality"], manifest["evaluation_date"]) == (
        "2019",
        "Lindsjö kommun",
        "2025-10-14",
    )
    assert manifest["municipality_code"] == info["municipality_code"] == "" and info["unlisted"] is True
    assert manifest["app_version"] and manifest["score_encoding"] == "decimal-string"
    assert set(manifest["members"]) == {"evaluation.json"}
    assert manifest["counts"]["notes"] == len(doc["records"]["notes"])
    assert all(isinstance(s["points"], str) for s in doc["records"]["scores"])


@pytest.mark.parametrize(
    ("now", "dated"),
    [
        ("2026-03-04T05:06:08.123Z", (2026, 3, 4, 5, 6, 8)),
        ("1970-06-07T08:09:10.000Z", (1980, 1, 1, 0, 0, 0)),  # a reset clock: zip starts in 1980
    ],
)
def test_the_archive_is_dated_when_the_export_was_made(session, now, dated):
    built = export_mod.build_export(session.file, personal_data=False, clock=lambda: now)
    with zipfile.ZipFile(io.BytesIO(built.data)) as z:
        assert {i.date_time for i in z.infolist()} == {dated}
        assert {i.external_attr >> 16 for i in z.infolist()} == {0o644}  # unpacked: ordinary files
    assert built.manifest["created"] == now


def test_export_is_verified_before_success(session, tmp_path, monkeypatch):
    path = session.path
    session.close()
    real = export_mod._read_back

    def corrupt(p):
        data = bytearray(real(p))
        data[len(data) // 2] ^= 0xFF
        return bytes(data)

    monkeypatch.setattr(export_mod, "_read_back", corrupt)
    with pytest.raises(ExchangeError) as refused:
        export_evaluation(path, tmp_path / "out.kkx")
    # zipfile or zlib names the damage in its own words: which depends on this run's compressed bytes
    assert re.fullmatch(
        r"Exporten kunde inte verifieras och sparades inte: out\.kkx: evaluation\.json är skadad \(.+\)\.",
        str(refused.value),
    )
    assert leftovers(tmp_path, {"test.kompass"}) == []


def test_export_verification_compares_counts_with_the_source(session, tmp_path, monkeypatch):
    session.notes.add("Något", "1.1")
    path = session.path
    session.close()
    original = export_mod.select_for_export

    def lose_a_note(rows, personal):
        kept, left = original(rows, personal)
        kept["notes"] = kept["notes"][:-1]
        return kept, left

    monkeypatch.setattr(export_mod, "select_for_export", lose_a_note)
    with pytest.raises(ExchangeError) as refused:
        export_evaluation(path, tmp_path / "out.kkx")
    assert str(refused.value) == (
        "Exporten kunde inte verifieras och sparades inte: antalet poster skiljer sig från "
        "utvärderingsfilen (anteckningar)."
    )
    assert not (tmp_path / "out.kkx").exists()


def test_export_and_import_never_overwrite(demo_template, tmp_path_factory, tmp_path, capsys):
    kkx = demo_export(demo_template, tmp_path_factory, personal=False)
    target = tmp_path / "exists.kompass"
    target.write_bytes(b"keep me")
    code, _, err = run(capsys, "import", kkx, "-o", target)
    exists = "finns redan; välj ett annat namn (befintliga filer skrivs aldrig över)."
    assert (code, err) == (1, f"kompass import: {target} {exists}\n") and target.read_bytes() == b"keep me"
    existing = tmp_path / "exists.kkx"
    existing.write_bytes(b"keep me too")
    code, _, err = run(capsys, "export", demo_template, "-o", existing)
    assert (code, err) == (1, f"kompass export: {existing} {exists}\n")
    assert existing.read_bytes() == b"keep me too"
    code, _, err = run(capsys, "import", kkx, "-o", tmp_path / "wrong.txt")
    assert (code, err) == (1, "kompass import: wrong.txt: filnamnet ska sluta på .kompass.\n")


def test_cli_export_and_import(demo_template, tmp_path, capsys):
    code, out, _ = run(capsys, "export", demo_template, "-o", tmp_path / "d.kkx")
    counts = (
        "1 utvärdering, 10 intervjuer, 25 dokument, 8 webbkällor, 71 anteckningar, 93 iakttagelser, "
        "66 kopplingar, 5 överenskomna poäng, 72 egna poäng, 39 texter, 1 tidigare utvärdering."
    )
    assert (code, out.splitlines()) == (
        0,
        [
            f"Exporterade Lindsjö kommun (2019) till {tmp_path / 'd.kkx'}: utan personuppgifter "
            "(83 intervjuanteckningar, intervjupersonernas namn och intervjuernas rubriker och platser "
            "utelämnade; utvärderarna som pseudonymer, dokument bara med filnamn).",
            f"Verifierad: {counts}",
        ],
    )
    code, out, _ = run(capsys, "import", tmp_path / "d.kkx", "-o", tmp_path / "d.kompass")
    assert (code, out.splitlines()) == (
        0,
        [
            f"Skapade {tmp_path / 'd.kompass'} från {tmp_path / 'd.kkx'} – Lindsjö kommun (2019). Exporten "
            "saknade personuppgifter; filen kan inte slås samman.",
            f"Importerat: {counts}",
        ],
    )
    code, out, _ = run(capsys, "summary", tmp_path / "d.kompass", "--json")
    assert code == 0 and json.loads(out)["municipality"]["name"] == "Lindsjö kommun"
    code, _, err = run(capsys, "export", tmp_path / "missing.kompass", "-o", tmp_path / "m.kkx")
    assert (code, err) == (1, f"kompass export: Filen {tmp_path / 'missing.kompass'} finns inte.\n")


def test_a_file_without_its_evaluation_record_is_not_exported(session, tmp_path, capsys):
    path = session.path
    session.close()
    conn = sqlite3.connect(path)  # damaged by another program
    with conn:
        conn.execute("DELETE FROM evaluation")
    conn.close()
    code, _, err = run(capsys, "export", path, "-o", tmp_path / "x.kkx")
    assert (code, err) == (
        1,
        "kompass export: test.kompass har ingen giltig utvärderingspost och kan inte exporteras.\n",
    )
    assert not (tmp_path / "x.kkx").exists()


def test_the_exchange_commands_are_described_in_the_help(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # argparse wraps at the terminal's width: one line each here
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    lines = [line.split(maxsplit=1) for line in capsys.readouterr().out.splitlines() if line.strip()]
    helps = {words[0]: words[-1] for words in lines}
    exchange = ("aggregate", "export", "import", "keygen", "merge", "unseal")
    assert {name: helps[name] for name in exchange} == {
        "aggregate": "nationella medelvärden ur exporter och utvärderingsfiler (bara fullständiga räknas)",
        "export": "exportera en utvärdering till en .kkx-fil (för SKR eller en medbedömare)",
        "import": "skapa en ny utvärderingsfil från en .kkx-export",
        "keygen": "skapa ett nyckelpar för förseglade exporter (SKR)",
        "merge": "slå samman en medbedömares kopia med huvudfilen",
        "unseal": "öppna en förseglad export med den privata nyckeln",
    }


def test_export_works_while_the_file_is_open_for_writing(session, tmp_path):
    session.scores.set("1.1", "7,5")
    result = export_evaluation(session.file, tmp_path / "open.kkx")
    assert read_export_file(tmp_path / "open.kkx").scores()["1.1"] == "7.5"
    assert result.counts["independent_scores"] == 1


# -- the published schema ---------------------------------------------------------------------


def test_every_field_of_the_schema_is_described():
    schema = resources.load_schema("evaluation-export.schema.json")
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            for key in ("properties", "$defs", "patternProperties"):
                for name, sub in node.get(key, {}).items():
                    if not isinstance(sub, dict) or not str(sub.get("description", "")).strip():
                        missing.append(f"{path}/{key}/{name}")
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(schema, "#")
    assert missing == []
    record_props = schema["properties"]["records"]["properties"]
    assert set(record_props) == set(TABLES)
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema)


def test_schema_covers_every_stored_column(demo_template):
    schema = resources.load_schema("evaluation-export.schema.json")
    resource_records = schema["properties"]["records"]["properties"]
    with open_evaluation_file(demo_template, readonly=True) as f:
        for table in TABLES:
            columns = set(xio.all_records(f, table)[0]) if xio.all_records(f, table) else None
            if columns:
                assert set(resource_records[table]["items"]["properties"]) == columns, table
