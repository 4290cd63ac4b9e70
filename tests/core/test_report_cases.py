"""The report with other versions and with extreme content (2010 columns, long texts, many findings)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader
from reporthelp import skr_average

from kompass_desktop import resources
from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import Finding, Text, TextScope
from kompass_desktop.domain.scoring import percent, round_display, summarize
from kompass_desktop.report import ReportNotReady, build_report, missing_for_final
from kompass_desktop.services import EvaluationSession, NewEvaluation

NOW = datetime(2025, 11, 3, 14, 5)


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), flat(" ".join(p.extract_text() for p in reader.pages))


@pytest.fixture(scope="module")
def small_2010(tmp_path_factory):
    """A complete small evaluation made with the 2010 version (three finding columns, percentages)."""
    fw = resources.framework("2010")
    path = tmp_path_factory.mktemp("e2010") / "ostby.kompass"
    spec = NewEvaluation(
        fw,
        "Östby",
        2015,
        start_date="2015-11-10",
        end_date="2015-11-12",
        evaluation_number=4,
        evaluators=("Eva Ek",),
    )
    with EvaluationSession.create(path, spec) as s, s.file.write():
        scores = {sub.number: sub.max / 2 for sub in fw.subareas()}  # 7.5 of 15 etc.
        scores["1.1"] = Decimal("11.25")  # 11.25 of 15 = 75 %, shown as 11
        scores["1.2"] = Decimal("12.5")  # half up: shown as 13 (not 12)
        s.scores.set_many(scores)
        for sub in fw.subareas():
            s.scores.set_text(
                TextScope.SUBAREA, sub.number, f"Iakttagelser för delfråga {sub.number} i Östby."
            )
        for area in fw.areas:
            s.findings.add(area.number, "strength", f"Styrka i område {area.number}")
            s.findings.add(area.number, "improvement", f"Förbättring i område {area.number}")
            s.findings.add(area.number, "weakness", f"Svaghet i område {area.number} – é, å, ä och ö")
        s.scores.set_text(TextScope.SUMMARY_OVERALL, "", "Östby har ett jämnt resultat.")
        s.registers.add_earlier(2010, "2010", {str(n): 50 + n for n in range(1, 9)}, "Östby 2010")
        snap = s.snapshot()
    return snap


def test_2010_report_has_three_finding_columns_and_percentages(small_2010, tmp_path):
    snap = small_2010
    skr = skr_average(tmp_path)
    assert missing_for_final(snap, national_path=skr) == []
    out = tmp_path / "ostby.pdf"
    result = build_report(snap, out, draft=False, now=NOW, national_path=skr)
    pages, text = pdf_text(out)
    assert result.pages == pages
    assert text.count("Styrkor Förbättringsmöjligheter Svagheter") == 8
    for area in snap.framework.areas:
        assert (
            f"Styrkor Förbättringsmöjligheter Svagheter • Styrka i område {area.number} "
            f"• Förbättring i område {area.number} • Svaghet i område {area.number} – é, å, ä och ö"
        ) in text
    summary = summarize(snap.framework, snap.scores)
    sub11, sub12 = summary.areas[0].subareas[:2]
    assert f"1.1 {sub11.title} 11 15 75 %" in text
    assert f"1.2 {sub12.title} 13 20 63 %" in text  # 12.5 is shown as 13: half up
    area1 = summary.areas[0]
    assert area1.achieved is not None
    shown_area = round_display(area1.achieved)
    assert f"Summa {shown_area} 100 {percent(area1.achieved, Decimal(100))} %" in text
    assert f"Område 1 {area1.title} Rubriker Poäng" in text
    total = round_display(summary.total)
    assert f"Totalt {total} 800 {percent(summary.total, summary.max)} %" in text
    assert f"{total} av 800 poäng totalt" in text
    assert "Utvärderingen av Östby kommun genomfördes i november år 2015 och var kommunens fjärde" in text
    assert "Östby 2010" in text and "Östbys totalpoäng" in text


def test_long_texts_and_many_findings_split_cleanly(tmp_path, demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        snap = s.snapshot()
    words = "Kommunen följer upp målen i styrmodellen och redovisar resultaten öppet för invånarna"
    sentence = 0
    parts = []
    while sum(len(p) + 1 for p in parts) < 30_000:
        sentence += 1
        parts.append(f"Mening {sentence}: {words}.")
    long_text = " ".join(parts)[:30_000].rsplit(" ", 1)[0] + " SLUTORD."
    assert len(long_text) > 29_000 and "\n" not in long_text  # one 30,000-character paragraph
    texts = [t for t in snap.texts if not (t.scope == TextScope.SUBAREA and t.ref == "1.1")]
    texts.append(Text(id="lång", scope=TextScope.SUBAREA, ref="1.1", body=long_text))
    findings = [f for f in snap.findings if f.area != 2]
    for i in range(40):
        kind = FindingKind.STRENGTH if i % 2 == 0 else FindingKind.IMPROVEMENT
        body = f"Iakttagelse nummer {i + 1} om samhällsutvecklingen, " + "med en längre förklaring " * (i % 4)
        findings.append(Finding(id=f"f{i}", area=2, kind=kind, body=body.strip(), position=float(i)))
    big = replace(snap, texts=tuple(texts), findings=tuple(findings))
    out = tmp_path / "stor.pdf"
    result = build_report(big, out, draft=True, now=NOW)  # a draft: margin numbers on split paragraphs too
    pages, text = pdf_text(out)
    assert result.pages == pages >= 38  # the demo has 34 pages
    assert all(f"Mening {k}: " in text for k in range(1, sentence)) and "SLUTORD." in text  # nothing lost
    for i in range(40):
        assert f"Iakttagelse nummer {i + 1} om" in text
    start = text.index("Område 2 Samhällsutveckling Rubriker")
    area2 = text[start : text.index("Område 3 Styrning och kontroll Rubriker", start)]
    assert area2.count("Styrkor Förbättringsmöjligheter") >= 2  # the header is repeated on the next page


def test_final_refused_through_the_api_writes_nothing(small_2010, tmp_path):
    scores = dict(small_2010.scores)
    scores["2.3"] = None
    snap = replace(small_2010, scores=scores)
    out = tmp_path / "r.pdf"
    with pytest.raises(ReportNotReady) as caught:
        build_report(snap, out, draft=False)
    assert any("2.3" in p and "ingen poäng satt" in p for p in caught.value.problems)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(small_2010, tmp_path, monkeypatch):
    import os

    from kompass_desktop.report import ReportWriteError

    out = tmp_path / "rapport.pdf"
    out.write_bytes(b"old report")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReportWriteError, match="öppen i ett annat program"):
        build_report(small_2010, out, draft=True)
    assert out.read_bytes() == b"old report" and [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]
    monkeypatch.undo()
    with pytest.raises(ReportWriteError, match="är en mapp"):
        build_report(small_2010, tmp_path, draft=True)


def test_rounding_note_only_where_rounded_figures_do_not_add_up(session, tmp_path):
    fw = session.framework
    scores = {sub.number: Decimal(5) for sub in fw.subareas()}
    scores["1.1"] = scores["1.2"] = Decimal("4.5")  # area 1: 9 exact, shown 5 + 5 = 10 for the subs
    scores["2.1"] = Decimal("4.5")  # area 2 ends in .5 (rounded up) ...
    scores["3.1"] = Decimal("4.5")  # ... and so does area 3: the rounded areas add up to 1 more
    session.scores.set_many(scores)
    snap = session.snapshot()
    summary = summarize(fw, snap.scores)
    result = build_report(snap, tmp_path / "r.pdf", draft=True, now=NOW)
    _, text = pdf_text(tmp_path / "r.pdf")
    start = text.index("4 Översikt av poängfördelning Nedanstående")
    chapter4 = text[start : text.index("5 Kortfakta", start)]
    assert result.pages > 10 and "avrundad för sig" not in chapter4  # no blanket caveat any more
    area1 = summary.areas[0]
    shown_subs = sum(round_display(s.achieved) for s in area1.subareas)
    note1 = (
        "Delfrågornas poäng är avrundade var för sig från sina exakta värden och summerar till "
        f"{shown_subs}; områdets summa {round_display(area1.achieved)} är avrundad från den exakta summan."
    )
    assert chapter4.count("Delfrågornas poäng är avrundade") == 1 and note1 in chapter4
    shown_areas = sum(round_display(a.achieved) for a in summary.areas)
    total = round_display(summary.total)
    assert shown_areas == total + 1
    assert (
        f"Områdenas poäng är avrundade var för sig från sina exakta värden och summerar till {shown_areas}; "
        f"totalen {total} är avrundad från den exakta summan."
    ) in chapter4
    # areas 2 and 3 round to the sum of their rounded sub-scores: no note there
    area2 = chapter4[
        chapter4.index("2. Samhällsutveckling Uppnått") : chapter4.index("3. Styrning och kontroll")
    ]
    assert "avrundade" not in area2
