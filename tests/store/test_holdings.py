"""store.holdings: a position's return against its benchmark as evaluation reads it
(excess_return), the benchmark's daily history read once for every position held against it,
and the figures those of the Performance screen's read (load_holdings), checked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import Bar, QuoteOutcome
from catalyst_tui.store import Store
from catalyst_tui.store.holdings import load_holdings
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.portfolio.performance import Span, outcome

from .conftest import T0, quote

TODAY = T0.date()  # a Saturday
BOUGHT = TODAY - dt.timedelta(days=365)  # a Friday: a year of flows, exactly
THESIS = f"""
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.lots]]
shares = 10
cost = 100
date = {BOUGHT.isoformat()}
[tickers.CRDO]
name = "Credo"
[[tickers.CRDO.lots]]
shares = 5
cost = 50
date = {BOUGHT.isoformat()}
[tickers.NVDA]
name = "Nvidia"
"""


def weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [d for d in days if d.weekday() < 5]


def flat(symbol: str, close: float) -> list[Bar]:
    """A close of `close` every weekday from BOUGHT to the day before TODAY."""
    return [
        Bar(symbol, d, close, close, close, close, 1000, "yahoo")
        for d in weekdays(BOUGHT, TODAY - dt.timedelta(days=1))
    ]


@pytest.fixture
def held(tmp_path: Path) -> Store:
    """ALAB (10 at 100, now 121) and CRDO (5 at 50, now 40), both bought a year ago and held
    against SPY (200 every day since, 230 now); NVDA held not."""
    store = Store.open(tmp_path / "catalyst.db")
    store.sync.apply(parse_config(THESIS), now=T0)
    store.market.save_quotes(
        [
            QuoteOutcome("ALAB", quote("ALAB", 121.0), flat("ALAB", 110.0)),
            QuoteOutcome("CRDO", quote("CRDO", 40.0), flat("CRDO", 45.0)),
            QuoteOutcome("NVDA", quote("NVDA", 180.0), flat("NVDA", 180.0)),
            QuoteOutcome("SPY", quote("SPY", 230.0), flat("SPY", 200.0)),
        ],
        T0,
    )
    return store


def test_excess_return_is_the_positions_yearly_rate_less_its_benchmarks(held: Store) -> None:
    """A year exactly from the buy: ALAB 100 -> 121 is 21% a year, CRDO 50 -> 40 is -20%, the
    same money in SPY 200 -> 230 is 15%; the excess is in points. The same figures as the
    Performance screen's read gives them."""
    try:
        snap = held.market.snapshot(T0, sec_configured=True)
        alab = observe("excess_return", "ALAB", snap)
        crdo = observe("excess_return", "CRDO", snap)
        assert alab.value == pytest.approx(0.21 - 0.15, abs=1e-9)
        assert crdo.value == pytest.approx(-0.20 - 0.15, abs=1e-9)
        assert alab.note == "+21.0% a year against SPY +15.0%"
        assert observe("excess_return", "NVDA", snap).value is None  # no lots: no return
        positions, benchmarks, bench_of = load_holdings(held, "USD", ["ALAB", "CRDO", "NVDA"])
        assert bench_of == {"ALAB": "SPY", "CRDO": "SPY"}
        for symbol, found in (("ALAB", alab), ("CRDO", crdo)):
            life = outcome([(positions[symbol], benchmarks["SPY"])], Span.LIFE, TODAY)
            assert found.value == life.excess.value
    finally:
        held.close()


def test_positions_held_against_one_benchmark_read_its_history_once(held: Store) -> None:
    """Each position reads its own closes; the benchmark's daily history, and the tickers'
    benchmarks, are read once a snapshot, whatever the number of positions asking."""
    statements: list[str] = []
    try:
        snap = held.market.snapshot(T0, sec_configured=True)
        held.conn.set_trace_callback(statements.append)
        for symbol in ("ALAB", "CRDO", "ALAB"):
            assert observe("excess_return", symbol, snap).value is not None
    finally:
        held.conn.set_trace_callback(None)
        held.close()

    def reads(symbol: str) -> list[str]:
        return [s for s in statements if "FROM prices" in s and f"'{symbol}'" in s]

    assert len(reads("SPY")) == 1, statements
    assert len(reads("ALAB")) == 1 and len(reads("CRDO")) == 1
    assert len([s for s in statements if "benchmark FROM tickers" in s]) == 1


FOREIGN = f"""
[settings]
currency = "EUR"
[tickers."NESN.SW"]
name = "Nestlé"
[[tickers."NESN.SW".lots]]
shares = 10
cost = 90
date = {BOUGHT.isoformat()}
[[tickers."NESN.SW".dividends]]
date = {(BOUGHT + dt.timedelta(days=100)).isoformat()}
amount = 27.25
"""


def test_a_foreign_dividend_before_the_first_quote_has_no_amount_in_the_base_currency(
    tmp_path: Path,
) -> None:
    """27.25 CHF received before NESN.SW's first quote is read: its currency is not known, so
    nothing in EUR (not 27.25 EUR) and no return; once a quote says CHF, the dividend is
    counted at the CHF/EUR rate of its day from the stored history (0.95 then, 1.05 today)."""
    from catalyst_tui.market.models import FxRate
    from catalyst_tui.thesis.portfolio.returns import NoReturn
    from catalyst_tui.views.performance import dividend_rows, dividends_received

    paid = BOUGHT + dt.timedelta(days=100)
    store = Store.open(tmp_path / "catalyst.db")
    try:
        store.sync.apply(parse_config(FOREIGN), now=T0)
        [row] = dividend_rows(store, "EUR")
        assert (row.net, row.rate, row.net_base) == (27.25, None, None)
        assert dividends_received(store, "EUR") == {"NESN.SW": None}
        held, benchmarks, _of = load_holdings(store, "EUR")
        life = outcome([(held["NESN.SW"], benchmarks["SPY"])], Span.LIFE, TODAY)
        assert life.rate.reason is NoReturn.NO_RATE
        store.market.save_quotes(
            [QuoteOutcome("NESN.SW", quote("NESN.SW", 95.0, currency="CHF"), [])], T0
        )
        store.fx.save(
            [
                FxRate("CHF", "EUR", BOUGHT - dt.timedelta(days=3), 0.9, "ecb"),
                FxRate("CHF", "EUR", paid - dt.timedelta(days=1), 0.95, "ecb"),
                FxRate("CHF", "EUR", TODAY, 1.05, "ecb"),
            ],
            T0,
        )
        [row] = dividend_rows(store, "EUR")
        assert row.currency == "CHF" and row.rate == 0.95
        assert row.net_base == pytest.approx(27.25 * 0.95)
        assert dividends_received(store, "EUR")["NESN.SW"] == pytest.approx(27.25 * 0.95)
    finally:
        store.close()
