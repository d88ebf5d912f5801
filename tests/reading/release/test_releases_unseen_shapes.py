"""Shapes of real releases the reader had left unread, read in place from ../shared by their
structure, each beside a near miss (a similar but different statement) that gives none.

Each expected figure was read by hand from the release, as cited beside it. JPMorgan's results
table names its quarters "2Q25 | 1Q25 | 2Q24" with no day; the days come from the text listing
them in the columns' order ("... at June 30, 2025, March 31, 2025 and June 30, 2024,
respectively"), each as far from the next as the quarters named. Beside the quarters it prints
"$ O/(U)" columns under "1Q25": differences, no period's figures. Its business segments'
tables ("Results for CIB") also hold net revenue and net income; only the company's prints
diluted EPS.
"""

from __future__ import annotations

import re

import pytest

from catalyst_tui.reading.release.periods import read_column
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import NOT_READ_TEXT, Gap, NotRead, to_json
from tests.support.shared import PRESS_RELEASES, REALDATA

RELEASES = REALDATA / "more" / "releases"
JPM_2Q25 = "JPM_0000019617-25-000518_a2q25erfexhibit991narrative.htm"
JPM_4Q24 = "JPM_0000019617-25-000040_a4q24erfexhibit991narrative.htm"
JPM_DAYS = "at June 30, 2025, March 31, 2025 and June 30, 2024, respectively"


def _read(name: str) -> dict:
    return to_json(read_release((RELEASES / name).read_bytes()))


def _jpm(replace: str, by: str) -> dict:
    body = (RELEASES / JPM_2Q25).read_text("utf-8")
    assert body.count(replace) == 1
    return to_json(read_release(body.replace(replace, by)))


@pytest.mark.parametrize(
    ("name", "period_end", "quarter"),
    [
        (
            JPM_2Q25,
            "2025-06-30",  # "Book value per share was ... at June 30, 2025, March 31, 2025 and ..."
            {
                "revenue": 44_912e6,  # Net revenue - reported $ 44,912 ($ millions)
                "gross_profit": None,  # a bank: no cost of revenue, no gross profit
                "operating_income": None,
                "net_income": 14_987e6,  # Net income $ 14,987
                "eps_diluted": 5.24,  # Earnings per share - diluted $ 5.24
                # "EXCLUDING A SIGNIFICANT ITEM, OF $14.2 BILLION ($4.96 PER SHARE)" is a
                # headline's sentence, in no table: not read
                "eps_nongaap": None,
            },
        ),
        (
            JPM_4Q24,
            "2024-12-31",  # "... at December 31, 2024, September 30, 2024, and December 31, 2023"
            {
                "revenue": 42_768e6,  # 4Q24 | 3Q24 | 4Q23: Net revenue - reported $ 42,768
                "gross_profit": None,
                "operating_income": None,
                "net_income": 14_005e6,  # Net income $ 14,005
                "eps_diluted": 4.81,  # Earnings per share - diluted $ 4.81
                "eps_nongaap": None,
            },
        ),
    ],
)
def test_a_banks_quarters_dated_by_the_days_its_text_lists(
    name: str, period_end: str, quarter: dict
) -> None:
    read = _read(name)
    assert (read["found"], read["period_end"]) == (True, period_end)
    assert read["quarter"] == quarter
    # the full year is told in sentences only ("RECORD FULL-YEAR 2024 NET INCOME OF $58.5
    # BILLION"): no year column, no year read
    assert (read["year"], read["guidance"]) == (None, [])


@pytest.mark.parametrize(
    "days",
    [
        # the days not a quarter and a year apart, as 2Q25 | 1Q25 | 2Q24 are
        "at June 30, 2025, December 31, 2024 and June 30, 2024, respectively",
        # two days for three quarters
        "at June 30, 2025 and June 30, 2024, respectively",
        # spaced as the quarters are, a year early: those of 2Q24 | 1Q24 | 2Q23
        "at June 30, 2024, March 31, 2024 and June 30, 2023, respectively",
        # none listed: "as of June 30, 2025" alone, or the 10-Q "for the quarterly period ended
        # March 31, 2025" the text cites, say nothing of which quarter is which
        "at the end of each period",
    ],
)
def test_a_list_of_days_not_matching_the_quarters_dates_nothing(days: str) -> None:
    read = _jpm(JPM_DAYS, days)
    assert (read["found"], read["reason_code"]) == (False, "undated")
    assert read["reason"] == NOT_READ_TEXT[NotRead.UNDATED]


def test_two_lists_dating_a_quarter_differently_date_nothing() -> None:
    other = ". Deposits grew at June 28, 2025, March 29, 2025 and June 29, 2024, respectively"
    read = _jpm(JPM_DAYS, JPM_DAYS + other)
    assert (read["found"], read["reason_code"]) == (False, "undated")


def test_without_its_eps_line_the_company_table_is_not_told_from_a_segments() -> None:
    # "Results for CIB" holds Net revenue 19,535 and Net income 6,650 under the same quarters:
    # with the company's diluted EPS gone, which table is the company's is not said
    read = _jpm("Earnings per share - diluted", "Return on assets")
    assert read["found"] is True
    quarter = read["quarter"]
    assert (quarter["revenue"], quarter["net_income"], quarter["eps_diluted"]) == (None, None, None)


@pytest.mark.parametrize(
    "header", ["1Q25 $ O/(U)", "1Q25 O/(U) %", "Change vs 3Q24", "Q3 FY24 vs Q3 FY23", "B/(W) 4Q24"]
)
def test_a_column_of_differences_is_no_period(header: str) -> None:
    column = read_column(header)
    assert (column.kind, column.end, column.order) == (None, None, None)
    assert read_column("1Q25").order == (2025, 1)  # the quarter's own column still is one


def test_labels_between_the_quarters_and_the_years_name_their_rows() -> None:
    # ExxonMobil Q4 2024 Results Summary: "4Q24 | 3Q24 | Change vs 3Q24 | Dollars in millions
    # (except per share data) | 2024 | 2023 | Change vs 2023"; "1.67 | 1.92 | -0.25 | Earnings
    # Excl. Identified Items Per Common Share (non-GAAP) | 7.79 | 9.52 | -1.73"
    name = "XOM_0000034088-25-000006_f8k4q24991.htm"
    read = _read(name)
    assert (read["quarter"]["eps_nongaap"], read["year"]["eps_nongaap"]) == (1.67, 7.79)
    # near miss: the same tables (the release prints the figure in three) with the quarter
    # column named the year before's fourth quarter
    body = (RELEASES / name).read_text("utf-8")
    assert body.count(">4Q24<") > 3
    altered = to_json(read_release(body.replace(">4Q24<", ">4Q23<")))
    assert altered["quarter"]["eps_nongaap"] is None
    assert altered["quarter"]["eps_diluted"] == 1.72  # the statement's own, still read


@pytest.mark.parametrize(
    ("sentence", "period_end"),
    [
        (
            "JPMorgan Chase reported results for the second quarter ended June 30, 2025",
            "2025-06-30",
        ),
        ("Results for the second-quarter 2025 ended June 30, 2025 follow", "2025-06-30"),
        # near misses: no quarter named (the 10-Q's "quarterly period ended March 31, 2025" the
        # release cites stays no answer), another quarter, a fiscal year the columns do not name
        ("Results for the period ended June 30, 2025 follow", None),
        ("Results for the first quarter ended June 30, 2025 follow", None),
        ("Results for the second quarter of fiscal 2026 ended June 30, 2025 follow", None),
        # two days for one quarter: no answer
        (
            "Results for the second quarter ended June 30, 2025; the second quarter ended "
            "June 28, 2025 at the subsidiary",
            None,
        ),
    ],
)
def test_the_quarter_named_with_its_end_dates_its_column(
    sentence: str, period_end: str | None
) -> None:
    read = _jpm(JPM_DAYS, f"at the end of each period. {sentence}.")
    assert (read["found"], read["period_end"]) == (period_end is not None, period_end)
    if period_end:
        assert (read["quarter"]["revenue"], read["quarter"]["eps_diluted"]) == (44_912e6, 5.24)
    else:
        assert read["reason_code"] == "undated"


def test_a_statement_whose_scale_line_is_missed_is_not_whole_dollars_beside_scaled_tables() -> None:
    # Netflix Q4 2024: "(in thousands, except per share data)" over its statement, Revenues
    # 10,246,513; its other tables say "(in thousands)" too. The statement's line gone, its
    # eight digits are not $10.2 million: left out, as no scale is stated for them
    body = (PRESS_RELEASES / "NFLX_0001065280-25-000033_ex991_q424.htm").read_text("utf-8")
    line = "(in thousands, except per share data)"
    assert body.count(line) == 1
    read = read_release(body.replace(line, "(unaudited)"))
    assert read.quarter.revenue is None
    assert read.quarter.gap("revenue") is Gap.UNKNOWN_SCALE
    assert read.quarter.eps_diluted == 4.27  # per share, no scale needed
    assert to_json(read_release(body))["quarter"]["revenue"] == 10_246_513e3


def _ads_statement(*rows: str) -> str:
    cells = "".join(
        f"<tr><td>{label}</td><td>{value}</td></tr>"
        for label, _, value in (row.partition("|") for row in rows)
    )
    return (
        "<html><body><p>CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions)</p><table>"
        "<tr><td></td><td>Three Months Ended September 30, 2025</td></tr>"
        f"{cells}</table></body></html>"
    )


REVENUE_AND_INCOME = ("Total revenues|1,000", "Net income|400")


def test_a_depositary_share_is_no_share() -> None:
    # an ADS is several shares: "Diluted" under "Earnings per ADS" is not diluted EPS, whether
    # the per-ADS lines stand before the per-share ones or alone
    per_ads = ("Earnings per ADS:|", "Basic|8.20", "Diluted|8.00")
    per_share = ("Earnings per share:|", "Basic|1.03", "Diluted|1.00")
    both = _ads_statement(*REVENUE_AND_INCOME, *per_ads, *per_share)
    assert to_json(read_release(both))["quarter"]["eps_diluted"] == 1.00
    alone = _ads_statement(*REVENUE_AND_INCOME, "Diluted earnings per ADS|8.00")
    read = read_release(alone)
    assert (read.found, read.quarter.eps_diluted) == (True, None)
    heading = _ads_statement(
        *REVENUE_AND_INCOME, "Net income per American depositary share:|", "Diluted|8.00"
    )
    assert read_release(heading).quarter.eps_diluted is None


def test_twelve_months_are_the_fiscal_year_only_on_a_fourth_quarter_release() -> None:
    # Amazon Q4 2024: "AMAZON.COM ANNOUNCES FOURTH QUARTER RESULTS", its statement "Three Months
    # Ended December 31 | Twelve Months Ended December 31": the year, Total net sales 637,959
    name = "AMZN_0001018724-25-000002_amzn-20241231xex991.htm"
    body = (PRESS_RELEASES / name).read_text("utf-8")
    assert to_json(read_release(body))["year"]["revenue"] == 637_959e6
    # near miss: the same statement on a release of a first quarter (Amazon prints trailing
    # twelve months in every quarter's statement): those twelve months are no fiscal year
    first = re.sub("(?i)fourth quarter", "first quarter", body)
    read = to_json(read_release(first))
    assert read["year"] is None
    assert (read["quarter"]["revenue"], read["quarter"]["eps_diluted"]) == (187_792e6, 1.86)


def test_the_whole_diluted_eps_before_its_part_from_continuing_operations() -> None:
    rows = (
        "Diluted earnings per share from continuing operations|1.00",
        "Diluted earnings per share from discontinued operations|0.10",
        "Diluted earnings per share|1.10",
    )
    read = read_release(_ads_statement(*REVENUE_AND_INCOME, *rows))
    assert read.quarter.eps_diluted == 1.10
    # near miss: only the parts are printed; continuing operations' part is read, never the
    # discontinued one's
    parts = read_release(_ads_statement(*REVENUE_AND_INCOME, rows[1], rows[0]))
    assert parts.quarter.eps_diluted == 1.00


def _named_quarters(text: str, revenue_label: str = "Total revenues") -> str:
    return (
        f"<html><body><p>{text}</p>"
        "<p>CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME</p><p>(In millions)</p><table>"
        "<tr><td></td><td>Q3 2025</td><td>Q2 2025</td><td>Q3 2024</td></tr>"
        f"<tr><td>{revenue_label}</td><td>1,200</td><td>1,100</td><td>1,000</td></tr>"
        "<tr><td>Net income</td><td>300</td><td>250</td><td>200</td></tr>"
        "<tr><td>Diluted earnings per share</td><td>0.60</td><td>0.50</td><td>0.40</td></tr>"
        "</table></body></html>"
    )


@pytest.mark.parametrize(
    "label",
    ["Total revenues", "Net revenue, as reported", "Total revenues net of interest expense"],
)
def test_a_statement_of_named_quarters_dated_by_the_release_saying_which_ended_when(
    label: str,
) -> None:
    said = "Example Corp. today reported results for its third quarter ended September 30, 2025."
    read = to_json(read_release(_named_quarters(said, label)))
    assert read["period_end"] == "2025-09-30"
    quarter = read["quarter"]
    assert (quarter["revenue"], quarter["net_income"], quarter["eps_diluted"]) == (
        1_200e6,
        300e6,
        0.6,
    )
    # near misses: the quarter not named, or named for a fiscal year its columns do not carry
    for other in (
        "Example Corp. today reported results for the period ended September 30, 2025.",
        "Example Corp. reported its third quarter of fiscal 2026 ended September 30, 2025.",
        "Example Corp. reported its second quarter ended September 30, 2025.",
    ):
        assert to_json(read_release(_named_quarters(other, label)))["found"] is False


def test_a_non_gaap_eps_at_constant_currency_is_another_figure() -> None:
    rows = ("Diluted earnings per share|0.60", "Adjusted diluted EPS|0.75")
    read = read_release(_ads_statement(*REVENUE_AND_INCOME, *rows))
    assert read.quarter.eps_nongaap == 0.75
    # near miss: the adjusted EPS at constant currency alone is no adjusted EPS as reported
    fx = ("Diluted earnings per share|0.60", "Adjusted diluted EPS, constant currency|0.78")
    assert read_release(_ads_statement(*REVENUE_AND_INCOME, *fx)).quarter.eps_nongaap is None
