"""The Results pane of a ticker: each earnings release read from its 8-Ks, newest first, with
the quarter's revenue against the guide the release before gave and against the Street's
consensus frozen the day before it (a beat green, a miss red), its margin, EPS, the next
quarter's guide and whether XBRL has confirmed it. The highlighted release below: its figures
and XBRL's for the same quarter side by side, why a figure is missing, the Street's figures,
and its link. A release's words and addresses go on screen through `fmt.plain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import DataTable, Static

from ....text import counted
from ....thesis.reported.results import gross_margin, in_line, midpoint
from ....thesis.wording import money, money_range
from ....views.results import FIGURE_LABELS, ResultRow, amount, gap_text, not_read_text
from ... import format as fmt
from ...palette import ink
from ..table import under_cursor
from .table_pane import TablePane

if TYPE_CHECKING:
    from ....views.estimates import StreetQuarter
    from ....views.ticker import TickerDetail

_XBRL_FIGURES = ("revenue", "gross_profit", "operating_income", "net_income", "eps_diluted")


def versus(vs_guide: float | None) -> Text:
    """'+5.7% beat' in green, '-2.1% miss' in red, '0.0% in line' when it rounds to the
    guide's midpoint (neither, as shown); '—' without a guide."""
    p = ink()
    if vs_guide is None:
        return Text(fmt.NONE, style=p.muted)
    if in_line(vs_guide):
        return Text("0.0% in line")
    beat = vs_guide >= 0
    return Text(f"{vs_guide:+.1%} {'beat' if beat else 'miss'}", style=p.good if beat else p.alarm)


def _amount(figure: str, value: float | None) -> str:
    return fmt.NONE if value is None else amount(figure, value)


def _xbrl(row: ResultRow) -> Text:
    p = ink()
    if row.check.confirmed:
        return Text("✓ confirmed", style=p.good)
    if row.check.differences:
        return Text(f"≠ {len(row.check.differences)} differ", style=p.warning)
    return Text("not filed", style=p.muted)


class ResultsPane(TablePane):
    PART = "results"
    COLUMNS = (
        "Quarter",
        "Revenue",
        "vs guide",
        "vs Street",
        "GM",
        "EPS",
        "Next guide",
        "XBRL",
        "Filed",
    )

    # Narrow, a column gives way no narrower than its header (a header cut reads as another):
    # XBRL's word and the beat's first, then the Filed date, whole or not at all (the detail
    # below says it): docs/tui.md.
    GIVE_WAY = (("XBRL", len("XBRL")), ("vs guide", len("vs guide")), ("Filed", 0))
    rows: tuple[ResultRow, ...] = ()
    street: dict[str, StreetQuarter] = {}  # noqa: RUF012 (replaced whole by show, never changed)

    def show(self, detail: TickerDetail) -> None:
        p = ink()
        rows = detail.results
        quarters = detail.street.quarters if detail.street is not None else ()
        self.street = {f"{q.period_end}/{q.filed}": q for q in quarters}
        table = self.table
        at = table.cursor_row
        self.rows = rows
        table.clear()
        for row in rows:
            release, quarter = row.release, row.release.results.quarter
            filed = release.filed.isoformat()
            if not release.results.found:
                why = fmt.plain(not_read_text(release.results.reason), p.muted)
                table.add_row(
                    fmt.plain("no results"),
                    why,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    filed,
                    key=release.accession,
                )
                continue
            end = release.period_end.isoformat() if release.period_end else "?"
            margin, ahead = gross_margin(quarter), release.quarter_guide()
            table.add_row(
                fmt.plain(row.label or end, "bold"),
                _amount("revenue", quarter.revenue),
                versus(row.vs_guide),
                versus(street.revenue_vs if (street := self._street(row)) else None),
                fmt.NONE if margin is None else f"{margin:.1%}",
                _amount("eps_diluted", quarter.eps_diluted),
                money_range(*ahead) if ahead else fmt.NONE,
                _xbrl(row),
                filed,
                key=release.accession,
            )
        table.display = bool(rows)
        table.fit_columns()
        if rows:
            table.move_cursor(row=min(at, len(rows) - 1), animate=False)
        title = Text(f"Results: {counted(len(rows), 'release')}", style="bold")
        if not rows:
            title.append(
                "   none read yet: each 8-K with results (item 2.02) is read in the refresh that"
                " finds it, the evening it lands (needs providers.sec.user_agent)",
                style=p.muted,
            )
        self.query_one("#results-title", Static).update(title)
        self.show_detail()

    def _street(self, row: ResultRow) -> StreetQuarter | None:
        """The release against the Street's consensus frozen before it (views/estimates.py)."""
        return self.street.get(f"{row.release.period_end}/{row.release.filed}")

    def current(self) -> ResultRow | None:
        return under_cursor(self.query_one("#results-table", DataTable), self.rows)

    def cursor_detail(self) -> RenderableType:
        row = self.current()
        return detail(row, self._street(row)) if row else Text("")


def detail(row: ResultRow, street: StreetQuarter | None = None) -> RenderableType:
    """The release's figures and XBRL's side by side, the guide against the outcome, the
    Street's consensus before it against the release, the link."""
    p = ink()
    release = row.release
    results = release.results
    head = Text()
    head.append(fmt.plain(f"{release.symbol} {row.label or ''}".strip(), "bold"))
    if release.period_end:
        head.append(f"  quarter ended {release.period_end.isoformat()}")
    head.append(f"  8-K filed {release.filed.isoformat()}", style=p.muted)
    link = fmt.plain(release.url, p.muted)
    if not results.found:
        why = release.detail or not_read_text(results.reason)
        return Group(head, fmt.plain(f"no results: {why}", p.warning), link)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(style=p.muted)
    table.add_row("", Text("Release", style="underline"), Text("XBRL", style="underline"), "")
    differing = {d.figure for d in row.check.differences}
    for name, label in FIGURE_LABELS.items():
        said = getattr(results.quarter, name)
        filed = row.check.filed.get(name)
        filed_text = Text(
            _amount(name, filed) if name in _XBRL_FIGURES else "",
            style=p.warning if name in differing else p.good,
        )
        if name in _XBRL_FIGURES and filed is None:
            filed_text = Text("not filed yet", style=p.muted)
        why = gap_text(results.quarter.gap(name)) if said is None else ""
        if name not in _XBRL_FIGURES:
            why = (why + "; " if why else "") + "in no XBRL"
        if name in results.quarter.derived:
            why = "revenue - cost of revenue"
        table.add_row(label, _amount(name, said), filed_text, why)
    lines: list[RenderableType] = [head, table]
    if row.guide is not None:
        guided = Text(
            f"Guided {money_range(*row.guide)} (midpoint "
            f"{money(midpoint(row.guide))}); revenue "
            f"{_amount('revenue', row.outcome)}: "
        )
        guided.append_text(versus(row.vs_guide))
        lines.append(guided)
    frozen = street.frozen if street is not None else None
    if street is not None and frozen is not None:
        said = Text(
            f"The Street expected revenue {_amount('revenue', frozen.revenue)}, EPS "
            f"{_amount('eps', frozen.eps)} (its consensus of "
            f"{frozen.as_of.isoformat()}): revenue "
        )
        said.append_text(versus(street.revenue_vs))
        said.append(f", EPS {_amount('eps', street.eps)}{' GAAP' if street.eps_gaap else ''} ")
        said.append_text(versus(street.eps_vs))
        lines.append(said)
    for g in results.guidance:
        what = "Next quarter" if g.period == "quarter" else "Fiscal year"
        lines.append(Text(f"{what} guided {money_range(g.revenue_low, g.revenue_high)}"))
    lines.append(link)
    return Group(*lines)
