"""The watchlist's status line: how many tickers show and in what order, the filter, and what
needs a look (a checkpoint past due, flags to acknowledge, a verdict from stale data, prices or
rates missing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ....text import printable
from ....thesis.staleness import stale_text
from ... import format as fmt
from ...palette import ink

if TYPE_CHECKING:
    from ....views.watchlist import Totals, Watchlist, WatchRow


def status_text(
    data: Watchlist, rows: list[WatchRow], totals: Totals, sort_label: str, filter_text: str
) -> Text:
    """The line under the table: `rows` are those shown, `totals` of the group shown. One line
    on screen, its parts by how much they need a look once the count, sort and filter are
    said: flags, a checkpoint past due, a verdict from stale data, prices missing, rates missing
    (docs/tui.md)."""
    p = ink()
    status = Text()
    status.append(f"{len(rows)}/{len(data.rows)} tickers · by {sort_label}")
    if filter_text:
        status.append(f" · filter '{printable(filter_text)}'")
    flagged = sum(r.flagged for r in data.rows)  # checkpoints, as everywhere: not tickers
    if flagged:
        status.append(f" · {fmt.FLAG} {flagged} flagged (A acknowledges)", style=p.alarm)
    overdue = [r for r in data.rows if r.next_due is not None and r.next_due.why]
    if overdue:  # past due and still pending: why, not only "83d ago"
        first = overdue[0]
        assert first.next_due is not None
        more = f" (+{len(overdue) - 1} more)" if len(overdue) > 1 else ""
        status.append(
            printable(
                f" · {first.symbol}/{first.next_due.checkpoint_id} past due{more}, "
                f"pending: {first.next_due.why}"
            ),
            style=p.warning,
        )
    stale = [r for r in data.rows if r.verdict_stale is not None]
    if stale:  # the verdict's * in the table: judged from data that stopped coming
        first = stale[0]
        assert first.verdict_stale is not None
        more = f" (+{len(stale) - 1} more)" if len(stale) > 1 else ""
        status.append(
            printable(f" · * {first.symbol} verdict {stale_text(first.verdict_stale)}{more}"),
            style=p.warning,
        )
    if totals.unpriced:
        unpriced = printable(", ".join(totals.unpriced))
        status.append(f" · no price yet for {unpriced}", style=p.warning)
    if totals.no_fx:
        no_fx = printable(", ".join(totals.no_fx))
        status.append(
            f" · * no {printable(data.currency)} rate for {no_fx}: left out of the totals",
            style=p.warning,
        )
    return status
