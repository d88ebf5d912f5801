"""The watchlist table's columns and the cells of one row: the symbol (flagged or not), price, day's
change, 30-day sparkline, thesis score and verdict, position (P&L, P&L %, value, weight, shares),
the next dates, and the Street's forward P/E with its revision arrow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets.data_table import ColumnKey

from ....text import printable
from ....thesis.catalogue import METRICS
from ....thesis.reported.results import in_line
from ....thesis.vocabulary import VERDICT_STYLE, Verdict
from ....thesis.wording import multiple
from ....views.watchlist import LARGEST_FIRST, SORTS, WatchRow
from ... import format as fmt
from ...palette import ink
from ...textual_private import clear_table_caches
from ..chart.sparkline import sparkline
from ..parted import PARTS, Parted

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..table import RowTable

SPARK_WIDTH = 5
# The most telling first. Narrower than every column needs, they give way in GIVE_WAY's order.
# A metric's header is its catalogue row's (thesis/catalogue.py).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("symbol", "Symbol"),
    METRICS["price"].as_column,
    ("day", "Day"),
    ("spark", "30d"),
    ("thesis", "Thesis"),
    ("verdict", "Verdict"),
    ("gain", "P&L"),  # the amount, in the base currency
    ("pnl", "P&L %"),  # of what is held: the P&L % sort's column
    ("value", "Value"),
    METRICS["weight"].as_column,
    ("due", "Due"),  # the next pending checkpoint with a date: days left, its id
    ("earnings", "Report"),  # the next earnings date; for five days after one, its beat or miss
    METRICS["forward_pe"].as_column,  # with the arrow of the Street's revisions
    ("shares", "Held"),  # the shares held, the least telling: Value and Weight say the size
)
# When the table is wider than its room (widgets/table.py), these columns give way, first to
# last, each down to its floor, never a part cut short: the next due gives up its checkpoint's
# id and keeps its days left ("41d", not "41d…"), the shares are left blank (the least
# telling: Value and Weight say the size; at 120 columns every other cell is whole), the
# verdict gives up its coverage and keeps its word ("at risk", not "at risk…"), then whole
# columns are left blank (a figure cut short reads as another): the sparkline, the earnings
# date, the forward P/E, the next due, the day's change, the P&L amount (its % stays; at 80
# columns the verdict still fits), and where figures are wider still (a portfolio of millions)
# the weight, the value, the P&L %, the thesis score and the price; last of all the verdict.
# The symbol stays.
GIVE_WAY: tuple[tuple[str, int], ...] = (
    ("due", PARTS),
    ("shares", 0),
    ("verdict", PARTS),
    ("spark", 0),
    ("earnings", 0),
    ("forward_pe", 0),
    ("due", 0),
    ("day", 0),
    ("gain", 0),
    ("weight", 0),
    ("value", 0),
    ("pnl", 0),
    ("verdict", 0),
)


def show_sort(table: RowTable, sort: str, *, reverse: bool) -> None:
    """The sorted column's header says which way it goes: ▲ the smallest first, ▼ the largest
    (a column sorted by; "file" order has none). Every column one can sort by keeps room for an
    arrow, so the columns do not move when it does; the column sorted by never gives way."""
    table.hold(sort)
    sortable = {key for key, _ in SORTS}
    for key, label in COLUMNS:
        column = table.columns.get(ColumnKey(key))
        if column is None or key not in sortable:
            continue
        text = Text(label)
        if key == sort:
            text.append(" ▼" if (sort in LARGEST_FIRST) != reverse else " ▲")
        column.label = text
        column.content_width = max(column.content_width, len(label) + 2)
    clear_table_caches(table)  # a header cell is cached by the table's updates; no label is one
    table.refresh(layout=True)


def shown_part(row: WatchRow) -> WatchRow:
    """The row without what no cell shows (when it was fetched), to tell changed rows."""
    return row._replace(fetched_at=None, position=0)


def row_cells(row: WatchRow, base: str) -> tuple[Text | str, ...]:
    """The cells of `row`, in COLUMNS order; `base` is the portfolio's currency."""
    p = ink()
    flagged = row.flagged > 0
    symbol = fmt.plain(row.symbol, "bold")
    if flagged:
        symbol = fmt.plain(f"{fmt.FLAG} {row.symbol}", p.badge)
    if not row.has_quote:  # why is on the ticker screen (⏎): the provider's own words
        price = Text("no quote ⏎", style=p.warning) if row.error else Text("no data yet", p.muted)
    else:
        price = Text(fmt.money(row.price), style=p.warning if row.stale else "")
        if row.stale:
            price.append("*", style=p.warning)
        if row.currency and row.currency != base:  # a listing in another currency says which
            price.append(f" {printable(row.currency)}", style=p.muted)
    due: Text = Text("")
    if row.next_due is not None:
        days = fmt.days_left(row.next_due.days_left)
        ident = printable(row.next_due.checkpoint_id)
        due = Parted.of(days + f" {ident if len(ident) <= 16 else ident[:15] + '…'}", len(days))
    earnings = Text(row.earnings.strftime("%b %d") if row.earnings else "", style=p.info)
    if row.release is not None:  # results in the last days: beat or miss its own guide
        earnings.append(" " if row.earnings else "")
        earnings.append_text(release_mark(row.release.vs_guide))
    day = fmt.percent(row.change_pct) if row.has_quote else Text("")
    if row.has_quote and row.ext_session and row.ext_change_pct is not None:
        day.append(f" {row.ext_session} ", style=p.muted)
        day.append_text(fmt.percent(row.ext_change_pct))
    return (
        symbol,
        price,
        day,
        _spark(row.spark),
        fmt.score(row.met, row.missed, row.pending, tight=True),  # at 120 columns the rest fit
        verdict_cell(row.verdict, row.judged, stale=row.verdict_stale is not None),
        fmt.signed(row.pnl) if row.shares else Text(""),
        fmt.percent(row.pnl_pct) if row.shares else Text(""),
        _value(row),
        fmt.percent(row.weight, sign=False) if row.shares else "",
        due,
        earnings,
        street_cell(row.forward_pe, row.revision),
        fmt.shares(row.shares),
    )


def release_mark(vs_guide: float | None) -> Text:
    """▲ +5.7% after a beat of the company's own guide, ▼ -2.1% after a miss, = 0.0% in line;
    ● results released with no guide to hold them to."""
    p = ink()
    if vs_guide is None:
        return Text("● results", style=p.info)
    if in_line(vs_guide):
        return Text("= 0.0%", style="bold")
    if vs_guide >= 0:
        return Text(f"▲ {vs_guide:+.1%}", style=f"bold {p.good}")
    return Text(f"▼ {vs_guide:+.1%}", style=p.alarm)


def verdict_cell(verdict: str | None, judged: tuple[int, int], *, stale: bool = False) -> Text:
    """The thesis's verdict in its word and colour (thesis/vocabulary.VERDICT_STYLE), then its
    coverage muted, the checkpoints judged of how many (`at risk 3/15`); an unjudged thesis is a
    muted "—" (nothing judged to show: the ticker page and `review` say "unjudged"), with its
    `0/2` when it has checkpoints to judge. Judged from stale data, the word is muted (the
    palette's role, not its colour) and marked `*` (`intact* 3/15`: the status line says since
    when)."""
    if verdict is None:
        return Text("")
    p = ink()
    word = "—" if verdict == Verdict.UNJUDGED else str(verdict)
    style = p.status(VERDICT_STYLE[verdict])
    cell = Text(word, style=p.muted if stale else style)
    if stale:
        cell.append("*", style=p.warning)
    done, of = judged
    if of:
        head = len(cell)
        cell.append(f" {done}/{of}", style=p.muted)
        return Parted.of(cell, head)  # the word without the coverage reads whole
    return cell


def street_cell(forward_pe: float | None, revision: float | None) -> Text:
    """`46.2x ▲`: the forward P/E, then ▲ when this fiscal year's EPS consensus is higher than
    30 days ago, ▼ lower, = the same, nothing when not known; — for no forward P/E."""
    p = ink()
    cell = Text(fmt.NONE, style=p.muted) if forward_pe is None else Text(multiple(forward_pe))
    if revision is not None:
        cell.append(" ")
        if revision > 0:
            cell.append("▲", style=p.good)
        elif revision < 0:
            cell.append("▼", style=p.bad)
        else:
            cell.append("=", style="bold")
    return cell


def _spark(closes: tuple[float, ...]) -> Text:
    """The sparkline, green when the period ends at or above where it began, else red."""
    p = ink()
    if not closes:
        return Text("")
    return Text(sparkline(closes, SPARK_WIDTH), style=p.good if closes[-1] >= closes[0] else p.bad)


def _value(row: WatchRow) -> Text | str:
    """The value in the base currency; without an FX rate, in the listing's currency (pounds
    for a listing quoted in pence: money, where the price stays in GBp), marked."""
    if not row.shares:
        return ""
    local = row.local_money
    if row.no_fx and local is not None:
        return Text(f"{fmt.money(local[0])} {printable(local[1])}*", style=ink().warning)
    return fmt.money(row.value)


class CellCache:
    """Each symbol's cells with the row and currency they were built from, kept across
    refreshes: a row shown again unchanged (the table rebuilt for a sort, a filter, a tab, or
    a refresh that moved other prices) takes its cells from here instead of building them."""

    def __init__(self) -> None:
        self._built: dict[str, tuple[WatchRow, str, tuple[Text | str, ...]]] = {}

    def cells(self, row: WatchRow, base: str) -> tuple[Text | str, ...]:
        part = shown_part(row)
        hit = self._built.get(row.symbol)
        if hit is not None and hit[0] == part and hit[1] == base:
            return hit[2]
        cells = row_cells(row, base)
        self._built[row.symbol] = (part, base, cells)
        return cells

    def is_current(self, row: WatchRow, base: str) -> bool:
        """Whether the cells last built for the row's symbol (and put in the table: the screen
        builds them only to show them) are this row's."""
        hit = self._built.get(row.symbol)
        return hit is not None and hit[1] == base and hit[0] == shown_part(row)

    def keep(self, symbols: set[str]) -> None:
        """Forget the symbols no longer on the watchlist."""
        for gone in self._built.keys() - symbols:
            del self._built[gone]

    def add_rows(self, table: RowTable, rows: Iterable[WatchRow], base: str) -> None:
        """Each row added to the table, its cells in `base` (kept, or built)."""
        for row in rows:
            table.add_row(*self.cells(row, base), key=row.symbol)

    def update_rows(self, table: RowTable, rows: Iterable[WatchRow], base: str) -> None:
        """Each row's cells that changed, updated in place; widths follow the content (a price
        that gains a digit or a stale mark after the first fill is never cut)."""
        for row in rows:
            for (key, _), cell in zip(COLUMNS, self.cells(row, base), strict=True):
                if table.get_cell(row.symbol, key) != cell:
                    table.update_cell(row.symbol, key, cell, update_width=True)
