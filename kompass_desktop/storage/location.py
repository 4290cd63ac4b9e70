"""Where a file lives: a local disk, a removable medium, or a network folder.

SQLite's WAL mode needs shared memory and reliable locks, which network file systems (SMB,
NFS, …) do not provide: two laptops could corrupt one file.  The choice (documented in the
README): an evaluation on a network folder is **refused for writing** with the advice to copy
it to the computer (the GUI offers to do that in one click); it can still be opened read-only.
Files on USB sticks are allowed but the evaluator is warned not to pull the stick while the
file is open.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

NETWORK_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "afpfs",
    "webdav",
    "davfs",
    "9p",
    "fuse.sshfs",
    "sshfs",
    "fuse.rclone",
    "ncpfs",
    "afs",
    "glusterfs",
    "ceph",
    "fuse.gvfsd-fuse",
}


@dataclass(frozen=True, slots=True)
class Location:
    kind: str  # "local" | "removable" | "network"
    detail: str = ""  # file system type or drive description

    @property
    def network(self) -> bool:
        return self.kind == "network"


def _linux_mount(path: Path) -> tuple[str, str, str]:
    """(mount point, file system type, device) of the mount holding ``path``."""
    best = ("/", "", "")
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 3:
                    continue
                device, mount, fstype = parts[0], parts[1].replace("\\040", " "), parts[2]
                if (str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")) and len(
                    mount
                ) >= len(best[0]):
                    best = (mount, fstype, device)
    except OSError:
        pass
    return best


def _linux_removable(device: str) -> bool:
    if not device.startswith("/dev/"):
        return False
    name = Path(device).name
    block = Path("/sys/class/block") / name
    for candidate in (block, block.parent if block.exists() else block):
        removable = candidate / "removable"
        try:
            if removable.exists() and removable.read_text().strip() == "1":
                return True
        except OSError:
            continue
    try:  # a partition: the disk is its parent in sysfs
        parent = block.resolve().parent / "removable"
        return parent.read_text().strip() == "1"
    except OSError:
        return False


def _windows_drive_type(path: Path) -> int:
    import ctypes

    root = os.path.splitdrive(str(path))[0] + "\\"
    if str(path).startswith("\\\\"):
        return 4  # UNC path: a network share
    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def classify(path: str | os.PathLike[str]) -> Location:
    """Best effort: unknown situations count as local."""
    forced = os.environ.get("KOMPASS_ASSUME_LOCATION")  # for tests and special set-ups
    if forced in ("local", "removable", "network"):
        return Location(forced, "KOMPASS_ASSUME_LOCATION")
    target = Path(path).resolve()
    folder = target if target.is_dir() else target.parent
    if sys.platform == "win32":
        kind = _windows_drive_type(folder)
        if kind == 4:
            return Location("network", "nätverksenhet")
        if kind == 2:
            return Location("removable", "flyttbar enhet")
        return Location("local")
    if sys.platform == "darwin":
        try:
            import subprocess

            out = subprocess.run(["stat", "-f", "%T", str(folder)], capture_output=True, text=True, timeout=5)
            fstype = out.stdout.strip().lower()
        except (OSError, ValueError):
            fstype = ""
        if fstype in NETWORK_TYPES:
            return Location("network", fstype)
        if str(folder).startswith("/Volumes/"):
            return Location("removable", fstype or "volym")
        return Location("local", fstype)
    mount, fstype, device = _linux_mount(folder)
    if fstype in NETWORK_TYPES or fstype.startswith("fuse.sshfs") or device.startswith("//"):
        return Location("network", fstype)
    if _linux_removable(device) or mount.startswith(("/media/", "/run/media/")):
        return Location("removable", fstype)
    return Location("local", fstype)
