"""The live preview's worker: builds the report pages of the field being edited off the GUI thread.

The GUI hands over a snapshot of the evaluation and what to show (:class:`PreviewRequest`);
one worker thread builds the draft's content model, the section holding the field (with the
page numbers it has in the whole report, :class:`~kompass_desktop.report.sections.SectionBuilder`
reusing what has not changed) and rasterises the drawn pages with PDFium.  Only the newest
request counts: a request waiting is replaced by a newer one, a render still running when a
newer request arrives stops at its next step, and every result carries its generation so the
pane can drop stale ones.  Errors (a damaged font, anything unexpected) come back as a message.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from ..domain.errors import KompassError
from ..domain.model import EvaluationSnapshot
from ..report.pages import Region


@dataclass(frozen=True, slots=True)
class PreviewRequest:
    """What to show: the section of ``source`` (else of heading ``key``), page ``page`` when
    asked for (previous/next page), rasterised at ``scale`` pixels per PDF point."""

    generation: int
    snap: EvaluationSnapshot
    source: str = ""
    key: str = ""
    page: int = 0
    scale: float = 1.0
    started: float = field(default_factory=time.perf_counter)


@dataclass(frozen=True, slots=True)
class PreviewPage:
    number: int  # page number in the whole report
    image: QImage
    width: float  # PDF points
    height: float


@dataclass(frozen=True, slots=True)
class PreviewResult:
    generation: int
    source: str = ""
    key: str = ""
    pages: tuple[PreviewPage, ...] = ()
    regions: tuple[Region, ...] = ()
    total: int = 0
    first: int = 0  # first page of the section
    count: int = 0  # pages in the section
    pdf: bytes = b""  # the drawn pages (the report's own PDF, for tests and checks)
    error: str = ""
    started: float = 0.0


class Superseded(Exception):
    """A newer request arrived: the render in progress is abandoned."""


def rasterise(pdf: bytes, scale: float) -> list[tuple[QImage, float, float]]:
    """Every page of ``pdf`` as an image (PDFium; one document at a time: it is not thread-safe)."""
    import pypdfium2 as pdfium

    from ..report.document import build_lock

    out: list[tuple[QImage, float, float]] = []
    with build_lock:
        document = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                width, height = page.get_size()
                bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A), as Qt reads it
                try:
                    kind = (
                        QImage.Format.Format_RGB888
                        if bitmap.n_channels == 3
                        else QImage.Format.Format_RGBA8888
                    )
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, kind)
                    image = image.copy()  # own the pixels: the bitmap's buffer goes away
                finally:
                    bitmap.close()
                out.append((image, float(width), float(height)))
        finally:
            document.close()
    return out


class PreviewRenderer:
    """The report side of one render (used by the worker thread only)."""

    def __init__(self) -> None:
        from ..report.sections import SectionBuilder

        self.builder = SectionBuilder()

    def section_key_of_page(self, content: Any, page: int) -> str:
        """The key of the section holding page ``page`` of the whole report ("" if none)."""
        from ..report.pdf import toc_entries
        from ..report.sections import sections

        toc = toc_entries(content.blocks)
        start = 1
        for section in sections(content):
            count = self.builder.layout(content, section, toc).pages
            if start <= page < start + count:
                return section.key
            start += count
        return ""

    def render(self, request: PreviewRequest, newest: Any) -> PreviewResult:
        """``newest()``: the generation of the newest request (a render behind it stops)."""
        from ..report.context import make_context
        from ..report.document import report_content

        def check() -> None:
            if newest() != request.generation:
                raise Superseded

        content = report_content(make_context(request.snap, draft=True))
        check()
        key, source, page = request.key, request.source, request.page
        if page:
            key = self.section_key_of_page(content, page) or key
            source = ""
        try:
            part = self.builder.render(content, key=key, source=source, page=page)
        except KeyError:  # the field is not in the report (yet): its section, by heading
            part = self.builder.render(content, key=request.key or "contents")
        check()
        images = rasterise(part.pdf, request.scale)
        pages = tuple(
            PreviewPage(number, image, width, height)
            for number, (image, width, height) in zip(part.numbers, images, strict=True)
        )
        return PreviewResult(
            request.generation,
            request.source,
            part.key,
            pages,
            part.regions,
            part.total,
            part.first,
            part.count,
            part.pdf,
            started=request.started,
        )


def error_message(err: BaseException) -> str:
    """A one-line message for the pane (Swedish; the report's own errors are already Swedish)."""
    from PySide6.QtCore import QCoreApplication

    detail = str(err) if isinstance(err, KompassError) else f"{type(err).__name__}: {err}"
    text = QCoreApplication.translate("preview", "Förhandsvisningen kunde inte skapas: {0}")
    return text.format(" ".join(detail.split()))


class PreviewWorker(QThread):
    """One thread that renders the newest request; ``rendered`` carries a :class:`PreviewResult`."""

    rendered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._condition = threading.Condition()
        self._pending: PreviewRequest | None = None
        self._newest = 0
        self._stopping = False
        self._busy = False
        self.renderer_factory = PreviewRenderer  # tests may replace it

    # -- the GUI thread ------------------------------------------------------------------------
    def submit(self, request: PreviewRequest) -> None:
        """Render ``request`` next; a request still waiting is dropped, a running one stops."""
        with self._condition:
            self._pending = request
            self._newest = max(self._newest, request.generation)
            self._condition.notify()
        if not self.isRunning():
            self.start(QThread.Priority.LowPriority)

    @property
    def busy(self) -> bool:
        with self._condition:
            return self._busy or self._pending is not None

    def stop(self) -> None:
        """Ask the thread to end (it finishes the step it is in); does not wait."""
        with self._condition:
            self._stopping = True
            self._pending = None
            self._newest += 1
            self._condition.notify()

    # -- the worker thread ---------------------------------------------------------------------
    def _newest_generation(self) -> int:
        with self._condition:
            return self._newest

    def run(self) -> None:
        renderer: PreviewRenderer | None = None
        while True:
            with self._condition:
                while self._pending is None and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                request, self._pending = self._pending, None
                assert request is not None
                self._busy = True
            try:
                if renderer is None:
                    renderer = self.renderer_factory()
                result = renderer.render(request, self._newest_generation)
            except Superseded:
                result = None
            except Exception as err:  # shown in the pane; the window goes on
                renderer = None  # start afresh: a failed build may leave its caches half made
                result = PreviewResult(request.generation, request.source, error=error_message(err))
            with self._condition:
                self._busy = False
                stale = self._stopping or request.generation != self._newest
            if result is not None and not stale:
                self.rendered.emit(result)
