"""Facts and texts as in the published reports; only SKR's data in a final report."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest
from docx import Document
from pypdf import PdfReader

from kompass_desktop.cli import main
from kompass_desktop.domain.framework import FindingKind
from kompass_desktop.domain.model import Finding, Text, TextScope
from kompass_desktop.report import build_report, missing_for_final
from kompass_desktop.services import EvaluationSession

NOW = datetime(2031, 3, 9, 8, 0)  # the day of printing: never shown as the evaluation's date


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path) -> str:
    return flat(" ".join(p.extract_text() for p in PdfReader(path).pages))


@pytest.fixture(scope="module")
def demo_snap(demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        return s.snapshot()


# -- §2 only SKR's data -----------------------------------------------------------------------------


def test_the_example_national_average_blocks_a_final_report(demo_template, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["report", str(demo_template), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Det nationella medelvärdet är programmets exempeldata" in err and not out.exists()
    assert main(["report", str(demo_template), "-o", str(out), "--draft"]) == 0
    first = flat(PdfReader(out).pages[0].extract_text())
    assert "Måste vara klart innan den slutliga rapporten kan skapas (1)" in first
    assert "programmets exempeldata" in first and "Inga obligatoriska punkter" not in first


def test_without_national_average_leaves_the_comparison_out_cleanly(demo_template, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["report", str(demo_template), "-o", str(out), "--without-national-average"]) == 0
    text = pdf_text(out)
    results = text[
        text.index("Sammanfattning av resultat Nedan") : text.index("Sammanfattande kommentarer Lindsjö")
    ]
    assert "medelvärde" not in results.lower() and "exempeldata" not in text.lower()
    assert "jämfört med Lindsjö 2018 (version 2.1)." in results  # the earlier evaluation stays
    assert "Totalpoäng " not in results  # no totals chart: nothing left to compare the total with
    docx_out = tmp_path / "r.docx"
    assert main(["report", str(demo_template), "-o", str(docx_out), "--without-national-average"]) == 0
    alts = " ".join(p._inline.docPr.get("descr") for p in Document(str(docx_out)).inline_shapes)
    assert "medelvärde" not in alts.lower() and "Lindsjö 2025" in alts


# -- §3 facts ------------------------------------------------------------------------------------


def test_cover_date_is_the_evaluations_and_dates_and_evaluators_are_required(demo_snap, tmp_path):
    undated = replace(
        demo_snap, info=replace(demo_snap.info, start_date="", end_date="", year=2022, evaluators=())
    )
    missing = {i.kind for i in missing_for_final(undated, with_national=False)}
    assert {"no_dates", "no_evaluators"} <= missing
    build_report(undated, tmp_path / "u.pdf", draft=True, now=NOW)
    reader = PdfReader(tmp_path / "u.pdf")
    cover = flat(reader.pages[1].extract_text())
    assert "2022 [Datum saknas]" in cover and "[Utvärderare saknas]" in cover
    assert "mars 2031" not in cover.lower() and "2031" not in cover.split("UTKAST")[0]
    text = pdf_text(tmp_path / "u.pdf")
    # section 2 keeps its full form, with the gap marked
    assert (
        "Utvärderingen av Lindsjö kommun genomfördes [månad saknas] år 2022 och var kommunens andra" in text
    )
    dated = build_report(demo_snap, tmp_path / "d.pdf", draft=True, now=NOW)
    assert dated.pages and "Oktober 2025" in flat(PdfReader(tmp_path / "d.pdf").pages[1].extract_text())


def test_section_2_never_shrinks_without_registers(demo_snap, tmp_path):
    bare = replace(demo_snap, interviews=(), documents=(), web_sources=())
    build_report(bare, tmp_path / "b.pdf", draft=False, now=NOW, with_national=False)
    text = pdf_text(tmp_path / "b.pdf")
    assert (
        "Utvärderingen av Lindsjö kommun genomfördes i oktober år 2025 och var kommunens andra utvärdering "
        "enligt Kommunkompassens kriterier. Den tidigare utvärderingen genomfördes år 2018. "
        "Utvärderingsgruppen har studerat dokument, granskat kommunens webbplats och sociala medier och "
        "genomfört intervjuer i organisationen."
    ) in text


@pytest.mark.parametrize(
    ("evaluators", "word"), [(("Eva Ek",), "Utvärderaren"), (("A B", "C D"), "Utvärderarna")]
)
def test_standard_texts_follow_the_number_of_evaluators(demo_snap, tmp_path, evaluators, word):
    snap = replace(demo_snap, info=replace(demo_snap.info, evaluators=evaluators))
    build_report(snap, tmp_path / "r.docx", draft=False, now=NOW, with_national=False)
    texts = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    intros = [t for t in texts if "undersöker därför" in t]
    assert intros and all(f"{word} undersöker därför" in t for t in intros)
    other = "Utvärderarna" if word == "Utvärderaren" else "Utvärderaren"
    assert not any(f"{other} undersöker" in t for t in texts)


def test_chapter_2_has_jamforelser_standard_text_or_the_evaluators_own(demo_snap, tmp_path):
    build_report(demo_snap, tmp_path / "s.pdf", draft=False, now=NOW, with_national=False)
    text = pdf_text(tmp_path / "s.pdf")
    section = text[text.index("Jämförelser 2019/2020") : text.index("Sammanfattande kommentarer Lindsjö")]
    assert "www.skr.se/kommunkompassen" in section
    own = "Jämförelserna med 2018 ska läsas med försiktighet, eftersom verktyget har reviderats."
    edited = replace(
        demo_snap, texts=(*demo_snap.texts, Text(id="j", scope=TextScope.COMPARISONS, ref="", body=own))
    )
    build_report(edited, tmp_path / "o.pdf", draft=False, now=NOW, with_national=False)
    text = pdf_text(tmp_path / "o.pdf")
    assert f"Jämförelser {own} Sammanfattande kommentarer" in text


def test_findings_are_columns_of_their_own_not_pairs(demo_snap, tmp_path):
    findings = [f for f in demo_snap.findings if f.area != 1]
    for i in range(3):
        findings.append(
            Finding(id=f"s{i}", area=1, kind=FindingKind.STRENGTH, body=f"Styrka nummer {i + 1}.")
        )
    findings.append(Finding(id="f0", area=1, kind=FindingKind.IMPROVEMENT, body="Den enda förbättringen."))
    snap = replace(demo_snap, findings=tuple(findings))
    build_report(snap, tmp_path / "f.docx", draft=False, now=NOW, with_national=False)
    doc = Document(str(tmp_path / "f.docx"))
    table = next(t for t in doc.tables if "Styrka nummer 1." in t.rows[-1].cells[0].text)
    assert len(table.rows) == 2  # the header and one row: each column is its own list
    strengths = [p.text for p in table.rows[1].cells[0].paragraphs]
    assert strengths == ["Styrka nummer 1.", "Styrka nummer 2.", "Styrka nummer 3."]
    assert [p.text for p in table.rows[1].cells[1].paragraphs] == ["Den enda förbättringen."]
    build_report(snap, tmp_path / "f.pdf", draft=False, now=NOW, with_national=False)
    assert "• Styrka nummer 1. • Styrka nummer 2. • Styrka nummer 3. • Den enda förbättringen." in pdf_text(
        tmp_path / "f.pdf"
    )


def test_a_findings_table_never_stands_alone_on_a_page(session, tmp_path):
    """Whatever the length of the text before it, the table's page also holds that text's end."""
    fw = session.framework
    base = session.snapshot()
    findings = (
        Finding(id="s", area=1, kind=FindingKind.STRENGTH, body="En styrka."),
        Finding(id="f", area=1, kind=FindingKind.IMPROVEMENT, body="En förbättring."),
    )
    last = fw.areas[0].subareas[-1].number
    heading = fw.areas[0].subareas[-1].heading
    for lines in range(0, 48, 6):
        body = "\n\n".join(
            f"Stycke {k} om förutsättningarna för politiken i kommunen." for k in range(lines + 1)
        )
        snap = replace(
            base, findings=findings, texts=(Text(id="t", scope=TextScope.SUBAREA, ref=last, body=body),)
        )
        build_report(snap, tmp_path / "t.pdf", draft=True, now=NOW)
        for page in PdfReader(tmp_path / "t.pdf").pages:
            text = flat(page.extract_text())
            if "Styrkor Förbättringsmöjligheter • En styrka." in text:
                before = text[: text.index("Styrkor Förbättringsmöjligheter")]
                assert f"Stycke {lines} om förutsättningarna" in before, lines
                if len(body) <= 1200:  # a short last sub-area keeps its heading with the table
                    assert f"{heading} Stycke 0 om" in before, lines


def test_a_bullet_list_is_followed_by_space():
    from kompass_desktop.report.text import LIST_GAP, text_blocks

    blocks = text_blocks("Inledning.\n\n- ett\n- två\n\nEfter listan.")
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Para", "Para", "Para", "Space", "Para"]
    assert blocks[3].points == LIST_GAP > 0


# -- human output ----------------------------------------------------------------------------------


def test_summary_cuts_long_titles_with_an_ellipsis(tmp_path, capsys):
    path = tmp_path / "e.kompass"
    assert main(["new", str(path), "--framework", "2010", "--unlisted", "Östby"]) == 0
    capsys.readouterr()
    assert main(["summary", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    long_sub = next(line for line in lines if line.strip().startswith("2.6 "))
    assert "Hur arbetar kommunen med system för service-/kvalitet…" in long_sub
    widths = {len(line) for line in lines if re.match(r"\s+\d\.\d ", line)}
    assert len(widths) == 1  # every row is aligned, long titles included


def test_aggregate_prints_the_mean_with_a_decimal_comma(tmp_path, capsys):
    import json
    from decimal import Decimal

    from kompass_desktop import resources
    from kompass_desktop.services import NewEvaluation

    fw = resources.framework("2019")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, fraction in (("a", Decimal("0.5")), ("b", Decimal("0.6125"))):
        with EvaluationSession.create(folder / f"{name}.kompass", NewEvaluation(fw, name, 2024)) as s:
            s.scores.set_many(
                {sub.number: (sub.max * fraction).quantize(Decimal("0.01")) for sub in fw.subareas()}
            )
    out = tmp_path / "medel.json"
    assert main(["aggregate", str(folder), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    mean = Decimal(str(json.loads(out.read_text("utf-8"))["frameworks"]["2019"]["total"]["mean"]))
    assert mean != mean.to_integral_value()
    assert f"medel totalt {str(mean).replace('.', ',')}" in printed and str(mean) not in printed
