"""Word lists as patterns: a word list read as a set and as a pattern of whole words."""

from __future__ import annotations

import re

from catalyst_tui.reading.lines import add_span, line_spans
from catalyst_tui.reading.wordlists import any_word, one_of, word_set


def test_a_word_list_is_its_words() -> None:
    assert word_set("""was were
    is""") == {"was", "were", "is"}


def test_any_word_finds_whole_words_only() -> None:
    said = any_word("grew rose")
    assert said.search("Revenue rose 5%") is not None
    assert said.search("Revenue GREW 5%") is not None  # case aside
    assert said.search("a rosewood table grewsome") is None


def test_an_underscore_is_white_space_and_a_tilde_a_hyphen_or_a_space() -> None:
    said = any_word("came_in top~line")
    assert said.search("it came   in at 4%") is not None
    assert said.search("top-line growth") is not None
    assert said.search("top line growth") is not None
    assert said.search("topline growth") is None


def test_a_named_group_an_end_and_another_alternative() -> None:
    said = any_word("organic core", name="m", end="", also=";")
    found = said.search("coreless growth")
    assert found is not None and found["m"] == "core"  # no word's end asked
    assert said.search("x; y") is not None
    assert one_of("a b_c") == r"(?:a|b\s+c)"


def test_a_word_list_pattern_is_linear_on_a_long_text() -> None:
    said = any_word("increased_to grew_to rose_to", end=r"\b(?:[^%]{0,40}?\bor\b)?[^%]{0,25}$")
    text = "increased " * 10_000  # 100,000 characters, never a match
    assert said.search(text) is None
    assert isinstance(said, re.Pattern)


def test_lines_and_spans_without_their_white_space() -> None:
    text = "  one. \n\ntwo\n"
    assert list(line_spans(text)) == [(0, 7), (8, 8), (9, 12), (13, 13)]
    spans: list[tuple[int, int]] = []
    for start, end in line_spans(text):
        add_span(spans, text, start, end)
    assert [text[a:b] for a, b in spans] == ["one.", "two"]
