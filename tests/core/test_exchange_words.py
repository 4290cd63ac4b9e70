"""The exchange commands speak Swedish: a table, a record of a conflict and its fields are named
in the evaluator's words, never by the file's internal (English) names."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest
from test_exchange_support import demo_export, parts, rebuild

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.domain.model import TextScope
from kompass_desktop.exchange import labels
from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.importer import import_export
from kompass_desktop.exchange.records import TABLES
from kompass_desktop.services import EvaluationSession, NewEvaluation
from kompass_desktop.storage import exchange_io as xio

#: Each exchanged table (and the history) as the user reads it in a message.
SWEDISH = {
    "evaluation": "utvärderingar",
    "interviews": "intervjuer",
    "documents": "dokument",
    "web_sources": "webbkällor",
    "notes": "anteckningar",
    "findings": "iakttagelser",
    "finding_notes": "kopplingar",
    "scores": "överenskomna poäng",
    "independent_scores": "egna poäng",
    "texts": "texter",
    "earlier_evaluations": "tidigare utvärderingar",
    "history": "historikposter",
}
BOOKKEEPING = {"id", "author", "created", "modified", "rev"}


def internal_names(text: str) -> list[str]:
    """The internal table names ``text`` shows as words, apart from JSON paths ("$.records.notes[0]")
    and member files ("evaluation.json"), which name places in the file."""
    words = re.sub(r"\$[\w.\[\]]*|\b[\w-]+\.json\b", " ", text)
    return [t for t in (*TABLES, "history") if re.search(rf"\b{t}\b", words)]


def test_the_check_sees_an_internal_name():
    assert internal_names("antalet poster stämmer inte (web_sources, notes)") == ["web_sources", "notes"]
    assert internal_names("$.records.notes[0].subarea: evaluation.json: delfrågan saknas") == []


@pytest.fixture
def full(demo_template, tmp_path_factory):
    return demo_export(demo_template, tmp_path_factory, personal=True)


def refusal(capsys, tmp_path, data: bytes) -> str:
    source = tmp_path / "in.kkx"
    source.write_bytes(data)
    assert main(["import", str(source), "-o", str(tmp_path / "new.kompass")]) == 1
    assert not (tmp_path / "new.kompass").exists()
    return capsys.readouterr().err


@pytest.mark.parametrize("table", [*TABLES, "history"])
def test_a_count_the_manifest_gets_wrong_names_the_table_in_swedish(full, tmp_path, capsys, table):
    doc, manifest = parts(full)
    manifest["counts"][table] += 1
    err = refusal(capsys, tmp_path, rebuild(doc, manifest, fix_counts=False))
    assert err == (
        "kompass import: in.kkx: manifestet stämmer inte med innehållet: $.counts: antalet poster "
        f"stämmer inte ({SWEDISH[table]}).\n"
    )
    assert internal_names(err) == []


def test_several_wrong_counts_are_named_in_the_order_of_the_export(full, tmp_path, capsys):
    doc, manifest = parts(full)
    for table in ("history", "scores", "notes"):
        manifest["counts"][table] += 2
    err = refusal(capsys, tmp_path, rebuild(doc, manifest, fix_counts=False))
    assert err.endswith("antalet poster stämmer inte (anteckningar, överenskomna poäng, historikposter).\n")


def test_a_table_the_import_did_not_write_as_exported_is_named_in_swedish(full, tmp_path, monkeypatch):
    real = xio.all_records

    def short_of_a_finding(f, table):  # the new file as if one finding had not been written
        rows = real(f, table)
        return rows[:-1] if table == "findings" else rows

    monkeypatch.setattr(xio, "all_records", short_of_a_finding)
    with pytest.raises(Exception) as refused:
        import_export(full, tmp_path / "new.kompass")
    assert str(refused.value) == (
        "Importen kunde inte verifieras (iakttagelser skiljer sig); new.kompass skapades inte."
    )
    assert not (tmp_path / "new.kompass").exists()


# -- a conflict's record and fields -----------------------------------------------------------


@pytest.mark.parametrize(
    ("scope", "ref", "label"),
    [
        (TextScope.SUBAREA, "1.1", "Text för delfråga 1.1"),
        (TextScope.AREA, "3", "Text för område 3"),
        (TextScope.AREA_INTRO, "3", "Texten ”Allmänt” för område 3"),
        (TextScope.SUMMARY_OVERALL, "", "Texten ”Sammanfattande kommentarer”"),
        (TextScope.SUMMARY_STRONGER, "", "Texten ”Starkare områden”"),
        (TextScope.SUMMARY_WEAKER, "", "Texten ”Svagare områden”"),
        (TextScope.COMPARISONS, "", "Texten ”Jämförelser”"),
    ],
)
def test_every_kind_of_text_is_named_in_swedish(scope, ref, label):
    assert labels.record_label("texts", {"scope": scope.value, "ref": ref, "body": "x"}) == label


def test_every_field_of_every_exported_table_has_a_swedish_name(full):
    doc, _ = parts(full)
    unnamed = sorted(
        {
            (table, name)
            for table in TABLES
            for record in doc["records"][table]
            for name in record
            if name not in BOOKKEEPING and labels.field_label(table, name) == name
        }
    )
    assert unnamed == []
    assert {t for t in TABLES if doc["records"][t]} == set(TABLES)  # the demo has every kind of record


def test_every_record_of_the_demo_is_named_without_internal_words(full):
    doc, _ = parts(full)
    for table in TABLES:
        for record in doc["records"][table]:
            label = labels.record_label(table, record)
            internal = {table, str(record.get("scope")), str(record.get("grp"))} - {"None"}
            assert not [w for w in internal if re.search(rf"\b{w}\b", label)], (table, label)


@pytest.fixture
def pair(tmp_path):
    lead, bea = tmp_path / "lead.kompass", tmp_path / "bea.kompass"
    with EvaluationSession.create(
        lead, NewEvaluation(resources.framework("2019"), "Delby", 2025), author="Lead"
    ) as s:
        s.consensus.score("1.1", 10)
        note = s.notes.add("Grund", "1.1").id
        s.scores.set_text(TextScope.AREA_INTRO, "2", "Allmänt om område 2")
    shutil.copy(lead, bea)
    return lead, bea, note


def test_the_cli_names_a_conflicts_record_and_fields_in_swedish(pair, capsys):
    lead, bea, note = pair
    with EvaluationSession.open(lead, author="Lead") as s:
        s.consensus.agree("1.1", Decimal("12.5"), "Leads skäl")
        s.notes.delete(note)
        s.scores.set_text(TextScope.AREA_INTRO, "2", "Leads inledning")
    with EvaluationSession.open(bea, author="Bea") as s:
        s.consensus.agree("1.1", 10)
        s.notes.update(note, body="Beas anteckning")
        s.scores.set_text(TextScope.AREA_INTRO, "2", "Beas inledning")
    with EvaluationSession.open(lead, readonly=True) as s:
        ids = {
            "score": s.file.rows("scores", "subarea = '1.1'")[0]["id"],
            "text": s.file.rows("texts", "scope = 'area_intro'")[0]["id"],
        }
    assert main(["merge", str(lead), str(bea), "--dry-run"]) == 0
    out = capsys.readouterr().out
    keep = "    → huvudfilens värde skulle behållas; det andra sparas i historiken.\n"
    assert out == (
        f"Konflikt: Anteckning ”Grund” [id {note}]\n"
        "    Text: huvudfilen ”Grund” / bea.kompass ”Beas anteckning”\n"
        "    Borttagen: huvudfilen ”ja” / bea.kompass ”nej”\n"
        f"{keep}"
        f"Konflikt: Överenskommen poäng för delfråga 1.1 [id {ids['score']}]\n"
        "    Poäng: huvudfilen ”12,5” / bea.kompass ”10”\n"
        "    Skäl: huvudfilen ”Leads skäl” / bea.kompass ”–”\n"
        f"{keep}"
        f"Konflikt: Texten ”Allmänt” för område 2 [id {ids['text']}]\n"
        "    Text: huvudfilen ”Leads inledning” / bea.kompass ”Beas inledning”\n"
        f"{keep}"
        "Provkörning (inget skrevs): 0 nya poster, 0 uppdaterade, 3 konflikter, 2 oförändrade.\n"
    )
    assert internal_names(out) == []


@pytest.mark.parametrize(
    ("table", "name", "value", "shown"),
    [
        ("findings", "kind", "strength", "Styrkor"),  # the list it is in
        ("findings", "kind", "improvement", "Förbättringsmöjligheter"),
        ("notes", "kind", "strength", "strength"),  # only a finding's kind is one of its kinds
        ("evaluation", "facts", [["Yta", "120 km²"], ["Invånare", 13000]], "Yta: 120 km², Invånare: 13000"),
        ("interviews", "roles", ["Kommundirektör", "Ekonomichef"], "Kommundirektör, Ekonomichef"),
        ("scores", "points", "12.5", "12,5"),
        ("evaluation", "unlisted", 1, "ja"),
        ("notes", "subarea", None, "–"),
        ("evaluation", "inhabitants", 13000, "13000"),
    ],
)
def test_a_conflicting_value_is_shown_in_the_evaluators_words(table, name, value, shown):
    assert labels.field_value(table, name, value) == shown


def test_a_manifest_that_names_another_municipality_code_is_refused(tmp_path, capsys):
    source = tmp_path / "ale.kompass"
    EvaluationSession.create(
        source, NewEvaluation(resources.framework("2019"), "", 2024, municipality_code="1440")
    ).close()
    export_evaluation(source, tmp_path / "ale.kkx", personal_data=False)
    doc, manifest = parts(tmp_path / "ale.kkx")
    manifest["municipality_code"] = "1441"
    err = refusal(capsys, tmp_path, rebuild(doc, manifest))
    assert err == (
        "kompass import: in.kkx: manifestet stämmer inte med innehållet: $.municipality_code: ”1441” men "
        "innehållet säger ”1440”.\n"
    )


#: What `kompass CMD --help` shows for the exchange commands (100 columns): every argument named
#: in Swedish, every option explained where it needs it.
HELP = {
    "export": (
        "användning: kompass export [-h] -o UT.kkx [--include-personal-data] [--seal PUBLIK_NYCKEL] FIL\n"
        "\n"
        "argument:\n"
        "  FIL                   utvärderingsfilen (.kompass)\n"
        "\n"
        "flaggor:\n"
        "  -h, --help            visa den här hjälpen och avsluta\n"
        "  -o UT.kkx, --output UT.kkx\n"
        "  --include-personal-data\n"
        "                        ta med intervjupersonernas namn, intervjuanteckningar och historiken\n"
        "                        (behövs för att slå samman)\n"
        "  --seal PUBLIK_NYCKEL  försegla för SKR med en .pub-fil från kompass keygen\n"
    ),
    "import": (
        "användning: kompass import [-h] -o NY.kompass FIL\n"
        "\n"
        "argument:\n"
        "  FIL                   exportfilen (.kkx)\n"
        "\n"
        "flaggor:\n"
        "  -h, --help            visa den här hjälpen och avsluta\n"
        "  -o NY.kompass, --output NY.kompass\n"
    ),
    "keygen": (
        "användning: kompass keygen [-h] -o NAMN\n"
        "\n"
        "flaggor:\n"
        "  -h, --help            visa den här hjälpen och avsluta\n"
        "  -o NAMN, --output NAMN\n"
        "                        skriver NAMN.pub och NAMN.key\n"
    ),
    "unseal": (
        "användning: kompass unseal [-h] --key NAMN.key -o UT.kkx FIL\n"
        "\n"
        "argument:\n"
        "  FIL                   den förseglade exporten\n"
        "\n"
        "flaggor:\n"
        "  -h, --help            visa den här hjälpen och avsluta\n"
        "  --key NAMN.key\n"
        "  -o UT.kkx, --output UT.kkx\n"
    ),
    "merge": (
        "användning: kompass merge [-h] [--prefer {lead,other}] [--dry-run] HUVUDFIL KOPIA\n"
        "\n"
        "argument:\n"
        "  HUVUDFIL              huvudfilen (.kompass) som tar emot ändringarna\n"
        "  KOPIA                 medbedömarens .kompass eller .kkx med personuppgifter\n"
        "\n"
        "flaggor:\n"
        "  -h, --help            visa den här hjälpen och avsluta\n"
        "  --prefer {lead,other}\n"
        "                        vems värde som vinner vid konflikt\n"
        "  --dry-run             visa vad som skulle hända utan att skriva\n"
    ),
    "aggregate": (
        "användning: kompass aggregate [-h] -o national-average.json [--key NAMN.key]\n"
        "                              FIL_ELLER_MAPP [FIL_ELLER_MAPP ...]\n"
        "\n"
        "argument:\n"
        "  FIL_ELLER_MAPP\n"
        "\n"
        "flaggor:\n"
        "  -h, --help            visa den här hjälpen och avsluta\n"
        "  -o national-average.json, --output national-average.json\n"
        "  --key NAMN.key        privat nyckel för att läsa förseglade exporter\n"
    ),
}


@pytest.mark.parametrize("command", list(HELP))
def test_the_help_of_each_exchange_command_is_in_swedish(command, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out == HELP[command]
