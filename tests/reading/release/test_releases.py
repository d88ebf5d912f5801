"""Reading an earnings release: the rules the parser keeps, on small documents written here, and
its guard against hostile input. The 29 real releases are read in the test_releases_*.py beside it.
"""

from __future__ import annotations

import random
import time

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import MAX_BYTES, Gap, NotRead, to_json
from tests.support.shared import PRESS_RELEASES

# the headline names the fourth quarter: "Twelve Months Ended" the quarter's day is the fiscal
# year then, not a first quarter's trailing twelve months (test_releases_unseen_shapes)
TITLE = (
    "<h1>Example Corp. Reports Fourth Quarter and Fiscal Year Results</h1>"
    "<p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>{scale}</p>"
)
HEADER = (
    "<tr><td></td><td colspan=4>Three Months Ended</td><td colspan=4>Twelve Months Ended</td></tr>"
    "<tr><td></td><td colspan=2>March 31, 2025</td><td colspan=2>March 31, 2024</td>"
    "<td colspan=2>March 31, 2025</td><td colspan=2>March 31, 2024</td></tr>"
)


def _statement(*rows: str, scale: str = "(In millions, except per share data)") -> str:
    """A Workiva-like statement: the `$` in a cell of its own, a quarter and a year column."""
    body = "".join(f"<tr><td>{row.split('|')[0]}</td>{_cells(row)}</tr>" for row in rows)
    return f"<html><body>{TITLE.format(scale=scale)}<table>{HEADER}{body}</table></body></html>"


def _cells(row: str) -> str:
    return "".join(f"<td>$</td><td>{value}</td>" for value in row.split("|")[1:])


FULL = (
    "Revenue|1,000|900|4,000|3,600",
    "Cost of revenue|400|380|1,600|1,500",
    "Operating income (loss)|(120)|50|(300)|200",
    "Net loss|(95)|40|(250)|150",
    "Net loss per share:|",
    "Basic|(0.10)|0.04|(0.26)|0.16",
    "Diluted|(0.10)|0.04|(0.26)|0.16",
)


def test_losses_in_parentheses_are_negative_and_gross_profit_is_revenue_minus_cost() -> None:
    results = read_release(_statement(*FULL))
    assert to_json(results)["quarter"] == {
        "revenue": 1_000e6,
        "gross_profit": 600e6,  # 1,000 - 400: only the cost is printed
        "operating_income": -120e6,
        "net_income": -95e6,
        "eps_diluted": -0.10,
        "eps_nongaap": None,
    }
    assert results.quarter.derived == ("gross_profit",)
    assert results.year is not None and results.year.operating_income == -300e6


def test_parentheses_split_over_cells_as_workiva_prints_them() -> None:
    html = _statement(*FULL).replace("<td>(120)</td>", "<td>(120</td><td>)</td>")
    assert read_release(html).quarter.operating_income == -120e6


def test_a_statement_without_gross_profit_or_cost_leaves_gross_profit_none() -> None:
    rows = [row for row in FULL if not row.startswith("Cost")]
    results = read_release(_statement(*rows))
    assert results.found and results.quarter.gross_profit is None
    assert results.quarter.gap("gross_profit") is Gap.NOT_STATED
    assert results.quarter.derived == ()


def test_a_statement_without_eps_is_still_the_statement() -> None:
    rows = [row for row in FULL if "per share" not in row and not row.startswith(("Basic", "Dil"))]
    results = read_release(_statement(*rows))
    assert results.found and results.quarter.net_income == -95e6
    assert results.quarter.gap("eps_diluted") is Gap.NOT_STATED


def test_a_statement_without_a_scale_line_is_in_whole_dollars() -> None:
    whole = [row.replace("1,000|", "1,000,000|", 1) for row in FULL]
    results = read_release(_statement(*whole, scale="(Unaudited)"))
    assert results.quarter.revenue == 1_000_000.0
    assert results.quarter.eps_diluted == -0.10


def test_no_scale_and_a_revenue_no_company_reports_in_dollars_is_not_guessed() -> None:
    # "Revenue 1,000" with no scale stated is not $1,000: the scale line was missed
    results = read_release(_statement(*FULL, scale="(Unaudited)"))
    assert results.quarter.revenue is None
    assert results.quarter.gap("revenue") is Gap.UNKNOWN_SCALE
    assert results.quarter.eps_diluted == -0.10


@pytest.mark.parametrize(
    ("scale", "revenue"),
    [
        ("(Amounts in thousands)", 1_000e3),
        ("(In Millions, Except Per Share Amounts; Unaudited)", 1_000e6),
        ("($ in millions)", 1_000e6),
        ("(millions of dollars, except per share amounts)", 1_000e6),
        ("($ millions)", 1_000e6),
        ("(in $ thousands)", 1_000e3),
        ("(000's omitted)", 1_000e3),
        ("($000)", 1_000e3),
        ("(In millions, except shares, which are reflected in thousands)", 1_000e6),
        ("(Shares in thousands)", None),  # shares only: no scale, and $1,000 is no revenue
    ],
)
def test_the_scale_line(scale: str, revenue: float) -> None:
    assert read_release(_statement(*FULL, scale=scale)).quarter.revenue == revenue


def test_the_fiscal_year_column_ending_on_the_quarter_end_makes_a_q4_release() -> None:
    results = read_release(_statement(*FULL))
    assert results.period_end is not None and results.period_end.isoformat() == "2025-03-31"
    assert to_json(results)["year"] == {
        "revenue": 4_000e6,
        "gross_profit": 2_400e6,
        "operating_income": -300e6,
        "net_income": -250e6,
        "eps_diluted": -0.26,
        "eps_nongaap": None,
    }


def test_a_separate_annual_statement_gives_the_year_of_a_q4_release() -> None:
    """Three months in one statement, the years in another: both end on March 31, 2025."""

    def two_columns(html: str, heading: str) -> str:
        html = html.replace(
            "<td colspan=4>Three Months Ended</td><td colspan=4>Twelve Months Ended</td>",
            f"<td colspan=4>{heading}</td>",
        )
        return html.replace(
            "<td colspan=2>March 31, 2025</td><td colspan=2>March 31, 2024</td></tr>", "</tr>", 1
        )

    quarter = two_columns(_statement(*FULL), "Three Months Ended")
    year = two_columns(
        _statement(*(r.replace("|1,000|900|", "|4,000|3,600|") for r in FULL)), "Year Ended"
    )
    results = read_release(quarter.replace("</body></html>", year.split("<body>", 1)[1]))
    assert results.quarter.revenue == 1_000e6
    assert results.year is not None and results.year.revenue == 4_000e6


def test_prior_year_first_still_reads_the_latest_quarter() -> None:
    html = (
        _statement(*FULL).replace("March 31, 2025", "X").replace("March 31, 2024", "March 31, 2025")
    )
    html = html.replace("X", "March 31, 2024")  # columns now read 2024 | 2025
    results = read_release(html)
    assert results.quarter.revenue == 900e6 and results.quarter.net_income == 40e6


def test_the_income_statement_wins_over_a_summary_table_ahead_of_it() -> None:
    summary = (
        "<p>Financial highlights ($ in billions)</p><table><tr><td></td><td>Q1 FY25</td></tr>"
        "<tr><td>Revenue</td><td>$1.1</td></tr><tr><td>Net income</td><td>$0.2</td></tr>"
        "<tr><td>Diluted earnings per share</td><td>$0.05</td></tr></table>"
    )
    html = _statement(*FULL).replace("<body>", "<body>" + summary)
    assert read_release(html).quarter.revenue == 1_000e6


def test_a_labelled_non_gaap_diluted_eps_in_a_reconciliation() -> None:
    reconciliation = (
        "<p>Reconciliation of GAAP to non-GAAP measures</p><table>"
        + HEADER
        + "<tr><td>GAAP diluted net income per share</td><td>$</td><td>(0.10)</td></tr>"
        + "<tr><td>Non-GAAP diluted net income per share</td><td>$</td><td>0.07</td>"
        + "<td>$</td><td>0.05</td><td>$</td><td>0.21</td></tr></table>"
    )
    results = read_release(_statement(*FULL).replace("</body>", reconciliation + "</body>"))
    assert results.quarter.eps_nongaap == 0.07
    assert results.year is not None and results.year.eps_nongaap == 0.21


def test_two_different_non_gaap_eps_for_the_quarter_are_ambiguous() -> None:
    one = "<table>" + HEADER + "<tr><td>Non-GAAP diluted EPS</td><td>$</td><td>{}</td></tr></table>"
    html = _statement(*FULL).replace("</body>", one.format("0.07") + one.format("0.09") + "</body>")
    results = read_release(html)
    assert results.quarter.eps_nongaap is None
    assert results.quarter.gap("eps_nongaap") is Gap.AMBIGUOUS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Revenue for the second quarter is expected to be $1.20 billion, plus or minus 2%.",
            [{"period": "quarter", "revenue_low": 1_176e6, "revenue_high": 1_224e6}],
        ),
        (
            "We expect full-year 2025 revenue to be between $4.5 billion and $4.7 billion.",
            [{"period": "year", "revenue_low": 4_500e6, "revenue_high": 4_700e6}],
        ),
        (
            "For fiscal 2026, total revenue is expected to be approximately $5 billion.",
            [{"period": "year", "revenue_low": 5_000e6, "revenue_high": 5_000e6}],
        ),
        (
            "We expect Q2 net sales of $300-$320M.",
            [{"period": "quarter", "revenue_low": 300e6, "revenue_high": 320e6}],
        ),
        (
            "We expect Q2 revenue of $1.0-1.1 billion and full-year revenue of $4.5-4.7 billion.",
            [
                {"period": "quarter", "revenue_low": 1_000e6, "revenue_high": 1_100e6},
                {"period": "year", "revenue_low": 4_500e6, "revenue_high": 4_700e6},
            ],
        ),
        (
            "We expect revenue of $4.6 billion for the full year and revenue of $1.05 billion for "
            "the second quarter.",
            [
                {"period": "quarter", "revenue_low": 1_050e6, "revenue_high": 1_050e6},
                {"period": "year", "revenue_low": 4_600e6, "revenue_high": 4_600e6},
            ],
        ),
        # "range of $X and $Y" is a range, as "between" is: never its low end alone
        (
            "We expect second quarter revenue in the range of $1.0 billion and $1.1 billion.",
            [{"period": "quarter", "revenue_low": 1_000e6, "revenue_high": 1_100e6}],
        ),
        # Astera Labs' outlook: the cue in the lead-in of a list, "a quarter of fiscal year N"
        # one quarter (not a quarter and a year), "within a range of"
        (
            "For the fourth quarter of fiscal year 2026, Astera Labs expects: Revenue within a "
            "range of $440 million and $450 million; GAAP gross margin to be approximately 74%.",
            [{"period": "quarter", "revenue_low": 440e6, "revenue_high": 450e6}],
        ),
        (
            "For the first quarter of 2027, we expect: Total revenue between $460 million and "
            "$470 million.",
            [{"period": "quarter", "revenue_low": 460e6, "revenue_high": 470e6}],
        ),
        # a segment's revenue, the past, a forecast's revision, no period: no guidance
        ("Data Center revenue for the second quarter is expected to be $1.0 billion.", []),
        ("Revenue for the quarter was $1.0 billion, above our outlook.", []),
        ("F/X lowered our 2025 revenue forecast by ~$1B.", []),
        ("Revenue is expected to be $1.0 billion.", []),
        ("For the second quarter and the full year, revenue is expected to be $1.0 billion.", []),
        ("For the fourth quarter and fiscal year 2026, we expect: Revenue of $1.0 billion.", []),
        (
            "Astera Labs expects: Scorpio revenue within a range of $40 million and $50 million "
            "in the fourth quarter.",
            [],
        ),
        (
            "Revenue for the third quarter was $415 million. Astera Labs expects: Gross margin of "
            "74%.",
            [],
        ),
    ],
)
def test_guidance_sentences(sentence: str, expected: list) -> None:
    html = _statement(*FULL).replace("<body>", f"<body><p>Outlook</p><p>{sentence}</p>")
    assert to_json(read_release(html))["guidance"] == expected


def test_a_forecast_table_with_low_and_high_columns() -> None:
    outlook = (
        "<p>Full-year outlook (in millions)</p><table>"
        "<tr><td></td><td colspan=4>Fiscal Year 2026 Outlook</td></tr>"
        "<tr><td></td><td colspan=2>Low</td><td colspan=2>High</td></tr>"
        "<tr><td>Total revenue</td><td>$</td><td>4,100</td><td>$</td><td>4,300</td></tr></table>"
    )
    results = read_release(_statement(*FULL).replace("</body>", outlook + "</body>"))
    assert to_json(results)["guidance"] == [
        {"period": "year", "revenue_low": 4_100e6, "revenue_high": 4_300e6}
    ]


def test_an_outlook_heading_with_no_figures_gives_no_guidance() -> None:
    outlook = "<p>Business Outlook</p><p>We will provide guidance on our earnings call.</p>"
    assert read_release(_statement(*FULL).replace("<body>", "<body>" + outlook)).guidance == ()


def test_two_different_ranges_for_one_period_are_left_out() -> None:
    text = (
        "<p>We expect second quarter revenue to be between $1.0 billion and $1.1 billion.</p>"
        "<p>We expect second quarter revenue to be between $2.0 billion and $2.1 billion.</p>"
    )
    assert read_release(_statement(*FULL).replace("<body>", "<body>" + text)).guidance == ()


def test_a_plain_text_release() -> None:
    text = """ACME CORP
CONDENSED CONSOLIDATED STATEMENTS OF INCOME
(In thousands, except per share data)
                                    Three Months Ended
                                 June 30,       June 30,
                                   2025           2024
Net revenues                   $ 12,500       $ 11,000
Cost of revenues                  7,500          6,800
Gross profit                      5,000          4,200
Income from operations            1,250            900
Net income                     $    980       $    700
Net income per share:
  Basic                        $   0.50       $   0.36
  Diluted                      $   0.49       $   0.35

We expect third quarter revenue to be in the range of $13.0 million to $13.5 million.
"""
    assert to_json(read_release(text)) == {
        "found": True,
        "reason": None,
        "reason_code": None,
        "period_end": "2025-06-30",
        "quarter": {
            "revenue": 12_500e3,
            "gross_profit": 5_000e3,
            "operating_income": 1_250e3,
            "net_income": 980e3,
            "eps_diluted": 0.49,
            "eps_nongaap": None,
        },
        "year": None,
        "guidance": [{"period": "quarter", "revenue_low": 13_000e3, "revenue_high": 13_500e3}],
    }


def test_a_release_laid_out_in_one_big_table_reads_as_without_it() -> None:
    """Older filings lay the whole page out in a table: its tables are read, its text is text."""
    html = (PRESS_RELEASES / "NVDA_0001045810-23-000225_q3fy24pr.htm").read_text()
    laid_out = html.replace("<body>", "<body><table><tr><td>", 1)
    laid_out = laid_out.replace("</body>", "</td></tr></table></body>", 1)
    assert laid_out != html
    assert to_json(read_release(laid_out)) == to_json(read_release(html))


def test_the_exhibit_is_taken_out_of_an_sgml_submission() -> None:
    submission = (
        "<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html><body><p>Item 2.02</p>"
        "</body></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n"
        + _statement(*FULL)
        + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>"
    )
    assert read_release(submission).quarter.revenue == 1_000e6


JUNK = {
    "empty bytes": b"",
    "empty text": "",
    "control bytes": b"\x00\xff\xfe" * 1000,
    "random bytes": random.Random(0).randbytes(20_000),
    "empty page": b"<html><body></body></html>",
    "half a table": "<table><tr><td>Revenue</td><td>$</td></tr>",
    "lone brackets": "<" * 50_000,
    "unclosed tags": "<a" * 50_000,
    "unclosed scripts": "<script>" * 20_000,
    "null entities": "\ufeff" + "&#x0;" * 1000,
    "not text at all": 12345,
}


@pytest.mark.parametrize("body", JUNK.values(), ids=JUNK.keys())
def test_junk_gives_nothing_and_never_raises(body) -> None:
    results = read_release(body)
    assert not results.found
    assert results.reason in (NotRead.EMPTY, NotRead.NO_STATEMENT)
    assert to_json(results)["quarter"]["revenue"] is None


def test_over_the_size_cap_is_not_read() -> None:
    results = read_release(b" " * (MAX_BYTES + 1))
    assert (results.found, results.reason) == (False, NotRead.TOO_LARGE)
    assert to_json(results)["reason_code"] == "too_large"
    assert to_json(results)["reason"] == "The document is over the 8 MiB read."


@pytest.mark.parametrize(
    "document",
    [
        "<div>" * 200_000 + "x" + "</div>" * 200_000,
        "<font><b>" * 100_000,
        "<table><tr><td>" * 20_000 + "x" + "</td></tr></table>" * 20_000,
        '<div style="display:none">' * 100_000,
    ],
    ids=["200k nested divs", "100k formatting tags", "20k nested tables", "hidden nesting"],
)
def test_deep_nesting_is_read_in_linear_time(document: str) -> None:
    """CPU time against a floor read in the same process: as many bytes of plain paragraphs,
    nothing nested (about as long, here; quadratic in nesting took minutes, thousands of
    floors)."""
    paragraphs = "<p>Revenue grew in the quarter.</p>" * (len(document) // 35 + 1)

    def cpu(prefix: str) -> float:
        body = _statement(*FULL).replace("<body>", "<body>" + prefix)
        started = time.process_time()
        read_release(body)
        return time.process_time() - started

    floor, nested = cpu(paragraphs[: len(document)]), cpu(document)
    assert nested < 10 * floor, (nested, floor)


def test_to_json_has_exactly_the_documented_keys() -> None:
    document = to_json(read_release(_statement(*FULL)))
    assert list(document) == [
        "found",
        "reason",
        "reason_code",
        "period_end",
        "quarter",
        "year",
        "guidance",
    ]
    assert list(document["quarter"]) == [
        "revenue",
        "gross_profit",
        "operating_income",
        "net_income",
        "eps_diluted",
        "eps_nongaap",
    ]
