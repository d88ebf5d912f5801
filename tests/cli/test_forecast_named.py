"""A target on its course names the forecast it leans on, in the same words, in `check`,
`review` and `report`: the Street's consensus for the target's fiscal year (stored here as a
provider's estimates are), against the target's threshold, worked here by hand.

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.store import Store
from tests.support import cli_inline

THESIS = """
[tickers.FCS]
name = "Forecast Co"
[[tickers.FCS.checkpoints]]
id = "fy"
title = "Revenue passes 1.4B"
kind = "target"
when = "revenue_fy >= 1.4B"
due = 2099-12-31

[tickers.RSK]
name = "Risky Co"
[[tickers.RSK.checkpoints]]
id = "fy"
title = "Revenue passes 1.4B"
kind = "target"
when = "revenue_fy >= 1.4B"
due = 2099-12-31
[[tickers.RSK.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 10"
"""
# The Street's average for the fiscal year to 2099-12-31 (no year reported: none of the year's
# quarters, no guide), $1.45B, is above the target's $1.4B: on course, and said so.
SAID = "the Street expects $1.45B for the year to 2099-12-31, above your $1.4B"


def catalyst(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst ARGS` on `where`'s files, in this process (tests/support/cli_inline.py)."""
    where_args = ("--db", str(where / "c.db"), "--config", str(where / "catalysts.toml"))
    return cli_inline.run(*args, *where_args, env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def where(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("forecast")
    path = where / "catalysts.toml"
    path.write_text(THESIS)
    now = dt.datetime.now(dt.UTC)
    with Store.open(where / "c.db") as store:
        store.sync.apply(load_config(path), now)
        year = Consensus("0y", dt.date(2099, 12, 31), Range(None), Range(1.45e9, analysts=9))
        for symbol in ("FCS", "RSK"):
            store.estimates.save(symbol, Estimates(symbol, "yahoo", None, None, (year,), ()), now)
    assert catalyst(where, "mark", "RSK/floor", "missed").returncode == 0
    return where


def test_check_names_the_forecast_an_on_course_target_leans_on(where: Path):
    done = catalyst(where, "check")
    assert done.returncode == 0, done.stderr  # a mark by hand flags nothing
    # The table's "why" column may wrap the sentence: read as words.
    assert SAID in " ".join(done.stdout.split())
    assert "FCS/fy" in done.stdout
    as_json = json.loads(catalyst(where, "check", "--json").stdout)
    for checkpoint in [c for c in as_json if c["id"] == "fy"]:
        assert SAID in checkpoint["reason"]


def test_review_and_the_report_name_it_in_the_same_words(where: Path):
    assert catalyst(where, "check").returncode == 0
    review = catalyst(where, "review")
    assert review.returncode == 0, review.stderr
    assert f"target on its course: Revenue passes 1.4B: {SAID}" in review.stdout
    report = catalyst(where, "report", "FCS", "--format", "md")
    assert report.returncode == 0, report.stderr
    assert SAID in report.stdout


def test_beside_a_verdict_at_risk_the_reports_table_still_names_it(where: Path):
    """RSK is at risk (its guard missed), so what remains is not listed under its verdict: the
    target's own line in the report's table of checkpoints names the forecast all the same."""
    assert catalyst(where, "check").returncode == 0
    report = catalyst(where, "report", "RSK", "--format", "md")
    assert report.returncode == 0, report.stderr
    assert "target on its course" not in report.stdout
    [row] = [line for line in report.stdout.splitlines() if line.startswith("| Revenue passes")]
    assert SAID in row
