"""A change of a thesis's verdict notified exactly once over a real D-Bus session bus: a ticker's
first verdict is kept quietly, and a change that two processes refreshing the same database at
the same moment both judge is notified once."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.market_server import MarketServer

from ..cli.test_thesis_commands import loopback_thesis
from .test_e2e import catalyst, run

pytest_plugins = ["tests.support.fixtures"]

GM = 'id = "gross-margin-floor"\n'


@pytest.fixture
def market() -> Iterator[MarketServer]:
    with MarketServer() as server:
        yield server


def verdict_changes(workdir: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(workdir / "c.db")
    try:
        sql = "SELECT symbol, from_verdict, to_verdict FROM verdict_events ORDER BY id"
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def test_a_change_of_verdict_is_notified_once_by_two_processes_judging_it(
    tmp_path, market, notification_recorder
):
    thesis = loopback_thesis(market.url).replace(
        'notify = ["missed", "evidence", "results"]', 'notify = ["missed", "verdict"]'
    )
    assert GM in thesis and '"verdict"' in thesis
    config = tmp_path / "catalysts.toml"
    config.write_text(thesis)
    run(tmp_path, notification_recorder, "refresh")
    first = notification_recorder.notifications()
    assert len(first) == 3  # the guards' misses; ALAB's first verdict (at risk) is kept quietly
    assert not any("thesis" in n["summary"] for n in first)
    assert verdict_changes(tmp_path) == []

    config.write_text(thesis.replace(GM, GM + "kill = true\n"))  # the margin is the thesis
    procs = [catalyst(tmp_path, notification_recorder, "refresh") for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=90)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert verdict_changes(tmp_path) == [("ALAB", "at risk", "broken")]
    received = notification_recorder.notifications()[3:]
    assert [n["summary"] for n in received] == ["ALAB: thesis broken (was at risk)"]
    assert received[0]["body"].startswith("kill criterion missed: Gross margin holds")
    # the other two guards' misses (and any target behind its course) are counted, not listed
    assert re.search(r" \(\+\d+ more\)$", received[0]["body"])
