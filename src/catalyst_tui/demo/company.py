"""The replay market's companies: who they are to SEC (CIK, name), what each quarter's income
statement says, when each quarter is reported (the press release at 16:05 New York, then the
10-Q, or the 10-K for a fourth quarter) and the revenue guidance each release gives for the next.

ALAB's quarters follow the story of the bundled thesis: revenue $308.4M in Q1 FY26, $362.0M in
Q2 (over the ~$360M guide), and in Q3 gross margin 69.1% and operating margin 19.6%, under the
thesis's 70% and 20% floors. Later quarters, and every quarter of the other companies, come from
a formula seeded by the symbol. Amounts are thousands of dollars, shares thousands.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from .prices import NEW_YORK, next_session, unit

RELEASE_TIME = time(16, 5)  # the press release, after the close
REPORT_TIME = time(16, 15)  # the 10-Q or 10-K, the next session


class Company(NamedTuple):
    symbol: str
    cik: int
    name: str  # as SEC's ticker map titles it


_COMPANIES = (
    Company("ALAB", 1736297, "Astera Labs, Inc."),
    Company("CRDO", 1807794, "Credo Technology Group Holding Ltd"),
    Company("LITE", 1633978, "Lumentum Holdings Inc."),
    Company("COHR", 820318, "Coherent Corp."),
    Company("NVDA", 1045810, "NVIDIA CORP"),
    Company("MRVL", 1835632, "Marvell Technology, Inc."),
    Company("AVGO", 1730168, "Broadcom Inc."),
    Company("ANET", 1596532, "Arista Networks, Inc."),
)
COMPANIES: dict[str, Company] = {c.symbol: c for c in _COMPANIES}


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
    base = 80_000 + int(unit(symbol, "revenue") * 3_000_000)
    steps = _index(year, quarter) - _index(2026, 1)
    revenue = int(round(base * 1.03**steps * (1 + 0.04 * (unit(symbol, year, quarter) - 0.5)), -2))
    gross = 0.55 + 0.19 * unit(symbol, "gross") + 0.01 * (unit(symbol, year, quarter, "g") - 0.5)
    operating = 0.12 + 0.13 * unit(symbol, "operating")
    return revenue, round(gross, 3), round(operating, 3)


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
        diluted = 100_000 + int(unit(symbol, "shares") * 2_000_000)
    return Statement(year, quarter, revenue, cost, research, expenses - research, interest, tax,
                     diluted - diluted // 20, diluted, int(round(revenue * 0.17)))  # fmt: skip


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
    to: $10M wide around 99.5% of what it turns out to be, to the nearest $5M."""
    coming = statement(symbol, *next_quarter(year, quarter)).revenue
    middle = int(round(coming * 0.995 / 5_000) * 5_000)
    return middle - 5_000, middle + 5_000
