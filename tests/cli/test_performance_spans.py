"""`catalyst performance --json` over spans, end to end after `catalyst refresh` on the loopback
market: the time-weighted rate counts a dividend once, a lot of 31 December is held this year, a
span shorter than a year is its gain on the money put in (and says so), a lot of today has every
flow on one day, an undated lot leaves only its own position out, a benchmark's close is from
within a few days of each flow, and a dividend beyond sense never makes a figure infinite. Each
figure is checked against the arithmetic written here from the market's own closes."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_performance import cli, session
from tests.support.market_server import MarketServer

HEAD = """[settings]
providers = ["yahoo"]
timezone = "UTC"

[providers.yahoo]
base_url = "{url}"
cookie_url = "{url}/fc"
"""


def ticker(symbol: str, shares: int, cost: float, day: dt.date | None) -> str:
    dated = f"\ndate = {day}" if day is not None else ""
    return f"""
[tickers.{symbol}]
name = "{symbol}"
[[tickers.{symbol}.lots]]
shares = {shares}
cost = {cost}{dated}
"""


def strict(text: str) -> dict:
    """The JSON document, refusing NaN and Infinity (which strict JSON has not)."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the JSON")

    document: dict = json.loads(text, parse_constant=refuse)
    return document


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@pytest.fixture(scope="module")
def market() -> Iterator[MarketServer]:
    with MarketServer(symbols=("AAPL", "MSFT", "AMZN", "TSLA", "GOOG", "SPY")) as server:
        yield server


def refreshed(market: MarketServer, workdir: Path, body: str) -> Path:
    (workdir / "catalysts.toml").write_text(HEAD.format(url=market.url) + body)
    result = cli(workdir, "refresh")
    assert result.returncode == 0, result.stderr + result.stdout
    return workdir


@pytest.fixture(scope="module")
def dividend_paid(market: MarketServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """MSFT alone: 20 bought 400 sessions back at 300, 0.75 a share paid 120 sessions back."""
    market.dividends["MSFT"] = [(session(market, 120), 0.75)]
    body = ticker("MSFT", 20, 300, session(market, 400))
    return refreshed(market, tmp_path_factory.mktemp("twr"), body)


def test_the_time_weighted_rate_counts_a_dividend_once(market, dividend_paid):
    bought, paid, last = session(market, 400), session(market, 120), market.last_session()
    report = strict(cli(dividend_paid, "performance", "--json").stdout)
    # valued on the ex-date at its close with the day's dividend in it, then the dividend taken
    # out: the rest grows from 20 × that close to 20 × today's price
    close = market.close("MSFT", paid)
    growth = (20 * close + 20 * 0.75) / (20 * 300) * (market.close("MSFT", last) / close)
    days = (today() - bought).days
    weighted = report["portfolio"]["time_weighted"]["life"]
    assert weighted["value"] == pytest.approx(growth ** (365 / days) - 1, abs=1e-9)
    assert weighted["annualised"] is True


@pytest.fixture(scope="module")
def spans(market: MarketServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """AAPL bought on 31 December, MSFT today at today's price, AMZN undated, TSLA while the
    index's history has a gap."""
    year_end = dt.date(today().year - 1, 12, 31)
    body = (
        ticker("AAPL", 10, 100, year_end)
        + ticker("MSFT", 20, market.close("MSFT", market.last_session()), today())
        + ticker("AMZN", 5, 80, None)
        + ticker("TSLA", 3, 200, session(market, 200))
    )
    workdir = refreshed(market, tmp_path_factory.mktemp("spans"), body)
    gap = (session(market, 230), session(market, 200))  # a month of SPY's history not stored
    with sqlite3.connect(workdir / "c.db") as db:
        db.execute(
            "DELETE FROM prices WHERE symbol = 'SPY' AND substr(ts, 1, 10) BETWEEN ? AND ?",
            [gap[0].isoformat(), gap[1].isoformat()],
        )
    return workdir


def line(report: dict, name: str) -> dict:
    (found,) = [t for t in report["tickers"] if t["name"] == name]
    return found


def test_a_lot_of_31_december_is_held_this_year_over_the_span(market, spans):
    report = strict(cli(spans, "performance", "--json").stdout)
    year_end = dt.date(today().year - 1, 12, 31)
    last_close = market.close("AAPL", market.last_session())
    held_at = market.close("AAPL", session(market, (market.last_session() - year_end).days))
    ytd = line(report, "AAPL")["spans"]["ytd"]
    assert ytd["rate"]["value"] == pytest.approx(last_close / held_at - 1, abs=1e-9)
    assert ytd["rate"]["annualised"] is False and ytd["rate"]["basis"] == "money_in"
    life = line(report, "AAPL")["spans"]["life"]  # bought under a year ago: over the span too
    assert life["rate"]["value"] == pytest.approx(10 * last_close / 1000 - 1, abs=1e-9)
    assert life["rate"]["annualised"] is False


def test_the_text_labels_a_return_over_the_span(spans):
    text = " ".join(cli(spans, "performance").stdout.split())
    assert "AAPL" in text and "on the money put in against SPY" in text
    assert "a year's rate over a year or more, the gain on the money put in when shorter" in text


def test_a_lot_of_today_has_every_flow_on_one_day(spans):
    report = strict(cli(spans, "performance", "--json").stdout)
    life = line(report, "MSFT")["spans"]["life"]
    assert (life["rate"]["value"], life["rate"]["reason"]) == (None, "one_day")
    assert life["rate"]["annualised"] is None
    text = " ".join(cli(spans, "performance").stdout.split())
    assert "MSFT: no return over its life: every flow is on one day" in text
    assert "nothing bought" not in text


def test_an_undated_lot_leaves_only_its_own_position_out(spans):
    report = strict(cli(spans, "performance", "--json").stdout)
    assert line(report, "AMZN")["spans"]["life"]["rate"]["reason"] == "undated"
    assert line(report, "AAPL")["spans"]["life"]["rate"]["value"] is not None
    whole = report["portfolio"]["spans"]["life"]
    assert whole["rate"]["value"] is not None
    assert whole["left_out"] == [{"symbol": "AMZN", "reason": "undated"}]
    assert report["portfolio"]["time_weighted"]["life"]["value"] is not None
    text = " ".join(cli(spans, "performance").stdout.split())
    assert "AMZN left out: a lot without its date" in text


def test_a_gap_in_the_benchmarks_history_gives_no_benchmark(spans):
    report = strict(cli(spans, "performance", "--json").stdout)
    life = line(report, "TSLA")["spans"]["life"]
    assert life["rate"]["value"] is not None
    assert (life["benchmark"]["value"], life["benchmark"]["reason"]) == (None, "no_benchmark")
    assert life["excess"]["reason"] == "no_benchmark"


@pytest.fixture(scope="module")
def beyond_sense(market: MarketServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """GOOG, 10 bought 100 sessions back at 100, with a dividend of 1e308 a share."""
    market.dividends["GOOG"] = [(session(market, 30), 1e308)]
    body = ticker("GOOG", 10, 100, session(market, 100))
    return refreshed(market, tmp_path_factory.mktemp("beyond"), body)


def test_a_dividend_beyond_sense_is_left_out_and_every_figure_is_finite(market, beyond_sense):
    result = cli(beyond_sense, "performance", "--json")
    assert "Infinity" not in result.stdout and "NaN" not in result.stdout
    goog = line(strict(result.stdout), "GOOG")["spans"]["life"]
    assert goog["dividends"] == 0.0  # left out when read: the price's bounds
    last = market.close("GOOG", market.last_session())
    assert goog["rate"]["value"] == pytest.approx(10 * last / 1000 - 1, abs=1e-9)
