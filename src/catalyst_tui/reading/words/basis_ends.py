"""Where the words a growth's basis is said in end (bases.basis_window): a word that opens a
cause, a concession, a clause of its own or another measure's change ("up 5% as volumes grew
year over year": no basis of the 5%'s), and a change in points set beside it."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word

__all__ = ["CUT_BASIS", "POINTS_ASIDE", "against_doubled"]

CUT_BASIS = any_word(
    # "which" and "representing" save where they restate the change as an amount ("grew 52% to
    # $52.1 million, which was an increase of $17.7 million compared to the fourth quarter of
    # fiscal 2020": the base is the growth's too)
    r"""as(?!\s+compared)(?!\s+we\s+compare\b) because due driven
    which(?!\s+was\s+an?\s+(?:increase|decrease)\s+of\s+[$€£])
    while led reflecting helped primarily mainly largely principally benefiting offset thanks
    where but whereas cagr stack(?:ed)? despite aided supported fueled highlighted
    representing(?!\s+(?:an?\s+)?(?:additional\s+)?(?:increase|decrease|growth)\s+of\s+[$€£])
    although though impacted(?=\s+by) lapping""",
    # another measure's own words: "up 1% with comp sales flat year-over-year"
    # or its own change, or the parts' ("with strong increases from last year's …", "with all
    # segments up year over year")
    # a clause of a speaker's own after a comma: "while revenue was down 25%, we continue to
    # show a sequential improvement"
    # a change of the growth's rate set beside it, with its own base: "down 9.6% organically,
    # a significant improvement over Q2"
    # a change of its own with no figure: "up 17%, down slightly sequentially"
    also=r";|,\s*and\s+(?:both|all|each)\s|,\s*(?:we|i|they)\s|"
    r",\s*(?:and\s+|but\s+)?(?:(?:up|down)\s+(?:slightly|modestly|marginally|a\s+bit)|"
    r"(?:roughly\s+|about\s+|essentially\s+)?flat)\b|"
    r",\s*(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:improvement|acceleration|deceleration|deterioration|slowdown)\b|"
    r"\bwith\s+(?:[\w-]+\s+){0,2}?(?:sales|revenues?|volumes?|orders|margins?|"
    r"increases|declines|gains)\b|\bwith\s+(?:all|each|every|both|most|many)\s",
)
# A change in points set beside a growth, with its own basis: "down only 8%, a sequential
# improvement of almost 30 percentage points" (the 8% has none).
POINTS_ASIDE = led(
    r",\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:improvement|increase|decline|decrease|change|"
    r"deterioration|acceleration|deceleration)\s+of\s+(?:[a-z]+\s+){0,2}?[\d.]+\s*"
    r"(?:percentage\s+|basis\s+)?points?\b",
    re.I,
)


# The amount a multiple is of, said right after it: "more than double (than) the $9.8 million
# in Q3 '24" is against it, as "from" says.
_AMOUNT_DOUBLED = led(r"^\s*(?:than\s+)?(?=the\s+[$€£]\d)", re.I)


def against_doubled(window: str, multiple: str | None) -> str:
    """The words a growth's basis is read in, where the growth is a multiple of an amount said
    right after it ("double the $9.8 million in Q3 '24"): that amount said as its base."""
    if (multiple or "").lower() not in ("double", "triple"):
        return window
    return _AMOUNT_DOUBLED.sub(" from ", window, count=1)
