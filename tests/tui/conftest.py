"""The fixtures of the TUI tests: the demo database and its catalysts.toml, in a temp dir;
Textual's animations off."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import constants

from ..support.demo_data import demo_database


@pytest.fixture(autouse=True)
def _no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app starts with Textual's animations off, as TEXTUAL_ANIMATIONS=none would: a moved
    tab's underline (about twenty frames a pane switch) and a smooth scroll end where they
    would have ended, drawn once. An animation's frames come by the clock, so their CPU grew
    with a loaded machine's slowness; what a test waits for and reads is their end."""
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def demo(tmp_path: Path):
    config, store = demo_database(tmp_path)
    yield config, store
    store.close()
