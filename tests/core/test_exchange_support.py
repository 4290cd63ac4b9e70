"""Helpers shared by the exchange tests (no tests here): exports built once, archive surgery."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.records import TABLES
from kompass_desktop.storage import exchange_io as xio

_CACHE: dict[tuple[str, bool], Path] = {}


def demo_export(demo_template: Path, tmp_path_factory: Any, personal: bool) -> Path:
    """The demo evaluation exported once per test run (read-only: copy before changing).

    Once per run, not per process: under mutation testing every mutant's run must export with
    the mutant (the demo template is per run, so its path is the key)."""
    key = (str(demo_template), personal)
    if key not in _CACHE:
        folder = tmp_path_factory.mktemp("demo-export")
        source = folder / "demo.kompass"
        shutil.copy(demo_template, source)
        out = folder / ("demo-full.kkx" if personal else "demo.kkx")
        export_evaluation(source, out, personal_data=personal)
        _CACHE[key] = out
    return _CACHE[key]


def members(path_or_bytes: Path | bytes) -> dict[str, bytes]:
    data = path_or_bytes.read_bytes() if isinstance(path_or_bytes, Path) else path_or_bytes
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def zip_bytes(
    items: dict[str, bytes] | list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    buffer = io.BytesIO()
    pairs = list(items.items()) if isinstance(items, dict) else items
    with zipfile.ZipFile(buffer, "w", compression=compression) as zf:
        for name, content in pairs:
            zf.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), content, compress_type=compression)
    return buffer.getvalue()


def rebuild(doc: dict[str, Any], manifest: dict[str, Any], *, fix_counts: bool = True) -> bytes:
    """An archive with ``doc`` as evaluation.json and a manifest whose checksum matches it."""
    content = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    manifest = json.loads(json.dumps(manifest))
    manifest["members"] = {
        "evaluation.json": {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    }
    if fix_counts and isinstance(doc.get("records"), dict):
        manifest["counts"] = {t: len(doc["records"].get(t, [])) for t in TABLES}
        manifest["counts"]["history"] = len(doc.get("history", []))
    return zip_bytes({"manifest.json": json.dumps(manifest).encode(), "evaluation.json": content})


def parts(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    m = members(path)
    return json.loads(m["evaluation.json"]), json.loads(m["manifest.json"])


def file_state(path: Path) -> dict[str, Any]:
    """Every record (deleted included), the history length and the meta of a .kompass file."""
    with xio.open_for_reading(path) as f:
        records = {t: sorted(xio.all_records(f, t), key=lambda r: r["id"]) for t in TABLES}
        return {"records": records, "history": xio.history_count(f), "meta": xio.all_meta(f)}


def contents(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """What every record says (no revs/authors/times): for comparing merge results."""
    from kompass_desktop.exchange.records import content

    with xio.open_for_reading(path) as f:
        return {t: {r["id"]: content(r) for r in xio.all_records(f, t)} for t in TABLES}


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)
