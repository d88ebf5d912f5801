"""Loading the MarketSnapshot evaluation reads, in a few queries: quotes, a year's highs,
fundamentals (with the quarters of releases XBRL has not caught up with), earnings releases,
lots and sales, splits and FX rates (store.market.snapshot is its door). The Street's estimates
and a position's return against its benchmark are left to be read a symbol at a time when a
metric asks (store/estimates.py's `of`, store/holdings.py's HoldingsReader)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..market.models import Fact, FetchKind
from ..reading.moments import NEW_YORK
from ..thesis.portfolio.performance import Outcome, Span, outcome
from ..thesis.portfolio.positions import Lot
from ..thesis.reported.results import Facts, merge, release_first
from ..thesis.snapshot import MarketSnapshot
from .columns import day
from .holdings import HoldingsReader

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

    from .facade import Facade


def load_snapshot(
    store: Facade,
    now: dt.datetime,
    *,
    sec_configured: bool,
    symbol: str | None = None,
    base: str = "USD",
) -> MarketSnapshot:
    """Everything metrics read, for every symbol or only `symbol`'s (its weight still sees
    every position)."""
    conn = store.conn
    snap = MarketSnapshot(now=now, sec_configured=sec_configured, base=base)
    snap.rates.update({c: r.rate for c, r in store.fx.latest(base).items()})
    snap.sells.update(store.views.sells())
    snap.quotes.update(store.market.last_quotes())
    # A ticker's year of highs, read when a drawdown first asks: a seek of the (symbol, ts) key
    # and a year of bars (every ticker's at once: 0.15 s at 5,000 tickers, paid by every check).
    year_ago = (now - dt.timedelta(days=365)).date().isoformat()
    snap.high_of = partial(_year_high, conn, year_ago)
    snap.facts.update(filed_facts(conn, symbol).by_symbol)
    for sym, shares, cost, when, note, fx, fees in conn.execute(
        "SELECT l.symbol, l.shares, l.cost, l.date, l.note, l.fx, l.fees FROM lots l"
        " JOIN tickers t ON t.symbol = l.symbol WHERE t.archived = 0 ORDER BY l.symbol, l.seq"
    ):
        snap.lots.setdefault(sym, []).append(Lot(shares, cost, day(when), note, fx, fees))
    snap.splits.update(store.market.splits())
    snap.returns_of = _returns_of(HoldingsReader(store, base, snap.quotes), now.date())
    snap.street_of = store.estimates.of  # a symbol's, when a Street metric first asks
    snap.at_sec = partial(_at_sec, conn)  # asked only of a symbol without fundamentals
    snap.sec_paused_until = store.providers.paused(now).get("sec")
    sec = store.providers.health().get("sec")
    snap.sec_failed_at = sec.failing_since if sec is not None else None
    snap.lines_of = store.segments.of  # a symbol's, when a line metric first asks
    snap.kpis_of = store.kpis.series  # a symbol's, when a KPI metric first asks
    snap.releases.update(store.results.of_symbols(None if symbol is None else [symbol]))
    _settling(conn, snap)
    for sym, releases in snap.releases.items():
        filed = snap.facts.get(sym, {})
        snap.facts[sym], differs = merge(filed, releases)
        if differs:
            snap.release_first[sym] = release_first(filed, releases)
    return snap


def _year_high(conn: sqlite3.Connection, since: str, symbol: str) -> float | None:
    """A ticker's highest high since `since` (an ISO day); None for none, or no such ticker."""
    row = conn.execute(
        "SELECT (SELECT MAX(p.high) FROM prices p WHERE p.symbol = t.symbol AND p.ts >= ?)"
        " FROM tickers t WHERE t.symbol = ?",
        [since, symbol],
    ).fetchone()
    return None if row is None else row[0]


def _settling(conn: sqlite3.Connection, snap: MarketSnapshot) -> None:
    """What settles a milestone past its due date: the next earnings dates, the day of each
    checkpoint's latest passage not dismissed, and the day each symbol's filings were read
    through (thesis/awaiting.py)."""
    snap.read_through.update(read_through(conn))
    for sym, when in conn.execute(
        "SELECT symbol, next_date FROM earnings WHERE next_date IS NOT NULL"
    ):
        snap.expected[sym] = dt.date.fromisoformat(when)
    for sym, ident, published in conn.execute(
        "SELECT e.symbol, e.checkpoint_id, MAX(d.published) FROM evidence e"
        " JOIN documents d ON d.id = e.document_id WHERE e.dismissed_at IS NULL"
        " GROUP BY e.symbol, e.checkpoint_id"
    ):
        snap.evidence_on[(sym, ident)] = dt.date.fromisoformat(published[:10])


def read_through(conn: sqlite3.Connection, symbol: str | None = None) -> dict[str, dt.date]:
    """Each symbol's (or `symbol`'s) last fetch of SEC's filings or figures that answered, as
    New York's day."""
    one, args = ("", []) if symbol is None else (" AND symbol = ?", [symbol])
    return {
        sym: dt.datetime.fromisoformat(at).astimezone(NEW_YORK).date()
        for sym, at in conn.execute(
            "SELECT symbol, MAX(fetched_at) FROM fetch_state WHERE ok = 1 AND kind IN (?, ?)"
            + one
            + " GROUP BY symbol",
            [FetchKind.FUNDAMENTALS, FetchKind.FILINGS, *args],
        )
    }


def _returns_of(
    reader: HoldingsReader, today: dt.date
) -> Callable[[str], tuple[str, Outcome] | None]:
    """A position's benchmark and its return over its life, read when first asked; the
    benchmark's history once for every position held against it (`reader`)."""

    def of(symbol: str) -> tuple[str, Outcome] | None:
        held = reader.holding(symbol)
        if held is None:
            return None
        name = reader.benchmark_of(symbol)
        return name, outcome([(held, reader.benchmark(name))], Span.LIFE, today)

    return of


@dataclass(frozen=True, slots=True)
class FiledFacts:
    """The fundamentals XBRL filed, as stored: each symbol's facts by concept, each concept's
    oldest period first."""

    by_symbol: dict[str, dict[str, list[Fact]]]

    def of(self, symbol: str) -> Facts:
        """`symbol`'s facts by concept: none when none is stored."""
        return self.by_symbol.get(symbol, {})


def filed_facts(conn: sqlite3.Connection, symbol: str | None = None) -> FiledFacts:
    """The stored fundamentals (of `symbol`)."""
    only, args = ("", []) if symbol is None else (" WHERE symbol = ?", [symbol])
    facts: dict[str, dict[str, list[Fact]]] = {}
    for row in conn.execute(
        "SELECT symbol, concept, period_start, period_end, value, unit, form, filed,"
        " source_concept, split_factor FROM fundamentals"
        + only
        + " ORDER BY symbol, concept, period_end",
        args,
    ):
        sym, concept, start, end, value, unit, form, filed, source, factor = row
        fact = Fact(
            concept,
            day(start),
            dt.date.fromisoformat(end),
            value,
            unit,
            form,
            dt.date.fromisoformat(filed),
            source,
            factor,
        )
        facts.setdefault(sym, {}).setdefault(concept, []).append(fact)
    return FiledFacts(facts)


def _at_sec(conn: sqlite3.Connection, ticker: str) -> bool | None:
    """Whether SEC's ticker map lists `ticker`, as market/sec/tickers.cik_for spells it (BRK.B
    is SEC's BRK-B); None before the map was first fetched."""
    wanted = ticker.strip().upper()
    names = [wanted, wanted.replace(".", "-"), wanted.replace("-", ".")]
    known, listed = conn.execute(
        "SELECT EXISTS(SELECT 1 FROM sec_cik),"
        " EXISTS(SELECT 1 FROM sec_cik WHERE ticker IN (?, ?, ?))",
        names,
    ).fetchone()
    return bool(listed) if known else None
