"""Paragraphs of plain text are made without reportlab's markup parser, with the same result."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompass_desktop.report.markup import BR, Markup, TextParagraph, para, styled, text_para
from kompass_desktop.report.styles import styles

# letters, the characters markup and entities are made of, and every kind of white space
# reportlab's cleaner knows (and the no-break space, which it keeps)
ALPHABET = "abc åÄö<>&;\"'#/=\t\r\x0b\x0c\x1c\u00a0\u2009\u200b\u3000 -."
LINES = st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=4)


def parsed(lines: list[str], colour: str) -> TextParagraph:
    markup = Markup(BR.join(styled(line, colour=colour) if line else Markup("") for line in lines))
    return para(markup, styles().body, cls=TextParagraph)


def spaced(text: str) -> str:
    """Runs of spaces as one (a line's words are joined by spaces or carry them); nothing else."""
    return re.sub(" +", " ", text).strip(" ")


def broken(p: TextParagraph, width: float) -> list[tuple[str, float]]:
    """Each line's text and width as reportlab breaks the paragraph."""
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        words = getattr(line, "words", None)
        if words is None:  # a simple paragraph: (extra space, words)
            out.append((spaced(" ".join(line[1])), round(width - line[0], 3)))
        else:
            text = "".join(getattr(w, "text", "") for w in words)
            out.append((spaced(text), round(width - line.extraSpace, 3)))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.sampled_from(["", "#B3261E"]), st.sampled_from([40.0, 120.0, 400.0]))
def test_plain_text_paragraphs_break_and_read_as_parsed_ones(lines, colour, width):
    fast = text_para(lines, styles().body, colour=colour, cls=TextParagraph)
    slow = parsed(lines, colour)
    if not colour:  # (the parsed one keeps its markup as its text)
        assert fast.text == slow.text
    assert [(f.text, f.fontName, f.textColor) for f in fast.frags] == [
        (f.text, f.fontName, f.textColor) for f in slow.frags
    ]
    assert broken(fast, width) == broken(slow, width)
