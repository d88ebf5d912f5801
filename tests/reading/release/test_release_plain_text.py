"""Plain-text releases as EDGAR's `.txt` exhibits of the 2000s print them: the statement in
fixed-width columns under dashed rules, dotted leaders between labels and figures, "(In millions,
...; unaudited)" among the headings, a dateline of prose above. The recordings hold no such
exhibit, so each test builds one in that format; every figure expected is the printed one, or
a hand computation written beside it.
"""

from __future__ import annotations

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import to_json

# A third quarter: three and nine months, "SEPT. 25," over "2004", figures right-aligned ("44"
# under "8,471"), rules "---------" and "=========" between the rows.
QUARTER = """\
EXHIBIT 99.1

INTEL REPORTS THIRD-QUARTER REVENUE OF $8.5 BILLION

SANTA CLARA, Calif., Oct. 12, 2004 - Intel Corporation today announced
third-quarter revenue of $8.5 billion, up 8 percent year-over-year.

Third-quarter net income was $1.9 billion, up 15 percent year-over-year.
Earnings per share were $0.30, up 20 percent year-over-year.

BUSINESS OUTLOOK

  o Revenue is expected to be between $8.6 billion and $9.2 billion.

                         INTEL CORPORATION
            CONSOLIDATED SUMMARY FINANCIAL STATEMENTS
         (In millions, except per share amounts; unaudited)

                                    THREE MONTHS ENDED     NINE MONTHS ENDED
                                   --------------------  --------------------
                                    SEPT. 25,  SEPT. 27,  SEPT. 25,  SEPT. 27,
                                      2004       2003       2004       2003
                                   ---------  ---------  ---------  ---------
NET REVENUE.....................   $  8,471   $  7,833   $ 25,035   $ 21,294
                                   ---------  ---------  ---------  ---------
Cost of sales...................      3,658      3,208     10,440      9,491
Research and development........      1,202      1,075      3,575      3,248
Marketing, general and
  administrative................      1,136      1,077      3,310      3,125
Amortization of acquisition-
  related intangibles and costs.         44        64        139        236
                                   ---------  ---------  ---------  ---------
Operating expenses..............      6,040      5,424     17,464     16,100
                                   ---------  ---------  ---------  ---------
OPERATING INCOME................      2,431      2,409      7,571      5,194
Gains (losses) on equity
  securities, net...............         (2)       (12)        (4)       (36)
Interest and other, net.........         58         44        200        164
                                   ---------  ---------  ---------  ---------
INCOME BEFORE TAXES.............      2,487      2,441      7,767      5,322
Provision for taxes.............        576        783      2,072      1,599
                                   ---------  ---------  ---------  ---------
NET INCOME......................   $  1,911   $  1,658   $  5,695   $  3,723
                                   =========  =========  =========  =========
BASIC EARNINGS PER SHARE........   $   0.30   $   0.25   $   0.89   $   0.57
                                   =========  =========  =========  =========
DILUTED EARNINGS PER SHARE......   $   0.30   $   0.25   $   0.87   $   0.56
                                   =========  =========  =========  =========
COMMON SHARES OUTSTANDING.......      6,271      6,527      6,391      6,546
DILUTED SHARES OUTSTANDING......      6,384      6,682      6,525      6,671"""

# A fourth quarter and its fiscal year, "(in thousands, except per share data)", section rows
# ("Revenues:") over indented items, a prose outlook.
FOURTH = """\
                                                                    EXHIBIT 99.1

FOR IMMEDIATE RELEASE

    ACME SOFTWARE REPORTS RECORD FOURTH QUARTER AND FISCAL 2004 RESULTS

BOSTON, Mass. -- February 3, 2005 -- Acme Software, Inc. (Nasdaq: ACME) today
reported results for its fourth quarter and fiscal year ended December 31, 2004.

Revenue for the fourth quarter was $52.1 million, compared to $44.3 million
in the fourth quarter of 2003.

For the first quarter of 2005, we expect revenue of approximately $53 million to
$55 million.

                             ACME SOFTWARE, INC.
                CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                    (in thousands, except per share data)
                                 (unaudited)

                              Three Months Ended          Twelve Months Ended
                                 December 31,                December 31,
                            ----------------------      ----------------------
                              2004         2003           2004         2003
                            ---------    ---------      ---------    ---------
Revenues:
  License                   $ 30,112     $ 25,004       $108,220     $ 90,117
  Services                    21,988       19,296         83,571       72,802
                            ---------    ---------      ---------    ---------
    Total revenues            52,100       44,300        191,791      162,919
Cost of revenues:
  License                      1,204        1,100          4,633        4,212
  Services                     8,796        8,200         33,410       31,800
                            ---------    ---------      ---------    ---------
    Total cost of revenues    10,000        9,300         38,043       36,012
                            ---------    ---------      ---------    ---------
Gross profit                  42,100       35,000        153,748      126,907
Operating expenses:
  Research and development     9,500        8,800         37,100       34,020
  Sales and marketing         17,300       15,100         65,800       58,400
  General and administrative   4,300        4,100         16,900       16,000
                            ---------    ---------      ---------    ---------
    Total operating expenses  31,100       28,000        119,800      108,420
                            ---------    ---------      ---------    ---------
Income from operations        11,000        7,000         33,948       18,487
Interest income, net             410          220          1,390          910
                            ---------    ---------      ---------    ---------
Income before income taxes    11,410        7,220         35,338       19,397
Provision for income taxes     4,240        2,670         13,130        7,180
                            ---------    ---------      ---------    ---------
Net income (loss)           $  7,170     $  4,550       $ 22,208     $ 12,217
                            =========    =========      =========    =========
Net income per share:
  Basic                     $   0.24     $   0.16       $   0.75     $   0.43
                            =========    =========      =========    =========
  Diluted                   $   0.23     $   0.15       $   0.72     $   0.41
                            =========    =========      =========    =========
Shares used in computing net income per share:
  Basic                       30,010       28,900         29,700       28,500
  Diluted                     31,200       30,100         30,900       29,700"""


def test_a_fixed_width_statement_of_2004_reads_its_quarter() -> None:
    read = to_json(read_release(QUARTER))
    assert read["period_end"] == "2004-09-25"
    assert read["quarter"] == {
        "revenue": 8_471e6,
        "gross_profit": (8_471 - 3_658) * 1e6,  # NET REVENUE less Cost of sales
        "operating_income": 2_431e6,
        "net_income": 1_911e6,
        "eps_diluted": 0.30,
        "eps_nongaap": None,
    }
    assert read["year"] is None  # nine months are no year
    assert read["guidance"] == []  # "Revenue is expected to be between ..." names no period


def test_the_same_statement_in_an_html_pre_reads_the_same() -> None:
    escaped = QUARTER.replace("&", "&amp;")
    page = f"<html><body><p>Intel</p><pre>{escaped}</pre></body></html>"
    read = to_json(read_release(page))
    assert read["quarter"]["revenue"] == 8_471e6
    assert read == to_json(read_release(QUARTER))


def test_a_fourth_quarter_of_2004_reads_the_quarter_the_year_and_the_prose_outlook() -> None:
    read = to_json(read_release(FOURTH))
    assert read["period_end"] == "2004-12-31"
    assert read["quarter"] == {
        "revenue": 52_100e3,
        "gross_profit": 42_100e3,
        "operating_income": 11_000e3,
        "net_income": 7_170e3,
        "eps_diluted": 0.23,
        "eps_nongaap": None,
    }
    assert read["year"] == {
        "revenue": 191_791e3,
        "gross_profit": 153_748e3,
        "operating_income": 33_948e3,
        "net_income": 22_208e3,
        "eps_diluted": 0.72,
        "eps_nongaap": None,
    }
    # "For the first quarter of 2005, we expect revenue of approximately $53 million to $55
    # million."
    assert read["guidance"] == [
        {"period": "quarter", "revenue_low": 53_000e3, "revenue_high": 55_000e3}
    ]


def test_without_the_scale_line_no_amount_is_read() -> None:
    """The scale stated among the headings is what makes 8,471 millions: without it, no amount."""
    unscaled = QUARTER.replace("(In millions, except per share amounts; unaudited)", "(unaudited)")
    quarter = to_json(read_release(unscaled))["quarter"]
    assert quarter["revenue"] is None
    assert quarter["net_income"] is None
    assert quarter["eps_diluted"] == 0.30  # per share: no scale


# A loss, in EDGAR's SGML envelope: "$24,310" printed against its "$", "--" for nil, a label run
# into its figure one space apart ("... basic and diluted $ (0.01)"), an outlook in prose.
ENVELOPED = """\
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>a02204exv99w1.txt
<DESCRIPTION>PRESS RELEASE DATED OCTOBER 21, 2004
<TEXT>
<PAGE>

                                                                    EXHIBIT 99.1

                 WIDGETCO ANNOUNCES THIRD QUARTER 2004 RESULTS

SAN JOSE, Calif., October 21, 2004 -- WidgetCo, Inc. (Nasdaq: WDGT) today
announced results for the third quarter ended October 2, 2004. Revenue was
$24.3 million, compared with $19.8 million for the third quarter of 2003.

Outlook: For the fourth quarter of 2004, the Company expects revenue in the
range of $25 million to $26 million.

                                 WIDGETCO, INC.
                CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                     (In thousands, except per share amounts)
                                   (Unaudited)

                                         Three Months Ended
                                       ----------------------
                                        Oct. 2,    Sept. 27,
                                         2004        2003
                                       ---------   ---------
Net revenue                            $24,310     $19,804
Cost of revenue                         11,902      10,215
                                       ---------   ---------
Gross margin                            12,408       9,589
Operating expenses:
   Research and development              6,120       5,877
   Selling, general and administrative   5,466       5,102
   Restructuring charges                 1,250          --
                                       ---------   ---------
     Total operating expenses           12,836      10,979
                                       ---------   ---------
Loss from operations                      (428)     (1,390)
Interest income and other, net             212         180
                                       ---------   ---------
Loss before income taxes                  (216)     (1,210)
Provision for income taxes                  64          50
                                       ---------   ---------
Net loss                               $  (280)    $(1,260)
                                       =========   =========
Net loss per share - basic and diluted $ (0.01)    $ (0.05)
                                       =========   =========
Shares used in per share calculation    25,114      24,502
                                       =========   =========

<PAGE>
</TEXT>
</DOCUMENT>
"""


def test_a_loss_in_its_sgml_envelope_reads_with_its_run_in_per_share_line() -> None:
    read = to_json(read_release(ENVELOPED))
    assert read["period_end"] == "2004-10-02"
    assert read["quarter"] == {
        "revenue": 24_310e3,
        "gross_profit": 12_408e3,  # "Gross margin", an amount
        "operating_income": -428e3,
        "net_income": -280e3,
        "eps_diluted": -0.01,  # "Net loss per share - basic and diluted $ (0.01)"
        "eps_nongaap": None,
    }
    assert read["guidance"] == [
        {"period": "quarter", "revenue_low": 25_000e3, "revenue_high": 26_000e3}
    ]


def test_a_label_wrapped_over_two_lines_is_one_label() -> None:
    """ "Net loss applicable to common" over "  stockholders ... $ (280)": the line below goes on
    in lower case, so the two are one label, net income; a new label in capitals is not joined."""
    wrapped = ENVELOPED.replace(
        "Net loss                               $  (280)    $(1,260)",
        "Net loss applicable to common\n"
        "  stockholders                         $  (280)    $(1,260)",
    )
    assert wrapped != ENVELOPED
    assert read_release(wrapped).quarter.net_income == -280e3
    apart = wrapped.replace("  stockholders   ", "  Stockholders   ")
    assert read_release(apart).found is False  # "Stockholders": no net income line


def test_an_outlook_in_bullets_under_its_quarters_heading() -> None:
    """ "  o Revenue is expected to be between ..." under "FOURTH-QUARTER OUTLOOK": an item of
    the outlook, its period named by the heading; under "BUSINESS OUTLOOK" (the first test) no
    period is named, and "up 20 percent year-over-year" just before names none either."""
    outlook = QUARTER.replace("BUSINESS OUTLOOK", "FOURTH-QUARTER OUTLOOK")
    assert to_json(read_release(outlook))["guidance"] == [
        {"period": "quarter", "revenue_low": 8.6e9, "revenue_high": 9.2e9}
    ]
