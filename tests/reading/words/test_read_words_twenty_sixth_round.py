"""The twenty-sixth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was; and the laws of the counts a phrase is measured by (attribution.py)
and of what a measure after ", with" is of (with_aside.py)."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words.attribution import _COUNTED
from catalyst_tui.reading.words.subjects import Subject
from catalyst_tui.reading.words.with_aside import part_then_with, with_lower_case
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a year, a quarter or a slide before a preposition measures nothing": [
        (
            "Growth continued in the second quarter of 2021, with net organic sales increasing 2% "
            "year-over-year.",
            ["growth 2 yoy : company"],
        ),
        (
            "Turning to Slide 9, across our Rail segment sales decreased 2.5% year-over-year.",
            ["growth -2.5 yoy : Rail segment"],
        ),
        (
            "The Marine team delivered an excellent Q2 with sales growing 15% over last year.",
            ["growth 15 yoy : Marine"],
        ),
        # a count or an amount measures what follows: theirs, not ours
        ("Customers with $100,000 in ARR grew 20%.", []),
        ("Clients with 500 or more employees in revenue grew 12%.", []),
    ],
    "a linked quarter is the quarter before": [
        (
            "Total revenues were up $7.7 million or 5.3% on a linked quarter basis.",
            ["growth 5.3 sequential : company"],
        ),
        (
            "On a linked-quarter basis, total revenue rose 4.4% to a record.",
            ["growth 4.4 sequential : company"],
        ),
        ("Revenue was up 3% from the prior-year quarter.", ["growth 3 yoy : company"]),
    ],
    "a part named just before ', with' is the measure's": [
        (
            "New schools drove strong performance in the Education division, with revenue "
            "growing $5.5 million or 12.7%.",
            ["growth 12.7 : Education division"],
        ),
        (
            "We saw strength in our Consumer Products Group, with revenue growing 12%.",
            ["growth 12 : Consumer Products Group"],
        ),
        # no part named: the company's, as before; a team stands for a part it does not name
        ("Our momentum continued, with sales up 9%.", ["growth 9 : company"]),
        (
            "Still, the agricultural sales team has had a great first half of fiscal 2021, with "
            "sales up 14% year-over-year.",
            [],
        ),
    ],
    "both of two parts, each its own": [
        (
            "Sales rose 20% with both our domestic and international businesses growing over 30%.",
            ["growth 20 : company"],
        ),
        # a measure and revenue: the revenue's
        (
            "Cloud Services had a great quarter, with both workloads and revenue nearly doubling "
            "year-over-year.",
            ["growth 100 ~ yoy : Cloud Services"],
        ),
    ],
    "guidance given today, said as done, begins it": [
        (
            "Last night, we also provided earnings guidance for the third quarter of 2021.",
            ["guidance introduced : company"],
        ),
        (
            "We've also given earnings per share guidance for 2022 of $9.25 to $9.65.",
            ["guidance introduced : company"],
        ),
        (
            "Our business remains healthy, allowing us to provide fiscal 2021 guidance today.",
            ["guidance introduced : company"],
        ),
        # given at a time before, as a habit, in a clause of when, or as it was: none begun
        ("In December, we provided guidance for 2021 for adjusted EBITDA.", []),
        (
            "Back in May, when we provided fiscal '22 guidance, we anticipated a slower recovery.",
            [],
        ),
        ("Historically, we have issued our full year guidance on the third quarter call.", []),
        # given again as it was, or updated: kept (its own words say so), or no direction said
        (
            "On Slide 26, we provided our 2020 guidance, which is unchanged from January.",
            ["guidance reiterated : company"],
        ),
        ("On Slide 27, we provided our updated 2021 guidance.", []),
        ("At the beginning of fiscal 2021, we provided initial guidance for the year.", []),
        (
            "We provided an annual outlook for fiscal 2021 for the reasons explained during our "
            "fourth quarter call.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_twenty_sixth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("words", "counted"),
    [
        ("Customers with $100,000 ", True),
        ("accounts of 500 ", True),
        ("the first quarter of 2021, ", False),
        ("compared to 2019 ", False),
        ("an excellent Q2 ", False),
        ("Turning to Slide 11, ", False),
        ("fiscal '21 ", False),
        ("revenue of $151.2 billion, ", True),
    ],
)
def test_what_counts_a_phrase(words: str, counted: bool) -> None:
    assert (_COUNTED.search(words) is not None) is counted


@pytest.mark.parametrize(
    ("lead", "part"),
    [
        ("drove strong performance in the Education division, with", "Education division"),
        ("saw strength in our Consumer Products Group, with", "Consumer Products Group"),
        ("saw strength in our markets, with", None),
        ("had a great quarter, with", None),
    ],
)
def test_a_part_named_before_with(lead: str, part: str | None) -> None:
    named = part_then_with(lead)
    assert (named.name if named is not None else None) == part


def test_a_lower_case_subject_before_with() -> None:
    company = Subject("company", True, False, False)
    business = Subject("industrial business", True, False, False)
    team = Subject("agricultural team", True, False, False)
    momentum = Subject("momentum", False, False, False)
    assert with_lower_case(business, company) == business
    assert with_lower_case(team, company).other and not with_lower_case(team, company).name
    assert with_lower_case(momentum, company) == company
