"""Sealing an export for SKR: HPKE (RFC 9180) with X25519, HKDF-SHA256 and AES-256-GCM.

Sealed file (``.kkx``, readable with ``head -2``)::

    KOMPASS-SEALED 1\\n
    {"content": "kompass-export/1", "file_id": ..., "framework": ..., "key_id": ...,
     "municipality": ..., "suite": ..., "year": ...}\\n
    <HPKE single-shot output: encapsulated key (32 bytes) || AES-256-GCM ciphertext and tag>

The first two lines are authenticated: they are passed as HPKE ``info``, which enters the
key schedule (RFC 9180 §8.1 recommends ``info`` for authenticated context with single-shot
APIs), so changing any byte of them — or of the ciphertext — makes opening fail.

Key files (text, one header line and the raw 32-byte key in base64)::

    kompass-public-key-v1 x25519 <key id>      kompass-private-key-v1 x25519 <key id>
    <base64>                                    <base64>

The key id is the first 16 hex digits of SHA-256 of the public key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from ..domain.messages import msg
from ..storage.errors import os_reason
from . import archive
from .errors import ExchangeError, SealError
from .package import SEALED_MAGIC, ExportData, read_export_bytes

MAGIC_LINE = SEALED_MAGIC + b" 1\n"
SUITE_NAME = "HPKE DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM"
CONTENT = "kompass-export/1"
PUBLIC_HEADER = "kompass-public-key-v1 x25519"
PRIVATE_HEADER = "kompass-private-key-v1 x25519"
MAX_HEADER = 4096
TAMPERED = msg("manipulerad eller fel nyckel")


def _suite() -> Suite:
    return Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)


def _raw_public(key: X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: X25519PublicKey) -> str:
    return hashlib.sha256(_raw_public(key)).hexdigest()[:16]


# -- keys -------------------------------------------------------------------------------------


def keygen(name: Path) -> tuple[Path, Path]:
    """Write ``NAME.pub`` and ``NAME.key`` (the key file readable only by its owner)."""
    from cryptography.hazmat.primitives import serialization

    name = Path(name)
    pub_path, key_path = Path(f"{name}.pub"), Path(f"{name}.key")
    for path in (pub_path, key_path):
        archive.check_new_target(path)
    private = X25519PrivateKey.generate()
    public = private.public_key()
    kid = key_id(public)
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    _write_exclusive(key_path, f"{PRIVATE_HEADER} {kid}\n{base64.b64encode(raw_private).decode()}\n", 0o600)
    try:
        _write_exclusive(
            pub_path, f"{PUBLIC_HEADER} {kid}\n{base64.b64encode(_raw_public(public)).decode()}\n", 0o644
        )
    except BaseException:
        key_path.unlink(missing_ok=True)
        raise
    return pub_path, key_path


def _write_exclusive(path: Path, text: str, mode: int) -> None:
    """A new key file, written like every output (never over an existing file, also not one
    that another program puts there meanwhile: the output guard's own refusal then)."""
    archive.write_new_bytes(path, text.encode("ascii"), private=mode == 0o600)


def _read_key(path: Path, header: str, other_header: str, what: str) -> bytes:
    try:
        lines = [ln.strip() for ln in Path(path).read_text(encoding="ascii").splitlines()]
    except FileNotFoundError:
        raise SealError(msg("Nyckelfilen {path} finns inte.", path=path)) from None
    except OSError as err:
        raise SealError(
            msg("Nyckelfilen {path} kan inte läsas ({err}).", path=path, err=os_reason(err))
        ) from None
    except UnicodeDecodeError:  # a key file is ASCII: this is some other file (never Python's English)
        lines = []
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if lines and lines[0].startswith(other_header):
        raise SealError(msg("{path} är fel sorts nyckel: ange {what}.", path=path, what=what))
    if len(lines) != 2 or not lines[0].startswith(header):
        raise SealError(
            msg("{path} är ingen nyckelfil från Kompass Desktop ({what} väntades).", path=path, what=what)
        )
    try:
        raw = base64.b64decode(lines[1], validate=True)
    except (binascii.Error, ValueError):
        raise SealError(msg("{path}: nyckeln är skadad (ogiltig base64).", path=path)) from None
    if len(raw) != 32:
        raise SealError(msg("{path}: nyckeln är skadad (fel längd).", path=path))
    return raw


def load_public_key(path: Path) -> X25519PublicKey:
    raw = _read_key(path, PUBLIC_HEADER, PRIVATE_HEADER, "den publika nyckeln (.pub)")
    key = X25519PublicKey.from_public_bytes(raw)
    try:  # a low-order point (e.g. all zeros) gives a shared secret anyone can compute
        X25519PrivateKey.generate().exchange(key)
    except ValueError:
        raise SealError(
            msg(
                (
                    "{path}: nyckeln är ogiltig (en svag punkt på kurvan som inte kan skydda "
                    "något); be SKR om rätt nyckelfil."
                ),
                path=path,
            )
        ) from None
    return key


def load_private_key(path: Path) -> X25519PrivateKey:
    raw = _read_key(path, PRIVATE_HEADER, PUBLIC_HEADER, "den privata nyckeln (.key)")
    return X25519PrivateKey.from_private_bytes(raw)


# -- sealing ----------------------------------------------------------------------------------


def header_for(manifest: Mapping[str, Any], public_key: X25519PublicKey) -> dict[str, Any]:
    return {
        "content": CONTENT,
        "file_id": manifest["file_id"],
        "framework": manifest["framework_id"],
        "key_id": key_id(public_key),
        "municipality": manifest["municipality"],
        "suite": SUITE_NAME,
        "year": manifest["year"],
    }


def seal_bytes(plain: bytes, public_key: X25519PublicKey, header: Mapping[str, Any]) -> bytes:
    line = json.dumps(dict(header), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
    info = MAGIC_LINE + line
    if len(info) > MAX_HEADER:
        raise ExchangeError(msg("Huvudet i den förseglade filen blev för långt."))
    return info + _suite().encrypt(plain, public_key, info=info)


def is_sealed(data: bytes) -> bool:
    return data.startswith(SEALED_MAGIC)


def read_header(data: bytes, label: str) -> tuple[dict[str, Any], bytes, bytes]:
    """(header, authenticated bytes, ciphertext) of a sealed file."""
    if data.startswith(archive.ZIP_MAGIC):
        raise SealError(msg("{label} är inte förseglad (den är redan en vanlig export).", label=label))
    if not data.startswith(MAGIC_LINE):
        raise SealError(
            msg(
                "{label} kunde inte öppnas – {TAMPERED} (känns inte igen som förseglad fil).",
                label=label,
                TAMPERED=TAMPERED,
            )
        )
    end = data.find(b"\n", len(MAGIC_LINE), MAX_HEADER)
    try:
        if end < 0:
            raise ValueError("no header")
        header = json.loads(data[len(MAGIC_LINE) : end].decode("utf-8"))
        if not isinstance(header, dict) or header.get("content") != CONTENT:
            raise ValueError("unknown content")
    except (ValueError, UnicodeDecodeError):
        raise SealError(
            msg("{label} kunde inte öppnas – {TAMPERED} (huvudet är skadat).", label=label, TAMPERED=TAMPERED)
        ) from None
    return header, data[: end + 1], data[end + 1 :]


def unseal_bytes(data: bytes, private_key: X25519PrivateKey, label: str) -> tuple[dict[str, Any], bytes]:
    header, info, ciphertext = read_header(data, label)
    mine = key_id(private_key.public_key())
    if header.get("key_id") != mine:
        raise SealError(
            msg(
                (
                    "{label} kunde inte öppnas – {TAMPERED} (filen är förseglad för nyckel "
                    "{header}, din nyckel är {mine})."
                ),
                label=label,
                TAMPERED=TAMPERED,
                header=header.get("key_id"),
                mine=mine,
            )
        )
    try:
        plain = _suite().decrypt(ciphertext, private_key, info=info)
    except Exception:  # InvalidTag, or a malformed encapsulated key
        raise SealError(
            msg("{label} kunde inte öppnas – {TAMPERED}.", label=label, TAMPERED=TAMPERED)
        ) from None
    return header, plain


def unseal_file(source: Path, key_file: Path, out: Path) -> tuple[dict[str, Any], ExportData]:
    """Open a sealed export into a plain ``.kkx`` (checked completely before it is written)."""
    out = Path(out)
    archive.check_new_target(out, inputs=[Path(source), Path(key_file)])
    private_key = load_private_key(key_file)
    data = archive.read_file_bytes(Path(source), "Filen")
    header, plain = unseal_bytes(data, private_key, Path(source).name)
    parsed = read_export_bytes(plain, Path(source).name)
    if parsed.evaluation_id != header.get("file_id"):
        raise SealError(
            msg(
                "{name}: huvudet och innehållet gäller olika utvärderingar – {TAMPERED}.",
                name=Path(source).name,
                TAMPERED=TAMPERED,
            )
        )
    archive.write_new_bytes(out, plain, private=bool(parsed.personal_data))
    return header, parsed
