"""text.printable's laws, over any text: nothing it returns can command a terminal or read
otherwise than it is stored (no control character, no invisible format character but ZWNJ and
ZWJ, no lone surrogate), and text that holds none of those comes back as it went in."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.text import printable

KEPT_FORMAT = {"\u200c", "\u200d"}  # ZWNJ, ZWJ: scripts and emoji sequences need them


def _shown_badly(c: str, multiline: bool) -> bool:
    category = unicodedata.category(c)
    if category == "Cc":
        return not (multiline and c in "\n\t")
    return category == "Cs" or (category == "Cf" and c not in KEPT_FORMAT)


def test_every_format_character_but_zwnj_and_zwj_is_removed():
    """The list in text.py against the whole of unicodedata's category Cf."""
    format_characters = [
        chr(n) for n in range(sys.maxunicode + 1) if unicodedata.category(chr(n)) == "Cf"
    ]
    left = [c for c in format_characters if printable(f"a{c}b") != "ab"]
    assert left == sorted(KEPT_FORMAT)


@given(st.text(), st.booleans())
def test_nothing_printable_returns_is_a_control_a_format_character_or_a_surrogate(text, multi):
    shown = printable(text, multiline=multi)
    assert not any(_shown_badly(c, multi) for c in shown), repr(shown)
    shown.encode("utf-8")  # a terminal, a file and SQLite can all hold it


@given(st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_text_without_such_characters_is_kept_as_it_is(text):
    assert printable(text) == text
    assert printable(text, multiline=True) == text
