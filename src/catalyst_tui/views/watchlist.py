"""The watchlist as the screens and `catalyst positions` read it: one row per ticker with its quote,
its position's figures in the base currency, its thesis score and verdict; totals per group; the
sort orders and the filter. Plain data, no textual and no SQL; the screens put it into words and
cells."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..market.currency import major, round_money
from ..thesis.catalogue import METRICS
from ..thesis.portfolio.book import book_at_risk
from ..thesis.reported.street import Money, price_over_eps, revision
from ..thesis.wording import reason_text
from .money import PositionMoney, booked, position_money
from .results import ReleaseMark, recent_marks
from .review import judged

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..market.estimates import Consensus
    from ..store import Store
    from ..store.records import DueCheckpoint, Health, WatchRecord
    from ..thesis.staleness import Stale
    from ..thesis.vocabulary import Verdict
    from .review import Judged

__all__ = [
    "LARGEST_FIRST",
    "SORTS",
    "NextDue",
    "Totals",
    "WatchRow",
    "Watchlist",
    "load_watchlist",
    "sort_rows",
]

SPARK_DAYS = 30


# (key, label) in the order `s` cycles through them; a metric's sort is its catalogue row's.
SORTS: tuple[tuple[str, str], ...] = (
    ("file", "file order"),
    ("symbol", "symbol"),
    ("day", "day change"),
    ("pnl", "P&L %"),
    METRICS["weight"].as_sort,
    ("thesis", "thesis (misses first)"),
    ("due", "next due"),
    METRICS["forward_pe"].as_sort,
)
# The sorts whose order (not reversed) is the largest first: the biggest gain, the most misses,
# and a metric's whose row says so (the heaviest weight); the others (symbol, next due, the
# forward P/E: the cheapest first) go up from the smallest.
LARGEST_FIRST = frozenset(
    {"day", "pnl", "thesis"} | {m.name for m in METRICS.values() if m.largest_first}
)


class NextDue(NamedTuple):
    """A ticker's next due checkpoint, with the days left from today."""

    checkpoint_id: str
    title: str
    due: dt.date
    days_left: int
    why: str = ""  # past due and still pending: why it can't be judged yet (its reason)


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
    # Currencies: value, basis, pnl, day_pnl and weight above are in the base currency; a
    # position with no FX rate has them None and its value in its own currency here.
    local_value: float | None = None  # shares × price, in the listing's unit (GBp)
    no_fx: bool = False  # held and priced, but no rate to the base currency
    realized: float | None = None  # all sales, base currency
    realized_year: float | None = None  # this calendar year's sales
    sold: bool = False  # there are sales
    release: ReleaseMark | None = None  # results released in the last few days: beat or miss
    # The Street: price / this fiscal year's EPS consensus (the metric forward_pe), and that
    # consensus now against 30 days ago (eps_revision_30d); None where not known.
    forward_pe: float | None = None
    revision: float | None = None
    verdict: Verdict | None = None  # the thesis's verdict (thesis/verdict.py)
    judged: tuple[int, int] = (0, 0)  # its coverage: checkpoints judged, of how many
    verdict_stale: Stale | None = None  # judged from data that stopped coming (thesis/staleness)

    @property
    def has_quote(self) -> bool:
        return self.price is not None

    @property
    def local_money(self) -> tuple[float, str] | None:
        """The local value as money, in the listing's currency (pounds for a GBp listing)."""
        if self.local_value is None or not self.currency:
            return None
        currency, divisor = major(self.currency)
        return self.local_value / divisor, currency


class Totals(NamedTuple):
    """Sums in the base currency of the positions that have a price and an FX rate;
    `unpriced` lists the held ones without a price, `no_fx` those without a rate."""

    value: float = 0.0
    basis: float = 0.0
    day_pnl: float = 0.0
    positions: int = 0
    unpriced: tuple[str, ...] = ()
    no_fx: tuple[str, ...] = ()
    realized_year: float | None = 0.0  # None: a sale's currency or FX rate is not known yet

    @property
    def priced(self) -> int:
        return self.positions - len(self.unpriced) - len(self.no_fx)

    @property
    def pnl(self) -> float:
        return self.value - self.basis

    @property
    def pnl_pct(self) -> float | None:
        return self.pnl / self.basis if self.basis > 0 else None

    @property
    def day_pct(self) -> float | None:
        """The day's change of what is held, against its value at the previous close."""
        before = self.value - self.day_pnl
        return self.day_pnl / before if before > 0 else None


@dataclass
class Watchlist:
    """The watchlist as its screen shows it: the rows, the database's health, the groups and the
    base currency the totals are in."""

    rows: list[WatchRow]
    health: Health
    groups: list[str] = field(default_factory=list)
    currency: str = "USD"  # the base currency

    def totals(self, group: str | None = None) -> Totals:
        rows = [r for r in self.rows if group is None or r.group == group]
        held = [r for r in rows if r.shares]
        priced = [r for r in held if r.value is not None]
        return Totals(
            value=sum(r.value or 0.0 for r in priced),
            basis=sum(r.basis or 0.0 for r in priced),
            day_pnl=sum(r.day_pnl or 0.0 for r in priced),
            positions=len(held),
            unpriced=tuple(r.symbol for r in held if r.value is None and not r.no_fx),
            no_fx=tuple(r.symbol for r in held if r.no_fx),
            realized_year=(
                None
                if any(r.sold and r.realized is None for r in rows)
                else sum(r.realized_year or 0.0 for r in rows)
            ),
        )

    def visible(
        self, group: str | None, text: str = "", sort: str = "file", *, reverse: bool = False
    ) -> list[WatchRow]:
        """The rows of one group (None: all) whose symbol, name or group contain `text`,
        sorted by `sort` (one of SORTS), `reverse`d; rows without the sort's value go last."""
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
        return sort_rows(rows, sort, reverse=reverse)

    def book_at_risk(self) -> float | None:
        """The share of the portfolio in tickers at risk or broken (thesis/portfolio/book.py, as
        `review`
        has it); None with no position held, or one without a price or rate (a share of an
        unknown total is no share)."""
        whole = self.totals()
        if not whole.positions or whole.unpriced or whole.no_fx:
            return None
        shares = {r.symbol: r.weight for r in self.rows if r.weight is not None}
        return book_at_risk(shares, {r.symbol: r.verdict for r in self.rows})

    def row(self, symbol: str) -> WatchRow | None:
        return next((r for r in self.rows if r.symbol == symbol), None)


def _by_metric(name: str) -> Callable[[WatchRow], object]:
    """A metric's sort: the row's field of its name, the largest first where its row says so."""
    sign = -1 if METRICS[name].largest_first else 1
    return lambda r: None if (value := getattr(r, name)) is None else sign * value


_SORT_KEYS: dict[str, Callable[[WatchRow], object]] = {
    "day": lambda r: None if r.change_pct is None else -r.change_pct,
    "pnl": lambda r: None if r.pnl_pct is None else -r.pnl_pct,
    "thesis": lambda r: (-r.flagged, -r.missed, -r.pending, r.position),
    "due": lambda r: None if r.next_due is None else r.next_due.days_left,
} | {key: _by_metric(key) for key, _ in SORTS if key in METRICS}


def sort_rows(rows: list[WatchRow], sort: str, *, reverse: bool = False) -> list[WatchRow]:
    """Rows by `sort`; `reverse` turns the order of the rows that have the value round, and
    those without it stay last either way."""
    if sort == "symbol":
        return sorted(rows, key=lambda r: r.symbol, reverse=reverse)
    keyed = _SORT_KEYS.get(sort)
    if keyed is None:
        return sorted(rows, key=lambda r: r.position, reverse=reverse)
    present = [r for r in rows if keyed(r) is not None]
    absent = [r for r in rows if keyed(r) is None]
    by_key = sorted(present, key=lambda r: (keyed(r), r.position))
    if reverse:
        by_key.reverse()
    return by_key + sorted(absent, key=lambda r: r.position)


def load_watchlist(store: Store, today: dt.date, *, currency: str = "USD") -> Watchlist:
    """The rows in file order, their figures in the base `currency` at the stored FX rates."""
    records = store.views.watch_rows()
    closes = store.views.recent_closes(
        [r.symbol for r in records], today - dt.timedelta(days=SPARK_DAYS)
    )
    rates = {c: r.rate for c, r in store.fx.latest(currency).items()}
    exact = {r.symbol: position_money(store, r, currency, rates, today) for r in records}
    total = sum(m.value for m in exact.values() if m.value is not None)  # weights: exact
    money = {symbol: booked(m, currency) for symbol, m in exact.items()}
    marks = recent_marks(store, today)
    verdicts = judged(store, quotes={r.symbol: r.last for r in records if r.last is not None})
    rows = [
        _watch_row(
            r,
            position,
            money[r.symbol],
            total,
            closes.get(r.symbol, ()),
            today,
            currency,
            exact[r.symbol].value,
            verdicts.get(r.symbol),
        )
        for position, r in enumerate(records)
    ]
    if marks:
        rows = [r._replace(release=marks.get(r.symbol)) for r in rows]
    years = store.estimates.fiscal_year_eps()
    if years:
        rows = [_with_street(r, years.get(r.symbol), currency, rates) for r in rows]
    groups = list(dict.fromkeys(r.group for r in rows))
    return Watchlist(rows, store.views.health(), groups, currency)


def _with_street(
    row: WatchRow, year: Consensus | None, base: str, rates: dict[str, float]
) -> WatchRow:
    """The row with its forward P/E (the consensus in the quote's money at the stored `rates`
    into `base`) and revision, as thesis/reported/street.py's metrics compute them."""
    if year is None:
        return row
    money = Money(row.currency, base, rates)
    return row._replace(forward_pe=price_over_eps(row.price, year, money), revision=revision(year))


def _watch_row(
    r: WatchRecord,
    position: int,
    money: PositionMoney,
    total: float,
    spark: Iterable[float],
    today: dt.date,
    base: str,
    exact_value: float | None,
    verdict: Judged | None,
) -> WatchRow:
    last = r.last
    quote = last.quote if last is not None else None
    change = quote.change if quote else None
    if quote is not None and change is None and quote.prev_close:
        change = quote.price - quote.prev_close
    held = r.position
    shares = held.shares if held is not None else None
    value = money.value
    basis = money.basis if shares else None
    rate = money.rate
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
        shares=shares,
        basis=basis,
        value=value,
        pnl=None if value is None or basis is None else value - basis,
        pnl_pct=(value / basis - 1) if value is not None and basis else None,
        day_pnl=(
            None
            if value is None or change is None or not shares or rate is None
            else round_money(change * shares * rate, base)
        ),
        weight=(exact_value / total) if exact_value is not None and total > 0 else None,
        met=r.met,
        missed=r.missed,
        pending=r.pending,
        flagged=r.flagged,
        next_due=_next_due(r.next_due, today),
        earnings=r.earnings.day if r.earnings else None,
        earnings_estimate=bool(r.earnings and r.earnings.estimate),
        uncertain=bool(held and held.uncertain),
        local_value=money.local_value,
        no_fx=bool(shares) and money.local_value is not None and rate is None,
        realized=money.realized,
        realized_year=money.realized_year,
        sold=bool(held and held.sales),
        verdict=verdict.verdict.verdict if verdict else None,
        judged=(verdict.verdict.judged, verdict.verdict.checkpoints) if verdict else (0, 0),
        verdict_stale=verdict.stale if verdict else None,
    )


def _next_due(due: DueCheckpoint | None, today: dt.date) -> NextDue | None:
    if due is None:
        return None
    days_left = (due.due - today).days
    why = ""
    if days_left < 0 and due.reason is not None:  # the first screen says why, not only "ago"
        why = reason_text(due.reason, due.condition, today)
    return NextDue(due.checkpoint_id, due.title, due.due, days_left, why)
