"""A part's revenue said beside another measure of that part: "drilling adjusted EBITDA … was
up 1.7% and a 14% increase in revenue" (drilling's), "Refrigerated Foods volume decreased 2%,
sales increased 19%" (Refrigerated Foods'), "player demand drove global Lottery revenue up 14%"
(global Lottery's)."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import CHANGE_IN_REVENUE, CMP, tail
from .phrases import other_measure
from .subjects import Subject, read_subject

__all__ = ["revenue_of_part"]


# A measure moved by a cause, named between the cause's verb and the change: "player demand
# drove global Lottery revenue up 14%".
_DROVE = led(
    r"\b(?:drove|pushed|lifted|took|brought)\s+(?P<moved>(?:[\w&'’-]+\s+){1,5}?)(?:up|down|"
    r"higher|lower)\s+(?:by\s+)?" + CMP + r"$",
    re.I,
)
# Revenue said as the figure's own measure: "a 10% revenue increase", "a 14% increase in
# revenue"; or by the words just before its verb: ", sales increased 19%".
_OWN_REVENUE_NOUN = led(
    r"\s*(?:(?:revenues?|sales)\s+(?:increase|growth|decline|decrease)\b|"
    + CHANGE_IN_REVENUE
    + ")",
    re.I,
)
_REVENUE_BEFORE_VERB = led(r"(?:,|\band)\s+(?:net\s+|total\s+)?(?:sales|revenues?)\s*$", re.I)


def revenue_of_part(
    text: str,
    before: str,
    after: str,
    governor: int,
    noun: re.Match[str] | None,
    subject: Subject,
) -> Subject | None:
    """The part whose revenue a figure is where the clause's subject is another measure of that
    part: "drilling adjusted EBITDA … was up 1.7% and a 14% increase in revenue" (drilling's),
    "Refrigerated Foods volume decreased 2%, sales increased 19%" (Refrigerated Foods');
    "player demand drove global Lottery revenue up 14%" (global Lottery's). None otherwise."""
    drove = _DROVE.search(before, tail(before, 120))
    if drove is not None:
        moved = read_subject(drove["moved"])
        return moved if moved.name and not (moved.other or moved.anaphor) else None
    said = (noun is not None and _OWN_REVENUE_NOUN.match(after)) or (
        noun is None and _REVENUE_BEFORE_VERB.search(text, 0, governor)
    )
    if not said or not subject.name:
        return None
    words = [w for w in subject.name.split() if not other_measure(w.lower())]
    if not words or len(words) == len(subject.name.split()):
        return None
    part = read_subject(" ".join(words), revenue_said=True)
    return part if part.name and not (part.other or part.anaphor) else None
