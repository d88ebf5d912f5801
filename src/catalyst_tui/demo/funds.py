"""The replay market's funds: the benchmarks the demo thesis names (SPY, `settings.benchmark`'s
default; SOXX, the interconnect group's) and the demo's two income holdings (VYM in dollars,
ISF.L in pence), each answered as Yahoo answers an ETF (its chart with
its dividends, its quote batch row), never as a company (no filings, no earnings, no Street).

A fund's prices are demo/prices.py's, like a company's. Its dividends are quarterly, their
ex-date the third Friday of March, June, September and December (the usual ETF calendar), the
amount a quarter of its yearly yield on the close of the session before, rounded to the cent
fraction funds pay (a pure function of the symbol and the day, like every price)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from . import prices


class Fund(NamedTuple):
    symbol: str
    name: str
    exchange: str  # Yahoo's exchange code
    exchange_name: str  # Yahoo's fullExchangeName
    dividend_yield: float  # a year's dividends over the price
    currency: str = "USD"  # its quote's (Yahoo's `currency`): GBp for a London listing


FUNDS: dict[str, Fund] = {
    "SPY": Fund("SPY", "SPDR S&P 500 ETF Trust", "PCX", "NYSEArca", 0.0115),
    "SOXX": Fund("SOXX", "iShares Semiconductor ETF", "NMS", "NasdaqGM", 0.0065),
    # the demo's income holdings (demo/session.py): dividends in dollars, 15% withheld, and in
    # pence on London
    "VYM": Fund("VYM", "Vanguard High Dividend Yield ETF", "PCX", "NYSEArca", 0.028),
    "ISF.L": Fund(
        "ISF.L", "iShares Core FTSE 100 UCITS ETF GBP (Dist)", "LSE", "LSE", 0.036, "GBp"
    ),
}
# Yahoo's currency pairs the replay market answers with a daily history (`GBPUSD=X`: dollars a
# pound, its level demo/prices.py's), so a holding in pence has a rate on each of its days
FX_PAIRS = frozenset({"GBPUSD=X"})
_MONTHS = (3, 6, 9, 12)


def fund(symbol: str) -> Fund | None:
    return FUNDS.get(symbol)


def _third_friday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(4 - first.weekday()) % 7 + 14)


def dividends(symbol: str, first: date, last: date) -> list[tuple[date, float]]:
    """The fund's dividends (ex-date, amount a share) with an ex-date from `first` to `last`,
    both included; none for a symbol that is not a fund."""
    known = FUNDS.get(symbol)
    if known is None:
        return []
    out = []
    for year in range(first.year, last.year + 1):
        for month in _MONTHS:
            ex = _third_friday(year, month)
            if first <= ex <= last:
                before = prices.close(symbol, prices.previous_session(ex))
                share = 0.9 + 0.2 * prices.unit(symbol, ex, "dividend")  # a quarter's swing
                out.append((ex, round(before * known.dividend_yield / 4 * share, 4)))
    return out


def adjusted(symbol: str, days: list[date], closes: list[float]) -> list[float]:
    """Yahoo's adjclose: each close times (1 - dividend / the close before its ex-date) for every
    dividend after it in the window, so a holding's return over the window counts them."""
    paid = dict(dividends(symbol, days[0], days[-1])) if days else {}
    factor, out = 1.0, [0.0] * len(days)
    for i in range(len(days) - 1, -1, -1):
        out[i] = round(closes[i] * factor, 4)
        amount = paid.get(days[i])
        if amount is not None and i > 0:
            factor *= 1 - amount / closes[i - 1]
    return out
