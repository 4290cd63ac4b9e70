"""The ``.kkx`` container: a zip archive read defensively, strict JSON, and safe file writing.

Reading never trusts the archive: member names, member count, sizes and compression ratio
are checked before anything is decompressed, and members are read with a hard limit.
Writing goes to a temporary file beside the target that is renamed into place only when
complete; every target passes the output guard (:mod:`..storage.outputs`).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..domain.messages import msg
from ..storage.errors import os_reason
from ..storage.outputs import Replace, check_output, writing
from .errors import ExchangeError, RejectedArchive

MANIFEST = "manifest.json"
EVALUATION = "evaluation.json"
SUFFIX = ".kkx"

#: Limits for archives we read (an honest export is far below every one of them).
MAX_ARCHIVE_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 8
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
#: Uncompressed/compressed above this is treated as a zip bomb (JSON compresses 5–20 times).
MAX_RATIO = 100
#: Members smaller than this are not ratio-checked (tiny files compress oddly).
RATIO_FLOOR = 64 * 1024

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_DRIVE = re.compile(r"^[A-Za-z]:")


def read_file_bytes(path: Path, what: str = "Filen") -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            raise RejectedArchive(
                msg(
                    "{name} är för stor ({value} MB; högst {value2} MB) och läses inte.",
                    name=path.name,
                    value=size // (1024 * 1024),
                    value2=MAX_ARCHIVE_BYTES // (1024 * 1024),
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ExchangeError(msg("{what} {path} finns inte.", what=what, path=path)) from None
    except IsADirectoryError:
        raise ExchangeError(msg("{path} är en mapp, inte en fil.", path=path)) from None
    except PermissionError:
        raise ExchangeError(msg("Du saknar behörighet att läsa {path}.", path=path)) from None
    except OSError as err:
        raise ExchangeError(msg("{path} kan inte läsas: {err}.", path=path, err=os_reason(err))) from None


def check_member_name(name: str) -> str | None:
    """Why a member name is unsafe, or None when it is fine."""
    if not name or name.endswith("/"):
        return "en mapp eller ett tomt namn"
    if "\\" in name:
        return "omvänt snedstreck i namnet"
    if name.startswith("/"):
        return "absolut sökväg"
    if _DRIVE.match(name):
        return "sökväg med enhetsbokstav"
    if ".." in name.split("/"):
        return "sökväg med .. (pekar utanför arkivet)"
    if any(ord(ch) < 32 for ch in name):
        return "styrtecken i namnet"
    return None


def read_archive(data: bytes, label: str) -> dict[str, bytes]:
    """All members of a zip archive, after checking that it is safe to unpack."""
    if not data.startswith(ZIP_MAGIC):
        raise RejectedArchive(
            msg("{label} är inte en exportfil från Kompass Desktop (inte ett zip-arkiv).", label=label)
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise RejectedArchive(
            msg("{label} är avkortad eller skadad (zip-arkivet är ofullständigt).", label=label)
        ) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise RejectedArchive(
                msg(
                    "{label}: arkivet har för många filer ({infos}; högst {MAX_MEMBERS}).",
                    label=label,
                    infos=len(infos),
                    MAX_MEMBERS=MAX_MEMBERS,
                )
            )
        names: set[str] = set()
        total = 0
        for info in infos:
            why = check_member_name(info.filename)
            if why:
                raise RejectedArchive(
                    msg(
                        "{label}: otillåtet filnamn ”{filename}” i arkivet ({why}).",
                        label=label,
                        filename=info.filename,
                        why=why,
                    )
                )
            if info.filename in names:
                raise RejectedArchive(
                    msg(
                        "{label}: filen {filename} förekommer två gånger i arkivet.",
                        label=label,
                        filename=info.filename,
                    )
                )
            names.add(info.filename)
            if info.flag_bits & 0x1:
                raise RejectedArchive(
                    msg(
                        "{label}: {filename} är krypterad i zip-arkivet.", label=label, filename=info.filename
                    )
                )
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise RejectedArchive(
                    msg(
                        "{label}: {filename} använder en okänd komprimering.",
                        label=label,
                        filename=info.filename,
                    )
                )
            if info.file_size > MAX_MEMBER_BYTES:
                raise RejectedArchive(
                    msg(
                        "{label}: {filename} är för stor ({file_size} byte; högst {MAX_MEMBER_BYTES}).",
                        label=label,
                        filename=info.filename,
                        file_size=info.file_size,
                        MAX_MEMBER_BYTES=MAX_MEMBER_BYTES,
                    )
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise RejectedArchive(
                    msg(
                        "{label}: arkivets innehåll är för stort (mer än {MAX_TOTAL_BYTES} byte).",
                        label=label,
                        MAX_TOTAL_BYTES=MAX_TOTAL_BYTES,
                    )
                )
            if info.file_size > RATIO_FLOOR and (
                info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
            ):
                raise RejectedArchive(
                    msg(
                        (
                            "{label}: {filename} har en misstänkt hög komprimeringsgrad ({file_size} "
                            "byte ur {compress_size}; möjlig zip-bomb)."
                        ),
                        label=label,
                        filename=info.filename,
                        file_size=info.file_size,
                        compress_size=info.compress_size,
                    )
                )
        members: dict[str, bytes] = {}
        for info in infos:
            try:
                with zf.open(info) as fh:
                    content = fh.read(info.file_size + 1)
            except (zipfile.BadZipFile, EOFError, zlib.error, ValueError, OSError) as err:
                raise RejectedArchive(
                    msg(
                        "{label}: {filename} är skadad ({err}).", label=label, filename=info.filename, err=err
                    )
                ) from None
            if len(content) != info.file_size:
                raise RejectedArchive(
                    msg("{label}: {filename} har fel storlek i arkivet.", label=label, filename=info.filename)
                )
            members[info.filename] = content
    return members


def write_archive(members: list[tuple[str, bytes]], date_time: tuple[int, int, int, int, int, int]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buffer.getvalue()


# -- strict JSON ------------------------------------------------------------------------------


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(msg("nyckeln ”{key}” förekommer två gånger", key=key))
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(msg("{name} är inget giltigt JSON-tal", name=name))


def loads_strict(content: bytes, label: str) -> Any:
    """Parse JSON that must be UTF-8, with no duplicate keys and no NaN/Infinity."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise RejectedArchive(msg("{label}: inte UTF-8.", label=label)) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise RejectedArchive(
            msg(
                "{label}: ogiltig JSON på rad {lineno}, kolumn {colno}: {msg}.",
                label=label,
                lineno=err.lineno,
                colno=err.colno,
                msg=err.msg,
            )
        ) from None
    except (ValueError, RecursionError) as err:
        raise RejectedArchive(msg("{label}: ogiltig JSON: {err}.", label=label, err=err)) from None


def dumps(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


# -- writing files safely ---------------------------------------------------------------------


def check_new_target(target: Path, suffix: str | None = None, *, inputs: Iterable[Path | None] = ()) -> None:
    """Refuse an existing target, an input, a missing folder or a wrong suffix before any work
    is done (the output guard of :mod:`..storage.outputs`; an existing file is never replaced)."""
    if suffix and target.suffix.lower() != suffix:
        raise ExchangeError(msg("{name}: filnamnet ska sluta på {suffix}.", name=target.name, suffix=suffix))
    check_output(target, inputs=inputs, replace=Replace.NEVER)


@contextmanager
def new_file(target: Path, *, replace: bool = False, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block succeeds it becomes ``target``.

    Without ``replace`` an existing target is never overwritten (also not one that appeared
    while we worked).  On any error the temporary file is removed: nothing is left behind.
    The temporary file is readable by its owner only (a process killed while writing leaves
    no readable personal data; the next writer in the folder removes it); the finished file
    keeps that with ``private``, otherwise it becomes an ordinary document.  The writing is the
    output guard's (:func:`..storage.outputs.writing`), shared by every writer.
    """
    if not replace:
        check_new_target(target)
    with writing(target, replace=replace, private=private, error=ExchangeError) as tmp:
        yield tmp


def write_new_bytes(target: Path, data: bytes, *, replace: bool = False, private: bool = False) -> None:
    with new_file(target, replace=replace, private=private) as tmp:
        tmp.write_bytes(data)
