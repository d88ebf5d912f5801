"""The schema: the first tables, every migration by name, and migrating; the data model's index.

The schema version lives in PRAGMA user_version; MIGRATIONS[n] takes a database from version n
to n + 1, each step in one transaction (the steps after the first are in migrations/). A new,
empty database is given the tables and indexes every step leaves, as SQLite states them once
they are made, in one transaction: the steps' 66 ALTER TABLEs each made SQLite read the whole
schema again, 30 ms of CPU for a new file against 6 ms (the schema as it stands is found once a
process, by taking an empty database in memory through every step). A
checkpoint's last reason and an event's reason are kept in parts (thesis/evaluate.py Reason):
what decided it (`why`), its date, a text note, the comparison operator as it came out, the
value and what the value is of (the period, the portfolio total, the age of a stale quote), or
why it is missing (a code and its parameters). Sentences are built where they are shown.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .migrations.as_filed import V_AS_FILED
from .migrations.channels import V_CHANNEL_DELIVERIES
from .migrations.decisions import V_EVIDENCE_ACCEPTED
from .migrations.dividend_ex_date import V_DIVIDEND_EX_DATE
from .migrations.dividend_tax import V_DIVIDEND_TAX
from .migrations.early import (
    OUTBOX_DELIVERY,
    V2,
    V3,
    V4,
    V4_REASON_PARTS,
    V5,
    V5_REASON_PARTS,
    V6,
    V7,
    V8,
    V9,
    V9_REASON_PARTS,
)
from .migrations.feed_releases import V_FEED_RELEASES
from .migrations.kpis import V_KPI_DECISIONS, V_KPIS
from .migrations.later import (
    V10,
    V11,
    V11_REASON_PARTS,
    V12,
    V_AT_DUE,
    V_ESTIMATE_CURRENCY,
    V_ESTIMATES,
    V_GOALPOSTS,
    V_JOURNAL,
    V_RELEASE_LAYOUTS,
    V_RETURNS,
    V_SEGMENT_FIGURES,
    V_SEGMENTS,
    V_VERDICTS,
)
from .migrations.read_moments import V_ESTIMATE_READ_AT
from .migrations.sec_names import V_SEC_NAMES
from .migrations.segment_within import V_SEGMENT_WITHIN

if TYPE_CHECKING:
    from collections.abc import Callable

_V1 = f"""
CREATE TABLE tickers (
    symbol TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    grp TEXT NOT NULL,
    thesis TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE lots (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL REFERENCES tickers(symbol),
    seq INTEGER NOT NULL,
    shares REAL NOT NULL,
    cost REAL NOT NULL,
    date TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX lots_symbol ON lots(symbol, seq);
CREATE TABLE checkpoints (
    symbol TEXT NOT NULL REFERENCES tickers(symbol),
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    due TEXT,
    until TEXT,
    condition TEXT,
    period_end TEXT,
    source TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending',
    status_since TEXT NOT NULL,
    manual INTEGER NOT NULL DEFAULT 0,
    manual_note TEXT NOT NULL DEFAULT '',
    last_value REAL,
    last_reason TEXT NOT NULL DEFAULT '',
    evaluated_at TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT,
    PRIMARY KEY (symbol, id)
);
CREATE TABLE quotes (
    symbol TEXT PRIMARY KEY,
    price REAL,
    prev_close REAL,
    change REAL,
    change_pct REAL,
    currency TEXT,
    market_state TEXT,
    quote_time TEXT,
    fetched_at TEXT,
    source TEXT,
    stale INTEGER NOT NULL DEFAULT 0,
    day_high REAL,
    day_low REAL,
    volume REAL,
    high_52w REAL,
    low_52w REAL,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE prices (
    symbol TEXT NOT NULL,
    ts TEXT NOT NULL,
    open REAL,
    high REAL,
    low REAL,
    close REAL NOT NULL,
    volume REAL,
    source TEXT NOT NULL,
    PRIMARY KEY (symbol, ts)
) WITHOUT ROWID;
CREATE TABLE fundamentals (
    symbol TEXT NOT NULL,
    concept TEXT NOT NULL,
    period_start TEXT NOT NULL DEFAULT '',
    period_end TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    form TEXT NOT NULL DEFAULT '',
    filed TEXT NOT NULL DEFAULT '',
    source_concept TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (symbol, concept, period_end, period_start)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    symbol TEXT NOT NULL,
    checkpoint_id TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    value REAL,
    threshold TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    manual INTEGER NOT NULL DEFAULT 0,
    flagged INTEGER NOT NULL DEFAULT 0,
    acked_at TEXT,
    FOREIGN KEY (symbol, checkpoint_id) REFERENCES checkpoints(symbol, id)
);
CREATE INDEX events_checkpoint ON events(symbol, checkpoint_id, ts);
CREATE INDEX events_flagged ON events(flagged) WHERE flagged = 1;
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    {OUTBOX_DELIVERY}
);
CREATE INDEX outbox_unsent ON outbox(sent_at) WHERE sent_at IS NULL
"""


@dataclass(frozen=True)
class Migration:
    """One step of the schema: its name and its SQL, applied statement by statement."""

    name: str
    script: str

    def apply(self, conn: sqlite3.Connection) -> None:
        # Statement by statement: executescript() would COMMIT the step's transaction first.
        for statement in self.script.split(";"):
            if statement.strip():
                conn.execute(statement)


MIGRATIONS: list[Migration] = [
    Migration("tickers, lots, checkpoints, quotes, prices, fundamentals, events, outbox", _V1),
    Migration("file order of tickers and checkpoints; next earnings dates", V2),
    Migration("when each remote thing was fetched; SEC's ticker to CIK map", V3),
    Migration("reasons kept in parts instead of sentences", V4),
    Migration("stock splits; the day a condition was written; per-share basis of facts", V5),
    Migration("evidence: filings, documents, matched passages; evidence notices", V6),
    Migration("currencies and sales: FX rates with history, a lot's rate paid, sells", V7),
    Migration("extended-hours quotes; provider sessions, health and request counts", V8),
    Migration("why a value is missing as a code and parameters instead of a sentence", V9),
    Migration("intraday charts: bars and session times, kept a day", V10),
    Migration("earnings releases: figures and guidance; where a reason's value was read", V11),
    Migration("sparkline closes kept as written; the database's facts by key; events by time", V12),
    Migration("each company's layout: where a release's figures were read", V_RELEASE_LAYOUTS),
    Migration("returns: fees on lots, dividends fetched and written, the tax withheld", V_RETURNS),
    Migration(
        "the Street's estimates by day and period; surprises; the frozen consensus", V_ESTIMATES
    ),
    Migration("the money of the Street's EPS consensus", V_ESTIMATE_CURRENCY),
    Migration("revenue by product line, segment and geography of each 10-Q and 10-K", V_SEGMENTS),
    Migration(
        "verdicts: a checkpoint's kill flag, each ticker's verdict and its changes", V_VERDICTS
    ),
    Migration("the thesis journal: dated notes, what was done, the conviction held", V_JOURNAL),
    Migration("a written dividend's tax withheld, and its currency", V_DIVIDEND_TAX),
    Migration("the figures a 10-Q's or 10-K's XBRL states beside revenue", V_SEGMENT_FIGURES),
    Migration(
        "notification kinds; each channel's delivery of a notification", V_CHANNEL_DELIVERIES
    ),
    Migration("when each Street reading was read", V_ESTIMATE_READ_AT),
    Migration("a milestone judged at its due date or by its quarter's report", V_AT_DUE),
    Migration(
        "goalposts: each move of a checkpoint's threshold, due date or kill flag", V_GOALPOSTS
    ),
    Migration("a member that is a part of another beside it", V_SEGMENT_WITHIN),
    Migration("a passage accepted, with the stance it was accepted with", V_EVIDENCE_ACCEPTED),
    Migration("KPIs read from words: each value with its sentence and document", V_KPIS),
    Migration("SEC's values as each filing stated them, known from their filing", V_AS_FILED),
    Migration("a written dividend's ex-date, when the statement gives it", V_DIVIDEND_EX_DATE),
    Migration("a results release read from the company's feed before its 8-K", V_FEED_RELEASES),
    Migration(
        "your word on a KPI read from words (accepted or dismissed); a share of a part",
        V_KPI_DECISIONS,
    ),
    Migration("SEC's name of each company of its ticker map", V_SEC_NAMES),
]
SCHEMA_VERSION = len(MIGRATIONS)
# The parts of a reason; a checkpoint keeps its last one as last_<part>, an event its own.
REASON_PARTS = V4_REASON_PARTS + V5_REASON_PARTS + V9_REASON_PARTS + V11_REASON_PARTS


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


@functools.cache
def schema_as_it_stands() -> tuple[str, ...]:
    """The CREATE statements of the tables and indexes every step leaves, as SQLite keeps them
    (an ALTER TABLE rewrites its table's), in the order it made them: read once a process from
    an empty database taken through every step in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in MIGRATIONS:
            migration.apply(conn)
        rows = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%'"
            " ESCAPE '\\' ORDER BY rowid"
        )
        return tuple(sql for (sql,) in rows)
    finally:
        conn.close()


def migrate(conn: sqlite3.Connection, begin: Callable[[], object]) -> None:
    """Bring the schema to SCHEMA_VERSION, one transaction per step (`begin()` opens one that
    holds the write lock); a new database in one, with the schema as it stands. A database
    newer than this code is refused by the caller."""
    current = schema_version(conn)
    while current < SCHEMA_VERSION:
        begin()
        try:
            # Re-read under the write lock: another process may have migrated meanwhile.
            current = schema_version(conn)
            if current == 0:  # new: one at version 0 holding a table was refused (identity.py)
                for statement in schema_as_it_stands():
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif current < SCHEMA_VERSION:
                MIGRATIONS[current].apply(conn)
                conn.execute(f"PRAGMA user_version = {current + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        current = schema_version(conn)
