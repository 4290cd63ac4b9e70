"""Where the app keeps user data: backups, logs, settings, demo copies, caches.

One folder per user, from :mod:`platformdirs` (the per-OS conventions are its job, not ours),
overridable with ``KOMPASS_DATA_DIR``.  The folder names are those the README promises:

* Linux: ``$XDG_DATA_HOME/kompass-desktop`` (default ``~/.local/share/kompass-desktop``)
* Windows: ``%LOCALAPPDATA%\\KompassDesktop`` (the local, not the roaming, app data)
* macOS: ``~/Library/Application Support/Kompass Desktop``

No Qt, no I/O beyond reading the environment: the GUI, the command line and storage share it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast

from platformdirs.api import PlatformDirsABC

#: The app's folder name on each platform (as shipped before platformdirs was used).
_APP_NAMES = {"win32": "KompassDesktop", "darwin": "Kompass Desktop"}
_DEFAULT_NAME = "kompass-desktop"


def _conventions(platform: str) -> type[PlatformDirsABC]:
    if platform == "win32":
        from platformdirs.windows import Windows

        return cast("type[PlatformDirsABC]", Windows)  # typed Any on other OSes
    if platform == "darwin":
        from platformdirs.macos import MacOS

        return cast("type[PlatformDirsABC]", MacOS)  # typed Any on other OSes
    from platformdirs.unix import Unix

    return cast("type[PlatformDirsABC]", Unix)


def data_dir(platform: str = sys.platform) -> Path:
    """The user-data folder (not created here).  ``platform`` is for tests of the other OSes."""
    override = os.environ.get("KOMPASS_DATA_DIR")
    if override:
        return Path(override)
    name = _APP_NAMES.get(platform, _DEFAULT_NAME)
    return Path(_conventions(platform)(name, appauthor=False, roaming=False).user_data_dir)


def backups_dir() -> Path:
    return data_dir() / "backups"


def settings_file() -> Path:
    return data_dir() / "settings.ini"
