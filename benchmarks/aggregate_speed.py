"""Generate many exports (the demo evaluation with varied scores) and time ``kompass aggregate``.

    python benchmarks/aggregate_speed.py [--count 300] [--keep FOLDER]

Every export is a complete, realistic SKR export (the demo: ~70 notes, ~90 findings, texts),
without personal data, fully checked on reading (zip safety, checksums, schema, references).
Figures, not pass/fail: the goal is at most 5 s for 300 exports.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kompass_desktop.domain.scoring import format_exact
from kompass_desktop.exchange.aggregate import aggregate
from kompass_desktop.exchange.export import build_export
from kompass_desktop.exchange.package import read_export_bytes
from kompass_desktop.exchange.records import TABLES, row_to_json
from kompass_desktop.storage.db import keyed_id, new_id


def generate(folder: Path, count: int, seed: int = 1) -> None:
    """``count`` exports of the demo, each with its own evaluation id and random scores."""
    import hashlib
    import json

    from kompass_desktop.demo import build_demo
    from kompass_desktop.exchange import archive

    rng = random.Random(seed)
    with build_demo(folder / "demo.kompass") as session:
        built = build_export(session.file)
        framework = session.framework
    (folder / "demo.kompass").unlink()
    template = built.document
    for i in range(count):
        doc = json.loads(json.dumps(template))
        eid = new_id()
        doc["evaluation_id"] = eid
        doc["records"]["evaluation"][0]["id"] = eid
        doc["records"]["evaluation"][0]["year"] = rng.randint(2020, 2025)
        doc["records"]["scores"] = [
            row_to_json(
                "scores",
                dict(
                    score,
                    id=keyed_id(eid, f"score:{score['subarea']}"),
                    points=_points(rng, framework, score),
                ),
                False,
            )
            for score in template["records"]["scores"]
        ]
        for table, key in (("texts", lambda r: f"text:{r['scope']}:{r['ref']}"), ("finding_notes", None)):
            for rec in doc["records"][table]:
                rec["id"] = keyed_id(eid, key(rec) if key else f"link:{rec['finding_id']}:{rec['note_id']}")
        content = archive.dumps(doc)
        manifest = dict(built.manifest, file_id=eid, year=doc["records"]["evaluation"][0]["year"])
        manifest["counts"] = {t: len(doc["records"][t]) for t in TABLES} | {"history": 0}
        manifest["members"] = {
            archive.EVALUATION: {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
        }
        data = archive.write_archive(
            [(archive.MANIFEST, archive.dumps(manifest)), (archive.EVALUATION, content)],
            (2025, 1, 1, 0, 0, 0),
        )
        if i == 0:
            read_export_bytes(data, "check")  # the generated exports are valid ones
        (folder / f"export-{i:04d}.kkx").write_bytes(data)


def _points(rng: random.Random, framework, score) -> str:  # type: ignore[no-untyped-def]
    maximum = framework.subarea(score["subarea"]).max
    value = (maximum * Decimal(rng.randint(0, 100)) / 100).quantize(Decimal("0.5"))
    return format_exact(min(value, maximum), decimal_comma=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="write the generated exports into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KOMPASS_DATA_DIR", tmp)
        folder = args.keep or Path(tmp) / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        generate(folder, args.count)
        gen = time.perf_counter() - start
        size = sum(p.stat().st_size for p in folder.glob("*.kkx"))
        start = time.perf_counter()
        result = aggregate([folder])
        took = time.perf_counter() - start
        entry = result.data["frameworks"]["2019"]
        print(f"generated {args.count} exports in {gen:.1f} s ({size / 1e6:.1f} MB)")
        print(
            f"aggregate: {took:.2f} s for {len(result.used)} exports "
            f"({took / max(len(result.used), 1) * 1000:.1f} ms each), {len(result.skipped)} skipped; "
            f"total mean {entry['total']['mean']} (min {entry['total']['min']}, max {entry['total']['max']})"
        )
        print(f"goal: <= 5 s for 300 exports -> {'OK' if took <= 5 * args.count / 300 else 'SLOWER'}")


if __name__ == "__main__":
    main()
