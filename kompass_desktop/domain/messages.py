"""Messages for the evaluator that the GUI can translate: Swedish text that knows how it was built.

A :class:`Message` *is* the Swedish text (a ``str``), so the command line, the reports and every
``str(error)`` stay exactly as they were.  It also keeps its ``template`` (the Swedish sentence
with ``{name}`` placeholders) and its ``params``, so the GUI can look the template up in its
translation (context ``"messages"``) and fill in the same values::

    raise ScoreError(msg("”{value}” är inte ett tal.", value=value))

Only a literal template passed straight to :func:`msg` is found by
``packaging/update_translations.py``, which writes every template into
``kompass_desktop/gui/_core_messages.py`` for Qt Linguist; a params value that is itself a
``Message`` is translated too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any


class Message(str):
    """Swedish text (the ``str`` value) with its ``template`` and ``params``."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object] | None = None) -> Message:
        values = dict(params or {})
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.params = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled (e.g. to a worker process) as it was built
        return (Message, (self.template, dict(self.params)))


def msg(template: str, /, **params: object) -> Message:
    """The message ``template.format(**params)`` (as the f-string it replaces would write it)."""
    return Message(template, params)


class Joined(Message):
    """Several messages as one text: ``sep.join(items)`` (a detail list: damaged values, schema
    problems), each item without trailing ``trim`` characters.  Each item is translated on its
    own; an item that is data (a file name, a path, jsonschema's own words) is a plain ``str``
    and shown as it is."""

    items: tuple[str, ...]
    sep: str
    trim: str

    def __new__(cls, items: Sequence[str], sep: str = "; ", trim: str = "") -> Joined:
        self = str.__new__(cls, sep.join(item.rstrip(trim) if trim else item for item in items))
        self.template = str(self)
        self.params = {}
        self.items = tuple(items)
        self.sep = sep
        self.trim = trim
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.items, self.sep, self.trim))


def joined(items: Iterable[str], sep: str = "; ", trim: str = ".") -> Joined:
    """``sep.join(items)``, keeping each item (a :class:`Message` is translated on its own);
    ``trim``: characters taken off the end of each item: by default its full stop, because the
    items become parts of one sentence (which ends with the full stop of its own template)."""
    return Joined(list(items), sep, trim)


def joined_at_most(items: Sequence[str], limit: int, sep: str = "; ", trim: str = ".") -> Message:
    """The first ``limit`` items joined, then " (och N till)" when there are more."""
    shown = joined(items[:limit], sep, trim)
    more = len(items) - limit
    return msg("{items} (och {more} till)", items=shown, more=more) if more > 0 else shown
