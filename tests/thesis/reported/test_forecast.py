"""The best forecast of a fiscal year's revenue, each source's precedence and its words, by hand:
the company's guide (the quarters reported, the quarter guided, the guide's rate for the rest),
then the Street's consensus for that year, then the run rate of the year's quarters; none for a
year reported whole or not begun; the fiscal year a target due later is of."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.reported.forecast import (
    Forecast,
    Source,
    fiscal_year_end,
    forecast_year,
    on_course,
)
from catalyst_tui.thesis.wording import forecast_text

FY26 = dt.date(2026, 12, 31)
Q1, Q2, Q3, Q4 = (
    dt.date(2026, 3, 31),
    dt.date(2026, 6, 30),
    dt.date(2026, 9, 30),
    dt.date(2026, 12, 31),
)
LAST_YEAR = (dt.date(2025, 12, 31), 280e6)
REPORTED = [LAST_YEAR, (Q1, 308e6), (Q2, 362e6), (Q3, 415e6)]
TARGET = parse_condition("revenue_fy >= 1.55B")


def test_the_company_guide_comes_first_with_its_rate_for_the_quarters_left():
    street = (FY26, 1.61e9)
    f = forecast_year(FY26, REPORTED, guide=(Q4, 445e6), street=street)
    assert f == Forecast(Source.GUIDE, 308e6 + 362e6 + 415e6 + 445e6, FY26, 3)  # 1.530B
    assert not on_course(f, TARGET)
    assert forecast_text(f, TARGET) == (
        "the quarters reported and the company's guide make $1.53B for the year to 2026-12-31, "
        "below your $1.55B"
    )
    two_left = forecast_year(FY26, REPORTED[:3], guide=(Q3, 400e6))
    assert two_left == Forecast(Source.GUIDE, 308e6 + 362e6 + 2 * 400e6, FY26, 2)


def test_the_street_comes_next_when_no_guide_is_of_the_year():
    next_years_guide = (dt.date(2027, 3, 31), 470e6)  # the guide of another year says nothing
    f = forecast_year(FY26, REPORTED, guide=next_years_guide, street=(FY26, 1.61e9))
    assert f == Forecast(Source.STREET, 1.61e9, FY26, 3)
    assert on_course(f, TARGET)
    assert forecast_text(f, TARGET) == (
        "the Street expects $1.61B for the year to 2026-12-31, above your $1.55B"
    )


def test_the_run_rate_comes_last_the_years_quarters_and_the_last_ones_rate_for_the_rest():
    f = forecast_year(FY26, REPORTED[:3], street=(dt.date(2027, 12, 31), 2.2e9))  # another year
    assert f == Forecast(Source.RUN_RATE, 308e6 + 362e6 + 2 * 362e6, FY26, 2)  # 1.394B
    assert forecast_text(f, TARGET) == (
        "at the run rate of the quarters reported, $1.39B for the year to 2026-12-31, "
        "below your $1.55B"
    )


def test_a_year_reported_whole_or_not_begun_has_no_forecast():
    whole = [*REPORTED, (Q4, 450e6)]
    assert forecast_year(FY26, whole, guide=(Q4, 445e6), street=(FY26, 1.6e9)) is None
    assert forecast_year(dt.date(2027, 12, 31), REPORTED) is None  # not begun: no run rate
    assert forecast_year(FY26, []) is None


def test_a_52_53_week_year_counts_the_quarters_that_end_within_a_week_of_its_own():
    year_end = dt.date(2026, 12, 27)
    quarters = [(dt.date(2026, 3, 29), 100.0), (dt.date(2026, 6, 28), 110.0)]
    f = forecast_year(year_end, quarters, street=(dt.date(2026, 12, 31), 500.0))
    assert f == Forecast(Source.STREET, 500.0, year_end, 2)


def test_the_fiscal_year_of_a_target_is_the_last_to_end_before_its_due_date():
    assert fiscal_year_end(dt.date(2027, 3, 31), None) == FY26
    assert fiscal_year_end(dt.date(2027, 3, 31), dt.date(2025, 12, 31)) == FY26
    assert fiscal_year_end(dt.date(2027, 3, 31), dt.date(2025, 6, 30)) == dt.date(2026, 6, 30)
    assert fiscal_year_end(dt.date(2027, 8, 31), dt.date(2025, 6, 30)) == dt.date(2027, 6, 30)
