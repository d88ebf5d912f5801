"""The replay market's filing documents, as HTML in the shapes companies file them: the results
press release (the EX-99.1 of an 8-K with item 2.02: highlights, the business outlook with next
quarter's revenue range, the condensed statement of operations, a GAAP to non-GAAP
reconciliation), the 8-K's own cover document, and the 10-Q or 10-K (its statement of
operations and the management's discussion that follows it).

Each quarter's narrative says what happened to the products that quarter; ALAB's carries the
sentences its thesis's evidence entries look for (Scorpio the largest line, Scorpio X past
Scorpio P, at volume, NPO chipsets sampling, Leo design wins), and management's words on
Scorpio's share of revenue, as the calls state it (thesis/kpis/statements.py reads them): the
quarter's
share its XBRL states, rounded ("approximately 47% of total revenue"), the year's with the
fourth quarter's exit rate, and one forecast; its second quarter of 2026 raises the outlook."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .company import (
    Statement,
    company,
    guidance,
    next_quarter,
    quarter_end,
    span_figure,
    statement,
)
from .xbrl import line_shares

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import date

_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_NARRATIVE: dict[tuple[str, int, int], tuple[str, ...]] = {
    ("ALAB", 2025, 4): (
        "Scorpio X-Series fabric switches began shipping to our lead hyperscaler customer.",
        "Leo CXL memory controllers won a custom design win for KV-cache offload.",
    ),
    ("ALAB", 2026, 1): (
        "Scorpio is on track to become our largest product line by the end of 2026.",
        "A second hyperscaler selected Leo for memory expansion in its AI servers.",
    ),
    ("ALAB", 2026, 2): (
        "Scorpio X revenue surpassed Scorpio P revenue for the first time this quarter.",
        "Taurus active electrical cables grew with the 800G ramp.",
        "We raised our full-year 2026 outlook on the strength of the Scorpio X ramp.",
    ),
    ("ALAB", 2026, 3): (
        "Scorpio X reached full volume production across two hyperscaler platforms.",
        "Leo CXL memory controllers secured a new design win at a third hyperscaler.",
        "We began sampling our first NPO chipsets for multi-rack clusters to lead customers.",
    ),
}
_LATER = (
    "Scorpio fabric switches remained our largest product line and grew again this quarter.",
    "Aries retimers and Taurus cables shipped in record volume.",
)


_FORECAST = {
    ("ALAB", 2026, 1): "We expect Scorpio to exceed 40% of total revenue by the end of 2026.",
}


def narrative(symbol: str, year: int, quarter: int) -> tuple[str, ...]:
    found = _NARRATIVE.get((symbol, year, quarter))
    if found is None and symbol == "ALAB" and (year, quarter) > (2026, 3):
        found = _LATER
    if found is None:
        found = (
            f"Demand for our connectivity products continued in the {_ORDINAL[quarter]} quarter.",
        )
    if symbol != "ALAB" or year < 2024:
        return found
    forecast = _FORECAST.get((symbol, year, quarter))
    return (*found, scorpio_share(year, quarter), *([forecast] if forecast else []))


def scorpio_share(year: int, quarter: int) -> str:
    """Management's words on Scorpio's share of the quarter's revenue (the share the 10-Q's
    XBRL states, rounded to a point); a fourth quarter's on the year's, with its exit rate."""
    share = line_shares(year, quarter)["Scorpio"]
    if quarter != 4:
        return (
            f"Scorpio fabric switches were approximately {share:.0%} of total revenue "
            f"in {period_words(year, quarter)}."
        )
    year_share = sum(line_shares(year, q)["Scorpio"] for q in (1, 2, 3, 4)) / 4
    return (
        f"Scorpio was over {int(year_share * 100)}% of total revenue in {year}, "
        f"with a Q4 exit rate closer to {share:.0%}."
    )


def period_words(year: int, quarter: int) -> str:
    return f"the {_ORDINAL[quarter]} quarter of {year}"


def _money(thousands: float) -> str:
    return f"({-thousands:,.0f})" if thousands < 0 else f"{thousands:,.0f}"


def _per_share(value: float) -> str:
    return f"({-value:.2f})" if value < 0 else f"{value:.2f}"


def _row(label: str, values: Iterable[str], *, dollar: bool = False, bold: bool = False) -> str:
    cells = [f'<td style="padding-left:{0 if bold else 10}px">{escape(label)}</td>']
    for value in values:
        cells.append(f"<td>{'$' if dollar and value else ''}</td>")
        cells.append(f'<td style="text-align:right">{value}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


class _Columns:
    """The statement's periods: the quarter, the one before, the same quarter a year before;
    and on a fourth quarter the two fiscal years."""

    def __init__(self, symbol: str, year: int, quarter: int) -> None:
        before = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
        self.quarters = [
            statement(symbol, *yq) for yq in ((year, quarter), before, (year - 1, quarter))
        ]
        self.years: list[list[Statement]] = []
        if quarter == 4:
            self.years = [[statement(symbol, y, q) for q in (1, 2, 3, 4)] for y in (year, year - 1)]

    def header(self) -> str:
        ends = [_date(quarter_end(s.year, s.quarter)) for s in self.quarters]
        top = '<td></td><td colspan="6" style="text-align:center">Three Months Ended</td>'
        if self.years:
            top += '<td colspan="4" style="text-align:center">Twelve Months Ended</td>'
            ends += [
                f"December 31, {self.years[0][0].year}",
                f"December 31, {self.years[1][0].year}",
            ]
        dates = "".join(f'<td colspan="2" style="text-align:center">{e}</td>' for e in ends)
        return f"<tr>{top}</tr><tr><td></td>{dates}</tr>"

    def values(self, figure: str, per_share: bool = False) -> list[str]:
        out = [getattr(s, figure) for s in self.quarters]
        out += [span_figure(year, figure) for year in self.years]
        return [_per_share(v) if per_share else _money(v) for v in out]


def statement_table(symbol: str, year: int, quarter: int) -> str:
    """The condensed consolidated statement of operations, in thousands."""
    c = _Columns(symbol, year, quarter)
    name = escape(company(symbol).name.upper())
    rows = [
        _row("Revenue", c.values("revenue"), dollar=True, bold=True),
        _row("Cost of revenue", c.values("cost_of_revenue")),
        _row("Gross profit", c.values("gross_profit"), bold=True),
        _row("Operating expenses:", []),
        _row("Research and development", c.values("research")),
        _row("Selling, general and administrative", c.values("selling")),
        _row("Total operating expenses", c.values("operating_expenses")),
        _row("Income from operations", c.values("operating_income"), bold=True),
        _row("Interest income", c.values("interest_income")),
        _row("Income before income taxes", c.values("pretax_income")),
        _row("Income tax provision", c.values("tax")),
        _row("Net income", c.values("net_income"), dollar=True, bold=True),
        _row("Net income per share:", []),
        _row("Basic", c.values("eps_basic", True), dollar=True),
        _row("Diluted", c.values("eps_diluted", True), dollar=True),
        _row("Weighted-average shares used in computing net income per share:", []),
        _row("Basic", c.values("basic_shares")),
        _row("Diluted", c.values("diluted_shares")),
    ]
    return (
        f"<p><b>{name}</b><br/><b>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</b><br/>"
        "(in thousands, except per share data)<br/>(unaudited)</p>\n"
        f"<table>{c.header()}{''.join(rows)}</table>\n"
    )


def reconciliation_table(symbol: str, year: int, quarter: int) -> str:
    c = _Columns(symbol, year, quarter)
    rows = [
        _row("GAAP net income", c.values("net_income"), dollar=True, bold=True),
        _row("Stock-based compensation expense", c.values("stock_compensation")),
        _row("Non-GAAP net income", c.values("net_income_nongaap"), dollar=True, bold=True),
        _row("GAAP diluted net income per share", c.values("eps_diluted", True), dollar=True),
        _row("Non-GAAP diluted net income per share", c.values("eps_nongaap", True), dollar=True),
    ]
    return (
        "<p><b>RECONCILIATION OF GAAP TO NON-GAAP FINANCIAL MEASURES</b><br/>"
        "(in thousands, except per share data)<br/>(unaudited)</p>\n"
        f"<table>{c.header()}{''.join(rows)}</table>\n"
    )


def _paragraphs(texts: Sequence[str]) -> str:
    return "\n".join(f"<p>{escape(t)}</p>" for t in texts)


def press_release(symbol: str, year: int, quarter: int) -> str:
    """The EX-99.1 of the quarter's results 8-K."""
    who = company(symbol).name.removesuffix(", Inc.")
    s = statement(symbol, year, quarter)
    low, high = guidance(symbol, year, quarter)
    coming = period_words(*next_quarter(year, quarter))
    highlights = [
        f"Quarterly revenue of ${s.revenue / 1000:,.1f} million",
        f"GAAP gross margin of {s.gross_profit / s.revenue:.1%}; GAAP operating margin of "
        f"{s.operating_income / s.revenue:.1%}",
        f"GAAP diluted earnings per share of ${s.eps_diluted:.2f}; non-GAAP diluted earnings per "
        f"share of ${s.eps_nongaap:.2f}",
    ]
    outlook = (
        f"For {coming}, {who} expects revenue to be in the range of ${low / 1000:,.0f} million "
        f"to ${high / 1000:,.0f} million."
    )
    title = f"{who} Reports Financial Results for {period_words(year, quarter).title()}"
    return f"""<html><head><title>{escape(title)}</title></head>
<body>
<p style="text-align:center"><b>{escape(title)}</b></p>
<ul>{"".join(f"<li>{escape(h)}</li>" for h in highlights)}</ul>
<p>{escape(who)} today announced its financial results for {period_words(year, quarter)}.</p>
{_paragraphs(narrative(symbol, year, quarter))}
<p><b>Business Outlook</b></p>
<p>{escape(outlook)}</p>
<p>Generated by catalyst's demo market: these figures are not the company's.</p>
{statement_table(symbol, year, quarter)}
{reconciliation_table(symbol, year, quarter)}
</body></html>
"""


def cover_8k(symbol: str, year: int, quarter: int) -> str:
    name = escape(company(symbol).name)
    return f"""<html><head><title>{name} 8-K</title></head><body>
<p><b>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</b></p><p><b>FORM 8-K</b></p>
<p>{name}</p>
<p><b>Item 2.02 Results of Operations and Financial Condition.</b></p>
<p>The registrant issued a press release announcing its results for {period_words(year, quarter)}.
A copy of the press release is furnished as Exhibit 99.1.</p>
<p><b>Item 9.01 Financial Statements and Exhibits.</b></p><p>99.1 Press release.</p>
</body></html>
"""


def periodic_report(symbol: str, year: int, quarter: int) -> str:
    """The 10-Q (a 10-K for the fourth quarter): its statement and the discussion after it."""
    form = "10-K" if quarter == 4 else "10-Q"
    name = escape(company(symbol).name)
    s = statement(symbol, year, quarter)
    discussion = [
        f"Revenue was ${s.revenue / 1000:,.1f} million for {period_words(year, quarter)}.",
        *narrative(symbol, year, quarter),
    ]
    return f"""<html><head><title>{name} {form}</title></head><body>
<p><b>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</b></p><p><b>FORM {form}</b></p>
<p>{name}</p>
<p><b>Item 1. Financial Statements</b></p>
{statement_table(symbol, year, quarter)}
<p><b>Item 2. Management's Discussion and Analysis of Financial Condition and Results of
Operations</b></p>
{_paragraphs(discussion)}
</body></html>
"""
