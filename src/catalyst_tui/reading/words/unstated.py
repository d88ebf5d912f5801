"""Figures that state no change of the period: a growth of the year before ("The prior year
quarterly organic growth for Specialty Products was actually down 3.4%": the base's own), a
level set against another's ("40% below that of …"), a share's change said after it
("accounted for 38% and 35% last year with an increase of 3%"), and a driver's own growth set
off after it ("sales grew 2%, driven by the FONA and Cholula acquisitions, a 7% increase,")
(gates.py)."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["another_compared", "driver_apposed", "prior_period", "share_moved"]

# A clause whose subject is the growth of the year before: "The prior year quarterly organic
# growth for X" (not "Last year's revenue grew 13%": the company's, a time owning nothing).
_PRIOR_PERIODS = led(
    r"\s*+(?:the\s++)?(?:prior|previous)[- ]year(?:['’]s)?\s++(?:[\w-]++\s++){0,3}?growth\b",
    re.I,
)
# A figure set against another's level: "approximately 40% below that of White and Asian
# American" compares two things, no change of either.
_THAT_OF = led(
    r"\s*+(?:below|above|(?:higher|lower|more|less|greater)\s++than)\s++(?:that|those)\s++of\b"
    # (not a period's: "just 6% below that of the second quarter in 2019", a growth against it)
    r"(?!\s++(?:the\s++)?(?:(?:first|second|third|fourth|prior|previous|same|last)\s++)?"
    r"(?:quarter|year|period|month|fiscal|(?:19|20)\d\d|q[1-4])\b)",
    re.I,
)
# A change said after two shares of the same part (now and before), of its share: "Overseas
# revenue accounted for 38% and 35% last year with an increase of 3%" (points, no growth).
_SHARE_THEN_CHANGE = led(
    r"\b(?:accounted\s++for|represent(?:ed|s)?|made\s++up|compris(?:ed|es))\s++[^.;%]{0,40}?%"
    r"[^.;%]{1,40}?%[^.;%]{0,60}?\bwith\s++an?\s++(?:increase|decrease|decline|rise|gain)\s++of\s*+$",
    re.I,
)

# A growth set off by its comma right after what drove the figure before it: "driven by the
# FONA and Cholula acquisitions, a 7% increase," is the acquisitions'.
_DRIVER_THEN = led(
    r"\b(?:driven|led|fu?elled|fueled|helped|boosted|aided)\s++(?:(?:primarily|mainly|largely|"
    r"partly)\s++)?by\s++[^,;%]{1,80}+,\s*+(?:an?\s++)?(?:(?:approximately|about|nearly)\s++)?$",
    re.I,
)
_LEVEL_REACH = 40  # characters after a figure the level it is set against is said within
_SHARES_REACH = 160  # characters before a change the two shares it is of are said within


def prior_period(sentence: str, start: int, at: int) -> bool:
    """Whether the clause opening at `start`, its growth's figure at `at`, is of the year
    before."""
    return _PRIOR_PERIODS.match(sentence, start, at) is not None


def another_compared(sentence: str, end: int) -> bool:
    """Whether the figure ending at `end` sets one thing against another's level."""
    return _THAT_OF.match(sentence, end, end + _LEVEL_REACH) is not None


def share_moved(sentence: str, at: int) -> bool:
    """Whether the growth at `at` is said, after shares of a part, as the change of its share."""
    return _SHARE_THEN_CHANGE.search(sentence, max(0, at - _SHARES_REACH), at) is not None


def driver_apposed(sentence: str, at: int) -> bool:
    """Whether the growth at `at` is set off right after what drove the figure before it."""
    return _DRIVER_THEN.search(sentence, max(0, at - _DRIVER_REACH), at) is not None


_DRIVER_REACH = 120  # characters before a growth its driver is said within
