"""What fooled the reader of words on a second round of calls never seen (other companies of
the same transcript source), class by class, in made-up sentences written in their manner;
each beside what it states, in the words of test_read_words_classes.py ("growth 9 yoy :
Brazil", "share 31 : Asia", "guidance raised : company", or nothing)."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _cases, _check

WHOSE: list[tuple[str, list[str]]] = [
    # a verb in the present is the clause's verb: the name before it is the subject
    (
        "Brazil continues to post strong results and sales grew 9% versus 2020.",
        ["growth 9 yoy : Brazil"],
    ),
    # a part's clause going on with "with" and its measure is the part's
    (
        "Surgical Robotics consistently delivers with organic sales up 6% versus last year.",
        ["growth 6 yoy : Surgical Robotics"],
    ),
    (
        "Fluid Handling had good momentum and strong sales growth of 11% in the quarter.",
        ["growth 11 : Fluid Handling"],
    ),
    ("We returned to growth with sales up 4%.", ["growth 4 : company"]),
    # an adverb names nothing: "we still posted" is ours
    (
        "Freight costs weighed on our revenue, but we still posted 6% growth in the quarter.",
        ["growth 6 : company"],
    ),
    # a period that opens the phrase names no one
    (
        "This quarter our wholesale channel grew about 12% versus the prior year.",
        ["growth 12 ~ yoy : wholesale channel"],
    ),
    # a measure alone with its period, after a part named in its sentence, is the part's
    (
        "In Home Care, Q4 sales decreased 6%, while full year sales were up 4%.",
        ["growth -6 : Home Care", "growth 4 : Home Care"],
    ),
    # the measure after the figure is its own where a phrase of its own opens before it
    (
        "Acquisitions added 300 basis points, resulting in 8.2% organic revenue growth.",
        ["growth 8.2 : company"],
    ),
    (
        "For the year, we delivered 11% sales growth on top of 6% sales growth last year.",
        ["growth 11 : company", "growth 6 : company"],
    ),
    ("On 7% revenue growth, we grew operating income 15%.", ["growth 7 : company"]),
    ("Sales will decline as we lap 30% growth in the first half of last year.", []),
    # what a figure is said in or against names no part
    (
        "Our outlet fleet grew over 40% in revenue approaching pre-pandemic levels.",
        ["growth 40 > : outlet fleet"],
    ),
    ("Sales declined 7% in comparison to a strong prior year.", ["growth -7 yoy : company"]),
    # a basis that qualifies another measure is that measure's
    (
        "Currency had a favorable year-over-year impact of 2% on sales, resulting in total "
        "reported sales growth of 12% in the quarter.",
        ["growth 12 : company"],
    ),
    # a currency the figures are said in is no part
    ("On a euro basis, sales increased 9%.", ["growth 9 : company"]),
    # a share in a relative clause whose antecedent was not read gives nothing
    (
        "We invested in online channels, with our online business growing fast in the last "
        "three years, which today represents about 18% of total sales.",
        [],
    ),
    # a share said with "contributes"
    ("Asia now contributes 31% of our total revenue.", ["share 31 : Asia"]),
]

NO_GROWTH_OF_A_PERIOD: list[tuple[str, list[str]]] = [
    # growth rates of several years added up are no period's growth
    ("On a two-year stack basis, sales grew 14% and full year sales grew 18%.", []),
    (
        "Third quarter sales fell 4%, delivering a two-year stack of 15% sales growth.",
        ["growth -4 : company"],
    ),
    # a year before is a base only after a word of comparison; "last year" alone is when
    ("Services revenue grew by about 40% last year.", ["growth 40 ~ : Services"]),
    (
        "Sales decreased 6% in comparison to a 15% increase in the year-ago quarter.",
        ["growth -6 : company"],
    ),
    (
        "Revenue was up 5% compared to $80 million in the same quarter last year.",
        ["growth 5 yoy : company"],
    ),
    # a count, a measure that is no revenue, a forecast at a midpoint
    ("We doubled the number of stores that carry our brand.", []),
    ("We saw sell-through in our outdoor business up nearly 25%.", []),
    ("At the midpoint, this represents 9% growth over 2021.", []),
]

GUIDANCE: list[tuple[str, list[str]]] = [
    (
        "Turning to our 2022 guidance, where we raised our revenue and EPS.",
        ["guidance raised : company"],
    ),
    (
        "Our outlook for defense sales growth remains at 4% to 6%.",
        ["guidance reiterated : company"],
    ),
    # a level guidance has moved to, and a statement reiterated about a target, are no move
    ("Our full-year margin guidance now stands at 21% to 22%.", []),
    ("I want to reiterate that our target for annual growth includes acquisitions.", []),
]


@pytest.mark.parametrize(("text", "expected"), _cases(WHOSE))
def test_whose_a_figure_is(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(NO_GROWTH_OF_A_PERIOD))
def test_what_is_no_growth_of_a_period(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(GUIDANCE))
def test_guidance_in_still_other_words(text: str, expected: list[str]) -> None:
    _check(text, expected)
