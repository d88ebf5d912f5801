"""Word lists as patterns: a vocabulary written once as words, read as a set or as a pattern
that finds any of them. A pattern built here is an alternation of fixed words between word
bounds, linear on any text (no word repeats, none nests another's repetition).

A word is written as it stands; `_` inside it stands for white space ("came_in" finds "came in"
and "came  in"), `~` for a hyphen or one space ("top~line" finds "top-line" and "top line"), and
a word may carry a small pattern of its own ("revenues?", "declin(?:e|ed|ing)_to")."""

from __future__ import annotations

import re

from .leads import led

__all__ = ["any_word", "one_of", "word_set"]


def word_set(text: str) -> frozenset[str]:
    """The words of `text`, split on white space."""
    return frozenset(text.split())


def one_of(words: str) -> str:
    """An alternation, as a group that captures nothing, of the words of `words`."""
    return "(?:" + "|".join(_word(w) for w in words.split()) + ")"


def _word(word: str) -> str:
    return word.replace("_", r"\s+").replace("~", "[- ]")


def any_word(
    words: str,
    *,
    also: str = "",
    name: str = "",
    end: str = r"\b",
    flags: re.RegexFlag = re.I,
) -> re.Pattern[str]:
    """A pattern that finds any of the words of `words` from a word's start, to a word's end
    (`end`: what must follow instead; "" for a word's start alone); `name`: the group it is
    found as; `also`: another alternative, a pattern of its own. Case aside unless `flags` say
    otherwise."""
    inner = one_of(words)
    if name:
        inner = f"(?P<{name}>{inner[3:]}"
    return led(rf"\b{inner}{end}" + (f"|{also}" if also else ""), flags)
