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
    last: dict[str, int] = field(default_factory=dict)  # source -> the last page (from 1) it is on

    def window(self, source: str, at: float, span: int) -> range:
        """Up to ``span`` pages (from 1) of ``source``: around the point ``at`` (0: its start,
        1: its end) of the pages it is printed on.  Empty when it is not in the section."""
        if source not in self.placed:
            return range(0)
        start = self.placed[source]
        end = max(start, self.last.get(source, start))
        centre = start + round(min(1.0, max(0.0, at)) * (end - start))
        low = max(start, min(centre - (span - 1) // 2, end - span + 1))
        return range(low, min(end, low + max(1, span) - 1) + 1)


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
    last: dict[str, int] = field(default_factory=dict)  # source -> page number it ends on

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
        self._last_layout: dict[str, Layout] = {}  # section key -> its last layout

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
        last = {s: p - first + 1 for s, p in built.last.items()}
        headings = {k: p - first + 1 for k, p in built.heading_pages.items()}
        layout = Layout(built.pages, placed, headings, last)
        self._layouts[key] = layout
        self._last_layout[section.key] = layout
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
        at: float = 0.0,
        span: int = 1,
    ) -> SectionPages:
        """Build the section holding heading ``key`` or paragraph ``source``, numbered as in the
        whole report.  Drawn: the page numbers ``pages``; else page ``page`` if it is in the
        section; else up to ``span`` pages of ``source`` around the point ``at`` of it (0: the
        page it starts on, 1: the page it ends on); else the section's first page."""
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
        previous = known if known is not None else self._last_layout.get(target.key)
        window = previous.window(source, at, span) if previous is not None else range(0)
        keep = set(pages) if pages is not None else {first + p - 1 for p in window or (1,)}
        if pages is None and page and page >= first and (known is None or page < first + known.pages):
            keep = {page}
        built = self._build(
            content, target, toc, PageRange(first, after, keep, outline=False, regions=True), headings
        )
        layout = self._remember(tkey, target, built)
        wanted = {first + p - 1 for p in layout.window(source, at, span)}
        if pages is None and not wanted and not built.numbers:
            wanted = {first}  # nothing of it left on the pages drawn: the section's first page
        if pages is None and keep != {page} and wanted and not wanted <= keep:
            # the text moved to other pages since the last layout: draw those instead
            again = PageRange(first, after, wanted, outline=False, regions=True)
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
            {s: first + p - 1 for s, p in layout.last.items()},
        )

    def _forget_unused(self) -> None:
        """Keep the layouts of this render and the one before; the same for paragraphs."""
        self._layouts = {
            k: v for k, v in self._layouts.items() if k in self._used or k in self._previous_used
        }
        self._previous_used, self._used = self._used, set()
        self.flowables.next_build()
