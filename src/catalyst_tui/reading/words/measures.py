"""Words of measures that are not a part's name: those that qualify revenue ("net", "organic":
"orders and net sales" joins two measures), and those never revenue (orders, units, income,
margins): a sentence that names one speaks of it."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word, word_set
from .patterns import REVENUE_SAID

__all__ = ["COUNTED", "NEVER_REVENUE", "NEVER_REVENUE_SAID", "ONLY_QUALIFY", "sales_said"]

# Words that qualify a measure of revenue without naming a part: "orders and net sales" joins
# two measures; "NOV's consolidated total revenue" is the whole.
ONLY_QUALIFY = word_set("net total reported gross adjusted organic operating")
# Measures counted, never revenue: what a part's growth said beside or after a growth of one
# is of ("Food volumes were up 6%. Americas up 5%": volumes; coordinated.py, carried.py).
COUNTED = """orders bookings backlog billings volume volumes units shipments deliveries production
traffic transactions customers users subscribers"""
# Measures that are never revenue, each a word: counted (orders, units, customers), earned or
# spent (income, margins, costs). A sentence that names one speaks of it, not of revenue.
NEVER_REVENUE = word_set(
    COUNTED
    + """ earnings income profit profits margin margins ebitda eps cash expenses costs
    spending capex headcount demand"""
)
NEVER_REVENUE_SAID = any_word(" ".join(sorted(NEVER_REVENUE)))


# Revenue named, and organic growth, which is of sales ("organic growth of 2.2%, operating margin
# of 21.1%") where no part is named after it ("18% organic growth in our Salty business") nor
# before it ("key end markets within W&P drove organic growth of 11%").
_ORGANIC = led(r"\borganic\s+growth\b", re.I)
_PART_AFTER = led(
    r"\bin\s+(?:our|the)\s+(?:[\w&'’-]+\s+){0,3}?(?:business|segment|division|unit|portfolio)s?\b",
    re.I,
)
_PART_BEFORE = led(
    r"\b(?:within|at)\s+(?:our\s+|the\s+)?(?-i:[A-Z])|\bin\s+(?:our|the)\s+(?-i:[A-Z])", re.I
)


def sales_said(sentence: str, until: int) -> bool:
    """Whether `sentence` names revenue before `until`, or organic growth of no part named
    before or after it."""
    if REVENUE_SAID.search(sentence, 0, until) is not None:
        return True
    organic = _ORGANIC.search(sentence, 0, until)
    return (
        organic is not None
        and _PART_AFTER.search(sentence, organic.end()) is None
        and _PART_BEFORE.search(sentence, 0, organic.start()) is None
    )
