"""Import refuses every broken, unsafe or manipulated archive — naming the problem, writing nothing."""

from __future__ import annotations

import copy
import io
import json
import random
import struct
import uuid
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_exchange_support import demo_export, leftovers, members, parts, rebuild, zip_bytes

from kompass_desktop.cli import main
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.exchange import archive
from kompass_desktop.exchange.errors import RejectedArchive
from kompass_desktop.exchange.package import read_export_bytes
from kompass_desktop.exchange.records import FORMAT_VERSION
from kompass_desktop.storage.db import keyed_id


@pytest.fixture
def kkx(demo_template, tmp_path_factory):
    return demo_export(demo_template, tmp_path_factory, personal=False)


@pytest.fixture
def full(demo_template, tmp_path_factory):
    return demo_export(demo_template, tmp_path_factory, personal=True)


#: Parts of refusals that several tests meet (after the archive's label).
DAMAGED = "är avkortad eller skadad (zip-arkivet är ofullständigt)."
CHECKSUM = "kontrollsumman för evaluation.json stämmer inte (filen har ändrats eller är skadad)."
SCHEMA = "evaluation.json följer inte schemat"
INCONSISTENT = "evaluation.json är inte konsekvent"


def refused(text: str) -> str:
    """The line `kompass import` writes to stderr when it refuses the archive (``text`` names it)."""
    return f"kompass import: {text}\n"


def import_bytes(capsys, tmp_path: Path, data: bytes) -> str:
    """Run `kompass import` on ``data``: it must fail with exit 1 and leave nothing behind."""
    source = tmp_path / "in.kkx"
    source.write_bytes(data)
    code = main(["import", str(source), "-o", str(tmp_path / "new.kompass")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert leftovers(tmp_path, {"in.kkx"}) == []
    return err


def test_valid_archive_is_accepted(kkx, tmp_path, capsys):
    assert main(["import", str(kkx), "-o", str(tmp_path / "ok.kompass")]) == 0
    assert leftovers(tmp_path, set()) == ["ok.kompass"]  # no temporary files, -wal, -shm or lock


# -- the container -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing", "Exportfilen {path} finns inte."),
        ("folder", "{path} är en mapp, inte en fil."),
        ("too big", "in.kkx är för stor (3 MB; högst 1 MB) och läses inte."),
    ],
)
def test_an_export_file_that_cannot_be_read_is_named(tmp_path, capsys, monkeypatch, case, expected):
    path = tmp_path / "in.kkx"
    if case == "folder":
        path.mkdir()
    elif case == "too big":
        monkeypatch.setattr(archive, "MAX_ARCHIVE_BYTES", 1024 * 1024)
        with path.open("wb") as f:
            f.truncate(3 * 1024 * 1024 + 1000)
    code = main(["import", str(path), "-o", str(tmp_path / "new.kompass")])
    assert (code, capsys.readouterr().err) == (1, "kompass import: " + expected.format(path=path) + "\n")
    assert not (tmp_path / "new.kompass").exists()


NOT_A_ZIP = refused("in.kkx är inte en exportfil från Kompass Desktop (inte ett zip-arkiv).")


def test_not_a_zip(tmp_path, capsys):
    assert import_bytes(capsys, tmp_path, b"name;points\n1.1;5\n") == NOT_A_ZIP


def test_empty_file(tmp_path, capsys):
    assert import_bytes(capsys, tmp_path, b"") == NOT_A_ZIP


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_truncated_zip(kkx, tmp_path, capsys, fraction):
    data = kkx.read_bytes()
    err = import_bytes(capsys, tmp_path, data[: int(len(data) * fraction)])
    assert err == refused(f"in.kkx {DAMAGED}")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil.json", "sökväg med .. (pekar utanför arkivet)"),
        ("docs/../../evil.json", "sökväg med .. (pekar utanför arkivet)"),
        ("/etc/passwd", "absolut sökväg"),
        ("C:/Windows/evil.dll", "sökväg med enhetsbokstav"),
        ("C:evil.json", "sökväg med enhetsbokstav"),
        ("..\\evil.json", "omvänt snedstreck i namnet"),
        ("folder/", "en mapp eller ett tomt namn"),
    ],
)
def test_unsafe_member_names(kkx, tmp_path, capsys, name, why):
    good = zipfile.ZipFile(kkx)
    items = [(i.filename, good.read(i)) for i in good.infolist()] + [(name, b"x")]
    err = import_bytes(capsys, tmp_path, zip_bytes(items))
    assert err == refused(f"in.kkx: otillåtet filnamn ”{name}” i arkivet ({why}).")


def test_too_many_members(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    items = [(i.filename, good.read(i)) for i in good.infolist()]
    items += [(f"extra{i}.txt", b"x") for i in range(archive.MAX_MEMBERS)]
    expected = f"in.kkx: arkivet har för många filer ({len(items)}; högst {archive.MAX_MEMBERS})."
    assert import_bytes(capsys, tmp_path, zip_bytes(items)) == refused(expected)


def test_too_large_member(kkx, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 10_000)
    err = import_bytes(capsys, tmp_path, kkx.read_bytes())
    size = len(members(kkx)["evaluation.json"])
    assert err == refused(f"in.kkx: evaluation.json är för stor ({size} byte; högst 10000).")


def test_zip_bomb(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    bomb = zip_bytes({"manifest.json": good.read("manifest.json"), "evaluation.json": b"\0" * 20_000_000})
    assert len(bomb) < 100_000
    err = import_bytes(capsys, tmp_path, bomb)
    compressed = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("evaluation.json").compress_size
    assert err == refused(
        f"in.kkx: evaluation.json har en misstänkt hög komprimeringsgrad (20000000 byte ur {compressed}; "
        "möjlig zip-bomb)."
    )


def test_a_member_that_claims_no_compressed_bytes_is_refused(kkx, tmp_path, capsys):
    """A forged directory entry: content without compressed bytes (a zip bomb's trick, no crash)."""
    good = zipfile.ZipFile(kkx)
    data = bytearray(
        zip_bytes({"manifest.json": good.read("manifest.json"), "evaluation.json": b"x" * 100_000})
    )
    entry = data.rindex(b"PK\x01\x02")  # the last central directory entry: evaluation.json
    data[entry + 20 : entry + 24] = bytes(4)  # its compressed size
    err = import_bytes(capsys, tmp_path, bytes(data))
    assert err == (
        "kompass import: in.kkx: evaluation.json har en misstänkt hög komprimeringsgrad (100000 byte ur 0; "
        "möjlig zip-bomb).\n"
    )


def test_too_much_content_in_total(kkx, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 1000)  # each member alone is within its limit
    err = import_bytes(capsys, tmp_path, kkx.read_bytes())
    assert err == "kompass import: in.kkx: arkivets innehåll är för stort (mer än 1000 byte).\n"


def test_encrypted_member(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    data = bytearray(zip_bytes({i.filename: good.read(i) for i in good.infolist()}))
    at = data.find(b"PK\x01\x02")  # every entry of the central directory says "encrypted"
    while at >= 0:
        data[at + 8] |= 0x1
        at = data.find(b"PK\x01\x02", at + 4)
    expected = refused("in.kkx: manifest.json är krypterad i zip-arkivet.")
    assert import_bytes(capsys, tmp_path, bytes(data)) == expected


def test_duplicate_member(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    items = [(i.filename, good.read(i)) for i in good.infolist()]
    with pytest.warns(UserWarning):  # zipfile itself warns about the duplicate name
        data = zip_bytes([*items, items[-1]])
    expected = refused(f"in.kkx: filen {items[-1][0]} förekommer två gånger i arkivet.")
    assert import_bytes(capsys, tmp_path, data) == expected


def test_missing_manifest(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    err = import_bytes(capsys, tmp_path, zip_bytes({"evaluation.json": good.read("evaluation.json")}))
    assert err == refused("in.kkx: manifest.json saknas i arkivet (inte en komplett export).")


def test_an_archive_without_its_evaluation(kkx, tmp_path, capsys):
    """A manifest that lists another file but not evaluation.json."""
    doc, manifest = parts(kkx)
    good = members(rebuild(doc, manifest))
    listed = json.loads(good["manifest.json"])
    listed["members"] = {"data.json": listed["members"]["evaluation.json"]}
    data = zip_bytes({"manifest.json": json.dumps(listed).encode(), "data.json": good["evaluation.json"]})
    expected = "kompass import: in.kkx: evaluation.json saknas i arkivet.\n"
    assert import_bytes(capsys, tmp_path, data) == expected


def test_unlisted_member(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    items = {i.filename: good.read(i) for i in good.infolist()} | {"notes.txt": b"hej"}
    expected = refused("in.kkx: oväntad fil ”notes.txt” i arkivet (finns inte i manifestet).")
    assert import_bytes(capsys, tmp_path, zip_bytes(items)) == expected


def test_checksum_mismatch(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    content = good.read("evaluation.json").replace(b"Lindsj\xc3\xb6", b"Lindsj\xc3\xa4", 1)
    data = zip_bytes({"manifest.json": good.read("manifest.json"), "evaluation.json": content})
    assert import_bytes(capsys, tmp_path, data) == refused(f"in.kkx: {CHECKSUM}")


def test_newer_format_version(kkx, tmp_path, capsys):
    doc, manifest = parts(kkx)
    current = manifest["format_version"]  # what this version writes is what it reads
    newer = FORMAT_VERSION + 1
    manifest["format_version"] = newer
    newer_than_this = (
        "skapad med en nyare version av Kompass Desktop (exportformat {}, denna version läser {})."
    )
    expected = f"in.kkx: manifest.json: {newer_than_this.format(newer, current)} Uppdatera programmet."
    assert import_bytes(capsys, tmp_path, rebuild(doc, manifest)) == refused(expected)
    doc["format_version"] = newer + 1
    manifest["format_version"] = 1
    expected = f"in.kkx: evaluation.json: {newer_than_this.format(newer + 1, current)} Uppdatera programmet."
    assert import_bytes(capsys, tmp_path, rebuild(doc, manifest)) == refused(expected)


def test_unknown_framework_id(kkx, tmp_path, capsys):
    doc, manifest = parts(kkx)
    doc["framework"]["id"] = doc["framework"]["data"]["id"] = "2031"
    doc["records"]["evaluation"][0]["framework_id"] = manifest["framework_id"] = "2031"
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest))
    assert err == (
        "kompass import: in.kkx: $.framework.id: okänd version av Kommunkompassen ”2031” (denna version "
        "känner till 2010, 2016, 2019).\n"
    )


def test_invalid_manifest_json(kkx, tmp_path, capsys):
    good = zipfile.ZipFile(kkx)
    data = zip_bytes({"manifest.json": b"{not json", "evaluation.json": good.read("evaluation.json")})
    # the detail after the position is Python's json module's own (English) words
    expected = (
        "in.kkx: manifest.json: ogiltig JSON på rad 1, kolumn 2: Expecting property name enclosed in double "
        "quotes."
    )
    assert import_bytes(capsys, tmp_path, data) == refused(expected)


def test_foreign_zip(tmp_path, capsys):
    data = zip_bytes({"manifest.json": b'{"format": "something-else"}', "x.txt": b"x"})
    expected = "in.kkx: manifest.json: inte en export från Kompass Desktop (format ”kompass-export” saknas)."
    assert import_bytes(capsys, tmp_path, data) == refused(expected)


def test_json_with_duplicate_keys_or_nan(kkx, tmp_path, capsys):
    doc, manifest = parts(kkx)
    text = json.dumps(doc).replace(
        '"personal_data": false', '"personal_data": false, "personal_data": true', 1
    )
    err = import_bytes(capsys, tmp_path, _with_content(text.encode(), manifest))
    assert err == refused(
        "in.kkx: evaluation.json: ogiltig JSON: nyckeln ”personal_data” förekommer två gånger."
    )
    doc["records"]["findings"][0]["position"] = float("nan")
    err = import_bytes(capsys, tmp_path, _with_content(json.dumps(doc).encode(), manifest))
    assert err == refused("in.kkx: evaluation.json: ogiltig JSON: NaN är inget giltigt JSON-tal.")


def _with_content(content: bytes, manifest: dict) -> bytes:
    import hashlib

    manifest = copy.deepcopy(manifest)
    manifest["members"]["evaluation.json"] = {
        "sha256": hashlib.sha256(content).hexdigest(),
        "size": len(content),
    }
    return zip_bytes({"manifest.json": json.dumps(manifest).encode(), "evaluation.json": content})


# -- changed fields in evaluation.json (checksums recomputed, so only the content checks stand) ----


def _first(doc, table, **where):
    return next(r for r in doc["records"][table] if all(r.get(k) == v for k, v in where.items()))


OTHER_ID = str(uuid.UUID(int=7))  # an id no record of the demo has


def _second_document_takes_the_first_ones_id(d):
    """Its notes follow it, so that the duplicate id is the only fault."""
    documents = d["records"]["documents"]
    for note in d["records"]["notes"]:
        if note["document_id"] == documents[1]["id"]:
            note["document_id"] = documents[0]["id"]
    documents[1]["id"] = documents[0]["id"]


#: A change of evaluation.json -> what the refusal says after "in.kkx: " (a function of the
#: changed document and the manifest where it names an id of this run's demo).
MUTATIONS = {
    "points as a float": (
        lambda d: d["records"]["scores"][0].update(points=12.5),
        f"{SCHEMA}: $.records.scores[0].points: 12.5 är inget tillåtet värde här.",
    ),
    "points too precise": (
        lambda d: d["records"]["scores"][0].update(points="1.255"),
        f"{SCHEMA}: $.records.scores[0].points: ”1.255” är inget tillåtet värde här.",
    ),
    "points above max": (
        lambda d: d["records"]["scores"][0].update(points="99"),
        f"{INCONSISTENT}: $.records.scores[0].points: Delfråga 1.3: 99 är över maxpoängen 30.",
    ),
    "missing field": (
        lambda d: d["records"]["notes"][0].pop("rev"),
        f"{SCHEMA}: $.records.notes[0]: fältet ”rev” saknas.",
    ),
    "unknown field": (
        lambda d: d["records"]["notes"][0].update(mood="glad"),
        f"{SCHEMA}: $.records.notes[0]: okänt fält ”mood”.",
    ),
    "deleted not boolean": (
        lambda d: d["records"]["texts"][0].update(deleted=0),
        f"{SCHEMA}: $.records.texts[0].deleted: ska vara sant eller falskt, inte 0.",
    ),
    "bad uuid": (
        lambda d: d["records"]["documents"][0].update(id="x"),
        f"{SCHEMA}: $.records.documents[0].id: ”x” har fel form.",
    ),
    "bad date": (
        lambda d: d["records"]["interviews"][0].update(date="14/10/2025"),
        f"{SCHEMA}: $.records.interviews[0].date: ”14/10/2025” har fel form.",
    ),
    "empty interview group": (
        lambda d: d["records"]["interviews"][0].update(grp=""),
        f"{SCHEMA}: $.records.interviews[0].grp: får inte vara tom.",
    ),
    "dangling reference": (
        lambda d: d["records"]["notes"][0].update(document_id=OTHER_ID, source_kind="document"),
        f"{INCONSISTENT}: $.records.notes[0].document_id: posten {OTHER_ID} finns inte i exporten.",
    ),
    "duplicate id": (
        _second_document_takes_the_first_ones_id,
        lambda d, _manifest: (
            f"{INCONSISTENT}: $.records.documents[1].id: id {d['records']['documents'][0]['id']} förekommer "
            "redan ($.records.documents[0])."
        ),
    ),
    "score id not keyed": (
        lambda d: d["records"]["scores"][0].update(id=OTHER_ID),
        f"{INCONSISTENT}: $.records.scores[0].id: fel id för poängen till 1.3.",
    ),
    "unknown sub-area": (
        lambda d: d["records"]["notes"][0].update(subarea="9.9"),
        f"{INCONSISTENT}: $.records.notes[0].subarea: delfrågan 9.9 finns inte i Kommunkompassen 2019/2020.",
    ),
    "weakness in 2019": (
        lambda d: d["records"]["findings"][0].update(kind="weakness"),
        f"{INCONSISTENT}: $.records.findings[0].kind: ”weakness” används inte i Kommunkompassen 2019/2020.",
    ),
    "names without personal data": (
        lambda d: d["records"]["interviews"][0].update(names=["Anna"]),
        f"{INCONSISTENT}: $.records.interviews[0].names: namn finns med fast filen säger att personuppgifter "
        "saknas.",
    ),
    "framework maxima changed": (
        lambda d: d["framework"]["data"]["areas"][0]["subareas"][0].update(max="99"),
        "$.framework.data: område 1: delfrågornas maxpoäng summerar till 179, inte 100.",
    ),
    "evaluation id changed": (
        lambda d: d.update(evaluation_id=OTHER_ID),
        lambda _d, manifest: (
            f"manifestet stämmer inte med innehållet: $.file_id: ”{manifest['file_id']}” men innehållet "
            f"säger ”{OTHER_ID}”."
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_changed_fields_are_rejected_with_their_path(kkx, tmp_path, capsys, name):
    mutate, expected = MUTATIONS[name]
    doc, manifest = parts(kkx)
    mutate(doc)
    if callable(expected):
        expected = expected(doc, manifest)
    assert import_bytes(capsys, tmp_path, rebuild(doc, manifest)) == refused(f"in.kkx: {expected}")


def test_two_evaluation_records_are_rejected(kkx, tmp_path, capsys):
    doc, manifest = parts(kkx)
    doc["records"]["evaluation"].append(copy.deepcopy(doc["records"]["evaluation"][0]))
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest))
    assert err == refused(f"in.kkx: {SCHEMA}: $.records.evaluation: har för många poster (2; högst 1).")


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["records"]["evaluation"][0].update(framework_id="2016"),
            "evaluation.json är inte konsekvent: $.records.evaluation[0].framework_id: ”2016” ≠ ”2019”.",
        ),
        (
            lambda d: d["records"]["findings"][0].update(area=9),
            "evaluation.json är inte konsekvent: $.records.findings[0].area: område 9 finns inte.",
        ),
        (
            lambda d: d["records"]["findings"][0].update(kind="weakness"),
            "evaluation.json är inte konsekvent: $.records.findings[0].kind: ”weakness” används inte i "
            "Kommunkompassen 2019/2020.",
        ),
        (
            lambda d: d["framework"]["data"].update(id="2016"),
            "evaluation.json är inte konsekvent: $.framework.data.id: ”2016” stämmer inte med $.framework.id "
            "”2019”.",
        ),
        (
            lambda d: d["history"][0].update(record_id=str(uuid.UUID(int=7))),
            "evaluation.json är inte konsekvent: $.history[0].record_id: posten finns inte bland exportens "
            "utvärderingar.",
        ),
    ],
)
def test_inconsistent_content_is_named_in_full(full, tmp_path, capsys, mutate, expected):
    doc, manifest = parts(full)
    mutate(doc)
    assert import_bytes(capsys, tmp_path, rebuild(doc, manifest)) == f"kompass import: in.kkx: {expected}\n"


def test_every_problem_of_the_evaluators_own_scores_is_named(full, tmp_path, capsys):
    """One score of an unknown sub-area does not hide a later one given twice."""
    doc, manifest = parts(full)
    own = doc["records"]["independent_scores"]
    own[0]["subarea"] = "9.9"
    twice = dict(own[2], id=str(uuid.UUID(int=1)))
    own.append(twice)
    last = f"$.records.independent_scores[{len(own) - 1}]"
    who = f"{twice['subarea']} av {twice['evaluator']}"
    assert import_bytes(capsys, tmp_path, rebuild(doc, manifest)) == refused(
        f"in.kkx: {INCONSISTENT}: $.records.independent_scores[0].subarea: delfrågan 9.9 finns inte i "
        f"Kommunkompassen 2019/2020; {last}: två poäng för {who}; {last}.id: fel id för poängen till {who}."
    )


def test_a_member_whose_size_is_not_the_one_the_archive_gives_is_refused(kkx, tmp_path, capsys):
    data = bytearray(zip_bytes(members(kkx)))
    entry = data.rindex(b"PK\x01\x02")  # the last central directory entry: evaluation.json
    (size,) = struct.unpack("<I", data[entry + 24 : entry + 28])
    data[entry + 24 : entry + 28] = struct.pack("<I", size + 5)  # its size when unpacked
    expected = refused("in.kkx: evaluation.json har fel storlek i arkivet.")
    assert import_bytes(capsys, tmp_path, bytes(data)) == expected


def test_a_table_missing_after_format_1_is_named(kkx, tmp_path, capsys):
    """Format 1 had no independent scores; a later format without them is incomplete."""
    doc, manifest = parts(kkx)
    doc["records"].pop("independent_scores")
    manifest["counts"].pop("independent_scores")
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest, fix_counts=False))
    assert err == "kompass import: in.kkx: $.records: egna poäng saknas.\n"


def test_interview_notes_or_history_in_an_export_without_personal_data(kkx, full, tmp_path, capsys):
    doc, manifest = parts(kkx)
    full_doc, _ = parts(full)
    note = next(n for n in full_doc["records"]["notes"] if n["source_kind"] == "interview")
    doc["records"]["notes"].append(note)  # its interview is in the export (without names)
    doc["history"] = [h for h in full_doc["history"] if h["record_id"] == note["id"]]
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest))
    where = len(doc["records"]["notes"]) - 1
    assert err == refused(
        f"in.kkx: {INCONSISTENT}: $.records.notes[{where}]: intervjuanteckning finns med fast filen säger "
        "att personuppgifter saknas; $.history: historik finns med fast filen säger att personuppgifter "
        "saknas."
    )


def test_every_score_is_checked_after_one_of_an_unknown_sub_area(kkx, tmp_path, capsys):
    doc, manifest = parts(kkx)
    scores = doc["records"]["scores"]
    scores[0]["subarea"] = "9.9"
    scores[1]["points"] = "99"
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest))
    assert err == refused(
        f"in.kkx: {INCONSISTENT}: $.records.scores[0].subarea: delfrågan 9.9 finns inte i Kommunkompassen "
        "2019/2020; $.records.scores[1].points: Delfråga 2.4: 99 är över maxpoängen 25."
    )


def test_a_version_whose_parent_is_no_version_id_is_rejected(full, tmp_path, capsys):
    doc, manifest = parts(full)
    doc["history"][0]["parent_rev"] = "inte ett id"  # neither a version's id nor null
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest))
    assert err == refused(
        f"in.kkx: {SCHEMA}: $.history[0].parent_rev: ”inte ett id” är inget tillåtet värde här."
    )


def test_counts_must_match_the_manifest(kkx, tmp_path, capsys):
    doc, manifest = parts(kkx)
    doc["records"]["web_sources"].pop()
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest, fix_counts=False))
    assert err == (
        "kompass import: in.kkx: manifestet stämmer inte med innehållet: $.counts: antalet poster "
        "stämmer inte (webbkällor).\n"
    )


def test_keyed_ids_are_checked_for_texts(kkx, tmp_path, capsys):
    doc, manifest = parts(kkx)
    text = doc["records"]["texts"][0]
    text["ref"] = "8.4" if text["ref"] != "8.4" else "8.3"
    err = import_bytes(capsys, tmp_path, rebuild(doc, manifest))
    where = f"{INCONSISTENT}: $.records.texts[0].id"
    assert err == refused(
        f"in.kkx: {where}: id stämmer inte med postens nyckel (text:{text['scope']}:{text['ref']})."
    )
    assert keyed_id(doc["evaluation_id"], f"text:{text['scope']}:{text['ref']}") != text["id"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_flipped_bytes_are_rejected_or_harmless(kkx, seed):
    """A flipped byte anywhere in the archive: rejected with a message, or (zip metadata such as
    a timestamp) accepted with exactly the original content — never a crash, never other data."""
    data = bytearray(kkx.read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 3)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    try:
        parsed = read_export_bytes(bytes(data), "x.kkx")
    except RejectedArchive as err:
        assert str(err).startswith("x.kkx")
    else:
        doc, _ = parts(kkx)
        assert parsed.document == doc


def test_flipped_bytes_in_the_content_break_the_checksum(kkx):
    good = zipfile.ZipFile(kkx)
    content = bytearray(good.read("evaluation.json"))
    rng = random.Random(7)
    for _ in range(20):
        changed = bytearray(content)
        changed[rng.randrange(len(changed))] ^= 0x20
        data = zip_bytes({"manifest.json": good.read("manifest.json"), "evaluation.json": bytes(changed)})
        with pytest.raises(RejectedArchive) as refusal:
            read_export_bytes(data, "x.kkx")
        assert str(refusal.value) == f"x.kkx: {CHECKSUM}"


def test_rejections_are_kompass_errors(tmp_path):
    path = tmp_path / "x.kkx"
    path.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(KompassError) as refusal:
        from kompass_desktop.exchange.package import read_export_file

        read_export_file(path)
    assert str(refusal.value) == f"x.kkx {DAMAGED}"
