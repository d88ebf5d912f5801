"""A growth said as what something resulted in, its own phrase before the figure: "resulting in
10.6% organic revenue growth", "This translated into 25% revenue growth", "on top of 8% sales
growth", "as we lap 27% growth". The measure after the figure is its own, whatever the clause's
subject: revenue named before the growth's noun is the company's, or the part's named after it
("60% revenue growth on the Mainland"); a growth with no revenue before its noun is a part's
only where its revenue is named after it ("strong utilization resulted in 6% growth in
aftermarket revenues": the aftermarket's)."""

from __future__ import annotations

import re

from ..leads import led
from .components import MADE, RESULTS_INCLUDE
from .patterns import BASE_LEAD, CMP, REVENUE_SAID, tail
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import GENERIC_WORDS, PERIOD

__all__ = ["REVENUE", "result_led", "result_subject"]

#: The company's revenue, a growth's subject where no part is named.
REVENUE = Subject(COMPANY, True, False, False)

# Words that open a phrase of its own before a figure.
_RESULT_LEAD = led(
    r"\b(?:result(?:ing|ed|s)?\s+in|lead(?:ing)?\s+to|led\s+to|bringing|because\s+of|thanks\s+to|"
    r"translat(?:e|es|ed|ing)\s+into|" + RESULTS_INCLUDE + r"|" + BASE_LEAD + r"|on|"
    r"in\s+comparison\s+(?:to|with))"
    r"\s+(?:an?\s+|the\s+|our\s+)?" + CMP + r"$",
    re.I,
)
# A part named right after a growth's noun by a preposition: "growth on the Mainland".
_NAMED_AFTER = led(
    r"\s+(?:on|in|at|across)\s+(?:the\s+)?(?P<x>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})"
)
# A part named in lower case after a growth's noun by "in", no period nor way of measuring:
# "growth in extended service agreements" (not "growth in the quarter", "in constant currency").
_IN_UNNAMED = led(
    r"\s+in\s+(?!(?:the|this|that|these|those|each|every|all|both|our\s+(?:first|second|third|"
    r"fourth|fiscal)|fiscal|constant|local|dollar|reported|organic|nominal|real|absolute|"
    r"(?:first|second|third|fourth|last|prior|previous|same|current|latest|recent|past|"
    r"next|coming)|q[1-4]|h[12]|fy|\d|a\s+row|line|total|aggregate|terms|each)\b)(?-i:[a-z])",
    re.I,
)
# A part pointed back at after a growth's noun: "8% revenue growth in the region".
_IN_THAT_PART = led(
    r"\s+(?:in|at|within|across)\s+(?:the|this|that)\s+(?:region|segment|business|division|unit|"
    r"market|country|channel|category)\b",
    re.I,
)
# The revenue itself named after a growth's noun: "a 17% improvement in revenues".
# (its end there: not "in revenue from total mobile", "in sales volumes")
_IN_REVENUE = led(
    r"\s+in\s+(?:(?:our|total|net)\s+)?(?:revenues?|sales)"
    r"(?=\s*+(?:[,.;]|$)|\s++(?:over|versus|vs\.?|compared|year|and|during|to\s+[$€£]|"
    r"(?:in|for)\s+the\s+(?:quarter|period|year|full)|from\s+(?:the\s+)?(?:prior|last|a\s+year)))",
    re.I,
)
# A part's revenue named after a growth's noun: "growth in aftermarket revenues".
_IN_PART_REVENUE = led(
    r"\s+in\s+(?:our\s+)?(?P<x>(?:[\w&'’-]+\s+){1,4}?)(?:revenues?|sales)\b", re.I
)


# A growth said to be what an amount of revenue made represents: "delivered $2.96 billion in
# revenue in the second quarter, representing 12% growth".
_REPRESENTING = led(r",\s*representing\s+(?:an?\s+)?" + CMP + r"$", re.I)
# The company itself, the one said to have made it ("We … delivered"; not "APAC reported").
_WE = led(r"\b(?:we|i)\s+(?:[\w'’-]+\s+){0,12}?$", re.I)


def result_led(before: str) -> bool:
    """Whether the words `before` a figure open a phrase of its own ("resulting in"; or
    "representing" after an amount of revenue the company says it made)."""
    if _RESULT_LEAD.search(before, tail(before, 100)) is not None:
        return True
    if _REPRESENTING.search(before, tail(before, 40)) is None:
        return False
    made = _REVENUE_MADE.search(before, tail(before, 160))
    return made is not None and bool(
        _WE.search(before, tail(before, 100, made.start()), made.start())
    )


def result_subject(after: str, noun: re.Match[str], before: str = "") -> Subject | None:
    """Whose the growth named by `noun` (matched in `after`, the words after the figure) is:
    REVENUE, a part's, or None where no revenue is named before or right after it (`before`:
    the words before the figure, where an amount of revenue made may be said: "generated
    revenue of $720 million, resulting in 3% organic growth")."""
    if _IN_THAT_PART.match(after, noun.end()):
        return None  # "strength in Europe, resulting in 8% revenue growth in the region": its
    where = _NAMED_AFTER.match(after, noun.end())
    if where is not None and PERIOD.match(where["x"]):
        where = None
    made = _REVENUE_MADE.search(before, max(0, len(before) - 160)) if before else None
    if REVENUE_SAID.search(after, 0, noun.start("noun")) or (made and where is None):
        if where is None and _IN_UNNAMED.match(after, noun.end()):
            return None  # "35% revenue growth in extended service agreements": a part's, its
            # name not a capital's
        return read_subject(where["x"], revenue_said=True) if where else REVENUE
    if _IN_REVENUE.match(after, noun.end()):
        return REVENUE  # "This growth resulted in a 17% improvement in revenues": the whole's
    named = _IN_PART_REVENUE.match(after, noun.end())
    if named and all(w.lower() in GENERIC_WORDS for w in named["x"].split()):
        return REVENUE  # "resulted in 7% growth in consolidated total revenues": the whole's
    mine = read_subject(named["x"].strip(), revenue_said=True) if named else REVENUE
    return mine if mine.part else None


# An amount of revenue said made, before a growth that resulted: "generated revenue of $720
# million", "generated $30 billion of sales", "achieved our highest ever quarterly revenue of
# $1.48 billion".
_REVENUE_MADE = led(
    r"\b" + MADE + r"\s+(?:our\s+(?:[\w-]+\s+){0,4}?|(?:record|total)\s+)?"
    r"(?:(?:revenues?|sales)\s+of\s+[$€£]|[$€£][\d.,]+\s*(?:million|billion)?\s+(?:of|in)\s+"
    r"(?:revenues?|sales)\b)",
    re.I,
)
