"""The live preview's renderer, run in a process of its own (no Qt here).

The GUI's preview worker (:mod:`kompass_desktop.gui.preview_worker`) starts :func:`serve` in a
child process and sends it requests (:class:`Job`): the evaluation file and what to show.  The
child reads the evaluation itself (its own read-only connection: the file as last committed,
so the window never spends time on a snapshot, even of a 5,000-note evaluation), builds the
draft's content model, the section holding the field (:class:`.report.sections.SectionBuilder`,
reusing what has not changed since the previous request) and rasterises the drawn pages with
PDFium.  A process of its own keeps the window's Python thread free while reportlab works (a
thread would compete for the interpreter's lock); a crash there cannot take the window with it.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from .domain.model import EvaluationSnapshot, Text, TextScope
from .report.pages import Region


@dataclass(frozen=True, slots=True)
class Job:
    """What to show: the section of ``source`` (else of heading ``key``); page ``page`` when
    asked for (previous/next page), else up to ``span`` pages of ``source`` around the point
    ``at`` (0: its start, 1: its end); rasterised at ``scale`` pixels per PDF point."""

    path: str  # the evaluation file
    source: str = ""
    key: str = ""
    page: int = 0
    scale: float = 1.0
    at: float = 0.0
    span: int = 1
    #: The field being typed in and its text not committed yet (source, text): shown as typed.
    draft: tuple[str, str] = ("", "")


@dataclass(frozen=True, slots=True)
class Picture:
    """One rasterised page: RGB pixels, rows of ``stride`` bytes; its size in PDF points."""

    number: int
    pixels: bytes
    width: int
    height: int
    stride: int
    points: tuple[float, float]


@dataclass(frozen=True, slots=True)
class Rendered:
    key: str = ""
    pictures: tuple[Picture, ...] = ()
    regions: tuple[Region, ...] = ()
    total: int = 0
    first: int = 0
    count: int = 0
    pdf: bytes = b""
    span: tuple[int, int] = (0, 0)  # the pages the job's source is printed on, first and last
    error: str = ""  # one line: a core Message (Swedish, translated by the GUI) or plain text
    seconds: dict[str, float] = field(default_factory=dict)  # where the time went


def rasterise(pdf: bytes, numbers: tuple[int, ...], scale: float) -> tuple[Picture, ...]:
    import pypdfium2 as pdfium

    out: list[Picture] = []
    document = pdfium.PdfDocument(pdf)
    try:
        for index, number in enumerate(numbers):
            page = document[index]
            width, height = page.get_size()
            bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=False)
            try:
                if bitmap.n_channels != 3:
                    raise ValueError(f"{bitmap.n_channels} colour channels")
                pixels = bytes(bitmap.buffer)
                out.append(
                    Picture(number, pixels, bitmap.width, bitmap.height, bitmap.stride, (width, height))
                )
            finally:
                bitmap.close()
    finally:
        document.close()
    return tuple(out)


class Renderer:
    """Renders jobs of one evaluation one after the other, reusing what has not changed."""

    def __init__(self) -> None:
        from .report.sections import SectionBuilder

        self.builder = SectionBuilder()

    def section_key_of_page(self, content: Any, page: int) -> str:
        """The key of the section holding page ``page`` of the whole report ("" if none)."""
        from .report.pdf import toc_entries
        from .report.sections import sections

        toc = toc_entries(content.blocks)
        start = 1
        for section in sections(content):
            count = self.builder.layout(content, section, toc).pages
            if start <= page < start + count:
                return section.key
            start += count
        return ""

    def render(self, snap: EvaluationSnapshot, job: Job) -> Rendered:
        import time

        from .report.context import make_context
        from .report.document import report_content

        clock = time.perf_counter()
        content = report_content(make_context(snap, draft=True))
        seconds = {"content": time.perf_counter() - clock}
        key, source, page = job.key, job.source, job.page
        if page:
            key, source = self.section_key_of_page(content, page) or key, ""
        clock = time.perf_counter()
        try:
            part = self.builder.render(content, key=key, source=source, page=page, at=job.at, span=job.span)
        except KeyError:  # the field is not in the report (yet): its section, by heading
            part = self.builder.render(content, key=job.key or "contents")
        seconds["pdf"] = time.perf_counter() - clock
        clock = time.perf_counter()
        pictures = rasterise(part.pdf, part.numbers, job.scale)
        seconds["raster"] = time.perf_counter() - clock
        start = part.placed.get(job.source, 0)
        span = (start, part.last.get(job.source, start))
        return Rendered(
            part.key,
            pictures,
            part.regions,
            part.total,
            part.first,
            part.count,
            part.pdf,
            span,
            seconds=seconds,
        )


def with_draft(snap: EvaluationSnapshot, draft: tuple[str, str]) -> EvaluationSnapshot:
    """The evaluation with the text of field ``draft[0]`` ("text:SCOPE:REF") as typed, not yet
    committed; other sources (or none) leave it as it is."""
    source, body = draft
    kind, _, rest = source.partition(":")
    scope_value, _, ref = rest.partition(":")
    if kind != "text" or scope_value not in {s.value for s in TextScope}:
        return snap
    scope = TextScope(scope_value)
    texts = list(snap.texts)
    for index, text in enumerate(texts):
        if text.scope == scope and text.ref == ref:
            texts[index] = dataclasses.replace(text, body=body)
            break
    else:
        texts.append(Text(id=f"draft:{source}", scope=scope, ref=ref, body=body))
    return dataclasses.replace(snap, texts=tuple(texts))


#: How much lower than the window the renderer runs (POSIX niceness).
RENDER_NICENESS = 5


def give_way() -> None:
    """The renderer runs below the window's priority: on a 2-core machine that is busy, typing,
    scores and charts get the processor first and the preview waits (it never the other way)."""
    try:
        if hasattr(os, "nice"):
            os.nice(RENDER_NICENESS)
        else:  # Windows
            import psutil

            psutil.Process().nice(psutil.BELOW_NORMAL_PRIORITY_CLASS)
    except (OSError, ImportError, AttributeError):
        pass  # not allowed here: it renders at the window's priority


def _picklable(value: object) -> bool:
    import pickle

    try:
        pickle.dumps(value)
    except Exception:  # a param that cannot cross the pipe: its text does
        return False
    return True


def message_of(err: BaseException) -> str:
    """One line for the pane: the core's :class:`Message` itself when it is one line already (the
    GUI shows it in its own language), else the text on one line."""
    from .domain.errors import KompassError
    from .domain.messages import Message

    if isinstance(err, KompassError) and len(err.args) == 1 and isinstance(err.args[0], Message):
        message = err.args[0]
        if message == str(err) and message == " ".join(message.split()) and _picklable(message):
            return message
    detail = str(err) if isinstance(err, KompassError) else f"{type(err).__name__}: {err}"
    return " ".join(detail.split())


def serve(conn: Connection) -> None:
    """The child process: answer every :class:`Job` with a :class:`Rendered` until None or EOF."""
    import time

    from .services import EvaluationSession

    give_way()
    renderer: Renderer | None = None
    sessions: dict[str, EvaluationSession] = {}
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        if job is None:
            break
        try:
            clock, cpu = time.perf_counter(), time.process_time()
            if job.path not in sessions:
                sessions[job.path] = EvaluationSession.open(job.path, readonly=True)
            snap = with_draft(sessions[job.path].snapshot(), job.draft)
            read = time.perf_counter() - clock
            if renderer is None:
                renderer = Renderer()
            answer = renderer.render(snap, job)
            answer.seconds["read"] = read
            answer.seconds["cpu"] = time.process_time() - cpu  # all of it, in the processor
        except Exception as err:  # shown in the pane
            renderer = None  # start afresh: a failed build may leave its caches half made
            for session in sessions.values():
                session.close()
            sessions.clear()
            answer = Rendered(error=message_of(err))
        try:
            conn.send(answer)
        except (EOFError, OSError):
            break
    for session in sessions.values():
        session.close()
