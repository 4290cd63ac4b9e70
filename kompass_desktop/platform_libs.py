"""Before Qt starts: can its display platform load on this Linux desktop?

Without its system libraries (typically ``libxcb-cursor0``, ``libxcb-icccm4`` and
``libxcb-keysyms1``, which many desktops lack) Qt's xcb platform plugin cannot load, and Qt
aborts with a text of its own that names only one of them.  :func:`startup_problem` finds
out first, without Qt and without a window, and returns one clear message naming every
missing library and the command that installs them on Debian/Ubuntu and Fedora.

The check follows Qt's own choice of platforms (Qt 6.11, ``QGuiApplication``): the ones
``QT_QPA_PLATFORM`` names, else ``wayland`` first in a Wayland session
(``WAYLAND_DISPLAY`` or ``XDG_SESSION_TYPE=wayland``) and ``xcb`` (X11, XWayland)
after it.  Qt needs only one of them to load.

Cost: in the common case one ``dlopen`` of the platform plugin, which Qt does moments later
anyway (the libraries stay loaded).  Only when that fails are the plugin's ELF ``NEEDED``
entries walked to name every missing library.  The packaged app skips the check when the
build bundled the X11 helper libraries (see packaging/kompass-desktop.spec).
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
}

# The xcb plugin's helper libraries that desktops often lack; when a packaged app holds all
# of them, its build machine had them and the check is not needed.
BUNDLED_X11_HELPERS = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-keysyms.so.1",
    "libxcb-image.so.0",
    "libxcb-render-util.so.0",
    "libxcb-util.so.1",
    "libxkbcommon-x11.so.0",
)

DESCRIPTIONS = {"xcb": "xcb (X11)", "wayland": "wayland"}

Loader = Callable[[str], object]


def _dlopen(name: str) -> object:
    """Load a shared library the way Qt will (raises OSError with the loader's message)."""
    return ctypes.CDLL(name, mode=os.RTLD_LAZY | os.RTLD_LOCAL)


_load: Loader = _dlopen  # tests replace it to simulate a machine without some libraries


@dataclass
class Diagnosis:
    """Why the display platform cannot start; empty when it can."""

    no_display: bool = False
    missing: dict[str, list[str]] = field(default_factory=dict)  # platform -> missing sonames
    errors: dict[str, str] = field(default_factory=dict)  # platform -> loader error (nothing missing)

    def __bool__(self) -> bool:
        return self.no_display or bool(self.missing) or bool(self.errors)

    @property
    def libraries(self) -> list[str]:
        return sorted({lib for libs in self.missing.values() for lib in libs})

    def install_commands(self) -> tuple[str, str]:
        """(Debian/Ubuntu command, Fedora command) installing every missing library."""
        debian: list[str] = []
        fedora: list[str] = []
        for lib in self.libraries:
            deb, rpm = PACKAGES.get(lib, ("", f"'{lib}()(64bit)'"))
            if deb and deb not in debian:
                debian.append(deb)
            if rpm not in fedora:
                fedora.append(rpm)
        unknown = [lib for lib in self.libraries if lib not in PACKAGES]
        apt = f"sudo apt install {' '.join(debian)}" if debian else ""
        if unknown:
            hint = f"apt-file search {' '.join(unknown)} visar paketet"
            apt = f"{apt} ({hint})" if apt else hint
        return apt, f"sudo dnf install {' '.join(fedora)}"

    def message(self) -> str:
        """The multi-line message printed on stderr instead of Qt's abort."""
        lines = []
        if self.no_display:
            lines += [
                "Kompass Desktop kan inte starta: ingen skärm hittades (varken DISPLAY eller "
                "WAYLAND_DISPLAY är satt).",
                "Starta programmet från en grafisk skrivbordsmiljö. Kommandoraden (kompass) "
                "fungerar utan skärm.",
            ]
        if self.missing:
            lines.append(
                "Kompass Desktop kan inte starta: Qt:s skärmplattform behöver systembibliotek "
                "som saknas på datorn:"
            )
            for platform, libs in self.missing.items():
                lines.append(f"  {DESCRIPTIONS.get(platform, platform)}: {', '.join(libs)}")
            apt, dnf = self.install_commands()
            lines += [
                "Installera dem (kräver administratörsbehörighet) och starta programmet igen:",
                f"  Debian/Ubuntu:  {apt}",
                f"  Fedora:         {dnf}",
            ]
        for platform, error in self.errors.items():
            lines.append(
                f"Kompass Desktop kan inte starta: Qt:s skärmplattform {platform} kan inte laddas "
                f"({error}). Installera om programmet eller uppdatera systemet."
            )
        lines.append("Kontrollera installationen med: kompass-desktop --check")
        return "\n".join(lines) + "\n"

    def lines(self) -> list[tuple[str, str]]:
        """The same as (problem, remedy) pairs, one per problem (for the self-check)."""
        found = []
        if self.no_display:
            found.append(
                (
                    "ingen skärm (varken DISPLAY eller WAYLAND_DISPLAY är satt)",
                    "kör kontrollen i en grafisk skrivbordssession",
                )
            )
        if self.missing:
            apt, dnf = self.install_commands()
            found.append(
                (
                    f"systembibliotek saknas: {', '.join(self.libraries)}",
                    f"installera dem: {apt} (Debian/Ubuntu) eller {dnf} (Fedora)",
                )
            )
        for platform, error in self.errors.items():
            found.append((f"{platform} kan inte laddas ({error})", "installera om Kompass Desktop"))
        return found


def candidates(env: Mapping[str, str]) -> list[str]:
    """The platforms Qt will try, in order (QGuiApplication's rule in Qt 6.11)."""
    forced = env.get("QT_QPA_PLATFORM", "").strip()
    if forced:
        return [part.split(":")[0].strip() for part in forced.split(";") if part.strip()]
    order = []
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        order.append("wayland")
    order.append("xcb")
    return order


def qt_dir() -> Path | None:
    """PySide6's Qt folder (found without importing PySide6)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "PySide6" / "Qt"
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def plugin_file(platform: str, qt: Path) -> Path | None:
    name = "libqwayland.so" if platform.startswith("wayland") else f"libq{platform}.so"
    path = qt / "plugins" / "platforms" / name
    return path if path.is_file() else None


def elf_dependencies(path: Path) -> tuple[list[str], list[str]]:
    """(NEEDED sonames, RUNPATH/RPATH folders) of an ELF shared object; empty if unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return [], []
    if data[:4] != b"\x7fELF" or data[4] not in (1, 2):
        return [], []
    wide, end = data[4] == 2, "<" if data[5] == 1 else ">"
    try:
        if wide:
            (shoff,) = struct.unpack_from(end + "Q", data, 0x28)
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
            section, entry = end + "IIQQQQIIQQ", end + "qQ"
        else:
            (shoff,) = struct.unpack_from(end + "I", data, 0x20)
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
            section, entry = end + "IIIIIIIIII", end + "iI"
        sections = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
        dynamic = next((s for s in sections if s[1] == 6), None)  # SHT_DYNAMIC
        if dynamic is None:
            return [], []
        strtab = sections[dynamic[6]][4]
        needed, paths = [], []
        step = struct.calcsize(entry)
        for offset in range(dynamic[4], dynamic[4] + dynamic[5], step):
            tag, value = struct.unpack_from(entry, data, offset)
            if tag == 0:  # DT_NULL
                break
            if tag in (1, 15, 29):  # DT_NEEDED, DT_RPATH, DT_RUNPATH
                text = data[strtab + value : data.index(b"\0", strtab + value)].decode("utf-8", "replace")
                if tag == 1:
                    needed.append(text)
                else:
                    paths += [p.replace("$ORIGIN", str(path.parent)) for p in text.split(":") if p]
    except (struct.error, IndexError, ValueError):
        return [], []
    return needed, paths


def missing_libraries(plugin: Path) -> tuple[list[str], str]:
    """(missing system libraries, loader error) for one plugin; both empty when it loads."""
    try:
        _load(str(plugin))
        return [], ""
    except OSError as err:
        error = str(err)
    bundle = getattr(sys, "_MEIPASS", None)
    missing: list[str] = []
    seen: set[str] = set()
    todo = [plugin]
    while todo:
        needed, paths = elf_dependencies(todo.pop())
        folders = [Path(p) for p in paths] + ([Path(bundle)] if bundle else [])
        for name in needed:
            if name in seen:
                continue
            seen.add(name)
            bundled = next((f / name for f in folders if (f / name).is_file()), None)
            if bundled is not None:
                todo.append(bundled)  # shipped with Qt: look at what it needs
                continue
            try:
                _load(name)
            except OSError:
                missing.append(name)
    return missing, ("" if missing else error)


def _bundle_has_x11_helpers() -> bool:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return False
    return all((Path(bundle) / name).is_file() for name in BUNDLED_X11_HELPERS)


def diagnose(env: Mapping[str, str] | None = None) -> Diagnosis:
    """Whether Qt's display platform can start here (always fine outside Linux)."""
    env = os.environ if env is None else env
    found = Diagnosis()
    if not sys.platform.startswith("linux"):
        return found
    forced = bool(env.get("QT_QPA_PLATFORM", "").strip())
    if not forced and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        found.no_display = env.get("XDG_SESSION_TYPE") != "wayland"
    if _bundle_has_x11_helpers():
        return found
    qt = qt_dir()
    if qt is None:
        return found
    problems = Diagnosis()
    for platform in candidates(env):
        plugin = plugin_file(platform, qt)
        if plugin is None:
            return found  # a plugin we cannot judge: Qt decides
        missing, error = missing_libraries(plugin)
        if not missing and not error:
            return found  # Qt will load this one
        if missing:
            problems.missing[platform] = missing
        else:
            problems.errors[platform] = error
    found.missing, found.errors = problems.missing, problems.errors
    return found


def startup_problem(env: Mapping[str, str] | None = None) -> str | None:
    """The message to print instead of starting Qt, or None when Qt can start."""
    found = diagnose(env)
    return found.message() if found else None
