"""Shared fixtures for every test (core and GUI)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# For benchmarks/mutation.py (--hypothesis-profile mutation): every call goes through mutmut's
# trampolines on a shared machine, so no deadlines or speed checks, and the same examples each run.
settings.register_profile(
    "mutation", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

sys.path.insert(0, str(Path(__file__).parent))  # seedparse and helpers

from support import as_real_evaluation  # noqa: E402


def pytest_sessionstart(session: pytest.Session) -> None:
    """Every test session starts from nothing an earlier session of the same process computed.

    mutmut (benchmarks/mutation.py) runs each mutant's tests in a process forked after whole
    clean runs: a cached result (a compiled schema, a loaded framework) would still be the
    original code's, so a mutant in the code that computes it would never run (and survive)."""
    tests = str(Path(__file__).parent)
    for name, module in list(sys.modules.items()):
        where = str(getattr(module, "__file__", None) or "")
        if not (name.startswith("kompass_desktop") or where.startswith(tests)):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups and logs go to a temporary folder, never to the developer's home."""
    data = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("KOMPASS_DATA_DIR", str(data))
    monkeypatch.setenv("KOMPASS_AUTHOR", "Testare")
    return data


@pytest.fixture
def fw2019():
    from kompass_desktop import resources

    return resources.framework("2019")


@pytest.fixture
def session(tmp_path, fw2019):
    from kompass_desktop.services import EvaluationSession, NewEvaluation

    s = EvaluationSession.create(tmp_path / "test.kompass", NewEvaluation(fw2019, "Testby", 2025))
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo evaluation, built once per test run; copy it before changing it."""
    from kompass_desktop.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.kompass"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_copy(demo_template, tmp_path):
    import shutil

    target = tmp_path / "demo.kompass"
    shutil.copy(demo_template, target)
    return target


@pytest.fixture(scope="session")
def real_template(demo_template, tmp_path_factory):
    """The demo's content as Olofströms kommun's evaluation (complete, counts nationally)."""
    import shutil

    path = tmp_path_factory.mktemp("real") / "olofstrom.kompass"
    shutil.copy(demo_template, path)
    return as_real_evaluation(path)
