"""A filing and a document as rows of their tables: the columns each is selected as, and the
record a row reads back as. SEC's filings module (its index reader and HTML bounds) loads with
the first filing read: the watchlist's verdicts read the evidence door before its first
frame, and no filing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..market.models import NEW_YORK as EASTERN
from .columns import day
from .records import DocumentRecord, FilingRecord

FILING_COLUMNS = (
    "symbol, accession, cik, form, items, accepted, filed, report_date, primary_document, url,"
    " documents_read, read_error"
)
DOCUMENT_COLUMNS = "d.id, d.symbol, d.source, d.form, d.title, d.url, d.published"


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
