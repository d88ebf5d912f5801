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
        ["growth -6 : company", "growth 15 : company"],
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

BASES: list[tuple[str, list[str]]] = [
    # a figure corrected at once is the correction; a quarter named as an adjective is the
    # clause's own ("Second-quarter sales … from the first quarter of 2020": sequential)
    (
        "Second-quarter sales of Precision Sensors of 8.1% -- $8.1 million declined 3.5% from "
        "the first quarter of 2020.",
        ["growth -3.5 sequential : Precision Sensors"],
    ),
    (
        "Our third-quarter 2021 revenue declined 1.8%, compared to $52.3 million in second "
        "quarter.",
        ["growth -1.8 sequential : company"],
    ),
    # a list of growths of several measures takes the basis said after it
    (
        "Our execution translated into revenue growth of 9% and operating income growth of 14% "
        "versus the prior year.",
        ["growth 9 yoy : company"],
    ),
    # a year two back is no year-over-year base: against a later year said in the sentence or
    # the document, or called pre-pandemic
    (
        "Operational sales grew 8% versus 2021, while organic sales grew 9% versus '21 and 3% "
        "versus 2019.",
        ["growth 8 yoy : company", "alt 9", "growth 3 : company"],
    ),
    (
        "Sales grew 11% versus 2021.\nCompared to the second quarter of 2019, organic growth was "
        "5.2%.",
        ["growth 11 yoy : company", "growth 5.2 : company"],
    ),
    (
        "Medical sales grew 12% compared to last year and more than 15% compared to "
        "pre-pandemic sales in the third quarter of 2019.",
        ["growth 12 yoy : Medical", "growth 15 > : Medical"],
    ),
    # a growth set against a range takes the range's basis
    (
        "Acquisitions added 200 basis points, resulting in 7.4% organic revenue growth, slightly "
        "below our guidance range of 8% to 10% growth versus 2021.",
        ["growth 7.4 yoy : company"],
    ),
]

MORE_WHOSE: list[tuple[str, list[str]]] = [
    # a growth of no measure named, where the sentence speaks of orders and of no revenue
    ("We achieved 7% growth and a strong 1.2 book-to-bill, as orders rose in every segment.", []),
    (
        "We achieved 7% growth and a 1.2 book-to-bill, as orders exceeded sales in every segment.",
        [],
    ),
    ("On 6% revenue growth, we increased operating profit by 15%.", ["growth 6 : company"]),
    (
        "Europe and the rest of the world grew 18% in the quarter.",
        ["growth 18 : Europe and the rest of the world"],
    ),
    # one growth in two measures, not two periods
    (
        "Acme delivered a strong quarter.\nAcme Inc revenue grew 14% and 10% on a currency "
        "neutral basis.",
        ["growth 14 : company", "alt 10"],
    ),
    (
        "Within the regions, the US grew 12%; Europe grew 6%.",
        [
            "growth 12 : US",
            "growth 6 : Europe",
        ],
    ),
    (
        "International revenue grew by 40% with Asia revenue growing by 52% and Europe by 31%.",
        ["growth 40 : International", "growth 52 : Asia", "growth 31 : Europe"],
    ),
    (
        "The fleet business benefited from strong aftermarket, where sales were up some 30%.",
        ["growth 30 ~ : aftermarket"],
    ),
    # kinds of revenue said together are a part; words of service that name no revenue are not
    ("Parts and service were up 14% in the quarter.", ["growth 14 : Parts and service"]),
    ("Service levels and uptime improved 5%.", []),
    # a multiple said as "-fold" after its verb
    (
        "Licensing revenues were up more than fourfold from last year.",
        ["growth 300 > yoy : Licensing"],
    ),
    ("We saw a threefold increase in customers.", []),
]

# The classes of the round after: what fooled the reader on the second batch of calls.
ROUND_AFTER: list[tuple[str, list[str]]] = [
    # a measure word in a capitalised name is the name's
    ("Capital Markets revenue grew 8% to $701 million.", ["growth 8 : Capital Markets"]),
    (
        "Wealth & Investment Management revenues rose 6%.",
        ["growth 6 : Wealth & Investment Management"],
    ),
    ("Capital expenditures rose 6%.", []),
    # what drove a growth is no growth
    (
        "Net sales increased 12% over the prior year due to an 11% increase from volume and 1% "
        "from price.",
        ["growth 12 yoy : company"],
    ),
    ("Storage had a 9% increase from volume as well as 1% improvement from FX.", []),
    # an aside opened by "when" is an aside; what a verb acts on is what grew
    ("Operating expenses, when excluding special items, were at 14% of sales.", []),
    ("We improved units shipped per labor hour by 3%, resulting in fewer hours.", []),
    # what is signed is not yet revenue: contract value, new business
    ("Contract value growth accelerated to 9% in the quarter.", []),
    ("New business was up 38% versus last year.", []),
    ("Bundled services now represent close to 50% of all new business.", []),
    ("Smaller sales, those under $2 million in annualized values, rose 11%.", []),
    # one figure said of each of several parts, a count, subscriptions counted
    ("HR, finance, sales and supply chain each grew 20% or more year-over-year.", []),
    ("The number of labels printed grew over 30% and paid subscriptions grew about 70%.", []),
    # growth "in" a kind of thing is a part's only where the company grew
    ("We're seeing double-digit growth across sectors, including 33% growth in healthcare.", []),
    ("We grew 48% sequentially in filters.", ["growth 48 sequential : filters"]),
    # talk and an aside between a part and its verb
    (
        "On a sequential basis, moving to Slide 11, our second quarter net sales were down 3% "
        "from the first quarter.",
        ["growth -3 sequential : company"],
    ),
    (
        "For the quarter, our Spine business, which includes Acme Medical delivered 3.2% growth.",
        ["growth 3.2 : Spine business"],
    ),
    (
        "Our online channel delivered strong results, with sales rising after having surged over "
        "50% in the year-ago period.",
        ["growth 50 > : online channel"],
    ),
]

GUIDANCE: list[tuple[str, list[str]]] = [
    # results set against expectations move no guidance
    ("EPS growth was lower than our expectations and is reflected in our updated guidance.", []),
    (
        "We are also raising the midpoint on our EPS guidance for the full year.",
        ["guidance raised : company"],
    ),
    (
        "Our capex expectation for the year remains approximately $80 million.",
        ["guidance reiterated : company"],
    ),
    (
        "Turning to our full year outlook, which is in line with what we have previously said.",
        ["guidance reiterated : company"],
    ),
    (
        "We said we expected revenue to grow, and we remain committed to this outlook.",
        ["guidance reiterated : company"],
    ),
    (
        "We continue to expect cash conversion of 90% as previously guided.",
        ["guidance reiterated : company"],
    ),
    ("Those targets, as previously communicated, will take another year to achieve.", []),
    (
        "With the continued uncertainty and staffing shortages, we are updating our full year "
        "guidance to 5% to 6%.",
        ["guidance cut : company"],
    ),
    (
        "We are making an adjustment to our restructuring guidance from 20 to 30 million to now "
        "10 to 15 million.",
        ["guidance cut : company"],
    ),
    (
        "Where we had expected low single digits growth, we are now anticipating mid single "
        "digits.",
        ["guidance raised : company"],
    ),
    (
        "We expect mid single-digit growth in pumps, up from low single digits.",
        ["guidance raised : company"],
    ),
    ("Revenue grew low double digits, up from mid single digits last quarter.", []),
    # a revision for a hardship said after it, in whatever words
    (
        "We're updating our third quarter and our full year guidance ranges, which assumes some "
        "impact from labor shortages.",
        ["guidance cut : company"],
    ),
    (
        "We are revising our outlook to incorporate the following factors: six weeks of "
        "production lost to plant closures.",
        ["guidance cut : company"],
    ),
    # a strength said as the cause: raised (the eighteenth round, as blind readers of held-out
    # calls read it)
    ("We are updating our guidance to reflect the strong first half.", ["guidance raised"]),
    # magnitudes in words set against the prior guidance's
    (
        "We now expect revenue to grow low single digits, versus our prior guidance of mid "
        "single-digit growth.",
        ["guidance cut : company"],
    ),
    (
        "We now expect high single digit growth, up from our prior guidance of mid single digits.",
        ["guidance raised : company"],
    ),
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


@pytest.mark.parametrize(("text", "expected"), _cases(BASES))
def test_the_basis_of_a_growth(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(MORE_WHOSE))
def test_more_of_whose_a_figure_is(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(ROUND_AFTER))
def test_the_classes_of_the_round_after(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(GUIDANCE))
def test_guidance_in_still_other_words(text: str, expected: list[str]) -> None:
    _check(text, expected)
