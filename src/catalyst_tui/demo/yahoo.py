"""The replay market's Yahoo Finance answers, in Yahoo's shapes (compared with the recorded ones in
tests/demo/test_shapes.py): the v8 chart (daily bars over a range or a window, or the intraday
bars of the last sessions with their trading periods), the v7 quote batch (one row per symbol,
with the market state, the day's range, the 52-week range and the next earnings date), the v10
quoteSummary calendarEvents with the Street's modules (demo/street.py), and the cookie and crumb
the batch and the calendar ask for.

A symbol's answers all agree: the chart's last close, the batch's price and the day's bar are
one number (demo/prices.py)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..reading.moments import NEW_YORK
from . import prices
from .company import company, next_release
from .funds import adjusted, dividends, fund
from .street import street_modules

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

CRUMB = "dEm0CrUmB7q"
COOKIE = "A3=d=AQABBDemoReplayMarket&S=AQAAAdemo; Max-Age=31557600; Path=/; HttpOnly"
INTRADAY_MINUTES = {"1m": 1, "2m": 2, "5m": 5, "15m": 15, "30m": 30, "60m": 60, "1h": 60}
_RANGE_DAYS = {
    "1d": 1,
    "5d": 5,
    "1mo": 31,
    "3mo": 92,
    "6mo": 183,
    "1y": 366,
    "2y": 731,
    "5y": 1827,
    "10y": 3653,
    "ytd": 366,
    "max": 3653,
}
VALID_RANGES = ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"]
NOT_FOUND = {"code": "Not Found", "description": "No data found, symbol may be delisted"}
UNKNOWN_CHART = json.dumps({"chart": {"result": None, "error": NOT_FOUND}})  # with HTTP 404


def unknown_summary(symbol: str) -> str:
    """quoteSummary's answer (HTTP 404) for a symbol Yahoo does not know."""
    error = {"code": "Not Found", "description": f"Quote not found for symbol: {symbol}"}
    return json.dumps({"quoteSummary": {"result": None, "error": error}})


def name(symbol: str) -> str:
    """The company's or the fund's name (demo/company.py, demo/funds.py)."""
    known = fund(symbol)
    return known.name if known is not None else company(symbol).name


def no_fundamentals(modules: Sequence[str]) -> str:
    """quoteSummary's answer (HTTP 404) for a fund: real, with no earnings and no Street."""
    said = ",".join(modules)
    error = {
        "code": "Not Found",
        "description": f"No fundamentals data found for any of the summaryTypes={said}",
    }
    return json.dumps({"quoteSummary": {"result": None, "error": error}})


def _stamp(moment: datetime) -> int:
    return int(moment.timestamp())


def _zone(day: date) -> tuple[str, int]:
    """New York's abbreviation and offset (seconds) on `day`."""
    local = prices.session_open(day).astimezone(NEW_YORK)
    offset = local.utcoffset() or timedelta(0)
    return local.tzname() or "EST", int(offset.total_seconds())


def _period(day: date, start: datetime, end: datetime) -> dict[str, Any]:
    zone, offset = _zone(day)
    return {"timezone": zone, "start": _stamp(start), "end": _stamp(end), "gmtoffset": offset}


def _trading_period(day: date) -> dict[str, Any]:
    """currentTradingPeriod: the pre-market, regular and post-market hours of `day`."""
    opened, closed = prices.session_open(day), prices.session_close(day)
    return {
        "pre": _period(day, opened - timedelta(hours=5, minutes=30), opened),
        "regular": _period(day, opened, closed),
        "post": _period(day, closed, closed + timedelta(hours=4)),
    }


def _meta(symbol: str, now: datetime, granularity: str, range_text: str) -> dict[str, Any]:
    last = prices.last_session(now)
    bar = prices.day_bar(symbol, last, now)
    high, low = prices.year_range(symbol, last)
    zone, offset = _zone(last)
    known = fund(symbol)
    return {
        "currency": known.currency if known else "USD",
        "symbol": symbol,
        "exchangeName": known.exchange if known else "NMS",
        "fullExchangeName": known.exchange_name if known else "NasdaqGS",
        "instrumentType": "ETF" if known else "EQUITY",
        "firstTradeDate": _stamp(prices.session_open(date(2020, 1, 2))),
        "regularMarketTime": _stamp(min(now, prices.session_close(last))),
        "hasPrePostMarketData": True,
        "gmtoffset": offset,
        "timezone": zone,
        "exchangeTimezoneName": "America/New_York",
        "regularMarketPrice": bar.close,
        "fiftyTwoWeekHigh": max(high, bar.high),
        "fiftyTwoWeekLow": min(low, bar.low),
        "regularMarketDayHigh": bar.high,
        "regularMarketDayLow": bar.low,
        "regularMarketVolume": bar.volume,
        "longName": name(symbol),
        "shortName": name(symbol),
        "chartPreviousClose": prices.close(symbol, prices.previous_session(last)),
        "priceHint": 2,
        "currentTradingPeriod": _trading_period(last),
        "dataGranularity": granularity,
        "range": range_text,
        "validRanges": VALID_RANGES,
    }


def _body(result: dict[str, Any]) -> str:
    return json.dumps({"chart": {"result": [result], "error": None}})


def chart(symbol: str, query: Mapping[str, str], now: datetime) -> tuple[int, str]:
    """The v8 chart answer (status, JSON) for the query's range or window and interval."""
    interval = query.get("interval", "1d")
    if interval in INTRADAY_MINUTES:
        return 200, _intraday(
            symbol, query.get("range", "1d"), INTRADAY_MINUTES[interval], interval, now
        )
    if interval != "1d":
        error = {"code": "Bad Request", "description": f"Invalid input - interval={interval}"}
        return 400, json.dumps({"chart": {"result": None, "error": error}})
    last = prices.last_session(now)
    if "period1" in query:
        start = datetime.fromtimestamp(int(query["period1"]), UTC)
        end = datetime.fromtimestamp(int(query.get("period2", _stamp(now))), UTC)
        days = [
            d
            for d in prices.sessions(start.date(), min(end.date(), last))
            if start <= prices.session_open(d) <= end
        ]
        range_text = ""
    else:
        range_text = query.get("range", "1mo")
        first = last - timedelta(days=_RANGE_DAYS.get(range_text, 31))
        days = prices.sessions(first + timedelta(days=1), last)
    result: dict[str, Any] = {"meta": _meta(symbol, now, "1d", range_text)}
    if days:
        bars = [prices.day_bar(symbol, d, now) for d in days]
        result["meta"]["chartPreviousClose"] = prices.close(
            symbol, prices.previous_session(days[0])
        )
        result["timestamp"] = [_stamp(prices.session_open(d)) for d in days]
        result["indicators"] = {
            "quote": [_quote(bars)],
            "adjclose": [{"adjclose": adjusted(symbol, days, [b.close for b in bars])}],
        }
        paid = dividends(symbol, days[0], days[-1]) if "div" in query.get("events", "") else []
        if paid:  # Yahoo's events, asked with events=div: each dividend at its ex-date's open
            result["events"] = {
                "dividends": {
                    str(_stamp(prices.session_open(d))): {
                        "amount": amount,
                        "date": _stamp(prices.session_open(d)),
                    }
                    for d, amount in paid
                }
            }
    else:  # Yahoo leaves both out when the window holds no session
        result["indicators"] = {"quote": [{}], "adjclose": [{}]}
    return 200, _body(result)


# A chart's quote indicator: each of these fields of the bars, in Yahoo's order.
_QUOTE_FIELDS = ("close", "low", "volume", "open", "high")


def _quote(bars: Sequence[object]) -> dict[str, list[Any]]:
    return {name: [getattr(b, name) for b in bars] for name in _QUOTE_FIELDS}


def _intraday(symbol: str, range_text: str, minutes: int, interval: str, now: datetime) -> str:
    last = prices.last_session(now)
    count = 5 if range_text == "5d" else 1
    days = [last]
    while len(days) < count:
        days.insert(0, prices.previous_session(days[0]))
    meta = _meta(symbol, now, interval, range_text)
    meta["chartPreviousClose"] = prices.close(symbol, prices.previous_session(days[0]))
    meta["previousClose"] = meta["chartPreviousClose"]
    meta["scale"] = 3
    meta["tradingPeriods"] = [
        [_period(d, prices.session_open(d), prices.session_close(d))] for d in days
    ]
    bars = [b for d in days for b in prices.intraday_bars(symbol, d, minutes, now)]
    result: dict[str, Any] = {"meta": meta}
    if bars:
        result["timestamp"] = [_stamp(b.at) for b in bars]
        result["indicators"] = {"quote": [_quote(bars)]}
    else:
        result["indicators"] = {"quote": [{}]}
    return _body(result)


def market_state(now: datetime) -> str:
    """The v7 batch's marketState at `now` in New York: PRE, REGULAR, POST or CLOSED."""
    local = now.astimezone(NEW_YORK)
    if local.weekday() >= 5:
        return "CLOSED"
    day = local.date()
    if now < prices.session_open(day) - timedelta(hours=5, minutes=30):
        return "CLOSED"
    if now < prices.session_open(day):
        return "PRE"
    if now < prices.session_close(day):
        return "REGULAR"
    return "POST" if now < prices.session_close(day) + timedelta(hours=4) else "CLOSED"


def quote_batch(symbols: Sequence[str], now: datetime) -> str:
    """The v7 batch: a row per symbol in the shape of a recorded Nasdaq equity row."""
    last = prices.last_session(now)
    state = market_state(now)
    rows = []
    for symbol in symbols:
        bar = prices.day_bar(symbol, last, now)
        previous = prices.close(symbol, prices.previous_session(last))
        change = round(bar.close - previous, 4)
        high, low = prices.year_range(symbol, last)
        high, low = max(high, bar.high), min(low, bar.low)
        zone, offset = _zone(last)
        known = fund(symbol)
        row: dict[str, Any] = {
            "language": "en-US",
            "region": "US",
            "quoteType": "ETF" if known else "EQUITY",
            "typeDisp": "ETF" if known else "Equity",
            "quoteSourceName": "Nasdaq Real Time Price",
            "triggerable": True,
            "customPriceAlertConfidence": "HIGH",
            "currency": known.currency if known else "USD",
            "shortName": name(symbol),
            "longName": name(symbol),
            "regularMarketChangePercent": round(change / previous * 100, 6),
            "regularMarketPrice": bar.close,
            "hasPrePostMarketData": True,
            "firstTradeDateMilliseconds": _stamp(prices.session_open(date(2020, 1, 2))) * 1000,
            "priceHint": 2,
            "regularMarketChange": change,
            "regularMarketDayHigh": bar.high,
            "regularMarketDayRange": f"{bar.low} - {bar.high}",
            "regularMarketDayLow": bar.low,
            "regularMarketVolume": bar.volume,
            "regularMarketPreviousClose": previous,
            "fullExchangeName": "NasdaqGS",
            "financialCurrency": "USD",
            "regularMarketOpen": bar.open,
            "fiftyTwoWeekRange": f"{low} - {high}",
            "fiftyTwoWeekLow": low,
            "fiftyTwoWeekHigh": high,
            "sourceInterval": 15,
            "exchangeDataDelayedBy": 0,
            "tradeable": False,
            "cryptoTradeable": False,
            "regularMarketTime": _stamp(min(now, prices.session_close(last))),
            "marketState": state,
            "exchange": known.exchange if known else "NMS",
            "exchangeTimezoneName": "America/New_York",
            "exchangeTimezoneShortName": zone,
            "gmtOffSetMilliseconds": offset * 1000,
            "market": "us_market",
            "esgPopulated": False,
            "displayName": name(symbol).split(",")[0],
            "symbol": symbol,
        }
        if known is None:  # a fund reports no earnings
            earnings = _stamp(next_release(symbol, now))
            row.update(
                {
                    "earningsTimestamp": earnings,
                    "earningsTimestampStart": earnings,
                    "earningsTimestampEnd": earnings,
                    "isEarningsDateEstimate": False,
                }
            )
        else:
            row["fullExchangeName"] = known.exchange_name
        rows.append(row)
    return json.dumps({"quoteResponse": {"result": rows, "error": None}})


def calendar(symbol: str, now: datetime, modules: Sequence[str] = ("calendarEvents",)) -> str:
    """quoteSummary calendarEvents (the next results date and the Street's consensus for it),
    and the modules of the Street's view asked beside it (demo/street.py)."""
    coming = _stamp(next_release(symbol, now))
    earnings = {
        "earningsDate": [coming],
        "earningsCallDate": [coming + 1500],
        "isEarningsDateEstimate": False,
    }
    street = street_modules(symbol, now)
    if "earningsTrend" in modules or "earningsHistory" in modules:
        earnings.update(street.pop("calendar"))
    body: dict[str, Any] = {"calendarEvents": {"maxAge": 1, "earnings": earnings}}
    body.update({name: street[name] for name in modules if name in street})
    return json.dumps({"quoteSummary": {"result": [body], "error": None}})
