"""A growth said both as reported and in another measure ("increased 18% (up 17% in constant
currency)"; "up 8% on a reported basis and up 6% core"): the reported one is the clause's,
the other left out; a growth said only in another measure stays (figures.py reads by it), and
so does one said for another period ("increased 32% for the quarter and 14% for the full year",
"grew 17% in the fourth quarter and 26% on a full year basis": a quarter's, a half's or a
year's). One figure said of the quarter and of the year ("in both Q4 and for the full year") is
each period's (and_the_year)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from .patterns import FIGURE
from .rate_moved import moved_from

if TYPE_CHECKING:
    from .lists import Found

__all__ = ["and_the_year", "reported"]


# A measure other than the reported one: "up 7% in constant currency", "organic growth of 5%".
_OTHER_MEASURE = led(
    r"\b(?:constant[- ]currency|currency[- ]neutral|f/?x[- ]neutral|local[- ]currenc(?:y|ies)|"
    r"organic(?:ally)?|operational(?:ly)?|core|as[- ]adjusted|days[- ]adjusted|"
    r"excluding\s+(?:the\s+)?(?:(?:impact|effect)s?"
    r"\s+of\s+|changes\s+in\s+|[\w\s$.]{0,30}?\bimpact\s+(?:of|from)\s+)?(?:currency|"
    r"foreign|fx|f/x|acquisitions?|divestitures?)|ex[- ](?:currency|fx)|"
    r"(?:at|in|on)\s+(?:a\s+)?comparable|neutral\s+basis)\b",
    re.I,
)
_OWN_WORDS_AFTER = led(r"[^,;()%]*")


def reported(text: str, found: list[Found]) -> list[Found]:
    """A clause's growths with the one said in another measure left out where the same growth
    is also said as reported: "increased 18% (up 17% in constant currency)" is 18%; "up 8% on
    a reported basis and up 6% core" is 8%. A growth said only in another measure stays."""
    measured = []
    periods = []
    since = 0
    for f in found:
        words = _own_words(text, f.position, since)
        measured.append(f.kind == "growth" and _OTHER_MEASURE.search(words) is not None)
        said = _PERIOD.search(words)
        periods.append(_period_of(said.group()) if said else "")
        figure = FIGURE.match(text, f.position)
        since = figure.end() if figure else f.position
    plain = [
        (f.subject.name, f.basis, period)
        for f, m, period in zip(found, measured, periods, strict=True)
        if not m and f.kind == "growth" and not f.prior  # a base's growth is another period's
    ]
    return [
        f
        for f, m, period in zip(found, measured, periods, strict=True)
        # (a rate moved from is another period's: "Organic growth accelerated from 2.6% …")
        if not (m and not _moved(text, f) and any(_same_growth(f, period, *said) for said in plain))
    ]


def _moved(text: str, f: Found) -> bool:
    """Whether `f` is the rate a growth moved from ("growth accelerated from 2.6% … to 3.7%")."""
    return f.prior and moved_from(text[: f.position])


# The period a figure's own words say: "increased 32% for the quarter and 14% for the full year"
# are two growths, not one said two ways.
# "grew 17% in the fourth quarter and 26% on a full year basis", "10% in Q4 and 8% organic growth
# for the full year" are two periods' growths, of a quarter and of a year.
_PERIOD = led(
    r"\b(?:for|in|during)\s++the\s++(?:(?:full|fiscal|first|second|third|fourth)\s++)?"
    r"(?:quarter|year|half)\b|\b(?:in|for|during)\s++(?:q[1-4]|h[12])\b|"
    r"\b(?:on\s++an?\s++|for\s++(?:the\s++)?)?full[- ]year\b",
    re.I,
)


def _period_of(said: str) -> str:
    """The kind of period `said` names: a year, a half or a quarter."""
    said = said.lower()
    if "year" in said:
        return "year"
    return "half" if "half" in said or re.search(r"\bh[12]\b", said) else "quarter"


def _same_growth(f: Found, period: str, name: str, basis: str, its_period: str) -> bool:
    """Whether `f` (said for `period`) is the growth of `name` on `basis` for `its_period` (a
    basis or a period unsaid is any)."""
    return (
        f.subject.name == name
        and (f.basis == basis or not f.basis or not basis)
        and (period == its_period or not period or not its_period)
    )


def _own_words(text: str, at: int, since: int) -> str:
    """The words a figure at `at` stands in: back to the figure before it (from `since`) or
    the last "and" or "while", and on to the next comma, "and", "or" or parenthesis."""
    figure = FIGURE.match(text, at)
    end = figure.end() if figure else at
    words = _OWN_WORDS_AFTER.match(text, end)
    after = text[end : words.end() if words else end]
    after = _AND_OR.split(after, maxsplit=1)[0]
    before = _AND_WHILE.split(text[since:at])[-1]
    return before + " " + after


_AND_OR = led(r"\b(?:and|or)\b")
_AND_WHILE = led(r"\b(?:and|while)\b|;|\)")


# One figure said of the quarter and of the year: "grew 1% organically in both the Q4 and for the
# full year '25", "delivered an outstanding 29% growth in Q4 and on a full year basis".
_AND_THE_YEAR = led(
    r"\d++(?:\.\d++)?\s?%\s*+(?:[a-z]++\s++){0,2}?(?:in\s++)?(?:both\s++)?(?:the\s++)?(?:q[1-4]|"
    r"(?:first|second|third|fourth)\s++quarter|quarter)\s++and\s++(?:(?:for|on|in)\s++)?"
    r"(?:the\s++|a\s++)?(?P<year>full[- ]year(?:\s++['’]?\d{2,4})?)",
    re.I,
)


def and_the_year(sentence: str, at: int) -> str:
    """The year a growth whose figure stands at `at` is said of too, beside its quarter ("in both
    Q4 and for the full year"); "" where it is said of one period."""
    said = _AND_THE_YEAR.match(sentence, at)
    return said["year"] if said else ""


# One figure said against two bases: "up 8% both year-over-year and sequentially".
_BOTH_BASES = led(
    r"\d++(?:\.\d++)?\s?%\s*+both\s++(?:year[- ]over[- ]year|year[- ]on[- ]year|sequentially|"
    r"quarter[- ]over[- ]quarter)\s++and\s++(?:year[- ]over[- ]year|year[- ]on[- ]year|"
    r"sequentially|quarter[- ]over[- ]quarter)\b",
    re.I,
)
_TWO_BASES = ("year over year", "sequential")


def and_the_other_base(sentence: str, at: int, basis: str) -> str:
    """The other basis a growth whose figure stands at `at` is said against beside `basis` ("up
    8% both year-over-year and sequentially"); "" where it is said against one."""
    if basis not in _TWO_BASES or not _BOTH_BASES.match(sentence, at):
        return ""
    return _TWO_BASES[1 - _TWO_BASES.index(basis)]
