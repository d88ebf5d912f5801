"""Yahoo's v7 quote batch: `/v7/finance/quote?symbols=A,B,...&crumb=` → a Quote per symbol, with
the pre- or post-market trade and the market state, and the next earnings dates it carries.

`regularMarketChangePercent` is in percent (1.27 for +1.27%); a Quote's is a fraction. The
pre-market fields are there only while PRE, the post-market ones after the close; the later of the
two (if later than the regular session's last trade) is the quote's extended-hours trade. A symbol
the batch leaves out is unknown to Yahoo.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as url_quote

from ..bounds import checked_earnings, checked_quote
from ..exchanges import listing_today, listing_zone
from ..http.errors import html_page
from ..models import MARKET_STATES, EarningsDate, ExtSession, FetchError, Quote
from ..provider import BODY_SHAPE_ERRORS, QuoteResult, body_shape, shape_error
from ..symbols import yahoo_path, yahoo_symbol
from ..values import decode_json, epoch, number, positive, whole

if TYPE_CHECKING:
    from datetime import date, datetime

BATCH_SIZE = 100  # symbols per request, what ticker and mop send
# The fields this module reads: asked for by name, Yahoo answers them and its two dozen fields it
# always sends (recorded: realdata/more/yahoo_quote/*-fields-*.json), not the 86 of a full row,
# so a batch is half the bytes to read.
FIELDS = (
    "symbol",
    "currency",
    "marketState",
    "regularMarketPrice",
    "regularMarketTime",
    "regularMarketPreviousClose",
    "regularMarketChange",
    "regularMarketChangePercent",
    "regularMarketDayHigh",
    "regularMarketDayLow",
    "regularMarketVolume",
    "fiftyTwoWeekHigh",
    "fiftyTwoWeekLow",
    "preMarketPrice",
    "preMarketTime",
    "preMarketChange",
    "preMarketChangePercent",
    "postMarketPrice",
    "postMarketTime",
    "postMarketChange",
    "postMarketChangePercent",
    "earningsTimestamp",
    "earningsTimestampStart",
    "earningsTimestampEnd",
    "isEarningsDateEstimate",
)


def batch_url(base_url: str, symbols: Sequence[str], crumb: str) -> str:
    wanted = ",".join(map(yahoo_path, symbols))
    return (
        f"{base_url}/v7/finance/quote?symbols={wanted}&fields={','.join(FIELDS)}"
        f"&crumb={url_quote(crumb, safe='')}"
    )


def batch_results(body: str) -> list[dict[str, Any]]:
    """`quoteResponse.result` of a batch; FetchError for every way the body is not one."""
    text = body.lstrip()
    if text.startswith("<"):
        raise html_page("yahoo", "quote JSON")
    data = decode_json(text, "yahoo")
    response = data.get("quoteResponse") if isinstance(data, dict) else None
    if not isinstance(response, dict):
        raise FetchError("bad_body", "no 'quoteResponse' object in the answer", "yahoo")
    if response.get("error"):
        raise FetchError("bad_body", f"quoteResponse error: {response['error']!r:.80}", "yahoo")
    results = response.get("result")
    if not isinstance(results, list):
        raise FetchError("bad_body", "quoteResponse.result is not a list", "yahoo")
    return [r for r in results if isinstance(r, dict)]


def batch_rows(body: str) -> list[dict[str, Any]] | FetchError:
    """The rows of a batch (decoded once), or why its body fails every symbol in it."""
    try:
        with body_shape("yahoo"):
            return batch_results(body)
    except FetchError as error:
        return error


def quotes_from_batch(body: str, symbols: Sequence[str], now: datetime) -> dict[str, QuoteResult]:
    """A Quote or FetchError for each of `symbols`; a bad body fails them all."""
    rows = batch_rows(body)
    if isinstance(rows, FetchError):
        return {symbol: rows.for_symbol(symbol) for symbol in symbols}
    return quotes_from_rows(rows, symbols, now)


def quotes_from_rows(
    rows: list[dict[str, Any]], symbols: Sequence[str], now: datetime
) -> dict[str, QuoteResult]:
    return quotes_of(rows_by_symbol(rows, symbols), symbols, now)


def quotes_of(
    found: Mapping[str, dict[str, Any]], symbols: Sequence[str], now: datetime
) -> dict[str, QuoteResult]:
    """A Quote or FetchError for each of `symbols`, from its row (`rows_by_symbol`); a symbol
    without one is unknown to Yahoo."""
    out: dict[str, QuoteResult] = {}
    for symbol in symbols:
        row = found.get(symbol)
        if row is None:
            out[symbol] = FetchError(
                "unknown_symbol",
                "Yahoo knows no such symbol (not in its quote batch)",
                "yahoo",
                symbol,
            )
            continue
        try:
            out[symbol] = quote_from_row(row, symbol, now)
        except FetchError as error:
            out[symbol] = error
        except BODY_SHAPE_ERRORS as exc:
            out[symbol] = shape_error(exc, "yahoo", symbol)
    return out


def earnings_from_batch(
    body: str, symbols: Sequence[str], today: date
) -> dict[str, EarningsDate | None]:
    rows = batch_rows(body)
    return {} if isinstance(rows, FetchError) else earnings_from_rows(rows, symbols, today)


def earnings_from_rows(
    rows: list[dict[str, Any]], symbols: Sequence[str], today: date
) -> dict[str, EarningsDate | None]:
    """The next earnings date each batch row gives (None: the row has none ahead); symbols with
    no row, or a row that cannot be read, are left out, to be asked of quoteSummary."""
    out: dict[str, EarningsDate | None] = {}
    for symbol, row in rows_by_symbol(rows, symbols).items():
        found = _read_earnings(row, symbol, today)
        if not isinstance(found, FetchError):
            out[symbol] = found
    return out


class EarningsSeen(Mapping[str, "EarningsDate | None"]):
    """The next earnings date each batch row carries (None: none ahead), read from the row only
    when asked for: earnings dates are due once a day, so most refreshes ask for none of them
    and read no row's three timestamps. A symbol without a row, or whose row cannot be read,
    is not in it (to be asked of quoteSummary)."""

    def __init__(self) -> None:
        self._rows: dict[str, tuple[dict[str, Any], datetime]] = {}
        self._read: dict[str, EarningsDate | None | FetchError] = {}

    def add(self, found: Mapping[str, dict[str, Any]], now: datetime) -> None:
        """The rows of one batch (`rows_by_symbol`), each to be read as of its exchange's today
        at `now` (the zone its row states, else its suffix's: market/exchanges.py)."""
        for symbol, row in found.items():
            self._rows[symbol] = (row, now)
            self._read.pop(symbol, None)

    def __getitem__(self, symbol: str) -> EarningsDate | None:
        found = self._read.get(symbol, _UNREAD)
        if found is _UNREAD:
            row, now = self._rows[symbol]  # KeyError: no row
            today = listing_today(symbol, now, row.get("exchangeTimezoneName"))
            found = _read_earnings(row, symbol, today)
            self._read[symbol] = found
        if isinstance(found, FetchError):
            raise KeyError(symbol)
        return found  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str]:
        return (symbol for symbol in list(self._rows) if symbol in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


_UNREAD = object()


def _read_earnings(
    row: dict[str, Any], symbol: str, today: date
) -> EarningsDate | None | FetchError:
    try:
        return earnings_from_row(row, symbol, today)
    except FetchError as error:
        return error
    except BODY_SHAPE_ERRORS as exc:
        return shape_error(exc, "yahoo", symbol)


def quote_from_row(row: dict[str, Any], symbol: str, now: datetime) -> Quote:
    get = row.get
    price = positive(get("regularMarketPrice"))
    if price is None:
        raise bad_body(symbol, f"no price (regularMarketPrice={get('regularMarketPrice')!r:.40})")
    market_time = epoch(get("regularMarketTime"), "yahoo", symbol)
    if market_time is None:
        raise bad_body(symbol, "no regularMarketTime in the quote")
    prev_close = positive(get("regularMarketPreviousClose"))
    change = number(get("regularMarketChange"))
    if change is None and prev_close is not None:
        change = price - prev_close
    percent = number(get("regularMarketChangePercent"))
    state = get("marketState")
    currency = get("currency")
    session, ext_price, ext_change, ext_percent, ext_time = _extended(row, symbol, market_time)
    quote = Quote(
        symbol=symbol,
        price=price,
        prev_close=prev_close,
        change=change,
        change_pct=percent / 100 if percent is not None else None,
        currency=currency if type(currency) is str else None,
        market_state=state if type(state) is str and state in MARKET_STATES else None,  # type: ignore[arg-type]
        quote_time=market_time,
        source="yahoo",
        day_high=positive(get("regularMarketDayHigh")),
        day_low=positive(get("regularMarketDayLow")),
        volume=whole(get("regularMarketVolume")),
        fifty_two_week_high=positive(get("fiftyTwoWeekHigh")),
        fifty_two_week_low=positive(get("fiftyTwoWeekLow")),
        ext_session=session,
        ext_price=ext_price,
        ext_change=ext_change,
        ext_change_pct=ext_percent / 100 if ext_percent is not None else None,
        ext_time=ext_time,
    )
    return checked_quote(quote, now)


_EARNINGS_KEYS = ("earningsTimestampStart", "earningsTimestampEnd", "earningsTimestamp")


def earnings_from_row(row: dict[str, Any], symbol: str, today: date) -> EarningsDate | None:
    """The earliest of earningsTimestampStart/End on or after today, as a day of the listing's
    exchange (the zone the row states, `exchangeTimezoneName`, else its suffix's)."""
    zone = listing_zone(symbol, row.get("exchangeTimezoneName"))
    days = []
    for key in _EARNINGS_KEYS:
        moment = epoch(row.get(key), "yahoo", symbol)
        if moment is not None and moment.astimezone(zone).date() >= today:
            days.append(moment.astimezone(zone).date())
    if not days:
        return None
    estimate = row.get("isEarningsDateEstimate")
    found = EarningsDate(
        symbol, min(days), "yahoo", bool(estimate) if estimate is not None else len(set(days)) > 1
    )
    return checked_earnings(found, today)


def rows_by_symbol(rows: list[dict[str, Any]], symbols: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each of `symbols`' row in a batch's rows (matched on Yahoo's spelling of the symbol)."""
    wanted = {yahoo_symbol(s): s for s in symbols}
    out = {}
    for row in rows:
        ours = wanted.get(str(row.get("symbol", "")).upper())
        if ours is not None:
            out[ours] = row
    return out


# The pre- and post-market fields, by session: price, time, change, change in percent.
_EXTENDED = tuple(
    (session, f"{prefix}Price", f"{prefix}Time", f"{prefix}Change", f"{prefix}ChangePercent")
    for session, prefix in (("pre", "preMarket"), ("post", "postMarket"))
)


def _extended(
    row: dict[str, Any], symbol: str, regular: datetime
) -> tuple[ExtSession | None, float | None, float | None, float | None, datetime | None]:
    """The latest of the pre- and post-market trades that came after the regular one."""
    best: tuple[ExtSession | None, float | None, float | None, float | None, datetime | None]
    best = (None, None, None, None, None)
    for session, price_key, time_key, change_key, percent_key in _EXTENDED:
        price = positive(row.get(price_key))
        if price is None:  # most rows: no trade in that session (the time is not read)
            continue
        moment = epoch(row.get(time_key), "yahoo", symbol)
        if moment is None or moment <= regular:
            continue
        if best[4] is None or moment > best[4]:
            best = (
                session,
                price,
                number(row.get(change_key)),  # type: ignore[assignment]
                number(row.get(percent_key)),
                moment,
            )
    return best


def bad_body(symbol: str, message: str) -> FetchError:
    """Yahoo's answer for `symbol` cannot be read (the chart's and the batch's)."""
    return FetchError("bad_body", message, "yahoo", symbol)
