"""The Word version: the same report as the PDF, structured for screen readers and for editing."""

from __future__ import annotations

import itertools
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from reporthelp import skr_average

from kompass_desktop.cli import main
from kompass_desktop.report import build_report
from kompass_desktop.services import EvaluationSession

NOW = datetime(2025, 11, 3, 14, 5)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo_snap(demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        return s.snapshot()


@pytest.fixture(scope="module")
def both(demo_snap, tmp_path_factory):
    """The final report of the demo as PDF and as Word, from the same snapshot."""
    folder = tmp_path_factory.mktemp("word")
    skr = skr_average(folder)
    build_report(demo_snap, folder / "r.pdf", draft=False, now=NOW, national_path=skr)
    result = build_report(demo_snap, folder / "r.docx", draft=False, now=NOW, national_path=skr)
    return result, PdfReader(folder / "r.pdf"), Document(str(folder / "r.docx")), folder / "r.docx"


def headings(doc) -> list[tuple[int, str]]:
    out = []
    for p in doc.paragraphs:
        name = p.style.name
        if name.startswith("Heading "):
            out.append((int(name.split()[1]), flat(p.text)))
    return out


def pdf_outline(reader: PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, flat(item.title)))

    walk(reader.outline, 1)
    return out


def test_headings_are_word_heading_styles_in_the_pdfs_order(both, demo_snap):
    _, reader, doc, _ = both
    found = headings(doc)
    chapters = [t for level, t in found if level == 1]
    assert chapters == [
        "1 Vad är Kommunkompassen?",
        "2 Lindsjö kommun i förhållande till Kommunkompassen: en sammanfattande genomgång",
        "3 Detaljerad genomgång per område",
        "4 Översikt av poängfördelning",
        "5 Kortfakta om Lindsjö kommun",
    ]
    areas = [t for level, t in found if level == 2 and t.startswith("Område")]
    assert areas == [f"Område {a.number} {a.title}" for a in demo_snap.framework.areas]
    subs = [
        t for level, t in found if level == 3 and t in {s.heading for s in demo_snap.framework.subareas()}
    ]
    assert subs == [s.heading for s in demo_snap.framework.subareas()]

    # the PDF's bookmarks of chapters, sections and areas come in the same order as Word's headings
    def first_seen(titles):
        return list(dict.fromkeys(titles))

    pdf_titles = first_seen(t for lv, t in pdf_outline(reader) if lv <= 2)
    assert first_seen(t for lv, t in found if lv <= 2) == pdf_titles
    # no level is skipped (screen readers navigate by level)
    levels = [lv for lv, _ in found]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def pdf_body(reader: PdfReader) -> str:
    """The PDF's text without the running header and footer (which interrupt split paragraphs)."""
    furniture = ("Kommunkompassen — Analys av", "Kommunkompassen 2019/2020", "Sida ")
    lines = [
        line
        for page in reader.pages
        for line in page.extract_text().splitlines()
        if not line.strip().startswith(furniture)
    ]
    return flat(" ".join(lines))


def test_same_text_in_the_same_order_as_the_pdf(both):
    _, reader, doc, _ = both
    pdf = pdf_body(reader)
    position = 0
    checked = 0
    for p in doc.paragraphs:
        text = flat(p.text)
        if len(text) < 12 or p.style.name == "TOC Heading":
            continue
        found = pdf.find(text, position)
        assert found >= 0, text
        position = found
        checked += 1
    assert checked > 150


def test_tables_are_real_tables_with_repeating_headers_and_the_pdfs_figures(both, demo_template, capsys):
    _, reader, doc, _ = both
    assert main(["summary", str(demo_template), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    rows = [[flat(c.text) for c in row.cells] for t in doc.tables for row in t.rows]
    total = round(summary["total"] + 1e-9)
    assert ["Totalt", str(total), "800"] in rows
    for area in summary["areas"]:
        shown = str(int(area["achieved"] + 0.5))
        assert [f"{area['number']}. {area['title']}", shown, "100"] in rows
        assert ["Summa", shown, "100"] in rows
    headed = [t for t in doc.tables if t.rows[0]._tr.trPr is not None]
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in headed)
    assert len(headed) >= 8 + 8 + 1 + 1  # area boxes, findings, score tables, the overview
    descriptions = [t._tbl.tblPr.find(qn("w:tblDescription")) for t in doc.tables]
    assert all(d is not None and d.get(qn("w:val")) for d in descriptions)
    # the same figures in the PDF
    pdf = flat(" ".join(p.extract_text() for p in reader.pages))
    assert f"Totalt {total} 800" in pdf and f"{total} av 800 poäng totalt" in flat(
        " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    )


def test_every_chart_is_a_picture_whose_alternative_text_states_its_numbers(both, demo_snap, skr_path=None):
    _, _, doc, _ = both
    pictures = doc.inline_shapes
    assert len(pictures) == 3  # totals, areas, profile
    alts = [p._inline.docPr.get("descr") for p in pictures]
    from kompass_desktop.domain.scoring import round_display, summarize

    summary = summarize(demo_snap.framework, demo_snap.scores)
    assert f"Lindsjö 2025: {round_display(summary.total)}" in alts[0]
    for alt in alts[1:]:
        for area in summary.areas:
            assert f"{area.number}. {area.title} {round_display(area.achieved)}" in alt
        assert "Lindsjö 2018 (version 2.1)" in alt and "ej jämförbart" in alt
    for part in doc.part.package.parts:
        if part.partname.endswith(".png"):
            assert part.blob.startswith(b"\x89PNG")


def test_language_properties_toc_and_page_numbers(both):
    _, reader, doc, _ = both
    styles = doc.styles.element
    lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    props = doc.core_properties
    meta = reader.metadata
    assert props.title == meta.title == "Kommunkompassen — analys av Lindsjö kommun"
    assert props.author == meta.author == "Karin Ekström, Johan Alm"
    assert props.subject == meta.subject and props.language == "sv-SE"
    body = doc.element.body.xml
    assert re.search(r"<w:instrText[^>]*> TOC ", body)
    footer = doc.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "Sida " in footer
    assert "UTKAST" not in doc.sections[0].header._element.xml


def test_a_draft_in_word_is_marked(demo_snap, tmp_path):
    out = tmp_path / "utkast.docx"
    result = build_report(demo_snap, out, draft=True, now=NOW)
    doc = Document(str(out))
    assert "UTKAST" in doc.sections[0].header.paragraphs[0].text
    assert f"innehåll {result.content_hash}" in doc.sections[0].footer.paragraphs[0].text
    assert doc.paragraphs[0].text == "Utkast — öppna punkter"
    texts = [p.text for p in doc.paragraphs]
    assert any("1¶1" in t for t in texts)  # margin references as in the PDF draft


def test_cli_writes_word_by_suffix_and_refuses_other_suffixes(demo_template, tmp_path, capsys):
    out = tmp_path / "rapport.docx"
    assert main(["report", str(demo_template), "-o", str(out), "--without-national-average"]) == 0
    assert "Skapade rapporten" in capsys.readouterr().out
    assert out.read_bytes()[:2] == b"PK"
    assert Document(str(out)).core_properties.title.startswith("Kommunkompassen")
    assert main(["report", str(demo_template), "-o", str(tmp_path / "r.odt"), "--draft"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kompass report: ") and ".docx" in err and err.count("\n") == 1
    assert not (tmp_path / "r.odt").exists()
    assert Path(out).exists()
