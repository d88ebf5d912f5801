"""KPIs read from words (thesis/kpis/statements.py): each value with its sentence's offsets in the
stored
document it came from, and, a ticker at a time, the products read for and the last document
read (a new product named in a condition reads its documents again)."""

from __future__ import annotations

V_KPIS = ";\n".join(
    [
        """CREATE TABLE kpis (
            id INTEGER PRIMARY KEY,
            symbol TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            value REAL,
            high REAL,
            comparison TEXT NOT NULL DEFAULT '',
            basis TEXT NOT NULL DEFAULT '',
            forward INTEGER NOT NULL DEFAULT 0,
            sentence TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            read_at TEXT NOT NULL,
            UNIQUE (document_id, kind, subject, sentence_start, basis, value)
        )""",
        "CREATE INDEX kpis_symbol ON kpis(symbol, kind, subject)",
        """CREATE TABLE kpi_reads (
            symbol TEXT PRIMARY KEY,
            subjects TEXT NOT NULL DEFAULT '[]',
            through INTEGER NOT NULL DEFAULT 0
        )""",
    ]
)


# Your word on a KPI statement (store/kpis.py): accepted (a kill criterion it decides then breaks
# the thesis: thesis/verdict.py) or dismissed (read for no judgement, now or later, as a
# dismissed passage). Never both: the database refuses it. Kept when the statements are read
# again for other products, so a word given once stands.
# And a share's whole where that is a part ("25% of the segment's revenue": `of_part`
# "segment"): no share of the company's revenue (thesis/kpis/metrics.py judges none by it).
V_KPI_DECISIONS = ";\n".join(
    [
        "ALTER TABLE kpis ADD COLUMN accepted_at TEXT",
        "ALTER TABLE kpis ADD COLUMN dismissed_at TEXT"
        " CHECK (accepted_at IS NULL OR dismissed_at IS NULL)",
        "ALTER TABLE kpis ADD COLUMN of_part TEXT NOT NULL DEFAULT ''",
    ]
)
