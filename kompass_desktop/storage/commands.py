"""``kompass backups FILE`` and ``kompass restore BACKUP -o FILE``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.errors import KompassError
from ..domain.messages import msg
from . import backup
from .fileformat import check_name_length
from .restore import restore_backup


def register(
    sub: Any, command: Callable[[str], Callable[[Callable[[argparse.Namespace], int]], Any]]
) -> None:
    s = sub.add_parser("backups", help="lista säkerhetskopiorna av en utvärderingsfil")
    s.add_argument("file", metavar="FIL")
    s = sub.add_parser("restore", help="återställ en säkerhetskopia till en fil")
    s.add_argument("backup", metavar="KOPIA", help="säkerhetskopian (en fil i listan från kompass backups)")
    s.add_argument("-o", "--output", required=True, metavar="FIL", help="filen som ska skrivas")

    @command("backups")
    def cmd_backups(args: argparse.Namespace) -> int:
        check_name_length(args.file)  # no such file can exist: said so, not "no backups"
        found = backup.list_backups(Path(args.file))
        folder = backup.folder_for(Path(args.file))
        if not found:
            print(f"Inga säkerhetskopior av {Path(args.file).name} (de sparas i {folder}).")
            return 0
        print(f"Säkerhetskopior av {Path(args.file).name} i {folder}:")
        for item in found:
            print(
                f"  {item.taken:%Y-%m-%d %H:%M:%S}  {item.reason:<16} {item.size / 1024:8.0f} kB  {item.path}"
            )
        return 0

    @command("restore")
    def cmd_restore(args: argparse.Namespace) -> int:
        source, target = Path(args.backup), Path(args.output)
        if not source.exists():
            raise KompassError(msg("Säkerhetskopian {source} finns inte.", source=source))
        saved = restore_backup(source, target)
        print(f"Återställde {source.name} till {target}.")
        if saved is not None:
            print(f"Den tidigare filen sparades först som {saved}.")
        return 0
