"""The replay market's companies: who they are to SEC (CIK, name), what each quarter's income
statement says, when each quarter is reported (the press release at 16:05 New York, then the
10-Q, or the 10-K for a fourth quarter) and the revenue guidance each release gives for the next.

The market lists the bundled thesis's companies and a few other large US ones (LISTED); any other
symbol is unknown to it. ALAB's quarters follow the story of the bundled thesis: revenue $308.4M
in Q1 FY26, $362.0M in Q2 (over the ~$360M guide), and in Q3 gross margin 69.1% and operating
margin 19.6%, under the thesis's 70% and 20% floors. Later quarters, and every quarter of the
other companies, come from a formula seeded by the symbol around the company's own order of
magnitude (SCALES: its quarterly revenue, margins and diluted shares as reported in 2025, carried
into 2026), so its revenue, market cap and EPS are plausible for the name. Amounts are thousands
of dollars, shares thousands.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from ..reading.moments import NEW_YORK
from .prices import next_session, unit

RELEASE_TIME = time(16, 5)  # the press release, after the close
REPORT_TIME = time(16, 15)  # the 10-Q or 10-K, the next session


class Company(NamedTuple):
    symbol: str
    cik: int
    name: str  # as SEC's ticker map titles it


class Scale(NamedTuple):
    """A company's order of magnitude: its quarter's revenue in Q1 2026 (thousands), the growth
    of a quarter, its gross and operating margins, its diluted shares (thousands)."""

    revenue: int
    growth: float
    gross: float
    operating: float
    shares: int


# The bundled thesis's companies, then the others the market lists (a ticker a demo user might add):
# a row is the Company's fields (symbol, CIK, name), then the Scale's (revenue, growth, gross,
# operating, shares), each read by its name below.
_COMPANIES = (
    ("ALAB", 1736297, "Astera Labs, Inc.", 308_400, 0.09, 0.75, 0.23, 158_000),
    ("CRDO", 1807794, "Credo Technology Group Holding Ltd", 300_000, 0.06, 0.66, 0.24, 182_000),
    ("LITE", 1633978, "Lumentum Holdings Inc.", 650_000, 0.05, 0.36, 0.09, 76_000),
    ("COHR", 820318, "Coherent Corp.", 1_650_000, 0.02, 0.37, 0.10, 160_000),
    ("NVDA", 1045810, "NVIDIA CORP", 68_000_000, 0.05, 0.73, 0.62, 24_400_000),
    ("MRVL", 1835632, "Marvell Technology, Inc.", 2_200_000, 0.03, 0.51, 0.15, 870_000),
    ("AVGO", 1730168, "Broadcom Inc.", 19_000_000, 0.04, 0.68, 0.40, 4_950_000),
    ("ANET", 1596532, "Arista Networks, Inc.", 2_500_000, 0.04, 0.64, 0.42, 1_275_000),
    ("AAPL", 320193, "Apple Inc.", 100_000_000, 0.015, 0.47, 0.31, 14_900_000),
    ("MSFT", 789019, "Microsoft Corporation", 80_000_000, 0.035, 0.69, 0.46, 7_470_000),
    ("GOOGL", 1652044, "Alphabet Inc.", 105_000_000, 0.03, 0.59, 0.32, 12_200_000),
    ("AMZN", 1018724, "Amazon.com, Inc.", 185_000_000, 0.025, 0.50, 0.11, 10_800_000),
    ("META", 1326801, "Meta Platforms, Inc.", 55_000_000, 0.05, 0.82, 0.40, 2_570_000),
    ("TSLA", 1318605, "Tesla, Inc.", 27_000_000, 0.01, 0.17, 0.06, 3_500_000),
    ("AMD", 2488, "Advanced Micro Devices, Inc.", 9_500_000, 0.04, 0.52, 0.12, 1_640_000),
    ("INTC", 50863, "Intel Corporation", 13_500_000, 0.0, 0.38, 0.03, 4_700_000),
    ("MU", 723125, "Micron Technology, Inc.", 12_000_000, 0.05, 0.45, 0.30, 1_130_000),
    ("QCOM", 804328, "QUALCOMM Incorporated", 11_000_000, 0.01, 0.55, 0.28, 1_100_000),
)
COMPANIES: dict[str, Company] = {
    symbol: Company(symbol=symbol, cik=cik, name=name) for symbol, cik, name, *_ in _COMPANIES
}
SCALES: dict[str, Scale] = {
    symbol: Scale(revenue=revenue, growth=growth, gross=gross, operating=operating, shares=shares)
    for symbol, _, _, revenue, growth, gross, operating, shares in _COMPANIES
}
LISTED = frozenset(COMPANIES)


def scale(symbol: str) -> Scale:
    """The symbol's order of magnitude; for a symbol the market does not list (a test's own
    market), one from its name."""
    known = SCALES.get(symbol)
    if known is not None:
        return known
    gross, operating = 0.55 + 0.19 * unit(symbol, "gross"), 0.12 + 0.13 * unit(symbol, "operating")
    return Scale(
        80_000 + int(unit(symbol, "revenue") * 3_000_000),
        0.03,
        gross,
        operating,
        100_000 + int(unit(symbol, "shares") * 2_000_000),
    )


def company(symbol: str) -> Company:
    known = COMPANIES.get(symbol)
    if known is not None:
        return known
    return Company(symbol, 1_900_000 + int(unit(symbol, "cik") * 90_000), f"{symbol} Inc.")


class Statement(NamedTuple):
    """One quarter's income statement, in thousands (EPS in dollars)."""

    year: int
    quarter: int
    revenue: int
    cost_of_revenue: int
    research: int
    selling: int
    interest_income: int
    tax: int
    basic_shares: int
    diluted_shares: int
    stock_compensation: int

    @property
    def gross_profit(self) -> int:
        return self.revenue - self.cost_of_revenue

    @property
    def operating_expenses(self) -> int:
        return self.research + self.selling

    @property
    def operating_income(self) -> int:
        return self.gross_profit - self.operating_expenses

    @property
    def pretax_income(self) -> int:
        return self.operating_income + self.interest_income

    @property
    def net_income(self) -> int:
        return self.pretax_income - self.tax

    @property
    def eps_basic(self) -> float:
        return round(self.net_income / self.basic_shares, 2)

    @property
    def eps_diluted(self) -> float:
        return round(self.net_income / self.diluted_shares, 2)

    @property
    def net_income_nongaap(self) -> int:
        return self.net_income + self.stock_compensation

    @property
    def eps_nongaap(self) -> float:
        return round(self.net_income_nongaap / self.diluted_shares, 2)


# ALAB by quarter: (revenue, gross margin, operating margin).
_ALAB = {
    (2024, 1): (65_259, 0.777, 0.040),
    (2024, 2): (76_850, 0.780, 0.055),
    (2024, 3): (113_083, 0.775, 0.085),
    (2024, 4): (141_106, 0.764, 0.120),
    (2025, 1): (159_443, 0.742, 0.150),
    (2025, 2): (191_857, 0.760, 0.188),
    (2025, 3): (230_575, 0.762, 0.205),
    (2025, 4): (270_420, 0.758, 0.214),
    (2026, 1): (308_400, 0.752, 0.231),
    (2026, 2): (362_000, 0.734, 0.224),
    (2026, 3): (415_000, 0.691, 0.196),
}
_ALAB_LATER = ((0.708, 0.208), (0.716, 0.214), (0.702, 0.199), (0.721, 0.222))


def _index(year: int, quarter: int) -> int:
    return year * 4 + quarter - 1


def _margins(symbol: str, year: int, quarter: int) -> tuple[int, float, float]:
    if symbol == "ALAB":
        if (year, quarter) in _ALAB:
            return _ALAB[(year, quarter)]
        last = max(_ALAB)
        steps = _index(year, quarter) - _index(*last)
        if steps > 0:
            gross, operating = _ALAB_LATER[_index(year, quarter) % 4]
            return int(round(_ALAB[last][0] * 1.09**steps, -2)), gross, operating
        first = min(_ALAB)  # before the table: shrinking back, as a young company's
        steps = _index(*first) - _index(year, quarter)
        return int(round(_ALAB[first][0] / 1.15**steps, -2)), 0.77, 0.03
    size = scale(symbol)
    steps = _index(year, quarter) - _index(2026, 1)
    jitter = 1 + 0.04 * (unit(symbol, year, quarter) - 0.5)
    revenue = int(round(size.revenue * (1 + size.growth) ** steps * jitter, -2))
    gross = size.gross + 0.01 * (unit(symbol, year, quarter, "g") - 0.5)
    return revenue, round(gross, 3), round(size.operating, 3)


@functools.lru_cache(maxsize=4096)
def statement(symbol: str, year: int, quarter: int) -> Statement:
    revenue, gross, operating = _margins(symbol, year, quarter)
    cost = int(round(revenue * (1 - gross)))
    expenses = (revenue - cost) - int(round(revenue * operating))
    research = int(round(expenses * 0.62))
    interest = int(round(revenue * 0.03))
    pretax = revenue - cost - expenses + interest
    tax = max(0, int(round(pretax * 0.12)))
    diluted = 150_000 + 1_000 * (_index(year, quarter) - _index(2024, 1))
    if symbol != "ALAB":
        diluted = scale(symbol).shares
    return Statement(
        year,
        quarter,
        revenue,
        cost,
        research,
        expenses - research,
        interest,
        tax,
        diluted - diluted // 20,
        diluted,
        int(round(revenue * 0.17)),
    )


def span_figure(parts: list[Statement], figure: str) -> float:
    """A figure of several quarters (a year, a year to date): amounts summed, shares averaged,
    EPS the span's net income over its average shares."""
    if figure.startswith("eps_"):
        nongaap = figure == "eps_nongaap"
        income = sum(p.net_income_nongaap if nongaap else p.net_income for p in parts)
        basic = figure == "eps_basic"
        shares = sum(p.basic_shares if basic else p.diluted_shares for p in parts) / len(parts)
        return round(income / shares, 2)
    total: float = sum(getattr(p, figure) for p in parts)
    return round(total / len(parts)) if figure.endswith("shares") else total


# -- the calendar --------------------------------------------------------------------------------


def quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> date:
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return following - timedelta(days=1)


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def release_time(symbol: str, year: int, quarter: int) -> datetime:
    """When the quarter's results press release (8-K, item 2.02) is accepted, UTC."""
    after = 41 if quarter == 4 else 35
    if symbol != "ALAB":
        after = 25 + int(unit(symbol, "reports") * 20) + (6 if quarter == 4 else 0)
    day = _weekday(quarter_end(year, quarter) + timedelta(days=after))
    return datetime.combine(day, RELEASE_TIME, NEW_YORK).astimezone(UTC)


def report_time(symbol: str, year: int, quarter: int) -> datetime:
    """When the quarter's 10-Q (a 10-K for the fourth) is accepted, UTC: the next session."""
    released = release_time(symbol, year, quarter).astimezone(NEW_YORK).date()
    day = next_session(released)
    return datetime.combine(day, REPORT_TIME, NEW_YORK).astimezone(UTC)


def released(symbol: str, now: datetime, count: int) -> list[tuple[int, int]]:
    """The last `count` quarters whose press release is out at `now`, oldest first."""
    year, quarter = now.year, (now.month - 1) // 3 + 1
    found: list[tuple[int, int]] = []
    while len(found) < count:
        if release_time(symbol, year, quarter) <= now:
            found.append((year, quarter))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return found[::-1]


def next_release(symbol: str, now: datetime) -> datetime:
    """The next results press release after `now`."""
    year, quarter = released(symbol, now, 1)[0]
    year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return release_time(symbol, year, quarter)


def next_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def guidance(symbol: str, year: int, quarter: int) -> tuple[int, int]:
    """The revenue range (thousands) the release of (year, quarter) guides the next quarter
    to: around 99.5% of what it turns out to be, in steps of 5 in its second digit ($5M for
    hundreds of millions, $500M for tens of billions), one step either side."""
    coming = statement(symbol, *next_quarter(year, quarter)).revenue
    step = 5 * 10 ** max(0, len(str(coming)) - 3)
    middle = int(round(coming * 0.995 / step) * step)
    return middle - step, middle + step
