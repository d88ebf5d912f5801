"""catalysts.toml → the tickers, lots, sells and checkpoints tables: idempotent, and a checkpoint or
ticker removed from the file is archived with its history, never deleted. A lot or a sale the file
writes in another currency than its listing's (an import's trade that had no rate of its day:
`currency`, `fees_currency`) is stored in the listing's unit at the stored rate of its day, its
note saying so, and left out of the tables while that rate is not stored (`written_in`): the
position counts it once a refresh has fetched it."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # hashlib's own blake2b, without the OpenSSL hashes `import hashlib` loads (3-7 ms)
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

from ..thesis.vocabulary import Status
from .columns import day_text, iso
from .door import Door
from .records import SyncReport
from .schema import SCHEMA_VERSION
from .written_in import WrittenIn, written_in

if TYPE_CHECKING:
    import sqlite3

    from ..config import Checkpoint, Config, Lot, Ticker

_TICKER_COLUMNS = (
    "symbol",
    "name",
    "grp",
    "thesis",
    "position",
    "dividend_tax",
    "benchmark",
    "archived",
)
#: A lot's and a sale's stored columns, as `_lot_tuple` and a sale's row give them.
_LOT_COLUMNS = ("shares", "cost", "date", "note", "fx", "fees")
_SELL_COLUMNS = ("shares", "price", "date", "fees", "note")
_CHECKPOINT_COLUMNS = (
    "id",
    "title",
    "kind",
    "due",
    "until",
    "condition",
    "period_end",
    "source",
    "notes",
    "evidence",
    "position",
    "kill",
    "at_due",
)
# A new ticker's row and a new checkpoint's, written as SQL: through sqlite-utils, each insert
# read the table's columns first; a first sync of 5,000 tickers took 1.9 CPU-s, now 0.16.
_INSERT_TICKER = (
    f"INSERT INTO tickers ({', '.join(_TICKER_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_TICKER_COLUMNS))})"
)
_NEW_CHECKPOINT_COLUMNS = (
    "symbol",
    *_CHECKPOINT_COLUMNS,
    "status",
    "status_since",
    "condition_since",
    "evidence_since",
)
_INSERT_CHECKPOINT = (
    f"INSERT INTO checkpoints ({', '.join(_NEW_CHECKPOINT_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_NEW_CHECKPOINT_COLUMNS))})"
)
_DIGEST = "config_digest"  # the meta key of the last synced config's digest
_FOLLOWS = "config_path"  # the meta key of the file this database follows
_CONDITION = _CHECKPOINT_COLUMNS.index("condition")
_EVIDENCE = _CHECKPOINT_COLUMNS.index("evidence")


class ConfigSync(Door):
    def apply(self, config: Config, now: dt.datetime | None = None) -> SyncReport:
        """Make the database match the config. A config read from the file this database was
        last synced with (the same digest: config/cache.py) is already there: nothing is read
        or written. Otherwise what is stored is read in four queries up front, as tuples of
        the synced columns, then only what differs is written, and the digest kept."""
        counts: dict[str, int] = dict.fromkeys(SyncReport._fields, 0)
        if config.path is not None:
            self._follow(config.path.resolve())
        units = self.written_in(config)
        digest = f"{config.digest}/{_sync_code()}" if config.digest else ""
        if digest and units.converted:  # what the rates stored made of them, too
            digest += "/" + blake2b(repr(units).encode(), digest_size=8).hexdigest()
        if digest and self._synced() == digest:
            return SyncReport(**counts)
        stamp = iso(now or dt.datetime.now(dt.UTC))
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM meta WHERE key = ?", [_DIGEST])
            stored_tickers = {
                row[0]: row
                for row in conn.execute(f"SELECT {', '.join(_TICKER_COLUMNS)} FROM tickers")
            }
            stored_lots = _entries(conn, "lots", _LOT_COLUMNS)
            stored_sells = _entries(conn, "sells", _SELL_COLUMNS)
            stored_checkpoints: dict[str, dict[str, tuple[Any, ...]]] = {}
            for symbol, *row in conn.execute(
                f"SELECT symbol, {', '.join(_CHECKPOINT_COLUMNS)}, archived FROM checkpoints"
            ):
                stored_checkpoints.setdefault(symbol, {})[row[0]] = tuple(row)
            for position, ticker in enumerate(config.tickers.values()):
                wanted = _ticker_row(ticker, position, config.benchmark(ticker.group))
                have = stored_tickers.get(ticker.symbol)
                if have is None:
                    conn.execute(_INSERT_TICKER, wanted)
                    counts["tickers_added"] += 1
                elif have != wanted:
                    _update(conn, "tickers", _TICKER_COLUMNS, wanted, "symbol = ?", [ticker.symbol])
                    counts["tickers_updated"] += 1
                lots, sells = units.converted.get(ticker.symbol, (ticker.lots, ticker.sells))
                lot_rows = [_lot_tuple(lot) for lot in lots]
                sell_rows = [(s.shares, s.price, day_text(s.date), s.fees, s.note) for s in sells]
                counts["lots_replaced"] += _replace_entries(
                    conn, "lots", _LOT_COLUMNS, ticker.symbol, stored_lots, lot_rows
                )
                _replace_entries(
                    conn, "sells", _SELL_COLUMNS, ticker.symbol, stored_sells, sell_rows
                )
                self._store.dividends.sync(conn, ticker.symbol, ticker.dividends)
                added, updated = self._sync_checkpoints(
                    conn, ticker, stamp, stored_checkpoints.get(ticker.symbol, {})
                )
                counts["checkpoints_added"] += added
                counts["checkpoints_updated"] += updated
            for symbol, row in stored_tickers.items():
                if symbol not in config.tickers and not row[-1]:
                    conn.execute("UPDATE tickers SET archived = 1 WHERE symbol = ?", [symbol])
                    counts["tickers_archived"] += 1
            counts["checkpoints_archived"] += _archive_removed_checkpoints(
                conn, config, stamp, stored_checkpoints
            )
            if digest:
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [_DIGEST, digest])
        return SyncReport(**counts)

    def follows(self) -> Path | None:
        """The catalysts.toml this database follows: the one last synced into it (None before
        the first sync, and in a database from before it was kept)."""
        row = self._store.conn.execute(
            "SELECT value FROM meta WHERE key = ?", [_FOLLOWS]
        ).fetchone()
        return Path(row[0]) if row else None

    def _follow(self, path: Path) -> None:
        if self.follows() != path:
            with self._store.transaction() as conn:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [_FOLLOWS, str(path)]
                )

    def _synced(self) -> str | None:
        """The digest of the config this database was last synced with (None: not known)."""
        row = self._store.conn.execute("SELECT value FROM meta WHERE key = ?", [_DIGEST]).fetchone()
        return row[0] if row else None

    def written_in(self, config: Config) -> WrittenIn:
        """The file's lots and sales written in another currency than the listing's, in its
        unit at the stored rates, and those waiting for one (store/written_in.py)."""
        return written_in(self._store, config)

    def _sync_checkpoints(
        self,
        conn: sqlite3.Connection,
        ticker: Ticker,
        stamp: str,
        stored: dict[str, tuple[Any, ...]],
    ) -> tuple[int, int]:
        added = updated = 0
        for position, checkpoint in enumerate(ticker.checkpoints):
            wanted = _checkpoint_row(checkpoint, position)
            have = stored.get(checkpoint.id)
            if have is None:
                new = (ticker.symbol, *wanted, Status.PENDING.value, stamp, stamp[:10], stamp)
                conn.execute(_INSERT_CHECKPOINT, new)
                added += 1
            elif have[-1] or have[:-1] != wanted:  # archived, or changed in the file
                columns: tuple[str, ...] = (*_CHECKPOINT_COLUMNS, "archived", "archived_at")
                values: tuple[Any, ...] = (*wanted, 0, None)
                if have[_CONDITION] != wanted[_CONDITION]:  # rewritten: on today's share basis
                    columns, values = (*columns, "condition_since"), (*values, stamp[:10])
                if have[_EVIDENCE] != wanted[_EVIDENCE]:  # what is found from now on is news
                    columns, values = (*columns, "evidence_since"), (*values, stamp)
                _record_moves(conn, ticker.symbol, checkpoint.id, have, wanted, stamp)
                _update(
                    conn,
                    "checkpoints",
                    columns,
                    values,
                    "symbol = ? AND id = ?",
                    [ticker.symbol, checkpoint.id],
                )
                updated += 1
        return added, updated


def _record_moves(
    conn: sqlite3.Connection,
    symbol: str,
    checkpoint_id: str,
    have: tuple[Any, ...],
    wanted: tuple[Any, ...],
    stamp: str,
) -> None:
    """Each move of a goalpost (threshold, due date, last day, kill flag) the file made, kept
    with its day, before and after (thesis/goalposts.py, loaded with the first change)."""
    from ..thesis.goalposts import moves

    before = dict(zip(_CHECKPOINT_COLUMNS, have, strict=False))
    after = dict(zip(_CHECKPOINT_COLUMNS, wanted, strict=True))
    at = dt.datetime.fromisoformat(stamp)
    conn.executemany(
        "INSERT INTO goalposts (ts, symbol, checkpoint_id, field, before, after, loosened)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (stamp, m.symbol, m.checkpoint, m.field, m.before, m.after, int(m.loosened))
            for m in moves(symbol, checkpoint_id, before, after, at)
        ],
    )


def _archive_removed_checkpoints(
    conn: sqlite3.Connection,
    config: Config,
    stamp: str,
    stored: dict[str, dict[str, tuple[Any, ...]]],
) -> int:
    """Archive the active checkpoints the config no longer has. `stored` is as read before
    this sync's writes, which only add or reopen checkpoints the config has."""
    archived = 0
    for symbol, rows in stored.items():
        ticker = config.tickers.get(symbol)
        wanted = {c.id for c in ticker.checkpoints} if ticker is not None else set()
        for checkpoint_id, row in rows.items():
            if row[-1] or checkpoint_id in wanted:
                continue
            conn.execute(
                "UPDATE checkpoints SET archived = 1, archived_at = ? WHERE symbol = ? AND id = ?",
                [stamp, symbol, checkpoint_id],
            )
            archived += 1
    return archived


def _entries(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...]
) -> dict[str, list[tuple[Any, ...]]]:
    """Each ticker's stored rows of `table` (its lots or its sales) in file order, `columns`
    of each."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    listed = ", ".join(columns)
    for symbol, *row in conn.execute(f"SELECT symbol, {listed} FROM {table} ORDER BY symbol, seq"):
        found.setdefault(symbol, []).append(tuple(row))
    return found


def _replace_entries(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    symbol: str,
    stored: dict[str, list[tuple[Any, ...]]],
    wanted: list[tuple[Any, ...]],
) -> int:
    """`symbol`'s rows of `table` (its lots or its sales, `columns` of each) made `wanted`, in
    file order, where they are not as `stored` (`_entries`) already: 1 when they were
    written, else 0."""
    if stored.get(symbol, []) == wanted:
        return 0
    conn.execute(f"DELETE FROM {table} WHERE symbol = ?", [symbol])
    marks = ", ".join("?" * (len(columns) + 2))
    conn.executemany(
        f"INSERT INTO {table} (symbol, seq, {', '.join(columns)}) VALUES ({marks})",
        [(symbol, seq, *row) for seq, row in enumerate(wanted)],
    )
    return 1


def _update(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    values: tuple[Any, ...],
    where: str,
    args: list[Any],
) -> None:
    assignments = ", ".join(f"{column} = ?" for column in columns)
    conn.execute(f"UPDATE {table} SET {assignments} WHERE {where}", [*values, *args])


def _ticker_row(ticker: Ticker, position: int, benchmark: str) -> tuple[Any, ...]:
    return (
        ticker.symbol,
        ticker.name,
        ticker.group,
        ticker.thesis,
        position,
        ticker.dividend_tax,
        benchmark,
        0,
    )


def _lot_tuple(lot: Lot) -> tuple[float, float, str | None, str, float | None, float]:
    return (lot.shares, lot.cost, day_text(lot.date), lot.note, lot.fx, lot.fees)


def _checkpoint_row(c: Checkpoint, position: int) -> tuple[Any, ...]:
    """The synced columns of a checkpoint, in _CHECKPOINT_COLUMNS order."""
    return (
        c.id,
        c.title,
        str(c.kind),
        day_text(c.due),
        day_text(c.until),
        c.when.text if c.when else None,
        day_text(c.period_end),
        c.source,
        c.notes,
        json.dumps(list(c.evidence)),
        position,
        int(c.kill),
        int(bool(c.judged)),
    )


@functools.cache
def _sync_code() -> str:
    """This code and the schema it writes: a digest stored by other code is not trusted."""
    source = Path(__file__).read_bytes()
    return f"{SCHEMA_VERSION}:{blake2b(source, digest_size=8).hexdigest()}"
