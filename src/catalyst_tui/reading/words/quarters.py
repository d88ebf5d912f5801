"""The period a document is of: the quarter a call is of, from the quarters its speakers name
as their own; the year before the period its day reports (day_base); and a quarter named as a
base against the clause's own, a year before or just before (against_quarter)."""

from __future__ import annotations

import datetime as dt
import re

from ..leads import led
from .vocabulary import COMPARED_TO

QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}


# A quarter said as the speaker's own: "in the first quarter", "our third-quarter sales", "the
# fourth quarter of 2021", "Q4". A quarter with its year counts too: a call names its own quarter
# and the same quarter a year before alike.
_SAID_QUARTER = led(
    r"\b(?:for|in|during|our|this|the)\s+(?:the\s+)?(?:fiscal\s+)?(?P<q>first|second|third|fourth)"
    r"[- ]quarter\b|"
    r"(?<![\w-])(?P<qa>first|second|third|fourth)-quarter\b|"
    # "for the 2021 third quarter", "compared to the 2020 third quarter": a quarter, both
    r"\b(?:19|20)\d\d\s+(?P<qy>first|second|third|fourth)\s+quarter\b|"
    r"(?<![\w-])(?P<qq>q[1-4])\b",
    re.I,
)


# A quarter said as a base: after a word of comparison ("versus the", "comparable to").
_BASE_BEFORE = led(
    rf"\b(?:{COMPARED_TO}|comparable\s+to|consistent\s+with|both)\s+(?:the\s+)?$", re.I
)


# A year after a quarter: "… quarter of 2020". A base said with its year is the same quarter a
# year before, most often ("Compared to the 2020 third quarter" is also so, its year inside).
_WITH_YEAR = led(r",?\s*(?:(?:of|in)\s+)?(?:fiscal\s+)?(?:19|20)\d\d")


def _the(said: str) -> int:
    """The length of a leading "the " of a quarter said, which the base's words may end in."""
    return 4 if said[:4].lower() == "the " else 0


#: Characters a call's quarter is looked for in: its prepared remarks, where it is named.
_OPENING_REMARKS = 20_000


def document_quarter(text: str) -> int:
    """The quarter a call is of (1 to 4): the one its speakers name as their own most in its
    opening remarks, at least three times and twice as often as any other; 0 where none stands
    out so (a call that speaks of its quarter and the next alike)."""
    counts = [0] * 5
    for said in _SAID_QUARTER.finditer(text, 0, _OPENING_REMARKS):
        if _BASE_BEFORE.search(
            text, max(0, said.start() - 30), said.start() + _the(said.group())
        ) and not (said["qy"] or _WITH_YEAR.match(text, said.end())):
            continue  # "compared to the second quarter": the quarter before, most often
        counts[QUARTERS[(said["q"] or said["qa"] or said["qy"] or said["qq"]).lower()]] += 1
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


_YEAR = led(r"(?<![\w$.,])(?:19|20)\d\d\b")  # a year written out: "2020"


# ---------------------------------------------------------------------------- a quarter as a base
AS_BASE = led(
    rf"\b(?:{COMPARED_TO}|in\s+comparison\s+(?:to|with))\s+(?:[\w$.,'’-]+\s+){{0,8}}?$",
    re.I,
)
YEAR_DIGITS = led(r"(?:19|20)\d\d")  # cheap: most sentences name no year


def year_said(sentence: str) -> bool:
    """Whether `sentence` names a year ("2021"): looked for only where "19" or "20" stands, as
    every year named holds one (a test of a substring, half a search's cost)."""
    return ("19" in sentence or "20" in sentence) and YEAR_DIGITS.search(sentence) is not None


_QUARTER_OF_YEAR = led(
    # "the first quarter of 2021", "the first quarter 2021", "the first quarter of fiscal year '22"
    # ("Q3, 2019" too)
    r"\b(?P<q>first|second|third|fourth)(?:\s+|-)quarter,?\s+(?:(?:of|in)\s+)?(?:fiscal\s+)?(?:year\s+)?"
    r"(?:(?:19|20)\d\d|['’]\d\d\b)|"
    r"\b(?P<qq>q[1-4]),?\s*(?:(?:of|in)\s+)?(?:fiscal\s+)?(?:19|20)\d\d|"
    r"\b(?:19|20)\d\d\s+(?P<qy>first|second|third|fourth)\s+quarter|"  # "the 2020 third quarter"
    # "the fourth quarter of last year": of the year before the speaker's
    r"\b(?P<ql>first|second|third|fourth)\s+quarter\s+of\s+(?:last|the\s+(?:prior|previous))\s+year|"
    r"\b(?P<qm>march|june|september|december)\s+quarter\b|"  # "from the December quarter"
    # a quarter of no year named: "up 17% from an already strong fourth quarter"
    r"\b(?P<qb>first|second|third|fourth)\s+quarter\b(?!\s+(?:of|in)\b)",
    re.I,
)
# A quarter named by the month it ends in: its place in the year, as the ordinals are.
_MONTHS = {"march": 1, "june": 2, "september": 3, "december": 4}
_OWN_QUARTER = led(
    r"\b(?:for|in|during)\s+(?:the\s+)?(?:(?P<q>first|second|third|fourth)\s+quarter|"
    r"(?P<qq>q[1-4]))\b(?!\s*(?:(?:of|in)\s+)?(?:fiscal\s+)?(?:19|20)\d\d)|"
    r"(?<![\w-])(?P<qa>first|second|third|fourth)-quarter\b|"  # "Our first-quarter 2020 revenue"
    r"\b(?:for|in|during)\s+the\s+(?P<qm>march|june|september|december)\s+quarter\b",
    re.I,
)


def against_quarter(window: str, text: str, basis: str, quarter: int = 0) -> str:
    """A base that is a quarter of a year named against the clause's own quarter, else the
    document's (`quarter`, 0 for none known): the same quarter is a year before; the quarter
    just before is sequential ("For the fourth quarter, … 26.8% compared to the third quarter
    of 2020"); another, no basis known."""
    base = next(  # a quarter said as a base, not the figure's own ("in the second quarter of
        # 2020 over 2019")
        (
            m
            for m in _QUARTER_OF_YEAR.finditer(window)
            if AS_BASE.search(window, max(0, m.start() - 60), m.start())
        ),
        None,
    )
    own = _OWN_QUARTER.search(text)
    quarter = quarter or (quarter_of_bases(text) if base is not None and own is None else 0)
    if base is None or (own is None and not quarter):
        return basis
    if base["qb"] and basis:
        return basis  # a quarter of no year named settles no basis said otherwise
    if bool(base["qm"]) != bool(own and own["qm"]):
        return basis  # a month's quarter against an ordinal one: the fiscal year is unknown
    then = _quarter(base)
    now = _quarter(own) if own else quarter
    if then == now:
        return basis
    return "sequential" if now == then % 4 + 1 else ""


def _quarter(said: re.Match[str]) -> int:
    """The quarter (1 to 4) a match of a quarter names, by its ordinal or by its month."""
    name = next(value for value in said.groupdict().values() if value).lower()
    return _MONTHS.get(name) or QUARTERS[name]


def quarter_of_bases(sentence: str) -> int:
    """The quarter a sentence's figures are of where it names two quarters as bases, the same
    quarter a year before and the one just before ("versus Q4 2020, a 10.4% increase over Q3
    2021": the fourth); 0 otherwise."""
    if len(YEAR_DIGITS.findall(sentence, 0, 600)) < 2:
        return 0  # two quarters of years are two years said: few sentences
    said = {
        int(m.group(0)[-4:]) * 4 + _quarter(m) - 1
        for m in _QUARTER_OF_YEAR.finditer(sentence)
        if m.group(0)[-4:].isdigit()
    }
    return next((then % 4 + 1 for then in said if then + 3 in said), 0)


# A quarter said by its number after the word ("In quarter 4, revenue grew 19%", "Quarter 4
# service revenue increased 21%") is the quarter "Q4" names; not a quarter's count after "the"
# or "this" ("in the quarter 4 new stores opened") nor a figure ("quarter 4.5%").
_NUMBERED = led(
    r"(?<![\w-])(?<!the\s)(?<!this\s)(?<!a\s)[Qq]uarter\s++(?P<n>[1-4]|one|two|three|four)\b"
    r"(?![.,]\d|\s*+%)"
)
_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4"}


def numbered_quarter(plain: str) -> str:
    """`plain` with each quarter said by its number written "Q" and the number ("quarter one of
    2020": Q1), its length kept (the name at the end of the words it took)."""
    if "uarter " not in plain:
        return plain  # (most sentences: no search)
    return _NUMBERED.sub(
        lambda m: " " * (len(m.group()) - 2) + "Q" + _NUMBERS.get(m["n"], m["n"]), plain
    )
