"""A range of amounts said before a figure (one_figure.py reads it): what is expected, whose
midpoint a growth said beside it is, not a change that happened; and the top of a range of
percentages, no one figure."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import AMOUNT, tail

__all__ = ["amount_range", "as_signed"]

# A range of amounts: what is expected, whose midpoint a growth said beside it is ("total sales of
# $1.60 billion to $1.66 billion, which at the midpoint implies a 2% decline"); an amount "from"
# one "to" another is a change that happened, as is a change "to" a level ("grew approximately
# $3.5 billion to $35.7 billion, up 10.7%").
_AMOUNT_RANGE = led(
    r"(?P<lead>\b(?:from|grew|increased|rose|declined|decreased|fell|dropped|jumped|climbed|"
    r"improved|expanded|up|down)\s+(?:by\s+)?(?:(?:approximately|about|nearly|roughly|over|"
    r"more\s+than|almost)\s+)?)?" + rf"{AMOUNT}\s*(?:to|and|-|–)\s*"
    rf"(?:approximately\s+|about\s+)?{AMOUNT}",
    re.I,
)


# A percentage right before "to": the figure after it is a range's top ("We expect 15% to 20%
# organic revenue growth in our Hospital business"), no one figure.
_PERCENT_TO = led(r"\d\s?(?:%|percent)\s*(?:to|-|–)\s*$", re.I)


def amount_range(before: str) -> bool:
    """Whether a range of amounts stands within 120 characters before a figure, or the figure
    closes a range of percentages."""
    if _PERCENT_TO.search(before, tail(before, 16)):
        return True
    said = _AMOUNT_RANGE.search(before, tail(before, 120))
    return said is not None and said["lead"] is None


# A currency said by its code or a sign other than the dollar's, the euro's or the pound's, right
# before the digits of an amount ("RMB 1.69 billion", "HK$2.1 billion", "¥300 billion"); or
# named by its place (`place`: "revenue in U.S. dollar up 5.3%").
_CODED = led(
    r"\b(?:RMB|CNY|EUR|USD|GBP|CHF|JPY|CAD|AUD)\s?(?=\d)|(?:HK|NT|[CAR])\$(?=\s?\d)|[¥₹₩](?=\s?\d)|"
    r"\b(?P<place>U\.S\.|US)\s(?=dollars?\b)"
)


def as_signed(sentence: str) -> str:
    """`sentence` with each amount said by its currency's code written with a sign instead, of
    the same length: "an increase of RMB 670 million or 65%" as "an increase of    $670 million
    or 65%" (the amount read as one, not as words of a subject); a currency named by its place
    said by its name alone ("revenue in U.S. dollar up 5.3%": in dollars, no part)."""
    return _CODED.sub(_signed, sentence)


def _signed(coded: re.Match[str]) -> str:
    said = coded.group()
    return " " * len(said) if coded["place"] else " " * (len(said) - 1) + "$"
