"""Shared fixtures: every test runs with its own XDG dirs, so nothing touches the real home."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.support import parsed_css as _parsed_css  # noqa: F401  (CSS parsed once a process)
from tests.support import saves as _saves  # noqa: F401  (a pause waits for the saves)
from tests.support import toasts as _toasts  # noqa: F401  (every toast recorded)

REPO = Path(__file__).resolve().parents[1]
BUNDLED_CONFIG = REPO / "catalysts.toml"

# Every property test without a clock: no deadline for an example, and no failure for drawing
# inputs slowly. Both measure the machine (a busy one took 1.1 s to draw nine argument lists for
# tests/cli/parser/test_build.py and failed it), not the code; a test's own settings add to
# these. The health checks on a strategy's shape (too many filtered, too large) still fail.
settings.register_profile("catalyst", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("catalyst")


# The test processes collect cyclic garbage less often than Python's default (700, 10, 10): each
# app a test starts freezes what exists at its first frame (tui/app.py), after which the full
# collections, which count only what is not frozen, came every few thousand objects kept. The
# collector's own CPU in the TUI's and the views' tests (gc.callbacks, process time): 9.1 of
# 178 CPU-s at the default, 2.2 at these (docs/performance.md). The programs the tests start
# keep Python's default; only these processes change.
gc.set_threshold(50_000, 20, 20)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection built lives as long as the process (the modules, their tests, their
    parameters): frozen, so that no collection walks it again. A full collection in a test
    process, asked for by a test (tests/support/growth.py before each law) or by pytest at its
    end, walked every test of the suite each time: the four laws of linear growth on repeated
    text took 21.8 CPU-s in one process that had collected the whole suite, 9.9 with it frozen."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    # COLUMNS and LINES: GNU readline, loaded in pytest-xdist's workers, exports the 80x24 it
    # assumed, and a program started from the test (in a wider tmux window, or writing a table)
    # would draw at 80 columns. Without them each program asks its own terminal, as it does
    # when the suite runs serially.
    for var in ("CATALYST_CONFIG", "CATALYST_DB", "FINNHUB_API_KEY", "COLUMNS", "LINES"):
        monkeypatch.delenv(var, raising=False)
    return home


#: Support modules that read the recordings: a test module importing one reads them too.
_READERS = (
    "support.shared",
    "support.market_server",
    "support.filings_server",
    "support.demo_data",
    "support.stated_releases",
    ".shared import",
)


def _recordings_missing() -> str | None:
    from tests.support.shared import missing

    return missing()


def pytest_sessionstart(session: pytest.Session) -> None:
    """The recordings are read in place from ../shared. In CI they are there, and a run without
    them is a broken set-up: refused, so that no test is skipped for it. Elsewhere (a clone on
    its own) the tests that read them are skipped, and one line says why and where they come
    from."""
    import os

    why = _recordings_missing()
    if why and os.environ.get("CI"):
        raise pytest.UsageError(why)


def pytest_report_header(config: pytest.Config) -> str | None:
    why = _recordings_missing()
    if why is None:
        return None
    return f"skipping the tests that read recordings: {why}; set CATALYST_SHARED to their folder"


def _reads_recordings(path: Path) -> bool:
    """Whether a test module reads the recordings, itself or through a test module it imports."""
    import re

    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return False
    if any(reader in text for reader in _READERS):
        return True
    for dots, name in re.findall(r"^from (\.+)([\w.]*test_\w+) import", text, re.M):
        other = path.parent.joinpath(*[".."] * (len(dots) - 1), *name.split(".")).resolve()
        if _reads_recordings(other.with_suffix(".py")):
            return True
    return False


class _WithoutRecordings(pytest.Module):
    """A test module that reads the recordings, on a clone without them: skipped whole, at
    collection (some read them as they are imported)."""

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        why = _recordings_missing()
        raise pytest.skip.Exception(
            f"{why}; set CATALYST_SHARED to their folder", allow_module_level=True
        )


def pytest_pycollect_makemodule(
    module_path: Path, parent: pytest.Collector
) -> pytest.Module | None:
    if (
        module_path.name.startswith("test_")
        and _recordings_missing()
        and _reads_recordings(module_path)
    ):
        return _WithoutRecordings.from_parent(parent, path=module_path)
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked long first, then those marked slow: under pytest-xdist (`make test`)
    they start at once, each on a worker beside the rest of the suite, instead of last, alone
    (the README's screenshots, started last, once ended a busy run 40 s after the others)."""
    items.sort(
        key=lambda item: (
            item.get_closest_marker("long") is None,
            item.get_closest_marker("slow") is None,
        )
    )
