"""Refresh the English translation of the GUI: lupdate the .ts file, then lrelease the .qm file.

The GUI's source strings are Swedish (``self.tr("...")`` and
``QCoreApplication.translate("context", "...")`` in ``kompass_desktop/gui/*.py``).  This script

1. runs ``pyside6-lupdate`` over every ``kompass_desktop/gui/*.py`` into
   ``resources/translations/kompass_en.ts`` (source language sv_SE, target language en_GB).
   Existing translations are kept; entries whose source text is gone from the code are
   dropped (``-no-obsolete``); new strings are added as ``type="unfinished"``;
2. runs ``pyside6-lrelease`` to compile the .ts into ``resources/translations/kompass_en.qm``,
   the file ``kompass_desktop/gui/i18n.py`` loads when the language is English;
3. does the same for ``kompass_sv.ts`` / ``kompass_sv.qm`` with only the messages that have
   plural forms (``tr("%n träffar", "", n)``): Swedish is the source language, but "1 träff" /
   "2 träffar" needs its own numerus forms (``-pluralonly``).

Usage, from any directory, with the project's Python environment::

    python packaging/update_translations.py            # lupdate + lrelease
    python packaging/update_translations.py --release  # lrelease only (after editing the .ts)

Then translate the new (unfinished) entries in ``kompass_en.ts`` with Qt Linguist
(``pyside6-linguist resources/translations/kompass_en.ts``) or a text editor, and run the
script again (or with ``--release``) to compile them.  Both the .ts and the .qm are committed;
``tests/gui/test_translations.py`` fails when either is out of date.

The tools are looked up next to ``sys.executable`` (the venv's ``bin/`` or ``Scripts/``) and
then on PATH.  Exit status: 0 when done (the number of unfinished entries is printed), 1 when
a tool is missing or fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI_DIR = ROOT / "kompass_desktop" / "gui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS_DIR / "kompass_en.ts"
QM_FILE = TRANSLATIONS_DIR / "kompass_en.qm"
SV_TS_FILE = TRANSLATIONS_DIR / "kompass_sv.ts"
SV_QM_FILE = TRANSLATIONS_DIR / "kompass_sv.qm"
SOURCE_LANGUAGE = "sv_SE"
TARGET_LANGUAGE = "en_GB"


class ToolError(RuntimeError):
    """A Qt Linguist tool is missing or failed."""


def find_tool(name: str) -> Path | None:
    """``pyside6-lupdate`` etc.: beside the running Python (venv bin/ or Scripts/), else on PATH."""
    suffixes = [".exe", ""] if os.name == "nt" else [""]
    here = Path(sys.executable).parent
    for folder in (here, here / "Scripts", here / "bin"):
        for suffix in suffixes:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    found = shutil.which(name)
    return Path(found) if found else None


def gui_sources() -> list[Path]:
    return sorted(GUI_DIR.glob("*.py"))


def _run(tool_name: str, args: list[str], quiet: bool) -> None:
    tool = find_tool(tool_name)
    if tool is None:
        raise ToolError(
            f"{tool_name} not found beside {sys.executable} or on PATH (it comes with PySide6-Essentials)"
        )
    result = subprocess.run([str(tool), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise ToolError(f"{tool_name} failed with exit status {result.returncode}:\n{output}")
    if not quiet:
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)


def lupdate(ts_file: Path = TS_FILE, quiet: bool = False, *, plurals_only: bool = False) -> None:
    """Merge the GUI's current source strings into ``ts_file`` (created if missing);
    ``plurals_only``: the Swedish file, only messages with numerus forms."""
    target = SOURCE_LANGUAGE if plurals_only else TARGET_LANGUAGE
    args = [str(path) for path in gui_sources()]
    args += ["-source-language", SOURCE_LANGUAGE, "-target-language", target]
    args += ["-no-obsolete", "-locations", "absolute", "-ts", str(ts_file)]
    if plurals_only:
        args.append("-pluralonly")
    _run("pyside6-lupdate", args, quiet)


def lrelease(
    ts_file: Path = TS_FILE, qm_file: Path = QM_FILE, quiet: bool = False, strict: bool = False
) -> None:
    """Compile ``ts_file`` into ``qm_file``; ``strict`` fails on translations Qt finds invalid
    (mnemonics, surrounding whitespace, ending punctuation, place markers)."""
    _run(
        "pyside6-lrelease",
        [str(ts_file), "-qm", str(qm_file), *(["-fail-on-invalid"] if strict else [])],
        quiet,
    )


def unfinished_count(ts_file: Path = TS_FILE) -> tuple[int, int]:
    """(messages, unfinished or empty translations) in ``ts_file``."""
    messages = ET.parse(ts_file).getroot().iter("message")
    total = unfinished = 0
    for message in messages:
        total += 1
        translation = message.find("translation")
        forms = [] if translation is None else [f.text or "" for f in translation.iter("numerusform")]
        text = "" if translation is None else (translation.text or "").strip()
        empty = not all(f.strip() for f in forms) if forms else not text
        if translation is None or translation.get("type") == "unfinished" or empty:
            unfinished += 1
    return total, unfinished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--release", action="store_true", help="only compile the .ts into the .qm")
    args = parser.parse_args(argv)
    try:
        if not args.release:
            lupdate()
            lupdate(SV_TS_FILE, plurals_only=True)
        lrelease()
        lrelease(SV_TS_FILE, SV_QM_FILE)
    except ToolError as err:
        print(f"update_translations: {err}", file=sys.stderr)
        return 1
    for ts in (TS_FILE, SV_TS_FILE):
        total, unfinished = unfinished_count(ts)
        print(f"update_translations: {total} messages, {unfinished} unfinished in {ts.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
