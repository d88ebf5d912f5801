"""The one shape of a data source, and its kinds: quotes (with history), earnings dates, FX rates,
headlines, fundamentals and filings (the last two are SEC EDGAR's, market/sec/client.py).

A source is a class with a `name` (its rate limit and its messages go by it) and a base URL from
the config. Each of its fetches has OpenBB's three steps: build the request (pure), get the raw
body through the shared MarketClient (the only step that talks to the network), transform the body
into the standard records of market/models.py (pure, tested on recorded bodies). Async methods
raise FetchError; `transform_quotes` and `fetch_quotes` return one Quote or FetchError per symbol
instead, because a batch answer can be good for one symbol and bad for the next. SEC EDGAR
(sec_client.py) is a Source with fundamentals fetches of its own.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from .http.errors import raise_for_status
from .models import (
    Bar,
    Companies,
    Dividend,
    EarningsDate,
    Fact,
    FetchError,
    FiledValue,
    FxRate,
    Headline,
    Quote,
    Split,
)

if TYPE_CHECKING:  # the providers' modules are read at start-up (their specs): no HTTP stack
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from datetime import date, datetime, timedelta

    from .estimates import Estimates
    from .http.client import MarketClient
    from .intraday import IntradayChart
    from .sec.filings import Filing, IndexDocument

log = logging.getLogger(__name__)

QuoteResult = Quote | FetchError
# Malformed-but-parseable bodies (a list where an object was expected, a string for a number)
# surface from the transforms as these; they are the provider's fault, reported as "bad_body".
BODY_SHAPE_ERRORS = (KeyError, IndexError, TypeError, ValueError, AttributeError)


class History(NamedTuple):
    """Daily bars from a start day, oldest first, and the splits the source reported in that
    window (the bars are on the basis after them)."""

    bars: list[Bar]
    splits: tuple[Split, ...] = ()
    dividends: tuple[Dividend, ...] = ()  # cash dividends by ex-date, on the bars' basis


class RequestSpec(NamedTuple):  # not a dataclass: this module is read at start-up (the specs)
    """One HTTP request for `symbols`. The URL is complete, query included, because Stooq's
    `s=a.us+b.us&...&h` is not a key=value mapping that an encoder would leave alone."""

    url: str
    symbols: tuple[str, ...]
    headers: tuple[tuple[str, str], ...] = ()


class Source(ABC):  # noqa: B024 - the shared shape, no method every kind must have
    """A data provider's endpoints: `name` for rate limits and messages, `base_url` from the
    config (providers.<name>.base_url)."""

    name: ClassVar[str]
    base_url: str


class QuoteProvider(Source):
    """One quote source. Subclasses set `name`, and `batch_size` when one request serves many."""

    batch_size: int = 1
    has_history: ClassVar[bool] = False
    fallback: str = ""  # why this pass does not ask the way it should (no crumb), for people
    # Next earnings dates its quote answers carried, by symbol (None: none ahead): Yahoo's v7.
    earnings_seen: Mapping[str, EarningsDate | None] = MappingProxyType({})

    async def uses_batches(self, client: MarketClient) -> bool:
        """Whether this pass asks for quotes in batches (one request, many symbols) or one
        symbol at a time (with its history in the same request where the source allows)."""
        return self.batch_size > 1

    def supports(self, symbol: str) -> bool:
        """Whether this source carries the symbol at all (Stooq: US equities only)."""
        return True

    @abstractmethod
    def build_quote_requests(self, symbols: Sequence[str]) -> list[RequestSpec]:
        """The requests that fetch quotes for `symbols` (all supported), at most batch_size each."""

    async def fetch_raw(self, client: MarketClient, spec: RequestSpec) -> str:
        """The body of one request; FetchError for transport failures and error statuses."""
        symbol = spec.symbols[0] if len(spec.symbols) == 1 else None
        response = await client.get(self.name, spec.url, headers=dict(spec.headers), symbol=symbol)
        raise_for_status(response, self.name, symbol)
        return response.text

    @abstractmethod
    def transform_quotes(self, body: str, symbols: Sequence[str]) -> dict[str, QuoteResult]:
        """A Quote or a FetchError for each of `symbols` from one raw body. Never raises."""

    async def fetch_quotes(
        self, client: MarketClient, symbols: Sequence[str]
    ) -> dict[str, QuoteResult]:
        """Build, fetch (requests concurrently) and transform: a result for every symbol."""
        results: dict[str, QuoteResult] = {}
        supported = []
        for symbol in dict.fromkeys(symbols):
            if self.supports(symbol):
                supported.append(symbol)
            else:
                results[symbol] = FetchError(
                    "unknown_symbol", f"{self.name} does not carry this symbol", self.name, symbol
                )
        import asyncio  # loaded with the client: this module is read at start-up (the specs)

        specs = self.build_quote_requests(supported) if supported else []
        for answer in await asyncio.gather(*(self._fetch_one(client, spec) for spec in specs)):
            results.update(answer)
        return results

    async def _fetch_one(self, client: MarketClient, spec: RequestSpec) -> dict[str, QuoteResult]:
        try:
            body = await self.fetch_raw(client, spec)
            with body_shape(self.name):
                return self.transform_quotes(body, spec.symbols)
        except FetchError as error:
            return {symbol: error.for_symbol(symbol) for symbol in spec.symbols}

    async def fetch_history(self, client: MarketClient, symbol: str, start: date | None) -> History:
        """Daily bars from `start` (inclusive) to today; None = one year back. No bars if the
        source keeps no history."""
        return History([])

    async def fetch_quote_and_history(
        self, client: MarketClient, symbol: str, start: date | None
    ) -> tuple[Quote, History]:
        """The quote and the history since `start`, in one request where the source allows it."""
        result = (await self.fetch_quotes(client, [symbol]))[symbol]
        if isinstance(result, FetchError):
            raise result
        history = await self.fetch_history(client, symbol, start) if self.has_history else None
        return result, history or History([])


class EarningsSource(Source):
    """Where the next earnings date of a symbol comes from."""

    @abstractmethod
    async def next_earnings(
        self, client: MarketClient, symbol: str, today: date
    ) -> EarningsDate | None:
        """The earliest date >= today, None when the source knows none; FetchError when it
        could not answer."""


class EstimatesSource(Source):
    """Where the Street's consensus of a symbol comes from (market/estimates.py)."""

    @abstractmethod
    async def estimates(self, client: MarketClient, symbol: str, today: date) -> Estimates | None:
        """What the source says of the symbol (with its next earnings date); None for one it
        keeps no estimates of; FetchError when it could not answer."""


class FxSource(Source):
    """Where currency rates come from. One that publishes on a schedule (the ECB: once a working
    day) says how often it is worth asking (`every`; after a failure, `retry`): the refresh
    keeps when it last asked, per pair."""

    every: ClassVar[timedelta | None] = None  # None: asked at every refresh that needs a rate
    retry: ClassVar[timedelta | None] = None
    title: ClassVar[str]  # for people: "not listed by the ECB"

    @abstractmethod
    async def fetch_rates(
        self,
        client: MarketClient,
        currencies: Sequence[str],
        base: str,
        since: Callable[[str], date | None],
    ) -> list[FxRate]:
        """The rates of `currencies` in `base` it has (with their history from `since(currency)`
        where it keeps one); FetchError when it could not answer at all."""

    async def fetch_days(
        self,
        client: MarketClient,
        currencies: Sequence[str],
        base: str,
        days: Sequence[date],
        today: date,
    ) -> list[FxRate]:
        """The rates of `currencies` in `base` of past `days` (a trade's), each that day's or
        the last published within a week before it; none from a source that keeps no history
        of its own (the ECB's does); FetchError when it could not answer at all."""
        return []


class NewsSource(Source):
    """Where the headlines of a symbol come from."""

    @abstractmethod
    async def headlines(self, client: MarketClient, symbol: str) -> list[Headline]:
        """The latest headlines, in the feed's order; FetchError when it could not answer, or
        models.FormatError (market/news.py NewsFormatError) for a body that is no feed."""


class FeedSource(Source):
    """Where a ticker's own news feeds (RSS 2.0, Atom) and the pages their items link to come
    from: the feeds are the ticker's (`feeds = [...]` in catalysts.toml), not the source's."""

    @abstractmethod
    async def items(self, client: MarketClient, url: str, symbol: str) -> list[Headline]:
        """The feed's items, in its order; FetchError when it could not answer, or
        models.FormatError for a body that is no feed."""

    @abstractmethod
    async def page(self, client: MarketClient, url: str, symbol: str) -> bytes:
        """The body of the page an item links to; FetchError when it cannot be had."""


class IntradaySource(Source):
    """Where a day's or a few days' intraday bars come from, when a chart shows them."""

    @abstractmethod
    async def intraday(
        self, client: MarketClient, symbol: str, span: str, now: datetime
    ) -> IntradayChart:
        """The chart of `symbol` over `span` (a key of market.intraday SPANS); FetchError when
        it gives none."""


class ByCik(Source):
    """A source whose companies go by their CIK, found in the ticker -> CIK map."""

    def cik_of(self, symbol: str, ciks: Mapping[str, str]) -> str | None:
        """The CIK of `symbol` in `ciks` (None: not a company the map knows)."""
        return ciks.get(symbol)


class FundamentalsSource(ByCik):
    """Where reported values come from, by a company's CIK."""

    @abstractmethod
    async def fetch_cik_map(self, client: MarketClient) -> dict[str, str]:
        """{ticker: 10-digit CIK}."""

    async def fetch_companies(self, client: MarketClient) -> Companies:
        """Each ticker's CIK and its company's name (none from a source that gives no names)."""
        return Companies(await self.fetch_cik_map(client), {})

    @abstractmethod
    async def fetch_facts(self, client: MarketClient, cik: str) -> list[Fact]:
        """The company's facts (market/models.py Fact), each period once."""

    async def fetch_filed(
        self, client: MarketClient, cik: str
    ) -> tuple[list[Fact], list[FiledValue]]:
        """The facts, and every value as each filing stated it (none from a source that keeps
        no filings' values): what replay reads as known on a day (store/history.py)."""
        return await self.fetch_facts(client, cik), []


class FilingIndex(NamedTuple):
    """What a filing's index page says (`FilingsSource.read_index`)."""

    exhibits: tuple[IndexDocument, ...]  # its press releases and the like, in the index's order
    release: IndexDocument | None  # the one an earnings release is in (None: none)
    accepted: datetime | None  # when the page says it was accepted (None: it does not)


class FilingsSource(ByCik):
    """Where a company's filings and their documents come from. Its readers raise
    models.FormatError (a subclass) for a body that is not its format."""

    archives_url: str  # where the filing indexes and documents are

    @abstractmethod
    async def fetch_submissions(
        self, client: MarketClient, cik: str, page: str | None = None
    ) -> bytes:
        """The list of a company's filings (or one older page of it), as the source wrote it."""

    @abstractmethod
    async def fetch_archive(
        self, client: MarketClient, url: str, cik: str | None = None, max_bytes: int | None = None
    ) -> bytes:
        """A filing index or document; `max_bytes`: the bound of a reader's own (XBRL's)."""

    @abstractmethod
    async def filings(
        self, client: MarketClient, cik: str, back_to: datetime | None = None
    ) -> list[Filing]:
        """The company's recent filings; with `back_to`, those of the next older page too when
        the recent ones do not reach back to it (a prolific filer's year)."""

    @abstractmethod
    def read_index(self, page: bytes) -> FilingIndex:
        """A filing's index page (pure)."""

    @abstractmethod
    def read_xbrl_files(self, page: bytes) -> tuple[IndexDocument | None, IndexDocument | None]:
        """A 10-Q's or 10-K's XBRL instance and label file as its index page lists them (None:
        not listed; the primary document is the inline XBRL then). Pure."""


@contextmanager
def body_shape(provider: str, symbol: str | None = None) -> Iterator[None]:
    """Turn the exceptions of reading a malformed-but-parseable body into FetchError bad_body."""
    try:
        yield
    except BODY_SHAPE_ERRORS as exc:
        raise shape_error(exc, provider, symbol) from None


def shape_error(exc: Exception, provider: str, symbol: str | None = None) -> FetchError:
    """The FetchError bad_body of a malformed-but-parseable body (one of BODY_SHAPE_ERRORS): for
    a loop over many rows, where a `try` costs nothing and a `with body_shape` a generator each."""
    log.debug("%s: unexpected body shape", provider, exc_info=True)
    return FetchError("bad_body", f"unexpected answer shape ({exc!r})", provider, symbol)
