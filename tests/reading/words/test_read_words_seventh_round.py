"""The seventh round's classes of calls never seen (counts and prices taken for revenue,
guidance said revised, a part named as an example or a whole): made-up sentences, each beside
what it states as test_read_words_classes.py writes it, or nothing where no rule says whose a
figure is or against what."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

NOT_REVENUE: list[tuple[str, list[str]]] = [
    # volumes a distributor sells on, a subscriber count's additions: counts, no revenue
    ("Depletions declined approximately 5% during the quarter.", []),
    ("We delivered 210,000 postpaid net adds, up more than 30% from prior year.", []),
    # revenue per user is an average, not revenue
    ("Excluding the fee change, ARPU increased by $1.10, or 3%.", []),
    # commodity values are prices
    (
        "Recycling revenue increases were driven by higher commodity values, including "
        "cardboard, up 30%; and metals, both up over 90%.",
        [],
    ),
    # someone else's measure: "as per" a panel's data
    ("Our craft portfolio in Canada grew 12% as per Nielsen in 2020.", []),
    # a revenue's own growth is still read
    ("Residential revenues increased 4%.", ["growth 4 : Residential"]),
]

GUIDANCE: list[tuple[str, list[str]]] = [
    # more detail around an outlook is no guidance begun
    (
        "We look forward to providing more detail around our outlook for the year ahead.",
        [],
    ),
    # guidance said revised does not stand, whatever it goes on to be
    (
        "While our revised full year guidance reflects what continues to be a difficult "
        "market, our team remains focused on customers.",
        [],
    ),
    ("Our full year guidance continues to be $2.10 to $2.20.", ["guidance reiterated"]),
]

NAMED_EXAMPLE: list[tuple[str, list[str]]] = [
    # "year-to-year" is year over year
    ("Revenue grew 6% on a year-to-year basis.", ["growth 6 yoy : company"]),
    # a part named as the example of what the clause spoke of is the figure's subject
    (
        "On a year-to-year basis, we grew sales in most of our end markets, most notably "
        "Mining, up 40%.",
        ["growth 40 yoy : Mining"],
    ),
    (
        "Sales rose in every region, particularly Asia Pacific, up 12% year over year.",
        ["growth 12 yoy : Asia Pacific"],
    ),
    # "for X as a whole" names the whole: the part named before the verb keeps the figure
    (
        "Engine revenues increased by more than 15% sequentially for the group as a whole "
        "and for its forgings unit.",
        ["growth 15 > sequential : Engine"],
    ),
    ("Revenue grew 10% for Europe.", ["growth 10 : Europe"]),
    # "year-to-date" stays no basis
    ("Revenue grew 5% year-to-date.", ["growth 5 : company"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    by_rule({"counts, averages per user, prices and others' data": NOT_REVENUE}),
)
def test_what_is_no_revenue_gives_nothing(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    by_rule({"detail around an outlook, revised guidance": GUIDANCE}),
)
def test_guidance_changed_or_to_come_gives_no_direction(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    by_rule({"year-to-year; the example named; the whole": NAMED_EXAMPLE}),
)
def test_a_basis_and_a_subject_said_otherwise(text: str, expected: list[str]) -> None:
    _check(text, expected)
