"""The chart data shared by the live charts and the report."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kompass_desktop import resources
from kompass_desktop.domain.comparison import NoteKind, SeriesKind, chart_data
from kompass_desktop.domain.mapping import AreaLink, VersionMapping
from kompass_desktop.domain.model import EarlierEvaluation
from kompass_desktop.domain.reference import NationalAverage, Stat
from kompass_desktop.domain.scoring import summarize

FW = resources.framework("2019")
OLD = resources.framework("2016")


def scores_for(fw):
    return st.fixed_dictionaries(
        {
            s.number: st.one_of(st.none(), st.integers(0, int(s.max) * 4).map(lambda q: Decimal(q) / 4))
            for s in fw.subareas()
        }
    )


mappings = st.lists(st.booleans(), min_size=8, max_size=8).flatmap(
    lambda flags: st.permutations(range(1, 9)).map(
        lambda perm: VersionMapping(
            "2016", "2019", tuple(AreaLink(src, perm[i], flags[i]) for i, src in enumerate(range(1, 9)))
        )
    )
)


@settings(max_examples=60)
@given(
    scores_for(FW), st.dictionaries(st.integers(1, 8), st.integers(0, 100), min_size=8, max_size=8), mappings
)
def test_series_follow_scores_and_mapping(scores, old_scores, mapping):
    summary = summarize(FW, scores)
    earlier = EarlierEvaluation(
        id="e", year=2018, framework_id="2016", area_scores={k: Decimal(v) for k, v in old_scores.items()}
    )
    national = NationalAverage(
        "2019", "Medel", False, {n: Stat(10, Decimal(50 + n)) for n in range(1, 9)}, Stat(10, Decimal(420))
    )
    data = chart_data(FW, summary, "Provby", 2025, [earlier], national, [mapping], resources.frameworks())
    current, old, avg = data.series
    assert (
        current.kind == SeriesKind.CURRENT
        and old.kind == SeriesKind.EARLIER
        and avg.kind == SeriesKind.NATIONAL
    )
    assert list(current.values) == [a.achieved for a in summary.areas]
    assert current.total == summary.total
    by_target = {link.to_area: link for link in mapping.links}
    for index, area in enumerate(FW.areas):
        link = by_target[area.number]
        expected = Decimal(old_scores[link.from_area]) if link.comparable else None
        assert old.values[index] == expected
        noted = any(n.kind == NoteKind.AREA_NOT_COMPARABLE and n.area == area.number for n in data.notes)
        assert noted == (not link.comparable)
    assert avg.values == tuple(Decimal(50 + n) for n in range(1, 9))
    assert old.total_comparable is False


def test_the_real_2016_to_2019_mapping_leaves_out_leadership():
    summary = summarize(FW, {s.number: s.max / 2 for s in FW.subareas()})
    earlier = EarlierEvaluation(
        id="e", year=2018, framework_id="2016", area_scores={n: Decimal(60 + n) for n in range(1, 9)}
    )
    data = chart_data(
        FW, summary, "Provby", 2025, [earlier], None, resources.mappings(), resources.frameworks()
    )
    old = data.series[1]
    assert old.values[4] == Decimal(62)  # 2019 area 5 Brukarens fokus <- 2016 area 2
    assert old.values[7] is None  # 2019 area 8 is not comparable with 2016 area 4
    first = data.notes[0]
    assert (first.kind, first.area, first.old_area, first.old_title) == (
        NoteKind.AREA_NOT_COMPARABLE,
        8,
        4,
        "Ledarskap, ansvar och delegation",
    )
    assert data.notes[0].reason.startswith("Ledarskap, ansvar och delegation ersattes")
    assert data.notes[0].reason_en.startswith("“Ledarskap, ansvar och delegation” was replaced")


def test_a_reference_for_another_version_is_not_drawn():
    summary = summarize(FW, {})
    other = NationalAverage("2016", "Medel 2.1", False, {1: Stat(3, Decimal(50))})
    data = chart_data(FW, summary, "Provby", None, [], other, resources.mappings(), resources.frameworks())
    assert len(data.series) == 1
    assert [(n.kind, n.label, n.version) for n in data.notes] == [
        (NoteKind.NATIONAL_OTHER_VERSION, "Medel 2.1", "2016")
    ]
    assert data.current.label == "Provby" and data.current.values == (None,) * 8


def test_same_version_earlier_evaluation_is_compared_area_by_area():
    summary = summarize(FW, {})
    earlier = EarlierEvaluation(
        id="e", year=2021, framework_id="2019", area_scores={n: Decimal(n * 10) for n in range(1, 9)}
    )
    data = chart_data(
        FW, summary, "Provby", 2025, [earlier], None, resources.mappings(), resources.frameworks()
    )
    assert data.series[1].values == tuple(Decimal(n * 10) for n in range(1, 9))
    assert data.series[1].total == 360 and data.series[1].total_comparable
    assert data.notes == ()


def test_every_area_is_drawn_on_a_scale_of_100():
    fw = resources.framework("2016")
    data = chart_data(fw, summarize(fw, {}), "Lindsjö", 2025)
    assert (data.area_max, data.total_max) == (Decimal(100), fw.max)


def test_a_label_is_wrapped_between_words_and_a_long_word_keeps_its_own_line():
    from kompass_desktop.domain.comparison import wrap_words

    def fits(line):
        return len(line) <= 12

    assert wrap_words("Styrning och kontroll", fits) == ["Styrning och", "kontroll"]
    assert wrap_words("Medborgardialog i kommunen", fits) == ["Medborgardialog", "i kommunen"]
    assert wrap_words("Brukarens\u00a0fokus idag", fits) == ["Brukarens\u00a0fokus", "idag"]
    assert wrap_words("", fits) == [""]
