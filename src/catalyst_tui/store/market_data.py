"""What a refresh writes and evaluation reads: quotes, daily prices, splits, fundamentals, next
earnings dates, when each remote thing was last fetched, SEC's ticker→CIK map, and the market
snapshot (a quote's row is in quote_rows.py, the snapshot's loading in snapshot.py)."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import TYPE_CHECKING, Any

from ..market.exchanges import listing_today
from ..market.fetch_kinds import kind as registered_kind
from ..market.models import Bar, EarningsDate, Fact, LastQuote, QuoteOutcome, Split
from .columns import day, day_text, iso, moment
from .door import Door
from .migrations.later import SPARK_OF
from .quote_rows import QUOTE_COLUMNS, UPSERT_QUOTE, last_quote, quote_row
from .records import FetchState

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Mapping

    from ..thesis.snapshot import MarketSnapshot

# A symbol's sparkline closes again from its stored bars, after they were written (migrations.py).
_SPARK = (
    "INSERT OR REPLACE INTO sparks (symbol, closes) SELECT ?1, ("
    + SPARK_OF.format(symbol="?1")
    + ")"
)


class MarketData(Door):
    # -- quotes and prices -----------------------------------------------------------------------
    def history_starts(self, symbols: list[str], now: dt.datetime) -> dict[str, dt.date | None]:
        """Where each symbol's history fetch starts: None (a full backfill) for a symbol with
        no bars yet, else its last stored day, fetched again because it may have been partial.
        A bar dated after tomorrow (stored before market/bounds refused such) is no last day: it
        would hold the symbol's history still until that date.
        One seek of the (symbol, ts) key per symbol, all in one statement: a GROUP BY would
        read every bar, a statement per symbol costs more than its seek (and MAX(ts) in a
        subquery reads the symbol's every bar: ORDER BY ... LIMIT 1 seeks)."""
        until = (now.date() + dt.timedelta(days=1)).isoformat()
        rows = self._conn.execute(
            "SELECT s.value, (SELECT p.ts FROM prices p WHERE p.symbol = s.value"
            " AND p.ts <= ? ORDER BY p.ts DESC LIMIT 1) FROM json_each(?) s",
            [until, json.dumps(symbols)],
        )
        return {symbol: day(last) for symbol, last in rows}

    def history_due(self, symbols: list[str], now: dt.datetime) -> dict[str, dt.date | None]:
        """The symbols whose history is due, with where it starts (history_starts): a symbol
        with no bars, or never given the five-year backfill (a database of the one-year days),
        gets None (the whole window); one whose bars were never fetched by a refresh that
        records it; and, once a day, one whose last stored quote is past its regular session
        (not REGULAR) and newer than its last history fetch, so the day's final bar is in. One
        statement reads each symbol's backfill mark, last history fetch, priced quote's state
        and time, and whether it has bars at all (sparkline closes kept: one short table)."""
        rows = self._conn.execute(
            "SELECT s.value, b.symbol IS NOT NULL, h.fetched_at, q.market_state, q.quote_time,"
            " EXISTS (SELECT 1 FROM sparks k WHERE k.symbol = s.value AND k.closes != '[]')"
            " FROM json_each(?) s"
            " LEFT JOIN fetch_state b ON b.kind = 'backfill' AND b.symbol = s.value"
            " LEFT JOIN fetch_state h ON h.kind = 'history' AND h.symbol = s.value"
            " LEFT JOIN quotes q ON q.symbol = s.value AND q.price IS NOT NULL"
            " AND q.quote_time IS NOT NULL AND q.quote_time != ''",
            [json.dumps(symbols)],
        )
        due: dict[str, dt.date | None] = {}
        wanted = []  # backfilled and due: from their last stored day
        for symbol, backfilled, fetched_at, state, quote_time, with_bars in rows:
            if not backfilled:
                due[symbol] = None
                continue
            fetched, closed = moment(fetched_at), moment(quote_time)
            if not with_bars or fetched is None or fetched > now:  # never fetched (by a refresh)
                wanted.append(symbol)
            elif closed is not None and state != "REGULAR" and fetched < closed:
                wanted.append(symbol)  # the session closed since the last fetch
        due.update(self.history_starts(wanted, now) if wanted else {})  # a seek each, if any
        return due

    def mark_backfilled(self, symbols: Iterable[str], now: dt.datetime) -> None:
        """The symbols' whole history window was fetched: no backfill again."""
        with self._store.transaction() as conn:
            for symbol in symbols:
                _mark_fetched(conn, "backfill", symbol, now)

    def last_closes(self, symbols: list[str]) -> dict[str, float]:
        """The close of each symbol's last stored bar (symbols without bars left out): one
        seek per symbol, in one statement."""
        rows = self._conn.execute(
            "SELECT s.value, (SELECT p.close FROM prices p WHERE p.symbol = s.value"
            " ORDER BY p.ts DESC LIMIT 1) FROM json_each(?) s",
            [json.dumps(symbols)],
        )
        return {symbol: float(close) for symbol, close in rows if close}

    def save_quotes(self, outcomes: Iterable[QuoteOutcome], now: dt.datetime) -> None:
        """One transaction for the batch: fresh quotes replace the stored ones, bars are upserted
        on (symbol, ts), and a symbol without a fresh quote keeps its last good one, marked
        stale with the failure. A split seen for the first time is stored; bars stored from
        before it are divided by its ratio at once, and the symbol is due a full re-fetch
        (`splits_to_restate`) that replaces them with the source's own restated ones."""
        stamp = iso(now)
        outcomes = list(outcomes)
        # Rows are built before the write lock is taken; the symbols of a batch share their
        # trading days, so each day is formatted once.
        days: dict[dt.date, str] = {}
        bars: list[tuple[Any, ...]] = []
        add = bars.append
        for outcome in outcomes:
            for symbol, when, open_, high, low, close, volume, source in outcome.bars:
                ts = days.get(when)
                if ts is None:
                    ts = days[when] = when.isoformat()
                add((symbol, ts, open_, high, low, close, volume, source))
        fresh = [quote_row(o.quote, stamp) for o in outcomes if o.quote is not None]
        failed = [(o.symbol, o.error_text) for o in outcomes if o.quote is None]
        splits = [s for o in outcomes for s in o.splits]
        with_history = [o.symbol for o in outcomes if o.bars]
        with self._store.transaction() as conn:
            for symbol in with_history:
                _mark_fetched(conn, "history", symbol, now)
            for split in splits:  # before the bars, which are on the new basis
                _store_split(conn, split, stamp)
            conn.executemany(UPSERT_QUOTE, fresh)
            conn.executemany(
                "INSERT INTO quotes (symbol, stale, last_error) VALUES (?, 1, ?)"
                " ON CONFLICT(symbol) DO UPDATE SET stale = 1, last_error = excluded.last_error",
                failed,
            )
            conn.executemany(
                "INSERT INTO prices (symbol, ts, open, high, low, close, volume, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(symbol, ts) DO UPDATE SET "
                "open = excluded.open, high = excluded.high, low = excluded.low, "
                "close = excluded.close, volume = excluded.volume, source = excluded.source",
                bars,
            )
            conn.executemany(_SPARK, [(symbol,) for symbol in with_history])

    def splits_to_restate(self) -> list[Split]:
        """The splits whose symbol still has stored bars on the basis before them."""
        return [
            Split(symbol, dt.date.fromisoformat(day), numerator, denominator)
            for symbol, day, numerator, denominator in self._conn.execute(
                "SELECT symbol, day, numerator, denominator FROM splits"
                " WHERE history_restated = 0 ORDER BY symbol, day"
            )
        ]

    def first_bar_day(self, symbol: str) -> dt.date | None:
        sql = "SELECT MIN(ts) FROM prices WHERE symbol = ?"
        return day(self._conn.execute(sql, [symbol]).fetchone()[0])

    def replace_history(self, symbol: str, bars: list[Bar]) -> None:
        """The symbol's stored bars replaced by `bars` (restated for every split so far), its
        splits marked restated: one transaction."""
        rows = [
            (b.symbol, b.day.isoformat(), b.open, b.high, b.low, b.close, b.volume, b.source)
            for b in bars
        ]
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM prices WHERE symbol = ?", [symbol])
            conn.executemany(
                "INSERT INTO prices (symbol, ts, open, high, low, close, volume, source)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.execute("UPDATE splits SET history_restated = 1 WHERE symbol = ?", [symbol])
            conn.execute(_SPARK, [symbol])

    def splits(self, symbol: str | None = None) -> dict[str, list[Split]]:
        """Every stored split (of one symbol), by symbol, oldest first."""
        where, args = (" WHERE symbol = ?", [symbol]) if symbol else ("", [])
        found: dict[str, list[Split]] = {}
        for sym, when, numerator, denominator in self._conn.execute(
            "SELECT symbol, day, numerator, denominator FROM splits"
            + where
            + " ORDER BY symbol, day",
            args,
        ):
            found.setdefault(sym, []).append(
                Split(sym, dt.date.fromisoformat(when), numerator, denominator)
            )
        return found

    def stale_quotes(self) -> dict[str, LastQuote]:
        """The stored quotes the last refresh did not renew (or that hold no price): what a
        verdict's staleness reads (thesis/staleness.py). A symbol absent is fresh or never
        quoted; only these rows are read back, most often none."""
        rows = self._conn.execute(
            f"SELECT {QUOTE_COLUMNS} FROM quotes WHERE stale != 0 OR price IS NULL"
            " OR quote_time IS NULL OR quote_time = ''"
        )
        return {row[0]: last_quote(row) for row in rows}

    def last_quotes(self, symbols: Iterable[str] | None = None) -> dict[str, LastQuote]:
        """The stored quote of each symbol (every stored one when `symbols` is None); a symbol
        never quoted is a stale LastQuote without a quote."""
        stored = {
            row[0]: last_quote(row)
            for row in self._conn.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes")
        }
        if symbols is None:
            return stored
        return {s: stored.get(s) or LastQuote(s, None, None, True, "") for s in symbols}

    def any_price(self, symbols: list[str]) -> bool:
        """Whether a price is stored for any of `symbols` (stale or not)."""
        sql = "SELECT 1 FROM quotes WHERE price IS NOT NULL AND symbol IN (SELECT value FROM %s)"
        found = self._conn.execute(sql % "json_each(?) LIMIT 1", [json.dumps(symbols)])
        return found.fetchone() is not None

    def market_states(self) -> list[str | None]:
        """The market state each stored quote reported (REGULAR, PRE, POST, CLOSED or None)."""
        return [r[0] for r in self._conn.execute("SELECT market_state FROM quotes")]

    # -- daily fetches -----------------------------------------------------------------------------
    def fetch_states(self, kind: str) -> dict[str, FetchState]:
        """When `kind` (fundamentals, earnings, cik_map) was last fetched, and how, by symbol."""
        return {
            symbol: FetchState(dt.datetime.fromisoformat(at), bool(ok), detail)
            for symbol, at, ok, detail in self._conn.execute(
                "SELECT symbol, fetched_at, ok, detail FROM fetch_state WHERE kind = ?", [kind]
            )
        }

    def due(
        self,
        kind: str,
        symbols: Iterable[str],
        now: dt.datetime,
        *,
        every: dt.timedelta | None = None,
        failed_every: dt.timedelta | None = None,
    ) -> list[str]:
        """Which of `symbols` are due a `kind` fetch at `now`: never fetched, fetched `every`
        ago (a failed fetch `failed_every` ago), or stamped later than `now`: a fetch time
        that has not come yet was written by a clock that ran ahead, and proves no fetch (it
        would hold the fetch off until that time). Without `every`, the kind's registration
        says both (market/fetch_kinds.py); a kind never registered is a ValueError."""
        registered = registered_kind(kind)
        if every is None:
            every, failed_every = registered.every, registered.failed_every
        # One statement in SQLite's own time (unixepoch: whole seconds, as stored), not a
        # parse of every symbol's moment in Python (1.5 ms of a steady refresh, a kind).
        failed = every if failed_every is None else failed_every
        rows = self._conn.execute(
            "SELECT s.value FROM json_each(?) s"
            " LEFT JOIN fetch_state f ON f.kind = ? AND f.symbol = s.value"
            " WHERE f.symbol IS NULL OR unixepoch(f.fetched_at) IS NULL"
            " OR unixepoch(f.fetched_at) > ?"
            " OR unixepoch(f.fetched_at) <= CASE WHEN f.ok THEN ? ELSE ? END"
            " ORDER BY s.key",
            [
                json.dumps(list(symbols)),
                kind,
                now.timestamp(),
                math.floor((now - every).timestamp()),
                math.floor((now - failed).timestamp()),
            ],
        )
        return [symbol for (symbol,) in rows]

    def mark_fetched(
        self, kind: str, symbol: str, now: dt.datetime, *, ok: bool = True, detail: str = ""
    ) -> None:
        with self._store.transaction() as conn:
            _mark_fetched(conn, kind, symbol, now, ok=ok, detail=detail)

    def save_cik_map(
        self, ciks: dict[str, str], now: dt.datetime, names: Mapping[str, str] | None = None
    ) -> None:
        """SEC's ticker -> CIK map, replacing the last, with SEC's name of each (`names`)."""
        rows = [(ticker, cik, (names or {}).get(ticker, "")) for ticker, cik in ciks.items()]
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM sec_cik")
            conn.executemany("INSERT INTO sec_cik (ticker, cik, name) VALUES (?, ?, ?)", rows)
            _mark_fetched(conn, "cik_map", "", now, detail=f"{len(ciks)} tickers")

    def cik_map(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT ticker, cik FROM sec_cik").fetchall())

    def company_name(self, symbol: str) -> str:
        """SEC's name of `symbol`'s company ("Astera Labs, Inc."; "BRK-B" for BRK.B), or ""."""
        up = symbol.strip().upper()
        spellings = (up, up.replace(".", "-"), up.replace("-", "."))
        sql = "SELECT name FROM sec_cik WHERE ticker IN (?, ?, ?) AND name != '' LIMIT 1"
        return next((str(row[0]) for row in self._conn.execute(sql, spellings)), "")

    def save_facts(self, symbol: str, facts: list[Fact], now: dt.datetime) -> None:
        """Replace a symbol's fundamentals with a fresh derivation (restatements included)."""
        rows = [
            (
                symbol,
                f.concept,
                day_text(f.period_start) or "",
                f.period_end.isoformat(),
                f.value,
                f.unit,
                f.form,
                f.filed.isoformat(),
                f.source_concept,
                f.split_factor,
            )
            for f in facts
        ]
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM fundamentals WHERE symbol = ?", [symbol])
            conn.executemany(
                "INSERT OR REPLACE INTO fundamentals (symbol, concept, period_start, period_end,"
                " value, unit, form, filed, source_concept, split_factor)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            _mark_fetched(conn, "fundamentals", symbol, now, detail=f"{len(facts)} facts")

    def save_earnings(self, symbol: str, found: EarningsDate | None, now: dt.datetime) -> None:
        """The next earnings date (None: not known); a stored one that has come and is
        replaced is kept as the last one, whose results may still be awaited."""
        new = day_text(found.day) if found else None
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE earnings SET last_date = next_date WHERE symbol = ?"
                " AND next_date <= ? AND (? IS NULL OR next_date < ?)",
                [symbol, listing_today(symbol, now).isoformat(), new, new],
            )
            self._store.db["earnings"].upsert(  # type: ignore[union-attr]
                {
                    "symbol": symbol,
                    "next_date": new,
                    "estimate": int(found.estimate) if found else 0,
                    "source": found.source if found else "",
                    "fetched_at": iso(now),
                },
                pk="symbol",
            )
            _mark_fetched(conn, "earnings", symbol, now, detail=str(found.day if found else ""))

    # -- what evaluation reads ---------------------------------------------------------------------
    def snapshot(
        self,
        now: dt.datetime,
        *,
        sec_configured: bool,
        symbol: str | None = None,
        base: str = "USD",
    ) -> MarketSnapshot:
        """Everything metrics read (quotes, a year's highs, fundamentals, lots and sales, FX
        rates in `base`), for every symbol or only `symbol`'s (its weight still sees every
        position): store/snapshot.py loads it (imported here: the watchlist's first frame reads
        quotes, not the metrics' snapshot)."""
        from .snapshot import load_snapshot

        return load_snapshot(
            self._store, now, sec_configured=sec_configured, symbol=symbol, base=base
        )


def _store_split(conn: sqlite3.Connection, split: Split, stamp: str) -> None:
    """Store a split once; the first time, put the bars stored from before it on its basis."""
    symbol, when = split.symbol, split.day.isoformat()
    older = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM prices WHERE symbol = ? AND ts < ?)", [symbol, when]
    ).fetchone()[0]
    added = conn.execute(
        "INSERT OR IGNORE INTO splits (symbol, day, numerator, denominator, found_at,"
        " history_restated) VALUES (?, ?, ?, ?, ?, ?)",
        [symbol, when, split.numerator, split.denominator, stamp, int(not older)],
    ).rowcount
    if added and older:
        ratio = split.ratio
        conn.execute(
            "UPDATE prices SET open = open / ?, high = high / ?, low = low / ?,"
            " close = close / ?, volume = volume * ? WHERE symbol = ? AND ts < ?",
            [ratio, ratio, ratio, ratio, ratio, symbol, when],
        )
        conn.execute(_SPARK, [symbol])


def _mark_fetched(
    conn: sqlite3.Connection,
    kind: str,
    symbol: str,
    now: dt.datetime,
    *,
    ok: bool = True,
    detail: str = "",
) -> None:
    registered_kind(kind)  # one declaration a kind: a fetch time of no registered kind is a bug
    conn.execute(
        "INSERT INTO fetch_state (kind, symbol, fetched_at, ok, detail) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(kind, symbol) DO UPDATE SET fetched_at = excluded.fetched_at,"
        " ok = excluded.ok, detail = excluded.detail",
        [kind, symbol, iso(now), int(ok), detail],
    )
