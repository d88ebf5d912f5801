"""Revenue guidance in sentences of any scale (issue 31, item 3), and what is never revenue
guidance: a capital-spending range, a charge, a segment's outlook, a buyback, an acquisition's
contribution. Each sentence stands in a release with a statement, as in a real one."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import Guidance, GuidancePeriod

QUARTER, YEAR = GuidancePeriod.QUARTER, GuidancePeriod.YEAR
STATEMENT = (
    "<p>CONDENSED CONSOLIDATED STATEMENTS OF INCOME</p><p>(In millions)</p><table>"
    "<tr><td></td><td colspan=2>Three Months Ended</td></tr>"
    "<tr><td></td><td colspan=2>March 31, 2025</td></tr>"
    "<tr><td>Revenue</td><td>$</td><td>1,000</td></tr>"
    "<tr><td>Net income</td><td>$</td><td>100</td></tr></table>"
)


def guidance(sentence: str) -> tuple[Guidance, ...]:
    return read_release(f"<html><body>{STATEMENT}<p>{sentence}</p></body></html>").guidance


@pytest.mark.parametrize(
    ("sentence", "period", "low", "high"),
    [
        ("We expect revenues of $450 billion to $455 billion in 2025.", YEAR, 450e9, 455e9),
        ("For the full year, we now expect revenue of $45.1 billion.", YEAR, 45.1e9, 45.1e9),
        ("We expect full-year 2025 revenue of $45.1 billion.", YEAR, 45.1e9, 45.1e9),
        (
            "We expect revenue between $10.0 billion and $10.5 billion for the fourth quarter.",
            QUARTER,
            10.0e9,
            10.5e9,
        ),
        (
            "We expect fourth quarter revenue of $450 million to $455 million.",
            QUARTER,
            450e6,
            455e6,
        ),
        (  # Netflix Q3 2025, the amount before the word
            "This means that for the full year 2025, we expect $45.1B in revenue (16% growth, 17%"
            " on an F/X neutral basis), in-line with our prior expectations for 15%-16% revenue"
            " growth (16%-17% on a F/X neutral basis).",
            YEAR,
            45.1e9,
            45.1e9,
        ),
        ("For the fourth quarter, we now expect $12.0 billion in revenue.", QUARTER, 12e9, 12e9),
        (
            "UnitedHealth Group is updating its 2025 outlook, including revenues of $445.5 billion"
            " to $448.0 billion, net earnings of at least $14.65 per share.",
            YEAR,
            445.5e9,
            448.0e9,
        ),
        # guidance given only in prose, in the words releases use for it
        (
            "We anticipate revenue of $1.20 to $1.30 billion in the fourth quarter.",
            QUARTER,
            1.2e9,
            1.3e9,
        ),
        (
            "We expect net revenue of $1.2 billion to $1.3 billion for the fourth quarter.",
            QUARTER,
            1.2e9,
            1.3e9,
        ),
        (
            "The company expects total revenues for the fourth quarter to range from $1.2 billion"
            " to $1.3 billion.",
            QUARTER,
            1.2e9,
            1.3e9,
        ),
        (
            "We expect sales of approximately $1.2 billion to $1.3 billion for the fourth quarter.",
            QUARTER,
            1.2e9,
            1.3e9,
        ),
        (
            "For the fourth quarter we are targeting revenue of $1.2 billion to $1.3 billion.",
            QUARTER,
            1.2e9,
            1.3e9,
        ),
        (
            "We project revenue of $4.8 billion to $4.9 billion for fiscal year 2025.",
            YEAR,
            4.8e9,
            4.9e9,
        ),
    ],
)
def test_guidance_of_any_scale(sentence: str, period: GuidancePeriod, low: float, high: float):
    assert guidance(sentence) == (Guidance(period, low, high),)


@pytest.mark.parametrize(
    "sentence",
    [
        "We expect capital expenditures of $27 billion to $29 billion in 2025.",
        "We expect full-year capex in the range of $27 billion to $29 billion.",
        "The company expects to record a charge of $3.5 billion to $4.0 billion in the quarter.",
        "We expect Oracle Cloud Infrastructure revenue of $18 billion this fiscal year.",
        "We expect Data Center revenue to be $20 billion next quarter.",
        "We expect segment revenue of $5 billion for the year.",
        "The company expects to repurchase $10 billion of shares in 2025.",
        "We expect revenue growth of 5% and capital spending of $2 billion for the year.",
        "We expect the acquisition to add revenue of $1 billion in 2025.",
        "We expect $1 billion in revenue synergies by 2026.",
        "For the full year, we expect $2 billion in revenue from the acquired business.",
        "For the full year, analysts expect $45.1B in revenue.",
        "For the full year, we expect $45.1B in revenue, ahead of Street expectations.",
        "For the full year, we expect $45.1B in capital spending and revenue growth of 16%.",
        "For the first quarter and the full year, we expect $12.0 billion in revenue.",
        "We expect comparable sales of $1.2 billion to $1.3 billion for the fourth quarter.",
        "We expect product sales of $1.2 billion to $1.3 billion for the fourth quarter.",
        "We expect sales and marketing expense of $1.2 billion for the fourth quarter.",
        "We expect revenue from the acquisition to be $200 million for the year.",
        "We anticipate interest revenue of $1.2 billion in the fourth quarter.",
    ],
)
def test_never_revenue_guidance(sentence: str) -> None:
    assert guidance(sentence) == ()


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # the lead-in's comparisons name no period: before, these read as the year's and the
        # quarter's guidance
        (
            "Earnings per share were $0.30, up 20% year-over-year.</p><p>Business Outlook</p><ul>"
            "<li>Revenue is expected to be between $8.6 billion and $9.2 billion.</li></ul><p>",
            (),
        ),
        (
            "Revenue was $26.0 billion, up 18% from the previous quarter.</p><p>Outlook</p><ul>"
            "<li>Revenue is expected to be $28.0 billion, plus or minus 2%.</li></ul><p>",
            (),
        ),
        # the sentence's own comparison leaves the period it names
        (
            "We expect revenue of $1.2 billion to $1.3 billion, up 10% year over year, for the"
            " fourth quarter.",
            (Guidance(QUARTER, 1.2e9, 1.3e9),),
        ),
    ],
    ids=["year-over-year before", "previous quarter before", "year over year within"],
)
def test_a_comparison_names_no_period(text: str, read: tuple[Guidance, ...]) -> None:
    assert guidance(text) == read
