"""The twenty-fourth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was; and the documents whose franchisees or dealers make their "retail
sales" theirs (others_sales.py)."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.patterns import COMPARISON, compared_at_end
from catalyst_tui.reading.words.verb_forms import without_verb
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a verb by its form and place is no word of a subject's name": [
        (
            "Our field services divisions exited the quarter with September revenues up 14.2% "
            "versus the prior year.",
            ["growth 14.2 yoy : field services divisions"],
        ),
        (
            "We have worked to close the revenue gap every month, with fourth quarter "
            "residential growth only 1.5% below last year.",
            [],
        ),
        (
            "A year ago we were celebrating net sales growth that was up nearly 35% from the "
            "prior year.",
            [],
        ),
        # a participle before its noun is an adjective of the name
        ("Managed services revenue grew 9% in the quarter.", ["growth 9 : Managed services"]),
        (
            "Our connected fitness business grew 31% year-over-year.",
            ["growth 31 yoy : connected fitness business"],
        ),
    ],
    "a name in capitals is no word of grammar": [
        (
            "The Pumps segment was up 4%, while AS revenue was up 2% on higher volumes.",
            ["growth 4 : Pumps segment", "growth 2 : AS"],
        ),
        ("IT revenue grew 6% in the quarter.", ["growth 6 : IT"]),
        # in words, "as" is as before
        ("As expected, revenue grew 6% in the quarter.", ["growth 6 : company"]),
    ],
    "an apposition that says which part (namely) or where leaves the head its figure": [
        (
            "Our industrial segment, namely the valves business, was up 21% year-over-year.",
            ["growth 21 yoy : industrial segment"],
        ),
        (
            "Sales from the online channel, where we see most of our new customers, improved 45% "
            "over the prior year period.",
            ["growth 45 yoy : online channel"],
        ),
    ],
    "what a part is made of, said after it, leaves the part its figure": [
        (
            "Our Energy segment, which consists of turbines and mining, was up 14% year-over-year.",
            ["growth 14 yoy : Energy segment"],
        ),
        (
            "The Fluids segment, which is made up of pumps and meters, grew 9%.",
            ["growth 9 : Fluids segment"],
        ),
    ],
    "a figure set after the part a whole was led by is the part's": [
        (
            "Revenue was led by Defense, up 12% year-over-year, and contributing to a total "
            "increase of 9%.",
            ["growth 12 yoy : Defense"],
        ),
        ("Revenue was up 12% year-over-year, led by Defense.", ["growth 12 yoy : company"]),
    ],
    "an outlook set against a period's results moves no guidance": [
        ("Our fourth quarter revenue outlook is $30 million higher than the third quarter.", []),
        (
            "At the midpoint, our third quarter guidance is $0.04 per share lower than our "
            "second quarter results.",
            [],
        ),
        # against itself it is moved
        ("Our revenue outlook is now $30 million higher.", ["guidance raised : company"]),
    ],
    "a price realized is no revenue": [
        ("Our sales realizations increased by 25% in the quarter.", []),
        ("Our sales increased by 25% in the quarter.", ["growth 25 : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_twenty_fourth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


_FRANCHISOR = (
    "Our franchisees opened 120 stores in the quarter.\n"
    "Global retail sales grew 8.5% as compared to the third quarter of 2020.\n"
    "U.S. retail sales grew 3.1% and international retail sales grew 12.4%.\n"
    "Revenues increased 6.2% to $1.0 billion.\n"
)


def test_a_franchisors_retail_sales_are_its_stores_not_its_revenue() -> None:
    read = [(s.kind, s.subject, round((s.value or 0) * 100, 1)) for s in read_words(_FRANCHISOR)]
    assert read == [("growth", "revenue", 6.2)]


def test_a_dealers_retail_sales_are_theirs() -> None:
    text = "Our dealers ended the quarter lean.\nNorth American retail sales were down 28%.\n"
    assert read_words(text) == ()


def test_a_retailers_own_retail_sales_are_read() -> None:
    text = "Our stores reopened in May.\nRetail sales grew 8.5% in the quarter.\n"
    assert [(s.subject, s.value) for s in read_words(text)] == [("Retail", 0.085)]


@pytest.mark.parametrize(
    ("sentence", "subject", "cut"),
    [
        ("Our divisions exited the quarter with revenues up 5%.", "divisions exited", "divisions"),
        ("We continued to narrow the revenue gap.", "narrow", ""),
        ("We were discussing sales growth of 40%.", "discussing", ""),
        ("Managed services revenue grew 9%.", "Managed services", None),
        ("Revenue exited the quarter up 5%.", "Revenue", None),
    ],
)
def test_a_subject_without_its_verb(sentence: str, subject: str, cut: str | None) -> None:
    assert without_verb(sentence, subject) == cut


@pytest.mark.parametrize(
    "text",
    [
        "grew by more than",
        "revenue was up approximately",
        "moreover",
        "sales grew by plus ",
        "it rose  ",
        "in excess of",
        "was, ",
        "",
        "into",
        "over.",
    ],
)
def test_the_comparison_at_a_texts_end_is_the_whole_searchs(text: str) -> None:
    """compared_at_end skips what cannot end a comparison; it finds what the search finds."""
    for start in range(len(text) + 1):
        fast, slow = compared_at_end(text, start), COMPARISON.search(text, start)
        assert slow is not None
        assert (fast.span(), fast["cmp"]) == (slow.span(), slow["cmp"])


def test_an_officers_title_in_capitals_names_the_company() -> None:
    """ "Total VF revenue" is the company's where its call names "VF's Chairman"; where no
    line names it so, whose total it is stays unsaid."""
    said = "Total VF revenue increased 21% to $3.2 billion.\n"
    opening = "Joining me on the call will be VF's Chairman, President and CEO, Jane Doe.\n"
    read = [(s.subject, s.value) for s in read_words(opening + said)]
    assert read == [("revenue", 0.21)]
    assert read_words(said) == ()
