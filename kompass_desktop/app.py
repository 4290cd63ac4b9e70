"""Composition root of the desktop app: the only place that knows every layer."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from .gui.main import run

    return run(list(sys.argv[1:] if argv is None else argv))
