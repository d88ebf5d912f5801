"""The twenty-seventh round's rules: words a phrase holds that name nothing (not_names.py),
found on calls of 2015 to 2018 from a second transcript source. Made-up sentences, each beside
what it states as test_read_words_classes.py writes it ([] where nothing may be read), with a
counterexample the rule must leave as it was; and the laws of each helper at its boundary."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys

import pytest

from catalyst_tui.reading.words.not_names import before_verb, counted, plain
from tests.reading.words.test_read_words_classes import _check, by_rule
from tests.support.shared import REPO

RULES: dict[str, list[tuple[str, list[str]]]] = {
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
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_twenty_seventh_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


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
    spec = importlib.util.spec_from_file_location("truth_calls", REPO / "tools" / "truth_calls.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    sys.modules["truth_calls"] = scorer
    spec.loader.exec_module(scorer)
    assert scorer.call_day("PX_20151029.txt") == dt.date(2015, 10, 29)
    assert scorer.call_day("A_q4_2020.txt") == dt.date(2021, 1, 30)
    assert scorer.call_day("notes.txt") is None
    assert scorer.call_day("PX_20151399.txt") is None  # no such day
