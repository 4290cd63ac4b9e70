"""The register of Sweden's 290 municipalities and looking one up (issue 15 §1, data only)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from kompass_desktop import resources
from kompass_desktop.domain.errors import KompassError
from kompass_desktop.domain.municipalities import (
    AmbiguousMunicipality,
    Listing,
    MunicipalityNotFound,
    fold,
    genitive,
    names_for,
    parse_register,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "resources" / "reference" / "municipalities.json"

# Facts (SCB's division since 2003): municipalities per county
PER_COUNTY = {
    "01": ("Stockholms län", 26), "03": ("Uppsala län", 8), "04": ("Södermanlands län", 9),
    "05": ("Östergötlands län", 13), "06": ("Jönköpings län", 13), "07": ("Kronobergs län", 8),
    "08": ("Kalmar län", 12), "09": ("Gotlands län", 1), "10": ("Blekinge län", 5),
    "12": ("Skåne län", 33), "13": ("Hallands län", 6), "14": ("Västra Götalands län", 49),
    "17": ("Värmlands län", 16), "18": ("Örebro län", 12), "19": ("Västmanlands län", 10),
    "20": ("Dalarnas län", 15), "21": ("Gävleborgs län", 10), "22": ("Västernorrlands län", 7),
    "23": ("Jämtlands län", 8), "24": ("Västerbottens län", 15), "25": ("Norrbottens län", 14),
}  # fmt: skip

# Facts checked on the municipalities' own websites and in SCB's code list
KNOWN = {
    "0114": ("Upplands Väsby kommun", "Upplands Väsby", "01"),
    "0115": ("Vallentuna kommun", "Vallentuna", "01"),
    "0136": ("Haninge kommun", "Haninge", "01"),
    "0180": ("Stockholms stad", "Stockholm", "01"),
    "0183": ("Sundbybergs stad", "Sundbyberg", "01"),
    "0184": ("Solna stad", "Solna", "01"),
    "0186": ("Lidingö stad", "Lidingö", "01"),
    "0187": ("Vaxholms stad", "Vaxholm", "01"),
    "0330": ("Knivsta kommun", "Knivsta", "03"),
    "0580": ("Linköpings kommun", "Linköping", "05"),
    "0880": ("Kalmar kommun", "Kalmar", "08"),
    "0980": ("Region Gotland", "Gotland", "09"),
    "1060": ("Olofströms kommun", "Olofström", "10"),
    "1280": ("Malmö stad", "Malmö", "12"),
    "1282": ("Landskrona stad", "Landskrona", "12"),
    "1283": ("Helsingborgs stad", "Helsingborg", "12"),
    "1421": ("Orust kommun", "Orust", "14"),
    "1480": ("Göteborgs Stad", "Göteborg", "14"),
    "1481": ("Mölndals stad", "Mölndal", "14"),
    "1488": ("Trollhättans Stad", "Trollhättan", "14"),
    "1490": ("Borås Stad", "Borås", "14"),
    "1980": ("Västerås stad", "Västerås", "19"),
    "2080": ("Falu kommun", "Falun", "20"),
    "2380": ("Östersunds kommun", "Östersund", "23"),
    "2583": ("Haparanda stad", "Haparanda", "25"),
    "2584": ("Kiruna kommun", "Kiruna", "25"),
}


@pytest.fixture(scope="module")
def register():
    return resources.municipalities()


def test_all_290_municipalities_with_unique_codes_in_their_counties(register):
    assert len(register) == 290
    codes = [m.code for m in register]
    assert len(set(codes)) == 290 and all(len(c) == 4 and c.isdigit() for c in codes)
    assert all(m.code[:2] == m.county_code for m in register)
    counted = Counter((m.county_code, m.county) for m in register)
    assert counted == {(code, name): n for code, (name, n) in PER_COUNTY.items()}
    assert len({m.name for m in register}) == 290 and len({m.short_name for m in register}) == 290


def test_sample_entries_are_the_known_facts(register):
    for code, (name, short, county) in KNOWN.items():
        m = register.by_code(code)
        assert m is not None, code
        assert (m.name, m.short_name, m.county_code) == (name, short, county)
    # 14 municipalities call themselves "stad" (two of them "Stad"), one is "Region Gotland"
    stad = sorted(m.short_name for m in register if m.name.endswith((" stad", " Stad")))
    assert len(stad) == 14
    assert sorted(m.name for m in register if m.name.endswith(" Stad")) == [
        "Borås Stad",
        "Göteborgs Stad",
        "Trollhättans Stad",
    ]
    others = [m.name for m in register if not m.name.endswith((" stad", " Stad"))]
    assert [n for n in others if not n.endswith(" kommun")] == ["Region Gotland"]
    assert register.by_code("1280").legal_name == "Malmö kommun"
    assert register.by_code("0980").legal_name == "Gotlands kommun"
    assert register.by_code("1060").legal_name == ""


def test_the_file_records_its_source_and_date_and_follows_its_schema():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert "SCB" in data["source"] and data["retrieved"].count("-") == 2
    assert resources.schema_errors(data, "municipalities.schema.json") == []
    assert set(data["name_sources"]) == {
        m["code"] for m in data["municipalities"] if not m["name"].endswith(" kommun")
    }


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("vallentuna", "0115"),
        ("1280", "1280"),
        ("Olofström", "1060"),
        ("olofstrom", "1060"),
        ("  OLOFSTRÖMS   KOMMUN ", "1060"),
        ("Olofström kommun", "1060"),  # what the app used to make of it
        ("Kalmars kommun", "0880"),
        ("Malmö stad", "1280"),
        ("Malmö kommun", "1280"),
        ("malmo", "1280"),
        ("Göteborgs stad", "1480"),
        ("Region Gotland", "0980"),
        ("Gotland", "0980"),
        ("Gotlands kommun", "0980"),
        ("Falun", "2080"),
        ("upplands bro", "0139"),
        ("Upplands-Väsby", "0114"),
        ("114", "0114"),  # a leading zero lost in a spreadsheet
        ("Habo", "0643"),
        ("Håbo", "0305"),
        ("habo", "0643"),
    ],
)
def test_lookup(register, query, code):
    assert register.find(query).code == code


def test_every_name_and_code_finds_its_own_municipality(register):
    for m in register:
        keys = [m.code, m.name, m.short_name, m.name.upper(), fold(m.short_name)]
        keys += [m.legal_name] if m.legal_name else []
        for key in keys:
            if key == fold(m.short_name) and len({x.code for x in register if fold(x.short_name) == key}) > 1:
                continue  # "habo": several without diacritics; exact spellings are tested above
            assert register.find(key) == m, key


def test_names_that_differ_only_in_diacritics_are_refused_when_typed_without_them(register):
    collisions = Counter(fold(m.short_name) for m in register)
    assert [k for k, n in collisions.items() if n > 1] == ["habo"]
    with pytest.raises(AmbiguousMunicipality) as err:
        register.find("Hȧbo")
    assert {m.code for m in err.value.suggestions} == {"0305", "0643"}
    assert "Håbo kommun (0305)" in str(err.value) and "Habo kommun (0643)" in str(err.value)


def test_unknown_names_and_codes_are_refused_with_suggestions(register):
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Olofstrm")
    assert err.value.suggestions[0].code == "1060"
    assert str(err.value) == (
        "Det finns ingen kommun som heter ”Olofstrm”. Menade du Olofströms kommun (1060)?"
    )
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Stokholm")
    assert err.value.suggestions[0].code == "0180"
    with pytest.raises(MunicipalityNotFound) as err:
        register.find("Xyzzyqq")
    assert err.value.suggestions == () and "Menade du" not in str(err.value)
    with pytest.raises(MunicipalityNotFound, match=r"^Det finns ingen kommun med koden 9999\.$"):
        register.find("9999")
    with pytest.raises(
        MunicipalityNotFound, match=r"^Ange en kommun: namn eller kommunkod \(t\.ex\. 1060\)\.$"
    ):
        register.find("   ")
    assert not isinstance(err.value, AmbiguousMunicipality)


def test_genitive():
    assert genitive("Malmö stad") == "Malmö stads"
    assert genitive("Region Gotland") == "Region Gotlands"
    assert genitive("Olofströms kommun") == "Olofströms kommuns"
    assert genitive("Göteborgs Stad") == "Göteborgs Stads"
    assert genitive("Borås") == "Borås"
    assert genitive("Kalix") == "Kalix"
    assert genitive("Malmö") == "Malmös"


def test_genitive_of_every_registered_name_reads_naturally(register):
    assert register.by_code("1280").genitive == "Malmö stads"
    assert register.by_code("0980").genitive == "Region Gotlands"
    assert all(m.genitive == m.name + "s" for m in register)  # every official name ends in a consonant


def test_a_register_that_contradicts_itself_is_refused():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    wrong_county = json.loads(json.dumps(data))
    wrong_county["municipalities"][0]["county_code"] = "03"
    with pytest.raises(KompassError) as refused:
        parse_register(wrong_county)
    assert str(refused.value) == "Kommunregistret: kommunkod 0114 hör inte till län 03."
    other_county = json.loads(json.dumps(data))
    other_county["municipalities"][0]["county"] = "Skåne län"
    with pytest.raises(KompassError) as refused:
        parse_register(other_county)
    assert str(refused.value) == "Kommunregistret: länet för 0114 (Skåne län) stämmer inte."
    twice = json.loads(json.dumps(data))
    twice["municipalities"].append(dict(twice["municipalities"][0]))
    with pytest.raises(KompassError) as refused:
        parse_register(twice)
    assert str(refused.value) == "Kommunregistret har två kommuner med samma kod."


def test_a_damaged_register_file_is_named(tmp_path, monkeypatch):
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", copy)
    path = copy / "reference" / "municipalities.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["municipalities"][5]["code"] = "12345"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("KOMPASS_RESOURCES", str(copy))
    resources.municipalities.cache_clear()
    try:
        with pytest.raises(KompassError) as err:
            resources.municipalities()
        assert str(path) in str(err.value) and "följer inte schemat" in str(err.value)
        path.write_text("{", encoding="utf-8")
        resources.municipalities.cache_clear()
        with pytest.raises(KompassError, match="ogiltig JSON"):
            resources.municipalities()
    finally:
        resources.municipalities.cache_clear()


def test_a_filtered_list_is_in_swedish_order_with_å_ä_ö_after_z(register):
    shown = [m.short_name for m in register.search("h", limit=100)]
    starting = [name for name in shown if name.startswith("H")]
    assert starting[-11:] == [
        "Hylte",
        "Håbo",
        "Hällefors",
        "Härjedalen",
        "Härnösand",
        "Härryda",
        "Hässleholm",
        "Höganäs",
        "Högsby",
        "Hörby",
        "Höör",
    ]
    assert shown[-4:] == ["Älmhult", "Ängelholm", "Ödeshög", "Östhammar"]  # containing "h"


def test_the_names_of_an_evaluation_from_what_its_file_stores(register):
    typed = names_for(" Olofström ", "", False, register)  # a file from before the register
    assert (typed.display, typed.short, typed.listing, typed.typed) == (
        "Olofströms kommun",
        "Olofström",
        Listing.FREE_TEXT,
        "Olofström",
    )
    assert typed.match is not None and typed.match.code == "1060"
    unknown = names_for("Lindsjö", "", False, register)
    assert (unknown.display, unknown.short_genitive, unknown.typed, unknown.match) == (
        "Lindsjö kommun",
        "Lindsjös",
        "Lindsjö",
        None,
    )
    # a name of two words is not shortened unless it ends in kommun/stad
    assert names_for("Lilla Lindsjö", "", True, register).short == "Lilla Lindsjö"
    # a code the register no longer has: the stored name, shortened
    gone = names_for("Provby kommun", "9999", False, register)
    assert (gone.display, gone.short, gone.code, gone.listing) == (
        "Provby kommun",
        "Provby",
        "9999",
        Listing.REGISTER,
    )


def test_a_name_as_lists_show_it_is_found_by_its_code(register):
    assert register.find("Olofströms kommun (1060)").code == "1060"
    assert register.find("Lindsjö kommun (1060)").code == "1060"  # the code wins


def test_an_unlisted_name_keeps_every_word_of_its_short_form():
    """An exercise or a municipality outside the register: listed as unlisted, and its short
    form drops only "kommun" (a name of several words keeps them all)."""
    names = names_for("Upplands  Väsby kommun", "", True, None)
    assert (names.display, names.short, names.listing) == (
        "Upplands Väsby kommun",
        "Upplands Väsby",
        Listing.UNLISTED,
    )
