"""Where a file lives, decided from recorded mount tables of Linux, macOS and Windows.

The tables are what ``psutil.disk_partitions(all=True)`` reports on each system (device, mount
point, file system type, options; macOS adds ``local`` for MNT_LOCAL, Windows the drive type).
Network folders are refused for writing, USB sticks are allowed (with a warning).
"""

from __future__ import annotations

import psutil
import pytest

from kompass_desktop.storage import location
from kompass_desktop.storage.errors import NetworkLocation
from kompass_desktop.storage.location import Location, Mount, classify, classify_mount
from kompass_desktop.storage.outputs import check_output

LINUX = [
    Mount("/dev/nvme0n1p2", "/", "ext4", "rw,relatime"),
    Mount("tmpfs", "/tmp", "tmpfs", "rw,nosuid,nodev"),
    Mount("systemd-1", "/boot/efi", "autofs", "rw,relatime,fd=44"),
    Mount("/dev/nvme0n1p1", "/boot/efi", "vfat", "rw,relatime"),
    Mount("//nas.kommun.se/utvardering", "/mnt/nas", "cifs", "rw,vers=3.1.1"),
    Mount("//nas/delad", "/home/anna/Dokument/Delad", "smb3", "rw"),
    Mount("nas.kommun.se:/export/home", "/home/anna/nfs", "nfs4", "rw,vers=4.2"),
    Mount("anna@server.kommun.se:/srv", "/home/anna/ssh", "fuse.sshfs", "rw,user_id=1000"),
    Mount("https://moln.kommun.se/remote.php/webdav", "/mnt/moln", "davfs", "rw"),
    Mount("hostshare", "/mnt/vm", "9p", "rw,trans=virtio"),
    Mount("gvfsd-fuse", "/run/user/1000/gvfs", "fuse.gvfsd-fuse", "rw"),
    Mount("/dev/sdb1", "/media/anna/USBSTICK", "vfat", "rw,nosuid"),
    Mount("/dev/sdc1", "/run/media/anna/T7", "exfat", "rw,nosuid"),
    Mount("/dev/sdd1", "/srv/data", "ntfs3", "rw"),
]

MACOS = [
    Mount("/dev/disk3s1s1", "/", "apfs", "ro,local,rootfs,dovolfs,journaled,multilabel"),
    Mount("devfs", "/dev", "devfs", "rw,local,dontbrowse,multilabel"),
    Mount("/dev/disk3s5", "/System/Volumes/Data", "apfs", "rw,local,dovolfs,dontbrowse,journaled"),
    Mount("map auto_home", "/System/Volumes/Data/home", "autofs", "rw,dontbrowse,automounted"),
    Mount("//anna@nas._smb._tcp.local/delad", "/Volumes/delad", "smbfs", "rw,nodev,nosuid"),
    Mount("afp_0TQBm60RTgfD0QV1rl3E5gIg-1.2d000017", "/Volumes/Arkiv", "afpfs", "rw,nodev,nosuid"),
    Mount("nas.kommun.se:/export", "/Volumes/nfs", "nfs", "rw,nodev,nosuid"),
    Mount("https://moln.kommun.se/dav", "/Volumes/moln", "webdav", "rw,nodev,nosuid"),
    Mount("/dev/disk4s1", "/Volumes/USBSTICK", "msdos", "rw,local,nodev,nosuid,noowners"),
    Mount("/dev/disk5s1", "/Volumes/T7", "exfat", "rw,local,nodev,nosuid,noowners"),
    Mount("/dev/disk6s1", "/Volumes/Backup", "apfs", "rw,local,nodev,nosuid,journaled"),
    Mount("/dev/disk7s1", "/Volumes/Windows", "ntfs", "ro,local,nodev,nosuid,noowners"),
]

WINDOWS = [
    Mount("C:\\", "C:\\", "NTFS", "rw,fixed"),
    Mount("C:\\", "C:\\Volymer\\Extra\\", "NTFS", "rw,fixed"),
    Mount("D:\\", "D:\\", "", "cdrom"),
    Mount("E:\\", "E:\\", "FAT32", "rw,removable"),
    Mount("F:\\", "F:\\", "exFAT", "rw,removable"),
    Mount("Z:\\", "Z:\\", "NTFS", "rw,remote"),
    Mount("Y:\\", "Y:\\", "", "remote"),
    Mount("\\\\nas\\box", "C:\\Delad\\BOX\\", "NTFS", "rw,remote"),  # a share mounted in a folder
]


@pytest.mark.parametrize(
    ("folder", "kind", "detail"),
    [
        ("/home/anna/Dokument", "local", "ext4"),
        ("/tmp/pytest", "local", "tmpfs"),
        ("/boot/efi/EFI", "local", "vfat"),  # the real mount hides the automount point
        ("/mnt/nas/2025", "network", "cifs"),
        ("/home/anna/Dokument/Delad/x", "network", "smb3"),  # nested inside a local folder
        ("/home/anna/Dokument/Delade", "local", "ext4"),  # a prefix of the name is not the mount
        ("/home/anna/nfs", "network", "nfs4"),
        ("/home/anna/ssh/kompass", "network", "fuse.sshfs"),
        ("/mnt/moln", "network", "davfs"),
        ("/mnt/vm/delat", "network", "9p"),
        ("/run/user/1000/gvfs/smb-share:server=nas,share=delad", "network", "fuse.gvfsd-fuse"),
        ("/media/anna/USBSTICK/Kompass", "removable", "vfat"),
        ("/run/media/anna/T7", "removable", "exfat"),
    ],
)
def test_linux_mount_table(folder, kind, detail):
    place = classify_mount(folder, LINUX, "linux")
    assert (place.kind, place.detail) == (kind, detail)


def test_linux_removable_disk_outside_media_is_removable():
    place = classify_mount("/srv/data", LINUX, "linux", removable_device=lambda dev: dev == "/dev/sdd1")
    assert place.kind == "removable"
    assert classify_mount("/srv/data", LINUX, "linux").kind == "local"


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("/Users/anna/Documents", "local"),
        ("/System/Volumes/Data/Users/anna", "local"),
        ("/System/Volumes/Data/home/anna", "network"),  # automounted network home
        ("/Volumes/delad/Kompass", "network"),
        ("/Volumes/Arkiv", "network"),
        ("/Volumes/nfs/x", "network"),
        ("/Volumes/moln", "network"),
        ("/Volumes/USBSTICK/Kompass", "removable"),
        ("/Volumes/T7", "removable"),
        ("/Volumes/Backup/utv", "removable"),
        ("/Volumes/Windows", "removable"),
    ],
)
def test_macos_mount_table(folder, kind):
    assert classify_mount(folder, MACOS, "darwin").kind == kind


@pytest.mark.parametrize(
    ("folder", "kind", "detail"),
    [
        ("C:\\Users\\anna\\Documents", "local", "NTFS"),
        ("c:/users/anna", "local", "NTFS"),
        ("z:/Utvärderingar/2025", "network", "nätverksenhet Z:\\"),  # forward slashes are Windows' too
        ("e:/kompass/", "removable", "flyttbar enhet E:\\"),
        ("C:\\Delad\\BOX\\2025", "network", "nätverksenhet \\\\nas\\box"),
        ("c:\\delad\\box", "network", "nätverksenhet \\\\nas\\box"),  # names are compared without case
        ("C:\\Delad\\BO", "local", "NTFS"),  # a prefix of the folder's name is not inside it
        ("C:\\Volymer\\Extra\\Kompass", "local", "NTFS"),
        ("D:\\", "removable", "flyttbar enhet D:\\"),  # a CD
        ("E:\\Kompass", "removable", "flyttbar enhet E:\\"),
        ("F:\\", "removable", "flyttbar enhet F:\\"),
        ("Z:\\Utvärderingar\\2025", "network", "nätverksenhet Z:\\"),
        ("Y:\\", "network", "nätverksenhet Y:\\"),
        ("\\\\nas\\delad\\Kompass", "network", "nätverksresurs (UNC)"),
        ("//nas/delad/Kompass", "network", "nätverksresurs (UNC)"),
        ("G:\\Kompass", "local", ""),  # a drive the table does not list (unknown counts as local)
    ],
)
def test_windows_drive_table(folder, kind, detail):
    """The whole description: a refusal names the drive (or the share) the user knows."""
    assert classify_mount(folder, WINDOWS, "win32") == Location(kind, detail)


def test_a_windows_network_drive_is_named_when_writing_is_refused(monkeypatch, tmp_path):
    """What the user reads when a command would write on a mapped network drive: its name."""
    monkeypatch.delenv("KOMPASS_ASSUME_LOCATION", raising=False)
    monkeypatch.setattr(location.sys, "platform", "win32")
    table = [*WINDOWS, Mount("Z:\\", str(tmp_path), "NTFS", "rw,remote")]  # the folder on drive Z:
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: table)
    with pytest.raises(NetworkLocation) as refused:
        check_output(tmp_path / "rapport.pdf")
    assert str(refused.value) == (
        "rapport.pdf ligger i en nätverksmapp (nätverksenhet Z:\\). Där kan Kompass Desktop inte skriva "
        "säkert – två datorer kan förstöra filen. Spara på datorns egen disk och kopiera sedan filen dit."
    )
    assert list(tmp_path.iterdir()) == []


def test_an_smb_share_on_a_mac_is_refused_not_taken_for_a_usb_stick(monkeypatch):
    """The bug: ``stat -f %T`` prints the file *type*, and everything under /Volumes counted as
    removable, so SMB and AFP shares were opened for writing."""
    monkeypatch.delenv("KOMPASS_ASSUME_LOCATION", raising=False)
    monkeypatch.setattr(location.sys, "platform", "darwin")
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: MACOS)
    assert classify("/Volumes/delad/Kompass/lindsjo.kompass").kind == "network"
    assert classify("/Volumes/Arkiv/lindsjo.kompass").kind == "network"
    assert classify("/Volumes/USBSTICK/lindsjo.kompass").kind == "removable"


def test_a_linux_network_mount_is_found_in_the_mount_table(monkeypatch):
    monkeypatch.delenv("KOMPASS_ASSUME_LOCATION", raising=False)
    monkeypatch.setattr(location.sys, "platform", "linux")
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: LINUX)
    assert classify("/mnt/nas/2025/lindsjo.kompass").kind == "network"
    assert classify("/home/anna/ssh/lindsjo.kompass").kind == "network"
    assert classify("/media/anna/USBSTICK/lindsjo.kompass").kind == "removable"


def test_an_unreadable_mount_table_counts_as_local(monkeypatch, tmp_path):
    monkeypatch.delenv("KOMPASS_ASSUME_LOCATION", raising=False)

    def broken(all=False):
        raise OSError("no mount table")

    monkeypatch.setattr(psutil, "disk_partitions", broken)
    assert classify(tmp_path / "x.kompass").kind == "local"


def test_a_file_system_without_wal_is_one_clear_message():
    """SQLite keeps the old journal mode where the folder cannot hold WAL's shared memory
    (typically a network drive): the file is not opened for writing, and the user is told why."""
    from kompass_desktop.storage.errors import StorageError
    from kompass_desktop.storage.opening import _apply_pragmas

    class NoWal:  # what such a file system answers to "PRAGMA journal_mode = WAL"
        def execute(self, sql):
            assert sql == "PRAGMA journal_mode = WAL"
            return self

        def fetchone(self):
            return ("delete",)

    with pytest.raises(StorageError) as refused:
        _apply_pragmas(NoWal())
    assert str(refused.value) == "Filen kunde inte öppnas i WAL-läge (ligger den på en nätverksenhet?)."


def test_a_mac_network_volume_is_named_by_its_file_system_or_as_a_network_volume():
    """The refusal names what the folder is: the file system type when the system tells it,
    else "nätverksvolym" (never an empty or missing detail)."""
    home = classify_mount("/System/Volumes/Data/home/anna", MACOS, "darwin")
    assert (home.kind, home.detail) == ("network", "autofs")
    unnamed = [*MACOS, Mount("nas:/okänd", "/Volumes/Okänd", "", "rw,nodev,nosuid")]
    place = classify_mount("/Volumes/Okänd/Kompass", unnamed, "darwin")
    assert (place.kind, place.detail) == ("network", "nätverksvolym")


def test_linux_removable_disks_are_told_by_sysfs(tmp_path, monkeypatch):
    """A recorded sysfs: a USB stick (removable "1") and its partition are removable; the
    laptop's own disk (removable "0") and its partition are not."""
    devices, block = tmp_path / "devices", tmp_path / "class" / "block"
    block.mkdir(parents=True)
    for disk, flag in (("sdb", "1"), ("nvme0n1", "0")):
        part = devices / disk / f"{disk}{'1' if disk == 'sdb' else 'p2'}"
        part.mkdir(parents=True)
        (devices / disk / "removable").write_text(f"{flag}\n", encoding="ascii")
        (block / disk).symlink_to(devices / disk)
        (block / part.name).symlink_to(part)
    monkeypatch.setattr(location, "SYS_BLOCK", block)
    removable = location._linux_removable
    assert [removable(d) for d in ("/dev/sdb", "/dev/sdb1")] == [True, True]
    assert [removable(d) for d in ("/dev/nvme0n1", "/dev/nvme0n1p2")] == [False, False]
    assert removable("/dev/sdz9") is False and removable("tmpfs") is False
