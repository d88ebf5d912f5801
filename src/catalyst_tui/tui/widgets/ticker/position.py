"""The Position pane of a ticker: its lots (on today's share basis after a split), its sales
and what they realized, then the fundamentals and the next earnings date. Every amount says its
currency: a lot's cost a share in the listing's unit (GBp, as the quote), its basis and value in
the listing's currency (GBP: money, not a price), and its basis, value and P&L in the base
currency beside them when that is another (views/money.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from ....text import printable
from ....thesis.portfolio.performance import Span
from ....thesis.portfolio.returns import basis_text
from ....thesis.wording import (
    format_value,
    missing_text,
    no_return_text,
    observation_note,
    rate_text,
    versus_text,
)
from ... import format as fmt
from ... import messages
from ...palette import ink
from ..table import RowTable
from .pane import PaneContext, TickerPane, shown_keys

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from ....thesis.portfolio.positions import Lot
    from ....views.ticker import Figure, TickerDetail


def lot_columns(unit: str | None, money: str | None, base: str) -> tuple[str, ...]:
    """The lots table's headers, each amount's with its currency: the cost a share in the
    listing's unit (GBp), the basis and value in its currency (GBP), then the base currency's
    when it is another (or the listing's is not known yet). `money`: the listing's currency."""
    listed, held = printable(unit or ""), printable(money or "")
    own = (f"Cost {listed}".rstrip(), f"Basis {held}".rstrip(), f"Value {held}".rstrip())
    base = printable(base)
    if money is not None and money == base:
        return ("Date", "Shares", *own, f"P&L {base}", "Note")
    return ("Date", "Shares", *own, f"Basis {base}", f"Value {base}", f"P&L {base}", "Note")


class PositionPane(TickerPane):
    """Shown by `show`; `chosen_lot` is the lot its lot keys act on."""

    KEYS = (
        Binding("l", "add_lot", "Add lot"),
        Binding("L", "edit_lot", "Edit lot"),
        Binding("D", "remove_lot", "Remove"),
        Binding("s", "sell", "Sell"),
        Binding("S", "remove_sell", "Undo sale"),
    )
    # e edits what the pane shows: a lot here (a checkpoint on the other panes)
    BINDINGS = [*shown_keys(KEYS), Binding("e", "edit_lot", "Edit lot", show=False)]

    def __init__(self, title: str, context: PaneContext, *, id: str) -> None:  # noqa: A002
        super().__init__(title, context, id=id)
        self._detail: TickerDetail | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="position-scroll"):
            yield Static("Lots", classes="section")
            yield Static(id="splits")
            yield RowTable(id="lot-table")
            yield Static(id="sales")
            yield Static(id="returns")
            yield Static("Fundamentals", classes="section")
            yield Static(id="fundamentals")

    def show(self, d: TickerDetail) -> None:
        p = ink()
        self._detail = d
        lots = self.query_one("#lot-table", DataTable)
        columns = lot_columns(d.unit, d.money_unit, d.base)
        if tuple(str(c.label) for c in lots.columns.values()) != columns:
            lots.clear(columns=True)
            lots.add_columns(*columns)
        else:
            lots.clear()
        for index, held in enumerate(d.lots):
            lot = held.lot
            # What the lot still holds after the sales (first-in first-out), on today's basis.
            left = d.held[index] if index < len(d.held) else held.shares
            money = d.lot_money[index]
            shares = fmt.shares(left) or "0"
            if left != held.shares:  # partly or wholly sold
                shares += f" of {fmt.shares(held.shares)}"
            if held.factor != 1:  # bought before a split: shown on today's basis
                shares += f" ({fmt.shares(lot.shares)}×{held.factor:g})"
            note = Text()
            if held.uncertain:
                note.append(
                    "no date: before or after the split? P&L uncertain: L to date it ",
                    style=p.warning,
                )
            note.append(printable(lot.note))  # the user's words: plain text, never markup
            own: list[str | Text] = [
                fmt.money(held.cost),
                fmt.money(money.basis),
                fmt.money(money.value),
            ]
            if not d.money_in_base:
                own += [fmt.money(money.base_basis), fmt.money(money.base_value)]
            lots.add_row(
                lot.date.isoformat() if lot.date else "",
                shares,
                *own,
                fmt.signed(money.base_pnl),
                note,
            )
        lots.display = bool(d.lots)
        self._show_sales(d)
        self._show_returns(d, d.base)
        splits = self.query_one("#splits", Static)
        splits.display = bool(d.splits)
        if d.splits:
            listed = ", ".join(f"{s.text} on {s.day.isoformat()}" for s in d.splits)
            splits.update(
                Text(
                    f"Splits: {listed}. Lots bought before a split are shown on "
                    "today's share basis; the file keeps what you wrote.",
                    style=p.muted,
                )
            )
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(style=p.muted, overflow="fold")
        for label, shown, aside in self._figures(d):
            table.add_row(label, shown, fmt.plain(aside))
        if d.lots:
            self.query_one("#fundamentals", Static).update(table)
        else:
            none = Text("No lots: watched only. Press l to add a purchase.\n", style=p.muted)
            self.query_one("#fundamentals", Static).update(Group(none, table))

    def _show_sales(self, d: TickerDetail) -> None:
        """The sales as written, and what they realized in the base currency (first-in
        first-out against the lots)."""
        sales = self.query_one("#sales", Static)
        sales.display = bool(d.sells)
        if not d.sells:
            return
        unit = f" {printable(d.unit)}" if d.unit else ""
        text = Text("Sales ", style="bold")
        for sell in sorted(d.sells, key=lambda s: s.date):
            fees = f" (fees {fmt.money(sell.fees)}{unit})" if sell.fees else ""
            text.append(
                f"\n  {sell.date.isoformat()}  {fmt.shares(sell.shares)} at "
                f"{fmt.money(sell.price)}{unit}{fees}  "
            )
            text.append(printable(sell.note))
        realized = d.row.realized if d.row else None
        base = printable(d.base)
        text.append("\n  Realized (first-in first-out) ")
        text.append_text(fmt.signed(realized))
        text.append(f" {base}")
        sales.update(text)

    def _show_returns(self, d: TickerDetail, base_currency: str) -> None:
        """The position's yearly return against its benchmark on the same money: over its
        life in a sentence, this year and the last 365 days, the dividends it received and the
        fees it paid."""
        shown = self.query_one("#returns", Static)
        r = d.returns
        shown.display = r is not None
        if r is None:
            return
        p = ink()
        life = r.spans[Span.LIFE]
        text = Text("Returns ", style="bold")
        text.append(
            f"({printable(base_currency)}, against {printable(r.benchmark)} on the same money)\n  "
        )
        if life.rate.value is None:
            text.append(f"none over its life: {no_return_text(life.rate.reason)}", style=p.muted)
        else:
            text.append(
                printable(
                    versus_text(
                        d.symbol,
                        life.rate.value,
                        r.benchmark,
                        life.benchmark.value,
                        life.rate.basis,
                    )
                )
            )
            if life.benchmark.value is None:
                text.append(f" ({no_return_text(life.benchmark.reason)})", style=p.muted)
        spans = []
        for span, label in ((Span.YTD, "this year"), (Span.YEAR, "last 365 days")):
            o = r.spans[span]
            if o.rate.value is None:
                spans.append(f"{label} — ({no_return_text(o.rate.reason)})")
            else:
                spans.append(
                    f"{label} {rate_text(o.rate.value)} vs "
                    f"{rate_text(o.benchmark.value)} {basis_text(o.rate.basis)}"
                )
        text.append("\n  " + " · ".join(spans), style=p.muted)
        if life.dividends:
            text.append(
                f"\n  Dividends received {fmt.money(life.dividends)} "
                f"{printable(base_currency)} (after tax withheld)"
            )
        if life.fees:
            text.append(
                f"\n  Fees paid {fmt.money(life.fees)} {printable(base_currency)} "
                "(on its buys and sales, in the rates above)"
            )
        shown.update(text)

    def _figures(self, d: TickerDetail) -> list[tuple[str, str, str]]:
        """(label, value, note) of each fundamentals line, then the next earnings date."""
        lines = [_figure(f) for f in d.fundamentals]
        row = d.row
        if row is not None and row.earnings is not None:
            days = (row.earnings - self.today()).days
            estimate = ", estimated" if row.earnings_estimate else ""
            lines.append(("Next earnings", row.earnings.isoformat(), f"in {days} d{estimate}"))
        else:
            lines.append(("Next earnings", "—", "not known yet"))
        return lines

    def chosen_lot(self, d: TickerDetail) -> tuple[int, Lot] | None:
        """The lot under the lots table's cursor when it has focus, else the first lot a split
        leaves uncertain, else the first lot; None without lots."""
        lots = d.lots
        if not lots:
            return None
        table = self.query_one("#lot-table", DataTable)
        if table.has_focus:
            index = min(table.cursor_row, len(lots) - 1)
        else:
            index = next((i for i, held in enumerate(lots) if held.uncertain), 0)
        return index, lots[index].lot

    # -- actions (KEYS) --------------------------------------------------------------------------
    def action_add_lot(self) -> None:
        self.post_message(messages.AddLot(self.symbol))

    def action_edit_lot(self) -> None:
        """The lot under the lots table's cursor when it has focus, else the first lot a split
        leaves uncertain, else the first lot."""
        if (found := self._chosen_lot()) is not None:
            index, lot = found
            self.post_message(messages.EditLot(symbol=self.symbol, index=index, entry=lot))

    def action_remove_lot(self) -> None:
        if (found := self._chosen_lot()) is not None:
            index, lot = found
            self.post_message(messages.RemoveLot(symbol=self.symbol, index=index, entry=lot))

    def _chosen_lot(self) -> tuple[int, Lot] | None:
        found = self.chosen_lot(self._detail) if self._detail else None
        if found is None:
            self.notify(f"{self.symbol} has no lots: l adds one", severity="warning", timeout=3)
        return found

    def action_sell(self) -> None:
        self.post_message(messages.AddSell(self.symbol))

    def action_remove_sell(self) -> None:
        """The last sale in the file (the one most likely just recorded by mistake)."""
        sells = self._detail.sells if self._detail else ()
        if not sells:
            self.notify(f"{self.symbol} has no sales: s records one", severity="warning", timeout=3)
            return
        self.post_message(messages.RemoveSell(self.symbol, len(sells) - 1, sells[-1]))


def _figure(f: Figure) -> tuple[str, str, str]:
    obs = f.observed
    if obs.value is None:
        return f.label, "—", missing_text(obs.missing)
    shown = format_value(f.metric, obs.value, printable(f.currency) if f.currency else None)
    return f.label, shown, observation_note(obs, metric=f.metric)
