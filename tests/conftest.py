"""Shared fixtures: every test runs with its own XDG dirs, so nothing touches the real home."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import saves as _saves  # noqa: F401  (a pause waits for the saves)
from tests.support import toasts as _toasts  # noqa: F401  (every toast recorded)

REPO = Path(__file__).resolve().parents[1]
BUNDLED_CONFIG = REPO / "catalysts.toml"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):  # fmt: skip
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    # COLUMNS and LINES: GNU readline, loaded in pytest-xdist's workers, exports the 80x24 it
    # assumed, and a program started from the test (in a wider tmux window, or writing a table)
    # would draw at 80 columns. Without them each program asks its own terminal, as it does
    # when the suite runs serially.
    for var in ("CATALYST_CONFIG", "CATALYST_DB", "FINNHUB_API_KEY", "COLUMNS", "LINES"):
        monkeypatch.delenv(var, raising=False)
    return home


def pytest_sessionstart(session: pytest.Session) -> None:
    """The recordings are read in place from ../shared: say so once, plainly, when they are not
    there, instead of a hundred file-not-found errors."""
    from tests.support.shared import missing

    why = missing()
    if why:
        raise pytest.UsageError(why)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked long first: under pytest-xdist (`make test`) they start at once, each on
    a worker beside the rest of the suite, instead of last, alone."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)
