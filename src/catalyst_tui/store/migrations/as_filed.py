"""SEC's values as each filing stated them (store/as_filed.py): every value of the concepts the
fundamentals are derived from, with its filing's date, form and accession, kept as they arrive
and never replaced, so replay knows on a day only what was filed by then."""

from __future__ import annotations

# A table with a rowid: SQLite 3.40's integrity_check reports every row of a WITHOUT ROWID table
# whose key is not in its columns' order as "NULL value in filed_values.value" (none is NULL), and
# the durability tests read that check.
V_AS_FILED = ";\n".join(
    [
        """CREATE TABLE filed_values (
            symbol TEXT NOT NULL,
            taxonomy TEXT NOT NULL,
            concept TEXT NOT NULL,
            unit TEXT NOT NULL,
            period_start TEXT NOT NULL DEFAULT '',
            period_end TEXT NOT NULL,
            value REAL NOT NULL,
            form TEXT NOT NULL DEFAULT '',
            filed TEXT NOT NULL,
            accession TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (symbol, taxonomy, concept, unit, period_end, period_start, filed,
                accession)
        )""",
        "CREATE INDEX filed_values_by_day ON filed_values(symbol, filed)",
    ]
)
