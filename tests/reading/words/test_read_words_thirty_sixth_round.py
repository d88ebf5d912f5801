"""The thirty-sixth round's rules, found on calls of a newer era and another transcript source
(paragraphs of several sentences a line, each opened by its speaker's name): a sentence that
opens with a name written with a capital after its first letter ("iPhone"), a basis broken at
its hyphen ("year-over- year"), a line's name with "and" in it before revenue's word ("Xbox
content and services revenue"), a word of talk that is one only where it ends the subject
("the good news", not "news advertising"), an opening "All up," that names no part, and things
counted on a named platform ("comments on LinkedIn"), no line's revenue. Made-up sentences,
each beside what it states as test_read_words_classes.py writes it ([] where nothing may be
read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.sentences import sentence_spans
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a sentence may open with a name written with a capital after its first letter": [
        (
            "Let me start with iPad. iPad revenue was $6.6 billion, down 8% from a year ago.",
            ["growth -8 yoy : iPad"],
        ),
        (
            "Turning to marketplaces. eBay sales were up 12% year over year.",
            ["growth 12 yoy : eBay"],
        ),
        # an abbreviation before it still ends no sentence, and an example is no subject
        ("Sales of devices, e.g. iPad, grew 5%.", []),
    ],
    "a basis broken at its hyphen is the basis": [
        (
            "Mac revenue was $8 billion, up 15% year-over- year, driven by MacBook Air.",
            ["growth 15 yoy : Mac"],
        ),
        (
            "Services revenue grew 4% quarter-over- quarter.",
            ["growth 4 sequential : Services"],
        ),
        ("Mac revenue was $8 billion, up 15% year over year.", ["growth 15 yoy : Mac"]),
    ],
    "a line's name may hold 'and' before revenue's word; two measures joined do not": [
        (
            "Xbox content and services revenue increased 13%.",
            ["growth 13 : Xbox content and services"],
        ),
        (
            "Search and news advertising revenue increased 21% and 20% in constant currency.",
            ["growth 21 : Search and news advertising", "alt 20"],
        ),
        # two measures: a measure before the join, or only a qualifier after it
        ("Orders and net sales increased 13%.", []),
        ("EBITDA and services revenue increased 13%.", []),
        ("The good news is that revenue increased 13%.", ["growth 13 : company"]),
    ],
    "an opening 'All up,' names no part": [
        (
            "All up, Microsoft Cloud surpassed $168 billion in annual revenue, up 23%.",
            ["growth 23 : Microsoft Cloud"],
        ),
        ("All-in, our cloud business grew revenue 23%.", ["growth 23 : cloud business"]),
    ],
    "things counted on a named platform are no line's revenue": [
        ("AI projects on GitHub more than doubled over the last year.", []),
        (
            "All up, comments on LinkedIn rose over 30% and video uploads increased over 20%.",
            [],
        ),
        ("Our video views on Snapchat and TikTok are up 22% and 29%, respectively.", []),
        # revenue on a platform is its revenue
        ("Sales on Amazon grew 30% year over year.", ["growth 30 yoy : Amazon"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_sixth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Let me start with iPad. iPad revenue fell.", 2),
        ("Sales of devices, e.g. iPad, grew.", 1),
        ("We sell in the U.S. iPad sales grew.", 1),  # an abbreviation's stop ends no sentence
        ("It was a good year. eBay grew.", 2),
        ("It was a good year. ebay grew.", 1),  # lower case throughout: no name, no new sentence
    ],
)
def test_a_name_with_a_capital_after_its_first_letter_may_open_a_sentence(
    text: str, cut: int
) -> None:
    assert len(sentence_spans(text)) == cut


_NAMES = st.sampled_from(["iPhone", "iPad", "eBay", "iCloud", "Mac", "Wearables"])


@given(st.lists(st.tuples(_NAMES, st.integers(min_value=1, max_value=90)), min_size=1, max_size=6))
def test_a_paragraph_of_sentences_gives_each_its_own_figure(said: list[tuple[str, int]]) -> None:
    """A law: a speaker's paragraph of sentences, each a line's revenue and its growth, whatever
    the names that open them (a capital first or after it), is cut into those sentences and
    reads each line's figure from its own sentence, in order, and no other."""
    text = " ".join(f"{name} revenue was up {figure}% year-over- year." for name, figure in said)
    assert len(sentence_spans(text)) == len(said)
    read = [(s.kind, s.subject, round((s.value or 0) * 100), s.basis) for s in read_words(text)]
    assert read == [("growth", name, figure, "year over year") for name, figure in said]
