"""What the screens show, computed from the store: watchlist rows and totals, the ticker page
(lots, fundamentals, checkpoints), the timeline. Plain data; no textual, no SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .config import Lot
from .store import Store
from .thesis.conditions import parse_condition
from .thesis.evaluate import format_value
from .thesis.metrics import observe

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


@dataclass(frozen=True)
class NextDue:
    checkpoint_id: str
    title: str
    due: dt.date
    days_left: int


@dataclass(frozen=True)
class WatchRow:
    symbol: str
    name: str
    group: str
    position: int
    price: float | None = None
    change: float | None = None
    change_pct: float | None = None
    currency: str | None = None
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

    @property
    def has_quote(self) -> bool:
        return self.price is not None


@dataclass(frozen=True)
class Totals:
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


@dataclass(frozen=True)
class Health:
    last_refresh: dt.datetime | None
    sources: dict[str, int]
    stale: int
    failed: dict[str, int]

    def text(self, now: dt.datetime) -> str:
        """'refreshed 5m ago · yahoo 9 · 1 stale' or 'no data yet'."""
        if self.last_refresh is None:
            return "no data yet: press r to refresh"
        parts = [f"refreshed {format_age(now - self.last_refresh)} ago"]
        parts += [f"{source} {count}" for source, count in sorted(self.sources.items())]
        if self.stale:
            parts.append(f"{self.stale} stale")
        parts += [f"{kind} failed {count}" for kind, count in sorted(self.failed.items())]
        return " · ".join(parts)

    @property
    def ok(self) -> bool:
        return self.last_refresh is not None and not self.stale and not self.failed


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


def sort_rows(rows: list[WatchRow], sort: str) -> list[WatchRow]:
    if sort == "symbol":
        return sorted(rows, key=lambda r: r.symbol)
    keyed = {
        "day": lambda r: None if r.change_pct is None else -r.change_pct,
        "pnl": lambda r: None if r.pnl_pct is None else -r.pnl_pct,
        "weight": lambda r: None if r.weight is None else -r.weight,
        "thesis": lambda r: (-r.flagged, -r.missed, -r.pending, r.position),
        "due": lambda r: None if r.next_due is None else r.next_due.days_left,
    }.get(sort)
    if keyed is None:
        return sorted(rows, key=lambda r: r.position)
    present = [r for r in rows if keyed(r) is not None]
    absent = [r for r in rows if keyed(r) is None]
    return sorted(present, key=lambda r: (keyed(r), r.position)) + sorted(
        absent, key=lambda r: r.position
    )


def load_watchlist(store: Store, now: dt.datetime, today: dt.date) -> Watchlist:
    raw = store.watch_rows()
    symbols = [r["symbol"] for r in raw]
    closes = store.recent_closes(symbols, today - dt.timedelta(days=SPARK_DAYS))
    due = store.next_due()
    values = {
        r["symbol"]: r["shares"] * r["price"] for r in raw if r["shares"] and r["price"] is not None
    }
    total = sum(values.values())
    rows = []
    for position, r in enumerate(raw):
        symbol = r["symbol"]
        value = values.get(symbol)
        basis = r["basis"] if r["shares"] else None
        change = r["change"]
        if change is None and r["price"] is not None and r["prev_close"]:
            change = r["price"] - r["prev_close"]
        next_row = due.get(symbol)
        fetched = r["fetched_at"]
        rows.append(
            WatchRow(
                symbol=symbol,
                name=r["name"],
                group=r["group"],
                position=position,
                price=r["price"],
                change=change,
                change_pct=r["change_pct"],
                currency=r["currency"],
                fetched_at=dt.datetime.fromisoformat(fetched) if fetched else None,
                source=r["source"],
                stale=bool(r["stale"]),
                error=r["error"],
                spark=tuple(closes.get(symbol, ())),
                shares=r["shares"],
                basis=basis,
                value=value,
                pnl=None if value is None or basis is None else value - basis,
                pnl_pct=(value / basis - 1) if value is not None and basis else None,
                day_pnl=None if value is None or change is None else change * r["shares"],
                weight=(value / total) if value is not None and total > 0 else None,
                met=r["met"],
                missed=r["missed"],
                pending=r["pending"],
                flagged=r["flagged"],
                next_due=_next_due(next_row, today),
                earnings=dt.date.fromisoformat(r["earnings"]) if r["earnings"] else None,
                earnings_estimate=bool(r["earnings_estimate"]),
            )
        )
    health = store.fetch_health()
    groups = list(dict.fromkeys(r.group for r in rows))
    return Watchlist(rows, Health(**health), now, groups)


def _next_due(row: dict | None, today: dt.date) -> NextDue | None:
    if row is None:
        return None
    day = dt.date.fromisoformat(row["due"])
    return NextDue(row["id"], row["title"], day, (day - today).days)


# -- the ticker page ---------------------------------------------------------------------------

FUNDAMENTALS = (
    ("revenue_q", "Revenue (latest quarter)"),
    ("gross_margin", "Gross margin"),
    ("operating_margin", "Operating margin"),
    ("eps_ttm", "EPS (TTM, diluted)"),
    ("pe_ttm", "P/E (TTM)"),
    ("market_cap", "Market cap"),
)


@dataclass(frozen=True)
class Figure:
    """One fundamentals line: the value as text, or '—' with the reason there is none."""

    label: str
    value: str
    note: str


@dataclass(frozen=True)
class CheckpointView:
    symbol: str
    id: str
    title: str
    kind: str
    status: str
    manual: bool
    due: dt.date | None
    days_left: int | None
    until: dt.date | None
    condition: str
    period_end: dt.date | None
    value: str  # the last observed value as people write it, "" when none
    reason: str
    source: str
    notes: str
    manual_note: str
    flagged: bool

    @property
    def status_text(self) -> str:
        if self.kind == "guard" and self.status == "met":
            return "holding"
        return self.status


@dataclass(frozen=True)
class TickerDetail:
    symbol: str
    name: str
    group: str
    thesis: str
    row: WatchRow | None
    lots: list[Lot]
    fundamentals: list[Figure]
    checkpoints: list[CheckpointView]
    history: list[tuple[dt.date, float]]


def load_ticker(
    store: Store,
    symbol: str,
    now: dt.datetime,
    today: dt.date,
    *,
    sec_configured: bool,
    watchlist: Watchlist | None = None,
) -> TickerDetail | None:
    info = store.ticker_info(symbol)
    if info is None:
        return None
    watchlist = watchlist or load_watchlist(store, now, today)
    snap = store.market_snapshot(now, sec_configured=sec_configured, symbol=symbol)
    figures = []
    for metric, label in FUNDAMENTALS:
        obs = observe(metric, symbol, snap)
        if obs.value is None:
            figures.append(Figure(label, "—", obs.reason))
        else:
            figures.append(Figure(label, format_value(metric, obs.value), obs.note))
    row = watchlist.row(symbol)
    if row is not None and row.earnings is not None:
        days = (row.earnings - today).days
        estimate = ", estimated" if row.earnings_estimate else ""
        figures.append(Figure("Next earnings", row.earnings.isoformat(), f"in {days} d{estimate}"))
    else:
        figures.append(Figure("Next earnings", "—", "not known yet"))
    flagged = store.flagged_checkpoints()
    checkpoints = [
        _checkpoint_view(r, today, (symbol, r["id"]) in flagged)
        for r in store.checkpoint_rows(symbol)
    ]
    since = today - dt.timedelta(days=5 * 366)
    return TickerDetail(
        symbol=symbol,
        name=info["name"],
        group=info["group"],
        thesis=info["thesis"],
        row=row,
        lots=store.lots(symbol),
        fundamentals=figures,
        checkpoints=checkpoints,
        history=store.price_history(symbol, since),
    )


def _checkpoint_view(r: dict, today: dt.date, flagged: bool) -> CheckpointView:
    due = dt.date.fromisoformat(r["due"]) if r["due"] else None
    value = ""
    if r["condition"] and r["last_value"] is not None:
        value = format_value(parse_condition(r["condition"]).metric, r["last_value"])
    return CheckpointView(
        symbol=r["symbol"],
        id=r["id"],
        title=r["title"],
        kind=r["kind"],
        status=r["status"],
        manual=bool(r["manual"]),
        due=due,
        days_left=(due - today).days if due else None,
        until=dt.date.fromisoformat(r["until"]) if r["until"] else None,
        condition=r["condition"] or "",
        period_end=dt.date.fromisoformat(r["period_end"]) if r["period_end"] else None,
        value=value,
        reason=r["last_reason"],
        source=r["source"],
        notes=r["notes"],
        manual_note=r["manual_note"],
        flagged=flagged,
    )


# -- the timeline ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    when: dt.datetime  # in the user's zone
    symbol: str
    checkpoint_id: str
    title: str
    from_status: str
    to_status: str
    value: str
    threshold: str
    reason: str
    manual: bool
    flagged: bool  # a miss not acknowledged yet
    acknowledged: bool


def load_timeline(store: Store, zone: dt.tzinfo, *, limit: int = 1000) -> list[TimelineEntry]:
    out = []
    for r in store.events(limit=limit):
        value = ""
        if r["value"] is not None and r["threshold"]:
            try:
                value = format_value(parse_condition(r["threshold"]).metric, r["value"])
            except ValueError:
                value = f"{r['value']:g}"
        out.append(
            TimelineEntry(
                id=r["id"],
                when=dt.datetime.fromisoformat(r["ts"]).astimezone(zone),
                symbol=r["symbol"],
                checkpoint_id=r["checkpoint_id"],
                title=r["title"],
                from_status=r["from_status"],
                to_status=r["to_status"],
                value=value,
                threshold=r["threshold"],
                reason=r["reason"],
                manual=bool(r["manual"]),
                flagged=bool(r["flagged"]) and r["acked_at"] is None,
                acknowledged=bool(r["flagged"]) and r["acked_at"] is not None,
            )
        )
    return out


def flagged_targets(entries: Iterable[TimelineEntry]) -> list[tuple[str, str]]:
    return list(dict.fromkeys((e.symbol, e.checkpoint_id) for e in entries if e.flagged))
