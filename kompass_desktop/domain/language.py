"""Swedish wording shared by every message of the core (the command line, exports, reports).

The GUI words its own texts through Qt's ``tr(…, n)`` plural forms; messages from the core are
Swedish in both languages and count with :func:`count`.
"""

from __future__ import annotations

#: "1 fullständig utvärdering", "3 fullständiga utvärderingar" (aggregate's messages).
COMPLETE = ("fullständig utvärdering", "fullständiga utvärderingar")


def count(n: int, one: str, many: str) -> str:
    """``n`` and the word in its number: ``count(1, "fil", "filer")`` → ``"1 fil"``."""
    return f"{n} {one if n == 1 else many}"


def shortened(text: str, limit: int) -> str:
    """``text`` on one line with at most ``limit`` characters, cut with "…" when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
