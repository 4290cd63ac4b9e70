"""One-pass PDF build, sections built alone with the numbers of the whole report, source places."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from kompass_desktop.domain.model import TextScope
from kompass_desktop.report.context import make_context
from kompass_desktop.report.document import render_pdf, report_content
from kompass_desktop.report.sections import SectionBuilder, sections
from kompass_desktop.services import EvaluationSession

NOW = datetime(2025, 11, 3, 14, 5)


@pytest.fixture(scope="module")
def demo_snap(demo_template):
    with EvaluationSession.open(demo_template, readonly=True) as s:
        return s.snapshot()


def content_of(snap, draft=True):
    return report_content(make_context(snap, draft=draft, now=NOW, with_national=draft))


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def words(text: str) -> list[str]:
    return sorted(text.split())


def with_text(snap, scope, ref, body):
    texts = tuple(t for t in snap.texts if not (t.scope == scope and t.ref == ref))
    model = next(t for t in snap.texts if t.scope == TextScope.SUBAREA)
    return replace(snap, texts=(*texts, replace(model, scope=scope, ref=ref, body=body)))


@pytest.mark.parametrize("draft", [True, False])
def test_the_table_of_contents_and_footers_give_the_real_page_numbers(demo_snap, draft):
    pdf, pages = render_pdf(content_of(demo_snap, draft))
    reader = PdfReader(io.BytesIO(pdf))
    texts = [p.extract_text() for p in reader.pages]
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        if "Sida" in text:
            assert text.rstrip().endswith(f"Sida {number} av {pages}")
    toc_index = next(i for i, t in enumerate(texts) if "Innehåll" in t)
    lines: dict[float, list[str]] = {}

    def visit(text, cm, tm, _font, _size):
        if text.strip():  # the baseline on the page: text matrix in the current transformation
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            lines.setdefault(round(y), []).append(text.strip())

    reader.pages[toc_index].extract_text(visitor_text=visit)
    entries = 0
    for parts in lines.values():
        found = re.match(r"^(.*?)[ .]+ (\d+)$", " ".join(parts))
        if not found or "Sida" in found.group(1):
            continue
        heading, page = found.group(1), int(found.group(2))
        assert heading in " ".join(texts[page - 1].split()), (heading, page)
        if heading[0].isdigit() or heading.startswith("Område"):  # and the first page it is on
            assert page - 2 == toc_index or heading not in " ".join(texts[page - 2].split())
        entries += 1
    assert entries == 16  # 5 chapters, 3 sections of chapter 2, 8 areas


@pytest.mark.parametrize("draft", [True, False])
def test_each_section_built_alone_prints_exactly_its_pages_of_the_whole_report(demo_snap, draft):
    content = content_of(demo_snap, draft)
    whole = page_texts(render_pdf(content)[0])
    builder = SectionBuilder()
    found = sections(content)
    assert [s.key for s in found][-3:] == ["area-8", "ch4", "ch5"]
    covered = []
    for section in found:
        part = builder.render(content, key=section.key, pages=range(1, 200))
        texts = page_texts(part.pdf)
        assert part.numbers == tuple(range(part.first, part.first + part.count))
        assert part.total == len(whole)
        for number, text in zip(part.numbers, texts, strict=True):
            assert words(text) == words(whole[number - 1]), (section.key, number)
        covered += part.numbers
    assert covered == list(range(1, len(whole) + 1))


def test_an_edit_moves_the_numbers_of_later_sections_and_the_total(demo_snap):
    """A builder that knows the report before an edit gives the numbers after it (nothing stale)."""
    builder = SectionBuilder()
    before = content_of(demo_snap)
    old = builder.render(before, key="area-5")
    long = "\n\n".join(f"Stycke {i} om styrning och uppföljning i kommunen. " * 6 for i in range(30))
    after = content_of(with_text(demo_snap, TextScope.SUBAREA, "3.2", long))
    new = builder.render(after, key="area-5")
    grown = new.total - old.total
    assert grown >= 2
    assert new.first == old.first + grown and new.count == old.count
    whole = page_texts(render_pdf(after)[0])
    assert len(whole) == new.total
    assert f"Sida {new.first} av {new.total}" in page_texts(new.pdf)[0]
    assert words(page_texts(new.pdf)[0]) == words(whole[new.first - 1])
    edited = builder.render(after, source="text:subarea:3.2", pages=range(1, 200))
    for number, text in zip(edited.numbers, page_texts(edited.pdf), strict=True):
        assert words(text) == words(whole[number - 1])


def test_only_the_asked_pages_are_drawn_and_the_source_page_by_default(demo_snap):
    content = content_of(demo_snap)
    builder = SectionBuilder()
    every = builder.render(content, key="area-3", pages=range(1, 200))
    assert every.count >= 3
    last = every.numbers[-1]
    one = builder.render(content, key="area-3", page=last)
    assert one.numbers == (last,) and len(page_texts(one.pdf)) == 1
    sub = demo_snap.framework.area(3).subareas[-1].number
    source = f"text:subarea:{sub}"
    by_source = builder.render(content, source=source)
    assert by_source.numbers == (by_source.placed[source],)
    assert demo_snap.text(TextScope.SUBAREA, sub).split()[0] in page_texts(by_source.pdf)[0]


def text_in(pdf: bytes, index: int, region) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        return page.get_textpage().get_text_bounded(region.x0, region.y0, region.x1, region.y1)
    finally:
        document.close()


def test_every_printed_paragraph_records_its_field_and_place(demo_snap):
    content = content_of(demo_snap, draft=False)  # no watermark letters among the words
    builder = SectionBuilder()
    part = builder.render(content, key="area-3", pages=range(1, 200))
    by_source: dict[str, list] = {}
    for region in part.regions:
        by_source.setdefault(region.source, []).append(region)
    area = demo_snap.framework.area(3)
    for sub in area.subareas:
        regions = by_source[f"text:subarea:{sub.number}"]
        first = min(regions, key=lambda r: (r.page, -r.y1))
        index = part.numbers.index(first.page)
        shown = " ".join(text_in(part.pdf, index, first).split())
        assert shown.startswith(" ".join(sub.heading.split())[:15])  # the heading leads to its text
    findings = demo_snap.findings_for(3, demo_snap.framework.finding_kinds[0])
    assert findings
    for finding in findings:
        regions = by_source[f"finding:3:{finding.id}"]
        shown = " ".join(text_in(part.pdf, part.numbers.index(regions[0].page), regions[0]).split())
        assert shown.lstrip("• ").startswith(" ".join(finding.body.split())[:20])
    intro = by_source["text:area_intro:3"]
    assert intro and all(r.x0 < r.x1 and r.y0 < r.y1 for r in intro)


def test_a_missing_text_in_a_draft_leads_to_its_field(demo_snap):
    snap = with_text(demo_snap, TextScope.SUBAREA, "4.2", "")
    content = content_of(snap)
    part = SectionBuilder().render(content, source="text:subarea:4.2")
    regions = [r for r in part.regions if r.source == "text:subarea:4.2"]
    shown = [" ".join(text_in(part.pdf, 0, r).split()) for r in regions]
    assert "[Text saknas]" in shown


def test_the_pages_of_a_long_text_are_drawn_where_it_is_being_edited(demo_snap):
    """A text over several pages: its last page (``at=1``), its first, or two of them, each
    exactly as in the whole report, found again after the text grew (nothing stale)."""
    builder = SectionBuilder()
    source = "text:subarea:3.2"
    long = "\n\n".join(f"Stycke {i} om styrning och uppföljning i kommunen. " * 6 for i in range(30))
    content = content_of(with_text(demo_snap, TextScope.SUBAREA, "3.2", long + "\n\nSLUTORDET"))
    whole = page_texts(render_pdf(content)[0])
    on = [n for n, text in enumerate(whole, start=1) if "Stycke 1 om" in text or "SLUTORDET" in text]
    end = next(n for n, text in enumerate(whole, start=1) if "SLUTORDET" in text)
    builder.render(content_of(demo_snap), source=source)  # knows the text as it was: one page
    last = builder.render(content, source=source, at=1.0)
    assert last.numbers == (end,) and last.last[source] == end > last.placed[source] == on[0]
    assert words(page_texts(last.pdf)[0]) == words(whole[end - 1])
    first = builder.render(content, source=source, at=0.0)
    assert first.numbers == (on[0],)
    both = builder.render(content, source=source, at=1.0, span=2)
    assert both.numbers == (end - 1, end)
    for number, text in zip(both.numbers, page_texts(both.pdf), strict=True):
        assert words(text) == words(whole[number - 1])


def test_a_finding_in_a_findings_table_split_over_pages_is_found_on_its_pages(demo_snap):
    """reportlab makes the parts of a split table anew: the finding is still placed, first to last."""
    from kompass_desktop.domain.framework import FindingKind
    from kompass_desktop.domain.model import Finding

    body = "FÖRSTAORDET " + "Kommunen följer upp målen öppet. " * 600 + "SISTAORDET"
    finding = Finding(id="long", area=2, kind=FindingKind.STRENGTH, body=body, position=99.0)
    content = content_of(replace(demo_snap, findings=(*demo_snap.findings, finding)))
    whole = page_texts(render_pdf(content)[0])
    start = next(n for n, text in enumerate(whole, start=1) if "FÖRSTAORDET" in text)
    end = next(n for n, text in enumerate(whole, start=1) if "SISTAORDET" in text)
    assert end > start
    builder = SectionBuilder()
    source = "finding:2:long"
    for at, number in ((0.0, start), (1.0, end)):
        part = builder.render(content, source=source, at=at)
        assert part.numbers == (number,) and (part.placed[source], part.last[source]) == (start, end)
        assert any(r.source == source for r in part.regions)
        assert words(page_texts(part.pdf)[0]) == words(whole[number - 1])
