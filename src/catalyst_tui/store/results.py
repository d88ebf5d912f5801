"""Earnings releases: each 8-K with item 2.02 read once (its figures, guidance, or why it gave
nothing), its notification queued with it, and what the release evening's polling reads (the
next earnings dates, the last results filed)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from ..market.models import NEW_YORK as EASTERN
from ..reading.release.records import (
    FIGURES,
    Gap,
    Guidance,
    GuidancePeriod,
    NotRead,
    ReleaseFigures,
    ReleaseResults,
)
from ..thesis.reported.results import Release
from .columns import day, day_text, iso, moment
from .document_rows import FILING_COLUMNS, filing_record
from .door import Door
from .evidence import READ_ATTEMPTS  # a read failing this often is given up
from .records import FeedRelease

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .records import FilingRecord
    from .snapshot import FiledFacts

_RELEASE_COLUMNS = "symbol, accession, url, filed, accepted, found, reason, detail, period_end"
_RESULTS_8K = "form = '8-K' AND (',' || items || ',') LIKE '%,2.02,%'"
_GAPS = {gap.value: gap for gap in Gap}
_NOT_READ = {why.value: why for why in NotRead}
_POLL_KEY = "filings_poll:"  # + symbol: the meta key of the last claim on its submissions


class Results(Door):
    def filed_facts(self, symbol: str | None = None) -> FiledFacts:
        """The XBRL facts (of `symbol`) a release is checked against."""
        from .snapshot import filed_facts  # the metrics' snapshot: loaded with the first check

        return filed_facts(self._conn, symbol)

    # -- reading them in a refresh ---------------------------------------------------------
    def unread(self, symbols: Iterable[str]) -> list[FilingRecord]:
        """The symbols' 8-Ks with results (item 2.02) whose release is not stored yet (or whose
        fetch failed fewer than READ_ATTEMPTS times), newest first."""
        wanted = list(symbols)
        if not wanted:
            return []
        marks = ", ".join("?" * len(wanted))
        return [
            filing_record(row)
            for row in self._conn.execute(
                f"SELECT {FILING_COLUMNS} FROM filings f WHERE {_RESULTS_8K}"
                f" AND symbol IN ({marks}) AND NOT EXISTS (SELECT 1 FROM releases r"
                " WHERE r.symbol = f.symbol AND r.accession = f.accession"
                " AND (r.reason != ? OR r.attempts >= ?)) ORDER BY accepted DESC",
                [*wanted, NotRead.FETCH_FAILED.value, READ_ATTEMPTS],
            )
        ]

    def save(
        self,
        symbol: str,
        filing: FilingRecord,
        url: str,
        results: ReleaseResults,
        now: dt.datetime,
        *,
        notice: tuple[str, str] | None = None,
    ) -> bool:
        """Store the release of `filing` once, with its outbox `notice` (title, body) in the
        same transaction: two processes reading it at once store and notify it once. False
        when it was stored already (a failed fetch is replaced)."""
        with self._store.transaction() as conn:
            stored = conn.execute(
                f"INSERT INTO releases ({_RELEASE_COLUMNS}, read_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)"
                " ON CONFLICT(symbol, accession) DO UPDATE SET url = excluded.url,"
                " found = excluded.found, reason = excluded.reason, detail = '',"
                " period_end = excluded.period_end, read_at = excluded.read_at"
                " WHERE releases.reason = ?",
                [
                    symbol,
                    filing.accession,
                    url,
                    filing.filed.isoformat(),
                    iso(filing.accepted),
                    int(results.found),
                    results.reason.value if results.reason else "",
                    day_text(results.period_end),
                    iso(now),
                    NotRead.FETCH_FAILED.value,
                ],
            ).rowcount
            if not stored:
                return False
            key = (symbol, filing.accession)
            for period, figures in (("quarter", results.quarter), ("year", results.year)):
                if figures is not None and results.found:
                    conn.executemany(
                        "INSERT INTO release_figures (symbol, accession, period, figure, value,"
                        " gap, derived) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [
                            (
                                *key,
                                period,
                                name,
                                getattr(figures, name),
                                gap.value if (gap := figures.gap(name)) else "",
                                int(name in figures.derived),
                            )
                            for name in FIGURES
                        ],
                    )
            conn.executemany(
                "INSERT INTO release_guidance (symbol, accession, period, revenue_low,"
                " revenue_high) VALUES (?, ?, ?, ?, ?)",
                [(*key, g.period.value, g.revenue_low, g.revenue_high) for g in results.guidance],
            )
            if notice is not None:
                _queue(conn, notice, now)
        return True

    def failed(
        self, symbol: str, filing: FilingRecord, url: str, error: str, now: dt.datetime
    ) -> None:
        """A fetch of the release failed: tried again at the next refresh, kept as failed
        (and not asked again) after READ_ATTEMPTS."""
        with self._store.transaction() as conn:
            conn.execute(
                f"INSERT INTO releases ({_RELEASE_COLUMNS}, attempts, read_at)"
                " VALUES (?, ?, ?, ?, ?, 0, ?, ?, NULL, 1, ?)"
                " ON CONFLICT(symbol, accession) DO UPDATE SET attempts = attempts + 1,"
                " detail = excluded.detail, read_at = excluded.read_at"
                " WHERE releases.reason = excluded.reason",
                [
                    symbol,
                    filing.accession,
                    url,
                    filing.filed.isoformat(),
                    iso(filing.accepted),
                    NotRead.FETCH_FAILED.value,
                    error,
                    iso(now),
                ],
            )

    # -- a release the company's own feed gave first ---------------------------------------
    def feed_release_read(self, symbol: str, url: str) -> bool:
        """Whether the page at `url` was read as `symbol`'s release already."""
        sql = "SELECT 1 FROM feed_releases WHERE symbol = ? AND url = ?"
        return self._conn.execute(sql, [symbol, url]).fetchone() is not None

    def save_feed_release(
        self,
        symbol: str,
        url: str,
        published: dt.datetime,
        results: ReleaseResults,
        now: dt.datetime,
        *,
        notice: tuple[str, str] | None = None,
    ) -> bool:
        """Store what the page at `url` gave, once (nothing too), with its `notice` unless the
        quarter's release is stored, from its 8-K or another page. Whether it was queued."""
        end = results.period_end if results.found else None
        figures = {name: getattr(results.quarter, name) for name in FIGURES} if end else {}
        with self._store.transaction() as conn:
            told = conn.execute(
                "SELECT 1 FROM releases WHERE symbol = ?1 AND period_end = ?2 AND found = 1"
                " UNION ALL SELECT 1 FROM feed_releases WHERE symbol = ?1 AND period_end = ?2",
                [symbol, day_text(end)],
            ).fetchone()
            stored = conn.execute(
                "INSERT OR IGNORE INTO feed_releases (symbol, url, published, period_end,"
                " figures, read_at) VALUES (?, ?, ?, ?, ?, ?)",
                [symbol, url, iso(published), day_text(end), json.dumps(figures), iso(now)],
            ).rowcount
            if not stored or told or notice is None:
                return False
            _queue(conn, notice, now)
        return True

    def feed_release(self, symbol: str, end: dt.date) -> FeedRelease | None:
        """`symbol`'s release of the quarter ending `end` read from its feed first, if any."""
        row = self._conn.execute(
            "SELECT url, published, figures FROM feed_releases WHERE symbol = ?"
            " AND period_end = ? ORDER BY published LIMIT 1",
            [symbol, day_text(end)],
        ).fetchone()
        if row is None:
            return None
        figures = {k: v for k, v in json.loads(row[2]).items() if k in FIGURES}
        published, quarter = dt.datetime.fromisoformat(row[1]), ReleaseFigures(**figures)
        return FeedRelease(
            symbol=symbol, url=row[0], published=published, period_end=end, quarter=quarter
        )

    # -- what is stored -------------------------------------------------------------------
    def releases(self, symbol: str | None = None, *, limit: int = -1) -> list[Release]:
        """Every stored release (of one symbol), newest filed first, those that gave nothing
        and failed fetches too."""
        where, args = (" WHERE symbol = ?", [symbol]) if symbol else ("", [])
        return self._read(where + " ORDER BY filed DESC, accepted DESC LIMIT ?", [*args, limit])

    def of_symbols(self, symbols: Sequence[str] | None = None) -> dict[str, list[Release]]:
        """The releases with results of each symbol (of every one when None), oldest period
        first: what metrics read."""
        where, args = " WHERE found = 1", []
        if symbols is not None:
            where += f" AND symbol IN ({', '.join('?' * len(symbols))})"
            args = list(symbols)
        out: dict[str, list[Release]] = {}
        for release in self._read(where + " ORDER BY period_end, filed", args):
            out.setdefault(release.symbol, []).append(release)
        return out

    def filed_since(self, first: dt.date) -> list[str]:
        """The symbols with a release with results filed on or after `first`."""
        return [
            symbol
            for (symbol,) in self._conn.execute(
                "SELECT DISTINCT symbol FROM releases WHERE found = 1 AND filed >= ?",
                [first.isoformat()],
            )
        ]

    def fiscal_year_ends(self, symbol: str) -> list[dt.date]:
        """The fiscal year ends known of the symbol: XBRL's fiscal-year revenue periods and the
        report dates of its 10-Ks (thesis/results.fiscal_label counts quarters from them)."""
        return [
            dt.date.fromisoformat(end)
            for (end,) in self._conn.execute(
                "SELECT period_end FROM fundamentals WHERE symbol = ? AND concept = 'revenue_fy'"
                " UNION SELECT report_date FROM filings WHERE symbol = ? AND form = '10-K'"
                " AND report_date IS NOT NULL",
                [symbol, symbol],
            )
        ]

    # -- the release evening ---------------------------------------------------------------
    def earnings_dates(self, symbols: Iterable[str]) -> dict[str, tuple[dt.date, ...]]:
        """Each symbol's stored next earnings date and the last one that came (either may be
        missing; a symbol with neither is left out)."""
        wanted = set(symbols)
        found: dict[str, tuple[dt.date, ...]] = {}
        for symbol, *dates in self._conn.execute(
            "SELECT symbol, next_date, last_date FROM earnings"
            " WHERE next_date IS NOT NULL OR last_date IS NOT NULL"
        ):
            if symbol in wanted:
                found[symbol] = tuple(dt.date.fromisoformat(d) for d in dates if d)
        return found

    def poll_now(self, symbols: Sequence[str]) -> None:
        """These companies' submissions asked at the next refresh, whenever they were last
        (the fast watch saw a new filing: jobs/watch.py)."""
        if not symbols:
            return
        marks = ", ".join("?" * len(symbols))
        with self._store.transaction() as conn:
            conn.execute(
                f"DELETE FROM meta WHERE key IN ({marks})", [_POLL_KEY + s for s in symbols]
            )
            conn.execute(
                f"DELETE FROM fetch_state WHERE kind = 'filings' AND symbol IN ({marks})",
                list(symbols),
            )

    def claim_polls(
        self, symbols: Sequence[str], now: dt.datetime, every: dt.timedelta
    ) -> list[str]:
        """The symbols whose submissions this process may ask for now, claimed in one
        transaction, so that two processes on one database ask each company once a poll:
        those not fetched within `every` before `now` (as stored in fetch_state, by whichever
        process) and not claimed by another since their last fetch, within `every` (a claimer
        that died frees its claims then). A time after `now`, of a clock that ran ahead, is
        over."""
        if not symbols:
            return []
        keys = [_POLL_KEY + symbol for symbol in symbols]
        marks = ", ".join("?" * len(symbols))

        def recent(text: str | None) -> bool:
            at = moment(text)
            return at is not None and now - every < at <= now

        with self._store.transaction() as conn:
            claims = dict(conn.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys))
            fetched = dict(
                conn.execute(
                    f"SELECT symbol, fetched_at FROM fetch_state WHERE kind = 'filings'"
                    f" AND symbol IN ({marks})",
                    list(symbols),
                )
            )
            claimed = []
            for symbol, key in zip(symbols, keys, strict=True):
                last = fetched.get(symbol) or ""
                at, _, seen = claims.get(key, "").partition(" ")
                if not recent(last) and not (recent(at) and seen == last):
                    claimed.append(symbol)
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(_POLL_KEY + s, f"{iso(now)} {fetched.get(s) or ''}") for s in claimed],
            )
        return claimed

    def last_results_filed(self, symbols: Iterable[str]) -> dict[str, dt.datetime]:
        """When each symbol's latest 8-K with results (item 2.02) was accepted, in New York."""
        wanted = set(symbols)
        return {
            symbol: dt.datetime.fromisoformat(accepted).astimezone(EASTERN)
            for symbol, accepted in self._conn.execute(
                f"SELECT symbol, MAX(accepted) FROM filings WHERE {_RESULTS_8K} GROUP BY symbol"
            )
            if symbol in wanted
        }

    # -- rows to records --------------------------------------------------------------------
    def _read(self, where: str, args: Sequence[object]) -> list[Release]:
        rows = self._conn.execute(f"SELECT {_RELEASE_COLUMNS} FROM releases{where}", args)
        found = [tuple(row) for row in rows]
        if not found:
            return []
        keys = {(row[0], row[1]) for row in found}
        figures: dict[tuple[str, str, str], dict[str, tuple[float | None, str, int]]] = {}
        guidance: dict[tuple[str, str], list[Guidance]] = {}
        accessions = sorted({key[1] for key in keys})
        marks = ", ".join("?" * len(accessions))
        for symbol, accession, period, figure, value, gap, derived in self._conn.execute(
            "SELECT symbol, accession, period, figure, value, gap, derived FROM release_figures"
            f" WHERE accession IN ({marks})",
            accessions,
        ):
            if (symbol, accession) in keys:
                figures.setdefault((symbol, accession, period), {})[figure] = (value, gap, derived)
        for symbol, accession, period, low, high in self._conn.execute(
            "SELECT symbol, accession, period, revenue_low, revenue_high FROM release_guidance"
            f" WHERE accession IN ({marks}) ORDER BY period = 'year', period",
            accessions,
        ):
            if (symbol, accession) in keys:
                guidance.setdefault((symbol, accession), []).append(
                    Guidance(GuidancePeriod(period), low, high)
                )
        return [_release(row, figures, guidance) for row in found]


def _queue(conn: Any, notice: tuple[str, str], now: dt.datetime) -> None:
    """A results notice (title, body) queued in the outbox, in the caller's transaction."""
    sql = "INSERT INTO outbox (kind, title, body, created_at) VALUES ('results', ?, ?, ?)"
    conn.execute(sql, [notice[0], notice[1], iso(now)])


def _release(
    row: tuple[Any, ...],
    figures: dict[tuple[str, str, str], dict[str, tuple[float | None, str, int]]],
    guidance: dict[tuple[str, str], list[Guidance]],
) -> Release:
    symbol, accession, url, filed, accepted, found, reason, detail, period_end = row
    quarter = figures.get((symbol, accession, "quarter"))
    year = figures.get((symbol, accession, "year"))
    results = ReleaseResults(
        found=bool(found),
        reason=_NOT_READ.get(reason, NotRead.UNREADABLE) if reason else None,
        period_end=day(period_end),
        quarter=_figures(quarter) if quarter else ReleaseFigures.nothing(Gap.NO_STATEMENT),
        year=_figures(year) if year else None,
        guidance=tuple(guidance.get((symbol, accession), ())),
    )
    at = moment(accepted)
    eastern = at.astimezone(EASTERN) if at is not None else None
    return Release(symbol, accession, url, dt.date.fromisoformat(filed), eastern, results, detail)


def _figures(stored: dict[str, tuple[float | None, str, int]]) -> ReleaseFigures:
    values = {name: stored[name][0] for name in FIGURES if name in stored}
    missing = tuple(
        (name, _GAPS.get(stored[name][1], Gap.NOT_STATED))
        for name in FIGURES
        if name in stored and stored[name][0] is None
    )
    derived = tuple(name for name in FIGURES if name in stored and stored[name][2])
    return ReleaseFigures(**values, missing=missing, derived=derived)
