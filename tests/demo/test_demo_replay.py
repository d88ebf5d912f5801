"""The demo's replay ends where `check` and `review` are: after its first refresh on the replay
market, the last day `catalyst replay` judges is, checkpoint by checkpoint, the status `check
--json` gives and, ticker by ticker, the verdict `review --json` gives; and no weight in the
replay is 100% on a day other positions were held (the bundled file's six: NVIDIA's, the first
bought, weighs all of a portfolio of one on 2024-08-05 alone)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.demo import DemoSession, private_dirs

from .test_demo_verdicts import cli


@pytest.mark.slow
def test_the_demos_replay_ends_where_check_and_review_are(isolated_home: Path):
    with DemoSession() as demo, private_dirs(demo.folder):
        refreshed = cli(demo, "refresh")
        assert refreshed.returncode == 0, refreshed.stderr
        check, review, replay = (
            cli(demo, *args)
            for args in (("check", "--json"), ("review", "--json"), ("replay", "--json"))
        )
        bought = {
            t.symbol: min(lot.date or dt.date.min for lot in t.lots)
            for t in load_config(demo.config_path).tickers.values()
            if t.lots
        }
    assert replay.returncode == 0, replay.stderr
    statuses = {(c["symbol"], c["id"]): c["status"] for c in json.loads(check.stdout)}
    verdicts = {t["symbol"]: t["verdict"] for t in json.loads(review.stdout)["tickers"]}
    replays = json.loads(replay.stdout)
    assert {r["symbol"] for r in replays} == {s for s, _ in statuses}
    for r in replays:
        last = {}
        for change in r["changes"]:
            last[change["checkpoint"]] = change["to"]
            day = dt.date.fromisoformat(change["day"])
            others = [s for s, first in bought.items() if s != r["symbol"] and first <= day]
            if change["checkpoint"].endswith(("weight-cap", "position-cap")) and others:
                assert change["value"] is None or change["value"] < 0.5, (change, others)
        for (symbol, ident), status in statuses.items():
            if symbol == r["symbol"]:
                assert last.get(ident, "pending") == status, (symbol, ident)
        path = r["path"]
        assert (path[-1]["verdict"] if path else "unjudged") == verdicts[r["symbol"]]
