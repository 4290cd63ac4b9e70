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
from typing import NewType, TypeVar, overload
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

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
    length of the text.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self.__dict__.get("_kompass_wrap")
        if cached is not None and cached[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = cached
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._kompass_wrap = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return width, height


P = TypeVar("P", bound=TextParagraph)


@overload
def para(markup: Markup, style: ParagraphStyle, *, bullet: bool = False) -> TextParagraph: ...


@overload
def para(markup: Markup, style: ParagraphStyle, *, bullet: bool = False, cls: type[P]) -> P: ...


def para(
    markup: Markup, style: ParagraphStyle, *, bullet: bool = False, cls: type[TextParagraph] = TextParagraph
) -> TextParagraph:
    """The only constructor of reportlab paragraphs in the report (``cls``: a subclass)."""
    return cls(markup, style, bulletText="•" if bullet else None)
