"""The sentences of a document and its passages (thesis/evidence/passages.py) on hostile text and
on a sentence said three times: splitting and matching grow linearly with the text whatever it
holds ("Scorpio revenue grew 17" and 100,000 dots took minutes: every dot of the run was a try
that read to its end), and a sentence a document says again in the same words is one passage,
whatever the order it is said in."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.thesis.evidence.passages import Matcher, parse_entry, sentences
from tests.support.growth import assert_linear

ENTRIES = [parse_entry("Scorpio revenue"), parse_entry("Blackwell")]
# What a sentence's end is made of, and what is read around it: marks, quotes, brackets, space,
# the upper-case letter and the digit that start a sentence, the initial and the abbreviation.
PIECES = st.lists(
    st.sampled_from(
        [
            ".",
            "!",
            "?",
            "'",
            '"',
            ")",
            "]",
            "”",
            " ",
            "\n",
            "A",
            "a",
            "1",
            "Inc",
            "Item 9",
            "Scorpio",
        ]
    ),
    min_size=1,
    max_size=6,
).map("".join)


def matched(text: str) -> list[str]:
    return [p.text for p in Matcher(text).find(ENTRIES)]


def test_a_number_followed_by_100000_dots_is_split_at_once():
    """The issue's document: one sentence, found, read linearly."""
    text = "Scorpio revenue grew 17" + "." * 100_000
    assert sentences(text) == [(0, len(text))]
    assert_linear(lambda n: "Scorpio revenue grew 17" + "." * n, sentences, 25_000)


@settings(max_examples=8)
@given(PIECES)
def test_splitting_and_matching_grow_linearly_on_any_repeated_text(piece: str):
    def document(n: int) -> str:
        return "Scorpio revenue grew 17" + piece * (n // len(piece))

    assert_linear(document, sentences, 20_000)
    assert_linear(document, matched, 20_000)


def test_a_line_of_thousands_of_matching_sentences_is_judged_once():
    """Each matching sentence read its whole line again for boilerplate: quadratic in a line."""
    assert_linear(lambda n: "Scorpio revenue grew. " * (n // 22), matched, 20_000)


SUMMARY = "Blackwell Data Center revenue grew 17% sequentially."
BULLET = "•Blackwell Data Center revenue grew 17% sequentially"
PROSE = (
    "NVIDIA today reported revenue for the third quarter. Blackwell Data Center revenue grew "
    "17% sequentially. Gaming revenue was flat."
)


@pytest.mark.parametrize("order", list(itertools.permutations([SUMMARY, BULLET, PROSE])))
def test_a_sentence_said_three_times_is_one_passage_whatever_the_order(order):
    """A feed item's summary, its page's bullet and the page's prose: one passage, where the
    document first says it, with the entry it matched."""
    text = "NVIDIA Announces Financial Results for Third Quarter.\n" + "\n".join(order)
    found = Matcher(text).find(ENTRIES)
    assert len(found) == 1, found
    [passage] = found
    assert passage.entry == "Blackwell"
    assert "Blackwell Data Center revenue grew 17% sequentially" in passage.text
    assert passage.start == min(text.index(s) for s in ("Blackwell", "•Blackwell"))


def test_sentences_that_differ_in_a_word_are_two_passages():
    text = f"{SUMMARY}\nBlackwell Data Center revenue grew 18% sequentially."
    assert len(matched(text)) == 2
