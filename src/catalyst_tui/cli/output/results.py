"""`catalyst results`: one release read from a file, or the releases stored, as JSON or as
tables. Money is in currency units (not millions) in JSON and in a file's table, as a headline
writes it ($412.3M) in the list; EPS as printed. A figure not stated is "—" with the reason.

Every cell of text from a document, a provider or the file is a rich `Text` of `printable(...)`
(text.py): shown as typed, never read as markup, never an escape sequence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from ...reading.release.records import ReleaseFigures, ReleaseResults, sensible, to_json
from ...text import printable
from ...thesis.reported.results import gross_margin, in_line
from ...thesis.vocabulary import NONE
from ...thesis.wording import money, money_range
from ...views.results import FIGURE_LABELS, ResultRow, amount, gap_text, not_read_text
from .stream import Column, Row, print_table
from .tables import output_console

if TYPE_CHECKING:
    from rich.console import Console


def results_json(rows: list[ResultRow]) -> list[dict[str, Any]]:
    """One object per stored release, newest first: symbol, accession, url, filed, the keys of
    `--file --json`, confirmed, differences; and fiscal_quarter ("Q3 FY26" or null) and
    revenue_vs_guide (the outcome against the prior guide's midpoint, 0.057 for 5.7%, or null).
    Strict JSON: a value that is no figure (NaN, infinite, beyond LIMIT) is null."""
    out = []
    for row in rows:
        release = row.release
        out.append(
            {
                "symbol": release.symbol,
                "accession": release.accession,
                "url": release.url,
                "filed": release.filed.isoformat(),
                **to_json(release.results),
                "confirmed": row.check.confirmed,
                "differences": [
                    {"figure": d.figure, "release": sensible(d.release), "filed": sensible(d.filed)}
                    for d in row.check.differences
                ],
                "fiscal_quarter": row.label,
                "revenue_vs_guide": sensible(row.vs_guide),
            }
        )
    return out


def print_release(results: ReleaseResults, console: Console | None = None) -> None:
    """One release for people: whether results were found and the period, each figure of the
    quarter (and the year) with its value or "—" and why, then the guidance."""
    console = console or output_console()
    if not results.found:
        console.print(Text(f"no results: {not_read_text(results.reason)}", style="yellow"))
        return
    end = results.period_end.isoformat() if results.period_end else "?"
    columns = [Column("Figure"), Column("Quarter", right=True)]
    if results.year is not None:
        columns.append(Column("Fiscal year", right=True))
    rows = []
    for name, label in FIGURE_LABELS.items():
        cells = [label, _figure(results.quarter, name)]
        if results.year is not None:
            cells.append(_figure(results.year, name))
        rows.append(Row([printable(c) for c in cells]))
    print_table(console, f"results for the period ended {end}", columns, rows)
    if not results.guidance:
        console.print(Text("guidance: none stated", style="dim"))
    for g in results.guidance:
        what = "next quarter" if g.period == "quarter" else "fiscal year"
        low, high = g.revenue_low, g.revenue_high
        amount = f"{low:,.0f}" if low == high else f"{low:,.0f} to {high:,.0f}"
        console.print(Text(f"guidance, {what}: revenue {amount} ({money_range(low, high)})"))


def _figure(figures: ReleaseFigures, name: str) -> str:
    value = getattr(figures, name)
    if value is None:
        return f"{NONE} ({gap_text(figures.gap(name))})"
    shown = f"{value:.2f}" if name.startswith("eps") else f"{value:,.0f}"  # exact, as read
    if name in figures.derived:
        shown += " (revenue - cost)"
    return shown


def print_results(rows: list[ResultRow], console: Console | None = None, *, why: str = "") -> None:
    """The stored releases, newest first: the quarter, its revenue against the guide, margin,
    EPS, the next quarter's guide, and whether XBRL confirmed it. None: `why` (where SEC
    stands: cli.names.sec_state)."""
    console = console or output_console()
    if not rows:
        console.print(Text(printable(f"no earnings releases stored yet: {why}")))
        return
    names = ("Filed", "Symbol", "Quarter", "Revenue", "vs guide", "GM", "EPS", "Next guide", "XBRL")
    columns = [Column(n, right=n in _FIGURES) for n in names]
    table = []
    for row in rows:
        release, quarter = row.release, row.release.results.quarter
        filed = release.filed.isoformat()
        if not release.results.found:  # why, in the last column: beside the row or under it
            why = not_read_text(release.results.reason)
            table.append(Row([filed, printable(release.symbol), *[""] * 6, printable(why)], "dim"))
            continue
        end = release.period_end.isoformat() if release.period_end else "?"
        revenue = quarter.revenue
        margin = gross_margin(quarter)
        ahead = release.quarter_guide()
        cells = (
            filed,
            release.symbol,
            row.label or end,
            money(revenue) if revenue is not None else NONE,
            NONE if row.vs_guide is None else f"{row.vs_guide:+.1%}",
            f"{margin:.1%}" if margin is not None else NONE,
            f"{quarter.eps_diluted:.2f}" if quarter.eps_diluted is not None else NONE,
            money_range(*ahead) if ahead else NONE,
            _xbrl(row),
        )
        # beat green, miss red, in line (0.0% as shown) neither, as the Results pane shows them
        vs = row.vs_guide
        style = "" if vs is None or in_line(vs) else "green" if vs >= 0 else "red"
        table.append(Row([printable(c) for c in cells], style))
    print_table(console, "catalyst results", columns, table, fold_last=True)


_FIGURES = {"Revenue", "vs guide", "GM", "EPS"}  # right-justified: numbers


def _xbrl(row: ResultRow) -> str:
    if row.check.confirmed:
        return "confirmed"
    if row.check.differences:
        said = ", ".join(
            f"{FIGURE_LABELS[d.figure].lower()} {amount(d.figure, d.filed)}"
            for d in row.check.differences
        )
        return f"differs: {said}"
    return "not filed yet"
