"""Parts of the report built alone, with the page numbers they have in the whole report.

The report is a row of sections, each starting on a new page (open items, title page,
contents, chapter 1, chapter 2, chapter 3 with area 1, each further area, chapter 4, chapter 5).
A section's layout depends on its own blocks only (every page has the same frame), so its page
count is known from an earlier layout as long as its blocks are unchanged.  The live preview
builds one section, drawing only the pages it shows; the other sections are laid out only
when they changed (without drawing), and paragraphs are reused from earlier builds
(:class:`.pdf.FlowableCache`).  The pages come out exactly as in the whole report: the same
flowables, frames, templates, numbering ("Sida X av Y") and draft marking.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable
from dataclasses import dataclass, field

from .blocks import Block, Bookmark, Contents, Heading, PageBreak, Para, ReportContent, Table, Together
from .document import build_lock
from .pages import Built, PageRange, Region, TocEntry, build_pages
from .pdf import FlowableCache, flowables, toc_entries
from .styles import styles


@dataclass(frozen=True, slots=True)
class Section:
    key: str  # the key of its first heading ("area-3"); "title", "contents" without one
    blocks: tuple[Block, ...]
    template: str  # the page template of its first page ("title" or "body")
    keys: frozenset[str]  # every heading and bookmark key in it
    sources: frozenset[str]  # every paragraph source in it


def _walk(blocks: tuple[Block, ...]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Together):
            out += _walk(b.blocks)
        else:
            out.append(b)
    return out


def _section(blocks: list[Block], template: str) -> Section:
    flat = _walk(tuple(blocks))
    keys = [b.key for b in flat if isinstance(b, Heading | Bookmark)]
    sources: set[str] = set()
    for b in flat:
        if isinstance(b, Para | Heading) and b.source:
            sources.add(b.source)
        elif isinstance(b, Table):
            sources |= {p.source for row in (b.header, *b.rows) for c in row for p in c if p.source}
    if keys:
        key = keys[0]
    elif any(isinstance(b, Contents) for b in flat):
        key = "contents"
    else:
        key = "title"
    return Section(key, tuple(blocks), template, frozenset(keys), frozenset(sources))


def sections(content: ReportContent) -> list[Section]:
    """The report's sections in order (split at its page breaks)."""
    template = "body" if content.info.draft else "title"
    out: list[Section] = []
    current: list[Block] = []
    for b in content.blocks:
        if isinstance(b, PageBreak):
            if current:
                out.append(_section(current, template))
            current = []
            template = b.template or template
        else:
            current.append(b)
    if current:
        out.append(_section(current, template))
    return out


def find_section(found: list[Section], *, key: str = "", source: str = "") -> int:
    """The index of the section holding heading ``key`` or paragraph ``source`` (-1: none)."""
    for i, s in enumerate(found):
        if (key and (key == s.key or key in s.keys)) or (source and source in s.sources):
            return i
    return -1


@dataclass(frozen=True, slots=True)
class Layout:
    """A section laid out alone: how many pages, and on which of them (from 1) each source starts."""

    pages: int
    placed: dict[str, int]
    headings: dict[str, int]  # heading key -> page (from 1) it is on


@dataclass(frozen=True, slots=True)
class SectionPages:
    """Pages of one section as in the whole report: the PDF of the drawn pages and their places."""

    key: str
    pdf: bytes
    numbers: tuple[int, ...]  # page numbers of the pages in ``pdf``, in order
    first: int  # the section's first page number
    count: int  # pages in the section
    total: int  # pages in the whole report
    regions: tuple[Region, ...]  # where each source was printed on the drawn pages
    placed: dict[str, int] = field(default_factory=dict)  # source -> page number it starts on

    def pages_of(self, source: str) -> list[int]:
        """The pages on which ``source`` was printed (of the drawn ones), else where it starts."""
        drawn = sorted({r.page for r in self.regions if r.source == source})
        if drawn:
            return drawn
        return [self.placed[source]] if source in self.placed else []


class SectionBuilder:
    """Builds sections of one evaluation's report again and again, reusing what is unchanged.

    Not thread-safe: one thread uses it (the preview's worker).
    """

    def __init__(self) -> None:
        self.flowables = FlowableCache()
        self._layouts: dict[Hashable, Layout] = {}
        self._used: set[Hashable] = set()
        self._previous_used: set[Hashable] = set()
        self._last_placed: dict[str, dict[str, int]] = {}  # section key -> source -> page in it

    def _key(self, content: ReportContent, section: Section, toc: list[TocEntry]) -> Hashable:
        """What a section's layout depends on.  Hashed once: the blocks are deep trees of frozen
        dataclasses, which do not keep their hash (a 64-bit hash standing for them)."""
        entries = tuple(toc) if section.key == "contents" else ()
        return (
            hash(section.blocks),
            len(section.blocks),
            section.template,
            hash(entries),
            content.info.draft,
        )

    def _build(
        self,
        content: ReportContent,
        section: Section,
        toc: list[TocEntry],
        pages: PageRange,
        headings: dict[str, int] | None = None,
    ) -> Built:
        story = flowables(section.blocks, styles(), cache=self.flowables, toc=toc)
        with build_lock:
            return build_pages(
                story, content.info, pages, section.template, compress=False, headings=headings
            )

    def _remember(self, key: Hashable, section: Section, built: Built) -> Layout:
        first = built.range.first
        placed = {s: p - first + 1 for s, p in built.placed.items()}
        layout = Layout(built.pages, placed, {k: p - first + 1 for k, p in built.heading_pages.items()})
        self._layouts[key] = layout
        self._last_placed[section.key] = placed
        return layout

    def layout(self, content: ReportContent, section: Section, toc: list[TocEntry]) -> Layout:
        """``section`` laid out alone (nothing drawn), from the cache when its blocks are unchanged."""
        key = self._key(content, section, toc)
        self._used.add(key)
        found = self._layouts.get(key)
        if found is None:
            built = self._build(content, section, toc, PageRange(keep=(), outline=False))
            found = self._remember(key, section, built)
        return found

    def render(
        self,
        content: ReportContent,
        *,
        key: str = "",
        source: str = "",
        page: int = 0,
        pages: Collection[int] | None = None,
    ) -> SectionPages:
        """Build the section holding heading ``key`` or paragraph ``source``, numbered as in the
        whole report.  Drawn: the page numbers ``pages``; else page ``page`` if it is in the
        section; else the page on which ``source`` starts; else the section's first page."""
        found = sections(content)
        index = find_section(found, key=key, source=source)
        if index < 0:
            raise KeyError(key or source)
        target = found[index]
        toc = toc_entries(content.blocks)
        layouts = {i: self.layout(content, s, toc) for i, s in enumerate(found) if i != index}
        counts = [layouts[i].pages if i in layouts else 0 for i in range(len(found))]
        first, after = sum(counts[:index]) + 1, sum(counts[index + 1 :])
        headings: dict[str, int] = {}  # for a table of contents: the pages of the other headings
        if any(isinstance(b, Contents) for b in found[index].blocks):
            counts[index] = self.layout(content, found[index], toc).pages
            for i, layout in layouts.items():
                start = sum(counts[:i])
                headings.update({k: start + p for k, p in layout.headings.items()})
        tkey = self._key(content, target, toc)
        self._used.add(tkey)
        known = self._layouts.get(tkey)
        previous = known.placed if known is not None else self._last_placed.get(target.key, {})
        keep = set(pages) if pages is not None else {first + previous.get(source, 1) - 1}
        if pages is None and page and page >= first and (known is None or page < first + known.pages):
            keep = {page}
        built = self._build(
            content, target, toc, PageRange(first, after, keep, outline=False, regions=True), headings
        )
        layout = self._remember(tkey, target, built)
        start = first + layout.placed[source] - 1 if source in layout.placed else 0
        if pages is None and keep != {page} and start and start not in keep:
            # the text moved to another page since the last layout: draw that page instead
            again = PageRange(first, after, {start}, outline=False, regions=True)
            built = self._build(content, target, toc, again, headings)
        self._forget_unused()
        return SectionPages(
            target.key,
            built.pdf,
            tuple(built.numbers),
            first,
            built.pages,
            built.total,
            tuple(built.regions),
            {s: first + p - 1 for s, p in layout.placed.items()},
        )

    def _forget_unused(self) -> None:
        """Keep the layouts of this render and the one before; the same for paragraphs."""
        self._layouts = {
            k: v for k, v in self._layouts.items() if k in self._used or k in self._previous_used
        }
        self._previous_used, self._used = self._used, set()
        self.flowables.next_build()
