"""The SQLite store: opening safely, transactions, and one door per job of the data layer.

One file, WAL, busy_timeout, foreign keys on, created 0600, marked as catalyst's with PRAGMA
application_id (identity.py: another application's database is refused before anything is
written to it). `Store` opens, migrates, closes and runs transactions; the jobs hang off it:

- `store.sync`        catalysts.toml → tickers, lots, checkpoints (sync.py)
- `store.market`      quotes, prices, fundamentals, earnings, fetch times (market_data.py)
- `store.fx`          FX rates with their history, the rate of a day (fx.py)
- `store.intraday`    the intraday charts shown (1D, 5D), kept a day (intraday.py)
- `store.providers`   provider sessions (Yahoo's crumb), health and pauses, request counts
                      (providers.py)
- `store.checkpoints` evaluation input, transitions, marks, acknowledgements (checkpoints.py)
- `store.outbox`      notifications to deliver: claim, sent, release (outbox.py)
- `store.evidence`    filings, documents, matched passages (evidence.py)
- `store.results`     earnings releases read from 8-Ks: figures, guidance (results.py)
- `store.layouts`     where each release's figures were read; a company's layout (layouts.py)
- `store.estimates`   the Street's estimates, surprises, the consensus frozen before a report
                      (estimates.py)
- `store.views`       read-only queries for screens, report and export (views.py)
- `store.changes`     what was stored since a moment: "what changed" (changes.py)
- `store.dividends`   dividends by ex-date, the file's, their tax, the benchmarks (dividends.py)
- `store.segments`    revenue by product line of each 10-Q and 10-K read (segments.py)
- `store.verdicts`    what a verdict reads, each ticker's verdict and its changes (verdicts.py)
- `store.journal`     the thesis journal: dated notes on a ticker (journal.py)
- `store.channel_deliveries` each channel's delivery of the outbox: claim, sent, failed,
                      health (channel_deliveries.py)
- `store.kpis`        KPIs read from words in the stored documents, with their sentences
                      (kpis.py)
- `store.as_filed`    SEC's values as each filing stated them, kept as they arrive
                      (as_filed.py)

Every door is in this list, in the order `Store` declares them (tests/store/test_store.py).

The tables are in schema.py, the records handed out in records.py, how values are stored and
read back in columns.py. SQL, and the parsing of what SQL gives back, live only in this
package.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import sqlite3
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from ..paths import NotAFile, check_file, make_private_dirs
from . import identity, schema
from .errors import StoreError, describe_sqlite_error

if TYPE_CHECKING:
    from collections.abc import Iterator

    import sqlite_utils

    from .as_filed import AsFiled
    from .changes import ChangeReads
    from .channel_deliveries import ChannelDeliveries
    from .checkpoints import Checkpoints
    from .dividends import Dividends
    from .estimates import EstimatesStore
    from .evidence import Evidence
    from .facade import Facade
    from .fx import FxRates
    from .intraday import IntradayCharts
    from .journal import Journal
    from .kpis import KpiStore
    from .layouts import Layouts
    from .market_data import MarketData
    from .outbox import Outbox
    from .providers import Providers
    from .results import Results
    from .segments import SegmentStore
    from .sync import ConfigSync
    from .verdicts import Verdicts
    from .views import Views

T = TypeVar("T")
DEFAULT_BUSY_TIMEOUT_MS = 5000

__all__ = ["DEFAULT_BUSY_TIMEOUT_MS", "Store", "StoreError", "describe_sqlite_error"]


class _Door(Generic[T]):
    """A Store's door to one job (`Store.sync`...): its module imported, and the door made on
    this Store, the first time it is asked for; kept on the Store after (a non-data descriptor:
    the instance's own attribute is found first)."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name, self.attr = module, name, ""

    def __set_name__(self, owner: type, attr: str) -> None:
        self.attr = attr

    @overload
    def __get__(self, store: None, owner: type) -> _Door[T]: ...
    @overload
    def __get__(self, store: Store, owner: type) -> T: ...
    def __get__(self, store: Store | None, owner: type) -> T | _Door[T]:
        if store is None:
            return self
        kind = getattr(importlib.import_module(f".{self.module}", __name__), self.name)
        facade: Facade = store  # mypy proves the Store is what its doors read of it
        door: T = kind(facade)
        store.__dict__[self.attr] = door
        return door


class Store:
    """An open catalyst database. Every write goes through `transaction()`. One connection,
    so one thread: another thread or process opens a Store of its own."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, claim: identity.FileKey | None = None
    ) -> None:
        self.path = path
        self.conn = conn
        self._claim = claim  # this Store counted on its file

    # Each job's door, loaded the first time it is asked for: the TUI's first frame reads a few
    # of them, and loading every one (their records, the thesis's rules behind them) would
    # cost every launch.
    sync: _Door[ConfigSync] = _Door("sync", "ConfigSync")
    market: _Door[MarketData] = _Door("market_data", "MarketData")
    fx: _Door[FxRates] = _Door("fx", "FxRates")
    intraday: _Door[IntradayCharts] = _Door("intraday", "IntradayCharts")
    providers: _Door[Providers] = _Door("providers", "Providers")
    checkpoints: _Door[Checkpoints] = _Door("checkpoints", "Checkpoints")
    outbox: _Door[Outbox] = _Door("outbox", "Outbox")
    evidence: _Door[Evidence] = _Door("evidence", "Evidence")
    results: _Door[Results] = _Door("results", "Results")
    layouts: _Door[Layouts] = _Door("layouts", "Layouts")
    estimates: _Door[EstimatesStore] = _Door("estimates", "EstimatesStore")
    views: _Door[Views] = _Door("views", "Views")
    changes: _Door[ChangeReads] = _Door("changes", "ChangeReads")
    dividends: _Door[Dividends] = _Door("dividends", "Dividends")
    segments: _Door[SegmentStore] = _Door("segments", "SegmentStore")
    verdicts: _Door[Verdicts] = _Door("verdicts", "Verdicts")
    journal: _Door[Journal] = _Door("journal", "Journal")
    channel_deliveries: _Door[ChannelDeliveries] = _Door("channel_deliveries", "ChannelDeliveries")
    kpis: _Door[KpiStore] = _Door("kpis", "KpiStore")
    as_filed: _Door[AsFiled] = _Door("as_filed", "AsFiled")

    def data_version(self) -> int:
        """SQLite's counter of commits that other connections (the daemon's refresh, `catalyst
        mark` in a shell) made to the file since this one opened; this connection's own writes
        leave it alone. One pragma, no page read: cheap enough to ask every second."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @classmethod
    def open(cls, path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Store:
        """Open (creating 0600 if needed) and migrate; StoreError with the path on failure."""
        path = Path(path).expanduser()
        try:  # a FIFO would hold the first open for ever, waiting for a writer; a directory
            check_file(path)
        except NotAFile as exc:
            raise StoreError(f"database {path}: {exc}") from None
        try:
            make_private_dirs(path.parent)
            _create_private(path)
        except OSError as exc:
            raise StoreError(f"database {path}: cannot be created: {exc.strerror or exc}") from None
        conn: sqlite3.Connection | None = None
        claim: identity.FileKey | None = None
        try:
            claim = identity.claim(path)  # someone else's database is refused untouched
            conn = connection = sqlite3.connect(
                path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            identity.check_connection(conn)  # again, with what a WAL file may hold
            mode = _switch_to_wal(conn, busy_timeout_ms / 1000)
            if mode.lower() != "wal":
                raise StoreError(f"database {path}: could not switch to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            version = schema.schema_version(conn)
            if version > schema.SCHEMA_VERSION:
                raise StoreError(
                    f"database {path}: was written by a newer catalyst (schema {version}; "
                    f"this version knows up to {schema.SCHEMA_VERSION}): upgrade catalyst"
                )
            schema.migrate(conn, lambda: _begin_marked(connection))
            if not identity.is_marked(conn):  # a database of the first release, up to date
                _begin_marked(conn)
                conn.execute("COMMIT")
            store, claim = cls(path, conn, claim), None  # the Store holds the claim now
            return store
        except identity.ForeignDatabase as exc:
            raise StoreError(f"database {path}: {exc}") from None
        except OSError as exc:  # its header could not be read
            raise StoreError(f"database {path}: cannot be read: {exc.strerror or exc}") from None
        except sqlite3.Error as exc:
            raise StoreError(describe_sqlite_error(path, exc)) from None
        finally:
            if claim is not None:  # not opened: nothing of ours holds the file
                if conn is not None:
                    conn.close()
                identity.release(claim)

    @classmethod
    def read_only(cls, path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Store:
        """Open an existing database to read it alone (SQLite's mode=ro, read_only.py): nothing
        is created, migrated or written; StoreError with the path when it is missing, empty,
        someone else's or of another schema."""
        from .read_only import connect_read_only

        path = Path(path).expanduser()
        try:
            check_file(path)
        except NotAFile as exc:
            raise StoreError(f"database {path}: {exc}") from None
        if not path.exists():
            raise StoreError(f"no database at {path}: run `catalyst refresh` first")
        try:
            claim = identity.claim(path)
        except identity.ForeignDatabase as exc:
            raise StoreError(f"database {path}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"database {path}: cannot be read: {exc.strerror or exc}") from None
        try:
            return cls(path, connect_read_only(path, busy_timeout_ms), claim)
        except BaseException:
            identity.release(claim)
            raise

    @contextlib.contextmanager
    def one_moment(self) -> Iterator[None]:
        """Every read in the block sees the database as its first read found it (one read
        transaction): an answer made of many reads is of one moment while another process
        writes. Inside a transaction already, that one's."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # nothing was written: ends the read

    def interrupt(self) -> None:
        """Stop the query this connection runs now, from another thread (its caller gets an
        sqlite3.OperationalError "interrupted"): a read past its deadline."""
        self.conn.interrupt()

    @classmethod
    @contextlib.contextmanager
    def for_a_save(cls, path: Path, *, patience_ms: int) -> Iterator[Store]:
        """A Store of its own for one save made off the TUI's loop (a worker thread): its writes
        wait up to `patience_ms` for another process's write lock, and any SQLite failure is a
        StoreError that names the file and says why (the thread says it to the user)."""
        with cls.open(path, busy_timeout_ms=patience_ms) as store:
            try:
                yield store
            except sqlite3.Error as exc:
                raise StoreError(describe_sqlite_error(path, exc)) from None

    @property
    def file_key(self) -> identity.FileKey | None:
        """The (device, inode) of the file this Store opened: a file renamed over its path (a
        backup restored) has another."""
        return self._claim

    @property
    def schema_version(self) -> int:
        return schema.schema_version(self.conn)

    def check_writable(self) -> None:
        """Raise the sqlite3.Error a write would meet (a read-only file or folder), before a
        command spends minutes fetching what it could not store. Nothing is changed: the
        schema version is written as it is, and rolled back."""
        version = self.schema_version
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()
        if self._claim is not None:
            identity.release(self._claim)
            self._claim = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: take the write lock up front so two writers never deadlock.
        Nested, it is a savepoint of the outer one."""
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT nested")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK TO nested")
                self.conn.execute("RELEASE nested")
                raise
            self.conn.execute("RELEASE nested")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on this connection, for upserts and bulk inserts; imported with the
        first write that needs it, as a start-up that changes nothing needs none."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)


def _begin_marked(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, and the mark in that transaction: a schema is never written without it."""
    conn.execute("BEGIN IMMEDIATE")
    identity.mark(conn)


def _switch_to_wal(conn: sqlite3.Connection, patience: float) -> str:
    """PRAGMA journal_mode = WAL, retried while another process holds the file: on a new
    database the switch answers "database is locked" at once, without the busy timeout, when
    a second process opens it at the same moment."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _create_private(path: Path) -> None:
    """Create the file 0600 if it doesn't exist yet (never loosen an existing file)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
