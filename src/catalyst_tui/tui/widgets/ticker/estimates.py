"""The Estimates pane of a ticker: the Street's view (views/estimates.py). The forward P/E and the
30-day revision of this fiscal year's EPS consensus on the title line; the consensus by period
(EPS and revenue: the average, the range and the analysts; the EPS consensus 90, 60, 30 and 7
days ago and now, an arrow for where it went; the revisions up and down in 30 days); below, the
EPS surprises the provider reported and each release against the consensus frozen the day
before it (a beat green, a miss red). A value not given is "—", never 0."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ....thesis.wording import money, multiple
from ....views.estimates import PERIOD_TITLES, Consensus, Range, StreetRow
from ... import format as fmt
from ...palette import ink
from .table_pane import TablePane

if TYPE_CHECKING:
    from ....views.ticker import TickerDetail


def _eps(value: float | None) -> str:
    return fmt.NONE if value is None else f"{value:.2f}"


def _money(value: float | None) -> str:
    return fmt.NONE if value is None else money(value)


def _span(said: Range, *, as_money: bool = False) -> str:
    shown = _money if as_money else _eps
    if said.low is None and said.high is None:
        return fmt.NONE
    if as_money and said.low is not None and said.high is not None:
        return rounded_range(said.low, said.high)  # "$440–455M"
    return f"{shown(said.low)}–{shown(said.high)}"


def rounded_range(low: float, high: float) -> str:
    """A range of the Street's estimates rounded as every amount is (`money`): $421.3–456.4M,
    $950M–1.05B; an average of many analysts' figures states no exact end to keep."""
    low_said, high_said = money(low), money(high)
    unit = low_said[-1]
    if unit.isalpha() and high_said[-1] == unit and high_said.startswith("$"):
        return f"{low_said[:-1]}–{high_said[1:]}"
    return f"{low_said}–{high_said.removeprefix('$')}"


def versus(value: float | None) -> Text:
    """'+1.9% beat' green, '-2.1% miss' red, '—' without the Street's figure."""
    p = ink()
    if value is None:
        return Text(fmt.NONE, style=p.muted)
    beat = value >= 0
    return Text(f"{value:+.1%} {'beat' if beat else 'miss'}", style=p.good if beat else p.alarm)


def trend(p: Consensus) -> Text:
    """The EPS consensus 90, 60, 30, 7 days ago and now, oldest first, with an arrow: up green,
    down red, where both ends are given."""
    values = [p.trend[i] for i in (4, 3, 2, 1, 0)]
    text = Text(" ".join(_eps(v) for v in values))
    first, last = values[0], values[-1]
    if first is not None and last is not None and first != last:
        up = last > first
        text.append(" ▲" if up else " ▼", style=ink().good if up else ink().alarm)
    return text


class EstimatesPane(TablePane):
    PART = "estimates"
    COLUMNS = (
        "Period",
        "Ends",
        "EPS",
        "EPS range",
        "Analysts",
        "Revenue",
        "Revenue range",
        "EPS 90d → now",
        "Up/down 30d",
    )
    # Narrow, these give way first to last (table.py), blank rather than cut (a date or a range
    # cut short reads as another): the period's end, then the ranges; the averages and revisions
    # stay.
    GIVE_WAY = (("Ends", 0), ("Revenue range", 0), ("EPS range", 0))

    def show(self, detail: TickerDetail) -> None:
        row = detail.street
        stored = row.estimates if row is not None else None
        table = self.table
        table.clear()
        for p in stored.periods if stored is not None else ():
            moves = f"{fmt.NONE if p.up_30d is None else p.up_30d} ▲ "
            moves += f"{fmt.NONE if p.down_30d is None else p.down_30d} ▼"
            table.add_row(
                fmt.plain(PERIOD_TITLES.get(p.period, p.period), "bold"),
                p.end.isoformat() if p.end else fmt.NONE,
                _eps(p.eps.average),
                _span(p.eps),
                fmt.NONE if p.eps.analysts is None else str(p.eps.analysts),
                _money(p.revenue.average),
                _span(p.revenue, as_money=True),
                trend(p),
                moves,
                key=p.period,
            )
        table.display = bool(table.row_count)
        table.fit_columns()
        self.query_one("#estimates-title", Static).update(title(detail.symbol, row))
        self.query_one("#estimates-detail", Static).update(below(row))


def title(symbol: str, row: StreetRow | None) -> Text:
    p = ink()
    stored = row.estimates if row is not None else None
    if row is None or stored is None:
        return Text.assemble(
            ("Estimates", "bold"),
            (
                f"   none for {symbol} yet: the Street's consensus is read once a day from Yahoo "
                "(a fund, an index or a currency has none)",
                p.muted,
            ),
        )
    head = Text("Estimates", style="bold")
    pe = fmt.NONE if row.forward_pe is None else multiple(row.forward_pe)
    head.append(f"   forward P/E {pe}   FY EPS 30 days: ")
    if row.revision_30d is None:
        head.append(fmt.NONE, style=p.muted)
    else:
        up = row.revision_30d >= 0
        head.append(f"{row.revision_30d:+.1%}", style=p.good if up else p.alarm)
    head.append(f"   as of {stored.day.isoformat()} ({stored.source})", style=p.muted)
    if stored.next_report is not None and not stored.periods:
        said = stored.next_report
        revenue = f"{_money(said.revenue.average)} ({_span(said.revenue, as_money=True)})"
        head.append(
            f"\nNext report: EPS {_eps(said.eps.average)} ({_span(said.eps)}), revenue {revenue}"
        )
    return head


def below(row: StreetRow | None) -> RenderableType:
    """The surprises, newest first, and each release against the Street."""
    p = ink()
    stored = row.estimates if row is not None else None
    parts: list[RenderableType] = []
    if stored is not None and stored.history:
        grid = Table.grid(padding=(0, 2))
        for _ in range(4):
            grid.add_column(justify="right", no_wrap=True)
        grid.add_row(
            *(Text(h, style="underline") for h in ("Quarter", "EPS", "Estimate", "Surprise"))
        )
        for s in reversed(stored.history):
            grid.add_row(
                s.quarter.isoformat(), _eps(s.actual), _eps(s.estimate), versus(s.surprise)
            )
        parts += [Text("EPS surprises", style="bold"), grid]
    if row is not None and row.quarters:
        grid = Table.grid(padding=(0, 2))
        for _ in range(7):
            grid.add_column(justify="right", no_wrap=True)
        heads = ("Quarter", "Revenue", "Street", "", "EPS", "Street", "")
        grid.add_row(*(Text(h, style="underline") for h in heads))
        for q in row.quarters:
            frozen = q.frozen
            eps = _eps(q.eps) + (" GAAP" if q.eps_gaap else "")
            grid.add_row(
                q.period_end.isoformat(),
                _money(q.revenue),
                _money(frozen.revenue if frozen else None),
                versus(q.revenue_vs),
                eps,
                _eps(frozen.eps if frozen else None),
                versus(q.eps_vs),
            )
        parts += [
            Text("Releases against the Street (its consensus the day before)", style="bold"),
            grid,
        ]
    if not parts:
        return Text("")
    return Group(*parts, Text("EPS is non-GAAP where the release states it", style=p.muted))
