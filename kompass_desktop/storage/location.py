"""Where a file lives: a local disk, a removable medium, or a network folder.

SQLite's WAL mode needs shared memory and reliable locks, which network file systems (SMB,
NFS, …) do not provide: two laptops could corrupt one file.  The choice (documented in the
README): an evaluation on a network folder is **refused for writing** with the advice to copy
it to the computer (the GUI offers to do that in one click); it can still be opened read-only.
Files on USB sticks are allowed but the evaluator is warned not to pull the stick while the
file is open.

The file system is found in the system's mount table (``psutil.disk_partitions(all=True)``:
``/proc/self/mounts`` on Linux, ``getfsstat`` on macOS, the drive list on Windows): the mount
whose mount point is the longest prefix of the file's folder.  The decision itself
(:func:`classify_mount`) is a pure function of that table, tested with recorded tables.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..domain.messages import msg

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
    "sshfs",
    "ncpfs",
    "afs",
    "glusterfs",
    "ceph",
    "lustre",
    "autofs",
}
#: FUSE file systems (``fuse.NAME``) that reach other machines.
NETWORK_FUSE = {"sshfs", "rclone", "gvfsd-fuse", "s3fs", "davfs", "smbnetfs", "curlftpfs", "gcsfuse"}


@dataclass(frozen=True, slots=True)
class Location:
    kind: str  # "local" | "removable" | "network"
    detail: str = ""  # file system type or drive description

    @property
    def network(self) -> bool:
        return self.kind == "network"


@dataclass(frozen=True, slots=True)
class Mount:
    """One row of the mount table (the fields of psutil's ``sdiskpart``)."""

    device: str
    mountpoint: str
    fstype: str
    opts: str = ""

    @property
    def options(self) -> set[str]:
        return {o.strip().lower() for o in self.opts.split(",") if o.strip()}


def mount_table() -> list[Mount]:
    """The system's mount table, or an empty list where it cannot be read."""
    try:
        import psutil

        return [Mount(p.device, p.mountpoint, p.fstype, p.opts) for p in psutil.disk_partitions(all=True)]
    except Exception:  # psutil raises OSError/RuntimeError variants per platform; unknown is local
        return []


def _windows_key(path: str) -> str:
    return path.replace("/", "\\").rstrip("\\").lower() + "\\"


def mount_of(folder: str, table: Sequence[Mount], platform: str) -> Mount | None:
    """The mount holding ``folder``: the longest mount point that is a prefix (the last one on a
    tie, as a later mount hides an earlier one at the same place)."""
    best: Mount | None = None
    if platform == "win32":
        key = _windows_key(folder)
        for mount in table:
            point = _windows_key(mount.mountpoint)
            if key.startswith(point) and (best is None or len(point) >= len(_windows_key(best.mountpoint))):
                best = mount
        return best
    for mount in table:
        point = mount.mountpoint.rstrip("/") or "/"
        inside = folder == point or point == "/" or folder.startswith(point + "/")
        if inside and (best is None or len(point) >= len(best.mountpoint.rstrip("/") or "/")):
            best = mount
    return best


def _network_type(fstype: str) -> bool:
    fstype = fstype.lower()
    return fstype in NETWORK_TYPES or (fstype.startswith("fuse.") and fstype[5:] in NETWORK_FUSE)


def classify_mount(
    folder: str,
    table: Sequence[Mount],
    platform: str,
    removable_device: Callable[[str], bool] = lambda device: False,
) -> Location:
    """Decide from a mount table; unknown situations count as local."""
    if platform == "win32":
        if folder.startswith(("\\\\", "//")):
            return Location("network", msg("nätverksresurs (UNC)"))
        mount = mount_of(folder, table, platform)
        if mount is None:
            return Location("local")
        options = mount.options
        if "remote" in options or _network_type(mount.fstype):
            return Location("network", msg("nätverksenhet {device}", device=mount.device))
        if "removable" in options or "cdrom" in options:
            return Location("removable", msg("flyttbar enhet {device}", device=mount.device))
        return Location("local", mount.fstype)
    mount = mount_of(folder, table, platform)
    if mount is None:
        return Location("local")
    fstype = mount.fstype.lower()
    device = mount.device
    if _network_type(fstype) or device.startswith("//"):
        return Location("network", fstype)
    if platform == "darwin":
        if "local" not in mount.options:  # MNT_LOCAL is missing on every network mount
            return Location("network", fstype or msg("nätverksvolym"))
        if mount.mountpoint.startswith("/Volumes/"):
            return Location("removable", fstype)
        return Location("local", fstype)
    if removable_device(device) or mount.mountpoint.startswith(("/media/", "/run/media/")):
        return Location("removable", fstype)
    return Location("local", fstype)


#: Linux's block devices in sysfs: ``NAME/removable`` is "1" for a USB stick or card reader.
SYS_BLOCK = Path("/sys/class/block")


def _linux_removable(device: str) -> bool:
    """Whether sysfs marks the device removable, or the disk a partition of it is on (in sysfs
    a partition's folder lies inside its disk's: /sys/class/block/sdb1 -> …/block/sdb/sdb1)."""
    if not device.startswith("/dev/"):
        return False
    block = SYS_BLOCK / Path(device).name
    for folder in (block, block.resolve().parent):
        try:
            if (folder / "removable").read_text().strip() == "1":
                return True
        except OSError:
            continue
    return False


def classify(path: str | os.PathLike[str]) -> Location:
    """Best effort: unknown situations count as local."""
    forced = os.environ.get("KOMPASS_ASSUME_LOCATION")  # for tests and special set-ups
    if forced in ("local", "removable", "network"):
        return Location(forced, "KOMPASS_ASSUME_LOCATION")
    target = Path(path).resolve()
    folder = target if target.is_dir() else target.parent
    return classify_mount(str(folder), mount_table(), sys.platform, _linux_removable)
