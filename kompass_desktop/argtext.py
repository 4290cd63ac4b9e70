"""argparse's own words in Swedish: the usage line, the help's headings and its error messages,
for the command line (``kompass``) and the program's options (``kompass-desktop --help``).

argparse looks its words up at run time through its module's ``_`` and ``ngettext`` (gettext);
:func:`install` points them at the table below.  A text the table does not know (another
Python version's new wording) is shown as argparse has it.
"""

from __future__ import annotations

import argparse

SWEDISH: dict[str, str] = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",  # before Python 3.10
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "följande argument saknas: %s",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "expected one argument": "ett värde behövs",
    "expected at most one argument": "högst ett värde går",
    "expected at least one argument": "minst ett värde behövs",
    "not allowed with argument %s": "går inte att kombinera med %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s"
    ),
    "ignored explicit argument %r": "flaggan tar inget värde: %r",
    "unexpected option string: %s": "oväntad flagga: %s",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
}

PLURAL: dict[str, tuple[str, str]] = {
    "expected %s argument": ("%s värde behövs", "%s värden behövs"),
}


def swedish(text: str) -> str:
    return SWEDISH.get(text, text)


def swedish_plural(singular: str, plural: str, n: int) -> str:
    forms = PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install() -> None:
    """argparse speaks Swedish in this process (before a parser is made: it takes its headings
    then)."""
    setattr(argparse, "_", swedish)  # noqa: B010 - argparse's own module-level name
    setattr(argparse, "ngettext", swedish_plural)  # noqa: B010
