"""Composition root of the desktop app: the only place that knows every layer."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _ensure_std_streams() -> None:
    """A windowed program (the packaged app on Windows, pythonw) has no console: sys.stdout and
    sys.stderr are None there, and every write to them (--smoke-test output, error messages)
    would fail.  They go nowhere instead."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_std_streams()
    from .gui.main import run

    return run(list(sys.argv[1:] if argv is None else argv))
