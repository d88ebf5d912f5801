"""Steps 10 on: intraday charts, earnings releases, start-up reads, the Street's estimates."""

from __future__ import annotations

# Intraday charts (1D, 5D), fetched when a chart shows one: the last answer of each symbol and
# span, its sessions (a JSON list of [start, end] moments) and its bars, kept a day
# (store/intraday.py). Its bars go with it.
V10 = ";\n".join(
    [
        """CREATE TABLE intraday_charts (
            symbol TEXT NOT NULL,
            span TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            zone TEXT NOT NULL DEFAULT '',
            utc_offset INTEGER NOT NULL DEFAULT 0,
            previous_close REAL,
            sessions TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (symbol, span)
        )""",
        """CREATE TABLE intraday_bars (
            symbol TEXT NOT NULL,
            span TEXT NOT NULL,
            at TEXT NOT NULL,
            open REAL NOT NULL,
            high REAL NOT NULL,
            low REAL NOT NULL,
            close REAL NOT NULL,
            volume INTEGER,
            PRIMARY KEY (symbol, span, at),
            FOREIGN KEY (symbol, span) REFERENCES intraday_charts(symbol, span) ON DELETE CASCADE
        )""",
    ]
)


# Earnings releases. `releases`: each 8-K with item 2.02 of a ticker's company, read once: its
# EX-99.1's address, whether results were found, why not (a reading.release.records.NotRead code,
# `detail` the words of a failed fetch, tried again until `attempts` reach three) and the period
# reported. `release_figures`: the quarter's and (on a Q4 release) the year's figures, each with
# why it is missing (a release_records.Gap code) or whether it was derived; `release_guidance`
# the revenue ranges guided. A reason also says where its value was read (`value_source`: the
# filing or the release) and what the release said where the filing since says otherwise. An
# earnings date that came and was replaced (by the next one, or by none) is kept as `last_date`:
# its results are awaited until its 8-K is in, whatever the calendar says next.
V11_REASON_PARTS = (
    ("value_source", "TEXT NOT NULL DEFAULT ''"),
    ("released", "REAL"),
)
V11 = ";\n".join(
    [
        """CREATE TABLE releases (
            symbol TEXT NOT NULL,
            accession TEXT NOT NULL,
            url TEXT NOT NULL,
            filed TEXT NOT NULL,
            accepted TEXT,
            found INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '',
            attempts INTEGER NOT NULL DEFAULT 0,
            period_end TEXT,
            read_at TEXT NOT NULL,
            PRIMARY KEY (symbol, accession)
        )""",
        "CREATE INDEX releases_filed ON releases(filed)",
        """CREATE TABLE release_figures (
            symbol TEXT NOT NULL,
            accession TEXT NOT NULL,
            period TEXT NOT NULL,
            figure TEXT NOT NULL,
            value REAL,
            gap TEXT NOT NULL DEFAULT '',
            derived INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (symbol, accession, period, figure),
            FOREIGN KEY (symbol, accession) REFERENCES releases(symbol, accession)
        )""",
        """CREATE TABLE release_guidance (
            symbol TEXT NOT NULL,
            accession TEXT NOT NULL,
            period TEXT NOT NULL,
            revenue_low REAL NOT NULL,
            revenue_high REAL NOT NULL,
            PRIMARY KEY (symbol, accession, period),
            FOREIGN KEY (symbol, accession) REFERENCES releases(symbol, accession)
        )""",
        *(f"ALTER TABLE checkpoints ADD COLUMN last_{n} {t}" for n, t in V11_REASON_PARTS),
        *(f"ALTER TABLE events ADD COLUMN {n} {t}" for n, t in V11_REASON_PARTS),
        "ALTER TABLE earnings ADD COLUMN last_date TEXT",
    ]
)


# Start-up reads: each symbol's last closes for its sparkline, kept as they are written (JSON
# [[day, close], ...] from STORED_SPARK_DAYS before its last bar), so the watchlist reads
# 500 short rows instead of 15,000 bars; small facts about the database by key (the digest of
# the config last synced); and the timeline's newest events by an index instead of a sort.
# Calendar days before a symbol's last bar: the sparkline's month and a margin.
STORED_SPARK_DAYS = 45
SPARK_OF = (  # the last bar by a seek (ORDER BY ... LIMIT 1): MAX(ts) here reads every bar
    "SELECT json_group_array(json_array(p.ts, p.close)) FROM prices p"
    " WHERE p.symbol = {symbol} AND p.ts >= date((SELECT q.ts FROM prices q"
    f" WHERE q.symbol = {{symbol}} ORDER BY q.ts DESC LIMIT 1), '-{STORED_SPARK_DAYS} days')"
)
V12 = ";\n".join(
    [
        "CREATE TABLE sparks (symbol TEXT PRIMARY KEY, closes TEXT NOT NULL) WITHOUT ROWID",
        "INSERT INTO sparks (symbol, closes) SELECT t.symbol, ("
        + SPARK_OF.format(symbol="t.symbol")
        + ") FROM tickers t WHERE EXISTS (SELECT 1 FROM prices p WHERE p.symbol = t.symbol)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        "CREATE INDEX events_ts ON events(ts, id)",
    ]
)


# Each company's layout, learned from its releases (store/layouts.py). `release_places`: where
# each figure of a stored release was read (a reading.release.records.Place: the table's title,
# which of the tables so titled, the row's label and section, which column of the period's
# length). `release_layouts`: a company's places as its newest release confirmed by XBRL gave
# them (`accession`), which its next release is read with.
_PLACE_COLUMNS = """
            table_title TEXT NOT NULL,
            nth INTEGER NOT NULL,
            row_label TEXT NOT NULL,
            section TEXT NOT NULL,
            col INTEGER NOT NULL"""
V_RELEASE_LAYOUTS = ";\n".join(
    [
        f"""CREATE TABLE release_places (
            symbol TEXT NOT NULL,
            accession TEXT NOT NULL,
            period TEXT NOT NULL,
            figure TEXT NOT NULL,{_PLACE_COLUMNS},
            PRIMARY KEY (symbol, accession, period, figure),
            FOREIGN KEY (symbol, accession) REFERENCES releases(symbol, accession)
        )""",
        f"""CREATE TABLE release_layouts (
            symbol TEXT NOT NULL,
            period TEXT NOT NULL,
            figure TEXT NOT NULL,{_PLACE_COLUMNS},
            accession TEXT NOT NULL,
            learned_at TEXT NOT NULL,
            PRIMARY KEY (symbol, period, figure)
        )""",
    ]
)


# Returns: a lot's fees (in its cost basis), the share of a ticker's dividends withheld and the
# symbol its returns are held against (its group's benchmark, else the settings'), the
# provider's dividends by ex-date (store/dividends.py, replaced by a later answer: restated after
# a split as the bars are), and the dividends the file records by hand.
V_RETURNS = ";\n".join(
    [
        "ALTER TABLE lots ADD COLUMN fees REAL NOT NULL DEFAULT 0",
        "ALTER TABLE tickers ADD COLUMN dividend_tax REAL NOT NULL DEFAULT 0",
        "ALTER TABLE tickers ADD COLUMN benchmark TEXT NOT NULL DEFAULT 'SPY'",
        """CREATE TABLE dividends (
            symbol TEXT NOT NULL,
            day TEXT NOT NULL,
            amount REAL NOT NULL,
            PRIMARY KEY (symbol, day)
        ) WITHOUT ROWID""",
        """CREATE TABLE dividend_entries (
            symbol TEXT NOT NULL,
            seq INTEGER NOT NULL,
            date TEXT NOT NULL,
            amount REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (symbol, seq)
) WITHOUT ROWID""",
    ]
)


# The Street's view (store/estimates.py). `estimates`: one row per symbol, day and period (the
# periods of market.estimates.PERIODS, and NEXT_REPORT: calendarEvents' consensus for the next
# report), kept as a history so a trend survives a provider's gap. `estimate_surprises`: the
# reported quarters' EPS against the consensus, by quarter. `frozen_consensus`: the consensus
# in force the day before each earnings date, written every day before it and never after.
V_ESTIMATES = ";\n".join(
    [
        """CREATE TABLE estimates (
            symbol TEXT NOT NULL,
            day TEXT NOT NULL,
            period TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            period_end TEXT,
            eps_avg REAL, eps_low REAL, eps_high REAL, eps_analysts INTEGER,
            revenue_avg REAL, revenue_low REAL, revenue_high REAL, revenue_analysts INTEGER,
            eps_now REAL, eps_7d REAL, eps_30d REAL, eps_60d REAL, eps_90d REAL,
            up_7d INTEGER, up_30d INTEGER, down_7d INTEGER, down_30d INTEGER,
            PRIMARY KEY (symbol, day, period)
        ) WITHOUT ROWID""",
        """CREATE TABLE estimate_surprises (
            symbol TEXT NOT NULL,
            quarter TEXT NOT NULL,
            eps_actual REAL,
            eps_estimate REAL,
            surprise REAL,
            PRIMARY KEY (symbol, quarter)
        ) WITHOUT ROWID""",
        """CREATE TABLE frozen_consensus (
            symbol TEXT NOT NULL,
            report TEXT NOT NULL,
            period_end TEXT,
            eps REAL,
            revenue REAL,
            eps_analysts INTEGER,
            revenue_analysts INTEGER,
            as_of TEXT NOT NULL,
            PRIMARY KEY (symbol, report)
        ) WITHOUT ROWID""",
    ]
)

# The money each period's EPS consensus is in (Yahoo's `earningsCurrency`: CNY for BABA's US
# listing), where the provider said it: the forward P/E converts it into the quote's money.
V_ESTIMATE_CURRENCY = "ALTER TABLE estimates ADD COLUMN eps_currency TEXT"

# Revenue by member of each 10-Q and 10-K read for product lines (store/segments.py):
# `segment_filings` one row per filing read, `segment_members` each axis member's revenue in
# the filing's current period; kept for every filing, so a line's history builds up.
V_SEGMENTS = ";\n".join(
    [
        """CREATE TABLE segment_filings (
            symbol TEXT NOT NULL,
            accession TEXT NOT NULL,
            form TEXT NOT NULL,
            filed TEXT,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            currency TEXT NOT NULL,
            total_revenue INTEGER,
            read_at TEXT NOT NULL,
            PRIMARY KEY (symbol, accession)
        ) WITHOUT ROWID""",
        """CREATE TABLE segment_members (
            symbol TEXT NOT NULL,
            accession TEXT NOT NULL,
            axis TEXT NOT NULL,
            member TEXT NOT NULL,
            label TEXT NOT NULL,
            revenue INTEGER NOT NULL,
            generic INTEGER NOT NULL DEFAULT 0,
            aggregate INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (symbol, accession, axis, member),
            FOREIGN KEY (symbol, accession) REFERENCES segment_filings (symbol, accession)
                ON DELETE CASCADE
        ) WITHOUT ROWID""",
    ]
)

# Verdicts (store/verdicts.py, thesis/verdict.py). `checkpoints.kill`: the file declares the
# checkpoint the thesis's kill criterion; `forecast_*`: a pending target's best forecast at its
# last evaluation (thesis/reported/forecast.py: its source, value and fiscal year), '' / NULL for
# none.
# `verdicts`: each ticker's verdict as last recorded, since when, and its reasons then (a JSON
# list, store/columns.py). `verdict_events`: each change of a ticker's verdict, for the timeline;
# its notification is an outbox row of its own (title, body) written in the same transaction.
V_VERDICTS = ";\n".join(
    [
        "ALTER TABLE checkpoints ADD COLUMN kill INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE checkpoints ADD COLUMN forecast_source TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE checkpoints ADD COLUMN forecast_value REAL",
        "ALTER TABLE checkpoints ADD COLUMN forecast_year TEXT",
        """CREATE TABLE verdicts (
            symbol TEXT PRIMARY KEY,
            verdict TEXT NOT NULL,
            since TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]'
        )""",
        """CREATE TABLE verdict_events (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            symbol TEXT NOT NULL,
            from_verdict TEXT NOT NULL,
            to_verdict TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX verdict_events_by_symbol ON verdict_events(symbol, ts)",
    ]
)


# How a milestone past its due date is judged (thesis/awaiting.py): `at_due` 1 for a file's
# `judged = "at due"` (missed the day after its due date), 0 for one its quarter's report settles.
V_AT_DUE = "ALTER TABLE checkpoints ADD COLUMN at_due INTEGER NOT NULL DEFAULT 0"


# Goalposts (thesis/goalposts.py, store/journal.py): each move of a checkpoint's threshold, due
# date, last day or kill flag the file made (by hand or through the TUI's form), before and after.
V_GOALPOSTS = ";\n".join(
    [
        """CREATE TABLE goalposts (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            symbol TEXT NOT NULL,
            checkpoint_id TEXT NOT NULL,
            field TEXT NOT NULL,
            before TEXT NOT NULL DEFAULT '',
            after TEXT NOT NULL DEFAULT '',
            loosened INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX goalposts_by_symbol ON goalposts(symbol, ts)",
    ]
)


# The thesis journal (store/journal.py): dated notes on a ticker, with what was done and the
# conviction held; kept in the database, not in catalysts.toml.
V_JOURNAL = ";\n".join(
    [
        """CREATE TABLE journal (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            symbol TEXT NOT NULL,
            text TEXT NOT NULL,
            action TEXT NOT NULL DEFAULT '',
            conviction TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX journal_by_symbol ON journal(symbol, ts)",
    ]
)


# The figures a 10-Q's or 10-K's XBRL states beside revenue for its current period (store/
# segments.py), by concept: what the metrics declared with `xbrl=` in thesis/catalogue.py read.
V_SEGMENT_FIGURES = """CREATE TABLE segment_figures (
    symbol TEXT NOT NULL,
    accession TEXT NOT NULL,
    concept TEXT NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (symbol, accession, concept),
    FOREIGN KEY (symbol, accession) REFERENCES segment_filings (symbol, accession)
        ON DELETE CASCADE
) WITHOUT ROWID"""
