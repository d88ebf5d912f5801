"""The demo's real database as a Workspace on its frozen clock, for the watchlist's widgets."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

import pytest

from catalyst_tui.session.workspace import Workspace

from ....support.demo_data import DEMO_NOW, DEMO_ZONE, demo_database


@pytest.fixture
def workspace(tmp_path: Path):
    config, store = demo_database(tmp_path)
    yield Workspace(config, store, clock=lambda: DEMO_NOW, zone=zoneinfo.ZoneInfo(DEMO_ZONE))
    store.close()
