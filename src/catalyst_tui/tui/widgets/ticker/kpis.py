"""The KPIs pane of a ticker: the KPIs read from words in its releases, calls and filings
(views/kpis.py), grouped by series ("Scorpio · share of revenue", "Blackwell · growth",
"Guidance"), each series newest first: the day, the value as its sentence says it (its comparison
word kept: "over 10%", "closer to 20% (Q4 exit rate)"; a forecast says so, in italics) and the
document's form. Below the table, the highlighted value's sentence and its document (form, title,
day, link). Without any, why: no condition names a KPI, or no document read states one. A
document's words go on screen through `printable` / `fmt.plain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import DataTable, Static

from ....text import counted, printable
from ... import format as fmt
from ...palette import ink
from ..table import under_cursor
from .table_pane import TablePane

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ....views.kpis import KpiPoint, KpiSeries, KpisView
    from ....views.ticker import TickerDetail

COLUMNS = ("Series", "Date", "Value", "Source")


def shown_rows(view: KpisView | None) -> list[tuple[KpiSeries, KpiPoint]]:
    """The table's rows: series by series, as the view orders them, each newest first."""
    return [(s, p) for s in view.series for p in s.newest_first] if view is not None else []


def title(view: KpisView | None, count: int) -> Text:
    head = Text("KPIs", style="bold")
    if view is None or not view.series:
        reason = view.reason if view is not None else ""
        head.append(f"   {reason}" if reason else "", style=ink().muted)
        return head
    series = counted(len(view.series), "series", "series")
    head.append(f": {counted(count, 'value')} in {series}, read from words")
    return head


def detail(series: KpiSeries, point: KpiPoint) -> RenderableType:
    """The value with its series and day, the sentence it was read in, the document."""
    p = ink()
    head = fmt.plain(f"{series.title}: ", "bold")
    head.append(printable(point.said), style="italic" if point.forecast else "bold")
    what = "a forecast" if point.forecast else "an outcome"
    head.append(f"  stated {point.day.isoformat()} ({what})", style=p.muted)
    document = Text(printable(f"{point.stated.form}  "), style=p.muted)
    return Group(
        head,
        fmt.hanging("  ", fmt.plain(f"“{point.kpi.sentence}”")),
        fmt.hanging(document, fmt.plain(point.stated.title, p.muted)),
        fmt.hanging("  ", fmt.plain(point.stated.url, p.muted)),
    )


class KpisPane(TablePane):
    PART = "kpis"
    COLUMNS = COLUMNS
    SCROLLS = False  # the table scrolls its values; the detail stays in view
    # Narrow, the document's form gives way first (the detail below says it), then the series'
    # name, never the value: docs/tui.md.
    GIVE_WAY = (("Source", len("Source")), ("Series", len("Series")), ("Source", 0))
    rows: tuple[tuple[KpiSeries, KpiPoint], ...] = ()

    def show(self, detail: TickerDetail) -> None:
        view = detail.kpis
        rows = tuple(shown_rows(view))
        table = self.table
        at = table.cursor_row
        self.rows = rows
        table.clear()
        for i, (series, point) in enumerate(rows):
            table.add_row(
                fmt.plain(series.title),
                point.day.isoformat(),
                fmt.plain(point.said, "italic" if point.forecast else ""),
                fmt.plain(point.stated.form),
                key=str(i),
            )
        table.display = bool(rows)
        table.fit_columns()
        if rows:
            table.move_cursor(row=min(at, len(rows) - 1), animate=False)
        self.query_one("#kpis-title", Static).update(title(view, len(rows)))
        self.show_detail()

    def current(self) -> tuple[KpiSeries, KpiPoint] | None:
        return under_cursor(self.query_one("#kpis-table", DataTable), self.rows)

    def cursor_detail(self) -> RenderableType:
        row = self.current()
        return detail(*row) if row else Text("")
