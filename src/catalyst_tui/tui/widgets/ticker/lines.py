"""The Lines pane of a ticker: revenue by product line from the newest 10-Q or 10-K that states it
(views/lines.py): each line's revenue, its share of the filing's revenue and its change against
the same quarter a year before (growth green, a fall red), the largest line marked, a line that
is the sum of others in italics. Without lines, why (no filing read yet, or the company's
filings state none). Labels come from the filing: they go on screen through `fmt.plain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from ....thesis.wording import money
from ....views.lines import LARGEST
from ... import format as fmt
from ...palette import ink
from .table_pane import TablePane

if TYPE_CHECKING:
    from ....views.lines import LineRow, LinesView
    from ....views.ticker import TickerDetail


def change(value: float | None) -> Text:
    """'+25.0%' green, '-3.1%' red, '—' without the line a year before."""
    p = ink()
    if value is None:
        return Text(fmt.NONE, style=p.muted)
    return Text(f"{value:+.1%}", style=p.good if value >= 0 else p.alarm)


def _amount(revenue: int, currency: str) -> str:
    return money(revenue, currency)


def title(view: LinesView | None) -> Text:
    p = ink()
    head = Text("Lines", style="bold")
    if view is None or view.split is None:
        reason = view.reason if view is not None else ""
        head.append(f"   {reason}" if reason else "", style=p.muted)
        head.append(
            "\n   each new 10-Q or 10-K is read in the refresh that lists it, or now by "
            "`catalyst segments SYMBOL` (needs providers.sec.user_agent)",
            style=p.muted,
        )
        return head
    s = view.split
    period = "quarter" if s.days <= 120 else "fiscal year"
    head.append(f": {period} ended {s.period_end.isoformat()}  ({s.form}")
    head.append(f" filed {s.filed.isoformat()})" if s.filed else ")")
    if s.total_revenue is not None:
        head.append(f"  revenue {_amount(s.total_revenue, s.currency)}")
    if view.earlier is None:
        head.append("\n   no filing of the same period a year before", style=p.muted)
    return head


class LinesPane(TablePane):
    PART = "lines"
    COLUMNS = ("Line", "Revenue", "Share", "vs year before", ("mark", ""))
    DETAIL = False

    def show(self, detail: TickerDetail) -> None:
        view = detail.lines
        table = self.table
        table.clear()
        currency = view.split.currency if view is not None and view.split is not None else "USD"
        rows: tuple[LineRow, ...] = view.rows if view is not None else ()
        for i, row in enumerate(rows):
            style = "italic" if row.aggregate else ("bold" if row.largest else "")
            table.add_row(
                fmt.plain(row.label, style),
                _amount(row.revenue, currency),
                fmt.NONE if row.share is None else f"{row.share:.1%}",
                change(row.change),
                Text(LARGEST, style=ink().good) if row.largest else Text(""),
                key=str(i),
            )
        table.display = bool(rows)
        table.fit_columns()
        self.query_one("#lines-title", Static).update(title(view))
