"""Every refusal of the exchange package in the very words the user reads, from the outside:
an export that is damaged in one way, an export that cannot be verified, an import that cannot
be verified, a national average that cannot be computed.  Nothing is written in any of them."""

from __future__ import annotations

import copy
import dataclasses
import errno
import json
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
from test_exchange_support import demo_export, leftovers, parts, rebuild, zip_bytes

from kompass_desktop import resources
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.messages import msg
from kompass_desktop.exchange import export as export_mod
from kompass_desktop.exchange import importer
from kompass_desktop.exchange.aggregate import aggregate
from kompass_desktop.exchange.errors import ExchangeError, RejectedArchive
from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.importer import import_export
from kompass_desktop.exchange.records import frozen_framework
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import exchange_io as xio

NOT_CONSISTENT = "in.kkx: evaluation.json är inte konsekvent: "


@pytest.fixture
def kkx(demo_template, tmp_path_factory):
    return demo_export(demo_template, tmp_path_factory, personal=False)


def import_refusal(tmp_path: Path, data: bytes) -> str:
    """Import ``data`` as in.kkx: refused, nothing written beside it; the refusal."""
    source = tmp_path / "in.kkx"
    source.write_bytes(data)
    with pytest.raises(RejectedArchive) as refused:
        import_export(source, tmp_path / "new.kompass")
    assert leftovers(tmp_path, {"in.kkx"}) == []
    return str(refused.value)


def changed(kkx: Path, change: Any) -> bytes:
    """The demo export with ``change`` made to its evaluation.json (checksums and counts fixed)."""
    doc, manifest = parts(kkx)
    doc = copy.deepcopy(doc)
    change(doc)
    return rebuild(doc, manifest)


# -- the container ---------------------------------------------------------------------------


def test_an_export_that_cannot_be_read_from_the_disk_is_named(kkx, tmp_path, monkeypatch):
    source = tmp_path / "in.kkx"
    source.write_bytes(kkx.read_bytes())
    real_read = Path.read_bytes

    def read_bytes(path):  # a USB stick pulled out while it is read
        if path == source:
            raise OSError(errno.EIO, "Input/output error", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(ExchangeError) as refused:
        import_export(source, tmp_path / "new.kompass")
    assert str(refused.value) == (
        f"{source} kan inte läsas: läsfel eller skrivfel på enheten (den kan vara skadad eller urkopplad)."
    )
    assert leftovers(tmp_path, {"in.kkx"}) == []


def test_a_member_with_an_unknown_compression_is_named(kkx, tmp_path):
    doc, manifest = parts(kkx)
    content = json.dumps(doc).encode()
    data = zip_bytes(
        {"manifest.json": json.dumps(manifest).encode(), "evaluation.json": content}, zipfile.ZIP_BZIP2
    )
    assert import_refusal(tmp_path, data) == "in.kkx: manifest.json använder en okänd komprimering."


def test_a_manifest_that_is_not_utf8_is_named(tmp_path):
    manifest = '{"format": "kompass-export", "municipality": "Håbo"}'.encode("latin-1")
    assert (
        import_refusal(tmp_path, zip_bytes({"manifest.json": manifest}))
        == "in.kkx: manifest.json: inte UTF-8."
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_number_json_does_not_have_is_named(tmp_path, constant):
    manifest = f'{{"format": "kompass-export", "format_version": {constant}}}'.encode()
    assert import_refusal(tmp_path, zip_bytes({"manifest.json": manifest})) == (
        f"in.kkx: manifest.json: ogiltig JSON: {constant} är inget giltigt JSON-tal."
    )


def test_a_member_the_manifest_lists_but_the_archive_lacks_is_named(kkx, tmp_path):
    _doc, manifest = parts(kkx)  # lists evaluation.json, which is left out
    data = zip_bytes({"manifest.json": json.dumps(manifest).encode()})
    assert (
        import_refusal(tmp_path, data)
        == "in.kkx: evaluation.json saknas i arkivet fast manifestet listar den."
    )


# -- records that do not fit together ----------------------------------------------------------


def test_an_evaluation_record_of_another_id_is_named(kkx, tmp_path):
    doc, _ = parts(kkx)
    other = "11111111-1111-4111-8111-111111111111"
    data = changed(kkx, lambda d: d["records"]["evaluation"][0].update(id=other))
    assert import_refusal(tmp_path, data) == (
        f"{NOT_CONSISTENT}$.records.evaluation: ska innehålla exakt en post med id {doc['evaluation_id']}."
    )


def _without(table: str, record_id: str) -> Any:
    def change(doc: dict[str, Any]) -> None:
        doc["records"][table] = [r for r in doc["records"][table] if r["id"] != record_id]

    return change


@pytest.mark.parametrize(
    ("table", "field", "what"),
    [("findings", "finding_id", "iakttagelsen"), ("notes", "note_id", "anteckningen")],
)
def test_a_link_to_a_record_the_export_lacks_is_named(kkx, tmp_path, table, field, what):
    doc, _ = parts(kkx)
    link = doc["records"]["finding_notes"][0]
    lacking = _without(table, link[field])
    if table == "notes":  # the note's other links go too, so only this one is named
        others = [i for i, r in enumerate(doc["records"]["finding_notes"]) if r["note_id"] == link["note_id"]]
        assert others == [0]
    assert import_refusal(tmp_path, changed(kkx, lacking)) == (
        f"{NOT_CONSISTENT}$.records.finding_notes[0].{field}: {what} finns inte i exporten."
    )


def test_two_scores_for_one_sub_area_are_named(kkx, tmp_path):
    doc, _ = parts(kkx)
    first = doc["records"]["scores"][0]
    at = len(doc["records"]["scores"])
    data = changed(kkx, lambda d: d["records"]["scores"].append(dict(first)))
    assert import_refusal(tmp_path, data) == (
        f"{NOT_CONSISTENT}$.records.scores[{at}].id: id {first['id']} förekommer redan "
        f"($.records.scores[0]); $.records.scores[{at}].subarea: delfrågan {first['subarea']} "
        "har två poängposter."
    )


def test_a_score_without_its_reason_is_named(kkx, tmp_path):
    data = changed(kkx, lambda d: d["records"]["scores"][0].pop("reason"))
    assert (
        import_refusal(tmp_path, data)
        == f"{NOT_CONSISTENT}$.records.scores[0].reason: saknas (exportformat 3)."
    )


def test_a_framework_copy_that_cannot_be_read_is_named(kkx):
    """The export's schema lets no such copy through; the check behind it still names it."""
    doc, _ = parts(kkx)
    data = copy.deepcopy(doc["framework"]["data"])
    del data["areas"]
    with pytest.raises(KompassError) as refused:
        frozen_framework(data)
    assert str(refused.value) == "$.framework.data: ramverkskopian kan inte läsas (fältet ”areas” saknas)."


# -- an export or import that cannot be verified -------------------------------------------------


def test_an_export_that_reads_back_with_other_content_is_not_kept(session, tmp_path, monkeypatch):
    session.notes.add("Första versionen", "1.1")
    export_evaluation(session.file, tmp_path / "earlier.kkx")
    (note,) = session.notes.all()
    session.notes.update(note.id, body="Andra versionen")
    earlier = (tmp_path / "earlier.kkx").read_bytes()
    monkeypatch.setattr(export_mod, "_read_back", lambda path: earlier)  # the disk gives old bytes
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExchangeError) as refused:
        export_evaluation(session.file, folder / "x.kkx")
    assert str(refused.value) == "Exporten kunde inte verifieras och sparades inte: innehållet skiljer sig."
    assert leftovers(folder, set()) == []


def test_an_export_that_cannot_be_read_back_is_not_kept(session, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    real_read = Path.read_bytes

    def read_bytes(path):  # the disk fails once the export is written
        if path.parent == folder:
            raise OSError(errno.EIO, "Input/output error", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(ExchangeError) as refused:
        export_evaluation(session.file, folder / "x.kkx")
    assert str(refused.value) == (
        f"{folder / 'x.kkx'} kunde inte läsas tillbaka: läsfel eller skrivfel på enheten (den kan vara "
        "skadad eller urkopplad)."
    )
    assert leftovers(folder, set()) == []


def _other_evaluation_id(monkeypatch):
    real = importer.create_evaluation_file

    def created(out, populate):
        f = real(out, populate)
        f.evaluation_id = "another"  # the new file as if it read back another evaluation's id
        return f

    monkeypatch.setattr(importer, "create_evaluation_file", created)


def _other_framework_copy(monkeypatch):
    real = xio.framework_copy
    later = "2000-01-01T00:00:00.000Z"
    monkeypatch.setattr(xio, "framework_copy", lambda f: dataclasses.replace(real(f), frozen_at=later))


def _history_short_of_one(monkeypatch):
    real = xio.all_history
    monkeypatch.setattr(xio, "all_history", lambda f: real(f)[1:])


@pytest.mark.parametrize(
    ("written_wrong", "named"),
    [
        (_other_evaluation_id, "utvärderingens id"),
        (_other_framework_copy, "ramverkskopian"),
        (_history_short_of_one, "historiken"),
    ],
)
def test_an_import_that_does_not_read_back_as_exported_is_not_kept(
    demo_template, tmp_path_factory, tmp_path, monkeypatch, written_wrong, named
):
    full = demo_export(demo_template, tmp_path_factory, personal=True)
    written_wrong(monkeypatch)
    with pytest.raises(ExchangeError) as refused:
        import_export(full, tmp_path / "new.kompass")
    assert (
        str(refused.value)
        == f"Importen kunde inte verifieras ({named} skiljer sig); new.kompass skapades inte."
    )
    assert leftovers(tmp_path, set()) == []


# -- the national average ----------------------------------------------------------------------


def _complete(path: Path) -> Path:
    fw = resources.framework("2019")
    with EvaluationSession.create(path, NewEvaluation(fw, "Ale", 2024)) as s:
        s.update_info(municipality_code="1440", unlisted=False)
        s.scores.set_many({sub.number: (sub.max / 2).quantize(Decimal("0.01")) for sub in fw.subareas()})
    return path


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (
            OSError(errno.EIO, "Input/output error"),
            "läsfel eller skrivfel på enheten (den kan vara skadad eller urkopplad)",
        ),
        (ValueError(msg("poängen ”fyra” är inte ett tal")), "poängen ”fyra” är inte ett tal"),
        (ValueError("invalid literal for int() with base 10: 'x'"), "ett värde är ogiltigt"),
        (InvalidOperation(), "ett tal är ogiltigt"),
    ],
    ids=["disk", "damaged value", "Python's own words", "a number"],
)
def test_an_evaluation_file_that_cannot_be_read_is_skipped_with_the_reason(
    tmp_path, monkeypatch, error, reason
):
    good, bad = _complete(tmp_path / "ale.kompass"), _complete(tmp_path / "bad.kompass")
    real_open = xio.open_for_reading

    def open_for_reading(path, *args, **kwargs):
        if Path(path) == bad:
            raise error
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(xio, "open_for_reading", open_for_reading)
    result = aggregate([good, bad])
    assert result.skipped == [f"{bad}: filen kunde inte läsas ({reason})."]
    assert result.used == [str(good)]


def test_a_result_that_does_not_follow_its_schema_is_not_written(tmp_path, monkeypatch):
    """A bug, never the user's input: the result is checked against the schema before it is used
    (here a schema that wants every average to be an example)."""
    real_load = resources.load_schema

    def stricter(name):
        schema = real_load(name)
        if name != "national-average.schema.json":
            return schema
        return {**schema, "properties": {**schema["properties"], "example": {"const": True}}}

    monkeypatch.setattr(resources, "load_schema", stricter)
    with pytest.raises(ExchangeError) as refused:
        aggregate([_complete(tmp_path / "ale.kompass")])
    assert str(refused.value) == (
        "Resultatet följer inte national-average.schema.json: $.example: ska vara true, inte false."
    )


def test_a_refusal_that_names_the_file_first_is_passed_on_without_the_name(tmp_path):
    good, source = _complete(tmp_path / "ale.kompass"), _complete(tmp_path / "bby.kompass")
    export_evaluation(source, tmp_path / "bby.kkx", personal_data=False)
    doc, manifest = parts(tmp_path / "bby.kkx")
    manifest["counts"]["notes"] += 1
    bad = tmp_path / "bad.kkx"
    bad.write_bytes(rebuild(doc, manifest, fix_counts=False))
    result = aggregate([good, bad])
    assert result.skipped == [
        f"{bad}: manifestet stämmer inte med innehållet: $.counts: antalet poster stämmer inte "
        "(anteckningar)."
    ]
