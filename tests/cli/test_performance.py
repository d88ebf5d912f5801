"""`catalyst performance` end to end: `catalyst refresh` on the loopback market fetches the
tickers' and the benchmark's daily history with their dividends, then each position's, group's
and the portfolio's money-weighted rate and the benchmark's on the same money are checked
against the arithmetic written here from the market's own closes and the file's lots."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.thesis.portfolio.returns import Flow
from tests.support.cli_inline import on_files as cli
from tests.support.market_server import MarketServer
from tests.thesis.portfolio.test_returns import reference_xirr


@pytest.fixture(scope="module")
def market() -> Iterator[MarketServer]:
    with MarketServer(symbols=("AAPL", "MSFT", "SPY")) as server:
        yield server


def session(server: MarketServer, back: int) -> dt.date:
    day = server.last_session() - dt.timedelta(days=back)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


@pytest.fixture(scope="module")
def refreshed(market: MarketServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    bought, paid, index_paid = session(market, 400), session(market, 120), session(market, 60)
    market.dividends["MSFT"] = [(paid, 0.75)]
    market.dividends["SPY"] = [(index_paid, 1.5)]
    workdir = tmp_path_factory.mktemp("performance")
    (workdir / "catalysts.toml").write_text(f"""[settings]
providers = ["yahoo"]
timezone = "UTC"

[providers.yahoo]
base_url = "{market.url}"
cookie_url = "{market.url}/fc"

[tickers.AAPL]
name = "Apple"
group = "hardware"
[[tickers.AAPL.lots]]
shares = 10
cost = 150
fees = 2
date = {bought}
[[tickers.AAPL.checkpoints]]
id = "beats"
title = "The thesis beats the index"
kind = "guard"
when = "excess_return >= -1000%"

[tickers.MSFT]
name = "Microsoft"
group = "software"
dividend_tax = "15%"
[[tickers.MSFT.lots]]
shares = 20
cost = 300
date = {bought}
""")
    result = cli(workdir, "refresh")
    assert result.returncode == 0, result.stderr + result.stdout
    return workdir


def by_hand(market: MarketServer) -> dict[str, tuple[list[Flow], list[Flow]]]:
    """Each position's flows and the same money in SPY, from the market's closes."""
    today = dt.datetime.now(dt.UTC).date()
    last = market.last_session()
    bought, paid, index_paid = session(market, 400), session(market, 120), session(market, 60)
    spy = lambda day: market.close("SPY", day)  # noqa: E731
    reinvested = 1 + 1.5 / spy(index_paid)  # SPY's dividend bought back in on its ex-date
    out = {}
    for symbol, money, extra in (
        ("AAPL", 10 * 150 + 2, []),
        ("MSFT", 20 * 300, [Flow(paid, 20 * 0.75 * 0.85)]),
    ):
        shares = 10 if symbol == "AAPL" else 20
        own = [Flow(bought, -money), *extra, Flow(today, shares * market.close(symbol, last))]
        units = money / spy(bought) * reinvested
        index = [Flow(bought, -money), Flow(today, units * spy(last))]
        out[symbol] = (own, index)
    return out


def test_each_position_against_the_index_on_the_same_money(market, refreshed):
    result = cli(refreshed, "performance", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = by_hand(market)
    for line in report["tickers"]:
        own, index = expected[line["name"]]
        life = line["spans"]["life"]
        assert line["benchmark"] == "SPY"
        assert life["rate"]["value"] == pytest.approx(reference_xirr(own), abs=1e-6)
        assert life["benchmark"]["value"] == pytest.approx(reference_xirr(index), abs=1e-6)
        assert life["excess"]["value"] == pytest.approx(
            reference_xirr(own) - reference_xirr(index), abs=1e-6
        )
    msft = next(line for line in report["tickers"] if line["name"] == "MSFT")
    assert msft["spans"]["life"]["dividends"] == pytest.approx(20 * 0.75 * 0.85)


def test_the_portfolio_is_every_flow_together(market, refreshed):
    report = json.loads(cli(refreshed, "performance", "--json").stdout)
    expected = by_hand(market)
    own = [f for flows, _ in expected.values() for f in flows]
    index = [f for _, flows in expected.values() for f in flows]
    life = report["portfolio"]["spans"]["life"]
    assert life["rate"]["value"] == pytest.approx(reference_xirr(own), abs=1e-6)
    assert life["benchmark"]["value"] == pytest.approx(reference_xirr(index), abs=1e-6)
    assert report["portfolio"]["time_weighted"]["life"]["value"] is not None
    assert {g["name"] for g in report["groups"]} == {"hardware", "software"}


def test_the_report_says_it_in_a_sentence(market, refreshed):
    result = cli(refreshed, "performance")
    assert result.returncode == 0, result.stderr
    own, index = by_hand(market)["AAPL"]
    rate, other = reference_xirr(own), reference_xirr(index)
    verb = "beat" if rate > other else "trailed"
    # the points between the rates as printed, to a tenth each: the sentence adds up
    points = float(f"{rate * 100:.1f}") - float(f"{other * 100:.1f}")
    sentence = (
        f"AAPL {rate * 100:+.1f}% a year against SPY {other * 100:+.1f}%: the thesis "
        f"{verb} the index by {abs(points):.1f} points"
    )
    assert sentence in " ".join(result.stdout.split())


def test_a_guard_reads_the_excess_over_the_index(market, refreshed):
    result = cli(refreshed, "check", "--json")
    (guard,) = [c for c in json.loads(result.stdout) if c["id"] == "beats"]
    own, index = by_hand(market)["AAPL"]
    assert guard["value"] == pytest.approx(reference_xirr(own) - reference_xirr(index), abs=1e-6)
    assert guard["status"] == "met" and "a year against SPY" in guard["reason"]


def test_positions_show_the_dividends_received_after_tax(market, refreshed):
    result = cli(refreshed, "positions", "--json")
    assert result.returncode == 0, result.stderr
    got = {p["symbol"]: p["dividends"] for p in json.loads(result.stdout)}
    assert got == {"AAPL": 0.0, "MSFT": pytest.approx(20 * 0.75 * 0.85)}  # 20 held, 15% withheld
    table = cli(refreshed, "positions").stdout
    assert "Dividends" in table and "12.75" in table


def test_the_table_and_the_json_give_the_fees_paid(refreshed):
    """AAPL's lot paid 2 of fees, MSFT's none: 2 for the portfolio, over its life."""
    report = json.loads(cli(refreshed, "performance", "--json").stdout)
    fees = {line["name"]: line["spans"]["life"]["fees"] for line in report["tickers"]}
    assert fees == {"AAPL": pytest.approx(2.0), "MSFT": 0.0}
    assert report["portfolio"]["spans"]["life"]["fees"] == pytest.approx(2.0)
    table = cli(refreshed, "performance").stdout
    assert "Fees" in table and "2.00" in table
