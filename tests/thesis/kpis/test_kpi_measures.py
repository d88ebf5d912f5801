"""A KPI is the named product's own share or growth of revenue, never another measure's figure,
a revenue the name is only a source of, or a common word the name happens to be: sentences of
real filings and releases in ../shared (found by `make truth`), each beside what it gives."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.thesis.kpis.statements import read_kpis, said

from ...support.shared import SHARED

# CARBO Ceramics' 10-K for 2017: a segment's gross profit as a share of its revenues is a margin.
CRR = "realdata/more/sec_documents/0001564590-18-004771_crr-10k_20171231.htm"
# Oracle's Q4 FY2025 release: a revenue "from Amazon, Google and Azure" is Oracle's, not Azure's.
ORCL = "realdata/more/releases/ORCL_0000950170-25-084831_orcl-ex99_1.htm"


@pytest.mark.parametrize(
    ("sentence", "subject", "read_as"),
    [
        (
            "Environmental Products and Services segment gross profit for the year ended December"
            " 31, 2017 was $3.1 million, or 13% of revenues, compared to gross profit of $2.6"
            " million, or 19% of revenues, for the year ended December 31, 2016.",
            "Environmental Products",
            [],
        ),
        ("Scorpio operating income was 30% of revenue.", "Scorpio", []),
        ("Scorpio revenue was $120 million, or 25% of total revenue.", "Scorpio", ["25%"]),
        (
            "“MultiCloud database revenue from Amazon, Google and Azure grew 115% from Q3 to Q4,”"
            " said Oracle Chairman and CTO, Larry Ellison.",
            "Azure",
            [],
        ),
        ("Azure revenue grew 39% year over year.", "Azure", ["+39% year over year"]),
        ("Scorpio gross margin grew 4% sequentially.", "Scorpio", []),
        # A name written with a capital is a name: "cloud services" is not Microsoft's Services.
        (
            "Microsoft 365 Commercial products and cloud services revenue increased 16% (up 15% in"
            " constant currency) driven by Microsoft 365 Commercial cloud revenue growth of 15%.",
            "Services",
            [],
        ),
        # Comparable sales are a measure of their own: a part's comps are no growth of the
        # part's revenue, and the company's are met only by a name of comparable sales.
        ("Marmaxx's comp sales grew a strong 4%.", "Marmaxx", []),
        ("Comp sales increased 5%.", "revenue", []),
        ("Same store sales increased 5%.", "revenue", []),
        ("Comp sales increased 5%.", "comp sales", ["+5%"]),
        ("SCORPIO REVENUE GREW 30% SEQUENTIALLY.", "Scorpio", ["+30% sequentially"]),
        ("Scorpio revenue grew 30% sequentially.", "scorpio", ["+30% sequentially"]),
    ],
)
def test_a_figure_is_the_names_own(sentence: str, subject: str, read_as: list[str]):
    assert [said(k) for k in read_kpis(sentence, [subject])] == read_as


def test_the_real_filings_give_no_margin_as_a_share_nor_oracles_revenue_as_azures():
    crr = html_to_text((SHARED / CRR).read_bytes())
    shares = [
        k for k in read_kpis(crr, ["Environmental Products", "Services"]) if k.kind == "share"
    ]
    assert shares == []
    orcl = html_to_text((SHARED / ORCL).read_bytes())
    assert read_kpis(orcl, ["Azure", "Google", "Amazon"]) == ()
