"""Fixtures for the views' tests: the demo database (tests/support/demo_data.py), open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.store import Store

from ..support.demo_data import demo_database


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    _config, store = demo_database(tmp_path)
    yield store
    store.close()
