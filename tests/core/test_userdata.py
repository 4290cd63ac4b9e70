"""The user-data folder: the README's folder on each OS, and KOMPASS_DATA_DIR wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompass_desktop import userdata


@pytest.fixture
def no_override(monkeypatch):
    monkeypatch.delenv("KOMPASS_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", "/home/eva")
    for name in ("XDG_DATA_HOME", "WIN_PD_OVERRIDE_LOCAL_APPDATA", "WIN_PD_OVERRIDE_APPDATA"):
        monkeypatch.delenv(name, raising=False)


def test_linux_uses_xdg_data_home_or_local_share(no_override, monkeypatch):
    assert userdata.data_dir("linux") == Path("/home/eva/.local/share/kompass-desktop")
    monkeypatch.setenv("XDG_DATA_HOME", "/data/eva")
    assert userdata.data_dir("linux") == Path("/data/eva/kompass-desktop")
    monkeypatch.setenv("XDG_DATA_HOME", "")  # empty means unset (never a folder relative to the cwd)
    assert userdata.data_dir("linux") == Path("/home/eva/.local/share/kompass-desktop")


def test_macos_uses_application_support(no_override):
    assert userdata.data_dir("darwin") == Path("/home/eva/Library/Application Support/Kompass Desktop")


def test_windows_uses_the_local_not_the_roaming_app_data(no_override, monkeypatch):
    # platformdirs asks the Windows shell; these variables stand in for its answers elsewhere
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\eva\AppData\Local")
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", r"C:\Users\eva\AppData\Roaming")
    folder = str(userdata.data_dir("win32")).replace("/", "\\")
    assert folder == r"C:\Users\eva\AppData\Local\KompassDesktop"


def test_kompass_data_dir_overrides_every_os(monkeypatch, tmp_path):
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(tmp_path))
    for platform in ("linux", "darwin", "win32"):
        assert userdata.data_dir(platform) == tmp_path
    assert userdata.backups_dir() == tmp_path / "backups"
    assert userdata.settings_file() == tmp_path / "settings.ini"
