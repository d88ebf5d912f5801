"""The portfolio's returns (`p` on the watchlist): its money-weighted and time-weighted rates
(a year's, or over the span when shorter), each group's and each position's, against each one's
benchmark on the same money, with the dividends received and the fees paid, over a span `s`
changes (each position's life, this year, the last 365 days). Every figure is
views/performance.py's, as `catalyst performance` prints it; a rate that cannot be computed is
shown as none, with why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from ...text import printable
from ...thesis.portfolio.performance import Outcome, Span
from ...thesis.portfolio.returns import basis_text
from ...thesis.wording import no_return_text, shown_points, versus_text
from ...views.performance import RETURN_SPANS, PerformanceReport, Returns, span_basis
from .. import format as fmt
from .. import messages
from ..palette import ink
from ..widgets.banner import ConfigBanner
from ..widgets.footer import KeyFooter
from ..widgets.table import RowTable
from .keys import pushed_screen_keys
from .table_detail import TableDetailScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from ...session.workspace import Workspace

SPAN_LABELS = {Span.LIFE: "Life", Span.YTD: "YTD", Span.YEAR: "1Y"}  # as the CLI heads them
SPAN_MEANING = {
    Span.LIFE: "since each first lot",
    Span.YTD: "since 1 January",
    Span.YEAR: "over the last 365 days",
}
COLUMNS = (
    ("name", "Name"),
    ("rate", "Return"),
    ("against", "Against"),
    ("excess", "Excess"),
    ("dividends", "Dividends"),
    ("fees", "Fees"),
    ("why", "Why none"),
)


class PerformanceScreen(TableDetailScreen[Returns]):
    """One row for the portfolio, then each group and its positions; the highlighted row's
    sentence under the table; `enter` on a position opens its ticker."""

    TABLE = "returns-table"

    DEFAULT_CSS = """
    #performance-title, #performance-summary {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    #returns-table {
        height: 1fr;
    }
    #returns-detail {
        height: auto;
        max-height: 4;
        padding: 0 1;
        border-top: solid $primary;
    }
    """
    BINDINGS = pushed_screen_keys(
        Binding("s", "next_span", "Span"),
        Binding("S", "previous_span", "Previous span", show=False),
        Binding("enter", "open_ticker", "Open ticker", priority=True),
    )

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(id="performance")
        self.workspace = workspace
        self.span = Span.LIFE
        self.report: PerformanceReport | None = None
        self.lines: list[Returns] = []  # the table's rows, top to bottom

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        yield Static(id="performance-title")
        yield Static(id="performance-summary")
        yield RowTable(id="returns-table", zebra_stripes=True, fixed_columns=1)
        yield Static(id="returns-detail")
        yield KeyFooter()  # ctrl+p still opens it; ? says so

    def on_mount(self) -> None:
        table = self.query_one("#returns-table", RowTable)
        table.add_keyed_columns(COLUMNS)
        self.reload()
        self.set_focus(table)  # before the first frame (watchlist.py)

    def reload(self) -> None:
        """The returns read again (after a refresh, an edit, another process's write)."""
        self.report = self.workspace.performance()
        self.show()

    def recolour(self) -> None:
        """The theme changed: shown again, in its colours (palette.py)."""
        self.show()

    def show(self) -> None:
        report = self.report
        self.lines = _ordered(report) if report is not None else []
        self._show_title()
        self._show_summary(report)
        table = self.query_one("#returns-table", RowTable)
        row = table.cursor_row
        table.clear()
        whys: dict[str, Text] = {}
        for line in self.lines:
            key = f"{line.kind}:{line.name}"
            cells = _cells(line, line.spans[self.span])
            whys[key] = cells[-1]
            table.add_row(*cells, key=key)
        table.set_last_column(whys)
        if self.lines:
            table.move_cursor(row=min(row, len(self.lines) - 1), animate=False)
        self._show_detail()

    def _show_title(self) -> None:
        p = ink()
        text = Text("Performance ", style="bold")
        for span in RETURN_SPANS:
            label = f" {SPAN_LABELS[span]} "
            text.append(label, style=f"bold reverse {p.primary}" if span is self.span else p.muted)
        base = printable(self.workspace.config.settings.currency)
        basis = span_basis(self.lines, self.span)
        text.append(f"  {SPAN_MEANING[self.span]}, {basis}, {base} · s: next span", style=p.muted)
        self.query_one("#performance-title", Static).update(text)

    def _show_summary(self, report: PerformanceReport | None) -> None:
        p = ink()
        summary = self.query_one("#performance-summary", Static)
        if report is None or report.portfolio is None:
            summary.update(
                Text(
                    "No lots: nothing to measure. Add a purchase (l on the "
                    "watchlist, or in the file).",
                    style=p.muted,
                )
            )
            return
        whole = report.portfolio
        o = whole.spans[self.span]
        text = Text()
        text.append_text(_sentence("Portfolio", whole, o, self.span))
        text.append("\n")
        weighted = (whole.time_weighted or {}).get(self.span)
        text.append("Time-weighted ")
        if weighted is not None and weighted.value is not None:
            text.append_text(fmt.percent(weighted.value))
            text.append(f" {basis_text(weighted.basis)}")
        else:
            why = no_return_text(weighted.reason if weighted is not None else None)
            text.append(f"none: {why}", style=p.muted)
        base = printable(report.base)
        text.append(
            f" · dividends {fmt.money(o.dividends)} {base} after tax withheld · fees "
            f"{fmt.money(o.fees)} {base}",
            style=p.muted,
        )
        summary.update(text)

    def row_items(self) -> list[Returns]:
        return self.lines

    def _show_detail(self) -> None:
        line = self.current()
        text = Text()
        if line is not None:
            o = line.spans[self.span]
            text.append_text(_sentence(_name(line), line, o, self.span))
            if line.kind != "ticker":
                text.append("\n")
                text.append(printable(", ".join(line.members)), style=ink().muted)
        self.query_one("#returns-detail", Static).update(text)

    # -- actions ---------------------------------------------------------------------------------
    def action_next_span(self) -> None:
        self._step(1)

    def action_previous_span(self) -> None:
        self._step(-1)

    def _step(self, by: int) -> None:
        self.span = RETURN_SPANS[(RETURN_SPANS.index(self.span) + by) % len(RETURN_SPANS)]
        self.show()

    def action_open_ticker(self) -> None:
        line = self.current()
        if line is None or line.kind != "ticker":
            self.notify("highlight a position to open its ticker", severity="warning", timeout=3)
            return
        self.post_message(messages.OpenTicker(line.name))


def _ordered(report: PerformanceReport) -> list[Returns]:
    """The portfolio, then each group followed by its positions."""
    by_name = {line.name: line for line in report.tickers}
    out: list[Returns] = [report.portfolio] if report.portfolio is not None else []
    for group in report.groups:
        out.append(group)
        out += [by_name[s] for s in group.members if s in by_name]
    return out


def _name(line: Returns) -> str:
    if line.kind == "ticker":
        return line.name
    if line.kind == "group":
        return f"{line.name or 'no group'} (group)"
    return "Portfolio"


def _index(line: Returns) -> str:
    """The benchmark's name; a line over groups held against several: their indexes."""
    return "their indexes" if line.benchmark == "mixed" else line.benchmark


def _sentence(name: str, line: Returns, o: Outcome, span: Span) -> Text:
    """'ALAB +71.2% a year against SOXX +22.4%: the thesis beat the index by 48.8 points', or
    why there is none."""
    p = ink()
    when = SPAN_MEANING[span]
    if o.rate.value is None:
        return fmt.plain(f"{name}: no return {when}: {no_return_text(o.rate.reason)}", p.muted)
    text = Text(
        printable(versus_text(name, o.rate.value, _index(line), o.benchmark.value, o.rate.basis))
    )
    if o.benchmark.value is None:
        text.append(f" ({no_return_text(o.benchmark.reason)})", style=p.muted)
    for symbol, reason in o.left_out:
        text.append(printable(f" ({symbol} left out: {no_return_text(reason)})"), style=p.muted)
    return text


def _cells(line: Returns, o: Outcome) -> tuple[Text, ...]:
    p = ink()
    indent = "  " if line.kind == "ticker" else ""
    name = fmt.plain(
        indent + _name(line).removesuffix(" (group)"), "" if line.kind == "ticker" else "bold"
    )
    against = Text(printable(line.benchmark))  # "mixed": a line over several indexes
    against.append(" ")
    against.append_text(fmt.percent(o.benchmark.value))
    # the points between the two rates as shown: 71.2 less 22.4 is 48.8 on screen
    rate, bench = o.rate.value, o.benchmark.value
    excess = None if rate is None or bench is None else shown_points(rate, bench)
    why = ""
    if o.rate.value is None:
        why = no_return_text(o.rate.reason)
    elif o.benchmark.value is None:
        why = f"{_index(line)}: {no_return_text(o.benchmark.reason)}"
    return (
        name,
        _right(fmt.percent(o.rate.value)),
        against,
        _right(fmt.signed(excess, decimals=1, suffix=" pts")),
        _right(Text(fmt.money(o.dividends))),
        _right(Text(fmt.money(o.fees))),
        Text(printable(why), style=p.muted),
    )


def _right(text: Text) -> Text:
    text.justify = "right"
    return text
