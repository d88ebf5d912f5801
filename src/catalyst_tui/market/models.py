"""The market-data records every source transforms into (and the store keeps), FetchError, and
FetchKind: what is fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, NamedTuple, get_args

from ..reading.errors import FormatError as FormatError
from ..reading.headline import Headline as Headline

# US exchanges' hours and SEC EDGAR's filing days are New York time: declared in reading/.
from ..reading.moments import NEW_YORK as NEW_YORK
from ..reading.moments import market_day as market_day

if TYPE_CHECKING:
    from datetime import date, datetime, timedelta

# Yahoo v7 also says PREPRE (overnight before the pre-market) and POSTPOST (after post-market).
MarketState = Literal["REGULAR", "PRE", "POST", "CLOSED", "PREPRE", "POSTPOST"]
MARKET_STATES: frozenset[str] = frozenset(get_args(MarketState))
ExtSession = Literal["pre", "post"]
ErrorKind = Literal[
    "http", "rate_limited", "timeout", "network", "bad_body", "unknown_symbol", "quota", "auth"
]
ERROR_KINDS: frozenset[str] = frozenset(get_args(ErrorKind))

#: Two period ends this many days apart or fewer are one period: 52/53-week fiscal years end a few
#: days off the calendar's, and a quarter (or year) tagged twice overlaps itself by more.
SAME_PERIOD_DAYS = 7
#: A rate published this many days before a day, or fewer, stands for it when the day has none
#: of its own (a weekend's, a holiday's): a trade's conversion, and the rates asked for it.
RATE_WITHIN_DAYS = 7


class FetchKind(StrEnum):
    """What is fetched: what a provider serves (its ProviderSpec), and the kinds of fetch the
    store keeps the last time of (`store.market.due`, `mark_fetched`: the values are its keys)."""

    QUOTES = "quotes"
    HISTORY = "history"  # daily bars and the splits in their window
    EARNINGS = "earnings"  # the next earnings date
    FUNDAMENTALS = "fundamentals"  # reported values (SEC companyfacts)
    CIK_MAP = "cik_map"  # SEC's ticker -> CIK map
    FILINGS = "filings"  # a company's filings (SEC submissions)
    DOCUMENTS = "documents"  # the text of filings worth matching
    NEWS = "news"  # headlines
    FEEDS = "feeds"  # a ticker's own news feeds (RSS, Atom) and the pages their items link to
    FX = "fx"  # currency rates
    INTRADAY = "intraday"  # a day's or a few days' intraday bars, when a chart shows them
    ESTIMATES = "estimates"  # the Street's consensus, its trend and the past surprises
    SEGMENTS = "segments"  # revenue by product line of a 10-Q's or 10-K's XBRL (jobs/segments.py)


class Quote(NamedTuple):
    """The latest price of one symbol; `change_pct` is a fraction (0.0127 for +1.27%)."""

    symbol: str
    price: float
    prev_close: float | None
    change: float | None
    change_pct: float | None
    currency: str | None
    market_state: MarketState | None
    quote_time: datetime  # aware, UTC
    source: str
    day_high: float | None = None
    day_low: float | None = None
    volume: int | None = None
    fifty_two_week_high: float | None = None
    fifty_two_week_low: float | None = None
    # Outside the regular session: the pre- or post-market trade (Yahoo's v7 batch only)
    ext_session: ExtSession | None = None
    ext_price: float | None = None
    ext_change: float | None = None
    ext_change_pct: float | None = None  # a fraction, like change_pct
    ext_time: datetime | None = None


class YahooSession(NamedTuple):
    """Yahoo's A3 cookie (`name=value`) and the crumb it was given with; kept between runs and
    processes so that each does not ask for its own."""

    cookie: str
    crumb: str
    obtained_at: datetime  # aware, UTC


class Bar(NamedTuple):  # a tuple: 650k made per backfill, a third of a frozen dataclass's cost
    """One daily bar; `day` is the exchange-local trading day. The fields are in the prices
    table's order, which store/market_data.py `save_quotes` unpacks them in."""

    symbol: str
    day: date
    open: float
    high: float
    low: float
    close: float
    volume: int | None
    source: str


class Split(NamedTuple):
    """A stock split: from the session of `day` on, one old share is `numerator / denominator`
    new ones (10:1 is numerator 10, denominator 1), and prices are on the new basis."""

    symbol: str
    day: date
    numerator: float
    denominator: float

    @property
    def ratio(self) -> float:
        return self.numerator / self.denominator

    @property
    def text(self) -> str:
        return f"{self.numerator:g}:{self.denominator:g}"


class Dividend(NamedTuple):
    """A cash dividend: `amount` per share, in the listing's unit, paid to the shares held at
    the start of `day` (the ex-date); on the basis of the bars it came with (today's)."""

    symbol: str
    day: date
    amount: float


class EarningsDate(NamedTuple):
    """The next earnings date of a symbol; `estimate` when the company has not confirmed it."""

    symbol: str
    day: date
    source: str
    estimate: bool


class FiledValue(NamedTuple):
    """One value as one filing stated it (SEC companyfacts keeps every filing's): known from
    `filed` on, so a value restated later never stands for an earlier day (store/history.py)."""

    taxonomy: str  # "us-gaap", "dei"
    concept: str  # the filer's tag: "Revenues"
    unit: str  # "USD", "USD/shares", "shares"
    period_start: date | None  # None for an instant
    period_end: date
    value: float
    form: str
    filed: date
    accession: str


class Fact(NamedTuple):
    """One reported value for one period, in the project's vocabulary (sec.CONCEPT_ORDER)."""

    concept: str
    period_start: date | None  # None for instant facts (shares_outstanding)
    period_end: date
    value: float
    unit: str  # "USD", "USD/shares", "shares"
    form: str  # the filing the value came from ("10-Q", "10-K", ...)
    filed: date
    source_concept: str  # e.g. "us-gaap:Revenues", or how a derived value was computed
    # per-share values: what the filed value was divided by to be on the latest filing's share
    # basis (10.0 for a quarter filed before a 10:1 split); 1.0 when no restating was needed
    split_factor: float = 1.0


class FxRate(NamedTuple):
    """How many units of `base` one unit of `currency` is worth on `day`."""

    currency: str
    base: str
    day: date
    rate: float
    source: str


class LastQuote(NamedTuple):
    """A symbol's latest quote as kept between refreshes: the Quote (None before the first one
    arrived), when it was fetched, whether the last refresh failed to renew it, and why."""

    symbol: str
    quote: Quote | None
    fetched_at: datetime | None
    stale: bool
    error: str = ""

    @property
    def price(self) -> float | None:
        return None if self.quote is None else self.quote.price

    @property
    def change_pct(self) -> float | None:
        return None if self.quote is None else self.quote.change_pct

    @property
    def source(self) -> str | None:
        return None if self.quote is None else self.quote.source

    @property
    def usable(self) -> bool:
        """Fresh from the last refresh (not stale) and priced."""
        return self.quote is not None and not self.stale

    def age(self, now: datetime) -> timedelta | None:
        return None if self.fetched_at is None else now - self.fetched_at


class FetchError(Exception):
    """A provider gave no usable answer. `kind` says why, `message` says it to a human;
    `refused`: the answer was the provider turning this client away (a consent, block or
    proof-of-work page where data was asked for: http_errors.html_page)."""

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        provider: str = "",
        symbol: str | None = None,
        *,
        refused: bool = False,
    ) -> None:
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown FetchError kind {kind!r}")
        super().__init__(kind, message, provider, symbol)
        self.kind: ErrorKind = kind
        self.message = message
        self.provider = provider
        self.symbol = symbol
        self.refused = refused

    def for_symbol(self, symbol: str) -> FetchError:
        """The same failure, attributed to one symbol (a failed batch fails each of its symbols)."""
        return FetchError(self.kind, self.message, self.provider, symbol, refused=self.refused)

    def with_message(self, message: str) -> FetchError:
        """The same failure told differently (more detail, a secret redacted)."""
        return FetchError(self.kind, message, self.provider, self.symbol, refused=self.refused)

    def __str__(self) -> str:
        where = " ".join(part for part in (self.provider, self.symbol) if part)
        return f"{where}: {self.message}" if where else self.message

    def __repr__(self) -> str:
        return (
            f"FetchError(kind={self.kind!r}, message={self.message!r}, "
            f"provider={self.provider!r}, symbol={self.symbol!r}"
            + (", refused=True)" if self.refused else ")")
        )


@dataclass
class QuoteOutcome:
    """What one quote pass got for one symbol. `errors` holds every failure met on the way
    (providers that failed before one answered, a failed history fetch), also when `quote` is
    set."""

    symbol: str
    quote: Quote | None = None
    bars: list[Bar] = field(default_factory=list)
    errors: list[FetchError] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)  # seen in the history's window
    dividends: list[Dividend] = field(default_factory=list)  # likewise

    @property
    def ok(self) -> bool:
        return self.quote is not None

    @property
    def error_text(self) -> str:
        """The failures in one line: 'yahoo ALAB: HTTP 500; stooq ALAB: N/D'."""
        return "; ".join(str(e) for e in self.errors) or "no provider answered"


class Companies(NamedTuple):
    """SEC's ticker map (company_tickers.json): each ticker's CIK, and its company's name as SEC
    has it ("Astera Labs, Inc."; "" where it has none)."""

    ciks: dict[str, str]
    names: dict[str, str]
