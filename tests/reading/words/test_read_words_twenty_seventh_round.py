"""The twenty-seventh round's rules: words a phrase holds that name nothing (not_names.py),
found on calls of 2015 to 2018 from a second transcript source. Made-up sentences, each beside
what it states as test_read_words_classes.py writes it ([] where nothing may be read), with a
counterexample the rule must leave as it was; and the laws of each helper at its boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.reading.words.not_names import before_verb, counted, plain
from tests.reading.words.test_read_words_classes import _check
from tests.reading.words.test_truth_calls import _scorer

RULES: dict[str, list[tuple[str, list[str]] | tuple[str, list[str], dt.date]]] = {
    "an adverb opening the sentence is no name": [
        (
            "Sequentially quarterly revenues increased 18.5%, mostly on higher volumes.",
            ["growth 18.5 sequential : company"],
        ),
        (
            "Daily sales in Mexico for the quarter were down 12% and down 9% in local currency.",
            ["growth -12 : Mexico"],
        ),
        # a name that ends so is followed by another capital
        ("Sally Hansen sales grew 5% in the quarter.", ["growth 5 : Sally Hansen"]),
        ("Italy sales grew 5% in the quarter.", ["growth 5 : Italy"]),
    ],
    "'therefore', 'thus', 'hence' are words of discourse": [
        (
            "Therefore, where we are reiterating our outlook for approximately 10% growth for the "
            "full year.",
            ["guidance reiterated"],
        ),
    ],
    "a word of degree or praise is no name": [
        (
            "As you can see, we've delivered pretty strong revenue growth of 11% this quarter.",
            ["growth 11 : company"],
        ),
        (
            "Executive Search delivered good growth, up 8% year over year.",
            ["growth 8 yoy : Executive Search"],
        ),
        (
            "We closed the quarter with record-high revenue of $210 million, which is a 12% "
            "increase over the third quarter of last year.",
            ["growth 12 yoy : company"],
        ),
    ],
    "gross sales are the company's sales": [
        ("Gross sales were up 3% as reported.", ["growth 3 : company"]),
        ("Gross sales in Latin America were down 4%.", ["growth -4 : Latin America"]),
        # a margin stays a margin
        ("Gross margin was up 2% in the quarter.", []),
    ],
    "'the first time' is when, not who": [
        (
            "Revenues from our new platforms were $20 million, which for the first time "
            "accounted for 40% of total sales.",
            ["share 40 : new platforms"],
        ),
    ],
    "a conjunction before a pronoun leaves the pronoun": [
        (
            "First quarter revenues grew to $1.2 billion, and that's an increase of 14% over "
            "the first quarter of last year.",
            ["growth 14 yoy : company"],
        ),
    ],
    "a team at a place stands for that place": [
        (
            "Our team at Meridian delivered strong organic growth of 12% during a seasonally slow "
            "first quarter.",
            ["growth 12 : Meridian"],
        ),
        ("Our team delivered net sales growth of 7%.", ["growth 7 : company"]),
    ],
    "a verb with its object or adverb ends the phrase at the verb": [
        (
            "Our asset management business weathered an extremely volatile start to the year "
            "with revenues up 6% versus a year ago.",
            ["growth 6 yoy : asset management business"],
        ),
        (
            "Home insurance revenue growth slowed somewhat but still grew at 9% year-over-year.",
            ["growth 9 yoy : Home insurance"],
        ),
        # a margin's verb names no part: nothing, as before
        ("NIM contracted a tiny bit from 3.1%, down at 3.05%.", []),
    ],
    "things counted as they are acted on are a count": [
        (
            "Pharmacy sales increased by 4.1% with scripts filled up 6.3%.",
            ["growth 4.1 : Pharmacy"],
        ),
        ("Loads hauled via rail in the first quarter increased 9% over last year.", []),
        # a kind of revenue before the participle, and "as" is no noun
        (
            "Recurring revenue as reported increased 15% year-over-year.",
            ["growth 15 yoy : Recurring"],
        ),
    ],
    "a bank's income is its revenue": [
        (
            "Net interest income of $210.4 million increased $2.1 million or 1% on a linked "
            "quarter basis.",
            ["growth 1 sequential : net interest income"],
        ),
        (
            "Compared to the year-ago period, non-interest income increased 12%.",
            ["growth 12 yoy : non-interest income"],
        ),
        (
            "Mortgage banking income decreased 15% during the quarter.",
            ["growth -15 : mortgage banking"],
        ),
        ("However, service charges increased $4 million or 3%.", ["growth 3 : service charges"]),
        # a company's interest on its cash, its net income: no revenue
        ("Interest income increased 20% on higher cash balances.", []),
        ("Net income increased 12% in the quarter.", []),
    ],
    "what a clause happened with before its comma names no part of it": [
        (
            "With stable net interest income, total revenue was up 6% year-on-year.",
            ["growth 6 yoy : company"],
        ),
        (
            "With strong services revenue, total revenue was up 7% year-on-year.",
            ["growth 7 yoy : company"],
        ),
        ("Our Water business, sales declined 7%.", ["growth -7 : Water business"]),
    ],
    "'earnings' naming a release or a call is no measure; 'as you saw' is talk": [
        (
            "As you saw in our earnings release, first quarter net sales were $310 million, a "
            "decrease of $4 million, or approximately 1% from the same quarter last year.",
            ["growth -1 ~ yoy : company"],
        ),
        ("Earnings grew 12% in the quarter.", []),
        ("Your services revenue grew 12% in the quarter.", []),
    ],
    "a quarter of last year, a quarter named by its month, a hyphened quarter as a base": [
        (
            "For the drilling segment, revenue for the first quarter decreased 3% from the "
            "fourth quarter of last year.",
            ["growth -3 sequential : drilling segment"],
            dt.date(2018, 5, 3),
        ),
        (
            "Revenue for the first quarter increased 2% over the first quarter of last year.",
            ["growth 2 yoy : company"],
            dt.date(2018, 5, 3),
        ),
        (
            "Revenue came in at $1.9 billion in the March quarter, which was up roughly 11% from "
            "the December quarter.",
            ["growth 11 ~ sequential : company"],
            dt.date(2017, 4, 18),
        ),
        # a month's quarter against an ordinal one: the fiscal year is unknown
        (
            "Revenue in the first quarter was up 11% from the December quarter.",
            ["growth 11 : company"],
            dt.date(2017, 4, 18),
        ),
        (
            "Wood sales in the quarter were $640 million, up 9% from second-quarter 2015.",
            ["growth 9 yoy : Wood"],
            dt.date(2016, 7, 28),
        ),
    ],
    "counts: passengers, originations, miles driven; a market's trillions": [
        ("Originations were seasonally down 5% from last quarter.", []),
        (
            "Through our revenue management initiatives, our team was able to drive passenger "
            "growth of 8% and a 13% increase in revenue per passenger.",
            [],
        ),
        (
            "According to the Department of Transportation, miles driven in the United States "
            "were up 1.2% in April.",
            [],
        ),
        ("Total retail sales in the U.S. grew 4% to $3.5 trillion.", []),
        ("Passenger revenue grew 8% in the quarter.", ["growth 8 : Passenger"]),
    ],
    "general and administrative costs however named, a market's index": [
        ("SSG&A as a percentage of revenues was 23.7%.", []),
        ("MG&A grew 4% in the quarter.", []),
        (
            "U.S. real estate returned 8.1% compared with the S&P 500, which was up 12.1%.",
            [],
        ),
        ("The NASDAQ Composite rose 43.6% in the year.", []),
        ("Circulation revenues at Dow Jones grew 6%.", ["growth 6 : Dow Jones"]),
        ("Our Russell brand sales grew 5%.", ["growth 5 : Russell brand"]),
    ],
}


@pytest.mark.parametrize(
    ("text", "expected", "day"),
    [
        pytest.param(
            case[0], case[1], case[2] if len(case) > 2 else None, id=f"{rule}: {case[0][:50]}"
        )
        for rule, table in RULES.items()
        for case in table
    ],
)
def test_the_twenty_seventh_rounds_rules(
    text: str, expected: list[str], day: dt.date | None
) -> None:
    _check(text, expected, day)


@pytest.mark.parametrize(
    ("words", "left"),
    [
        (["Sequentially", "quarterly", "revenues"], ["quarterly", "revenues"]),
        (["Sequentially"], []),
        (["Daily", "sales"], ["sales"]),
        (["Sally", "Hansen"], ["Sally", "Hansen"]),  # a capital after it: a name
        (["Italy", "sales"], ["Italy", "sales"]),  # a place that ends so
        (["ITALY", "sales"], ["ITALY", "sales"]),  # capitals: a name as written
        (["and", "that"], ["that"]),
        (["Our", "team", "at", "Pursuit"], ["Pursuit"]),
        (["team", "at", "Pursuit"], ["Pursuit"]),
        (["the", "first", "time"], []),
        (["Our", "team"], ["Our", "team"]),
    ],
)
def test_plain_words(words: list[str], left: list[str]) -> None:
    assert plain(words) == left


@pytest.mark.parametrize(
    ("words", "left"),
    [
        (["business", "weathered", "an", "start"], ["business"]),
        (["revenue", "growth", "slowed", "somewhat", "but"], ["revenue", "growth"]),
        (["NIM", "contracted", "a"], ["NIM", "contracted", "a"]),  # no part named before it
        (["business", "we", "recorded", "a"], ["business", "we", "recorded", "a"]),  # ours
        (["business", "weathered"], ["business", "weathered"]),  # nothing after the verb
        (["business", "Advanced", "a"], ["business", "Advanced", "a"]),  # a name's capital
        (["sales", "grew"], ["sales", "grew"]),
    ],
)
def test_a_verb_ends_the_phrase(words: list[str], left: list[str]) -> None:
    assert before_verb(words) == left


@pytest.mark.parametrize(
    ("words", "is_count"),
    [
        (["scripts", "filled"], True),
        (["loads", "hauled", "via", "truck"], True),
        (["premiums", "earned"], False),
        (["parts", "and", "services", "witnessed"], False),  # kinds of revenue
        (["revenue", "as", "reported"], False),  # no noun before the participle
        (["scripts", "filled", "the"], False),  # an object after it: a clause
        (["Connected", "Homes"], False),
        (["business", "processed"], False),  # a part word
        (["glass", "shipped"], False),  # no plural
    ],
)
def test_things_counted(words: list[str], is_count: bool) -> None:
    assert counted(words) is is_count


def test_a_call_named_by_its_day_is_read_on_that_day() -> None:
    """The scorer (tools/truth_calls.py) reads a call named TICKER_YYYYMMDD, as the second
    source's calls are, on the day it was held; one named TICKER_qN_YYYY a month after its
    quarter's end; any other name on no day."""
    scorer = _scorer()
    assert scorer.call_day("PX_20151029.txt") == dt.date(2015, 10, 29)
    assert scorer.call_day("A_q4_2020.txt") == dt.date(2021, 1, 30)
    assert scorer.call_day("notes.txt") is None
    assert scorer.call_day("PX_20151399.txt") is None  # no such day
