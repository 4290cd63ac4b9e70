"""Text is text in the report: markup typed into any field is printed literally, never interpreted.

reportlab reads its paragraphs (and the table of contents) as markup: an ``<img src=…>`` in a
municipality name would embed a local file, ``<font size=40>`` would render big, and a bad
image path would crash the report.  Every text of an evaluation — typed in the app, imported
from an export, or read from the framework copy inside the file — goes into the report here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from kompass_desktop.domain.framework import Framework
from kompass_desktop.domain.model import Text, TextScope
from kompass_desktop.domain.reference import NationalAverage, Stat
from kompass_desktop.report import build_report
from kompass_desktop.services import EvaluationSession

NOW = datetime(2025, 11, 3, 14, 5)
# an existing image, a missing one, font and link tags, an unbalanced < and a closing tag,
# entities, quotes, reportlab's own <para> tag and a control character (dropped: not printable)
PAYLOAD = (
    '<img src="red.png"/> <img src="nix.png"/> <font size=40 color=red>stor</font> & <b>fet</b> '
    '<a href="http://x.se">länk</a> <para>p</para> a < b &amp; &#38; </i> "c" \x07'
)
SHOWN = PAYLOAD.replace("\x07", "")


def flat(text: str) -> str:
    return " ".join(text.split())


def marked(tag: str) -> str:
    """The payload plus a tag naming the field, so every field is found on its own."""
    return f"{PAYLOAD}#{tag}"


def expected(tag: str) -> str:
    return f"{SHOWN}#{tag}"


def hostile_framework(fw: Framework) -> Framework:
    data = fw.to_dict()
    data["name"] = marked("fw-name")
    data["version_label"] = marked("fw-version")
    data["intro_title"] = marked("fw-intro-title")
    data["intro_text"] = marked("fw-intro-text")
    for area in data["areas"]:
        n = area["number"]
        area["title"] = marked(f"area{n}-title")
        area["short"] = marked(f"area{n}-short")
        area["intro"] = marked(f"area{n}-intro")
        for sub in area["subareas"]:
            sub["title"] = marked(f"sub{sub['number']}-title")
            sub["heading"] = marked(f"sub{sub['number']}-heading")
    return Framework.from_dict(data)


@pytest.fixture(scope="module")
def hostile(demo_template):
    """The demo evaluation with the payload in every text field."""
    with EvaluationSession.open(demo_template, readonly=True) as s:
        snap = s.snapshot()
    info = replace(
        snap.info,
        municipality=marked("municipality"),
        kommungrupp=marked("kommungrupp"),
        inhabitants_note=marked("inhabitants-note"),
        employees_note=marked("employees-note"),
        governing_parties=marked("parties"),
        facts=((marked("fact-key"), marked("fact-value")),),
        evaluators=(marked("evaluator1"), marked("evaluator2")),
    )
    interviews = tuple(
        replace(
            iv,
            group=marked(f"group{i}") if i == 0 else iv.group,  # a free-text group is printed
            title=marked(f"interview{i}"),
            roles=(marked(f"role{i}"),),
            names=(marked(f"name{i}"),),
            location=marked(f"location{i}"),
        )
        for i, iv in enumerate(snap.interviews)
    )
    documents = tuple(
        replace(d, title=marked(f"doc{i}"), decided_by=marked(f"decided{i}"), body=marked(f"body{i}"))
        for i, d in enumerate(snap.documents)
    )
    web = tuple(replace(w, title=marked(f"web{i}")) for i, w in enumerate(snap.web_sources))
    notes = tuple(
        replace(n, body=marked(f"note{i}"), page=marked(f"page{i}")) for i, n in enumerate(snap.notes)
    )
    fw = hostile_framework(snap.framework)
    texts: list[Text] = []
    for area in fw.areas:
        texts.append(Text(id=f"ai{area.number}", scope=TextScope.AREA_INTRO, ref=str(area.number), body=""))
        texts.append(
            Text(
                id=f"a{area.number}",
                scope=TextScope.AREA,
                ref=str(area.number),
                body=marked(f"area{area.number}-text"),
            )
        )
        for sub in area.subareas:
            body = f"{marked(f'sub{sub.number}-text')}\n\n- {marked(f'sub{sub.number}-bullet')}"
            texts.append(Text(id=f"s{sub.number}", scope=TextScope.SUBAREA, ref=sub.number, body=body))
    for scope in (TextScope.SUMMARY_OVERALL, TextScope.SUMMARY_STRONGER, TextScope.SUMMARY_WEAKER):
        texts.append(Text(id=scope.value, scope=scope, ref="", body=marked(scope.value)))
    findings = tuple(replace(f, body=marked(f"finding{i}")) for i, f in enumerate(snap.findings))
    earlier = tuple(replace(e, label=marked(f"earlier{i}")) for i, e in enumerate(snap.earlier))
    national = NationalAverage(
        framework_id=fw.id,
        label=marked("national"),
        example=False,
        areas={a.number: Stat(10, Decimal(60)) for a in fw.areas},
        total=Stat(10, Decimal(480)),
        source=marked("national-source"),
    )
    return replace(
        snap,
        info=info,
        framework=fw,
        interviews=interviews,
        documents=documents,
        web_sources=web,
        notes=notes,
        texts=tuple(texts),
        findings=findings,
        earlier=earlier,
        national=national,
    )


# every field the report prints, by its tag (the others — notes, interview titles, document
# titles — are not printed, but pass through the build too)
def printed_tags(snap) -> list[str]:
    tags = [
        "municipality",
        "kommungrupp",
        "inhabitants-note",
        "employees-note",
        "parties",
        "fact-key",
        "fact-value",
        "evaluator1",
        "evaluator2",
        "group0",
        "fw-intro-title",
        "fw-intro-text",
        "national",
        *(f"earlier{i}" for i in range(len(snap.earlier))),
        *(f"finding{i}" for i in range(len(snap.findings))),
        *(s.value for s in (TextScope.SUMMARY_OVERALL, TextScope.SUMMARY_STRONGER, TextScope.SUMMARY_WEAKER)),
    ]
    for area in snap.framework.areas:
        tags += [f"area{area.number}-title", f"area{area.number}-intro", f"area{area.number}-text"]
        for sub in area.subareas:
            tags += [f"sub{sub.number}-{k}" for k in ("title", "heading", "text", "bullet")]
    return tags


def images_in(reader: PdfReader) -> int:
    count = 0
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def outline_titles(reader: PdfReader) -> list[str]:
    out: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(item.title)

    walk(reader.outline)
    return out


@pytest.mark.parametrize("draft", [False, True], ids=["final", "draft"])
def test_markup_in_every_field_is_printed_literally(hostile, draft, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # reportlab would resolve <img src="red.png"> here
    Image.new("RGB", (40, 40), (255, 0, 0)).save(tmp_path / "red.png")
    out = tmp_path / "r.pdf"
    result = build_report(hostile, out, draft=draft, now=NOW)
    reader = PdfReader(out)
    assert result.pages == len(reader.pages)
    assert images_in(reader) == 0  # nothing embedded from the disk
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    missing = [tag for tag in printed_tags(hostile) if expected(tag) not in text]
    assert missing == []
    # the table of contents, the bookmarks and the document properties show the text too
    contents = next(flat(p.extract_text()) for p in reader.pages if "Innehåll" in p.extract_text())
    assert f"Område 1 {expected('area1-title')}" in contents
    titles = outline_titles(reader)
    assert f"Område 1 {expected('area1-title')}" in titles
    assert f"1.1 {expected('sub1.1-heading')}" in titles
    assert expected("municipality") in reader.metadata.title
    assert expected("evaluator1") in reader.metadata.author
    # the running header on every body page
    assert sum(expected("municipality") in flat(p.extract_text()) for p in reader.pages) >= result.pages - 1


def docx_text(doc) -> str:
    """Every text of a Word file: body, tables (nested cells too), headers and footers."""
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return flat(" ".join(parts))


@pytest.mark.parametrize("draft", [False, True], ids=["final", "draft"])
def test_markup_in_every_field_is_literal_text_in_the_word_file(hostile, draft, tmp_path, monkeypatch):
    from docx import Document

    monkeypatch.chdir(tmp_path)
    Image.new("RGB", (40, 40), (255, 0, 0)).save(tmp_path / "red.png")
    out = tmp_path / "r.docx"
    build_report(hostile, out, draft=draft, now=NOW)
    doc = Document(str(out))
    text = docx_text(doc)
    assert [tag for tag in printed_tags(hostile) if expected(tag) not in text] == []
    # the only pictures are the charts, and their alternative texts carry the labels literally
    alts = [shape._inline.docPr.get("descr") for shape in doc.inline_shapes]
    assert len(alts) == 3 and all(expected("area1-title") in a for a in alts[1:])
    assert doc.core_properties.title.startswith(f"Kommunkompassen — analys av {expected('municipality')}")
    assert expected("evaluator1") in doc.core_properties.author


def test_a_markup_name_in_the_table_of_contents_alone_embeds_nothing(tmp_path, monkeypatch, fw2019):
    """The smallest case of the original report: only the municipality name, a fresh file."""
    from kompass_desktop.services import NewEvaluation

    monkeypatch.chdir(tmp_path)
    Image.new("RGB", (40, 40), (255, 0, 0)).save(tmp_path / "red.png")
    name = '<img src="red.png"/> <font size=40>Stor</font>'
    with EvaluationSession.create(tmp_path / "e.kompass", NewEvaluation(fw2019, name, 2025)) as s:
        snap = s.snapshot()
    build_report(snap, tmp_path / "r.pdf", draft=True, now=NOW)
    reader = PdfReader(tmp_path / "r.pdf")
    assert images_in(reader) == 0
    assert f"2 {name} kommun i förhållande" in flat(" ".join(p.extract_text() for p in reader.pages[:4]))


def test_control_characters_do_not_break_the_report(demo_template, tmp_path):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        snap = s.snapshot()
    odd = "Noll\x00 klocka\x07 backsteg\x08 esc\x1b slut"
    snap = replace(snap, info=replace(snap.info, municipality=odd, evaluators=(odd,)))
    build_report(snap, tmp_path / "r.pdf", draft=False, now=NOW, with_national=False)
    text = flat(" ".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages))
    assert "analys av Noll klocka backsteg esc slut" in text


def test_the_image_payload_alone_would_be_embedded_by_reportlab(tmp_path, monkeypatch):
    """Guards the test itself: the payload really is an image to reportlab when not escaped."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    monkeypatch.chdir(tmp_path)
    Image.new("RGB", (40, 40), (255, 0, 0)).save(tmp_path / "red.png")
    SimpleDocTemplate(str(tmp_path / "raw.pdf")).build(
        [Paragraph('<img src="red.png"/>', ParagraphStyle("x"))]
    )
    assert images_in(PdfReader(tmp_path / "raw.pdf")) == 1
    assert Path(tmp_path / "raw.pdf").exists()
