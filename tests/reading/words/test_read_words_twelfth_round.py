"""The twelfth round's rules, each a value refused rather than read: a measure that is no
revenue named by its abbreviation or as a count, a word that names no part where a name would
stand, a view or a result taken for guidance moved. Made-up sentences, each beside what it
states as test_read_words_classes.py writes it ([] where nothing may be read), with a
counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a measure named by its abbreviation is no revenue": [
        ("OI grew 24.9%, a fine operating improvement.", []),
        ("Adjusted ROIC has more than doubled since 2016.", []),
        ("ADEPS nearly doubled over the period.", []),
        ("Segment EBT is up 29%.", []),
        ("Global GDP is expected to grow 4.2%.", []),
        ("Total A&P was up 6%.", []),
        ("GTMs were up 1% in the quarter.", []),
        ("Non-GAAP EBT was $477 million or 16.4% of net sales.", []),
        # a part named by an acronym still grows
        ("EMEA was up 5% to $180 million.", ["growth 5 : EMEA"]),
        ("PR was up 10.5%.", ["growth 10.5 : PR"]),
    ],
    "a count or an amount that is no revenue": [
        ("Contracts for the quarter grew 4.5% year-over-year.", []),
        ("Deposits grew 7.7% year-over-year.", []),
        ("Comparable average ticket increased 9.4%.", []),
        ("Closings were up 8%.", []),
        ("Our community count was down 6% compared with last year.", []),
        ("Patient days increased 11.9% in the year.", []),
        ("Residential building permits in our markets rose 3.5%.", []),
        ("Gross savings should reach $33 million, an increase of 50%.", []),
        ("Positive ForEx increased revenue by $39 million or 5%.", []),
        ("Systemwide RevPAR grew 58% compared to the first quarter.", []),
        ("The value of our equity portfolio declined by approximately 24%.", []),
        ("Same-restaurant traffic declined 20.6%.", []),
        ("In banking, new sales grew 17% year-over-year.", []),
        ("Our RV dealer activations increased 39%.", []),
        ("Effective rents for Atlanta grew by 19.8% as reported by a data provider.", []),
        ("PPNR of $790 million was up 15% year-over-year.", []),
        ("Our core loan portfolio grew $80 million or 8% sequentially.", []),
        ("POS was down 1% this year compared to 2020.", []),
        ("A 3.4% decline in the funeral sales average offset it.", []),
        # a quarter written in lower case is when, not who
        ("q4 net sales of $288.6 million, down 3.8%.", ["growth -3.8 : company"]),
        # a day named is when, not who
        (
            "Yesterday, we reported first quarter sales increased 10% to $1.15 billion.",
            ["growth 10 : company"],
        ),
        # revenue beside a count keeps its own figure
        (
            "Drilling revenue increased 6% as our rig count improved by 5%.",
            ["growth 6 : drilling"],
        ),
        ("Ticket revenue grew 12%.", ["growth 12 : Ticket"]),
    ],
    "a part of a change in revenue is its contribution, no share": [
        ("Europe contributed 61% of the revenue decline for the year.", []),
        ("Services contributed 37% of the revenue growth.", []),
        ("Europe accounted for 16% of our revenue in 2020.", ["share 16 : Europe"]),
        (
            "Our OEM business, which accounts for roughly 9% of total sales increased 29.4% "
            "year-over-year.",
            ["share 9 ~ : OEM business", "alt 29.4"],
        ),
        ("The remaining 62.3% of the sales increase came from acquisitions.", []),
    ],
    "a word of discourse or a participle opening a phrase names no part": [
        (
            "Beginning with the top line, revenues for the quarter totaled $171.7 million, up "
            "142% year over year.",
            ["growth 142 yoy : company"],
        ),
        (
            "Beginning with Material Handling, net sales increased $46 million or 55%.",
            ["growth 55 : Material Handling"],
        ),
        (
            "Finally our Consumer Solutions segment delivered revenue growth of 2%.",
            ["growth 2 : Consumer Solutions segment"],
        ),
        ("Furthermore, our casino revenues were 35% of our net revenues.", ["share 35 : casino"]),
        (
            "Combined with the lapping of weak demand, sales increased nearly 20%.",
            ["growth 20 ~ : company"],
        ),
        # no part named "highlight"; the growth is the company's, as it says it reported it
        # (the sixty-fourth round)
        (
            "I'd like to highlight the 7% organic revenue growth that we reported.",
            ["growth 7 : company"],
        ),
        ("Therefore, the absolute sales growth rate of 11.4% is the better measure.", []),
        ("We saw another sequential increase of 2.5%.", []),
        # "substantial" names nothing; the growth is the amount's (the thirteenth round)
        (
            "Digital revenues were $105 million, a substantial increase of 424%.",
            ["growth 424 : Digital"],
        ),
    ],
    "words of talk about figures name no part": [
        ("For example, we delivered 14% sales growth in bridal.", []),
        (
            "The net result was growth in rental revenue, which increased 3.5%.",
            ["growth 3.5 : rental"],
        ),
        ("The result was up 12%.", []),
        ("Total company revenue trend was driven by a 7% decline in January.", []),
        ("The strength of our business was broad based with 16% growth.", []),
        ("They're up 16% overall.", []),
        ("There is an increase of 7% from the second quarter.", []),
        (
            "All geographies were positive, with North America up 12%.",
            ["growth 12 : North America"],
        ),
        # an aside in a name leaves the name
        (
            "Cream of Wheat for example generated $18.2 million in net sales, an increase of "
            "4.3% compared to the prior year.",
            ["growth 4.3 yoy : Cream of Wheat"],
        ),
        # a relative clause after a name leaves the name
        (
            "Revenues from our Specialty Garments segment which deliver cleanroom products were "
            "$33.9 million, an increase of 22.5%.",
            ["growth 22.5 : Specialty Garments segment"],
        ),
        # a verb of the name's own, and all after it, is left out of the name
        (
            "Cream of Wheat continue to outperform in the quarter with net sales up by $2.7 "
            "million or 16.1% compared to the prior year period.",
            ["growth 16.1 yoy : Cream of Wheat"],
        ),
        (
            "Commercial aerospace continues to represent approximately 40% of total revenue.",
            ["share 40 ~ : Commercial aerospace"],
        ),
        # the company's own clause keeps its subject
        ("We continue to invest in consumer acquisition, up 78% in the quarter.", []),
        # a segment whose name holds such a word keeps it
        (
            "Net revenue in our critical illness recovery hospital segment increased 6.7%.",
            ["growth 6.7 : critical illness recovery hospital segment"],
        ),
    ],
    "a figure of a goal is no growth": [
        ("Growth was well above the 20% growth target for this business.", []),
        ("Organic growth was 8.6%, well above our 6% Evergreen goal.", ["growth 8.6 : company"]),
    ],
    "a year named beside the year before as another base is two years back": [
        (
            "Sales were up 29% versus last year and 11% versus 2019. Compared to 2019, "
            "consolidated sales increased 52%.",
            ["growth 29 yoy : company", "growth 11 : company", "growth 52 : company"],
        ),
        # a quarter of a year named may be the quarter before, no year
        (
            "Auto increased 3% year over year, but improved 28% from Q3 2020.",
            ["growth 3 yoy : Auto", "growth 28 : Auto"],
        ),
    ],
    "a base years back after a figure is its own, whatever the sentence said before": [
        (
            "Online revenue declined versus last year, but it was up 115% compared to two years "
            "ago.",
            ["growth 115 : Online"],
        ),
        (
            "Coach revenue rose 117% versus prior year, outpacing pre-pandemic levels of sales "
            "by 2%.",
            ["growth 117 yoy : Coach"],
        ),
    ],
    "a quarter against the prior-year period is a year before": [
        (
            "Our revenue declined 43% in Q2 when compared with Q2 of the prior-year period.",
            ["growth -43 yoy : company"],
        ),
        ("Revenue grew 7% from Q2.", ["growth 7 sequential : company"]),
    ],
    "an outlook that is a view, or a result against it, is no guidance moved": [
        ("In summary, we maintain a favorable outlook for fiscal 2022 and beyond.", []),
        ("We are maintaining a positive outlook for the balance of the year.", []),
        (
            "Based on our positive outlook, we are raising our full year guidance.",
            ["guidance raised"],
        ),
        ("The long-term outlook for the market continues to be very robust.", []),
        (
            "Our full-year outlook continues to be $4.10 to $4.20 per share.",
            ["guidance reiterated"],
        ),
        (
            "Costs were $3.19 per ounce, which was below our lower end of guidance.",
            [],
        ),
        ("Our 2022 guidance assumes that our capital structure will remain in place.", []),
        (
            "We have assumed that industry production will be flat with 2020, lower than prior "
            "guidance.",
            [],
        ),
        (
            "We expect 26% weighted average market growth for the year, reiterating our prior "
            "outlook.",
            [],
        ),
        ("We are reiterating our prior revenue outlook.", ["guidance reiterated"]),
    ],
    "a verb's object runs to its guidance, no further": [
        (
            "We increased volumes and are trending toward the high end of our guidance range.",
            [],
        ),
        (
            "We did well cutting back spending where possible, especially if the outlook for "
            "delays became worse.",
            [],
        ),
        ("Commodity prices have increased beyond our prior forecast.", []),
        (
            "Due to our third-quarter outperformance and our increased fourth-quarter plan, we "
            "are raising our full-year guidance.",
            ["guidance raised"],
        ),
        (
            "We have updated our full-year guidance to reflect our performance and the "
            "expectations to reduce our elevated backlog.",
            [],
        ),
        ("We have updated our full-year guidance to reflect lower volumes.", ["guidance cut"]),
        (
            "We are updating the second half revenue range to $570 million to $600 million, in "
            "other words, bumping up the lower end by $10 million.",
            ["guidance raised"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_a_twelfth_round_rule_refuses_what_is_no_value(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Our 10% growth rate projection includes $45 million of benefit from currency.",
        "Our 8% sales growth forecast assumes no recovery in travel.",
        # a figure now anticipated, estimated or planned for (the thirteenth round)
        "Organic revenue is now anticipated to be up about 2% for the year.",
        "We are now estimating full year revenue to be up 18% over last year.",
        "Organically, we're now planning for sales to be up around 15% at the midpoint.",
    ],
)
def test_a_figure_of_what_is_to_come_is_a_forecast(text: str) -> None:
    read = [s for s in read_words(text) if s.kind == "growth"]
    assert read, "the figure is read as a growth"
    assert all(s.forward for s in read), f"a figure to come is a forecast: {read}"


def test_a_growth_said_of_what_happened_is_no_forecast() -> None:
    read = read_words("Revenue grew 10% in the quarter, and our projection for the year stands.")
    assert [(s.kind, s.forward) for s in read if s.kind == "growth"] == [("growth", False)]
