"""A part's growth said beside another's, where the other's words name the measure both grew
in: "MSW grew 5% in the quarter and special waste volumes grew 5.5%" says volumes, of MSW too."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import REVENUE_SAID

__all__ = ["other_measure_beside"]

# The clause coordinated after a growth, its subject headed by a measure that is no revenue
# and its verb one of growth: "… and special waste volumes grew 5.5%".
_MEASURE_BESIDE = led(
    r"[^,;.%]{0,40}?\s(?:,\s*)?and\s+(?:[\w&-]+\s+){0,3}?"
    r"(?:volumes?|units|tons|tonnage|shipments|orders|bookings|billings|deliveries|"
    r"transactions|visits|traffic)\s+"
    r"(?:grew|increased|rose|declined|decreased|fell|were\s+(?:up|down)|was\s+(?:up|down))\b",
    re.I,
)


def other_measure_beside(sentence: str, end: int, subject: str, revenue_named: bool) -> bool:
    """Whether the growth of `subject` (a part named with no word of revenue, in a sentence
    that names none: `revenue_named`), its figure ending at `end`, is set beside a growth of
    another measure by "and", its measure named there only: "MSW grew 5% … and special waste
    volumes grew 5.5%"."""
    if revenue_named or REVENUE_SAID.search(subject):
        return False
    return _MEASURE_BESIDE.match(sentence, end, end + _REACH) is not None


_REACH = 120  # characters after the figure the measure beside it is looked for in
