"""The nineteenth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.quarters import document_quarter
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "two quarters named as bases, a year apart less one, name the sentence's own quarter": [
        (
            # round 29: "growth" alone, with no word of revenue, is no one's
            "When adjusted for divestitures, we saw sales growth of 13.1% versus Q4 2020, a 10.4% "
            "increase over Q3 2021, and a 21.9% increase versus pre-pandemic Q4 2019.",
            ["growth 10.4 sequential : company", "alt 13.1 21.9"],
        ),
        (
            "Revenue grew 13% versus Q4 2020 and 10% over Q3 2021.",
            ["growth 13 yoy : company", "growth 10 sequential : company"],
        ),
        # one quarter alone says nothing of the sentence's own
        ("Revenue grew 10% over Q3 2021.", ["growth 10 yoy : company"]),
    ],
    "a base said as the same quarter's amount, a half of a fiscal year, or a quarter and its "
    "year without 'of'": [
        (
            "For the fourth quarter, total net sales were $226.9 million, a decrease of 12% "
            "compared to the $257.7 million delivered in the same quarter last year.",
            ["growth -12 yoy : company"],
        ),
        (
            "First half 2020 revenue of $170 million is up 3.1% versus the first half of fiscal "
            "2019.",
            ["growth 3.1 yoy : company"],
        ),
        (
            "In the second quarter, jet engine revenues were up over 20% compared to the first "
            "quarter 2021.",
            ["growth 20 > sequential : jet engine"],
        ),
        (
            "In the second quarter, sales increased by $7.7 million or 2.7% from the first "
            "quarter of fiscal year '22.",
            ["growth 2.7 sequential : company"],
        ),
        # another half is no year before
        ("Revenue in the second half grew 5% over the first half of 2021.", ["growth 5 : company"]),
    ],
    "a count is no revenue: one said before the growth, one it grew to, and counted things": [
        ("Homes delivered increased 13% year-over-year to 2,419.", []),
        ("During the quarter, we sold 6,000 used vehicles, down 5% versus the prior year.", []),
        ("We ended the year with 217 communities, up 3% sequentially.", []),
        ("Capacity was down 15%.", []),
        ("Deliveries decreased by about 9% sequentially.", []),
        ("And further, we drove a 30% increase in our days payable outstanding.", []),
        # the count gives nothing; the sales beside it, "both" up, their own (thirty-fourth round)
        (
            "Pharmacy sales and prescriptions filled both increased 8% year over year.",
            ["growth 8 yoy : Pharmacy"],
        ),
        # an amount, or one said in millions, is revenue's
        ("Revenue increased 13% to $2,419 million.", ["growth 13 : company"]),
        ("Net sales increased 8% to 1,250 million.", ["growth 8 : company"]),
        ("Revenue was up 9% sequentially.", ["growth 9 sequential : company"]),
        # a part's name may hold a word of another measure
        (
            "Revenue in Productivity and Business Processes was $19.2 billion and increased 13%.",
            ["growth 13 : Productivity and Business Processes"],
        ),
    ],
    "guidance offered, outlined, set, reintroduced, expanded, or first given, is introduced": [
        (
            "We are providing initial net sales guidance for the segment of $570 million to $590 "
            "million.",
            ["guidance introduced"],
        ),
        ("As such, we offer 2021 guidance based upon where we are today.", ["guidance introduced"]),
        (
            "On slide 14, we are reintroducing new full-year guidance for 2020.",
            ["guidance introduced"],
        ),
        (
            "This year, we are expanding our guidance to include revenue and operating expenses.",
            ["guidance introduced"],
        ),
        (
            "We are setting our full year sales guidance at $11.7 billion to $12.5 billion.",
            ["guidance introduced"],
        ),
        (
            "Let me make the turn to 2021 and outline our initial guidance for the year.",
            ["guidance introduced"],
        ),
        # given before, or to be given later in the call
        (
            "At the beginning of fiscal 2021, we provided initial guidance that reflected our "
            "view.",
            [],
        ),
        ("Now, Anna will review our results for the quarter and offer our outlook for 2021.", []),
        ("Dave will provide our initial outlook for 2022.", []),
    ],
    "a forecast up or down from a range moved the guidance that range was": [
        (
            "The revenue range for the full year is between $1.14 billion and $1.16 billion, down "
            "from a range of $1.175 billion to $1.235 billion.",
            ["guidance cut"],
        ),
        (
            "Diluted earnings per share range is now between $3 per share and $3.20 per share, "
            "down from $3.35 to $3.75 per share.",
            ["guidance cut"],
        ),
        # a move from one figure to another, or a single figure from two
        (
            "Airline bookings improved from 46% to 69% and corporate bookings were up from 18% "
            "to 40%.",
            [],
        ),
        ("Interest expense was $44 million, up from $41 million to $42 million.", []),
    ],
    "guidance in line with, or consistent with what was estimated before, stands": [
        (
            "And in line with our prior guidance on free cash flow, we still expect this metric to "
            "be in the $800 million to $900 million area.",
            ["guidance reiterated"],
        ),
        (
            "I would like you to keep in mind that our full year guidance is unchanged.",
            ["guidance reiterated"],
        ),
        (
            "Our total revenue guidance is $36.2 billion to $36.6 billion, consistent with the "
            "rate we estimated in October 2021.",
            ["guidance reiterated"],
        ),
        # a result in line with it, and a hedge that is one
        ("Capital expenditures of $35 million were in line with our prior guidance.", []),
        ("Revenue was $5 billion, consistent with the range we provided in October.", []),
        ("We would keep our full year guidance unchanged if demand holds.", []),
    ],
    "'here' names no part, nor 'date' alone; 'where' ends a name after it and opens one": [
        ("Revenue here increased 5.4% year-over-year.", []),
        (
            "Revenue for the quarter increased 26.9% and for year to date has increased 17.5%.",
            ["growth 26.9 : company", "growth 17.5 : company"],  # (the year to date's read from
            # the fifty-ninth round: the clause's revenue, "date" still no name)
        ),
        (
            "Our joint venture business was up 14% led by an increase of 23.9% in China where our "
            "e-commerce business was particularly strong.",
            ["growth 14 : joint venture business", "growth 23.9 : China"],
        ),
        ("Revenue increased 5.4% year-over-year.", ["growth 5.4 yoy : company"]),
    ],
    "a basis said in a driver's clause, or by a figure of points before, is theirs": [
        (
            "Organic revenue was down 8% overall, primarily due to same-store sales being down 6% "
            "year-over-year.",
            ["growth -8 : company"],
        ),
        (
            "Adjusted EBITDA margin decreased 80 basis points year-over-year to 18.6% on revenues "
            "that were down almost 20%.",
            ["growth -20 ~ : company"],
        ),
        # a basis said over "and", or before the figure in its own words, reaches it
        (
            "Revenue was up 8% and gross profit rose 6% year over year.",
            ["growth 8 yoy : company"],
        ),
        ("Year-over-year, revenues were down almost 20%.", ["growth -20 ~ yoy : company"]),
    ],
    "places said all together name no place; a place in a figure's own words is its own": [
        (
            "Our global components business continued strong demand in all regions, with sales up "
            "40% year-over-year.",
            ["growth 40 yoy : components business"],
        ),
        (
            "Our Mainland China business grew 15% led by strength at Vans which grew 21%.",
            ["growth 15 : Mainland China business"],
        ),
        (
            "Our business in Greater China reached $1.1 billion in sales, led by over 60% growth "
            "on the Mainland.",
            [],
        ),
        ("A strong quarter in China with Off-Road sales up 50%.", []),
    ],
    "guidance moved said as a noun of its measures, or as what was done to it": [
        (
            "We are also updating other financial guidance metrics for fiscal 2021, including a "
            "meaningful increase to our expectations for consolidated operating income.",
            ["guidance raised"],
        ),
        (
            "Strong profitability enabled an increase in our operating cash flow and free cash "
            "flow estimates.",
            ["guidance raised"],
        ),
        (
            "This is reflected in our improved earnings and cash flow guidance for 2021.",
            ["guidance raised"],
        ),
        # the world's forecast, or a figure set against one
        ("We prepare for a significant increase in activity forecast for the rest of 2022.", []),
        (
            "We expect a slight increase in elective procedures above our previous forecast.",
            [],
        ),
        ("Our improved outlook for the industry supports hiring.", []),
    ],
    "a growth in another measure for one period and a reported one for another are two": [
        (
            "Organic sales increased 32% for the quarter and 14% for the full year.",
            ["growth 32 : company", "growth 14 : company"],
        ),
        # one growth said two ways is read once
        (
            "Sales increased 8% on a reported basis and up 6% organically.",
            ["growth 8 : company"],
        ),
    ],
    "a share takes the whole of the share beside it": [
        (
            "Advisory represented 62%, while restructuring represented 38% of segment revenues "
            "this quarter.",
            ["share 62 : Advisory", "share 38 : restructuring"],
        ),
        (
            "Individual construction projects comprised 68% of our second quarter revenue with "
            "master service agreements comprising 32%.",
            [
                "share 68 : Individual construction projects",
                "share 32 : master service agreements",
            ],
        ),
        # another measure beside it, or a growth, gives it no whole
        (
            "Orders represented 62%, while services represented 38% of revenue.",
            ["share 38 : services"],
        ),
        (
            "Products comprised 68% of revenue with services growing 32%.",
            ["share 68 : Products", "growth 32 : services"],
        ),
    ],
    "'when', 'while' and 'where' end what a change is in; an opening clause before 'the X% "
    "increase in sales' leaves it the company's": [
        (
            "We generated a 10.8% increase in consolidated net sales when compared with the "
            "fourth quarter of last year.",
            ["growth 10.8 yoy : company"],
        ),
        (
            "As you can see, the 8.1% increase in organic net sales was driven by volume.",
            ["growth 8.1 : company"],
        ),
        # a part named after the change is the part's
        ("We generated a 10.8% increase in Europe.", ["growth 10.8 : Europe"]),
    ],
    "a bare revenue in a later clause is the part the sentence's opening frame names": [
        (
            "In Industrial, customers were holding back on capital spending and organic revenue "
            "was down more than 20% this quarter.",
            ["growth -20 > : Industrial"],
        ),
        (
            "In our Identification Solutions business, we continue to post excellent results "
            "with sales growth of 25.4%.",
            ["growth 25.4 : Identification Solutions business"],
        ),
        # a frame of a period, or of talk, names no part
        ("In addition, revenue grew 5%.", ["growth 5 : company"]),
        (
            "In the quarter, customers were cautious and revenue was down 20%.",
            ["growth -20 : company"],
        ),
    ],
    "net service revenue is revenue": [
        ("Our NSR increased by 7%.", ["growth 7 : company"]),
        ("In the Americas, NSR increased by 3%.", ["growth 3 : Americas"]),
    ],
    "a slide named before a speaker's aside opens no subject; a growth 'because of' or "
    "'thanks to' with its measure is that measure's": [
        (
            "On slide 16, as Alan just detailed, revenues were up 14% on flat volumes.",
            ["growth 14 : company"],
        ),
        (
            "Our record performance this year is primarily because of 12.8% revenue growth.",
            ["growth 12.8 : company"],
        ),
        # a growth with no measure named is no one's
        ("Margins improved because of 10% growth in Europe.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_nineteenth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def _call(*sentences: str) -> str:
    return "\n".join(sentences)


# A call's quarter: the one its speakers name as their own, with its year or as Q1-Q4 too; a
# quarter said as a base without its year (most often the quarter before) is not counted.
QUARTERS: list[tuple[str, int]] = [
    (
        _call(
            "Revenue for the fourth quarter of 2021 was $150 million.",
            "Gross margin in the fourth quarter of 2021 was 44%.",
            "Operating expenses decreased in the fourth quarter of 2021.",
        ),
        4,
    ),
    (_call("Q3 revenue grew.", "Q3 margins held.", "In Q3, we opened two plants."), 3),
    (
        _call(
            "In the fourth quarter, revenue grew.",
            "Our fourth-quarter margins held.",
            "During the fourth quarter, we opened a plant.",
            "Sales were up compared to the third quarter.",
            "Margins improved versus the third quarter.",
            "Costs were lower than the third quarter.",
        ),
        4,
    ),
    # a call that speaks of two quarters alike has none
    (
        _call(
            "In the fourth quarter, revenue grew.",
            "In the first quarter, we expect growth.",
            "In the fourth quarter, margins held.",
            "In the first quarter, margins will dip.",
        ),
        0,
    ),
]


@pytest.mark.parametrize(("text", "quarter"), QUARTERS)
def test_a_calls_quarter(text: str, quarter: int) -> None:
    assert document_quarter(text) == quarter


def test_a_calls_quarter_sets_a_quarter_base_of_its_year() -> None:
    """In a fourth quarter's call, the fourth quarter of the year before is a year before, though
    a later sentence names the third quarter of the call's own year as a base."""
    text = _call(
        "Revenue for the fourth quarter of 2021 was $150 million.",
        "Gross margin in the fourth quarter of 2021 was 44%.",
        "Operating expenses decreased in the fourth quarter of 2021.",
        "For the fourth quarter, revenue was $150.9 million, a decrease of 12.6% compared to the "
        "fourth quarter of 2020.",
        "Adjusted for divestitures, revenue grew 13.1% versus Q4 2020 and 10.4% over Q3 2021.",
    )
    read = [(s.value, s.basis) for s in read_words(text, day=dt.date(2022, 1, 30))]
    assert (-0.126, "year over year") in read
    assert (0.104, "sequential") in [(round(v, 3), b) for v, b in read if v is not None]


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=2001, max_value=2039))
def test_two_quarter_bases_name_the_sentences_own_quarter(quarter: int, year: int) -> None:
    """A column of the figure's own period: whatever quarter and year a sentence is of, the same
    quarter a year before is year over year and the quarter just before it is sequential."""
    before = (quarter - 2) % 4 + 1
    before_year = year if quarter > 1 else year - 1
    text = f"Revenue grew 13% versus Q{quarter} {year - 1} and 10% over Q{before} {before_year}."
    read = {(round(s.value * 100), s.basis) for s in read_words(text) if s.value is not None}
    assert read == {(13, "year over year"), (10, "sequential")}


@given(st.integers(min_value=1, max_value=99))
def test_a_share_beside_takes_the_whole_and_the_two_make_it(first: int) -> None:
    """A mix within its parts: a share said with no whole takes the one the share beside it
    names, and the two shares of the whole are read each with its own figure."""
    text = (
        f"Advisory represented {first}%, while restructuring represented {100 - first}% of "
        "segment revenues this quarter."
    )
    got = {
        s.subject: round(s.value * 100)
        for s in read_words(text)
        if s.kind == "share" and s.value is not None
    }
    assert got == {"Advisory": first, "restructuring": 100 - first}
    assert sum(got.values()) == 100
