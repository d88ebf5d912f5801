"""Astera Labs earnings press releases of the project's own, in the shape of the company's real
8-K EX-99.1 exhibits: a headline, the quarter's highlights, a "Business Outlook" list, then the
"Condensed Consolidated Statements of Operations (in thousands, except per share amounts)" with
the quarter, the quarter before and the year-earlier quarter side by side (and nine months), and
the "Reconciliation of GAAP to Non-GAAP Financial Measures" with non-GAAP diluted EPS. Every
amount in a cell of its own after a "$" cell, losses in parentheses, as Workiva prints them.

For the demo database, the end-to-end release evening and `catalyst demo`. Plain module:

    html = alab_release(AlabQuarter(date(2026, 9, 30), revenue=415_000_000, ...),
                        guide=(440_000_000, 450_000_000))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from catalyst_tui.market.sec.filings import EASTERN, Filing
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.store import Store

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINALS = ("first", "second", "third", "fourth")


@dataclass(frozen=True)
class AlabQuarter:
    """One quarter as the statement prints it (money in dollars, rounded to the thousand)."""

    end: date
    revenue: float
    cost_of_revenue: float
    operating_expenses: float
    net_income: float
    eps_diluted: float
    eps_nongaap: float
    other_income: float = 0.0  # interest income and other, before taxes

    @property
    def gross_profit(self) -> float:
        return self.revenue - self.cost_of_revenue

    @property
    def operating_income(self) -> float:
        return self.gross_profit - self.operating_expenses


def _thousands(value: float) -> str:
    """As the statement prints an amount in thousands: 415,000 or (1,234)."""
    amount = round(value / 1000)
    text = f"{abs(amount):,}"
    return f"({text})" if amount < 0 else text


def _eps(value: float) -> str:
    return f"({abs(value):.2f})" if value < 0 else f"{value:.2f}"


def _day(end: date) -> str:
    return f"{MONTHS[end.month - 1]} {end.day}, {end.year}"


def _row(label: str, values: list[str], *, dollar: bool = False) -> str:
    cells = "".join(
        f'<td style="text-align:right">{"$" if dollar else ""}</td>'
        f'<td style="text-align:right">{value}</td>'
        for value in values
    )
    return f'<tr><td style="padding-left:4pt">{label}</td>{cells}</tr>'


def alab_release(
    quarter: AlabQuarter,
    *,
    before: AlabQuarter | None = None,
    year_ago: AlabQuarter | None = None,
    guide: tuple[float, float] | None = None,
    fiscal_quarter: int = 3,
    fiscal_year: int | None = None,
) -> str:
    """The EX-99.1 of the quarter ending `quarter.end`: the statement's columns are this
    quarter, `before` (the quarter before) and `year_ago` (the same quarter a year earlier),
    each one left out when not given; `guide` the next quarter's revenue range in dollars."""
    year = fiscal_year or quarter.end.year
    ordinal = ORDINALS[fiscal_quarter - 1]
    columns = [q for q in (quarter, before, year_ago) if q is not None]
    header = "".join(
        f'<td colspan="2" style="text-align:center">{_day(q.end)}</td>' for q in columns
    )
    rows = [
        _row("Revenue", [_thousands(q.revenue) for q in columns], dollar=True),
        _row("Cost of revenue", [_thousands(q.cost_of_revenue) for q in columns]),
        _row("Gross profit", [_thousands(q.gross_profit) for q in columns]),
        "<tr><td>Operating expenses:</td></tr>",
        _row("Total operating expenses", [_thousands(q.operating_expenses) for q in columns]),
        _row("Income (loss) from operations", [_thousands(q.operating_income) for q in columns]),
        _row("Interest income and other, net", [_thousands(q.other_income) for q in columns]),
        _row(
            "Income (loss) before income taxes",
            [_thousands(q.operating_income + q.other_income) for q in columns],
        ),
        _row(
            "Income tax provision (benefit)",
            [_thousands(q.operating_income + q.other_income - q.net_income) for q in columns],
        ),
        _row("Net income (loss)", [_thousands(q.net_income) for q in columns], dollar=True),
        "<tr><td>Net income (loss) per share:</td></tr>",
        _row("Basic", [_eps(q.eps_diluted * 1.04) for q in columns], dollar=True),
        _row("Diluted", [_eps(q.eps_diluted) for q in columns], dollar=True),
    ]
    reconciliation = [
        _row("GAAP net income (loss)", [_thousands(q.net_income) for q in columns], dollar=True),
        _row(
            "Stock-based compensation",
            [_thousands(q.eps_nongaap * 180e6 - q.net_income) for q in columns],
        ),
        _row(
            "Non-GAAP net income", [_thousands(q.eps_nongaap * 180e6) for q in columns], dollar=True
        ),
        _row(
            "Non-GAAP net income per share, diluted",
            [_eps(q.eps_nongaap) for q in columns],
            dollar=True,
        ),
    ]
    outlook = ""
    if guide is not None:
        low, high = (f"${value / 1e6:,.0f} million" for value in guide)
        next_ordinal = ORDINALS[fiscal_quarter % 4]
        next_year = year + (1 if fiscal_quarter == 4 else 0)
        eps_low = quarter.eps_nongaap * guide[0] / quarter.revenue
        outlook = (
            '<p style="font-weight:bold">Business Outlook</p>'
            f"<p>For the {next_ordinal} quarter of fiscal year {next_year}, Astera Labs "
            "expects:</p>"
            f"<ul><li>Revenue within a range of {low} and {high};</li>"
            "<li>GAAP gross margin to be approximately 74%;</li>"
            f"<li>Non-GAAP diluted earnings per share within a range of ${eps_low:.2f} and "
            f"${eps_low + 0.02:.2f}.</li></ul>"
        )
    return (
        "<html><head><title>Document</title></head><body>"
        '<div style="font-family:Arial;font-size:10pt">'
        f'<p style="text-align:center;font-weight:bold">Astera Labs Announces Financial Results '
        f"for the {ordinal.capitalize()} Quarter of Fiscal Year {year}</p>"
        f"<p>SANTA CLARA, Calif. &#8211; Astera Labs, Inc. (Nasdaq: ALAB), a global leader in "
        f"semiconductor-based connectivity solutions for rack-scale AI infrastructure, today "
        f"announced its financial results for the {ordinal} quarter of fiscal year {year}, "
        f"ended {_day(quarter.end)}.</p>"
        f"<p>&#8220;The quarter showed broad demand across our Scorpio, Aries, Taurus and Leo "
        f"product lines,&#8221; said Jitendra Mohan, Astera Labs&#8217; Chief Executive "
        f"Officer.</p>"
        f"{outlook}"
        '<p style="text-align:center;font-weight:bold">ASTERA LABS, INC.</p>'
        '<p style="text-align:center;font-weight:bold">CONDENSED CONSOLIDATED STATEMENTS OF '
        "OPERATIONS</p>"
        '<p style="text-align:center">(in thousands, except per share amounts)</p>'
        '<p style="text-align:center">(unaudited)</p>'
        '<table style="border-collapse:collapse;width:100%">'
        f'<tr><td></td><td colspan="{2 * len(columns)}" style="text-align:center">'
        "Three Months Ended</td></tr>"
        f"<tr><td></td>{header}</tr>" + "".join(rows) + "</table>"
        '<p style="text-align:center;font-weight:bold">RECONCILIATION OF GAAP TO NON-GAAP '
        "FINANCIAL MEASURES</p>"
        '<p style="text-align:center">(in thousands, except per share amounts)</p>'
        '<table style="border-collapse:collapse;width:100%">'
        f'<tr><td></td><td colspan="{2 * len(columns)}" style="text-align:center">'
        "Three Months Ended</td></tr>"
        f"<tr><td></td>{header}</tr>" + "".join(reconciliation) + "</table>"
        "</div></body></html>"
    )


# -- the same quarters as SEC's XBRL gives them -----------------------------------------------

_CONCEPTS = (
    ("RevenueFromContractWithCustomerExcludingAssessedTax", "USD", "revenue"),
    ("GrossProfit", "USD", "gross_profit"),
    ("OperatingIncomeLoss", "USD", "operating_income"),
    ("NetIncomeLoss", "USD", "net_income"),
    ("EarningsPerShareDiluted", "USD/shares", "eps_diluted"),
)


def alab_companyfacts(quarters: list[AlabQuarter], filed: dict[date, date]) -> dict:
    """A companyfacts body in EDGAR's shape holding `quarters` (calendar fiscal years), each
    as its filing tags it: a 10-Q carries its quarter and the year to date, a 10-K only the
    year (its fourth quarter is derived); `filed` gives each quarter's filing day (a quarter
    without one is not filed yet)."""
    by_end = {q.end: q for q in quarters}
    facts: dict[str, list[dict]] = {concept: [] for concept, _, _ in _CONCEPTS}
    for q in sorted(quarters, key=lambda q: q.end):
        day = filed.get(q.end)
        if day is None:
            continue
        n = q.end.month // 3
        year = [by_end.get(_quarter_end(q.end.year, i)) for i in range(1, n + 1)]
        form, fp = ("10-K", "FY") if n == 4 else ("10-Q", f"Q{n}")
        accn = f"0001736297-{day.year % 100:02d}-{day.month:02d}{day.day:02d}"
        periods = [] if n == 4 else [(_quarter_start(q.end), [q])]
        if n > 1 and all(year):
            periods.append((date(q.end.year, 1, 1), [y for y in year if y is not None]))
        for concept, _, name in _CONCEPTS:
            for start, parts in periods:
                total = sum(getattr(p, name) for p in parts)
                facts[concept].append(
                    {
                        "start": start.isoformat(),
                        "end": q.end.isoformat(),
                        "val": round(total, 2) if name == "eps_diluted" else round(total),
                        "accn": accn,
                        "fy": q.end.year,
                        "fp": fp,
                        "form": form,
                        "filed": day.isoformat(),
                    }
                )
    units = {concept: unit for concept, unit, _ in _CONCEPTS}
    return {
        "cik": 1736297,
        "entityName": "Astera Labs, Inc.",
        "facts": {
            "us-gaap": {c: {"label": c, "units": {units[c]: rows}} for c, rows in facts.items()}
        },
    }


def _quarter_end(year: int, n: int) -> date:
    return date(year, 3 * n, 31 if n in (1, 4) else 30)


def _quarter_start(end: date) -> date:
    return date(end.year, end.month - 2, 1)


# -- the same releases as stored -------------------------------------------------------------

#: The two guards a release evening flips: the company's own guide beaten, a margin floor.
ALAB_GUARDS = """
[tickers.ALAB]
name = "Astera Labs"

[[tickers.ALAB.checkpoints]]
id = "beats-own-guide"
title = "Beats its own guide"
kind = "guard"
when = "revenue_vs_guide >= 0%"

[[tickers.ALAB.checkpoints]]
id = "gross-margin-floor"
title = "Gross margin holds at or above 70%"
kind = "guard"
when = "gross_margin >= 70%"
"""


def store_alab_releases(
    store: Store,
    releases: list[tuple[AlabQuarter, tuple[float, float] | None, date]],
    now: datetime,
) -> None:
    """Each (quarter, next quarter's guide, day released) as a refresh stores it: its 8-K
    (accepted 16:05 New York), then what read_release gives of its EX-99.1 at
    https://sec.test/N.htm (N its place in `releases`)."""
    for n, (quarter, guide, day) in enumerate(releases):
        accepted = datetime.combine(day, time(16, 5), EASTERN)
        filing = Filing(
            "0001736297",
            f"0001736297-{day.year % 100}-{n:06d}",
            "8-K",
            ("2.02", "9.01"),
            accepted,
            day,
            None,
            "alab-8k.htm",
        )
        (record,) = store.evidence.save_filings("ALAB", [filing], "https://sec.test", now)
        body = alab_release(quarter, guide=guide, fiscal_quarter=quarter.end.month // 3)
        store.results.save("ALAB", record, f"https://sec.test/{n}.htm", read_release(body), now)
