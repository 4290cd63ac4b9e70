"""Mutation testing of the core with mutmut, one package at a time, within a small machine.

    python benchmarks/mutation.py [--package domain ...] [--max-children 1] [--fresh] [--survivors]
                                  [--only GLOB ...] [--tests GLOB ...] [--report-only] [--no-list]
                                  [--sample N [--seed S]] [--check MUTANT --tests FILE[::TEST]]

Needs the ``mutation`` extra (``pip install -e '.[test,mutation]'``).  For every package mutmut
plants one small bug at a time (a flipped comparison, a changed number or string, a removed
argument, ...) into a copy of the code and runs only the tests that reach the mutated function
(among the package's test files below); a mutant is *killed* when a test fails.  The script
prints killed/total and the score per package and lists every surviving mutant as a diff.

Each package has its own work folder ``mutants/PACKAGE/`` (git-ignored): links to the sources,
the tests, ``resources/`` and ``schemas/``, a ``pyproject.toml`` with the ``[tool.mutmut]``
settings of that package, and mutmut's copy of the project in ``mutants/PACKAGE/mutants/``.
mutmut remembers results there: a later run tests only mutants of functions that changed (and
new tests); ``--survivors`` re-tests the survivors only (after new tests were written);
``--fresh`` starts the package again from nothing; ``--only GLOB`` (mutant names, e.g.
``kompass_desktop.storage.backup.*``) and ``--tests GLOB`` (files of tests/core) run a part of
a package when the whole would take too long (the score is then over that part, and over the
mutants tested so far when a run was stopped).  ``--sample N`` tests a seeded random sample of
all of the package's mutants (drawn once and kept in the work folder) and prints the 95 %
interval for the whole package: a whole package takes hours, and a stopped run is biased (mutmut
tests the cheapest mutants first).  Child processes that tests start (the
``kompass`` command line, crash children) import the mutated copy too (``PYTHONPATH``).

Goals (issue 13): at least 90 % killed in domain, storage and exchange, 80 % in services.
Timeouts count as killed (the planted bug made a test hang); mutants that no test reaches count
as survivors.  ``report`` is the final-report check: ``domain/checks.py`` and the parts of
``report/`` that refuse a final report.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "mutants"


@dataclass(frozen=True)
class Package:
    mutate: tuple[str, ...]  # globs of the files to mutate, relative to the repository
    tests: tuple[str, ...]  # globs of the test files that cover them, relative to tests/core
    goal: int  # percent of mutants to kill
    functions: tuple[str, ...] = ()  # only these functions' mutants (globs over mutant names)


# The tests that cover each package: the package's own tests and those of the layers that use
# it directly.  Left out everywhere: the crash harness, the offline, doctor and packaging tests
# (they start the whole program in child processes, which mutmut cannot attribute to functions,
# and take minutes), and the boundary test (it reads the source, it does not run it).
PACKAGES: dict[str, Package] = {
    "domain": Package(
        ("kompass_desktop/domain/*",),
        (
            "test_scoring.py",
            "test_rules.py",
            "test_frameworks.py",
            "test_comparison.py",
            "test_municipalities.py",
            "test_csv_import.py",
            "test_demo.py",
            "test_input_validation.py",
            "test_checks*.py",
            "test_domain_*.py",
            "test_consensus_model.py",
        ),
        90,
    ),
    "storage": Package(
        ("kompass_desktop/storage/*",),
        (
            "test_storage*.py",
            "test_store_copied.py",
            "test_backup*.py",
            "test_recovery.py",
            "test_file_rules.py",
            "test_writers.py",
            "test_schema_guard.py",
            "test_lock.py",
            "test_corruption.py",
            "test_location*.py",
            "test_output_guard.py",
            "test_regressions.py",
            "test_userdata.py",
            "test_consensus_migration.py",
        ),
        90,
    ),
    "services": Package(
        ("kompass_desktop/services/*",),
        (
            "test_services_*.py",
            "test_storage*.py",
            "test_store_copied.py",
            "test_writers.py",
            "test_backup*.py",
            "test_cli.py",
            "test_rules.py",
            "test_csv_import.py",
            "test_input_validation.py",
            "test_regressions.py",
            "test_recovery.py",
            "test_demo.py",
            "test_comparison.py",
            "test_consensus_*.py",
        ),
        80,
    ),
    "exchange": Package(
        ("kompass_desktop/exchange/*",),
        ("test_exchange_*.py", "test_merge*.py", "test_consensus_exchange.py", "test_counts.py"),
        90,
    ),
    "report": Package(
        (
            "kompass_desktop/domain/checks.py",
            "kompass_desktop/report/context.py",
            "kompass_desktop/report/document.py",
            "kompass_desktop/report/commands.py",
        ),
        ("test_checks*.py", "test_report_refusal*.py", "test_report.py"),
        90,
        (
            "kompass_desktop.domain.checks.*",
            "kompass_desktop.report.context.x_report_items__mutmut_*",
            "kompass_desktop.report.context.x_all_items__mutmut_*",
            "kompass_desktop.report.document.x_missing_for_final__mutmut_*",
            "kompass_desktop.report.document.x_build_report__mutmut_*",
            "kompass_desktop.report.document.x__check_target__mutmut_*",
            "kompass_desktop.report.commands.x_cmd_report__mutmut_*",
        ),
    ),
}

# mutmut stops a mutant that hangs itself; pytest-timeout would fail slow tests under its trampolines
PYTEST_ARGS = ["-p", "no:cacheprovider", "-p", "no:timeout", "--hypothesis-profile", "mutation"]

EXIT_STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped"}
TIMEOUTS = {36, 24, -24, 152, 255}


def status(exit_code: int | None) -> str:
    if exit_code is None:
        return "not checked"
    if exit_code in TIMEOUTS:
        return "timeout"
    return EXIT_STATUS.get(exit_code, "suspicious")


def test_files(package: Package) -> list[str]:
    found: set[str] = set()
    for pattern in package.tests:
        found.update(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "core").glob(pattern))
    return sorted(found)


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def prepare(name: str, package: Package, fresh: bool, keep_selection: bool = True) -> Path:
    work = WORK / name
    if fresh and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    for entry in ("kompass_desktop", "tests", "resources", "schemas"):
        link = work / entry
        if not link.is_symlink():
            link.symlink_to(ROOT / entry, target_is_directory=True)
    tests = test_files(package)
    # A change of the pytest arguments or of the list of test files makes mutmut forget every
    # result of the package: a work folder keeps the ones it was made with (--fresh, or --tests,
    # starts again with the current ones).  New tests therefore go into files already listed.
    args_line = f"pytest_add_cli_args = {toml_list(PYTEST_ARGS)}"
    selection_line = f"pytest_add_cli_args_test_selection = {toml_list(tests)}"
    if (work / "pyproject.toml").exists():
        for line in (work / "pyproject.toml").read_text(encoding="utf-8").splitlines():
            if line.startswith("pytest_add_cli_args = "):
                args_line = line
            if line.startswith("pytest_add_cli_args_test_selection = ") and keep_selection:
                selection_line = line
        unlisted = [t for t in tests if json.dumps(t) not in selection_line]
        if unlisted:
            print(f"[{name}] not in this work folder's test list (--fresh to add): {', '.join(unlisted)}")
    config = "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["kompass_desktop"]',
            f"only_mutate = {toml_list(list(package.mutate))}",
            'also_copy = ["resources/", "schemas/"]',
            selection_line,
            args_line,
            "use_git_change_detection = false",
            'on_dependency_change = "ignore"',
            "",
        ]
    )
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    target = work / "pyproject.toml"
    if not target.exists() or target.read_text(encoding="utf-8") != text + config:
        target.write_text(text + config, encoding="utf-8")
    # mutmut copies tests/ and resources once; refresh them so new tests are seen (copied again
    # at once: a mutmut run that is going on in this folder must never find them missing)
    copy = work / "mutants"
    for entry in ("tests", "resources", "schemas"):
        if (copy / entry).exists():
            shutil.rmtree(copy / entry)
        if entry != "tests" and copy.exists():
            shutil.copytree(ROOT / entry, copy / entry)
    return work


def results(work: Path, package: Package) -> dict[str, str]:
    """Mutant name -> status, from mutmut's .meta files."""
    out: dict[str, str] = {}
    for meta in sorted((work / "mutants" / "kompass_desktop").rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for key, code in data["exit_code_by_key"].items():
            if not package.functions or any(fnmatch.fnmatchcase(key, f) for f in package.functions):
                out[key] = status(code)
    return out


def generate(work: Path) -> None:
    """Let mutmut write its copy of the project and every mutant (no test is run), so that a
    sample can be drawn from all of the package's mutants before any is tested."""
    code = (
        "import os\n"
        "os.environ['MUTANT_UNDER_TEST'] = 'mutant_generation'\n"
        "from mutmut.__main__ import create_mutants, store_lines_covered_by_tests\n"
        "from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths\n"
        "os.makedirs('mutants', exist_ok=True)\n"
        "copy_src_dir(); copy_also_copy_files(); setup_source_paths(); store_lines_covered_by_tests()\n"
        "create_mutants(1)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=work, check=True, capture_output=True)


def sample(names: list[str], size: int, seed: int) -> list[str]:
    """The same ``size`` mutants every time for the same package, seed and mutants."""
    import random

    return sorted(random.Random(seed).sample(sorted(names), min(size, len(names))))


def kept_sample(work: Path, names: list[str], size: int, seed: int) -> list[str]:
    """The sample drawn the first time, kept in the work folder: a change of the package's code
    adds or removes mutants, and a new draw over the new population would be another sample
    (so the tests written for the first one's survivors would never be re-measured).  Mutants
    that no longer exist leave the sample; ``--fresh`` draws again."""
    path = work / f"sample-{seed}-{size}.json"
    if path.exists():
        kept = json.loads(path.read_text(encoding="utf-8"))
        existing = set(names)
        gone = [n for n in kept if n not in existing]
        if gone:
            print(f"  {len(gone)} mutant(s) of the kept sample no longer exist: {', '.join(gone)}")
        return [n for n in kept if n in existing]
    chosen = sample(names, size, seed)
    path.write_text(json.dumps(chosen, indent=1), encoding="utf-8")
    return chosen


def wilson(killed: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a score measured on a random sample, in percent."""
    p = killed / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * ((p * (1 - p) / total + z * z / (4 * total * total)) ** 0.5) / (1 + z * z / total)
    return 100 * (centre - half), 100 * (centre + half)


def diffs(work: Path, names: list[str]) -> dict[str, str]:
    """The changed lines of each mutant (mutmut's own diff, read in the work folder)."""
    if not names:
        return {}
    code = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
        "out = {}\n"
        "for name in json.load(sys.stdin):\n"
        "    try:\n"
        "        lines = get_diff_for_mutant(name).splitlines()[2:]\n"
        "    except Exception as err:\n"
        "        lines = [f'  (no diff: {err})']\n"
        "    out[name] = '\\n'.join(l for l in lines if l[:1] in '+-(')\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=work, input=json.dumps(names), capture_output=True, text=True
    )
    if proc.returncode != 0:
        return {n: "(diff not available)" for n in names}
    shown: dict[str, str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return shown


def run(name: str, args: argparse.Namespace) -> tuple[int, int, list[str]]:
    package = PACKAGES[name]
    if args.only:  # a part of the package: these modules' or functions' mutants only
        package = replace(package, functions=tuple(args.only))
    if args.tests:  # fewer test files (a new selection makes mutmut test the package again)
        package = replace(package, tests=tuple(args.tests))
    work = (
        WORK / name if args.report_only else prepare(name, package, args.fresh, keep_selection=not args.tests)
    )
    if args.sample and not args.report_only:
        generate(work)
    before = results(work, package)
    chosen: set[str] | None = None
    if args.sample:  # a random sample of the package's mutants stands for the whole
        population = results(work, PACKAGES[name])  # drawn from all mutants, then --only applies
        chosen = set(kept_sample(work, list(population), args.sample, args.seed))
        before = {k: v for k, v in before.items() if k in chosen}
        print(f"[{name}] a sample of {len(chosen)} of the package's mutants (seed {args.seed})")
    names: list[str] = list(package.functions)
    if chosen is not None:  # only those not tested yet (mutmut re-tests every mutant it is given)
        names = sorted(k for k, v in before.items() if v == "not checked")
    if args.survivors:
        names = [k for k, v in before.items() if v in ("survived", "no tests", "suspicious")]
        if not names:
            print(f"[{name}] no survivors to re-test")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(work / "mutants"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["KOMPASS_TEST_SLOWDOWN"] = "10"  # child processes of tests wait longer (tests/support.py)
    mutmut = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    command = [mutmut, "run", "--max-children", str(args.max_children), *names]
    start = time.monotonic()
    if not ((args.survivors or chosen is not None) and not names) and not args.report_only:
        print(f"[{name}] {' '.join(command[1:3])} … in {work.relative_to(ROOT)}", flush=True)
        log = work / "run.log"
        with log.open("w", encoding="utf-8") as out:
            proc = subprocess.run(command, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            print(f"[{name}] mutmut failed (exit {proc.returncode}); the end of {log}:", *tail, sep="\n")
            sys.exit(1)
    minutes = (time.monotonic() - start) / 60
    found = results(work, package)
    if chosen is not None:
        found = {k: v for k, v in found.items() if k in chosen}
    killed = sum(1 for v in found.values() if v in ("killed", "timeout"))
    survivors = sorted(k for k, v in found.items() if v not in ("killed", "timeout", "not checked"))
    unchecked = sum(1 for v in found.values() if v == "not checked")
    total = len(found) - unchecked  # the score is over the mutants tested so far
    score = 100.0 * killed / total if total else 100.0
    verdict = "goal met" if score >= package.goal else f"goal {package.goal} %"
    print(f"[{name}] killed {killed}/{total} = {score:.1f} % ({verdict}); {minutes:.0f} min")
    if chosen is not None and total:
        low, high = wilson(killed, total)
        print(f"[{name}] the whole package, estimated from the sample: {low:.1f}–{high:.1f} % (95 %)")
    if unchecked:
        print(f"[{name}] {unchecked} of {len(found)} mutants not tested yet (the run was stopped): run again")
    if args.list:
        shown = diffs(work, survivors)
        for key in survivors:
            print(f"  {found[key]:9} {key}")
            for line in shown.get(key, "").splitlines():
                print(f"      {line.strip()[:150]}")
    return killed, total, survivors


def check(name: str, mutant: str, tests: list[str]) -> int:
    """Run ``tests`` (files of tests/core) with one mutant switched on, as mutmut does: to see a
    new test fail on the mutant it was written for.  Exit 0 when the mutant is killed."""
    work = WORK / name
    if not (work / "mutants").exists():
        sys.exit(f"{work}: no mutants yet; run the package first")
    code = (
        "import sys, pytest\n"
        "sys.path[:] = [p for p in sys.path if p not in ('', '.')]\n"
        "sys.exit(pytest.main(['-q', '-x', '-p', 'no:cacheprovider', *sys.argv[1:]]))\n"
    )
    env = dict(
        os.environ, MUTANT_UNDER_TEST=mutant, PYTHONPATH=str(work / "mutants"), KOMPASS_TEST_SLOWDOWN="10"
    )
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    paths = sorted({str(p.relative_to(ROOT)) for t in tests for p in (ROOT / "tests" / "core").glob(t)})
    paths += [f"tests/core/{t}" for t in tests if "::" in t]  # one test: FILE::NAME
    proc = subprocess.run([sys.executable, "-c", code, *paths], cwd=work, env=env)
    print(f"{mutant}: {'killed' if proc.returncode != 0 else 'SURVIVED'}")
    return 0 if proc.returncode != 0 else 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--package",
        action="append",
        choices=list(PACKAGES),
        help="package to test (repeatable; default: all)",
    )
    parser.add_argument("--max-children", type=int, default=1, help="parallel test processes (default 1)")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results of the package")
    parser.add_argument("--survivors", action="store_true", help="re-test only the surviving mutants")
    parser.add_argument(
        "--only",
        action="append",
        metavar="GLOB",
        help="only mutants whose name matches (repeatable), e.g. 'kompass_desktop.storage.backup.*'",
    )
    parser.add_argument(
        "--tests",
        action="append",
        metavar="GLOB",
        help="only these test files of tests/core (repeatable) instead of the package's own",
    )
    parser.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="test a random sample of N of the package's mutants (the same N every run) and score it",
    )
    parser.add_argument("--seed", type=int, default=13, help="seed of --sample (default 13)")
    parser.add_argument("--check", metavar="MUTANT", help="run --tests with this mutant on (one --package)")
    parser.add_argument("--report-only", action="store_true", help="print the stored results, run nothing")
    parser.add_argument("--no-list", dest="list", action="store_false", help="do not list the survivors")
    args = parser.parse_args()
    try:
        import mutmut  # noqa: F401
    except ImportError:
        sys.exit("mutmut is not installed: pip install -e '.[test,mutation]'")
    if args.check:
        if not args.package or len(args.package) != 1 or not args.tests:
            sys.exit("--check needs one --package and --tests")
        sys.exit(check(args.package[0], args.check, args.tests))
    summary = []
    for name in args.package or list(PACKAGES):
        killed, total, _ = run(name, args)
        summary.append((name, killed, total))
    print("\npackage    killed/total   score  goal")
    for name, killed, total in summary:
        score = 100.0 * killed / total if total else 100.0
        print(f"{name:10} {killed:5}/{total:<6} {score:6.1f} % {PACKAGES[name].goal:4} %")


if __name__ == "__main__":
    main()
