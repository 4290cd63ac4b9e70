"""``kompass doctor`` / ``kompass-desktop --check``: every line of the self-check, fine and failing.

Damaged installations are copies of resources/ and schemas/ in a temporary folder
(KOMPASS_RESOURCES, KOMPASS_SCHEMAS).  The display check runs in a child process; most tests
give it a stand-in command so that they need not start Qt.
"""

from __future__ import annotations

import contextlib
import io
import os
import platform
import shutil
import socket
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import reportlab

from kompass_desktop import doctor, resources

ROOT = Path(__file__).resolve().parents[2]
QT_FINE = [sys.executable, "-c", 'print(\'{"platform": "xcb", "qt": "6.11.3", "screens": 1}\')']


def lines_of(found: list[doctor.Line], label: str) -> list[str]:
    return [line.render() for line in found if line.label == label]


def problems(found: list[doctor.Line]) -> list[str]:
    return [line.render() for line in found if not line.ok]


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """A copy of the installed data files that a test may damage."""
    copy = tmp_path / "install"
    shutil.copytree(ROOT / "resources", copy / "resources")
    shutil.copytree(ROOT / "schemas", copy / "schemas")
    monkeypatch.setenv("KOMPASS_RESOURCES", str(copy / "resources"))
    monkeypatch.setenv("KOMPASS_SCHEMAS", str(copy / "schemas"))
    yield copy
    resources.load_schema.cache_clear()  # nothing read from the copy outlives the test


def check(folders=()) -> list[doctor.Line]:
    return doctor.run_checks(folders, display=QT_FINE)


# -- the whole check, as IT support runs it --------------------------------------------------


def test_all_is_well_from_both_programs(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    evaluations = tmp_path / "utvarderingar"
    evaluations.mkdir()
    for args in (
        ["-m", "kompass_desktop.cli", "doctor", str(evaluations)],
        ["-m", "kompass_desktop", "--check"],
    ):
        result = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        out = result.stdout.splitlines()
        assert out[0].startswith("Kompass Desktop ") and out[0].endswith("– självkontroll")
        assert out[-1] == "Allt fungerar."
        assert all(line.startswith("OK   ") for line in out[1:-1]), result.stdout
        labels = {line[5:].split(":")[0] for line in out[1:-1]}
        assert labels >= {
            "Versioner",
            "Skärmplattform",
            "Typsnitt",
            "Ramverk och standardtexter",
            "Jämförelser mellan versioner",
            "Riksgenomsnitt",
            "Demoutvärdering",
            "Scheman",
            "Översättning",
            "Användardata",
            "Säkerhetskopior",
            "Språk",
            "Ledigt utrymme",
            "Nätverk",
        }
        assert "OK   Skärmplattform: offscreen laddas (Qt 6." in result.stdout
        assert "OK   Nätverk: används inte (0 försök under kontrollen)" in out
        assert result.stderr == ""
        if "doctor" in args:
            assert f" i {evaluations.resolve()} (utvärderingar)" in result.stdout


def test_the_check_itself_never_loads_qt():
    """Only the child process touches Qt: a Qt abort cannot take the self-check with it."""
    code = (
        "import sys\n"
        "from kompass_desktop import doctor\n"
        f"doctor.run_checks(display={QT_FINE!r})\n"
        "maps = open('/proc/self/maps').read() if sys.platform.startswith('linux') else ''\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(qt, 'libQt6' in maps)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "[] False", result.stdout + result.stderr


def test_the_cli_command_returns_1_on_any_problem(monkeypatch, capsys, tmp_path):
    from kompass_desktop.cli import main

    monkeypatch.setattr(doctor, "display_command", lambda: QT_FINE)
    assert main(["doctor", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Allt fungerar."
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(tmp_path / "a-file" / "data"))
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    assert main(["doctor", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "2 problem: se raderna med FEL."


def test_versions():
    (line,) = lines_of(check(), "Versioner")
    for part in (
        f"Kompass Desktop {metadata.version('kompass-desktop')}",
        f"Python {platform.python_version()}",
        "Qt 6.11.3",  # as the display check reported it
        f"reportlab {reportlab.Version}",
    ):
        assert part in line


# -- the display platform --------------------------------------------------------------------


def test_display_platform_loads():
    assert lines_of(check(), "Skärmplattform") == ["OK   Skärmplattform: xcb laddas (Qt 6.11.3)"]


def test_a_qt_abort_in_the_display_check_is_one_line():
    aborting = (
        "import os, sys; sys.stderr.write('qt.qpa.xcb: could not connect to display :0\\n'); os.abort()"
    )
    found = doctor.run_checks(display=[sys.executable, "-c", aborting])
    assert problems(found) == [
        "FEL  Skärmplattform: Qt kan inte starta: avbröts (signal 6): qt.qpa.xcb: could not connect to "
        "display :0 → kör kontrollen i en skrivbordssession; kvarstår felet, kontakta supporten med denna rad"
    ]


def test_a_display_check_that_hangs_is_stopped(monkeypatch):
    monkeypatch.setattr(doctor, "DISPLAY_TIMEOUT", 0.2)
    found = doctor.check_display([sys.executable, "-c", "import time; time.sleep(30)"])
    assert [line.render() for line in found.lines] == [
        "FEL  Skärmplattform: svarade inte inom 0 s → starta om datorn och försök igen"
    ]


def test_missing_system_libraries_reach_the_self_check(monkeypatch):
    """The real --check-display path, with the xcb libraries missing (simulated in the child)."""
    child = (
        "import sys\n"
        "from kompass_desktop import platform_libs\n"
        "def load(name):\n"
        "    if '/' in name or name == 'libxcb-icccm.so.4':\n"
        "        raise OSError(name)\n"
        "platform_libs._load = load\n"
        "from kompass_desktop.app import main\n"
        "sys.exit(main(['--check-display']))\n"
    )
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    found = doctor.check_display([sys.executable, "-c", child])
    assert [line.render() for line in found.lines] == [
        "FEL  Skärmplattform: systembibliotek saknas: libxcb-icccm.so.4 → installera dem: sudo apt install "
        "libxcb-icccm4 (Debian/Ubuntu) eller sudo dnf install xcb-util-wm (Fedora)"
    ]


# -- bundled data ----------------------------------------------------------------------------


def test_bundled_data_loads(installed):
    found = check()
    assert problems(found) == []
    assert lines_of(found, "Typsnitt") == [
        f"OK   Typsnitt: 3 inbyggda typsnitt laddas ({installed / 'resources' / 'fonts'})"
    ]
    assert lines_of(found, "Ramverk och standardtexter") == [
        "OK   Ramverk och standardtexter: 2019, 2016, 2010 laddas och följer schemat"
    ]
    shipped = len(list((installed / "schemas").glob("*.schema.json")))
    assert shipped >= 5
    assert lines_of(found, "Scheman") == [
        f"OK   Scheman: {shipped} scheman är giltiga ({installed / 'schemas'})"
    ]
    assert lines_of(found, "Översättning") == ["OK   Översättning: engelska finns"]
    assert lines_of(found, "Riksgenomsnitt") == [
        "OK   Riksgenomsnitt: 3 versioner laddas (exempeldata: byt mot SKR:s fil när den finns)"
    ]


def test_a_missing_or_damaged_font(installed):
    fonts = installed / "resources" / "fonts"
    (fonts / "Carlito-Bold.ttf").unlink()
    (fonts / "Carlito-Italic.ttf").write_bytes(b"not a font")
    found = problems(check())
    assert len(found) == 2
    assert found[0].startswith(f"FEL  Typsnitt: {fonts / 'Carlito-Bold.ttf'} kan inte läsas (")
    assert found[1].startswith(f"FEL  Typsnitt: {fonts / 'Carlito-Italic.ttf'} kan inte läsas (")
    assert all(line.endswith(" → installera om Kompass Desktop") for line in found)


def test_a_damaged_framework_or_text_file(installed):
    data = installed / "resources"
    framework = data / "frameworks" / "2019.json"
    framework.write_text(framework.read_text(encoding="utf-8")[:500], encoding="utf-8")
    texts = data / "texts" / "2016.toml"
    texts.write_text('version = "2016"\n[intro\n', encoding="utf-8")
    found = problems(check())
    assert len(found) == 2, found
    assert any(str(framework) in line and "ogiltig JSON" in line for line in found)
    assert any(str(texts) in line and "kan inte tolkas" in line for line in found)
    assert all(line.endswith("→ installera om Kompass Desktop") for line in found)


def test_damaged_reference_data(installed):
    data = installed / "resources"
    (data / "frameworks" / "mapping.json").write_text("{}", encoding="utf-8")
    (data / "reference" / "national-average.json").write_text("[", encoding="utf-8")
    (data / "demo" / "base.json").write_text("", encoding="utf-8")
    found = problems(check())
    assert [line.split(":")[0] for line in found] == [
        "FEL  Jämförelser mellan versioner",
        "FEL  Riksgenomsnitt",
        "FEL  Demoutvärdering",
    ]
    assert "mapping.json" in found[0] and "national-average.json" in found[1] and "base.json" in found[2]


def test_a_damaged_or_invalid_schema(installed):
    schemas = installed / "schemas"
    (schemas / "evaluation-export.schema.json").write_text("{", encoding="utf-8")
    (schemas / "national-average.schema.json").write_text('{"type": 5}', encoding="utf-8")
    found = problems(check())
    assert len(found) == 3, found
    # the invalid schema is named while checking the national average (never jsonschema's TypeError)
    assert found[0].startswith(
        f"FEL  Riksgenomsnitt: Schemafilen {schemas / 'national-average.schema.json'} är inget giltigt schema"
    )
    assert found[1].startswith(f"FEL  Scheman: {schemas / 'evaluation-export.schema.json'} kan inte läsas")
    assert found[2].startswith(
        f"FEL  Scheman: {schemas / 'national-average.schema.json'} är inget giltigt schema"
    )


def test_a_missing_translation(installed):
    qm = installed / "resources" / "translations" / "kompass_en.qm"
    qm.write_bytes(b"\0" * 32)
    assert problems(check()) == [
        f"FEL  Översättning: {qm} är ingen Qt-översättningsfil → installera om Kompass Desktop"
    ]
    qm.unlink()
    assert problems(check())[0].startswith(f"FEL  Översättning: {qm} saknas")


# -- the user's folders, language and disk ---------------------------------------------------


def test_user_data_and_backups_are_writable_and_left_as_they_were(tmp_path, monkeypatch):
    data = tmp_path / "ny" / "kompass"
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(data))
    found = check()
    assert lines_of(found, "Användardata") == [f"OK   Användardata: {data} är skrivbar"]
    assert lines_of(found, "Säkerhetskopior") == [f"OK   Säkerhetskopior: {data / 'backups'} är skrivbar"]
    left = {str(p.relative_to(tmp_path / "ny")) for p in (tmp_path / "ny").rglob("*")}
    assert left <= {"kompass", "kompass/cache", "kompass/cache/validated.json"}  # the app's own cache only


def test_an_unwritable_data_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(blocker / "kompass"))
    found = problems(check())
    remedy = "ge användaren skrivrätt till mappen, eller låt KOMPASS_DATA_DIR peka på en skrivbar mapp"
    reason = "en del av sökvägen är en fil, inte en mapp"
    assert f"FEL  Användardata: {blocker / 'kompass'} är inte skrivbar ({reason}) → {remedy}" in found
    backups = blocker / "kompass" / "backups"
    assert f"FEL  Säkerhetskopior: {backups} är inte skrivbar ({reason}) → {remedy}" in found
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(blocker))  # exists, but no file can be written in it
    assert f"FEL  Användardata: {blocker} är inte skrivbar ({reason}) → {remedy}" in problems(check())


def _settings(data: Path, text: str) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.ini").write_text(text, encoding="utf-8")


def test_the_active_language(monkeypatch, tmp_path):
    data = tmp_path / "data"
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(data))
    assert lines_of(check(), "Språk") == ["OK   Språk: svenska (standard)"]
    _settings(data, "[General]\nlanguage=en\n")
    assert lines_of(check(), "Språk") == ["OK   Språk: engelska (vald under Visa → Språk)"]
    _settings(data, "[General]\nlanguage=fi\n")
    assert lines_of(check(), "Språk") == [
        "OK   Språk: svenska (okänt språk ”fi” i settings.ini används inte)"
    ]


def test_recent_files_folders_are_checked(monkeypatch, tmp_path):
    data = tmp_path / "data"
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(data))
    first, second = tmp_path / "Lindsjö, 2025", tmp_path / "andra"
    first.mkdir()
    second.mkdir()
    _settings(  # as QSettings writes it: quoted when it holds a comma, \x escapes, one folder gone
        data,
        f'[General]\nrecent="{tmp_path}/Lindsj\\xf6, 2025/a.kompass", {second}/b.kompass, '
        f"{tmp_path}/borta/c.kompass\n"
        "[window]\ngeometry=@ByteArray(x)\n",
    )
    found = lines_of(check(), "Ledigt utrymme")
    assert [line.split(" i ", 1)[1] for line in found] == [
        f"{data} (användardata och säkerhetskopior)",
        f"{first} (utvärderingar)",
        f"{second} (utvärderingar)",
    ]
    given = lines_of(check([second / "b.kompass"]), "Ledigt utrymme")
    assert [line.split(" i ", 1)[1] for line in given][1:] == [f"{second} (utvärderingar)"]


def test_little_free_space_and_network_folders(monkeypatch, tmp_path):
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage._replace(free=50_000_000))
    monkeypatch.setenv("KOMPASS_ASSUME_LOCATION", "network")
    found = problems(check([tmp_path]))
    assert (
        f"FEL  Ledigt utrymme: bara 50 MB i {tmp_path} (utvärderingar) → frigör utrymme: minst 200 MB "
        "behövs för utvärderingar och säkerhetskopior"
    ) in found
    assert (
        f"FEL  Utvärderingsmapp: {tmp_path} ligger på en nätverksenhet: filer där kan bara öppnas "
        "skrivskyddat → spara utvärderingarna på datorns egen disk"
    ) in found


# -- no network ------------------------------------------------------------------------------


def test_network_use_is_caught_and_reported(monkeypatch):
    original = socket.getaddrinfo

    def sneaky(settings):
        with contextlib.suppress(OSError):  # swallowed: it is still counted
            socket.getaddrinfo("example.org", 443)
        return doctor.Line("Språk", "svenska")

    monkeypatch.setattr(doctor, "check_language", sneaky)
    found = problems(check())
    assert found == [
        "FEL  Nätverk: 1 försök under kontrollen (getaddrinfo) → kontakta supporten: programmet ska aldrig "
        "använda nätverket"
    ]
    assert socket.getaddrinfo is original  # put back afterwards


def test_main_prints_a_header_every_line_and_a_verdict(monkeypatch):
    monkeypatch.setattr(doctor, "display_command", lambda: QT_FINE)
    out = io.StringIO()
    assert doctor.main([], out) == 0
    text = out.getvalue().splitlines()
    assert text[0].endswith("– självkontroll") and text[-1] == "Allt fungerar."
    assert len(text) == len(doctor.run_checks(display=QT_FINE)) + 2
