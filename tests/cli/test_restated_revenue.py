"""A restatement under another revenue tag is taken, today and in replay, from the restating
filing on: Tesla's real companyfacts (../shared/realdata/sec) state its 2018 quarters first under
RevenueFromContractWithCustomerExcludingAssessedTax (Q1 3,408,751,000 in the 10-Q of 2018-05-07;
Q3 6,824,413,000 in the 10-Q of 2018-11-02) and restate them under Revenues (Q3 6,824,000,000 by
the 10-Q of 2019-10-29, Q1 3,409,000,000 by the 10-K of 2020-02-13). Stored as a refresh stores
them, with Tesla's real daily closes (Yahoo's chart recording), `check`, `report` and `replay`
read the restated figures, replay from the restating filing's day on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui.market.models import QuoteOutcome
from catalyst_tui.market.sec.as_filed import filed_values
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.market.yahoo.bars import chart_bars
from catalyst_tui.store import Store
from tests.support.cli_inline import on_files as cli
from tests.support.shared import REALDATA

FACTS = REALDATA / "sec" / "sec_companyfacts_TSLA_CIK0001318605.json"
CHART = REALDATA / "yahoo_chart" / "historical-via-chart-dividends-TSLA-no-dividends.json"
THESIS = """
[tickers.TSLA]
name = "Tesla"
[[tickers.TSLA.checkpoints]]
id = "q1-2018"
title = "Q1 2018 revenue over 3,408.9M"
kind = "guard"
when = "revenue_q >= 3408900000"
period_end = 2018-03-31
[[tickers.TSLA.checkpoints]]
id = "q3-2018"
title = "Q3 2018 revenue over 6,824.2M"
kind = "guard"
when = "revenue_q >= 6824200000"
period_end = 2018-09-30
"""


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("restated")
    (workdir / "catalysts.toml").write_text(THESIS)
    body = json.loads(FACTS.read_text())
    result = json.loads(CHART.read_text())["response"]["bodyJson"]["chart"]["result"][0]
    fetched = dt.datetime(2023, 8, 14, tzinfo=dt.UTC)
    with Store.open(workdir / "c.db") as store:  # as a refresh keeps them (jobs/daily.py)
        bars = chart_bars(result, "TSLA", None, fetched)
        store.market.save_quotes([QuoteOutcome("TSLA", bars=bars)], fetched)
        store.market.save_facts("TSLA", derive_facts(body), fetched)
        store.as_filed.save("TSLA", filed_values(body))
    return workdir


def test_the_recording_states_the_quarters_first_under_one_tag_then_restated_under_another():
    body = json.loads(FACTS.read_text())["facts"]["us-gaap"]
    first = body["RevenueFromContractWithCustomerExcludingAssessedTax"]["units"]["USD"]
    later = body["Revenues"]["units"]["USD"]
    q1 = ("2018-01-01", "2018-03-31")
    assert [(e["val"], e["filed"]) for e in first if (e["start"], e["end"]) == q1] == [
        (3408751000, "2018-05-07")
    ]
    assert (3409000000, "2020-02-13") in [
        (e["val"], e["filed"]) for e in later if (e["start"], e["end"]) == q1
    ]


def test_check_reads_the_restated_quarters(workdir: Path):
    done = cli(workdir, "check", "--json")
    rows = {row["id"]: row for row in json.loads(done.stdout)}
    assert (rows["q1-2018"]["status"], rows["q1-2018"]["value"]) == ("met", 3_409_000_000)
    assert (rows["q3-2018"]["status"], rows["q3-2018"]["value"]) == ("missed", 6_824_000_000)


def test_replay_takes_each_restatement_from_its_filing_day(workdir: Path):
    done = cli(workdir, "replay", "TSLA", "--from", "2018-01-02", "--to", "2020-12-31", "--json")
    assert done.returncode == 0, done.stderr
    [tsla] = json.loads(done.stdout)
    changes = [(c["checkpoint"], c["day"], c["to"], c["value"]) for c in tsla["changes"]]
    assert changes == [
        ("q1-2018", "2018-05-07", "missed", 3_408_751_000),
        ("q3-2018", "2018-11-02", "met", 6_824_413_000),
        ("q3-2018", "2019-10-29", "missed", 6_824_000_000),
        ("q1-2018", "2020-02-13", "met", 3_409_000_000),
    ]


def test_the_report_reads_the_restated_quarters(workdir: Path):
    cli(workdir, "check")  # the report shows what the last judgement stored, on any worker
    done = cli(workdir, "report", "TSLA")
    assert done.returncode == 0, done.stderr
    thesis = done.stdout.split("## Thesis\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    q1 = next(row for row in thesis if row.startswith("| Q1 2018"))
    q3 = next(row for row in thesis if row.startswith("| Q3 2018"))
    assert "| holding |" in q1 and "(quarter ended 2018-03-31, filed 2020-02-13)" in q1
    assert "| missed |" in q3 and "(quarter ended 2018-09-30, filed 2020-02-13)" in q3
