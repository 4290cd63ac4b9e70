"""Nothing the app does at run time reaches the network.

The real code paths run in child processes whose Python has networking disabled by a
``sitecustomize`` module: every way of resolving a name or opening a connection records the
attempt (with where it came from) and raises.  An attempt fails the test even when the app
catches the error.  ``PySide6.QtNetwork`` cannot be imported either: it is left out of the
packaged app, so needing it would break the bundle.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GUARD = '''
"""Installed by tests/core/test_offline.py: no network for this Python process."""
import os
import socket
import sys
import traceback

_LOG = os.environ["KOMPASS_NETWORK_LOG"]


def _record(what):
    stack = "".join(traceback.format_stack(limit=8)[:-2])
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{what} in {sys.argv!r}\\n{stack}\\n")


def _blocked(name):
    def refuse(*args, **kwargs):
        _record(f"{name}{args!r}")
        raise OSError(f"network disabled for this test: {name}")

    return refuse


for _name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, _name, _blocked(f"socket.{_name}"))
for _name in (
    "create_connection",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getfqdn",
    "getnameinfo",
):
    setattr(socket, _name, _blocked(_name))


class _NoQtNetwork:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "PySide6.QtNetwork":
            _record("import PySide6.QtNetwork")
            raise ImportError("PySide6.QtNetwork is not part of the packaged app")
        return None


sys.meta_path.insert(0, _NoQtNetwork)
'''


class Offline:
    """Runs ``python ARGS`` without network, as on a first start: a fresh, empty home folder."""

    def __init__(self, tmp_path: Path) -> None:
        guard = tmp_path / "guard"
        guard.mkdir()
        (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
        self.home = tmp_path / "home"
        self.work = tmp_path / "work"
        self.home.mkdir()
        self.work.mkdir()
        self.log = tmp_path / "network-attempts.log"
        env = {k: v for k, v in os.environ.items() if k not in ("KOMPASS_DATA_DIR", "XDG_DATA_HOME")}
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            LOCALAPPDATA=str(self.home / "AppData" / "Local"),
            KOMPASS_NETWORK_LOG=str(self.log),
            PYTHONPATH=os.pathsep.join([str(guard), *filter(None, [env.get("PYTHONPATH")])]),
            QT_QPA_PLATFORM="offscreen",
        )
        self.env = env

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, *args], cwd=self.work, env=self.env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stdout}{result.stderr}"
        return result

    def attempts(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""


@pytest.fixture
def offline(tmp_path: Path) -> Offline:
    return Offline(tmp_path)


def test_the_guard_catches_network_use_even_when_it_is_swallowed(offline: Offline) -> None:
    result = offline(
        "-c",
        "import socket, urllib.request\n"
        "try:\n"
        "    urllib.request.urlopen('http://192.0.2.1/', timeout=1)\n"
        "except OSError:\n"
        "    pass\n"
        "try:\n"
        "    import PySide6.QtNetwork\n"
        "except ImportError:\n"
        "    pass\n",
    )
    assert result.returncode == 0  # the app would not even notice
    attempts = offline.attempts()
    assert "getaddrinfo" in attempts or "create_connection" in attempts
    assert "import PySide6.QtNetwork" in attempts


def test_cli_and_gui_work_without_network(offline: Offline) -> None:
    cli = ("-m", "kompass_desktop.cli")
    offline(*cli, "demo", "demo.kompass")
    summary = offline(*cli, "summary", "demo.kompass", "--json")
    assert '"name": "Lindsjö kommun"' in summary.stdout
    offline(*cli, "report", "demo.kompass", "-o", "utkast.pdf", "--draft")
    offline(*cli, "keygen", "-o", "skr")
    offline(*cli, "export", "demo.kompass", "-o", "demo.kkx", "--seal", "skr.pub")
    offline(*cli, "unseal", "demo.kkx", "--key", "skr.key", "-o", "oppen.kkx")
    offline(*cli, "import", "oppen.kkx", "-o", "importerad.kompass")
    for name in ("utkast.pdf", "demo.kkx", "importerad.kompass"):
        assert (offline.work / name).stat().st_size > 1000, name

    gui = offline("-m", "kompass_desktop", "--smoke-test")
    assert "smoke: klart" in gui.stdout, gui.stdout + gui.stderr

    assert offline.attempts() == "", "the app tried to use the network:\n" + offline.attempts()
    errors = list(offline.home.rglob("kompass-errors.log"))
    assert not errors, errors[0].read_text(encoding="utf-8")
