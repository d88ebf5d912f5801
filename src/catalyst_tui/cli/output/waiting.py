"""The lots and sales catalysts.toml writes in another currency than the listing's whose rate of
their day is not stored yet (an import's, offline), as `catalyst positions` says them: each not
counted in its position until a refresh has fetched that rate (store/sync.py `written_in`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...text import printable
from ...thesis.portfolio.positions import Lot

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ...store.written_in import Waiting


def waiting_said(waiting: Iterable[Waiting]) -> list[str]:
    """One line a lot or sale: `TSLA: a lot of 0.56217674 bought 2025-06-05 at 88.94 EUR waits
    for the EUR to USD rate of its day: not counted yet (catalyst refresh fetches it)`."""
    lines = []
    for w in waiting:
        entry = w.entry
        if isinstance(entry, Lot):
            what, price = f"a lot of {entry.shares:g} bought", entry.cost
        else:
            what, price = f"a sale of {entry.shares:g} on", entry.price
        day = entry.date.isoformat() if entry.date else "an undated day"
        written = entry.currency or w.unit or "its listing's unit"
        fees = f", its fees of {entry.fees:g} {entry.fees_currency}" if entry.fees_currency else ""
        into = w.unit or "its listing's (not known before its first quote)"
        currencies = " and ".join(c for c in (entry.currency, entry.fees_currency) if c)
        lines.append(
            printable(
                f"{w.symbol}: {what} {day} at {price:g} {written}{fees} waits for the "
                f"{currencies} to {into} rate of its day: not counted yet (catalyst refresh "
                "fetches it)"
            )
        )
    return lines
