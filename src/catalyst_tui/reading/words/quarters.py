"""The period a document is of: the quarter a call is of, from the quarters its speakers name
as their own; the year before the period its day reports (day_base)."""

from __future__ import annotations

import datetime as dt
import re

QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}


# A quarter said as the speaker's own: "in the first quarter", "our third-quarter sales".
_SAID_QUARTER = re.compile(
    r"\b(?:for|in|during|our|this|the)\s+(?:the\s+)?(?P<q>first|second|third|fourth)[- ]quarter\b"
    r"(?!\s*(?:(?:of|in)\s+)?(?:fiscal\s+)?(?:19|20)\d\d)|"
    r"(?<![\w-])(?P<qa>first|second|third|fourth)-quarter\b|"
    # "for the 2021 third quarter", "compared to the 2020 third quarter": a quarter, both
    r"\b(?:19|20)\d\d\s+(?P<qy>first|second|third|fourth)\s+quarter\b",
    re.I,
)


#: Characters a call's quarter is looked for in: its prepared remarks, where it is named.
_OPENING_REMARKS = 20_000


def document_quarter(text: str) -> int:
    """The quarter a call is of (1 to 4): the one its speakers name as their own most in its
    opening remarks, at least three times and twice as often as any other; 0 where none stands
    out so (a call that speaks of its quarter and the next alike)."""
    counts = [0] * 5
    for said in _SAID_QUARTER.finditer(text, 0, _OPENING_REMARKS):
        counts[QUARTERS[(said["q"] or said["qa"] or said["qy"]).lower()]] += 1
    top = max(range(1, 5), key=counts.__getitem__)
    rest = max(counts[q] for q in range(1, 5) if q != top)
    return top if counts[top] >= 3 and counts[top] >= 2 * rest else 0


def day_base(text: str, day: dt.date | None) -> float:
    """The year before the period a document of `day` reports (a call or a release comes
    weeks after its quarter: 2021-02-10's is 2020's fourth), the latest base of its figures
    at least; 0 where the day is unknown, or where the text names neither that year nor a later
    one (a document added long after its day: "versus 2019" is then read by its own words)."""
    if day is None:
        return 0
    year = (day - dt.timedelta(days=_REPORTED_AFTER)).year - 1
    named = (int(m.group()) for m in _YEAR.finditer(text))
    return year if any(n >= year for n in named) else 0


_REPORTED_AFTER = 60  # days: a quarter's figures are told within about two months of its end


_YEAR = re.compile(r"(?<![\w$.,])(?:19|20)\d\d\b")  # a year written out: "2020"
