"""The Word renderer: report blocks (plain data) -> an accessible, editable .docx (python-docx).

The same content, in the same order, as the PDF (both are made from one :class:`ReportContent`),
structured for screen readers and for editing: Word's heading styles for chapters, areas and
sub-areas (the navigation pane and a table of contents work), a table-of-contents field, real
tables whose header row repeats on every page, every chart as a picture with an alternative
text that states its numbers, the document language sv-SE, title/author/subject properties,
page numbers, and a draft's marking in the header and footer.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from . import charts
from .blocks import (
    Block,
    Bookmark,
    Chart,
    ChartKind,
    Contents,
    DocumentInfo,
    Heading,
    NeedSpace,
    PageBreak,
    Para,
    ReportContent,
    Role,
    Space,
    Table,
    TableKind,
    Together,
)
from .fonts import register_fonts
from .markup import plain
from .styles import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, TEXT_WIDTH

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
ACCENT_FILL = "1F4E79"
LIGHT_FILL = "E8EEF5"
MUTED = RGBColor(0x5A, 0x5A, 0x5A)
RED = RGBColor(0xB3, 0x26, 0x1E)
FONT = "Calibri"  # Carlito, the PDF's typeface, has the same metrics
TEXT_CM = TEXT_WIDTH / 28.3465

_ROLE_STYLE = {
    Role.BULLET: "List Bullet",
    Role.SMALL_BULLET: "List Bullet",
    Role.FINDING: "List Bullet",
    Role.CAPTION: "Caption",
    Role.TITLE: "Title",
    Role.TITLE_SUB: "Subtitle",
}
_ROLE_SIZE = {Role.SMALL: 8.5, Role.SMALL_BULLET: 9, Role.NOTE: 8.5, Role.TITLE_META: 11.5}
_ROLE_ALIGN = {
    Role.CELL_RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Role.CELL_RIGHT_BOLD: WD_ALIGN_PARAGRAPH.RIGHT,
    Role.CELL_CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Role.BIG_NUMBER: WD_ALIGN_PARAGRAPH.CENTER,
    Role.TOTAL: WD_ALIGN_PARAGRAPH.CENTER,
}
_BOLD_ROLES = {
    Role.CELL_HEAD,
    Role.CELL_BOLD,
    Role.CELL_RIGHT_BOLD,
    Role.BIG_NUMBER,
    Role.TOTAL,
    Role.CAPTION,
}


def _xml(text: str) -> str:
    """Text Word can store: no control characters (lxml refuses them)."""
    return plain(text)


def _set_language(document: DocxDocument, lang: str) -> None:
    """sv-SE as the language of every style (spell checking, hyphenation, screen readers)."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:docDefaults")
        styles.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPrDefault"))
    if rpr is None:
        rpr = OxmlElement("w:rPrDefault")
        rpr_default.append(rpr)
    inner = rpr.find(qn("w:rPr"))
    if inner is None:
        inner = OxmlElement("w:rPr")
        rpr.append(inner)
    for old in inner.findall(qn("w:lang")):
        inner.remove(old)
    language = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attr), lang)
    inner.append(language)
    document.settings.element.append(_element("w:themeFontLang", {"w:val": lang}))


def _element(tag: str, attrs: dict[str, str]) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key), value)
    return el


def _field(paragraph: Paragraph, code: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, TOC) with ``shown`` as its text until Word updates it."""
    _field_begin(paragraph, code)
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(_element("w:fldChar", {"w:fldCharType": "end"}))


def _field_begin(paragraph: Paragraph, code: str) -> None:
    """The start of a field whose result follows (and may run over several paragraphs)."""
    paragraph.add_run()._r.append(_element("w:fldChar", {"w:fldCharType": "begin", "w:dirty": "true"}))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(_element("w:fldChar", {"w:fldCharType": "separate"}))


def _styles(document: DocxDocument, lang: str) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6.5)
    normal.paragraph_format.line_spacing = 1.1
    for name, size in (
        ("Heading 1", 20),
        ("Heading 2", 14),
        ("Heading 3", 11.5),
        ("Title", 34),
        ("Subtitle", 16),
    ):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = ACCENT
    document.styles["Heading 3"].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    _set_language(document, lang)


def _page(document: DocxDocument, info: DocumentInfo) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = Cm(MARGIN_LEFT / 28.3465)
    section.right_margin = Cm(MARGIN_RIGHT / 28.3465)
    section.top_margin = Cm(MARGIN_TOP / 28.3465)
    section.bottom_margin = Cm(MARGIN_BOTTOM / 28.3465)
    header = section.header.paragraphs[0]
    header.text = _xml(info.header + ("   UTKAST" if info.draft else ""))
    header.runs[0].font.size = Pt(8.5)
    header.runs[0].font.color.rgb = MUTED
    footer = section.footer.paragraphs[0]
    left = footer.add_run(_xml(info.footer) + "\t")
    left.font.size = Pt(7.5 if info.draft else 8.5)
    left.font.color.rgb = MUTED
    footer.add_run("Sida ")
    _field(footer, "PAGE", "1")
    footer.add_run(" av ")
    _field(footer, "NUMPAGES", "1")
    tabs = footer.paragraph_format.tab_stops
    for inherited in (Inches(3.25), Inches(6.5)):  # the Footer style's own centre and right tabs
        tabs.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Cm(TEXT_CM), WD_TAB_ALIGNMENT.RIGHT)
    section.different_first_page_header_footer = not info.draft  # the title page stays clean


def _prop(text: str) -> str:
    """A document property: Word keeps at most 255 characters."""
    text = _xml(text)
    return text if len(text) <= 255 else text[:254] + "…"


def _properties(document: DocxDocument, info: DocumentInfo) -> None:
    props = document.core_properties
    props.title = _prop(info.title)
    props.author = _prop(info.author)
    props.subject = _prop(info.subject)
    props.keywords = _prop(", ".join(info.keywords))
    props.language = info.lang
    props.comments = _prop(info.stamp)
    props.last_modified_by = "Kompass Desktop"


class WordWriter:
    def __init__(self, content: ReportContent) -> None:
        self.content = content
        self.document = Document()
        self.level = 1  # the level of the last structure heading (for minor headings)
        self.last: Paragraph | None = None
        self.page_break_pending = False
        _styles(self.document, content.info.lang)
        _page(self.document, content.info)
        _properties(self.document, content.info)

    # -- paragraphs ---------------------------------------------------------------------------
    def _runs(self, p: Paragraph, para: Para) -> None:
        label = para.label
        if label:
            run = p.add_run(f"{label} ")
            run.font.size, run.font.color.rgb = Pt(7), MUTED
        for span in para.spans:
            lines = _xml(span.text).split("\n")
            for i, line in enumerate(lines):
                run = p.add_run(line)
                if i < len(lines) - 1:
                    run.add_break()
                run.bold = span.bold or para.role in _BOLD_ROLES or None
                run.italic = span.italic or para.role == Role.NOTE or None
                if span.missing or para.role == Role.MISSING:
                    run.font.color.rgb, run.italic = RED, True
                if span.big:
                    run.font.size = Pt(24)
                elif para.role in _ROLE_SIZE:
                    run.font.size = Pt(_ROLE_SIZE[para.role])
                if para.role == Role.NOTE:
                    run.font.color.rgb = MUTED
                if para.role == Role.CELL_HEAD:
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                if para.role == Role.BIG_NUMBER:
                    run.font.size, run.font.color.rgb = Pt(26), ACCENT

    def _style_of(self, para: Para) -> str:
        if para.role == Role.SUBHEAD:
            return f"Heading {min(self.level + 1, 4)}"
        if para.bullet:
            return "List Bullet"
        return _ROLE_STYLE.get(para.role, "Normal")

    def paragraph(self, para: Para, container: _Cell | None = None, first_in_cell: bool = False) -> Paragraph:
        style = self._style_of(para)
        if container is None:
            p = self.document.add_paragraph(style=style)
        elif first_in_cell:
            p = container.paragraphs[0]
            p.style = self.document.styles[style]
        else:
            p = container.add_paragraph(style=style)
        self._runs(p, para)
        if para.role in _ROLE_ALIGN:
            p.alignment = _ROLE_ALIGN[para.role]
        if container is not None:
            p.paragraph_format.space_after = Pt(2)
        self._break_before(p)
        return p

    def _break_before(self, p: Paragraph) -> None:
        if self.page_break_pending:
            p.paragraph_format.page_break_before = True
            self.page_break_pending = False
        self.last = p

    def heading(self, h: Heading) -> None:
        p = self.document.add_heading(_xml(h.text), level=h.level)
        self.level = h.level
        self._break_before(p)

    # -- tables and charts ----------------------------------------------------------------------
    def table(self, t: Table) -> None:
        rows = ([t.header] if t.header else []) + list(t.rows)
        table = self.document.add_table(rows=len(rows), cols=len(t.widths))
        table.style = self.document.styles["Table Grid"]
        if t.kind == TableKind.TOTAL_BOX:
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for r, row in enumerate(rows):
            for c, content in enumerate(row):
                cell = table.cell(r, c)
                cell.width = Cm(TEXT_CM * t.widths[c])
                for i, para in enumerate(content):
                    self.paragraph(para, cell, first_in_cell=i == 0)
                if (t.header and r == 0) or t.kind == TableKind.TOTAL_BOX:
                    _shade(cell, ACCENT_FILL if t.header and r == 0 else LIGHT_FILL)
                elif t.kind == TableKind.FACTS and c == 0:
                    _shade(cell, LIGHT_FILL)
        if t.header:
            _repeat_header(table.rows[0])
        _describe(table, t.description)
        spacer = self.document.add_paragraph()  # Word needs a paragraph between tables
        spacer.paragraph_format.space_after = Pt(4)
        self.last = spacer

    def chart(self, c: Chart) -> None:
        drawing = {
            ChartKind.AREAS: charts.area_bars,
            ChartKind.TOTALS: charts.totals_bars,
            ChartKind.PROFILE: charts.profile_radar,
        }[c.kind](c.data, TEXT_WIDTH)
        if drawing is None:
            return
        p = self.document.add_paragraph()
        run = p.add_run()
        shape = run.add_picture(
            io.BytesIO(charts.png(drawing)), width=Cm(min(TEXT_CM, drawing.width / 28.3465))
        )
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", _xml(c.alt))
        doc_pr.set("title", _xml(c.alt.split(":", 1)[0]))
        self._break_before(p)

    def contents(self, c: Contents) -> None:
        """A TOC field whose shown result already lists the entries (Word adds the page numbers)."""
        p = self.document.add_paragraph(_xml(c.title), style="TOC Heading")
        self._break_before(p)
        entries = [b for b in self.content.walk() if isinstance(b, Heading) and b.toc and b.level <= 2]
        first = self.document.add_paragraph()
        _field_begin(first, 'TOC \\o "1-2" \\h \\z \\u')
        last = first
        for i, entry in enumerate(entries):
            p = first if i == 0 else self.document.add_paragraph()
            p.paragraph_format.left_indent = Cm(0.8 * (entry.level - 1))
            p.paragraph_format.space_after = Pt(2 if entry.level > 1 else 4)
            run = p.add_run(_xml(entry.text))
            run.bold = entry.level == 1 or None
            last = p
        last.add_run()._r.append(_element("w:fldChar", {"w:fldCharType": "end"}))
        self.document.settings.element.append(_element("w:updateFields", {"w:val": "true"}))

    # -- everything -----------------------------------------------------------------------------
    def blocks(self, blocks: Iterable[Block]) -> None:
        for b in blocks:
            if isinstance(b, Para):
                self.paragraph(b)
            elif isinstance(b, Heading):
                self.heading(b)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Chart):
                self.chart(b)
            elif isinstance(b, Contents):
                self.contents(b)
            elif isinstance(b, PageBreak):
                self.page_break_pending = True
            elif isinstance(b, Space):
                if self.last is not None:
                    after = self.last.paragraph_format.space_after
                    self.last.paragraph_format.space_after = Pt(max(b.points, after.pt if after else 0))
            elif isinstance(b, Together):
                start = len(self.document.paragraphs)
                self.blocks(b.blocks)
                for p in self.document.paragraphs[start:-1]:
                    p.paragraph_format.keep_with_next = True
            elif isinstance(b, (Bookmark, NeedSpace)):
                continue  # the PDF's bookmarks come from Word's headings; Word paginates itself

    def save(self) -> bytes:
        self.blocks(self.content.blocks)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _shade(cell: _Cell, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    props.append(_element("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill}))


def _repeat_header(row: object) -> None:
    """Mark the header row to repeat at the top of every page the table runs over."""
    tr = row._tr  # type: ignore[attr-defined]
    props = tr.get_or_add_trPr()
    props.append(_element("w:tblHeader", {"w:val": "true"}))
    props.append(_element("w:cantSplit", {"w:val": "true"}))


def _describe(table: object, description: str) -> None:
    """The table's title and description (read by screen readers)."""
    if not description:
        return
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    tbl_pr.append(_element("w:tblCaption", {"w:val": _xml(description.split(":", 1)[0])}))
    tbl_pr.append(_element("w:tblDescription", {"w:val": _xml(description)}))


def render_docx(content: ReportContent) -> bytes:
    """The report as the bytes of a .docx file."""
    register_fonts()  # the charts are measured and drawn with the report's typeface
    return WordWriter(content).save()
