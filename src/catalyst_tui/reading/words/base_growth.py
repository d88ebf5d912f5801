"""A growth set as the base of the growth before it in its clause, said as that base's own
growth: "sales grew 11.5% on top of 121% growth in the fourth quarter of 2020" (121% is the same
sales' growth a year before), "increased 3% compared to a 15% decline in the second quarter"."""

from __future__ import annotations

import re

from ..leads import led
from .lists import Found
from .patterns import BASE_LEAD, CMP, tail
from .phrases import other_measure

__all__ = ["period_before", "prior_growth"]


# A base the growth before it is set against, said as that base's own growth: "grew 11.5% on
# top of 121% growth in the fourth quarter of 2020", "up 28% following a 34% increase last year",
# "grew 4% despite a challenging comparison of 7% growth in the same period last year".
_PRIOR_LEAD = led(
    rf"\b(?:{BASE_LEAD}|following|vs\.?|rolling\s+over|after|in\s+comparison\s+(?:to|with)|"
    # "despite a challenging comparison of 7% growth in the same period last year"
    r"(?:(?:challenging|tough|tougher|difficult|strong|easy|easier)\s+)*comparisons?\s+(?:of|to|with))\s+"
    r"(?:(?:a|an|the|our|its|their|last\s+year['’]s|the\s+prior\s+year['’]s)\s+)?"
    r"(?:(?:very|strong|tough|difficult|exceptional|robust|record)\s+)*"
    r"(?P<sign>(?:plus|positive|negative|minus)\s*)?" + CMP + r"$",
    re.I,
)
# What a prior growth may be of besides its period: its own measure's words, then the period.
_PRIOR_AFTER = led(
    r"\s*(?:(?:organic|core|reported|revenue|sales|net|online|top-line|total)\s+){0,4}"
    r"(?P<noun>growth|increase|decline|decrease|drop|rise)\b"
    r"(?P<rest>\s+(?:in|during|for|from|over)\s+(?:the\s+)?(?:(?:same|first|second|third|"
    r"fourth|fiscal|full|prior|previous|last|prior-year|year-ago|comparable|q[1-4]|(?:19|20)\d\d)"
    r"\s+)*(?:quarter|period|year|half|q[1-4]|(?:19|20)\d\d)\b(?:\s+(?:of\s+)?(?:fiscal\s+)?"
    # "in Q3 of last year", "in the fourth quarter of the prior year"
    r"['’]?\d{2,4}\b|\s+(?:of\s+)?(?:(?:last|a)\s+year\b(?:\s+ago)?|the\s+(?:prior|previous)\s+"
    r"year\b))?|\s+(?:last|a)\s+year\b(?:\s+ago)?)?",
    re.I,
)


def prior_growth(
    text: str,
    match: re.Match[str],
    before: str,
    after: str,
    noun: re.Match[str] | None,
    last: Found | None,
) -> Found | None:
    """A growth set as the base of the growth before it in its clause, of the same part: "sales
    grew 11.5% on top of 121% growth in the fourth quarter of 2020" (121% is the same sales'
    growth a year before); None where the figure is no such base, or its growth is of anything
    else ("compared to a 10% increase in the market")."""
    if last is None or last.kind != "growth" or match["mult"]:
        return None
    if noun is None:
        return _prior_of_period(text, match, after, last)
    lead = _PRIOR_LEAD.search(before, tail(before, 80))
    said = _PRIOR_AFTER.match(after)
    if lead is None or said is None:
        return None
    end = said.end()
    if re.match(r"\s*(?:in|of|at|for|from|across|within)\b", after[end:]) and not re.match(
        r"\s*(?:in|for)\s+(?:the\s+)?(?:same\s+)?(?:quarter|period|year)\b", after[end:]
    ):
        return None  # "a 10% increase in the market": of something else
    if _measure_next(after[end:]):
        return None  # "versus the 9% growth in Q4 constant dollar payments volume": the volume's
    negative = said["noun"].lower() in ("decline", "decrease", "drop") or (
        (lead["sign"] or "").strip().lower() in ("negative", "minus")
    )
    value = float(match["num"])
    return Found(
        "growth", -value if negative else value, "", last.subject, "", match.start(), prior=True
    )


# The words that may follow a prior growth's period before its clause goes on: "in Q4 constant
# dollar payments volume".
_WORDS_NEXT = led(r"(?:\s+[\w'-]+){1,6}", re.I)


def _measure_next(rest: str) -> bool:
    """Whether the words right after a prior growth's period name another measure."""
    words = _WORDS_NEXT.match(rest)
    if words is None:
        return False
    lows = words.group().lower().split()
    for stop in ("with", "and", "as", "which", "that", "driven", "due", "on", "in", "from"):
        if stop in lows:
            lows = lows[: lows.index(stop)]
    return any(other_measure(w) for w in lows)


# A figure set against the growth before it, then only the period it is of: "was up 6%
# compared to 2% in the prior year period", "grew 7% organically compared to 3% in Q4 2020",
# "up 34% year-over-year, up from 30% last quarter".
_AGAINST_ONLY = led(
    r"\s*(?:%|percent)\s*(?:[a-z][\w-]*,?\s+){0,3}?,?\s*(?:compared\s+(?:to|with)|versus|vs\.?|"
    # "accelerating to 34% year-over-year, up from 30% last quarter"
    r"up\s+from|in\s+comparison\s+(?:to|with))\s+(?:an?\s+)?$",
    re.I,
)
_PERIOD_ONLY = led(
    r"\s+(?:in|during|for)\s+(?:the\s+)?(?:(?:same|prior|previous|last|prior-year|year-ago|"
    r"comparable)\s+)+(?:year\s+)?(?:quarter|period|year)\b(?:\s+(?:last|a)\s+year\b)?|"
    r"\s+in\s+(?:q[1-4]|the\s+(?:first|second|third|fourth)\s+quarter(?:\s+of)?)\s+"
    r"(?:fiscal\s+)?(?:19|20)\d\d\b|\s+(?:last|a)\s+year(?:\s+ago)?\b|"
    r"\s+(?:last|the\s+(?:prior|previous))\s+quarter\b",
    re.I,
)


def _prior_of_period(text: str, match: re.Match[str], after: str, last: Found) -> Found | None:
    """The growth before, said again of a period before with no noun of its own: "6% compared
    to 2% in the prior year period" (2% the same revenue's a year before); None elsewhere."""
    if _PERIOD_ONLY.match(after) is None or (last.value or 0.0) < 0:
        return None  # "down 5% compared to 3% in the prior year": the 3%'s sign unsaid
    between = text[last.position : match.start()]
    figure = re.match(r"\d[\d.]*", between)
    if figure is None or not _AGAINST_ONLY.fullmatch(between, figure.end()):
        return None
    return Found("growth", float(match["num"]), "", last.subject, "", match.start(), prior=True)


# A noun of growth set against a period before, its figure next: "a significant improvement from
# the third quarter decrease of 5%" (that period's, no growth of this one).
_A_NOUN_OF = led(r"(?:an?\s+)?(?:increase|decrease|decline|growth|drop|rise|gain)\b", re.I)
_BASE_PERIOD = led(
    r"\b(?:from|over|versus|vs\.?|compared\s+(?:to|with))\s+(?:the|last\s+year['’]s)\s+"
    r"(?:(?:first|second|third|fourth|prior|previous|last|year-ago)\s+)(?:[\w-]+\s+)?(?:an?\s+)?$",
    re.I,
)


def period_before(before: str, verb: str, at: int) -> bool:
    """Whether the noun of growth `verb` (at `at` in `before`, its figure after it) is said of a
    period before the one the sentence reports."""
    return (
        _A_NOUN_OF.match(verb) is not None
        and _BASE_PERIOD.search(before, tail(before, 80), at) is not None
    )
