"""A part's growth said beside another's, where the other's words name the measure both grew
in: "MSW grew 5% in the quarter and special waste volumes grew 5.5%" says volumes, of MSW too;
and a part's growth said as an item of a list, with no verb of its own, after a clause whose
subject is a measure that is no revenue: "rates increased in the quarter by 11%, property up
13%, financial lines up 14%" says rates, of each item."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import one_of
from .measures import COUNTED
from .patterns import REVENUE_SAID

__all__ = ["other_measure_beside"]

# The clause coordinated after a growth, its subject headed by a measure that is no revenue
# and its verb one of growth: "… and special waste volumes grew 5.5%".
# A measure that is no revenue, counted or a price: "special waste volumes", "property rates".
_OTHER = rf"(?:rates?|pric(?:es|ing)|tons|tonnage|visits|{one_of(COUNTED)[3:-1]})"
_MEASURE_BESIDE = led(
    r"[^,;.%]{0,40}?\s(?:,\s*)?and\s+(?:[\w&-]+\s+){0,3}?" + _OTHER + r"\s+"
    r"(?:grew|increased|rose|declined|decreased|fell|were\s+(?:up|down)|was\s+(?:up|down))\b",
    re.I,
)


# A list's item with no verb of its own, right before its figure: ", financial lines up 14%",
# "and primary and excess casualty up 7%".
_ITEM = led(
    r"(?:,\s*+(?:and\s++)?|\s+and\s++)(?:[\w&/'’-]++\s++){1,4}?(?:(?:was|were)\s++)?"
    r"(?:up|down)\s++(?:(?:by|about|approximately|nearly|over)\s++)?$",
    re.I,
)
# A clause whose subject is a measure that is no revenue, growing: "rates increased", "property
# rates were up".
_MEASURE_GREW = led(
    r"\b" + _OTHER + r"\s++(?:(?:were|was|have|has)\s++)?"
    r"(?:up|down|increased|decreased|rose|fell|grew|declined)\b",
    re.I,
)


def other_measure_beside(
    sentence: str, at: int, end: int, subject: str, revenue_named: bool
) -> bool:
    """Whether the growth of `subject` (a part named with no word of revenue, in a sentence
    that names none: `revenue_named`), its figure from `at` to `end`, is set beside a growth of
    another measure by "and", its measure named there only ("MSW grew 5% … and special waste
    volumes grew 5.5%"), or is a list's item with no verb, after a growth of a measure that is
    no revenue ("rates increased in the quarter by 11%, property up 13%")."""
    if revenue_named or REVENUE_SAID.search(subject):
        return False
    if _MEASURE_BESIDE.match(sentence, end, end + _REACH) is not None:
        return True
    item = _ITEM.search(sentence, max(0, at - _ITEM_REACH), at)
    if item is None:
        return False
    last = None
    for grew in _MEASURE_GREW.finditer(sentence, max(0, item.start() - _REACH), item.start()):
        last = grew  # the last one before the item
    return last is not None and ";" not in sentence[last.end() : item.start()]


_ITEM_REACH = 60  # characters before the figure a list's item is looked for in


_REACH = 120  # characters after the figure the measure beside it is looked for in
