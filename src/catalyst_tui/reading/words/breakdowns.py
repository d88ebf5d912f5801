"""Shares said as a breakdown of revenue, each figure followed by the part it goes to: "an end
market breakdown of 41% to refining, 25% to defense industries and 10% to other end markets",
"Our sales by geography were 30% into Europe, 14% into South America, and 56% into Asia", "Our
used vehicle sales mix was 19% certified, 60% core and 21% value auto" (one_figure.py asks).

A figure is such an item only where its clause opens the breakdown (revenue or sales said with
"mix", "split", "breakdown", or "by" a way of cutting it, then "was", "were", "of" or a colon)
and only figures, the parts they go to, commas and "and" stand between it and the breakdown:
"price/mix contributed 2% to growth" is no breakdown. Linear: each window is bounded."""

from __future__ import annotations

import re

from ..leads import led
from .lists import Found
from .patterns import FIGURE
from .phrases import finite_verb, words_of
from .records import COMPANY
from .subjects import read_subject
from .vocabulary import PERIOD

__all__ = ["breakdown_share"]

# A word of how near a figure is, before it: "with approximately 95% coming from …".
_NEAR_WORDS = r"(?:approximately|about|around|roughly|nearly|almost|over|more\s+than)"
_ABOUT = rf"(?:{_NEAR_WORDS}\s+)?"
# The breakdown said, up to where its first figure stands.
_BREAKDOWN = led(
    r"\b(?:revenues?|sales)\s+(?:[\w-]+\s+){0,3}?(?:mix|split|breakdown|by\s+(?:geography|"
    r"region|end\s+market|market|channel|segment|customer\s+type))\b[^.;%]{0,50}?"
    r"(?:\b(?:was|were|is|are|of)|:)\s+"
    r"|\b(?:end[- ]market|geographic(?:al)?|regional|channel|segment)\s+(?:breakdown|split|mix)\s+"
    r"of\s+",
    re.I,
)
# A revenue said, then where its parts came from (looked for after the breakdowns named): "…,
# with 39% coming from the Topgolf segment, 34% from golf equipment", "$93.1 million in revenue
# with approximately 95% coming from …".
_WITH = led(r"\b(?:revenues?|sales)\b(?:[^.;]{0,120}?,\s*|\s+)(?P<with>with\s+)", re.I)
_KEYS = (
    *("mix", "split", "breakdown", "sales by", "revenue by", "revenues by", ", with"),
    *("revenue with", "revenues with", "sales with"),
)
# An item: a figure, then where it goes ("to refining", "into Europe", "certified").
_ITEM = led(
    r"\s*(?:(?:coming|derived)\s+)?(?:(?:to|into|from|in|for)\s+)?(?:the\s+|our\s+)?"
    # a word, or an abbreviation's letters ("the U.K.")
    r"(?P<x>[A-Za-z](?:[\w&/'’-]|\.(?=[A-Za-z])|(?<=\b[A-Z])\.)*"
    r"(?:\s+(?!and\s+(?:the\s+)?(?:remaining\s+|other\s+)?\d|and\s*$)[A-Za-z][\w&/'’-]*){0,6}?)"
    r"\s*(?=,|;|\.|$|\s+and\s+(?:the\s+)?(?:remaining\s+|other\s+)?\d|\s+and\s*$|\s+\d|"
    # the next item an amount's: "95% coming from hashrate services and nearly $5 million …"
    r"\s+and\s+(?:(?:nearly|approximately|about|almost|over)\s+)?[$€£]\d|"
    r"\s+compared\b|"
    r"\s+versus\b)",
    re.I,
)
# A mix whose items each say their revenue: "with a mix of 50% product revenue and 50% services
# revenue" (not "a mix of 60% systems, 40% optics": of what, unsaid).
_MIX_OF = led(r"\ban?\s+mix\s+of\s+", re.I)
# An item that says its revenue: "50% product revenue".
_ITEM_REVENUE = led(r"\s+(?:[\w&-]+\s+){1,3}?(?:revenues?|sales)\b", re.I)
# The first item of a breakdown said after "with": "with 39% coming from the Topgolf segment".
_CAME_FROM = led(_ABOUT + r"\d[\d.]*\s*%\s+(?:coming|derived)\s+from\b", re.I)
# A word of how near the first figure is, alone before it ("approximately").
_NEAR = led(_NEAR_WORDS, re.I)
# A figure, where the words between items are cut.
_FIGURE_CUT = led(r"\d[\d.]*\s*%")
# A point that ends no sentence: a decimal's, an abbreviation's ("the U.S.,").
_DECIMAL_POINT = led(r"(?<=\d)\.(?=\d)|(?<=\b[A-Z])\.")


def breakdown_share(
    text: str, match: re.Match[str], after: str, comparison: str = ""
) -> Found | None:
    """The share the figure `match` of the clause `text` gives the part it goes to, where it is
    an item of a breakdown of revenue (`comparison`: the figure's word of how near, "~"); None
    elsewhere."""
    begin = max(0, match.start() - 300)
    low = text[begin : match.start()].lower()
    if not any(map(low.__contains__, _KEYS)):
        return None  # no breakdown said: most figures
    mix = _MIX_OF.search(text, begin, match.start())
    if mix is not None and not _ITEM_REVENUE.match(after):
        return None  # "a mix of 60% systems": of what, unsaid
    opened = (
        mix
        or _BREAKDOWN.search(text, begin, match.start())
        or _WITH.search(text, begin, match.start())
        or _whole_split(text, begin, match)
    )
    if opened is None or not _items_only(text[opened.end() : match.start()]):
        return None
    if _FORECAST.search(text, max(begin, opened.start() - 40), opened.end()):
        return None  # "The forecasted 2026 revenue split … is approximately 41% X": a forecast's
    if opened.re is _WITH and not _CAME_FROM.match(text, opened.end()):
        return None  # "…, with 60% growth in X": no breakdown
    value = float(match["num"]) if match["num"] else 0.0
    item = _ITEM.match(after)
    if item is None or value > 100 or PERIOD.match(item["x"]):
        return None
    subject = read_subject(item["x"], revenue_said=True)
    if not subject.name or subject.name == COMPANY or subject.other or subject.anaphor:
        return None
    return Found("share", value, comparison, subject, "", match.start())


def _whole_split(text: str, begin: int, match: re.Match[str]) -> re.Match[str] | None:
    """A split said with no word of revenue whose items make a whole: "the split was 56% for
    advertising, and 44% for marketing services" (their figures sum to 100: the parts of
    revenue); None where they do not ("the split was 60% for new orders")."""
    opened = _SPLIT.search(text, begin, match.start())
    if opened is None:
        return None
    figures = [float(m["num"]) for m in FIGURE.finditer(text, opened.end()) if m["num"]]
    return opened if len(figures) >= 2 and abs(sum(figures) - 100) <= 1 else None


# A breakdown said of what is to come.
_FORECAST = led(r"\b(?:forecast(?:ed)?|expected|projected|anticipated|planned|estimated)\b", re.I)
# A split said alone: "the quarterly split was", "the split is".
_SPLIT = led(r"\b(?:the\s+)?(?:[\w-]+\s+)?split\s+(?:was|is|were)\s+", re.I)


def _items_only(between: str) -> bool:
    """Whether `between` (from the breakdown to a figure) holds only the items before it: each a
    figure and the few words of where it goes, no verb, no full stop or semicolon."""
    if ";" in between or "." in _DECIMAL_POINT.sub("", between):
        return False
    pieces = _FIGURE_CUT.split(between)
    if pieces[0].strip() and not _NEAR.fullmatch(pieces[0].strip()):
        return False  # words before the first figure: no item
    return all(
        len(piece) <= 80 and not any(map(finite_verb, words_of(piece))) for piece in pieces[1:]
    )
