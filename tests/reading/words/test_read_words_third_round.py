"""What fooled the reader of words on a third round of calls never seen (other companies of the
same transcript source, and the same calls written several sentences a line), class by class,
in made-up sentences written in their manner; each beside what it states, in the words of
test_read_words_classes.py ("growth 9 yoy : Brazil", "guidance raised : company", or nothing)."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _cases, _check

WHOSE: list[tuple[str, list[str]]] = [
    # the words between a verb and its figure name revenue and a period: revenue's growth
    ("We grew net sales for the quarter by 12.4%.", ["growth 12.4 : company"]),
    ("Orders increased more than $300 million or 14%.", []),
    ("Sales increased more than $300 million or 14%.", ["growth 14 : company"]),
    ("Sales also increased 8% in the quarter.", ["growth 8 : company"]),
    # the group's revenue is the whole company's
    ("Group revenue increased 7% versus last year.", ["growth 7 yoy : company"]),
    # a clause that opens with a cause or a concession names no part
    ("Despite disruptions in Asia, sales grew 5%.", ["growth 5 : company"]),
    # a relative clause of what a part is made of, with no commas, is not the subject
    (
        "Our consumables revenue which represents the combination of reagents and parts "
        "revenue increased by 9% for the quarter, while hardware sales increased 4%.",
        ["growth 9 : consumables revenue", "growth 4 : hardware"],
    ),
    # a part's clause going on after a comma with "with" is the part's; a measure's is not
    ("Coatings had a strong quarter, with sales up almost 20%.", ["growth 20 ~ : Coatings"]),
    (
        "Our momentum continued in the quarter, with net sales growing 9% organically.",
        ["growth 9 : company"],
    ),
    # a growth's rate moved to a figure is the growth, of the part framed before it
    (
        "For Payments, revenue growth rebounded sharply to 38% in the quarter.",
        ["growth 38 : Payments"],
    ),
    ("Revenue growth accelerated to 7% this quarter.", ["growth 7 : company"]),
    # how parts are cut names no part; a part named in an apposition after its category
    (
        "By end market, our largest market category, food, grew 6%, industrial grew 3%.",
        ["growth 6 : food", "growth 3 : industrial"],
    ),
    # "Slide 4." ends a sentence: a digit is no initial
    (
        "Moving now to Slide 4. In the quarter, our revenue grew 9% year-over-year.",
        ["growth 9 yoy : company"],
    ),
]

NO_GROWTH: list[tuple[str, list[str]]] = [
    # a growth called flat and given a figure says two things: nothing read
    ("We delivered another quarter of flat sales growth of 5%.", []),
    # patients, procedures and survival are no revenue
    ("Procedures grew 20% in the quarter.", []),
    ("Patient survival doubled in the trial.", []),
    # a rate over two years compounded is no period's growth
    ("Sales grew 9% on a two-year compounded basis.", []),
    ("On a two-year CAGR basis, sales grew 9%.", []),
    # a basis said after a CAGR is the CAGR's
    (
        "Year-to-date, revenue has increased 18% with a constant currency CAGR versus 2019 "
        "also above 5%.",
        ["growth 18 : company"],
    ),
]

GUIDANCE: list[tuple[str, list[str]]] = [
    # a result set against the prior outlook moves no guidance
    ("This was below our previous outlook of margin expansion.", []),
    ("Sales grew 12%, ahead of our initial expectations.", ["growth 12 : company"]),
    (
        "We now expect Services growth to approach 15% this year, ahead of our initial "
        "expectations.",
        ["guidance raised : company"],
    ),
    # a figure set against the prior one, said of the future
    (
        "We now expect 2022 software sales of $60 million to $70 million, up from our previous "
        "sales guidance of $60 million.",
        ["guidance raised : company"],
    ),
    (
        "We now expect full year EPS to be in the range of $3.10 to $3.15, up from the prior "
        "$3.00 to $3.05 range.",
        ["guidance raised : company"],
    ),
    (
        "Our full year capex plan is now $90 million, down from the original $110 million in "
        "the outlook.",
        ["guidance cut : company"],
    ),
    (
        "We now expect net sales growth of about 9%, up from 6% to 8% previously.",
        ["growth 9 ~ : company", "guidance raised : company"],
    ),
    (
        "We believe sales will grow around 12% in 2022 versus our previous expectation of 8% to "
        "10%.",
        ["growth 12 ~ : company", "guidance raised : company"],
    ),
    ("Revenue grew 20% versus our prior guidance of 15%.", ["growth 20 : company"]),
    # guidance that stands
    (
        "For Services, the expected growth remains in the range of 6% to 7%.",
        ["guidance reiterated : company"],
    ),
    (
        "Capital expenditures are anticipated to be around 40 million, in line with our previous "
        "guidance.",
        ["guidance reiterated : company"],
    ),
    ("Third quarter revenue was in line with our previous guidance.", []),
    (
        "We are maintaining our full-year organic growth of 5 to 6%.",
        ["guidance reiterated : company"],
    ),
    ("We are increasing our organic growth for the third quarter in a row.", []),
]


@pytest.mark.parametrize(("text", "expected"), _cases(WHOSE))
def test_whose_a_figure_is(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(NO_GROWTH))
def test_what_is_no_growth_of_a_period(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(GUIDANCE))
def test_guidance_against_its_prior_self(text: str, expected: list[str]) -> None:
    _check(text, expected)
