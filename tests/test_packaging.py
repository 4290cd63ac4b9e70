"""Build the PyInstaller app with packaging/build.sh and smoke-test what was built.

Slow (about a minute), so it only runs with KOMPASS_PACKAGING=1:

    KOMPASS_PACKAGING=1 python -m pytest tests/test_packaging.py -s

The built programs run as on a user's first start: a fresh, empty home folder, no
KOMPASS_DATA_DIR, and (on Linux, where `unshare` allows it) no network at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_MB = 250

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.timeout(1800),  # builds the whole app once (the suite's default timeout is for hangs)
    pytest.mark.skipif(
        os.environ.get("KOMPASS_PACKAGING") != "1",
        reason="builds the PyInstaller app (about a minute): set KOMPASS_PACKAGING=1",
    ),
    pytest.mark.skipif(
        sys.platform == "win32",
        reason="packaging/build.sh is a bash script; build on Windows as the README says",
    ),
]


@dataclass
class Bundle:
    folder: Path
    seconds: float

    @property
    def gui(self) -> Path:
        return self.folder / "kompass-desktop"

    @property
    def cli(self) -> Path:
        return self.folder / "kompass"

    @property
    def megabytes(self) -> float:
        files = [p for p in self.folder.rglob("*") if p.is_file() and not p.is_symlink()]
        return sum(p.stat().st_size for p in files) / 1e6


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    out = tmp_path_factory.mktemp("dist")
    start = time.perf_counter()
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh"), str(out)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    seconds = time.perf_counter() - start
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    built = Bundle(out / "kompass-desktop", seconds)
    print(f"\npackaging: built in {seconds:.0f} s, {built.megabytes:.0f} MB")
    yield built
    shutil.rmtree(out, ignore_errors=True)


def _no_network() -> list[str]:
    """A command prefix that runs a program in a network namespace of its own (no network)."""
    if sys.platform.startswith("linux") and shutil.which("unshare"):
        for prefix in (["unshare", "--net"], ["unshare", "--map-root-user", "--net"]):
            if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
                return prefix
    return []


class FirstStart:
    """Runs a built program as on a first start: empty home, no KOMPASS_DATA_DIR, no network."""

    def __init__(self, tmp_path: Path) -> None:
        self.home = tmp_path / "home"
        self.work = tmp_path / "work"
        self.home.mkdir()
        self.work.mkdir()
        unset = (
            "KOMPASS_DATA_DIR",
            "XDG_DATA_HOME",
            "KOMPASS_RESOURCES",
            "KOMPASS_SCHEMAS",
            "PYTHONPATH",
            "PYTHONHOME",
            "LD_LIBRARY_PATH",  # the built app must bring or name its libraries itself
        )
        self.env = {k: v for k, v in os.environ.items() if k not in unset}
        self.env.update(HOME=str(self.home), QT_QPA_PLATFORM="offscreen")
        self.prefix = _no_network()

    def __call__(self, program: Path, *args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [*self.prefix, str(program), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"{program.name} {args}: exit {result.returncode}\n{output}"
        return result


@pytest.fixture
def first_start(tmp_path: Path) -> FirstStart:
    return FirstStart(tmp_path)


def _no_error_log(home: Path) -> None:
    logs = list(home.rglob("kompass-errors.log"))
    assert not logs, logs[0].read_text(encoding="utf-8")


def test_bundle_layout_and_size(bundle: Bundle) -> None:
    assert bundle.gui.is_file() and bundle.cli.is_file()
    internal = bundle.folder / "_internal"  # sys._MEIPASS
    for name in ("frameworks/2019.json", "texts/2019.toml", "fonts/Carlito-Regular.ttf", "demo/base.json"):
        assert (internal / "resources" / name).is_file(), name
    assert (internal / "resources" / "reference" / "national-average.json").is_file()
    assert (internal / "resources" / "reference" / "municipalities.json").is_file()
    assert (internal / "schemas" / "municipalities.schema.json").is_file()
    assert (internal / "schemas" / "framework.schema.json").is_file()
    for language in ("sv", "en"):
        assert (internal / "resources" / "translations" / f"qtbase_{language}.qm").is_file()
    unwanted = ("libQt6Network", "QtNetwork", "Qt6Network", "_ssl", "libssl", "_tkinter")
    assert not [p.name for p in internal.rglob("*") if p.name.startswith(unwanted)]
    assert bundle.megabytes <= MAX_MB, f"{bundle.megabytes:.0f} MB"


def test_no_test_tools_or_network_modules_are_bundled(bundle: Bundle) -> None:
    venv = Path(os.environ.get("VIRTUAL_ENV") or ROOT / "build" / "packaging-venv")  # as build.sh
    viewer = venv / "bin" / "pyi-archive_viewer"
    listing = subprocess.run(
        [str(viewer), "--recursive", "--brief", str(bundle.gui)], capture_output=True, text=True, check=True
    ).stdout
    modules = {line.strip() for line in listing.splitlines()}
    assert "kompass_desktop.report.commands" in modules  # loaded by name in cli.py
    unwanted = ("pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "pypdf", "tkinter", "ssl")
    assert not [m for m in modules if m.split(".")[0] in unwanted or m.startswith("PySide6.QtNetwork")]


def test_gui_smoke_test_on_a_first_start(bundle: Bundle, first_start: FirstStart) -> None:
    result = first_start(bundle.gui, "--smoke-test")
    print(f"\n{result.stdout}(network namespace: {bool(first_start.prefix)})")
    assert "smoke: klart" in result.stdout
    _no_error_log(first_start.home)


def test_cli_on_a_first_start(bundle: Bundle, first_start: FirstStart) -> None:
    frameworks = json.loads(first_start(bundle.cli, "frameworks", "--json").stdout)
    assert [f["id"] for f in frameworks] == ["2019", "2016", "2010"]
    first_start(bundle.cli, "demo", "X.kompass")
    first_start(bundle.cli, "report", "X.kompass", "-o", "X.pdf", "--draft")
    assert (first_start.work / "X.pdf").read_bytes().startswith(b"%PDF")
    first_start(bundle.cli, "report", "X.kompass", "-o", "X.docx", "--draft")  # python-docx + lxml
    assert (first_start.work / "X.docx").read_bytes().startswith(b"PK")
    summary = json.loads(first_start(bundle.cli, "summary", "X.kompass", "--json").stdout)
    assert summary["municipality"]["name"] == "Lindsjö kommun"  # the demo is unlisted: no code
    first_start(bundle.cli, "keygen", "-o", "skr")
    first_start(bundle.cli, "export", "X.kompass", "-o", "X.kkx", "--seal", "skr.pub")
    first_start(bundle.cli, "validate", "X.kompass")
    _no_error_log(first_start.home)


def test_self_check_in_the_packaged_app(bundle: Bundle, first_start: FirstStart) -> None:
    for program, args in ((bundle.cli, ["doctor"]), (bundle.gui, ["--check"])):
        result = first_start(program, *args)  # exit code 0: all is well
        out = result.stdout.splitlines()
        print(f"\n{result.stdout}")
        assert out[-1] == "Allt fungerar."
        assert "OK   Skärmplattform: offscreen laddas (Qt 6." in result.stdout  # through kompass-desktop
        assert "OK   Ramverk och standardtexter: 2019, 2016, 2010 laddas och följer schemat" in out
        assert "OK   Typsnitt: 3 inbyggda typsnitt laddas" in result.stdout
        assert "OK   Nätverk: används inte (0 försök under kontrollen)" in out
    _no_error_log(first_start.home)


def test_a_desktop_without_the_x11_libraries_is_told_what_to_install(
    bundle: Bundle, first_start: FirstStart
) -> None:
    """A plain start on X11 (no X server here).  Either the bundle brings the xcb helper
    libraries (then Qt's xcb plugin loads and only the connection fails), or the app names
    what is missing, with the install commands, and never shows Qt's own abort text."""
    from kompass_desktop.platform_libs import BUNDLED_X11_HELPERS

    lacking = [n for n in BUNDLED_X11_HELPERS if not (bundle.folder / "_internal" / n).is_file()]
    env = {k: v for k, v in first_start.env.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":99"
    result = subprocess.run(
        [*first_start.prefix, str(bundle.gui)],
        cwd=first_start.work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    print(f"\nnot bundled: {lacking or 'none'}\n{result.stderr}")
    if "Kompass Desktop kan inte starta" in result.stderr:
        assert lacking, "the bundle has every helper library, yet the check ran"
        assert result.returncode == 1
        assert "sudo apt install " in result.stderr and "sudo dnf install " in result.stderr
        assert "is needed to load the Qt xcb platform plugin" not in result.stderr
    else:
        assert "could not connect to display :99" in result.stderr, result.stderr
