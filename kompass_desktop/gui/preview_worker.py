"""The live preview's worker: the report pages of the field being edited, made off the GUI thread.

The pane hands over the evaluation file and what to show (:class:`PreviewRequest`).  A worker
thread passes it to a child process that runs the report code (:mod:`kompass_desktop.
preview_renderer`: the evaluation as last committed, the draft's content model, the section
holding the field with the page numbers it has in the whole report, reusing what has not
changed, the drawn pages rasterised) and turns the answer into images.  The window's Python
thread never waits for a snapshot or for reportlab: not even for the interpreter's lock, as a
thread of the same process would.

Only the newest request counts: a request waiting is replaced by a newer one, a result that
arrives after a newer request was made, or after an edit the pane reported (:meth:`PreviewWorker.
outdate`), is dropped here before it is turned into images (and by generation in the pane).
The child runs at a lower priority than the window (:func:`kompass_desktop.preview_renderer.
give_way`): on a busy 2-core machine the edit and its repaint get the processor first.
Errors (a damaged font, a child that died) come back as a message; the next request starts a
new child if needed.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QImage

from ..preview_renderer import Job, Picture, Rendered
from ..report.pages import Region


@dataclass(frozen=True, slots=True)
class PreviewRequest:
    """What to show: the section of ``source`` (else of heading ``key``), page ``page`` when
    asked for (previous/next page), else the pages of ``source`` around the cursor; rasterised
    at ``scale`` pixels per PDF point."""

    generation: int
    path: str  # the evaluation file (the renderer reads it as last committed)
    source: str = ""
    key: str = ""
    page: int = 0
    scale: float = 1.0
    at: float = 0.0  # where in the field the cursor is (0: start, 1: end)
    span: int = 1  # pages of the field drawn (previous/next page show the others)
    draft: tuple[str, str] = ("", "")  # the field typed in and its text, not committed yet
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
    span: tuple[int, int] = (0, 0)  # the pages the field is printed on, first and last
    error: str = ""
    started: float = 0.0
    seconds: dict[str, float] = field(default_factory=dict)  # where the time went in the child


def result_of(request: PreviewRequest, answer: Rendered) -> PreviewResult:
    if answer.error:
        return PreviewResult(request.generation, request.source, error=error_message(answer.error))
    pages = tuple(PreviewPage(p.number, image_of(p), *p.points) for p in answer.pictures)
    return PreviewResult(
        request.generation,
        request.source,
        answer.key,
        pages,
        answer.regions,
        answer.total,
        answer.first,
        answer.count,
        answer.pdf,
        answer.span,
        started=request.started,
        seconds=answer.seconds,
    )


def error_message(detail: object) -> str:
    """The pane's one-line message for a render that failed because of ``detail`` (the core's
    message, or an error: in the GUI's language)."""
    from .error_text import error_text, translated

    text = QCoreApplication.translate("preview", "Förhandsvisningen kunde inte skapas: {0}")
    shown = error_text(detail) if isinstance(detail, BaseException) else translated(detail)
    return text.format(shown)


def image_of(picture: Picture) -> QImage:
    kind = QImage.Format.Format_RGB888
    return QImage(picture.pixels, picture.width, picture.height, picture.stride, kind).copy()


class RenderProcess:
    """The child process that renders (:func:`kompass_desktop.preview_renderer.serve`)."""

    def __init__(self) -> None:
        import multiprocessing

        from ..preview_renderer import serve

        context = multiprocessing.get_context("spawn")  # no fork of a process running Qt
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child,), name="kompass-preview", daemon=True)
        self.process.start()
        child.close()

    def render(self, request: PreviewRequest) -> Rendered:
        r = request
        job = Job(r.path, r.source, r.key, r.page, r.scale, r.at, r.span, r.draft)
        self.conn.send(job)
        answer: Rendered = self.conn.recv()
        return answer

    def kill(self) -> None:
        """End the child now (a render in progress is abandoned)."""
        if self.process.is_alive():
            self.process.kill()
        self.conn.close()


class PreviewWorker(QThread):
    """One thread that has the newest request rendered; ``rendered`` carries a :class:`PreviewResult`."""

    rendered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._condition = threading.Condition()
        self._pending: PreviewRequest | None = None
        self._newest = 0
        self._stopping = False
        self._busy = False
        self._child: RenderProcess | None = None
        app = QCoreApplication.instance()
        if app is not None:  # Qt aborts the process when a thread still running is destroyed
            app.aboutToQuit.connect(self._end_with_application)

    def _end_with_application(self) -> None:
        """The application ends: the render is abandoned and the thread ends before Qt tears it
        down (the child is killed, so this takes moments; never longer than the bound)."""
        self.stop()
        self.wait(5000)

    # -- the GUI thread ------------------------------------------------------------------------
    def submit(self, request: PreviewRequest) -> None:
        """Render ``request`` next; a request still waiting is dropped."""
        with self._condition:
            self._pending = request
            self._newest = max(self._newest, request.generation)
            self._condition.notify()
        if not self.isRunning():
            self.start()

    def outdate(self, generation: int) -> None:
        """What is rendering now is older than ``generation`` (an edit came since): its answer
        is dropped here, before it is turned into images or reaches the window."""
        with self._condition:
            self._newest = max(self._newest, generation)

    @property
    def busy(self) -> bool:
        with self._condition:
            return self._busy or self._pending is not None

    def stop(self) -> None:
        """End the thread and the child process now (without waiting for a render)."""
        with self._condition:
            self._stopping = True
            self._pending = None
            self._newest += 1
            child, self._child = self._child, None
            self._condition.notify()
        if child is not None:
            child.kill()

    # -- the worker thread ---------------------------------------------------------------------
    def exchange(self, request: PreviewRequest) -> Rendered:
        """The child's answer to ``request`` (a new child when there is none)."""
        with self._condition:
            child = self._child
        if child is None:
            child = RenderProcess()
            with self._condition:
                if self._stopping:
                    child.kill()
                    return Rendered()
                self._child = child
        try:
            return child.render(request)
        except (EOFError, OSError) as err:  # the child died (or was ended): a new one next time
            with self._condition:
                if self._child is child:
                    self._child = None
            child.kill()
            ended = QCoreApplication.translate("preview", "renderingsprocessen avslutades ({0})")
            return Rendered(error=ended.format(type(err).__name__))

    def run(self) -> None:
        while True:
            with self._condition:
                while self._pending is None and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                request, self._pending = self._pending, None
                assert request is not None
                self._busy = True
            result: PreviewResult | None = None
            try:
                answer = self.exchange(request)
                if not self.stale(request):
                    result = result_of(request, answer)
            except Exception as err:  # shown in the pane; the window goes on
                result = PreviewResult(request.generation, request.source, error=error_message(err))
            with self._condition:
                self._busy = False
            if result is not None and not self.stale(request):
                self.rendered.emit(result)

    def stale(self, request: PreviewRequest) -> bool:
        with self._condition:
            return self._stopping or request.generation != self._newest
