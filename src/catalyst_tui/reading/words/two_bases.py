"""A named year set beside the year before as another base, each after a figure of its own:
"sales were up 29% versus last year and 11% versus 2019". The named year is then not the year
before: the call is of a later year, and "up 40% compared to 2019" elsewhere in it is no
year-over-year growth (bases.latest_base takes the year after it as the latest base at least)."""

from __future__ import annotations

import re

from ..leads import led
from .vocabulary import COMPARED_TO, SEQUENTIAL, YEAR_SAID, YEARLY

__all__ = ["OF_A_MEASURE", "base_of_its_own", "later_than_named", "of_a_period_before"]

_FIGURE = led(r"\d%|\d\s+percent\b")
# A year named whole after a word of comparison: "versus 2019", "compared to fiscal 2019" (a
# quarter of a year may be the quarter before: "up 28% from Q3 2020" in the fourth).
_NAMED = led(
    rf"\b{COMPARED_TO}\s+"
    r"(?:fiscal\s+)?(?:year\s+)?(?P<year>(?:19|20)\d\d)\b(?!\s+(?:first|second|third|fourth)\b)",
    re.I,
)
#: "Year over year" said of a measure's word, no base: "lower year-over-year selling prices"
#: (bases.py's too).
OF_A_MEASURE = led(r"\s+(?:[\w-]+\s+){0,2}?(?:prices?|pricing|volumes?|costs?|sales)\b", re.I)


def later_than_named(sentence: str) -> int:
    """The year after a year `sentence` names as a base beside the year before, each said
    after a figure of its own; 0 where it names no such pair."""
    if not YEAR_SAID.search(sentence):
        return 0
    cuts = [m.end() for m in _FIGURE.finditer(sentence)]
    if len(cuts) < 2:
        return 0
    named = 0
    before = False
    for start, end in zip(cuts, [*cuts[1:], len(sentence)], strict=True):
        words = sentence[start:end]
        year = _NAMED.search(words)
        if year is not None:
            named = max(named, int(year["year"]))
            continue
        yearly = YEARLY.search(words)
        before = before or (
            yearly is not None
            and not YEAR_SAID.search(yearly.group())
            and not OF_A_MEASURE.match(words, yearly.end())
        )
    return named + 1 if named and before else 0


# A base said as years before the year before: "compared to two years ago", "to LLY", "versus
# pre-pandemic levels" (no year-over-year basis, nor one said in another clause).
_YEARS_BACK = led(
    r"\b(?:two|three|four|2|3|4)\s+years\s+(?:ago|earlier|before)\b|\bLLY\b|"
    r"\bpre-?\s?(?:pandemic|covid)\b",
    re.I,
)


def base_of_its_own(words: str) -> bool:
    """Whether the words after a figure set it against a base years back, its own: no basis
    said elsewhere in the sentence is the figure's ("while it declined versus last year, it
    was up 115% compared to two years ago")."""
    back = _YEARS_BACK.search(words)
    if back is None:
        return False
    before = YEARLY.search(words, 0, back.start())  # "versus prior year, outpacing pre-…": yoy
    return before is None and SEQUENTIAL.search(words, 0, back.start()) is None


def of_a_period_before(text: str, since: int, start: int, after: str) -> bool:
    """Whether the growth at `start` (its clause's words from `since`, `after` its words after
    it) is said of a period named as a base, in a clause of its own: "compared to Q1 of fiscal
    2021 when sales grew 9%, creating a difficult year-over-year comparison" is that quarter's
    growth, no base of its own said (not "from the first quarter when year-over-year sales were
    down 20%", "the first quarter of 2020 when revenue increased 8.5% over the prior year")."""
    said = _OF_A_PERIOD.search(text, since, start)
    if said is None:
        return False
    own = text[said.start() : start] + after.split(",", 1)[0]
    return not (YEARLY.search(own) or SEQUENTIAL.search(own))


_OF_A_PERIOD = led(
    r"\b(?:year|quarter|period|(?:19|20)\d\d)\s+(?:when|in\s+which)\s[^,;%]{0,120}$", re.I
)
