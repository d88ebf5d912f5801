"""The demo shows the verdicts apart: after its first refresh on the replay market, CRDO's thesis
(a milestone due before the demo's day, never marked) reads broken, ALAB's at risk (its margins
under the floors, its weight over its cap), NVDA's intact (its weight under its cap) and the
rest unjudged or intact; `catalyst review --json` says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.demo import DemoSession, private_dirs


def cli(demo: DemoSession, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            *args,
            "--config",
            str(demo.config_path),
            "--db",
            str(demo.db_path),
        ],
        env={**os.environ, "NO_PROXY": "127.0.0.1"},
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.mark.slow
def test_the_demo_shows_broken_at_risk_and_intact_theses(isolated_home: Path):
    with DemoSession() as demo, private_dirs(demo.folder):
        refreshed = cli(demo, "refresh")
        assert refreshed.returncode == 0, refreshed.stderr
        result = cli(demo, "review", "--json")
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)
    verdicts = {t["symbol"]: t["verdict"] for t in review["tickers"]}
    assert verdicts["CRDO"] == "broken" and verdicts["ALAB"] == "at risk"
    assert verdicts["NVDA"] == "intact"  # its guard on its size holds: a word on its row
    assert {"broken", "at risk"} <= set(verdicts.values())
    for t in review["tickers"]:  # a ticker with nothing judged never reads intact
        assert t["verdict"] != "intact" or t["judged"] > 0, t["symbol"]
    [crdo] = [t for t in review["tickers"] if t["symbol"] == "CRDO"]
    assert [(r["rule"], r["checkpoint"]) for r in crdo["reasons"]] == [
        ("milestone_missed", "second-hyperscaler-aec")
    ]
    assert review["portfolio"]["verdict"] == "broken"
