"""The thirty-eighth round's rules, found on calls of 2025 and 2026 of the transcript publisher
the thirty-seventh round first read, once their labelled sets had been scored: a growth said as
a comparative against a period ("16.5% greater than 2024"), no growth in a figure set against a
market, a plan or another measure ("3% more than the market"), a growth's rate is the growth,
a growth told by a dimension ("Organic growth by business was 7.8% for X, 14.1% for Y"), a name
written in capitals keeps its own "and" and its ordinal ("First Aid and Safety Services"), and
annual subscription value is no revenue. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a comparative against a period is a growth": [
        (
            "For the year, Aerospace revenue of $13.1 billion is 16.5% greater than 2024.",
            ["growth 16.5 yoy : Aerospace"],
        ),
        (
            "Combat Systems had revenue of $2.5 billion for the quarter, 5.8% more than the year "
            "ago quarter.",
            ["growth 5.8 yoy : Combat Systems"],
        ),
        (
            "Revenues were $643 million for the quarter, 35% lower than 1Q 2020.",
            ["growth -35 yoy : company"],
        ),
        # a margin's comparative is still no revenue's
        ("Gross margin was 5.8% more than last year.", []),
    ],
    "a figure set against a market, a plan or another measure is no growth": [
        ("Revenue grew 10%, 3% more than the market.", ["growth 10 : company"]),
        ("Revenue was 5% higher than expected.", []),
        ("Our 2020 pro forma sales are $983 million or 8.5% lower than reported sales.", []),
        # against a period it is one
        ("Revenue was 5% higher than last year.", ["growth 5 yoy : company"]),
    ],
    "a growth's rate is the growth": [
        ("The organic growth rate was 8.6%.", ["growth 8.6 : company"]),
        ("Our organic growth rate was 8.6% in Europe.", ["growth 8.6 : Europe"]),
        # another measure's rate is still that measure's
        ("Our EPS growth rate was 12%.", []),
        ("Our tax rate was 21%.", []),
    ],
    "a growth told by a dimension gives each part its figure": [
        (
            "Organic growth by business was 7.8% for Uniform Rental and Facility Services, 14.1% "
            "for First Aid and Safety Services, 11.5% for Fire Protection Services and 2% for "
            "Uniform Direct Sale.",
            [
                "growth 7.8 : Uniform Rental and Facility Services",
                "growth 14.1 : First Aid and Safety Services",
                "growth 11.5 : Fire Protection Services",
                "growth 2 : Uniform Direct Sale",
            ],
        ),
        (
            "Revenue growth by end market was 9% for Medical, 4% for Defense and 2% for "
            "Industrial.",
            ["growth 9 : Medical", "growth 4 : Defense", "growth 2 : Industrial"],
        ),
        # a margin told by a dimension is still a margin
        ("Gross margin by business was 49.8% for Rental and 57.7% for Safety.", []),
    ],
    "a name written in capitals keeps its own 'and' and its ordinal": [
        (
            "It's worth mentioning the strong organic growth of 48% for the Middle East and "
            "Africa, our smallest region.",
            ["growth 48 : Middle East and Africa"],
        ),
        (
            "Our First Aid segment's revenues were up 10% compared to 2021.",
            ["growth 10 yoy : First Aid segment"],
        ),
        # "and" before a clause of its own still ends the part
        ("Sales grew 5% in EMEA and we expect more.", ["growth 5 : EMEA"]),
        ("Fourth Quarter Revenue grew 5%.", ["growth 5 : company"]),
    ],
    "a share of the business, or of the total, is a part's": [
        ("But right now, health care is about 8% of total.", ["share 8 ~ : health care"]),
        (
            "This includes numerous programs in the restricted arena which comprises over 30% of "
            "our business.",
            ["share 30 > : restricted arena"],
        ),
        (
            "Since defense is roughly 50% of our business portfolio, it matters.",
            ["share 50 ~ : defense"],
        ),
        # the total of a count named before is the count's
        (
            "Our Smart Series comprised 62 of our total communities or 31% of total and was "
            "offered in all markets.",
            [],
        ),
        ("About 40% of our business is new business development.", []),
    ],
    "a share said 'upwards of' is one": [
        ("Aftermarket is upwards of 55% of revenue.", ["share 55 > : Aftermarket"]),
    ],
    "revenue sharing one verb and figure with another measure has it": [
        (
            "Full year orders and revenue rose 8% and EPS increased 14%, surpassing our "
            "expectations.",
            ["growth 8 : company"],
        ),
        # a part's measures are the part's; no measure of revenue, no figure
        ("Molding Solutions organic orders and sales were down approximately 10%.", []),
        ("Orders and bookings rose 8%.", []),
    ],
    "a part that led with its growth of a figure owns it": [
        (
            "We achieved double-digit growth in 3 of our 5 segments, led by the Fitness segment "
            "with outstanding growth of 30%, followed by Marine segment growth of 20%.",
            ["growth 30 : Fitness segment", "growth 20 : Marine segment"],
        ),
        (
            "Revenue grew 10%, led by the Fitness segment with growth of 30%.",
            ["growth 10 : company", "growth 30 : Fitness segment"],
        ),
        # a measure led so is no revenue's
        ("Protective volumes were up 1% led by EMEA with growth of 7%.", []),
    ],
    "a listed part's figure said 'negative' is a decline": [
        (
            "In the Americas, we saw total revenue decline 2% with the U.S. down 3% and Canada "
            "negative 1%, in line with our expectations.",
            ["growth -2 : Americas", "growth -3 : U.S.", "growth -1 : Canada"],
        ),
        (
            "Revenue grew 5% with the U.S. up 3% and Canada 1%.",
            ["growth 5 : company", "growth 3 : U.S.", "growth 1 : Canada"],
        ),
    ],
    "a clause of place set off by commas is no word of the clause": [
        (
            "Shifting to international, where our momentum remains strong, revenue increased 33%.",
            ["growth 33 : international"],
        ),
        # with no verb of its own it opens the figure's clause: kept, and whose unsaid
        (
            "We're pleased with the rebound in our international operations, where in the fourth "
            "quarter, revenue grew 54% compared to the fourth quarter of 2020.",
            [],
        ),
    ],
    "an abbreviation's stop before a word that only opens a sentence ends it": [
        (
            "In Applied Water, orders were up 5%, lifted by data center wins in the U.S. Revenues "
            "were up 3% versus the prior year.",
            [],
        ),
        ("Sales in the U.S. grew 5%.", ["growth 5 : U.S."]),
    ],
    "revenue alone after a sentence framed by a part is the part's, unsaid": [
        ("In Applied Water, orders were up 17%. Revenue grew 8% in the quarter.", []),
        (
            "In the quarter, orders were up 5%. Revenues were up 3% versus the prior year.",
            ["growth 3 yoy : company"],
        ),
        (
            "Looking at the placement rate, it rose to 1.6%. Revenue decreased 2%.",
            ["growth -2 : company"],
        ),
    ],
    "an industry's builds forecast moves no guidance": [
        (
            "We presented a significant expected aerospace OEM growth given the increased builds "
            "forecast for the next several years.",
            [],
        ),
        ("The industry increased its builds forecast.", []),
        ("We increased our revenue forecast.", ["guidance raised : company"]),
    ],
    "a brand's own stores are a channel, a place's stores a count": [
        (
            "NIKE Direct was down 5% with NIKE Digital declining 12% and NIKE stores down 1%.",
            ["growth -5 : NIKE Direct", "growth -12 : NIKE Digital", "growth -1 : NIKE stores"],
        ),
        ("Walmart stores grew 5%.", []),
        ("We opened 120 stores, up 5%.", []),
        ("Merrell stores comping up 30% led the quarter.", []),
    ],
    "parts named before 'had', 'saw' or a 'led by' list take their figures respectively": [
        (
            "Europe and Asia saw revenue growth of 16.6% and 16.5%, respectively.",
            ["growth 16.6 : Europe", "growth 16.5 : Asia"],
        ),
        (
            "Both revenue and operating earnings were up for each of the segments, led by Marine "
            "Systems and Aerospace, with revenue growth of 16.6% and 16.5%, respectively.",
            ["growth 16.6 : Marine Systems", "growth 16.5 : Aerospace"],
        ),
        # another measure's growth is no revenue's
        (
            "Marine and Aerospace reported operating earnings growth of 16.6% and 16.5%, "
            "respectively.",
            [],
        ),
        (
            "Both revenue and operating earnings were up for each of the segments, led by Marine "
            "Systems and Aerospace, with operating earnings growth of 16.6% and 16.5%, "
            "respectively.",
            [],
        ),
    ],
    "guidance upped, reinforced by us, provided by 'let me', or a range for the fiscal year": [
        ("We upped our revenue guidance to $5 billion.", ["guidance raised : company"]),
        ("And thus, we reinforced our guide today.", ["guidance reiterated : company"]),
        # what reinforces our guide is no act of ours
        ("It reinforces our guide to see destocking in first half.", []),
        (  # (since the fifty-sixth round the speaker's talk to come, no guidance given yet)
            "So let me provide our operating forecast for 2026 with some color around our outlook "
            "for each business group.",
            [],
        ),
        ("Let me provide some color on the quarter.", []),
        (
            "For gross margin, we reiterate the range for the fiscal year of 62% to 64%.",
            ["guidance reiterated : company"],
        ),
    ],
    "parts listed after one said with its basis take that basis": [
        (
            "By category, men's revenue increased 8% versus last year, women's increased 6% and "
            "accessories and other grew 12%.",
            # (the last, a clause of its own with its verb, says none)
            ["growth 8 yoy : men", "growth 6 yoy : women", "growth 12 : accessories and other"],
        ),
        (
            "Core revenue declined approximately 27% over prior year, with Basics down 18% and "
            "Intimates down 52%.",
            ["growth -27 ~ yoy : company", "growth -18 yoy : Basics", "growth -52 yoy : Intimates"],
        ),
        # a base of its own after the part's figure is its own, not the list's
        (
            "In Americas Retail, revenues were up 30% versus last year and down 5% versus 2019.",
            ["growth 30 yoy : Americas Retail", "growth -5 : Americas Retail"],
        ),
        # nor is a figure of another measure's basis lent
        (
            "With average revenue per key increasing 9% sequentially, rental revenues increased "
            "11%.",
            ["growth 11 : rental"],
        ),
    ],
    "a growth from new products is what drove another, no part's": [
        (
            "On innovation, we delivered 4% organic growth from our new product introduction in "
            "2025.",
            [],
        ),
        ("Revenue grew 4% in new products.", ["growth 4 : new products"]),
    ],
    "one share said twice a comma apart is a range said aloud, neither figure": [
        (
            "And if you think about our aftermarket parts, which is upwards of 55%, 56% of this "
            "business revenue comes from aftermarket parts.",
            [],
        ),
    ],
    "the largest buyers' revenue is theirs": [
        (
            "And in fact, our top 3 service providers revenue from 2024 to 2025 grew 16%.",
            [],
        ),
    ],
    "oil and gas sales are an end market's, no utility's gas": [
        (
            "Transportation sales increased 15% and oil and gas sales grew 13%.",
            ["growth 15 : Transportation", "growth 13 : oil and gas"],
        ),
        ("Natural gas sales were up 5%.", []),
    ],
    "a share listed after one, said 'was in X', is X's": [
        (
            "Using round numbers, only about 10% of our SoC product revenue was in compute, 50% "
            "was in auto/industrial and 40% was in mobile.",
            ["share 10 ~ : compute", "share 50 : auto/industrial", "share 40 : mobile"],
        ),
        (
            "Just for color, 50% of the revenues come from the semiconductor space, about 15% or "
            "so in the automotive and the rest is in electronics.",
            ["share 50 : semiconductor space", "share 15 ~ : automotive"],
        ),
        # a share in another period is the same part's
        (
            "Refinance revenue contributed 21% of total direct revenue in the second quarter and "
            "33% in the first quarter of this year.",
            ["share 21 : refinance", "share 33 : refinance"],
        ),
    ],
    "a decrease in a part is that part's": [
        (
            "Our second quarter sales decreased 42% to $729.5 million, which consisted of a 37.8% "
            "decrease in our international businesses and a 47.3% decrease in our domestic "
            "businesses.",
            [
                "growth -42 : company",
                "growth -37.8 : international businesses",
                "growth -47.3 : domestic businesses",
            ],
        ),
        ("This growth was partially offset by a 11% decrease in Europe.", ["growth -11 : Europe"]),
    ],
    "annual subscription value is no revenue": [
        (
            "In our second quarter, our organic ASV plus professional services growth rate "
            "accelerated to 5.5%.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_eighth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "So looking ahead to next quarter, we're guiding for consolidated revenue of approximately "
        "$22 billion, which represents 47% year-on-year growth.",
        "We are guiding to revenue growth of 10% next year.",
        "We estimate fourth quarter revenue to be up 8%.",
    ],
)
def test_a_forecast_said_by_guiding_or_estimating_is_no_result(text: str) -> None:
    read = read_words(text)
    assert read and all(s.forward for s in read), read


def test_an_estimate_of_what_happened_is_no_forecast() -> None:
    read = read_words(
        "We estimate the effect of labor shortages on our results was $470 million, in line with "
        "our original expectations, and revenue grew 7%."
    )
    assert [(s.kind, s.value, s.forward) for s in read] == [("growth", 0.07, False)]


def test_a_line_broken_after_an_abbreviations_stop_goes_on_in_lower_case() -> None:
    text = "Sequentially, sales were up 4% in U.S.\ndollars and 3% organically.\n"
    read = read_words(text)
    assert [(s.kind, s.subject, s.value, s.basis) for s in read] == [
        ("growth", "revenue", 0.04, "sequential")
    ]
