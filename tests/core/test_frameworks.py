"""The instrument files against the published reports (the seeds' section 4)."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal

import pytest
import seedparse

from kompass_desktop import resources
from kompass_desktop.domain.errors import FrameworkError, KompassError
from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.mapping import correspondence


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("seed", sorted(seedparse.SEEDS))
def test_every_subarea_number_title_and_max_matches_the_seed(seed):
    framework_id, areas = seedparse.load_seed(seed)
    fw = resources.framework(framework_id)
    assert [a.number for a in areas] == [a.number for a in fw.areas]
    for seed_area in areas:
        area = fw.area(seed_area.number)
        assert _norm(seed_area.title) in {_norm(t) for t in (area.title, *area.aliases)}, seed_area.title
        assert [s.number for s in seed_area.subs] == [s.number for s in area.subareas]
        for seed_sub in seed_area.subs:
            sub = fw.subarea(seed_sub.number)
            assert sub.max == seed_sub.max, seed_sub.number
            assert _norm(seed_sub.title) in {_norm(t) for t in (sub.title, *sub.aliases)}, seed_sub.title


@pytest.mark.parametrize("framework_id", ["2019", "2016", "2010"])
def test_subarea_maxima_sum_to_100_per_area_and_800_in_total(framework_id):
    fw = resources.framework(framework_id)
    assert len(fw.areas) == 8
    for area in fw.areas:
        assert area.max == 100, area.number
    assert fw.max == 800


@pytest.mark.parametrize("framework_id", ["2019", "2016", "2010"])
def test_every_area_has_standard_text_and_every_subarea_guiding_questions(framework_id):
    fw = resources.framework(framework_id)
    assert len(fw.intro_text) > 500
    for area in fw.areas:
        assert len(area.intro) > 300, area.number
        assert area.short and len(area.short) <= 24
        for sub in area.subareas:
            assert sub.questions and all(q.endswith("?") for q in sub.questions), sub.number


def test_only_the_2010_version_has_weaknesses():
    assert FindingKind.WEAKNESS in resources.framework("2010").finding_kinds
    for fid in ("2016", "2019"):
        assert FindingKind.WEAKNESS not in resources.framework(fid).finding_kinds


def test_title_variants_of_one_version_are_kept_as_aliases():
    fw = resources.framework("2019")
    assert "Strategiskt arbete" in fw.subarea("2.1").aliases  # Nässjö's wording
    assert fw.subarea("2.1").title == "Strategi för hållbar utveckling"  # Vetlanda's wording


def test_framework_ids_and_aliases():
    assert resources.framework("2020").id == "2019"
    assert resources.framework("2.1").id == "2016"
    with pytest.raises(KompassError, match="Okänd version"):
        resources.framework("1999")
    assert [f.id for f in resources.frameworks()] == ["2019", "2016", "2010"]


def _copy_resources(tmp_path, monkeypatch):
    target = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), target)
    monkeypatch.setenv("KOMPASS_RESOURCES", str(target))
    resources.frameworks.cache_clear()
    return target


@pytest.fixture
def private_resources(tmp_path, monkeypatch):
    target = _copy_resources(tmp_path, monkeypatch)
    yield target
    resources.frameworks.cache_clear()
    resources.mappings.cache_clear()


def test_broken_framework_json_names_file_and_line(private_resources):
    path = private_resources / "frameworks" / "2016.json"
    path.write_text(path.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"2016\.json: ogiltig JSON på rad \d+"):
        resources.frameworks()


def test_schema_violation_names_the_json_path(private_resources):
    path = private_resources / "frameworks" / "2019.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["areas"][2]["subareas"][1]["max"] = "thirty"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"2019\.json.*\$\.areas\[2\]\.subareas\[1\]\.max"):
        resources.frameworks()


def test_maxima_that_do_not_sum_to_100_are_refused(private_resources):
    path = private_resources / "frameworks" / "2010.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["areas"][0]["subareas"][0]["max"] = 16
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FrameworkError, match="område 1: delfrågornas maxpoäng summerar till 101"):
        resources.frameworks()


def test_standard_texts_can_be_replaced_by_editing_the_text_file(private_resources):
    path = private_resources / "texts" / "2019.toml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r'\[areas\.3\]\nallmant = """.*?"""',
        '[areas.3]\nallmant = """\nEgen text från SKR om styrning.\n"""',
        text,
        flags=re.S,
    )
    text = text.replace('title = "Vad är Kommunkompassen?"', 'title = "Om Kommunkompassen"')
    path.write_text(text, encoding="utf-8")
    assert resources.framework("2019").area(3).intro == "Egen text från SKR om styrning."
    assert resources.framework("2019").intro_title == "Om Kommunkompassen"


def test_a_sub_area_the_version_lacks_is_named_with_the_version():
    with pytest.raises(KompassError) as refused:
        resources.framework("2016").subarea("3.9")
    assert str(refused.value) == "Delfrågan 3.9 finns inte i Kommunkompassen 2016 (version 2.1)."


def test_a_sub_area_without_heading_or_aliases_uses_its_title(private_resources):
    """Both are optional in a framework file (framework.schema.json)."""
    path = private_resources / "frameworks" / "2019.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    sub = data["areas"][1]["subareas"][0]
    sub["title"] = "Hållbar utveckling"
    del sub["heading"], sub["aliases"]
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = resources.framework("2019").subarea("2.1")
    assert (loaded.title, loaded.heading, loaded.aliases) == ("Hållbar utveckling", "Hållbar utveckling", ())


def test_missing_standard_text_is_a_clear_error(private_resources):
    path = private_resources / "texts" / "2016.toml"
    text = path.read_text(encoding="utf-8").replace("[areas.5]", "[areas.five]")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"2016\.toml: .*\[areas\.5\] med allmant saknas"):
        resources.frameworks()


def test_mapping_renumbered_areas_2016_to_2019():
    corr = correspondence(resources.mappings(), "2016", "2019")
    assert corr is not None
    assert corr.source_area(5).from_area == 2  # Brukarens fokus <- Tillgänglighet och brukarorientering
    assert corr.source_area(2).from_area == 8  # Samhällsutveckling <- Kommunen som samhällsbyggare
    assert corr.source_area(8).comparable is False  # leadership area redefined
    assert all(corr.source_area(n) is not None for n in range(1, 9))


def test_mapping_composes_over_versions_and_keeps_not_comparable():
    corr = correspondence(resources.mappings(), "2010", "2019")
    assert corr is not None
    # 2010 area 7 (Verksamhetsutveckling) -> 2016 area 7 (not comparable) -> 2019 area 6
    assert corr.source_area(6).from_area == 7 and corr.source_area(6).comparable is False
    assert corr.source_area(1).comparable is True
    back = correspondence(resources.mappings(), "2019", "2016")
    assert back is not None and back.source_area(2).from_area == 5


def test_mapping_covers_every_area_of_both_versions():
    fws = {f.id: f for f in resources.frameworks()}
    for m in resources.mappings():
        assert sorted(link.from_area for link in m.links) == [a.number for a in fws[m.from_id].areas]
        assert sorted(link.to_area for link in m.links) == [a.number for a in fws[m.to_id].areas]


def test_frozen_copy_round_trips():
    from kompass_desktop.domain.framework import Framework

    fw = resources.framework("2010")
    again = Framework.from_dict(json.loads(json.dumps(fw.to_dict())))
    assert again == fw
    assert again.subarea("4.2").max == Decimal(10)


def test_a_frozen_copy_keeps_headings_questions_aliases_and_the_percent_column():
    """What a file's framework copy says is what the framework has (a bundled framework is
    read by the same code, so the copy is compared with values written here)."""
    from kompass_desktop.domain.framework import Framework

    data = resources.framework("2016").to_dict()
    data["show_percent"] = True
    sub = data["areas"][0]["subareas"][0]
    sub.update(heading="Egen rubrik", questions=["Fråga ett?", "Fråga två?"], aliases=["1.1a"])
    read = Framework.from_dict(data)
    first = read.areas[0].subareas[0]
    assert read.show_percent is True
    assert (first.heading, first.questions, first.aliases) == (
        "Egen rubrik",
        ("Fråga ett?", "Fråga två?"),
        ("1.1a",),
    )
    assert Framework.from_dict(read.to_dict()) == read


def test_a_framework_without_its_own_intro_title_gets_the_usual_one():
    from kompass_desktop.domain.framework import Framework

    data = resources.framework("2019").to_dict()
    del data["intro_title"], data["show_percent"]
    read = Framework.from_dict(data)
    assert (read.intro_title, read.show_percent) == ("Vad är Kommunkompassen?", False)


def test_every_structural_problem_of_a_framework_is_named():
    from kompass_desktop.domain.framework import Framework, check_framework

    data = resources.framework("2019").to_dict()
    data["areas"][1]["number"] = 3
    data["areas"][0]["subareas"][1]["number"] = "1.5"
    data["areas"][0]["subareas"][2]["max"] = 0
    data["finding_kinds"] = ["strength"]
    assert check_framework(Framework.from_dict(data)) == [
        "områdena ska numreras 1..8 i ordning, inte [1, 3, 3, 4, 5, 6, 7, 8]",
        "område 1: delfrågornas maxpoäng summerar till 70, inte 100",
        "område 1: delfråga 1.5 borde heta 1.2",
        "delfråga 1.3: maxpoäng måste vara större än 0",
        *(f"område 3: delfråga 2.{i} borde heta 3.{i}" for i in range(1, 5)),
        "finding_kinds måste innehålla strength och improvement",
    ]
    assert check_framework(resources.framework("2019")) == []


def test_an_area_the_version_lacks_is_named_with_the_version():
    with pytest.raises(KompassError) as refused:
        resources.framework("2019").area(9)
    assert str(refused.value) == "Område 9 finns inte i Kommunkompassen 2019/2020."


def test_a_composed_mapping_joins_the_notes_of_every_step_in_both_languages():
    corr = correspondence(resources.mappings(), "2010", "2019")
    assert corr is not None
    assert corr.note == (
        "2016 gjordes en revidering; de flesta områden är jämförbara men bedömningen skärptes på vissa "
        "delfrågor. 2019/2020 reviderades och numrerades områdena om; jämförelser kan göras till stor del "
        "men inte fullt ut."
    )
    assert corr.note_en == (
        "The 2016 revision: most areas are comparable, but the assessment became stricter on some sub-areas. "
        "In 2019/2020 the areas were revised and renumbered; they can largely, but not fully, be compared."
    )
    link = corr.source_area(6)
    assert (link.note, link.note_en) == (
        "Verksamhetsutveckling blev Ständiga förbättringar med väsentligt ändrat innehåll. Ständiga "
        "förbättringar motsvaras av Kvalitetsutveckling.",
        "“Verksamhetsutveckling” became “Ständiga förbättringar” with substantially changed content. "
        "“Ständiga förbättringar” corresponds to “Kvalitetsutveckling”.",
    )
