"""The one way text reaches reportlab: user and file text is always escaped, markup is ours.

reportlab's ``Paragraph`` (and the table of contents, which builds paragraphs from heading
texts) interprets its text as markup: ``<img src=…>`` would embed a local file, ``<font>``
would change the look, an unbalanced ``<`` would crash the build.  Evaluators, imported files
and data files give plain text, never markup.  Therefore:

* :class:`Markup` is a distinct type (for mypy): only :func:`esc` and the trusted constructors
  below (:func:`tag`, :func:`concat`, :data:`BR`, :func:`styled`) produce it;
* :func:`para` is the only place a ``Paragraph`` is made, and it takes ``Markup`` only;
* :func:`plain` cleans text for places that take no markup but must not receive control
  characters either (canvas strings, chart labels, bookmarks, document metadata).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NewType, TypeVar, overload
from xml.sax.saxutils import escape, unescape

from reportlab.lib.colors import Color, toColor
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag

Markup = NewType("Markup", str)

# C0 control characters (except tab and line breaks) and DEL: never printable, and invalid in XML
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ENTITIES = {'"': "&quot;", "'": "&#39;"}


def plain(text: str) -> str:
    """Text without control characters (which no PDF or Word file can show)."""
    return _CONTROL.sub("", text)


def esc(text: str) -> Markup:
    """User or file text as markup that shows exactly that text."""
    return Markup(escape(plain(text), _ENTITIES))


def concat(*parts: Markup) -> Markup:
    return Markup("".join(parts))


BR = Markup("<br/>")
NBSP = Markup("&nbsp;")

_NAME = re.compile(r"^[a-z]+$")
_VALUE = re.compile(r"^[#A-Za-z0-9.\-]+$")


def tag(name: str, content: Markup, **attributes: str | float) -> Markup:
    """``<name attr="value">content</name>``: names and values are our own constants (checked)."""
    if not _NAME.match(name):
        raise ValueError(f"bad tag name {name!r}")
    attrs = ""
    for key, value in attributes.items():
        text = str(value)
        if not _NAME.match(key) or not _VALUE.match(text):
            raise ValueError(f"bad attribute {key}={text!r}")
        attrs += f' {key}="{text}"'
    return Markup(f"<{name}{attrs}>{content}</{name}>")


def styled(
    text: str, *, bold: bool = False, italic: bool = False, colour: str = "", size: float = 0
) -> Markup:
    """Plain ``text``, escaped, in bold/italic/a colour/a size."""
    markup = esc(text)
    if bold:
        markup = tag("b", markup)
    if italic:
        markup = tag("i", markup)
    if colour or size:
        attrs: dict[str, str | float] = {}
        if colour:
            attrs["color"] = colour
        if size:
            attrs["size"] = size
        markup = tag("font", markup, **attrs)
    return markup


class TextParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that breaks its lines once per width.

    reportlab wraps a flowable again every time a frame or a table row is laid out, and a
    table row that splits over many pages is wrapped again for every page.  Line breaking
    depends only on the width, so it is done once per width: layout stays linear in the
    length of the text.  Shallow copies share what was computed (the live preview reuses the
    paragraphs of one build in the next).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kompass_wraps: dict[float, tuple[Any, ...]] = {}

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        wraps = self._kompass_wraps
        cached = wraps.get(availWidth)
        if cached is not None:
            self.width, self.height, self.blPara, self._wrapWidths = cached
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            wraps[availWidth] = (self.width, self.height, self.blPara, self._wrapWidths)
        return width, height


P = TypeVar("P", bound=TextParagraph)


@overload
def para(markup: Markup, style: ParagraphStyle, *, bullet: bool = False) -> TextParagraph: ...


@overload
def para(markup: Markup, style: ParagraphStyle, *, bullet: bool = False, cls: type[P]) -> P: ...


def para(
    markup: Markup, style: ParagraphStyle, *, bullet: bool = False, cls: type[TextParagraph] = TextParagraph
) -> TextParagraph:
    """The only constructor of reportlab paragraphs from markup (``cls``: a subclass)."""
    return cls(markup, style, bulletText="•" if bullet else None)


_UNESCAPE = {v: k for k, v in _ENTITIES.items()}
_ENTITY = re.compile("(&(?:amp|lt|gt|quot|#39);)")


def _frag(style: ParagraphStyle, family: str, bold: int, italic: int, colour: Color, text: str) -> ParaFrag:
    frag = ParaFrag()
    frag.rise = 0
    frag.greek = 0
    frag.link = []
    frag.fontName = tt2ps(family, bold, italic)
    frag.bold, frag.italic = bold, italic
    frag.fontSize = style.fontSize
    frag.textColor = colour
    frag.us_lines = []
    frag.text = text
    return frag


def text_para(
    lines: Sequence[str],
    style: ParagraphStyle,
    *,
    colour: str = "",
    bullet: bool = False,
    cls: type[P],
) -> P:
    """Plain text lines (line breaks between them) as a paragraph, in ``colour`` if given.

    The same paragraph as :func:`para` of the escaped lines joined by ``<br/>`` (each in a
    ``<font color>``), made without reportlab's markup parser, which took a fifth of a
    report's time: the text is cleaned of white space by reportlab's own cleaner and the
    fragments are those the parser makes (one per line, with a line break between).  Nothing
    is interpreted as markup.
    """
    cleaned, frags = plain_frags(lines, style, colour)
    if frags is None:
        return cls(cleaned, style, bulletText="•" if bullet else None)
    return cls(cleaned, style, bulletText="•" if bullet else None, frags=frags)


def plain_frags(
    lines: Sequence[str], style: ParagraphStyle, colour: str = ""
) -> tuple[Markup, list[ParaFrag] | None]:
    """The cleaned text and the fragments of :func:`text_para` (for subclasses of Paragraph).

    An empty line (nothing, or only white space) is left to reportlab's parser (fragments
    None): it treats line breaks without text around them its own way."""
    markup = Markup(BR.join(styled(line, colour=colour) if line else Markup("") for line in lines))
    cleaned = cleanBlockQuotedText(markup)
    texts = cleaned.split(BR)
    if colour:  # each line is "<font color=…>text</font>": the cleaner leaves the tags as they are
        head, tail = styled("", colour=colour).split("</", 1)
        tail = "</" + tail
        if not all(t.startswith(head) and t.endswith(tail) for t in texts):
            return markup, None
        texts = [t[len(head) : len(t) - len(tail)] for t in texts]
    if any(not t.strip() for t in texts):
        return markup, None
    family, bold, italic = ps2tt(style.fontName)
    ink = toColor(colour) if colour else style.textColor
    frags: list[ParaFrag] = []
    for i, line in enumerate(texts):
        if i:  # (the line break stands outside the colour's tag)
            frags.append(_frag(style, family, bold, italic, style.textColor, ""))
            frags[-1].lineBreak = True
        # the parser makes a fragment of each entity and of the text between them
        for piece in _ENTITY.split(line):
            if piece:
                frags.append(_frag(style, family, bold, italic, ink, unescape(piece, _UNESCAPE)))
    textTransformFrags(frags, style)
    return Markup(cleaned), frags
