"""The fixture of the session tests: the demo database and its catalysts.toml, in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..support.demo_data import demo_database


@pytest.fixture
def demo(tmp_path: Path):
    config, store = demo_database(tmp_path)
    yield config, store
    store.close()
