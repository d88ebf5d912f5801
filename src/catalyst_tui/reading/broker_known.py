"""Broker exports catalyst knows by their header line but does not read, each named when one is
given, so that a user learns what the file is and what to export instead, never "a row that
cannot be read"."""

from __future__ import annotations

from typing import NamedTuple

from .brokers import columns_said, header_cells


class Known(NamedTuple):
    title: str
    columns: tuple[str, ...]  # all in its header line
    instead: str  # what to do instead


KNOWN: tuple[Known, ...] = (
    Known(
        "a Revolut trading export",
        ("Date", "Ticker", "Type", "Price per share", "Total Amount", "FX Rate"),
        "add its trades with a generic CSV (--map)",
    ),
    Known(
        "a Freetrade activity export",
        ("Title", "Type", "Timestamp", "Buy / Sell", "Price per Share in Account Currency"),
        "add its trades with a generic CSV (--map)",
    ),
    Known(
        "a Saxo transactions export",
        ("Trade Date", "Value Date", "Instrument", "Instrument ISIN", "Event"),
        "add its trades with a generic CSV (--map)",
    ),
    Known(
        "a DEGIRO account statement (Account.csv)",
        ("Datum", "Tijd", "Valutadatum", "Omschrijving", "Mutatie"),
        "export Transactions.csv (--broker degiro)",
    ),
    Known(
        "a DEGIRO account statement (Account.csv)",
        ("Date", "Time", "Value date", "Description", "Change"),
        "export Transactions.csv (--broker degiro)",
    ),
)


def known_other(text: str) -> str | None:
    """What the export is when it is one catalyst knows and does not read: its name, its
    columns and what to do instead."""
    cells = set(header_cells(text))
    for known in KNOWN:
        if cells.issuperset(known.columns):
            return (
                f"{known.title}: not a format catalyst reads; its columns are "
                f"{columns_said(text)}; {known.instead}"
            )
    return None
