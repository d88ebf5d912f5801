"""Steps 2 to 9, the first two releases': earnings dates, fetch times, reasons in parts, splits,
evidence, currencies and sales, provider sessions, missing values as codes."""

from __future__ import annotations

V2 = """
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

V3 = """
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

# A notice's delivery as the outbox keeps it: the columns of its first version (schema.py), kept
# by V6's.
OUTBOX_DELIVERY = """created_at TEXT NOT NULL,
    claimed_by TEXT,
    claimed_at TEXT,
    sent_at TEXT,
    channels TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''"""
_DELIVERED = ", ".join(line.split()[0] for line in OUTBOX_DELIVERY.splitlines())

# The parts of a reason (schema.REASON_PARTS is every step's); a checkpoint keeps its last one as
# last_<part>, an event its own.
V4_REASON_PARTS = (
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
V5_REASON_PARTS = (("split_adjusted", "REAL"), ("rebased", "REAL"))

V4 = ";\n".join(
    [
        *(f"ALTER TABLE checkpoints ADD COLUMN last_{n} {t}" for n, t in V4_REASON_PARTS),
        *(f"ALTER TABLE events ADD COLUMN {n} {t}" for n, t in V4_REASON_PARTS),
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
V5 = ";\n".join(
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
        *(f"ALTER TABLE checkpoints ADD COLUMN last_{n} {t}" for n, t in V5_REASON_PARTS),
        *(f"ALTER TABLE events ADD COLUMN {n} {t}" for n, t in V5_REASON_PARTS),
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
V6 = ";\n".join(
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
        f"""CREATE TABLE outbox_v6 (
            id INTEGER PRIMARY KEY,
            event_id INTEGER REFERENCES events(id),
            evidence_id INTEGER REFERENCES evidence(id),
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            {OUTBOX_DELIVERY},
            CHECK (event_id IS NOT NULL OR evidence_id IS NOT NULL OR title != '')
        )""",
        f"INSERT INTO outbox_v6 (id, event_id, {_DELIVERED}) SELECT id, event_id, {_DELIVERED}"
        " FROM outbox",
        "DROP TABLE outbox",
        "ALTER TABLE outbox_v6 RENAME TO outbox",
        "CREATE INDEX outbox_unsent ON outbox(sent_at) WHERE sent_at IS NULL",
    ]
)

# Currencies and sales. `fx_rates`: what one unit of `currency` was worth in `base` on each day
# (a Yahoo chart's closes, or the ECB's reference rate of the day), the newest the rate in use.
# A lot keeps the rate paid for it (`fx`, or NULL); `sells` are the sales of catalysts.toml, in
# file order, matched against the lots first-in first-out where they are read.
V7 = ";\n".join(
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


V8 = ";\n".join(
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


# Why a value is missing, kept as a code and its parameters (thesis/observation.py Missing)
# instead of a sentence in `detail`, which now only holds a note. A reason stored before with no
# value and a sentence keeps that sentence, as the 'recorded' code carrying it: the reasons that
# were not marks by hand (or recorded whole) as version 8 knew them.
V9_REASON_PARTS = (
    ("missing", "TEXT NOT NULL DEFAULT ''"),
    ("missing_params", "TEXT NOT NULL DEFAULT ''"),
)
_OBSERVED = (
    "('', 'due_ahead', 'due_passed', 'final', 'no_value', 'compared', 'still_met', 'never_held')"
)
V9 = ";\n".join(
    [
        *(f"ALTER TABLE checkpoints ADD COLUMN last_{n} {t}" for n, t in V9_REASON_PARTS),
        *(f"ALTER TABLE events ADD COLUMN {n} {t}" for n, t in V9_REASON_PARTS),
        "UPDATE checkpoints SET last_missing = 'recorded',"
        " last_missing_params = json_object('text', last_detail), last_detail = ''"
        " WHERE last_value IS NULL AND last_detail != '' AND last_why IN " + _OBSERVED,
        "UPDATE events SET missing = 'recorded', missing_params = json_object('text', detail),"
        " detail = '' WHERE value IS NULL AND detail != '' AND why IN " + _OBSERVED,
    ]
)
