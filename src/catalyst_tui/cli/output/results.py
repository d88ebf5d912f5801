"""`catalyst results`: one release read from a file, or the releases stored, as JSON or as
tables. Money is in currency units (not millions) in JSON and in a file's table, as a headline
writes it ($412.3M) in the list; EPS as printed. A figure not stated is "—" with the reason.

Every cell of text from a document, a provider or the file is a rich `Text` of `printable(...)`
(text.py): shown as typed, never read as markup, never an escape sequence."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ...market.sec.release_records import ReleaseFigures, ReleaseResults, to_json
from ...text import printable
from ...thesis.wording import money, money_range
from ...views.results import FIGURE_LABELS, ResultRow, gap_text, not_read_text

DASH = "—"


def results_json(rows: list[ResultRow]) -> list[dict[str, Any]]:
    """One object per stored release, newest first: symbol, accession, url, filed, the keys of
    `--file --json`, confirmed, differences; and fiscal_quarter ("Q3 FY26" or null) and
    revenue_vs_guide (the outcome against the prior guide's midpoint, 0.057 for 5.7%, or null)."""
    out = []
    for row in rows:
        release = row.release
        out.append({
            "symbol": release.symbol,
            "accession": release.accession,
            "url": release.url,
            "filed": release.filed.isoformat(),
            **to_json(release.results),
            "confirmed": row.check.confirmed,
            "differences": [
                {"figure": d.figure, "release": d.release, "filed": d.filed}
                for d in row.check.differences
            ],
            "fiscal_quarter": row.label,
            "revenue_vs_guide": row.vs_guide,
        })  # fmt: skip
    return out


def print_release(results: ReleaseResults, console: Console | None = None) -> None:
    """One release for people: whether results were found and the period, each figure of the
    quarter (and the year) with its value or "—" and why, then the guidance."""
    console = console or Console()
    if not results.found:
        console.print(Text(f"no results: {not_read_text(results.reason)}", style="yellow"))
        return
    end = results.period_end.isoformat() if results.period_end else "?"
    console.print(Text(f"results for the period ended {end}", style="bold"))
    table = Table()
    table.add_column("Figure")
    table.add_column("Quarter", justify="right")
    if results.year is not None:
        table.add_column("Fiscal year", justify="right")
    for name, label in FIGURE_LABELS.items():
        cells = [_figure(results.quarter, name)]
        if results.year is not None:
            cells.append(_figure(results.year, name))
        table.add_row(label, *cells)
    console.print(table)
    if not results.guidance:
        console.print(Text("guidance: none stated", style="dim"))
    for g in results.guidance:
        what = "next quarter" if g.period == "quarter" else "fiscal year"
        low, high = g.revenue_low, g.revenue_high
        amount = f"{low:,.0f}" if low == high else f"{low:,.0f} to {high:,.0f}"
        console.print(Text(f"guidance, {what}: revenue {amount} ({money_range(low, high)})"))


def _figure(figures: ReleaseFigures, name: str) -> Text:
    value = getattr(figures, name)
    if value is None:
        return Text(f"{DASH} ({gap_text(figures.gap(name))})", style="dim")
    shown = f"{value:.2f}" if name.startswith("eps") else f"{value:,.0f}"  # exact, as read
    if name in figures.derived:
        shown += " (revenue - cost)"
    return Text(shown)


def print_results(rows: list[ResultRow], console: Console | None = None) -> None:
    """The stored releases, newest first: the quarter, its revenue against the guide, margin,
    EPS, the next quarter's guide, and whether XBRL confirmed it."""
    console = console or Console()
    if not rows:
        console.print(
            Text("no earnings releases stored yet: set providers.sec.user_agent and refresh")
        )
        return
    table = Table()
    for column in ("Filed", "Symbol", "Quarter", "Revenue", "vs guide", "GM", "EPS",
                   "Next guide", "XBRL"):  # fmt: skip
        table.add_column(column, overflow="fold")
    for row in rows:
        release, quarter = row.release, row.release.results.quarter
        filed = release.filed.isoformat()
        symbol = Text(printable(release.symbol))
        if not release.results.found:
            why = not_read_text(release.results.reason)
            table.add_row(filed, symbol, Text(printable(why), style="dim"), *([""] * 6))
            continue
        end = release.period_end.isoformat() if release.period_end else "?"
        revenue = quarter.revenue
        margin = quarter.gross_profit / revenue if revenue and quarter.gross_profit else None
        ahead = release.quarter_guide()
        table.add_row(
            filed,
            symbol,
            row.label or end,
            money(revenue) if revenue is not None else DASH,
            _versus(row.vs_guide),
            f"{margin:.1%}" if margin is not None else DASH,
            f"{quarter.eps_diluted:.2f}" if quarter.eps_diluted is not None else DASH,
            money_range(*ahead) if ahead else DASH,
            _xbrl(row),
        )
    console.print(table)


def _versus(vs_guide: float | None) -> Text:
    if vs_guide is None:
        return Text(DASH, style="dim")
    return Text(f"{vs_guide:+.1%}", style="green" if vs_guide >= 0 else "red")


def _xbrl(row: ResultRow) -> Text:
    if row.check.confirmed:
        return Text("confirmed", style="green")
    if row.check.differences:
        said = ", ".join(
            f"{FIGURE_LABELS[d.figure].lower()} {_amount(d.figure, d.filed)}"
            for d in row.check.differences
        )
        return Text(f"differs: {said}", style="yellow")
    return Text("not filed yet", style="dim")


def _amount(figure: str, value: float) -> str:
    return f"{value:.2f}" if figure.startswith("eps") else money(value)
