"""National averages from exports and evaluation files (``kompass aggregate``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kompass_desktop import resources
from kompass_desktop.cli import main
from kompass_desktop.exchange.aggregate import aggregate, write_result
from kompass_desktop.exchange.export import export_evaluation
from kompass_desktop.exchange.importer import import_export
from kompass_desktop.exchange.seal import keygen, load_private_key
from kompass_desktop.services import EvaluationSession, NewEvaluation

FW = resources.framework("2019")
#: Why the ``inputs`` fixture's broken.kkx and unfinished.kompass are skipped (after their paths).
BROKEN = "filen är avkortad eller skadad (zip-arkivet är ofullständigt)."
UNFINISHED = "utvärderingen är ofullständig: 35 av 36 delfrågor har poäng."


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def complete(path: Path, fraction: Decimal, year: int = 2024, *, leave_out: str | None = None) -> Path:
    """An evaluation with every sub-area scored at ``fraction`` of its maximum (2 decimals)."""
    with EvaluationSession.create(path, NewEvaluation(FW, path.stem.capitalize(), year)) as s:
        s.scores.set_many(
            {
                sub.number: (sub.max * fraction).quantize(Decimal("0.01"))
                for sub in FW.subareas()
                if sub.number != leave_out
            }
        )
    return path


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    for name, fraction, year in (("a", Decimal("0.5"), 2021), ("b", Decimal("0.75"), 2023)):
        export_evaluation(complete(work / f"{name}.kompass", fraction, year), folder / f"{name}.kkx")
    complete(folder / "c.kompass", Decimal("0.25"), 2025)  # .kompass files count too
    complete(folder / "unfinished.kompass", Decimal("0.9"), leave_out="8.4")
    (folder / "broken.kkx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "notes.txt").write_text("ignored: not an evaluation")
    return folder, work


def test_aggregate_a_folder_with_invalid_files(inputs, tmp_path, capsys):
    folder, _ = inputs
    out = tmp_path / "national-average.json"
    code, stdout, err = run(capsys, "aggregate", folder, "-o", out)
    assert (code, stdout) == (
        0,
        "2019: n = 3, medel totalt 400\n"
        "  ingen delfråga har bedömts av flera utvärderare var för sig\n"
        f"Skrev {out} ur 3 fullständiga utvärderingar; 2 filer hoppades över.\n",
    )
    skipped = [f"{folder / 'broken.kkx'}: {BROKEN}", f"{folder / 'unfinished.kompass'}: {UNFINISHED}"]
    assert err == "".join(f"hoppade över {line}\n" for line in skipped)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["label"], data["skipped"]) == ("Nationellt medelvärde", skipped)
    assert resources.schema_errors(data, "national-average.schema.json") == []
    entry = data["frameworks"]["2019"]
    assert entry["period"] == "2021–2025" and entry["total"] == {"n": 3, "mean": 400, "min": 200, "max": 600}
    area1 = entry["areas"]["1"]
    assert area1 == {"n": 3, "mean": 50, "min": 25, "max": 75}
    loaded = resources.load_national_averages(out)  # what the charts read
    assert loaded["2019"].total.n == 3 and loaded["2019"].areas[1].mean == Decimal(50)
    assert loaded["2019"].example is False


def test_exact_sums_and_rounded_mean(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, fraction in (("x", Decimal("0.33")), ("y", Decimal("0.34")), ("z", Decimal("0.35"))):
        complete(folder / f"{name}.kompass", fraction)
    result = aggregate([folder])
    total = result.data["frameworks"]["2019"]["total"]
    sums = []
    for fraction in (Decimal("0.33"), Decimal("0.34"), Decimal("0.35")):
        sums.append(sum(((s.max * fraction).quantize(Decimal("0.01")) for s in FW.subareas()), Decimal(0)))
    assert Decimal(str(total["min"])) == min(sums) and Decimal(str(total["max"])) == max(sums)
    assert Decimal(str(total["mean"])) == (sum(sums) / 3).quantize(Decimal("0.01"))


def test_each_evaluation_counts_once(inputs, tmp_path):
    folder, work = inputs
    export_evaluation(folder / "c.kompass", folder / "c-again.kkx")
    result = aggregate([folder, work / "a.kompass"])
    assert result.data["frameworks"]["2019"]["total"]["n"] == 3
    assert result.skipped == [
        f"{folder / 'broken.kkx'}: {BROKEN}",
        f"{folder / 'c.kompass'}: filen är en lika ny kopia av samma utvärdering som "
        f"{folder / 'c-again.kkx'}, och utvärderingen räknas bara en gång.",
        f"{work / 'a.kompass'}: filen är en lika ny kopia av samma utvärdering som {folder / 'a.kkx'}, och "
        "utvärderingen räknas bara en gång.",
        f"{folder / 'unfinished.kompass'}: {UNFINISHED}",
    ]


def stamped(stamp: str) -> Callable[[], str]:
    """A clock that always says ``stamp`` (UTC, as the file writes it)."""
    return lambda: stamp


def local(stamp: str) -> str:
    """``stamp`` (UTC) as the evaluator's clock shows it, to the second."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def two_copies(tmp_path: Path, exported: str, changed: str) -> tuple[Path, Path]:
    """An export made at ``exported`` and its evaluation file changed later at ``changed``."""
    newer = tmp_path / "a.kompass"
    with EvaluationSession.create(newer, NewEvaluation(FW, "Aby", 2024), clock=stamped(exported)) as s:
        s.scores.set_many({sub.number: sub.max / 2 for sub in FW.subareas()})
    export_evaluation(newer, tmp_path / "a.kkx")
    with EvaluationSession.open(newer, clock=stamped(changed)) as s:
        s.scores.set("1.1", 1)
    return tmp_path / "a.kkx", newer


def test_only_the_newest_copy_of_an_evaluation_counts(tmp_path):
    older, newer = two_copies(tmp_path, "2025-03-04T10:49:05.000Z", "2025-03-04T10:49:41.000Z")
    old, new = local("2025-03-04T10:49:05.000Z"), local("2025-03-04T10:49:41.000Z")
    assert old[:10] == new[:10]  # the same day: the newer one's time alone
    said = (
        f"{older}: filen är en äldre version av samma utvärdering som {newer} (senast ändrad {old} mot "
        f"{new[11:]}); bara den nyaste räknas."
    )
    for given in ([older, newer], [newer, older]):
        result = aggregate(given)
        assert result.used == [str(newer)]
        assert result.skipped == [said]


def test_copies_changed_on_different_days_show_both_dates(tmp_path):
    older, newer = two_copies(tmp_path, "2025-03-04T10:49:05.000Z", "2025-04-01T10:49:05.000Z")
    old, new = local("2025-03-04T10:49:05.000Z"), local("2025-04-01T10:49:05.000Z")
    assert aggregate([older, newer]).skipped == [
        f"{older}: filen är en äldre version av samma utvärdering som {newer} (senast ändrad {old} mot "
        f"{new}); bara den nyaste räknas."
    ]


def test_copies_changed_within_the_same_second_say_so(tmp_path):
    older, newer = two_copies(tmp_path, "2025-03-04T10:49:05.120Z", "2025-03-04T10:49:05.870Z")
    assert aggregate([older, newer]).skipped == [
        f"{older}: filen är en äldre version av samma utvärdering som {newer} (båda ändrades senast "
        f"{local('2025-03-04T10:49:05.000Z')}, inom samma sekund); bara den nyaste räknas."
    ]


def test_every_skipped_line_is_the_file_and_a_sentence(tmp_path, capsys, monkeypatch):
    one = complete(tmp_path / "a.kompass", Decimal("0.5"))
    (tmp_path / "plain.txt").write_text("not an evaluation")
    (tmp_path / "text.kkx").write_text("not an export")
    missing, locked = tmp_path / "missing.kkx", tmp_path / "locked.kkx"
    locked.write_bytes(b"PK\x03\x04")
    real_read = Path.read_bytes

    def read_bytes(path):  # as for a user without the right to read it (tests may run as root)
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "o.json"
    code, _, err = run(
        capsys, "aggregate", one, tmp_path / "plain.txt", tmp_path / "text.kkx", missing, locked, "-o", out
    )
    skipped = [
        f"{tmp_path / 'plain.txt'}: filen är varken en export (.kkx) eller en utvärderingsfil (.kompass).",
        f"{tmp_path / 'text.kkx'}: filen är inte en exportfil från Kompass Desktop (inte ett zip-arkiv).",
        f"{missing}: filen finns inte.",
        f"{locked}: du saknar behörighet att läsa {locked}.",  # a sentence of its own, after the colon
    ]
    assert (code, err) == (0, "".join(f"hoppade över {line}\n" for line in skipped))
    assert json.loads(out.read_text(encoding="utf-8"))["skipped"] == skipped


def test_sealed_exports_need_the_key(inputs, tmp_path, capsys):
    folder, work = inputs
    pub, key = keygen(tmp_path / "skr")
    export_evaluation(complete(work / "d.kompass", Decimal("1"), 2022), folder / "d.kkx", seal_key=pub)
    code, _, err = run(capsys, "aggregate", folder, "-o", tmp_path / "without.json")
    assert (code, err) == (
        0,
        f"hoppade över {folder / 'broken.kkx'}: {BROKEN}\n"
        f"hoppade över {folder / 'd.kkx'}: filen är förseglad; ange --key med SKR:s privata nyckel för att "
        "räkna den.\n"
        f"hoppade över {folder / 'unfinished.kompass'}: {UNFINISHED}\n",
    )
    assert json.loads((tmp_path / "without.json").read_text())["frameworks"]["2019"]["total"]["n"] == 3
    result = aggregate([folder], key=load_private_key(key))
    assert result.data["frameworks"]["2019"]["total"]["n"] == 4
    assert result.data["frameworks"]["2019"]["total"]["max"] == 800


def test_the_national_average_says_when_it_was_computed(inputs, tmp_path):
    folder, _ = inputs
    out = tmp_path / "national-average.json"
    write_result(aggregate([folder], today=date(2026, 3, 4)), out)
    assert resources.load_national_averages(out)["2019"].created == "2026-03-04"


def test_one_evaluation_and_one_skipped_file_are_counted_in_the_singular(tmp_path, capsys):
    one = complete(tmp_path / "a.kompass", Decimal("0.5"))
    (tmp_path / "broken.kkx").write_bytes(b"nope")
    code, out, _ = run(capsys, "aggregate", one, tmp_path / "broken.kkx", "-o", tmp_path / "o.json")
    last = f"Skrev {tmp_path / 'o.json'} ur 1 fullständig utvärdering; 1 fil hoppades över."
    assert (code, out.splitlines()[-1]) == (0, last)


def test_nothing_usable_writes_nothing(tmp_path, capsys):
    (tmp_path / "broken.kkx").write_bytes(b"nope")
    code, _, err = run(
        capsys, "aggregate", tmp_path / "broken.kkx", tmp_path / "missing.kkx", "-o", tmp_path / "o.json"
    )
    assert (code, err) == (  # why each file was skipped, then the refusal
        1,
        f"hoppade över {tmp_path / 'broken.kkx'}: filen är inte en exportfil från Kompass Desktop (inte ett "
        "zip-arkiv).\n"
        f"hoppade över {tmp_path / 'missing.kkx'}: filen finns inte.\n"
        "kompass aggregate: Inga fullständiga utvärderingar hittades (2 filer hoppades över); ingen fil "
        "skrevs.\n",
    )
    assert not (tmp_path / "o.json").exists()


def test_aggregate_leaves_out_the_demo_and_unlisted_evaluations_and_says_so(
    demo_template, real_template, tmp_path, capsys
):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(real_template, folder / "olofstrom.kompass")
    shutil.copy(demo_template, folder / "demo.kompass")
    export_evaluation(demo_template, tmp_path / "demo.kkx")  # SKR's copy of the demo is the demo too
    import_export(tmp_path / "demo.kkx", folder / "demo-importerad.kompass")
    training = folder / "ovning.kompass"
    shutil.copy(real_template, training)
    with EvaluationSession.open(training) as s:  # a training copy of a real evaluation
        s.update_info(municipality="Övningskommunen", municipality_code="", unlisted=True)
    status, out, err = run(capsys, "aggregate", folder, "-o", tmp_path / "avg.json")
    assert status == 0, err
    assert err == (
        f"hoppade över {folder / 'demo-importerad.kompass'}: demoutvärderingen räknas inte.\n"
        f"hoppade över {folder / 'demo.kompass'}: demoutvärderingen räknas inte.\n"
        f"hoppade över {folder / 'ovning.kompass'}: Övningskommunen finns inte i kommunregistret (fiktiv "
        "kommun eller övning) och räknas inte.\n"
    )
    data = json.loads((tmp_path / "avg.json").read_text(encoding="utf-8"))
    assert data["frameworks"]["2019"]["total"]["n"] == 1 and len(data["skipped"]) == 3
    last = f"Skrev {tmp_path / 'avg.json'} ur 1 fullständig utvärdering; 3 filer hoppades över."
    assert out.splitlines()[-1] == last
