"""Window layout, recent files and preferences (QSettings in the user-data folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..storage.backup import data_dir

MAX_RECENT = 8


def settings() -> QSettings:
    path = data_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [Path(p) for p in (value or []) if p]


def add_recent(path: Path) -> None:
    path = Path(path).resolve()
    items = [p for p in recent_files() if p != path]
    if "demo-copies" in path.parts:
        return  # demo copies are not worth remembering
    s = settings()
    s.setValue("recent", [str(p) for p in [path, *items][:MAX_RECENT]])
    s.sync()


def remove_recent(path: Path) -> None:
    s = settings()
    s.setValue("recent", [str(p) for p in recent_files() if p != Path(path).resolve()])
    s.sync()


def language() -> str:
    return str(settings().value("language", "sv"))


def set_language(code: str) -> None:
    s = settings()
    s.setValue("language", code)
    s.sync()


def author_name() -> str:
    return str(settings().value("author", ""))


def set_author_name(name: str) -> None:
    s = settings()
    s.setValue("author", name)
    s.sync()
