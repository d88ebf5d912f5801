"""A growth said beside another measure, and so that measure's, not revenue's (figures.py asks):

- right after a count it represents: "the company delivered 87,071 smart EVs, representing a
  year-over-year growth of 40.8%" (a number with no currency, then the things counted);
- right after an amount of another measure: "we hit $427.9 million of DevEx, up 85%";
- before a list's item of another kind: "Tech was $14.7 billion, up 10%; and other cost of
  revenue was $24.3 billion, up 10%" (its "other" says Tech is a cost of revenue too);
- in a sentence whose subject points back and that names no revenue: "This was growth really
  across all regions, including U.S. and Canada, 32% up year-on-year; APAC up 108%" (the growth
  of what a sentence before named), or opens with a change of what a sentence before named ("The
  increases are in both C&I, up 22%; and CRE, up 28%").

Linear: each pattern reads a window of at most _REACH characters before or after the figure."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import REVENUE_SAID
from .vocabulary import CURRENCIES, OTHER_MEASURES, REVENUE_WORDS

__all__ = ["points_back", "said_beside"]

# How far from the figure the words of another measure are looked for.
_REACH = 160
# A count, then the words of change up to the figure: "87,071 smart EVs, representing a
# year-over-year growth of " (no year: "In 2025, …"; no money: "$5 billion, up ").
_COUNT = led(
    r"(?<![$€£¥\d.,])(?!(?:19|20)\d\d\b)\d[\d,]*+(?:\.\d++)?"
    r"(?:\s++(?:thousand|million|billion))?\s++(?!(?:thousand|million|billion|trillion)\b)"
    r"(?P<things>[a-z][\w-]*+(?:\s++[a-z][\w-]*+){0,3}),\s*+"
    r"(?:representing|reflecting|up|down|an?\s++(?:increase|decrease|decline|growth|rise))\b"
    r"[^,;%$€£\d]{0,60}+$",
    re.I,
)
# An amount of a measure, then the words of change: "$427.9 million of DevEx, up ".
_AMOUNT_OF = led(
    r"[$€£¥]\s?+\d[\d,.]*+(?:\s*+(?:thousand|million|billion|trillion|[mbk])\b)?\s++of\s++"
    r"(?P<what>[\w&'’-]++(?:\s++[\w&'’-]++){0,3}),\s*+(?:up|down|an?\s++(?:increase|decrease|"
    r"decline)\s++of|(?:growing|increasing|declining|decreasing|rising|falling)(?:\s++by)?)\s*+$",
    re.I,
)
# A list's later item said "other" and its kind: "; and other cost of revenue".
_OTHER_ITEM = led(r"[;,]\s*+(?:and\s++)?other\s++(?P<kind>[\w&-]++(?:\s++[\w&-]++){0,2})", re.I)
# A sentence opening with a pronoun that points back, as the subject of a growth: "This was
# growth really across all regions", "That's strong growth".
_POINTS_BACK = led(
    r"\s*+(?:(?:and|so|now)[\s,]++)?(?:(?:this|that|it)(?:\s++(?:was|is|has\s++been)|['’]s)\s++"
    r"(?:[a-z]++\s++){0,2}?growth\b|"
    # the change of what was named before: "The increases are in both C&I, up 22%; and CRE, …"
    r"(?:the|these|those|this|that)\s++(?:increases?|growth|declines?|decreases?|gains?)\s++"
    r"(?:are|were|was|is|came)\s++(?:in|from)\b)",
    re.I,
)


def said_beside(sentence: str, at: int) -> bool:
    """Whether the growth whose figure stands at `at` in `sentence` is another measure's, said
    beside it: a count's, an amount's of another measure, or one of a list whose other item
    is another measure."""
    before = sentence[max(0, at - _REACH) : at]
    if "respectively" in sentence[at : at + _REACH]:
        return False  # "$3.3 billion of revenue and $578 million of operating income, up 3% and
        # 7% respectively": a pair, each figure its own measure's (pairs.py)
    count = _COUNT.search(before)
    if count is not None and not _revenue_in(count["things"]):
        return True  # "delivered 87,071 smart EVs, representing a … growth of 40.8%"
    amount = _AMOUNT_OF.search(before)
    if amount is not None and not _revenue_in(amount["what"]):
        return True  # "we hit $427.9 million of DevEx, up 85%"
    other = _OTHER_ITEM.search(sentence, at, at + _REACH)
    if other is not None:
        for word in other["kind"].lower().split():
            if word in REVENUE_WORDS:
                return False  # "…, and other revenue was up 3%": a revenue's list
            if word in OTHER_MEASURES:
                return True  # "…; and other cost of revenue was $24.3 billion"
    return False


def points_back(sentence: str) -> bool:
    """Whether `sentence` opens with a pronoun pointing back as its growth's subject and names no
    revenue: the growths of its parts are of what a sentence before named."""
    return _POINTS_BACK.match(sentence) is not None and REVENUE_SAID.search(sentence) is None


def _revenue_in(words: str) -> bool:
    """Whether `words` name revenue, or money by its currency."""
    said = {w.lower() for w in words.split()}
    return bool(said & REVENUE_WORDS) or bool(said & CURRENCIES)
