"""A pattern led by the characters its match may open with (reading/leads.py): it matches what
the pattern matches, at the same places, on any text, and refuses at once elsewhere."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from catalyst_tui.reading.leads import first_class, led

# Characters that test a lead: letters whose case folds to another letter (the Kelvin sign
# folds to k, the long s to s, the dotted capital I to i), digits, a class's own marks.
_CHARS = "abkKsSiI\u212a\u017f\u0130\u0131 5%-]^.,\n"
_LETTERS = "abksi5%-]^"


_ATOMS = [re.escape(c) for c in _LETTERS] + ["ab", "ks", "Si"]
_ATOMS += [r"[ak]", r"[^a]", r"[a-k]", r"[\d%]", r"\d", r"\w", r"\s", r"[-\]^s]", r"."]
_REPEATS = ["?", "*", "+", "{0,2}", "{1,2}", "*+", "??"]
_WRAPS = ["(?:{})", "(?i:{})", "({})", "(?>{})", r"\b{}", r"(?<![\w.]){}", "(?!a){}", "^{}"]


@st.composite
def _pattern(draw: st.DrawFn, depth: int = 0) -> str:
    """A pattern of the constructs a reader's patterns are written with."""
    if depth >= 3 or draw(st.booleans()):
        return draw(st.sampled_from(_ATOMS))
    inner = _pattern(depth + 1)
    how = draw(st.sampled_from(["then", "or", "wrap", "repeat"]))
    if how == "then":
        return draw(inner) + draw(inner)
    if how == "or":
        return f"{draw(inner)}|{draw(inner)}"
    if how == "wrap":
        return draw(st.sampled_from(_WRAPS)).format(draw(inner))
    return f"(?:{draw(inner)}){draw(st.sampled_from(_REPEATS))}"


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(
    _pattern(),
    st.sampled_from([0, re.I, re.M, re.I | re.M]),
    st.text(alphabet=_CHARS, max_size=40),
)
def test_a_led_pattern_finds_what_the_pattern_finds(source: str, flags: int, text: str) -> None:
    plain = re.compile(source, flags)
    quick = led(source, flags)
    try:
        expected = _found(plain, text)
    except SystemError:  # CPython's re fails on a capture inside some possessive repeats
        reject()  # ("(?:(%)|(?:[^a])?)*+" over "%5"): nothing to hold the lead to
    assert _found(quick, text) == expected
    for at in range(len(text) + 1):
        assert bool(quick.match(text, at)) == bool(plain.match(text, at))
    assert quick.sub("#", text) == plain.sub("#", text)


def test_the_lead_is_the_characters_a_match_opens_with() -> None:
    assert first_class(r"\b(?:grew|rose)\b", re.I) == "[gr]"
    assert first_class(r"(?<![\w.])\d+%") == r"[\d]"
    assert first_class(r"(?:up|down)?\s*from") == r"[\sdfu]"
    # a word in any case within a pattern that is not: its letters in any case
    assert first_class(r"(?i:grew)|X") == "(?:[X]|(?i:[g]))"
    # a class of its own marks, each escaped
    assert first_class(r"[-\]^]x") == r"[\-\]\^]"


@pytest.mark.parametrize(
    "source",
    [
        r"a?",  # may match nothing
        r"\b",  # nothing but a boundary
        r".x",  # any character
        r"[^a]x",  # any but one
        r"(?P<a>x)?(?(a)y|z)",  # a condition on a group
        r"(?i)grew",  # flags of the whole pattern at its start
    ],
)
def test_no_lead_where_a_match_may_open_with_anything(source: str) -> None:
    assert first_class(source) is None
    assert led(source).pattern == source


def test_a_lead_skips_where_no_match_may_open() -> None:
    """Every alternative opens at a word boundary: the boundary first, then the lead."""
    words = led(r"\b(?:deferred|unearned)\s+revenue\b", re.I)
    assert words.pattern.startswith(r"\b(?=[du])")
    assert led(r"(?:deferred|unearned)\s+revenue", re.I).pattern.startswith("(?=[du])")
    assert words.search("x " * 1000 + "Deferred revenue") is not None
    assert words.search("x " * 1000) is None


@pytest.mark.parametrize("source", [r"to\s+be", r",\s*which", r"[$€£]\d"])
def test_a_pattern_re_scans_for_itself_is_compiled_as_written(source: str) -> None:
    """A literal or a class of literals said in one case opens it: re's own scan finds where
    it may start, which a look-ahead before it would hide."""
    assert led(source).pattern == source


def test_a_literal_said_in_any_case_is_led() -> None:
    """re scans for no literal of a pattern that ignores case: the lead is its scan."""
    assert led(r"to\s+be", re.I).pattern.startswith("(?=")
