"""A Linux desktop without Qt's xcb libraries gets one clear message, not Qt's abort.

Missing libraries are simulated by replacing the loader (``platform_libs._load``); the ELF
walk over PySide6's real plugin files is not simulated.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kompass_desktop import platform_libs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb/wayland are Linux")

XCB_UTILS = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def fake_loader(missing: set[str], broken_plugins: set[str] | None = None):
    """Loads everything except the named libraries.  A plugin (loaded by its path) fails when
    it is one of ``broken_plugins``, or, when those are not given, when anything is missing."""

    def load(name: str) -> object:
        if "/" in name:
            broken = Path(name).name in broken_plugins if broken_plugins is not None else bool(missing)
            if broken:
                raise OSError(f"{name}: cannot load")
            return object()
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    return load


@pytest.fixture
def without(monkeypatch):
    def simulate(*names: str, broken_plugins: set[str] | None = None) -> None:
        monkeypatch.setattr(platform_libs, "_load", fake_loader(set(names), broken_plugins))

    return simulate


def test_missing_xcb_libraries_are_named_with_the_install_commands(without):
    without(*XCB_UTILS)
    message = platform_libs.startup_problem({"DISPLAY": ":0"})
    assert message is not None
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms\n" in message
    assert "libxcb-image" not in message  # only what is really missing
    assert "Aborted" not in message and "Qt platform plugin" not in message


def test_a_missing_library_deep_in_qt_is_found_too(without):
    """libglib is needed by libQt6Core (through the plugin's Qt libraries), not by the plugin itself."""
    without("libglib-2.0.so.0")
    message = platform_libs.startup_problem({"DISPLAY": ":0"})
    assert message is not None and "libglib-2.0.so.0" in message
    assert "sudo apt install libglib2.0-0" in message and "sudo dnf install glib2" in message


def test_nothing_is_said_when_the_platform_loads(without):
    without()
    assert platform_libs.startup_problem({"DISPLAY": ":0"}) is None


def test_the_real_plugin_files_are_read():
    qt = platform_libs.qt_dir()
    assert qt is not None
    plugin = platform_libs.plugin_file("xcb", qt)
    assert plugin is not None
    needed, paths = platform_libs.elf_dependencies(plugin)
    assert set(needed) >= XCB_UTILS
    assert any(Path(p).resolve() == (qt / "lib").resolve() for p in paths)  # RUNPATH $ORIGIN/../../lib
    assert platform_libs.elf_dependencies(Path(__file__)) == ([], [])


def test_a_forced_platform_is_respected(without):
    without(*XCB_UTILS)
    assert platform_libs.candidates({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) == ["offscreen"]
    assert platform_libs.candidates({"QT_QPA_PLATFORM": "wayland;xcb:foo=1"}) == ["wayland", "xcb"]
    # the offscreen plugin needs none of the xcb helpers; only a plugin path fails in the fake
    without("libxcb-icccm.so.4", broken_plugins={"libqxcb.so"})
    assert not platform_libs.diagnose({"QT_QPA_PLATFORM": "offscreen"})
    forced_xcb = platform_libs.diagnose({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})
    assert forced_xcb.missing == {"xcb": ["libxcb-icccm.so.4"]}


def test_wayland_sessions_try_wayland_first_then_xcb(monkeypatch):
    assert platform_libs.candidates({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == ["wayland", "xcb"]
    assert platform_libs.candidates({"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert platform_libs.candidates({"DISPLAY": ":0"}) == ["xcb"]
    session = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}

    def load(missing: set[str]):
        def loader(name: str) -> object:
            plugin = Path(name).name
            if (plugin == "libqxcb.so" and "libxcb-icccm.so.4" in missing) or (
                plugin == "libqwayland.so" and "libwayland-cursor.so.0" in missing
            ):
                raise OSError(name)
            if name in missing:
                raise OSError(name)
            return object()

        return loader

    # the wayland plugin loads: missing xcb libraries do not matter
    monkeypatch.setattr(platform_libs, "_load", load({"libxcb-icccm.so.4"}))
    assert not platform_libs.diagnose(session)
    # wayland cannot load but XWayland's xcb can
    monkeypatch.setattr(platform_libs, "_load", load({"libwayland-cursor.so.0"}))
    assert not platform_libs.diagnose(session)
    # neither: both are named, and one command installs everything
    monkeypatch.setattr(platform_libs, "_load", load({"libwayland-cursor.so.0", "libxcb-icccm.so.4"}))
    message = platform_libs.startup_problem(session)
    assert message is not None
    assert "  wayland: libwayland-cursor.so.0\n" in message and "  xcb (X11): libxcb-icccm.so.4\n" in message
    assert "sudo apt install libwayland-cursor0 libxcb-icccm4\n" in message


def test_no_display_at_all_is_said_plainly(without):
    without()
    message = platform_libs.startup_problem({})
    assert message is not None and "ingen skärm hittades" in message
    assert platform_libs.startup_problem({"XDG_SESSION_TYPE": "wayland"}) is None  # Qt finds the socket
    assert platform_libs.startup_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_unknown_libraries_and_plugins_that_fail_otherwise():
    found = platform_libs.Diagnosis(missing={"xcb": ["libfoo.so.3", "libxcb-icccm.so.4"]})
    apt, dnf = found.install_commands()
    assert apt == "sudo apt install libxcb-icccm4 (apt-file search libfoo.so.3 visar paketet)"
    assert dnf == "sudo dnf install 'libfoo.so.3()(64bit)' xcb-util-wm"
    broken = platform_libs.Diagnosis(errors={"xcb": "undefined symbol: foo"})
    assert "xcb kan inte laddas (undefined symbol: foo)" in broken.message()
    assert broken.lines() == [
        ("xcb kan inte laddas (undefined symbol: foo)", "installera om Kompass Desktop")
    ]


def test_a_packaged_app_with_the_x11_helpers_skips_the_check(tmp_path, monkeypatch, without):
    bundle = tmp_path / "_internal"
    platforms = bundle / "PySide6" / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    qt = platform_libs.qt_dir()
    assert qt is not None
    shutil.copy(qt / "plugins" / "platforms" / "libqxcb.so", platforms)
    helpers = [n for n in platform_libs.BUNDLED_X11_HELPERS if n != "libxcb-icccm.so.4"]
    for name in helpers:
        (bundle / name).write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    without("libxcb-icccm.so.4")
    assert platform_libs.diagnose({"DISPLAY": ":0"}).libraries == ["libxcb-icccm.so.4"]  # not bundled
    (bundle / "libxcb-icccm.so.4").write_bytes(b"")
    assert not platform_libs.diagnose({"DISPLAY": ":0"})  # all bundled: not even looked at


def test_the_desktop_app_prints_the_message_and_never_starts_qt():
    code = (
        "import json, sys\n"
        "from kompass_desktop import platform_libs\n"
        "def load(name):\n"
        "    if '/' in name or name == 'libxcb-keysyms.so.1':\n"
        "        raise OSError(name)\n"
        "platform_libs._load = load\n"
        "from kompass_desktop.app import main\n"
        "rc = main(['--demo'])\n"
        "print(json.dumps([rc, sorted(m for m in sys.modules if m.startswith('PySide6'))]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":0"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [1, []]  # exit code 1, Qt never imported
    assert result.stderr.splitlines() == [
        "Kompass Desktop kan inte starta: Qt:s skärmplattform behöver systembibliotek som saknas på datorn:",
        "  xcb (X11): libxcb-keysyms.so.1",
        "Installera dem (kräver administratörsbehörighet) och starta programmet igen:",
        "  Debian/Ubuntu:  sudo apt install libxcb-keysyms1",
        "  Fedora:         sudo dnf install xcb-util-keysyms",
        "Kontrollera installationen med: kompass-desktop --check",
    ]
