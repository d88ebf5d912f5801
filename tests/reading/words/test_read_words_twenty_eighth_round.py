"""The twenty-eighth round's rules: structures of the second transcript source's calls (2015 to
2018) that no rule read, or read wrong. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was; and the laws of each helper at its boundary."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.not_names import counted, undegreed
from catalyst_tui.reading.words.sentences import sentence_spans
from tests.reading.words.test_read_words_classes import _check

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a part grows its own revenue, named as the verb's object": [
        (
            "Our Pumps segment grew its core revenues 4.2% year over year.",
            ["growth 4.2 yoy : Pumps segment"],
        ),
        (
            "In the quarter, the Films segment grew its net sales 11.5%.",
            ["growth 11.5 : Films segment"],
        ),
        ("Our Labels business grew their revenues 6%.", ["growth 6 : Labels business"]),
        # what it grew is no revenue
        ("The Asia region grew its market share 4%.", []),
        ("Our Pumps segment grew its backlog 9%.", []),
    ],
    "both amounts, then the growth": [
        (
            "Service revenue increased to $4.1 million from $3.8 million, or 7.9%.",
            ["growth 7.9 : Service"],
        ),
        (
            "Revenue increased to $12.4 million compared with $11.0 million, or 12.7%.",
            ["growth 12.7 : company"],
        ),
        # the same words of another measure
        ("Operating expenses increased to $2.2 million from $2.1 million, or 4.8%.", []),
    ],
    "a word of size between the verb and its figure": [
        ("Net sales were down a modest 3% from the prior year.", ["growth -3 yoy : company"]),
        ("Revenue rose a remarkable 41% in the quarter.", ["growth 41 : company"]),
        ("Canada grew a slight 1.5% in local currency.", ["growth 1.5 : Canada"]),
        ("Our margin improved a modest 3% in the quarter.", []),
    ],
    "a word of degree before a discourse word is no name": [
        (
            "Most notably revenue in Brazil was up about 31% year-over-year.",
            ["growth 31 ~ yoy : Brazil"],
        ),
        ("More importantly Japan revenue grew 8%.", ["growth 8 : Japan"]),
    ],
    "a base said after 'than in', or after the measure's own amount": [
        (
            "Revenue from our coatings was 14% higher than in the same quarter last year.",
            ["growth 14 yoy : coatings"],
        ),
        (
            "Refill sales increased by 9.2% to $30.1 million for the quarter compared to refill "
            "sales of $27.6 million for the same quarter the prior year.",
            ["growth 9.2 yoy : Refill"],
        ),
        # a year named after "than in" is no such base
        ("Revenue was 14% higher than in 2019.", ["growth 14 : company"]),
    ],
    "a period named by its end frames nothing": [
        (
            "For the second fiscal quarter ended on June 30, 2017, our sales were $41.2 million "
            "compared to sales of $37.5 million for the same period the prior year, an increase "
            "of 9.9%.",
            ["growth 9.9 yoy : company"],
        ),
        (
            "For the six months ended December 31, 2017, revenue was $88.0 million, up 6%.",
            ["growth 6 : company"],
        ),
        ("For the quarter ended June 30, Canada sales were up 5%.", ["growth 5 : Canada"]),
    ],
    "a change of its own with no figure keeps its basis": [
        ("Revenue was up 12%, down slightly sequentially.", ["growth 12 : company"]),
        ("Revenue was up 12%, flat sequentially.", ["growth 12 : company"]),
        (
            "For resins, we are up year-over-year about 9%, down slightly sequentially.",
            [],  # "we are up … for resins": no measure said
        ),
        ("Revenue was up 12% year over year, flat sequentially.", ["growth 12 yoy : company"]),
    ],
    "a quarter of no year named against the clause's own": [
        (
            "First-quarter revenue for our Sensors business was a record, up 9% from an "
            "already strong fourth quarter.",
            ["growth 9 sequential : Sensors business"],
        ),
        (
            "In the third quarter, revenue was up 17% compared to last year's third quarter.",
            ["growth 17 yoy : company"],
        ),
        # a basis said otherwise stands: the quarter named after it settles nothing
        (
            "Aftermarket revenue was $612 million, up 6% year-over-year on steady demand and "
            "relative to the second quarter, it is in line with normal seasonality.",
            ["growth 6 yoy : Aftermarket"],
        ),
        (
            "Advertising revenue in the first quarter was up 11% versus the prior year and second "
            "quarter-to-date advertising sales are pacing up.",
            ["growth 11 yoy : Advertising"],
        ),
    ],
    "things counted as they are acted on, and a profit said 'gross', are no revenue": [
        ("Term Life submitted applications were up 18% compared to the prior year.", []),
        ("Warranty gross was $38 million up 14%; body shop gross was $21 million up 9%.", []),
        ("Parts and service revenue grew 8%.", ["growth 8 : Parts and service"]),
        ("Gross sales grew 5%.", ["growth 5 : company"]),
    ],
    "revenue counted per a unit, a verb between, is no revenue": [
        ("It was further helped by a 14% increase in revenue earned per contract.", []),
        ("Revenue grew 14% in the quarter.", ["growth 14 : company"]),
    ],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(case[0], case[1], id=f"{rule}: {case[0][:50]}")
        for rule, table in RULES.items()
        for case in table
    ],
)
def test_the_twenty_eighth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("words", "left"),
    [
        (["Most", "notably", "revenue"], ["notably", "revenue"]),
        (["More", "importantly", "Japan", "revenue"], ["importantly", "Japan", "revenue"]),
        (["Most", "revenue"], ["Most", "revenue"]),  # no discourse word after it
        (["Most", "notably"], ["Most", "notably"]),  # nothing after them
        (["Korea", "notably", "revenue"], ["Korea", "notably", "revenue"]),
    ],
)
def test_a_word_of_degree(words: list[str], left: list[str]) -> None:
    assert undegreed(words) == left


@pytest.mark.parametrize(
    ("words", "is_count"),
    [
        (["submitted", "applications"], True),
        (["Medicare", "funded", "loans"], True),
        (["Warranty", "gross"], True),
        (["gross"], False),  # alone: no name before it
        (["Used", "vehicles"], False),  # no noun of things counted
        (["submitted", "revenue"], False),
        (["non-specified", "applications"], False),  # an adjective, no participle
        (["applications", "submitted", "the"], False),
    ],
)
def test_things_counted_before_their_noun(words: list[str], is_count: bool) -> None:
    assert counted(words) is is_count


def test_a_line_broken_after_an_abbreviation_goes_on() -> None:
    """A line that ends on an abbreviation without its stop, the next going on in lower case,
    is one sentence with the next ("… 6% in U.S" / "dollars"): "U.S." is no place there."""
    text = (
        "Total revenue was $9.6 billion, up 4% from last year and 6% in U.S\n"
        "dollars.\n"
        "Sales in U.S\n"
        "Europe grew 5%.\n"
        "We sell in the U.K"
    )
    spans = [text[a:b] for a, b in sentence_spans(text)]
    assert spans == [
        "Total revenue was $9.6 billion, up 4% from last year and 6% in U.S\ndollars.",
        "Sales in U.S",  # the next line opens with a capital: a sentence of its own
        "Europe grew 5%.",
        "We sell in the U.K",  # the text's last line
    ]
    assert all(read.subject != "U.S." for read in read_words(text))
