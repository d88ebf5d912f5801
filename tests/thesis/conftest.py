"""What the thesis tests build on: a moment and its day, quotes, facts of consecutive quarters,
lots, and a snapshot of them."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.models import Fact, LastQuote, Quote
from catalyst_tui.thesis.portfolio.positions import Lot
from catalyst_tui.thesis.snapshot import MarketSnapshot

NOW = dt.datetime(2026, 11, 21, 15, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
DAY = dt.timedelta(days=1)


def last_quote(
    price: float,
    change_pct: float | None,
    high: float | None,
    fetched: dt.datetime,
    stale: bool,
    symbol: str = "ALAB",
) -> LastQuote:
    quote = Quote(
        symbol,
        price,
        None,
        None,
        change_pct,
        "USD",
        None,
        fetched,
        "test",
        fifty_two_week_high=high,
    )
    return LastQuote(symbol, quote, fetched, stale)


def fact(start: dt.date | None, end: dt.date, value: float, filed: dt.date | None = None) -> Fact:
    return Fact("test", start, end, value, "USD", "10-Q", filed or end, "test")


#: ALAB's fiscal year 2025, as its 10-K of 2026-02-12 reported it: its year ends in December (what
#: names a milestone's quarter: thesis/awaiting.py).
FY2025 = Fact(
    "revenue_fy",
    dt.date(2025, 1, 1),
    dt.date(2025, 12, 31),
    1.2e9,
    "USD",
    "10-K",
    dt.date(2026, 2, 12),
    "t",
)


def lots(*pairs: tuple[float, float]) -> list[Lot]:
    return [Lot(shares, cost) for shares, cost in pairs]


def snapshot(
    price: float | None = 100.0,
    *,
    stale: bool = False,
    facts=None,
    lots=None,
    sec: bool = True,
    high: float | None = 125.0,
) -> MarketSnapshot:
    snap = MarketSnapshot(now=NOW, sec_configured=sec)
    if price is not None:
        fetched = NOW - (dt.timedelta(hours=5) if stale else dt.timedelta(seconds=30))
        snap.quotes["ALAB"] = last_quote(price, 0.012, high, fetched, stale)
    snap.facts = facts or {}
    snap.lots = lots or {}
    return snap


def quarters(revenue: list[float], gross: list[float] | None = None, op=None, eps=None):
    """Consecutive calendar quarters ending 2026-09-30 (last value)."""
    ends = [
        dt.date(2024, 12, 31),
        dt.date(2025, 3, 31),
        dt.date(2025, 6, 30),
        dt.date(2025, 9, 30),
        dt.date(2025, 12, 31),
        dt.date(2026, 3, 31),
        dt.date(2026, 6, 30),
        dt.date(2026, 9, 30),
    ][-len(revenue) :]

    def rows(values):
        return [
            fact(end - dt.timedelta(days=90), end, v, end + 35 * DAY)
            for end, v in zip(ends, values, strict=True)
        ]

    out = {"revenue_q": rows(revenue), "shares_outstanding": [fact(None, ends[-1], 1e6)]}
    if gross:
        out["gross_profit_q"] = rows(gross)
    if op:
        out["operating_income_q"] = rows(op)
    if eps:
        out["eps_diluted_q"] = rows(eps)
    return {"ALAB": out}
