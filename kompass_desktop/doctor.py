"""``kompass doctor`` and ``kompass-desktop --check``: a short self-check for IT support.

One line per check, ``OK`` or ``FEL``; every problem is one line that ends with its remedy
(after "→").  Exit code 0 only when everything is fine.  No Qt in this process: whether the
display platform loads is tried in a child process (``kompass-desktop --check-display``)
with a timeout, so a Qt abort cannot take the check down with it.  Everything runs with
Python's networking replaced by functions that refuse and count every attempt (there must
be none).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from . import APP_NAME, __version__, resources
from .domain.errors import KompassError
from .domain.language import count
from .domain.messages import msg
from .storage.errors import os_reason

MIN_FREE_BYTES = 200_000_000  # evaluations are small; ten backups each add up
DISPLAY_TIMEOUT = 60.0
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
REINSTALL = "installera om Kompass Desktop"
LANGUAGES = {"sv": "svenska", "en": "engelska"}


@dataclass(frozen=True)
class Line:
    """One line of the self-check."""

    label: str
    text: str
    ok: bool = True
    remedy: str = ""

    def render(self) -> str:
        remedy = f" → {self.remedy}" if self.remedy and not self.ok else ""
        return f"{'OK ' if self.ok else 'FEL'}  {self.label}: {self.text}{remedy}"


def problem(label: str, text: str, remedy: str) -> Line:
    return Line(label, text, ok=False, remedy=remedy)


# -- the display platform (a child process) ------------------------------------------------


@dataclass(frozen=True)
class DisplayResult:
    lines: list[Line]
    qt_version: str = ""


def display_command() -> list[str]:
    """The desktop program in its display-check mode (beside ``kompass`` when packaged)."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        return [str(exe.with_name("kompass-desktop" + exe.suffix)), "--check-display"]
    return [sys.executable, "-m", "kompass_desktop", "--check-display"]


def _last_json(text: str) -> dict[str, Any]:
    for raw in reversed(text.splitlines()):
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        if isinstance(data, dict):
            return data
    return {}


def check_display(command: Sequence[str] | None = None) -> DisplayResult:
    label = "Skärmplattform"
    try:
        result = subprocess.run(
            list(command or display_command()),
            capture_output=True,
            text=True,
            timeout=DISPLAY_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return DisplayResult(
            [problem(label, f"svarade inte inom {DISPLAY_TIMEOUT:.0f} s", "starta om datorn och försök igen")]
        )
    except OSError as err:
        return DisplayResult([problem(label, f"kan inte provas ({os_reason(err)})", REINSTALL)])
    data = _last_json(result.stdout)
    qt = str(data.get("qt", ""))
    if result.returncode == 0:
        name = data.get("platform") or "standard"
        return DisplayResult([Line(label, f"{name} laddas (Qt {qt or 'okänd version'})")], qt)
    found = [p for p in data.get("problems", []) if isinstance(p, list) and len(p) == 2]
    if found:
        return DisplayResult([problem(label, str(text), str(remedy)) for text, remedy in found], qt)
    said = [ln.strip() for ln in result.stderr.splitlines() if ln.strip()]
    detail = next((ln for ln in said if "could not" in ln.lower()), said[0] if said else "")
    how = f"avbröts (signal {-result.returncode})" if result.returncode < 0 else f"fel {result.returncode}"
    return DisplayResult(
        [
            problem(
                label,
                f"Qt kan inte starta: {how}" + (f": {detail}" if detail else ""),
                "kör kontrollen i en skrivbordssession; kvarstår felet, kontakta supporten med denna rad",
            )
        ],
        qt,
    )


# -- versions -------------------------------------------------------------------------------


def qt_version_fallback() -> str:
    from importlib import metadata

    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "okänd"


def check_versions(qt_version: str) -> Line:
    import reportlab

    parts = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()}",
        f"Qt {qt_version or qt_version_fallback()}",
        f"reportlab {reportlab.Version}",
    ]
    return Line("Versioner", ", ".join(parts))


# -- bundled data ---------------------------------------------------------------------------


def check_fonts() -> list[Line]:
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    from .report import fonts

    folder = fonts.fonts_dir()
    names = list(fonts._FILES.values())  # the files the report registers
    lines = []
    for name in names:
        path = folder / name
        try:
            TTFont(f"kompass-check-{name}", str(path))
        except (OSError, TTFError) as err:
            lines.append(problem("Typsnitt", f"{path} kan inte läsas ({err})", REINSTALL))
    return lines or [
        Line("Typsnitt", f"{count(len(names), 'inbyggt typsnitt', 'inbyggda typsnitt')} laddas ({folder})")
    ]


def check_frameworks() -> list[Line]:
    folder = resources.resources_dir() / "frameworks"
    loaded, lines = [], []
    for path in sorted(folder.glob("*.json")):
        if path.name == "mapping.json":
            continue
        try:
            loaded.append(resources.load_framework_file(path).id)
        except KompassError as err:
            lines.append(problem("Ramverk och standardtexter", str(err), REINSTALL))
    if not loaded and not lines:
        lines.append(problem("Ramverk och standardtexter", f"inga ramverksfiler i {folder}", REINSTALL))
    if loaded and not lines:
        lines.append(
            Line(
                "Ramverk och standardtexter",
                f"{', '.join(sorted(loaded, reverse=True))} laddas och följer schemat",
            )
        )
    return lines


def check_mapping() -> Line:
    label = "Jämförelser mellan versioner"
    try:
        resources.mappings.__wrapped__()
    except KompassError as err:
        return problem(label, str(err), REINSTALL)
    return Line(label, "mapping.json laddas och följer schemat")


def check_national_average() -> Line:
    path = resources.default_national_average_path()
    try:
        averages = resources.load_national_averages(path)
    except KompassError as err:
        return problem("Riksgenomsnitt", str(err), REINSTALL)
    example = json.loads(path.read_text(encoding="utf-8")).get("example") is True
    note = " (exempeldata: byt mot SKR:s fil när den finns)" if example else ""
    return Line("Riksgenomsnitt", f"{count(len(averages), 'version', 'versioner')} laddas{note}")


def check_demo() -> Line:
    from . import demo

    try:
        demo.load_demo_content()
    except KompassError as err:
        return problem("Demoutvärdering", str(err), REINSTALL)
    return Line("Demoutvärdering", "innehållet laddas")


def check_schemas() -> list[Line]:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    folder = resources.schemas_dir()
    found, lines = 0, []
    for path in sorted(folder.glob("*.schema.json")):
        try:
            Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
            found += 1
        except (OSError, UnicodeDecodeError, ValueError) as err:
            lines.append(problem("Scheman", f"{path} kan inte läsas ({err})", REINSTALL))
        except SchemaError as err:
            lines.append(problem("Scheman", f"{path} är inget giltigt schema ({err.message})", REINSTALL))
    if not found and not lines:
        lines.append(problem("Scheman", f"inga scheman i {folder}", REINSTALL))
    return lines or [Line("Scheman", f"{found} scheman är giltiga ({folder})")]


def check_translations() -> Line:
    path = resources.resources_dir() / "translations" / "kompass_en.qm"
    try:
        ok = path.read_bytes()[:16] == QM_MAGIC
    except OSError as err:
        return problem("Översättning", f"{path} saknas ({os_reason(err)})", REINSTALL)
    if not ok:
        return problem("Översättning", f"{path} är ingen Qt-översättningsfil", REINSTALL)
    return Line("Översättning", "engelska finns")


# -- the user's folders ---------------------------------------------------------------------


def writable(folder: Path) -> str | None:
    """None when a file can be written in ``folder`` (created for the test and removed again)."""
    created: list[Path] = []
    try:
        from .storage.fileformat import check_name_length
        from .storage.outputs import is_read_only, new_temporary, remove_temporary

        check_name_length(folder)
        missing, probe = [], folder
        while not os.path.exists(probe) and probe.parent != probe:
            missing.append(probe)
            probe = probe.parent
        for part in reversed(missing):
            part.mkdir()
            created.append(part)
        if is_read_only(folder):  # by its mode bits, as every writer of the app sees it (also root)
            return "mappen är skrivskyddad"
        check = new_temporary(folder / "kompass-check")  # removed by the next writer if we are killed
        try:
            check.write_bytes(b"kompass")
        finally:
            remove_temporary(check)
        return None
    except KompassError as err:
        return str(err)
    except OSError as err:
        return os_reason(err)
    finally:
        for part in reversed(created):
            with suppress(OSError):
                part.rmdir()


def check_writable(label: str, folder: Path) -> Line:
    error = writable(folder)
    if error is None:
        return Line(label, f"{folder} är skrivbar")
    return problem(
        label,
        f"{folder} är inte skrivbar ({error})",
        "ge användaren skrivrätt till mappen, eller låt KOMPASS_DATA_DIR peka på en skrivbar mapp",
    )


def _ini_values(raw: str) -> list[str]:
    """A value as QSettings writes it in an INI file: comma-separated, "quoted", \\-escaped."""
    items, current, quoted, i = [], "", False, 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt == "x":
                j = i + 2
                while j < len(raw) and j < i + 6 and raw[j] in "0123456789abcdefABCDEF":
                    j += 1
                current += chr(int(raw[i + 2 : j] or "0", 16))
                i = j
                continue
            current += escapes.get(nxt, nxt)
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            items.append(current.strip())
            current = ""
        else:
            current += ch
        i += 1
    items.append(current.strip())
    return [item for item in items if item]


def read_settings() -> dict[str, list[str]]:
    """The [General] keys of settings.ini (the GUI's QSettings file), read without Qt."""
    from .userdata import settings_file

    try:
        text = settings_file().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    values, section = {}, ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "General" and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = _ini_values(value.strip())
    return values


def check_language(settings: dict[str, list[str]]) -> Line:
    chosen = (settings.get("language") or ["sv"])[0]
    if chosen not in LANGUAGES:
        return Line("Språk", f"svenska (okänt språk ”{chosen}” i settings.ini används inte)")
    how = "vald under Visa → Språk" if "language" in settings else "standard"
    return Line("Språk", f"{LANGUAGES[chosen]} ({how})")


def _size(n: float) -> str:
    for unit in ("byte", "kB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit in ("byte", "kB", "MB") else f"{n:.1f} {unit}".replace(".", ",")
        n /= 1000
    return ""  # pragma: no cover


def evaluation_folders(given: Iterable[Path], settings: dict[str, list[str]]) -> list[Path]:
    """The given folders (a file counts as its folder), else the recent files' folders."""
    chosen = [p if os.path.isdir(p) else p.parent for p in (Path(g) for g in given)]  # no OSError
    if not chosen:
        chosen = [Path(p).parent for p in settings.get("recent", [])]
    seen: list[Path] = []
    for folder in chosen:
        folder = folder.resolve()
        if folder not in seen and os.path.isdir(folder):
            seen.append(folder)
    return seen


def check_names(given: Iterable[Path]) -> list[Line]:
    """A folder or file given whose name no file system holds: one line naming it."""
    from .storage.errors import NameTooLong
    from .storage.fileformat import check_name_length

    lines = []
    for path in given:
        try:
            check_name_length(path)
        except NameTooLong as err:
            lines.append(problem("Utvärderingsmapp", str(err), "ange en mapp med kortare namn"))
    return lines


def check_space(data: Path, folders: Sequence[Path]) -> list[Line]:
    from .storage.location import classify

    places = [(data, "användardata och säkerhetskopior")] + [(f, "utvärderingar") for f in folders]
    lines = []
    for folder, what in places:
        probe = folder
        while not os.path.exists(probe) and probe.parent != probe:  # no OSError for a long name
            probe = probe.parent
        try:
            free = shutil.disk_usage(probe).free
        except OSError as err:
            lines.append(
                problem("Ledigt utrymme", f"{folder}: okänt ({os_reason(err)})", "kontrollera mappen")
            )
            continue
        text = f"{_size(free)} i {folder} ({what})"
        if free < MIN_FREE_BYTES:
            lines.append(
                problem(
                    "Ledigt utrymme",
                    f"bara {text}",
                    f"frigör utrymme: minst {_size(MIN_FREE_BYTES)} behövs för utvärderingar "
                    "och säkerhetskopior",
                )
            )
        else:
            lines.append(Line("Ledigt utrymme", text))
        if what == "utvärderingar" and classify(folder).network:
            lines.append(
                problem(
                    "Utvärderingsmapp",
                    f"{folder} ligger på en nätverksenhet: filer där kan bara öppnas skrivskyddat",
                    "spara utvärderingarna på datorns egen disk",
                )
            )
    if not folders:
        lines.append(
            Line(
                "Utvärderingar",
                "inga senaste filer: ange mappen med kompass doctor MAPP för att kontrollera den",
            )
        )
    return lines


# -- no network -----------------------------------------------------------------------------

_SOCKET_FUNCTIONS = (
    "create_connection",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getfqdn",
    "getnameinfo",
)
_SOCKET_METHODS = ("connect", "connect_ex", "sendto", "sendmsg")


@contextmanager
def refused_network() -> Iterator[list[str]]:
    """Every way of resolving a name or opening a connection is refused and recorded."""
    attempts: list[str] = []
    saved: list[tuple[Any, str, Any]] = []

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: object, **kwargs: object) -> Any:
            attempts.append(name)
            raise OSError(msg("Kompass Desktop använder inte nätverket ({name})", name=name))

        return refused

    owners: tuple[tuple[Any, tuple[str, ...]], ...] = (
        (socket, _SOCKET_FUNCTIONS),
        (socket.socket, _SOCKET_METHODS),
    )
    for owner, names in owners:
        for name in names:
            if hasattr(owner, name):
                saved.append((owner, name, getattr(owner, name)))
                setattr(owner, name, refuse(name))
    try:
        yield attempts
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def check_network(attempts: Sequence[str]) -> Line:
    if not attempts:
        return Line("Nätverk", "används inte (0 försök under kontrollen)")
    return problem(
        "Nätverk",
        f"{len(attempts)} försök under kontrollen ({', '.join(sorted(set(attempts)))})",
        "kontakta supporten: programmet ska aldrig använda nätverket",
    )


# -- all together ---------------------------------------------------------------------------


def _guarded(label: str, check: Callable[..., Any], *args: Any) -> list[Line]:
    """A check that fails unexpectedly is one line too, never a traceback."""
    try:
        result = check(*args)
    except Exception as err:
        return [problem(label, f"kunde inte kontrolleras ({type(err).__name__}: {err})", REINSTALL)]
    return list(result) if isinstance(result, list) else [result]


def run_checks(folders: Iterable[Path] = (), display: Sequence[str] | None = None) -> list[Line]:
    from .userdata import backups_dir, data_dir

    folders = list(folders)
    with refused_network() as attempts:
        shown = check_display(display)
        settings = read_settings()
        lines = [*_guarded("Versioner", check_versions, shown.qt_version), *shown.lines]
        lines += _guarded("Typsnitt", check_fonts)
        lines += _guarded("Ramverk och standardtexter", check_frameworks)
        lines += _guarded("Jämförelser mellan versioner", check_mapping)
        lines += _guarded("Riksgenomsnitt", check_national_average)
        lines += _guarded("Demoutvärdering", check_demo)
        lines += _guarded("Scheman", check_schemas)
        lines += _guarded("Översättning", check_translations)
        lines += _guarded("Användardata", check_writable, "Användardata", data_dir())
        lines += _guarded("Säkerhetskopior", check_writable, "Säkerhetskopior", backups_dir())
        lines += _guarded("Språk", check_language, settings)
        lines += _guarded("Utvärderingsmapp", check_names, folders)
        lines += _guarded("Ledigt utrymme", check_space, data_dir(), evaluation_folders(folders, settings))
    lines.append(check_network(attempts))
    return lines


def main(folders: Iterable[Path] = (), out: TextIO | None = None) -> int:
    out = out or sys.stdout
    out.write(f"{APP_NAME} {__version__} – självkontroll\n")
    lines = run_checks(folders)
    for line in lines:
        out.write(line.render() + "\n")
    problems = sum(not line.ok for line in lines)
    out.write("Allt fungerar.\n" if not problems else f"{problems} problem: se raderna med FEL.\n")
    out.flush()
    return 0 if not problems else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(Path(a) for a in sys.argv[1:]))
