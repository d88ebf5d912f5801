"""A hand-written NVIDIA milestone, offline with nothing fetched, then with NVIDIA's real
companyfacts read (../shared/realdata/sec, stored as a refresh stores them): no verdict from no
data. Unread, `check` keeps it pending and unjudged, names no quarter it cannot know, exits 0;
`review` reads the thesis unjudged; `calibration` resolves nothing; replay agrees. Read, the
quarter is NVIDIA's own: Q2 FY2025 ended 2024-07-28 (the recording's frame CY2024Q2), whose 10-Q
of 2024-08-28 is in without evidence of the milestone: missed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui.market.models import Bar, QuoteOutcome
from catalyst_tui.market.sec.as_filed import filed_values
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.store import Store
from tests.support.cli_inline import on_files as cli
from tests.support.shared import REALDATA

NVDA = REALDATA / "sec" / "sec_companyfacts_NVDA_CIK0001045810.json"
THESIS = """
[settings]
timezone = "America/New_York"
[tickers.NVDA]
name = "NVIDIA"
[[tickers.NVDA.checkpoints]]
id = "rubin-ships"
title = "Rubin ships in volume"
kind = "milestone"
due = 2024-06-30
confidence = 0.9
"""
UNREAD = (
    "due passed, unjudged: none of the company's filings read yet, so neither its fiscal"
    " quarter containing 2024-06-30 nor its report is known"
)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "catalysts.toml").write_text(THESIS)
    with Store.open(tmp_path / "c.db") as store:  # a database with a few closes and nothing else
        bars = [
            Bar("NVDA", dt.date(2024, 10, d), 130.0 + d, 131.0 + d, 129.0, 130.0 + d, 1, "t")
            for d in (1, 2, 3)
        ]
        store.market.save_quotes(
            [QuoteOutcome("NVDA", bars=bars)], dt.datetime(2024, 10, 4, tzinfo=dt.UTC)
        )
    return tmp_path


def test_offline_with_nothing_read_the_milestone_is_unjudged(workdir: Path):
    check = cli(workdir, "check", "--json")
    assert check.returncode == 0, check.stderr  # nothing flagged
    [row] = json.loads(check.stdout)
    assert (row["status"], row["reason"]) == ("pending", UNREAD)
    assert "FY20" not in check.stdout and "Q2" not in check.stdout and "Q3" not in check.stdout
    review = json.loads(cli(workdir, "review", "--json").stdout)
    assert [t["verdict"] for t in review["tickers"]] == ["unjudged"]
    calibration = json.loads(cli(workdir, "calibration", "--json").stdout)
    assert (calibration["resolved"], calibration["unresolved"]) == (0, 1)
    assert calibration["brier"] is None
    [replayed] = json.loads(cli(workdir, "replay", "NVDA", "--json").stdout)
    assert replayed["changes"] == [] and replayed["path"] == []


def test_with_nvidias_filings_read_its_own_quarter_settles_it(workdir: Path):
    body = json.loads(NVDA.read_text())
    with Store.open(workdir / "c.db") as store:  # as a refresh keeps them (jobs/daily.py)
        store.market.save_facts("NVDA", derive_facts(body), dt.datetime(2026, 7, 9, tzinfo=dt.UTC))
        store.as_filed.save("NVDA", filed_values(body))
    check = cli(workdir, "check", "--json")
    assert check.returncode == 1, check.stderr  # the miss is flagged
    [row] = json.loads(check.stdout)
    assert row["status"] == "missed"
    assert row["reason"] == "due passed; the Q2 FY2025 report is in without evidence of it"
    calibration = json.loads(cli(workdir, "calibration", "--json").stdout)
    assert (calibration["resolved"], calibration["brier"]) == (1, pytest.approx(0.81))
