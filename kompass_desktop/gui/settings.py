"""Window layout, recent files and preferences (QSettings in the user-data folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..userdata import settings_file

MAX_RECENT = 8


def settings() -> QSettings:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def recent_files() -> list[Path]:
    value = settings().value("recent", [])
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [Path(str(p)) for p in items if p]


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
