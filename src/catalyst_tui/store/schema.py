"""Every table and every migration: the data model in one read.

The schema version lives in PRAGMA user_version; MIGRATIONS[n] takes a database from version n
to n + 1, each step in one transaction. A checkpoint's last reason and an event's reason are
kept in parts (thesis/evaluate.py Reason): what decided it (`why`), its date, a text detail, the
comparison operator as it came out, the value and what the value is of (the period, the
portfolio total, the age of a stale quote). Sentences are built where they are shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

_V1 = """
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
    created_at TEXT NOT NULL,
    claimed_by TEXT,
    claimed_at TEXT,
    sent_at TEXT,
    channels TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_unsent ON outbox(sent_at) WHERE sent_at IS NULL
"""

_V2 = """
ALTER TABLE tickers ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE checkpoints ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
CREATE TABLE earnings (
    symbol TEXT PRIMARY KEY,
    next_date TEXT,
    estimate INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL
)
"""

_V3 = """
CREATE TABLE fetch_state (
    kind TEXT NOT NULL,
    symbol TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL,
    ok INTEGER NOT NULL DEFAULT 1,
    detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, symbol)
);
CREATE TABLE sec_cik (
    ticker TEXT PRIMARY KEY,
    cik TEXT NOT NULL
)
"""

# The parts of a reason; a checkpoint keeps its last one as last_<part>, an event its own.
_V4_PARTS = (
    ("why", "TEXT NOT NULL DEFAULT ''"),
    ("day", "TEXT"),
    ("detail", "TEXT NOT NULL DEFAULT ''"),
    ("op", "TEXT NOT NULL DEFAULT ''"),
    ("period", "TEXT NOT NULL DEFAULT ''"),
    ("period_end", "TEXT"),
    ("filed", "TEXT"),
    ("portfolio", "REAL"),
    ("stale_seconds", "REAL"),
)
_V5_PARTS = (("split_adjusted", "REAL"), ("rebased", "REAL"))
REASON_PARTS = _V4_PARTS + _V5_PARTS

_V4 = ";\n".join(
    [
        *(f"ALTER TABLE checkpoints ADD COLUMN last_{n} {t}" for n, t in _V4_PARTS),
        *(f"ALTER TABLE events ADD COLUMN {n} {t}" for n, t in _V4_PARTS),
        # Reasons written by earlier versions were sentences only: kept as such.
        "UPDATE checkpoints SET last_why = 'recorded', last_detail = last_reason"
        " WHERE last_reason != ''",
        "UPDATE events SET why = 'recorded', detail = reason WHERE reason != ''",
        "ALTER TABLE checkpoints DROP COLUMN last_reason",
        "ALTER TABLE events DROP COLUMN reason",
        "ALTER TABLE events RENAME COLUMN threshold TO condition",
    ]
)


# Splits as the quote source reported them; `history_restated` once the symbol's stored bars
# before the split were replaced by the restated ones. A checkpoint's `condition_since` is the day
# its `when` was last written: a per-share threshold is on the basis of that day. A fundamentals
# value carries the factor it was divided by to be on the latest share basis.
_V5 = ";\n".join(
    [
        """CREATE TABLE splits (
            symbol TEXT NOT NULL,
            day TEXT NOT NULL,
            numerator REAL NOT NULL,
            denominator REAL NOT NULL,
            found_at TEXT NOT NULL,
            history_restated INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (symbol, day)
        )""",
        "ALTER TABLE checkpoints ADD COLUMN condition_since TEXT",
        "UPDATE checkpoints SET condition_since = date('now') WHERE condition IS NOT NULL",
        "ALTER TABLE fundamentals ADD COLUMN split_factor REAL NOT NULL DEFAULT 1",
        *(f"ALTER TABLE checkpoints ADD COLUMN last_{n} {t}" for n, t in _V5_PARTS),
        *(f"ALTER TABLE events ADD COLUMN {n} {t}" for n, t in _V5_PARTS),
    ]
)


# Evidence. `filings`: the 10-K, 10-Q and 8-K filings of each ticker's company, once each;
# `documents_read` 0 until its documents (an 8-K's EX-99 press releases, a 10-Q's or 10-K's
# primary document) are stored, 1 after, -1 when they can't be had (`read_error`). `documents`:
# the text of each filing document and news headline, zlib-compressed, so changed evidence
# entries are matched again without fetching. `evidence`: each passage that matched a
# checkpoint's entry, once. A checkpoint keeps its entries (JSON) and the day they were last
# written (a passage published before is not news), the entries its stored passages were found
# with and the last document matched. The outbox also carries evidence notices and summaries:
# rebuilt, since `event_id` was NOT NULL.
_V6 = ";\n".join(
    [
        """CREATE TABLE filings (
            symbol TEXT NOT NULL,
            accession TEXT NOT NULL,
            cik TEXT NOT NULL,
            form TEXT NOT NULL,
            items TEXT NOT NULL DEFAULT '',
            accepted TEXT NOT NULL,
            filed TEXT NOT NULL,
            report_date TEXT,
            primary_document TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL,
            found_at TEXT NOT NULL,
            documents_read INTEGER NOT NULL DEFAULT 0,
            read_attempts INTEGER NOT NULL DEFAULT 0,
            read_error TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (symbol, accession)
        )""",
        "CREATE INDEX filings_accepted ON filings(accepted)",
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            symbol TEXT NOT NULL,
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            accession TEXT,
            form TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL,
            published TEXT NOT NULL,
            text BLOB NOT NULL,
            fetched_at TEXT NOT NULL,
            UNIQUE (symbol, source, key)
        )""",
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            symbol TEXT NOT NULL,
            checkpoint_id TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            entry TEXT NOT NULL,
            passage TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            found_at TEXT NOT NULL,
            dismissed_at TEXT,
            UNIQUE (symbol, checkpoint_id, document_id, start),
            FOREIGN KEY (symbol, checkpoint_id) REFERENCES checkpoints(symbol, id)
        )""",
        "CREATE INDEX evidence_checkpoint ON evidence(symbol, checkpoint_id)",
        "ALTER TABLE checkpoints ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE checkpoints ADD COLUMN evidence_since TEXT",
        "UPDATE checkpoints SET evidence_since = strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')",
        "ALTER TABLE checkpoints ADD COLUMN evidence_matched TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE checkpoints ADD COLUMN evidence_through INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE outbox_v6 (
            id INTEGER PRIMARY KEY,
            event_id INTEGER REFERENCES events(id),
            evidence_id INTEGER REFERENCES evidence(id),
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            claimed_by TEXT,
            claimed_at TEXT,
            sent_at TEXT,
            channels TEXT NOT NULL DEFAULT '',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            CHECK (event_id IS NOT NULL OR evidence_id IS NOT NULL OR title != '')
        )""",
        "INSERT INTO outbox_v6 (id, event_id, created_at, claimed_by, claimed_at, sent_at,"
        " channels, attempts, last_error) SELECT id, event_id, created_at, claimed_by,"
        " claimed_at, sent_at, channels, attempts, last_error FROM outbox",
        "DROP TABLE outbox",
        "ALTER TABLE outbox_v6 RENAME TO outbox",
        "CREATE INDEX outbox_unsent ON outbox(sent_at) WHERE sent_at IS NULL",
    ]
)

_V8 = ";\n".join(
    [
        # The trade outside the regular session (pre- or post-market) from Yahoo's v7 batch.
        "ALTER TABLE quotes ADD COLUMN ext_session TEXT",
        "ALTER TABLE quotes ADD COLUMN ext_price REAL",
        "ALTER TABLE quotes ADD COLUMN ext_change REAL",
        "ALTER TABLE quotes ADD COLUMN ext_change_pct REAL",
        "ALTER TABLE quotes ADD COLUMN ext_time TEXT",
        # A provider's session (Yahoo's A3 cookie and crumb), shared by every process.
        """CREATE TABLE provider_sessions (
            provider TEXT PRIMARY KEY,
            cookie TEXT NOT NULL,
            crumb TEXT NOT NULL,
            obtained_at TEXT NOT NULL
        )""",
        # How each provider has answered lately; a paused one is not asked until paused_until.
        """CREATE TABLE provider_health (
            provider TEXT PRIMARY KEY,
            last_success TEXT,
            last_failure TEXT,
            failure TEXT NOT NULL DEFAULT '',
            paused_until TEXT,
            strikes INTEGER NOT NULL DEFAULT 0
        )""",
        # Requests made to each provider, one row per refresh and provider.
        """CREATE TABLE provider_requests (
            provider TEXT NOT NULL,
            at TEXT NOT NULL,
            requests INTEGER NOT NULL
        )""",
        "CREATE INDEX provider_requests_at ON provider_requests(provider, at)",
    ]
)


# Currencies and sales. `fx_rates`: what one unit of `currency` was worth in `base` on each day
# (a Yahoo chart's closes, or the ECB's reference rate of the day), the newest the rate in use.
# A lot keeps the rate paid for it (`fx`, or NULL); `sells` are the sales of catalysts.toml, in
# file order, matched against the lots first-in first-out where they are read.
_V7 = ";\n".join(
    [
        """CREATE TABLE fx_rates (
            currency TEXT NOT NULL,
            base TEXT NOT NULL,
            day TEXT NOT NULL,
            rate REAL NOT NULL,
            source TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (currency, base, day)
        )""",
        "ALTER TABLE lots ADD COLUMN fx REAL",
        """CREATE TABLE sells (
            id INTEGER PRIMARY KEY,
            symbol TEXT NOT NULL REFERENCES tickers(symbol),
            seq INTEGER NOT NULL,
            shares REAL NOT NULL,
            price REAL NOT NULL,
            date TEXT NOT NULL,
            fees REAL NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX sells_symbol ON sells(symbol, seq)",
    ]
)


@dataclass(frozen=True)
class Migration:
    name: str
    script: str

    def apply(self, conn: sqlite3.Connection) -> None:
        # Statement by statement: executescript() would COMMIT the step's transaction first.
        for statement in self.script.split(";"):
            if statement.strip():
                conn.execute(statement)


MIGRATIONS: list[Migration] = [
    Migration("tickers, lots, checkpoints, quotes, prices, fundamentals, events, outbox", _V1),
    Migration("file order of tickers and checkpoints; next earnings dates", _V2),
    Migration("when each remote thing was fetched; SEC's ticker to CIK map", _V3),
    Migration("reasons kept in parts instead of sentences", _V4),
    Migration("stock splits; the day a condition was written; per-share basis of facts", _V5),
    Migration("evidence: filings, documents, matched passages; evidence notices", _V6),
    Migration("currencies and sales: FX rates with history, a lot's rate paid, sells", _V7),
    Migration("extended-hours quotes; provider sessions, health and request counts", _V8),
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, begin: Callable[[], object]) -> None:
    """Bring the schema to SCHEMA_VERSION, one transaction per step (`begin()` opens one that
    holds the write lock). A database newer than this code is refused by the caller."""
    current = schema_version(conn)
    while current < SCHEMA_VERSION:
        begin()
        try:
            # Re-read under the write lock: another process may have migrated meanwhile.
            current = schema_version(conn)
            if current < SCHEMA_VERSION:
                MIGRATIONS[current].apply(conn)
                conn.execute(f"PRAGMA user_version = {current + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        current = schema_version(conn)
