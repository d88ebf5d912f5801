"""What looks like guidance moved or standing and is not (guidance.py asks each; a verb whose
object runs past another verb or a condition, "we increased volumes and are trending toward the
high end of our guidance range", is guidance.py's _FILLER's):

- a view, no guidance: an outlook said favourable, positive, constructive or cautious ("we
  maintain a favorable outlook for fiscal '22"), and a prior outlook of a market's growth said
  again where the sentence names no measure of the company's ("we expect 26% weighted average
  market growth for the year, reiterating our prior outlook");
- a result set against guidance: "costs of $3.19 per ounce, which was below our lower end of
  guidance";
- what guidance assumes: "Our 2022 guidance assumes that our capital structure will remain in
  place" (the structure stands, not the guidance), and what an assumption is set against
  ("have assumed that global industry production will be … lower than prior guidance");
- an outlook said to stay a view: "the long-term outlook continues to be very robust"."""

from __future__ import annotations

import re

__all__ = [
    "assumed",
    "assumed_before",
    "market_only",
    "result_against",
    "view_after",
    "view_said",
]

_VIEW = re.compile(
    r"\b(?:favou?rable|positive|constructive|cautious|optimistic|encouraging|bright|upbeat)\s+"
    r"(?:[\w-]+\s+)?outlook\b",
    re.I,
)
_VIEW_AFTER = re.compile(
    r"\s*(?:(?:very|quite|extremely|really|so)\s+)?(?:robust|strong|positive|favou?rable|bright|"
    r"solid|healthy|good|great|attractive|constructive|challenging|uncertain|cautious|"
    r"encouraging|promising)\b",
    re.I,
)
_ASSUMED_BEFORE = re.compile(r"\bassum(?:e|es|ed|ing)\s+that\b", re.I)
_MARKET_GROWTH = re.compile(r"\bmarket\s+growth\b", re.I)
# A result said against guidance: "which was below our lower end of guidance", "came in above".
_RESULT = re.compile(
    r"\b(?:was|were|came\s+in|ended|finished|landed|is|are)\s+(?:\w+\s+){0,2}?"
    r"(?:below|above|under|over|ahead\s+of|short\s+of|within|toward|towards|at)\s+$",
    re.I,
)
_ASSUMES = re.compile(
    r"\b(?:assum|reflect|includ|contemplat|incorporat|presum)(?:e|es|ed|ing|s)?\s+(?:that\b)?",
    re.I,
)


def view_said(words: str) -> bool:
    """Whether the outlook a verb acts on (`words`, the verb and its object) is said favourable
    or the like: a view ("we maintain a favorable outlook"), not "our positive outlook …, we
    raised our full year outlook"."""
    return _VIEW.search(words) is not None


def market_only(sentence: str, metric: str) -> bool:
    """Whether the outlook `sentence` speaks of is of a market's growth, with no measure of
    the company's (`metric`, "" for none) named."""
    return not metric and _MARKET_GROWTH.search(sentence) is not None


def view_after(sentence: str, end: int) -> bool:
    """Whether what an outlook is said to stay is a view ("the long-term outlook continues to
    be very robust"), not a figure or the guidance's standing."""
    return _VIEW_AFTER.match(sentence, end) is not None


def assumed_before(sentence: str, at: int) -> bool:
    """Whether the guidance named at `at` is set against an assumption said before it ("have
    assumed that global industry production will be roughly in line with 2020, lower than
    prior guidance"): what the company assumes of the world, not its guidance moved."""
    return _ASSUMED_BEFORE.search(sentence, 0, at) is not None


def result_against(sentence: str, at: int) -> bool:
    """Whether the guidance named at `at` is what a result is set against."""
    return _RESULT.search(sentence, max(0, at - 60), at) is not None


def assumed(words: str) -> bool:
    """Whether a stand is of what the guidance assumes ("guidance assumes that X will remain")."""
    return _ASSUMES.search(words) is not None
