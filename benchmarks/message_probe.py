"""Which of a package's messages do its tests assert in full?  A quick look before mutation testing.

    python benchmarks/message_probe.py --package storage     # or domain, exchange, services

mutmut wraps a string in "XX…XX", upper-cases it or passes None for one of its values; a test
that checks a message by a fragment (``"finns inte" in str(err)``) or by the exception's type
alone lets all three survive.  This probe runs the package's test list (``PACKAGES`` in
``mutation.py``) once with every ``msg("…")`` made inside the package wrapped in "XX…XX" and
notes which tests made which template: a template is *asserted* when at least one of those tests
fails.  It prints the templates that no test asserts, with their place, in a minute instead of
the hour a mutation run takes.  Figures, not pass/fail.

Limits: a template counts as not made when an earlier assertion of the same test fails first
(write such cases as parametrised tests); messages checked only in a child process are not seen;
a module-level template (a label made at import) shows as not made, and mutmut does not mutate
it either; a test that fails anyway (run the suite green first) counts every message it makes as
asserted.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutation import PACKAGES, ROOT, test_files

from kompass_desktop.domain import messages


class Probe:
    """A pytest plugin: every message of ``package`` made during a test is wrapped and noted."""

    def __init__(self, package: str) -> None:
        self.folder = f"kompass_desktop/{package}/"
        self.current: str | None = None
        self.made: dict[tuple[str, str], set[str]] = {}
        self.failed: set[str] = set()
        self._new = messages.Message.__new__

    def start(self) -> None:
        probe, original = self, self._new

        def wrapped(cls: type, template: str, params: Any = None) -> Any:
            made = original(cls, template, params)
            if cls is not messages.Message:
                return made
            frame = sys._getframe(1)
            if frame.f_code.co_name == "msg":
                frame = frame.f_back or frame
            where = frame.f_code.co_filename.replace("\\", "/")
            if probe.folder not in where or probe.current is None:
                return made
            probe.made.setdefault((where.split("kompass_desktop/")[-1], template), set()).add(probe.current)
            changed = str.__new__(cls, f"XX{made}XX")
            changed.template, changed.params = made.template, made.params
            return changed

        messages.Message.__new__ = wrapped  # type: ignore[method-assign]

    def stop(self) -> None:
        messages.Message.__new__ = self._new  # type: ignore[method-assign]

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: object) -> Iterator[None]:
        self.current = item.nodeid
        yield
        self.current = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self.failed.add(report.nodeid)


def templates(package: str) -> dict[tuple[str, str], int]:
    """Every literal template passed to ``msg`` inside a function of the package: its line."""
    found: dict[tuple[str, str], int] = {}
    for path in sorted((ROOT / "kompass_desktop" / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)):
            for call in ast.walk(function):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == "msg"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    name = str(path.relative_to(ROOT / "kompass_desktop")).replace("\\", "/")
                    found.setdefault((name, call.args[0].value), call.lineno)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--package", required=True, choices=["domain", "storage", "exchange", "services"])
    args = parser.parse_args(argv)
    os.chdir(ROOT)  # the test list is relative to the repository
    probe = Probe(args.package)
    probe.start()
    try:
        pytest.main(
            ["-q", "-q", "-p", "no:cacheprovider", *test_files(PACKAGES[args.package])], plugins=[probe]
        )
    finally:
        probe.stop()
    known = templates(args.package)
    asserted = [k for k in known if probe.made.get(k, set()) & probe.failed]
    unasserted = [k for k in known if probe.made.get(k) and not probe.made[k] & probe.failed]
    not_made = [k for k in known if not probe.made.get(k)]
    print(
        f"\n[{args.package}] {len(known)} templates in functions: {len(asserted)} asserted in full, "
        f"{len(unasserted)} made but never asserted, {len(not_made)} never made by the package's tests"
    )
    for title, group in (("made but never asserted", unasserted), ("never made", not_made)):
        for name, template in sorted(group, key=lambda k: (k[0], known[k])):
            print(f"  {title}: {name}:{known[(name, template)]} {template[:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
