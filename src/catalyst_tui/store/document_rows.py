"""A filing and a document as rows of their tables: the columns each is selected as, and the
record a row reads back as; what a ticker's documents are, by source (what evidence is
searched in). SEC's filings module (its index reader and HTML bounds) loads with
the first filing read: the watchlist's verdicts read the evidence door before its first
frame, and no filing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..market.models import NEW_YORK as EASTERN
from .columns import day
from .records import DocumentRecord, FilingRecord

FILING_COLUMNS = (
    "symbol, accession, cik, form, items, accepted, filed, report_date, primary_document, url,"
    " documents_read, read_error"
)
DOCUMENT_COLUMNS = "d.id, d.symbol, d.source, d.form, d.title, d.url, d.published"


class SearchedIn(NamedTuple):
    """The documents of one source stored for a ticker, which its evidence entries are
    matched in: how many, and the first and the last published."""

    symbol: str
    source: str  # the documents' source: SEC EDGAR's, a news provider's, "feeds", "document"
    documents: int
    first: dt.datetime
    last: dt.datetime


def filing_record(row: tuple[Any, ...]) -> FilingRecord:
    from ..market.sec.filings import Filing

    symbol, accession, cik, form, items, accepted, filed, report, primary, url, read, error = row
    filing = Filing(
        cik,
        accession,
        form,
        tuple(i for i in items.split(",") if i),
        dt.datetime.fromisoformat(accepted).astimezone(EASTERN),
        dt.date.fromisoformat(filed),
        day(report),
        primary,
    )
    return FilingRecord(symbol, filing, url, read, error)


def document_record(row: Sequence[Any]) -> DocumentRecord:
    ident, symbol, source, form, title, url, published = row
    return DocumentRecord(
        ident, symbol, source, form, title, url, dt.datetime.fromisoformat(published)
    )


def searched_in(conn: sqlite3.Connection, symbol: str | None) -> list[SearchedIn]:
    """Each ticker's documents by source (of `symbol`), as `SearchedIn` records."""
    return [
        SearchedIn(
            symbol=ticker,
            source=source,
            documents=count,
            first=dt.datetime.fromisoformat(first),
            last=dt.datetime.fromisoformat(last),
        )
        for ticker, source, count, first, last in conn.execute(
            "SELECT symbol, source, COUNT(*), MIN(published), MAX(published) FROM documents"
            " WHERE ? IS NULL OR symbol = ? GROUP BY symbol, source ORDER BY symbol, source",
            [symbol, symbol],
        )
    ]
