"""Gates of a figure's own words: a growth said as a component of another ("which includes
a 3% increase from the acquisition", "an 11% increase from volume"), said over several years
("on a two-year stack", "over the last three years"), or an end of a range ("between a 4%
decline and a 1% increase") is no growth of anyone's. Linear: each reads a bounded window."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from .patterns import FIGURE, last_match
from .phrases import finite_verb
from .vocabulary import MONTH, REACH, TWO_YEARS

if TYPE_CHECKING:
    from .clause_cuts import Clause

__all__ = [
    "BETWEEN",
    "MADE",
    "OVER_YEARS",
    "RESULTS_INCLUDE",
    "component",
    "of_a_month",
    "over_years",
]

# Words right before a figure (back to a comma or the figure before it) that make it a part
# of another: "which includes a 3% increase", "contributing 3% growth", "an impact of 1%".
_COMPONENT_BEFORE = led(
    r"\b(?:includ(?:e|es|ed|ing)|inclusive\s+of|of\s+which|contribut(?:e|es|ed|ing|ion|ions)|"
    r"(?:impact|benefit|effect)s?\s+of|from\s+(?:the\s+|our\s+)?acquisitions?|"
    r"acquisitions?\s+(?:added|contributed)|"
    # a growth named by where it came from: "organic growth of 5% and acquisition growth of 1%"
    r"(?:acquisitions?|acquired|acquisitive|inorganic|m&a)\s+(?:revenue\s+|sales\s+)?"
    r"(?:growth|increase|contribution)\s+of(?:\s+(?:about|approximately|roughly|nearly|over))?)\b",
    re.I,
)
# Words right after it that say what it came from: "an 8% increase from our acquisitions",
# "a 9% increase from volume", "3 points of contribution".
_COMPONENT_AFTER = led(
    r"\s*(?:(?:points?|percentage\s+points?)\b|"
    r"(?:(?:organic\s+)?(?:increase|growth|rise|improvement|benefit|decrease|decline|"
    r"contribution)\s+)?(?:came\s+)?from\s+(?:the\s+|our\s+|an?\s+|higher\s+|lower\s+)?"
    # (a quality said of it is a cause: "increased 10% from strong product mix")
    r"(?!(?:strong|solid|favorable|healthy|robust|improved|positive)\b)"
    r"(?:[\w&'’-]+\s+){0,3}?(?:acquisitions?|acquired|volumes?|price|pricing|mix|"
    r"currenc(?:y|ies)|fx|f/x|foreign\s+exchange)\b|"
    r"(?:of\s+)?(?:the\s+)?(?:growth\s+)?contribution\b)",
    re.I,
)
# What was contributed to, a growth said with its figure: "contributed to Internet revenue
# growth of".
_TO_GROWTH_OF = led(
    # (not the whole's: "contributing to a total increase of 13%")
    r"\s++to\s++(?!(?:an?|the|total|our)\b)(?:[\w&'’-]++\s++){1,4}?(?:growth|increase)\s++of\s++"
    r"(?:(?:about|approximately|roughly|nearly|over)\s++)?$",
    re.I,
)
# A part's own growth after "including": "including organic growth of 1% in the US",
# "includes more than 30% growth for our Instant Ink business": a growth noun and the part.
_OWN_GROWTH_BEFORE = led(r"\b(?:growth|increase|decline)\s+of\s+\S*\s*$", re.I)
# "including 11% improvement in Fluid Systems"; a part's revenue named before the growth's noun:
# "This includes a robust 37% systems revenue growth".
_OWN_GROWTH_AFTER = led(
    # (its basis said before its noun: "an 11% quarter-over-quarter lift in our Grow segment")
    r"\s*(?:(?:organic|sales|revenue|sequential|(?:year|quarter)-over-(?:year|quarter))\s+){0,2}"
    r"(?:growth|increase|decline|improvement|lift|gains?|expansion)?\s*"
    r"(?:in|for)\s+(?!(?:the\s+)?(?:quarter|year|period|half)\b)|"
    r"\s++(?!(?:organic|total|net|core|underlying|reported)\b)[a-z][\w&-]*+(?:\s++[a-z][\w&-]*+)?"
    r"\s++(?:revenues?|sales)\s++(?:growth|increase|decline)\b"
    r"(?!\s++(?:in|at|for|across)\s++(?:the\s++)?(?-i:[A-Z]))",  # (not "… in Mainland China")
    re.I,
)


def component(sentence: str, clause: Clause, at: int, end: int) -> bool:
    """Whether the growth at `at` (its figure ending at `end`) is said as a part of another."""
    if _COMPONENT_AFTER.match(sentence, end, min(len(sentence), end + 80)):
        return True
    begin = max(clause.start, at - REACH)
    for before in FIGURE.finditer(sentence, begin, at):
        begin = before.end()
    window = sentence[begin:at]
    cut = max(window.rfind(","), window.rfind(";"))
    own = window[cut + 1 :]
    said = last_match(_COMPONENT_BEFORE, own)
    if said is None or any(finite_verb(w) for w in own[said.end() :].split()):
        return False  # "X, which includes Y delivered 3.2% growth": the relative's, not its
    if said.group().lower().startswith("contribut") and _TO_GROWTH_OF.match(own, said.end()):
        return False  # "This contributed to Internet revenue growth of 8%": that growth's own
    if said.group().lower().startswith("includ") and _RESULTS.search(own, 0, said.end()):
        return False  # "we reported results that included 6% revenue growth": results listed
    if _NAMED_ITEM.fullmatch(own, said.end()) and said.group().lower() == "including":
        return False  # "…, including CAG 13%, Water 10%": a list of the parts' own figures
    if said.group().lower().startswith("includ") and (
        _OWN_GROWTH_BEFORE.search(own) or _OWN_GROWTH_AFTER.match(sentence, end, end + REACH)
    ):
        named_after = _OWN_GROWTH_AFTER.match(sentence, end, end + REACH)
        return named_after is None or _from_word(sentence, named_after.end())
    return True


#: Results said to include what follows, a list of them: "results that included", "highlights
#: include", "the results of our December quarter including" (resulted.py, whose_growth.py read
#: the growth listed as the company's or the part's).
RESULTS_INCLUDE = (
    r"(?:results|highlights)(?:\s+(?:of|for)\s+(?:our|the)\s+(?:[\w-]+\s+){0,4}?(?:quarter|year))?"
    r"\s+(?:that\s+|which\s+)?includ(?:e|es|ed|ing)\b"
)
_RESULTS = led(r"\b" + RESULTS_INCLUDE + r"$", re.I)
#: A verb of revenue made, before its amount (resulted.py, whose_growth.py: "generated $30
#: billion of sales, resulting in 9% organic growth").
MADE = r"(?:generated|delivered|posted|reported|recorded|achieved|produced)"
# A part named by capitalised words, then its figure, a list's first item (lists.py); not an
# owner of the measure named after it ("including FPD's 15% original equipment decrease").
_NAMED_ITEM = led(
    r"\s+(?-i:[A-Z])[\w&/.'’-]*(?:\s+[A-Za-z&][\w&/.'’-]*){0,3}?(?<!['’]s)\s+"
    r"(?:(?:up|down|at)\s+)?(?:(?:about|approximately|nearly|over|roughly)\s+)?",
    re.I,
)
_ACQUISITIONS = led(r"\s*(?:the\s+|our\s+)?acquisitions?\b", re.I)


def _from_word(sentence: str, at: int) -> bool:
    return _ACQUISITIONS.match(sentence, at, at + 40) is not None


# A month's figure: "improved from down 15% in July to down 11% in September" (a month named
# right after it; "the June quarter" is a quarter's).
_IN_A_MONTH = led(
    r"\s+(?:[a-z-]+\s+){0,2}?in\s+(?:the\s+month\s+of\s+)?(?-i:"
    + MONTH
    + r")\b(?!\s+(?:quarter|year|period|half))",
    re.I,
)


# Months that open the figure's clause: "January and February ADS roughly up 5.5%", "In
# October, sales were up 3%" (not "May quarter", "March year-to-date").
_MONTHS_OPEN = led(
    r"\s*+(?:(?:and|so|in|for|during|through)\s++)?(?:the\s++month\s++of\s++)?(?-i:"
    + MONTH
    + r")(?:\s*+(?:,|and|&|to|through)\s*+(?-i:"
    + MONTH
    + r"))*+\b(?!\s*+(?:quarter|year|period|half|fiscal|ytd|-))",
    re.I,
)


def of_a_month(sentence: str, end: int, start: int = -1) -> bool:
    """Whether the growth whose figure ends at `end` is said of a month: named right after it,
    or opening its clause (at `start`, where given)."""
    return _IN_A_MONTH.match(sentence, end, end + REACH) is not None or (
        start >= 0
        and _MONTHS_OPEN.match(sentence, start) is not None
        and _LONGER.search(sentence, max(start, end - REACH), end + REACH)
        is None  # "…, for the quarter"
    )


# A period longer than a month said in the clause ("for the quarter"; not "year-over-year").
_LONGER = led(
    r"\b(?:quarter|half|fiscal|ytd|to\s+date)\b|"
    r"\byear\b(?<!over[- ]year)(?<!on[- ]year)(?![- ]++(?:over|on)\b)",
    re.I,
)


# A figure that is an end of a range: "between a 4% decline and a 1% increase" (not a mix's
# parts: "the revenue mix between products and services was 60% and 40%").
BETWEEN = led(r"(?<!\bmix\s)(?<!\bsplit\s)\bbetween\b[^,;.]*$", re.I)


# ---------------------------------------------------------------------------- years
# Growth over several years: a stack of two years' rates, a compounded or annual rate over
# years, growth "over the last three years".
# A horizon of years ahead, a goal's: "to account for greater than 90% of sales within three
# years", "to grow 20% over the next five years". A year named ("by 2025", "by the end of 2026")
# is no horizon of its own: the forecast of a year is a forecast (thesis.md, rule 108).
_YEARS_AHEAD = (
    r"(?:within|over|in)\s+the\s+(?:next|coming)\s+(?:two|three|four|five|several|few|\d+)\s+"
    r"years|within\s+(?:two|three|four|five|several|a\s+few|\d+)\s+years"
)
OVER_YEARS = led(
    r"\b(?:(?:two|three|four|five|2|3|4|5)[- ]years?\s+(?:stack(?:ed)?|compound(?:ed)?|cagr|"
    r"basis|growth|period|trend)|stack(?:ed)?\s+(?:basis|growth|comparison)|on\s+a\s+stacked|"
    r"compound(?:ed)?\s+annual|cagr|over\s+(?:the\s+)?(?:last|past)\s+(?:two|three|four|five|"
    r"several|\d+)\s+years|"
    # a count of periods it was reached in: "20% growth in 55 of the last 63 quarters"
    r"in\s+(?:\d+|each|every|all)\s+of\s+(?:the\s+|our\s+)?(?:last|past|previous)\s+\d+\s+"
    r"(?:quarters|years|months)|"
    # since a beginning, or a time said before, no period: "have grown more than threefold since
    # we began our transformation", "We've essentially doubled the business since then"
    r"since\s+(?:we\s+(?:began|started|launched)|inception|then|(?:the\s+|its\s+|our\s+)?"
    r"(?:start|beginning|launch)\b)|" + _YEARS_AHEAD + r")\b",
    re.I,
)
# Where a figure's own words end: a comma, a clause's cut, a word that opens another phrase.
_OWN_END = led(r"[,;]|\b(?:and|with|as|while|but|which|driven|led|due)\b|\d\s?%", re.I)


def years_ahead(sentence: str, end: int) -> bool:
    """Whether the figure ending at `end` is said, in its own words after it, of a horizon of
    years ahead ("90% of sales within three years"): a goal, no share of a period."""
    return _AHEAD.search(sentence, end, _own_words_end(sentence, end)) is not None


_AHEAD = led(r"\b(?:" + _YEARS_AHEAD + r")\b", re.I)


def _own_words_end(sentence: str, end: int) -> int:
    """Where the words of a figure ending at `end` end: at a comma, a clause's cut or a word
    that opens another phrase, within REACH."""
    stop = _OWN_END.search(sentence, end, end + REACH)
    return stop.start() if stop else min(len(sentence), end + REACH)


# Two years a growth is said between: "from 2025 to 2028", "from '25 to '28" (speech written
# down by a machine drops the apostrophe: "from 25 to 28", no figure's unit after it).
_FROM_YEARS = led(
    r"\bfrom\s+(?:(?:fiscal|calendar|fy)\s*)?['’]?(?P<since>(?:19|20)\d\d|[1-4]\d)\s+(?:to|through)\s+"
    r"(?:(?:fiscal|calendar|fy)\s*)?['’]?(?P<to>(?:19|20)\d\d|[1-4]\d)\b(?![.,]\d)"
    r"(?:(?<=\d\d\d\d)|(?<=['’]\d\d)|(?=\s*(?:[,.;]|$)))",  # two digits alone: then its end
    re.I,
)
# Words that open a sentence before a frame of two years' basis: "However, on a".
_FRAMED = led(r"\s*(?:(?:however|and|but|so|now|also|again),?\s+)?(?:on\s+an?\s*)?$", re.I)


def over_years(sentence: str, first: int, at: int, end: int) -> bool:
    """Whether the growth at `at` is said over several years: such words stand before it in
    its sentence (from `first`, where they first stand: they frame what follows), or in its own
    words after it."""
    if first < at:
        # a frame of two years' basis ("On a two-year basis, sales were up 2%") is its basis
        two = TWO_YEARS.match(sentence, first)
        return two is None or two["stack"] is not None or not _FRAMED.match(sentence[:first])
    own_end = _own_words_end(sentence, end)
    span = _FROM_YEARS.search(sentence, end, own_end)
    if span is not None and int(span["to"][-2:]) - int(span["since"][-2:]) >= 2:
        return True  # "6% sales growth from '25 to '28": over years, no period's
    said = OVER_YEARS.search(sentence, end, own_end)
    if said is None:
        return False
    two = TWO_YEARS.match(sentence, said.start())  # its own "on a two-year basis" is its basis:
    return two is None or two["stack"] is not None  # a growth over two years (bases.py)
