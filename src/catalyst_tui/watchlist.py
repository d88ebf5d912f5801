"""What the screens show, composed from the store's records: watchlist rows with their position
figures and totals, the ticker page. Plain data, no textual and no SQL; the
screens put it into words and cells."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from .market.models import LastQuote, Split
from .store import Store
from .store.records import (
    CheckpointRecord,
    DueCheckpoint,
    EventRecord,
    EvidenceRecord,
    Health,
    TickerRecord,
    WatchRecord,
)
from .thesis.metrics import Observation, observe
from .thesis.positions import AdjustedLot, adjusted

__all__ = [
    "FUNDAMENTALS",
    "SORTS",
    "CheckpointRecord",
    "EventRecord",
    "EvidenceRecord",
    "Figure",
    "Health",
    "NextDue",
    "TickerDetail",
    "Totals",
    "WatchRow",
    "Watchlist",
    "format_age",
    "health_text",
    "load_ticker",
    "load_watchlist",
    "sort_rows",
]

SPARK_DAYS = 30


def format_age(age: dt.timedelta | None) -> str:
    """An age as its largest whole unit: 45s, 12m, 3h, 2d; "never" for none."""
    if age is None:
        return "never"
    seconds = max(0, int(age.total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def health_text(health: Health, now: dt.datetime) -> str:
    """'refreshed 5m ago · yahoo 9 · 1 stale' or 'no data yet'."""
    if health.last_refresh is None:
        return "no data yet: press r to refresh"
    parts = [f"refreshed {format_age(now - health.last_refresh)} ago"]
    parts += [f"{source} {count}" for source, count in sorted(health.sources.items())]
    if health.stale:
        parts.append(f"{health.stale} stale")
    parts += [f"{kind} failed {count}" for kind, count in sorted(health.failed.items())]
    parts += [
        f"{provider} paused until {until.astimezone():%H:%M}"
        for provider, until in sorted((health.paused_until or {}).items())
        if until > now
    ]
    return " · ".join(parts)


def health_ok(health: Health, now: dt.datetime | None = None) -> bool:
    paused = now is not None and any(u > now for u in (health.paused_until or {}).values())
    return health.last_refresh is not None and not health.stale and not health.failed and not paused


# (key, label) in the order `s` cycles through them.
SORTS: tuple[tuple[str, str], ...] = (
    ("file", "file order"),
    ("symbol", "symbol"),
    ("day", "day change"),
    ("pnl", "P&L %"),
    ("weight", "weight"),
    ("thesis", "thesis (misses first)"),
    ("due", "next due"),
)


class NextDue(NamedTuple):
    """A ticker's next due checkpoint, with the days left from today."""

    checkpoint_id: str
    title: str
    due: dt.date
    days_left: int


class WatchRow(NamedTuple):
    """One row of the watchlist: the stored quote's figures, the position's, the thesis score."""

    symbol: str
    name: str
    group: str
    position: int
    price: float | None = None
    change: float | None = None
    change_pct: float | None = None
    currency: str | None = None
    # the trade outside the regular session ("pre" or "post"), and the market's state
    ext_session: str | None = None
    ext_price: float | None = None
    ext_change_pct: float | None = None
    market_state: str | None = None
    fetched_at: dt.datetime | None = None
    source: str | None = None
    stale: bool = False
    error: str = ""
    spark: tuple[float, ...] = ()
    shares: float | None = None
    basis: float | None = None
    value: float | None = None
    pnl: float | None = None
    pnl_pct: float | None = None
    day_pnl: float | None = None
    weight: float | None = None
    met: int = 0
    missed: int = 0
    pending: int = 0
    flagged: int = 0
    next_due: NextDue | None = None
    earnings: dt.date | None = None
    earnings_estimate: bool = False
    uncertain: bool = False  # a lot without a date, of a symbol that has split

    @property
    def has_quote(self) -> bool:
        return self.price is not None


class Totals(NamedTuple):
    value: float = 0.0
    basis: float = 0.0
    day_pnl: float = 0.0
    positions: int = 0
    unpriced: tuple[str, ...] = ()

    @property
    def priced(self) -> int:
        return self.positions - len(self.unpriced)

    @property
    def pnl(self) -> float:
        return self.value - self.basis

    @property
    def pnl_pct(self) -> float | None:
        return self.pnl / self.basis if self.basis > 0 else None


@dataclass
class Watchlist:
    rows: list[WatchRow]
    health: Health
    now: dt.datetime
    groups: list[str] = field(default_factory=list)

    def totals(self, group: str | None = None) -> Totals:
        rows = [r for r in self.rows if group is None or r.group == group]
        held = [r for r in rows if r.shares]
        priced = [r for r in held if r.value is not None]
        return Totals(
            value=sum(r.value or 0.0 for r in priced),
            basis=sum(r.basis or 0.0 for r in priced),
            day_pnl=sum(r.day_pnl or 0.0 for r in priced),
            positions=len(held),
            unpriced=tuple(r.symbol for r in held if r.value is None),
        )

    def visible(self, group: str | None, text: str = "", sort: str = "file") -> list[WatchRow]:
        """The rows of one group (None: all) whose symbol, name or group contain `text`,
        sorted by `sort` (one of SORTS); rows without the sort's value go last."""
        needle = text.strip().lower()
        rows = [
            r
            for r in self.rows
            if (group is None or r.group == group)
            and (
                not needle
                or needle in r.symbol.lower()
                or needle in r.name.lower()
                or needle in r.group.lower()
            )
        ]
        return sort_rows(rows, sort)

    def row(self, symbol: str) -> WatchRow | None:
        return next((r for r in self.rows if r.symbol == symbol), None)


_SORT_KEYS: dict[str, Callable[[WatchRow], object]] = {
    "day": lambda r: None if r.change_pct is None else -r.change_pct,
    "pnl": lambda r: None if r.pnl_pct is None else -r.pnl_pct,
    "weight": lambda r: None if r.weight is None else -r.weight,
    "thesis": lambda r: (-r.flagged, -r.missed, -r.pending, r.position),
    "due": lambda r: None if r.next_due is None else r.next_due.days_left,
}


def sort_rows(rows: list[WatchRow], sort: str) -> list[WatchRow]:
    if sort == "symbol":
        return sorted(rows, key=lambda r: r.symbol)
    keyed = _SORT_KEYS.get(sort)
    if keyed is None:
        return sorted(rows, key=lambda r: r.position)
    present = [r for r in rows if keyed(r) is not None]
    absent = [r for r in rows if keyed(r) is None]
    by_key = sorted(present, key=lambda r: (keyed(r), r.position))
    return by_key + sorted(absent, key=lambda r: r.position)


def load_watchlist(store: Store, now: dt.datetime, today: dt.date) -> Watchlist:
    records = store.views.watch_rows()
    closes = store.views.recent_closes(
        [r.symbol for r in records], today - dt.timedelta(days=SPARK_DAYS)
    )
    values = {
        r.symbol: r.shares * price
        for r in records
        if r.shares and (price := _price(r.last)) is not None
    }
    total = sum(values.values())
    rows = [
        _watch_row(r, position, values.get(r.symbol), total, closes.get(r.symbol, ()), today)
        for position, r in enumerate(records)
    ]
    groups = list(dict.fromkeys(r.group for r in rows))
    return Watchlist(rows, store.views.health(), now, groups)


def _price(last: LastQuote | None) -> float | None:
    return None if last is None else last.price


def _watch_row(
    r: WatchRecord,
    position: int,
    value: float | None,
    total: float,
    spark: Iterable[float],
    today: dt.date,
) -> WatchRow:
    last = r.last
    quote = last.quote if last is not None else None
    change = quote.change if quote else None
    if quote is not None and change is None and quote.prev_close:
        change = quote.price - quote.prev_close
    basis = r.basis if r.shares else None
    return WatchRow(
        symbol=r.symbol,
        name=r.name,
        group=r.group,
        position=position,
        price=quote.price if quote else None,
        change=change,
        change_pct=quote.change_pct if quote else None,
        currency=quote.currency if quote else None,
        ext_session=quote.ext_session if quote else None,
        ext_price=quote.ext_price if quote else None,
        ext_change_pct=quote.ext_change_pct if quote else None,
        market_state=quote.market_state if quote else None,
        fetched_at=last.fetched_at if last else None,
        source=quote.source if quote else None,
        stale=bool(last and last.stale),
        error=last.error if last else "",
        spark=tuple(spark),
        shares=r.shares,
        basis=basis,
        value=value,
        pnl=None if value is None or basis is None else value - basis,
        pnl_pct=(value / basis - 1) if value is not None and basis else None,
        day_pnl=None if value is None or change is None or not r.shares else change * r.shares,
        weight=(value / total) if value is not None and total > 0 else None,
        met=r.met,
        missed=r.missed,
        pending=r.pending,
        flagged=r.flagged,
        next_due=_next_due(r.next_due, today),
        earnings=r.earnings.day if r.earnings else None,
        earnings_estimate=bool(r.earnings and r.earnings.estimate),
        uncertain=r.uncertain,
    )


def _next_due(due: DueCheckpoint | None, today: dt.date) -> NextDue | None:
    if due is None:
        return None
    return NextDue(due.checkpoint_id, due.title, due.due, (due.due - today).days)


# -- the ticker page ---------------------------------------------------------------------------

FUNDAMENTALS = (
    ("revenue_q", "Revenue (latest quarter)"),
    ("gross_margin", "Gross margin"),
    ("operating_margin", "Operating margin"),
    ("eps_ttm", "EPS (TTM, diluted)"),
    ("pe_ttm", "P/E (TTM)"),
    ("market_cap", "Market cap"),
)


class Figure(NamedTuple):
    """One fundamentals line: the metric and what was observed of it."""

    metric: str
    label: str
    observed: Observation


class TickerDetail(NamedTuple):
    ticker: TickerRecord
    row: WatchRow | None
    lots: list[AdjustedLot]  # on today's share basis, after the splits
    fundamentals: list[Figure]
    checkpoints: list[CheckpointRecord]
    history: list[tuple[dt.date, float]]
    splits: list[Split]  # newest first
    evidence: list[EvidenceRecord]  # passages not dismissed, newest document first

    @property
    def symbol(self) -> str:
        return self.ticker.symbol


def load_ticker(
    store: Store,
    symbol: str,
    now: dt.datetime,
    today: dt.date,
    *,
    sec_configured: bool,
    watchlist: Watchlist | None = None,
) -> TickerDetail | None:
    ticker = store.views.ticker(symbol)
    if ticker is None:
        return None
    watchlist = watchlist or load_watchlist(store, now, today)
    snap = store.market.snapshot(now, sec_configured=sec_configured, symbol=symbol)
    figures = [Figure(m, label, observe(m, symbol, snap)) for m, label in FUNDAMENTALS]
    since = today - dt.timedelta(days=5 * 366)
    splits = store.views.splits(symbol)
    oldest_first = sorted(splits, key=lambda s: s.day)
    return TickerDetail(
        ticker=ticker,
        row=watchlist.row(symbol),
        lots=[adjusted(lot, oldest_first) for lot in store.views.lots(symbol)],
        fundamentals=figures,
        checkpoints=store.views.checkpoints(symbol),
        history=store.views.price_history(symbol, since),
        splits=splits,
        evidence=store.evidence.passages(symbol),
    )
