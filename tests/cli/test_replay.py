"""`catalyst replay` in the test's own process (tests/support/cli_inline.py) on a real database: a
year of NVIDIA's real closes (Yahoo's chart recording), a thesis whose floor was loosened on
2021-10-01, each change of status with the price after it, the verdict's path, the original rule's
day, and what could not be known then; in strict JSON and in lines. The dates and closes are read by
hand from the recording."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.models import QuoteOutcome
from catalyst_tui.market.yahoo.bars import chart_bars
from catalyst_tui.store import Store
from tests.support.cli_inline import on_files as cli
from tests.support.shared import REALDATA

CHART = (
    REALDATA / "yahoo_chart" / "historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json"
)
THESIS = """
[tickers.NVDA]
name = "NVIDIA"
[[tickers.NVDA.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= {floor}"
confidence = 0.7
[[tickers.NVDA.checkpoints]]
id = "target"
title = "Reaches 30"
kind = "target"
when = "price >= 30"
due = 2021-12-31
confidence = 0.9
[[tickers.NVDA.checkpoints]]
id = "eps"
title = "Street EPS"
kind = "guard"
when = "eps_estimate_q >= 0.5"
[[tickers.NVDA.checkpoints]]
id = "launch"
title = "Launches Grace"
kind = "milestone"
due = 2099-12-31
confidence = 0.4
"""


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("replay")
    path = workdir / "catalysts.toml"
    path.write_text(THESIS.format(floor=25))
    result = json.loads(CHART.read_text())["response"]["bodyJson"]["chart"]["result"][0]
    with Store.open(workdir / "c.db") as store:
        store.sync.apply(load_config(path), now=dt.datetime(2021, 1, 4, tzinfo=dt.UTC))
        bars = chart_bars(result, "NVDA", None, dt.datetime(2022, 2, 1, tzinfo=dt.UTC))
        store.market.save_quotes(
            [QuoteOutcome("NVDA", bars=bars)], dt.datetime(2022, 2, 1, tzinfo=dt.UTC)
        )
        path.write_text(THESIS.format(floor=20))  # loosened on 2021-10-01
        store.sync.apply(load_config(path), now=dt.datetime(2021, 10, 1, 14, tzinfo=dt.UTC))
        moment = dt.datetime(2021, 6, 29, 22, tzinfo=dt.UTC)
        store.journal.add("NVDA", "Bought the breakout", moment, action="add", conviction="high")
        store.checkpoints.mark("NVDA", "target", "met", "", dt.datetime(2021, 11, 9, tzinfo=dt.UTC))
        store.checkpoints.mark(
            "NVDA", "launch", "missed", "", dt.datetime(2021, 11, 9, tzinfo=dt.UTC)
        )
    return workdir


def test_replay_json_gives_each_change_its_price_after_and_the_original_rule(workdir: Path):
    result = cli(workdir, "replay", "nvda", "--from", "2021-06-01", "--to", "2021-12-31", "--json")
    assert result.returncode == 0, result.stderr
    [nvda] = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    assert (nvda["symbol"], nvda["from"], nvda["to"]) == ("NVDA", "2021-06-01", "2021-12-31")
    floor = [(c["day"], c["to"]) for c in nvda["changes"] if c["checkpoint"] == "floor"]
    assert floor[:3] == [("2021-06-01", "missed"), ("2021-06-29", "met"), ("2021-07-08", "missed")]
    crossed = next(c for c in nvda["changes"] if c["day"] == "2021-06-29")
    assert crossed["value"] == 20.026750564575195
    assert crossed["price"] == {
        "close": 20.026750564575195,
        "later": {"30": 19.698999404907227, "90": 29.801000595092773},
    }
    assert crossed["why"].startswith("price 20.03 >= 20")
    target = [(c["day"], c["to"]) for c in nvda["changes"] if c["checkpoint"] == "target"]
    assert target == [("2021-11-08", "met")]
    # The Street guard has no reading: pending all along, so never proven; intact at the end.
    assert [(s["day"], s["verdict"]) for s in nvda["path"]][-1] == ("2021-10-05", "intact")
    assert nvda["path"][0]["verdict"] == "at risk"
    [moved] = nvda["goalposts"]
    assert (moved["before"], moved["after"], moved["moved"]) == (
        "price >= 25",
        "price >= 20",
        "2021-10-01",
    )
    assert (moved["differs"], moved["status_then"], moved["verdict_then"]) == (
        "2021-10-01",
        "missed",
        "at risk",
    )
    assert (
        "consensus never recorded: eps had no value from it, pending throughout: the path never"
        " read it"
    ) in nvda["unknown"]


def test_replay_lines_say_the_original_rule_and_what_was_not_known(workdir: Path):
    result = cli(workdir, "replay", "NVDA", "--from", "2021-06-01", "--to", "2021-12-31")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # 150 closes in the recording from 2021-06-01 to 2021-12-31
    assert "NVDA: 150 trading days, 2021-06-01 to 2021-12-31" in out
    assert (
        "NVDA/floor: your rule price >= 25 would have missed on 2021-10-01 and the thesis at risk"
        " (the rule now: intact); you loosened it to price >= 20 on 2021-10-01"
    ) in out
    assert (
        "close 20.03; 30 trading days later 19.70 (-1.6%); 90 trading days later 29.80 (+48.8%)"
        in out
    )
    assert "consensus never recorded" in out


def test_a_move_after_the_span_is_said_so(workdir: Path):
    result = cli(workdir, "replay", "NVDA", "--to", "2021-09-30")
    assert result.returncode == 0, result.stderr
    said = "NVDA/floor: you loosened it to price >= 20 on 2021-10-01, after the days replayed"
    assert said in result.stdout


def test_replay_refuses_a_span_backwards_and_an_unknown_ticker(workdir: Path):
    backwards = cli(workdir, "replay", "--from", "2021-12-31", "--to", "2021-06-01")
    assert backwards.returncode != 0
    assert backwards.stderr.strip() == "catalyst replay: --from 2021-12-31 is after --to 2021-06-01"
    unknown = cli(workdir, "replay", "NVDAX")
    assert unknown.returncode != 0 and "no ticker NVDAX" in unknown.stderr
    bad = cli(workdir, "replay", "--from", "2021-13-01")
    assert bad.returncode == 2 and "is neither a span (30m, 12h, 7d, 2w) nor a day" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_replay_takes_a_span_as_changes_does(workdir: Path, monkeypatch: pytest.MonkeyPatch):
    """`--from 30d` is the day 30 days before today, as `changes --since 30d` reads it: the same
    replay as the day written out."""
    import catalyst_tui.cli.replay as command

    now = dt.datetime(2021, 12, 31, 23, tzinfo=dt.UTC)
    monkeypatch.setattr(command, "utc_now", lambda: now)
    spans = cli(workdir, "replay", "NVDA", "--from", "30d", "--to", "2w", "--json")
    days = cli(workdir, "replay", "NVDA", "--from", "2021-12-01", "--to", "2021-12-17", "--json")
    assert spans.returncode == days.returncode == 0, spans.stderr
    assert spans.stdout == days.stdout
    assert json.loads(spans.stdout)[0]["from"] == "2021-12-01"


def test_the_report_has_the_replay_of_its_thesis(workdir: Path):
    result = cli(workdir, "report", "NVDA")
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("## Replay\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    # Every stored close (the recording's 252, the last on Friday 2022-01-28), the floor under
    # 20 on the first day: at risk.
    assert (
        section[0]
        == "- 252 trading days, 2021-02-01 to 2022-01-28, each judged on what was public by its"
        " close"
    )
    assert section[1].startswith(
        "- 2021-02-01 at risk: guard not holding: Price floor (price 13.24)"
    )
    assert "NVDA" not in section[-1] and section[-1].startswith("- not known then: ")
