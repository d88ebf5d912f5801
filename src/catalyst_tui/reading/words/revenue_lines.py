"""Whether a sentence says a name as a line of revenue is said, where the name alone does not
say so (figures.py asks, for a name no document spoke of with revenue): with an amount of money,
as one of what drove its revenue change, or with its organic growth ("Hand tools grew 2%
organically", "we delivered 2% organic growth in engineered fastening": organic growth is of
sales, as measures.sales_said reads it)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .phrases import other_measure

__all__ = ["said_as_a_line"]


def said_as_a_line(sentence: str, name: str) -> bool:
    """Whether the sentence says `name` as a line of revenue is said: with an amount of money
    ("Medication delivery of $747 million increased 11%"; not a balance, "Total assets of $5
    billion"), as one of what drove its revenue change, each with its own figure ("sales
    increased 20% driven by an 18% increase in Basics, an 8% increase in intimates"), or right
    beside its own organic growth ("Hand tools grew 2% organically")."""
    return _with_amount(sentence, name) or _driver(sentence, name) or _organic(sentence, name)


# A growth said organic right at the name: its verb and figure after it ("Hand tools grew 2%
# organically", "X posted 13% organic growth", "X had organic growth of 31.7%"), or its figure
# before it ("2% organic growth in engineered fastening").
_AMOUNT = r"(?:(?:about|approximately|nearly|over|more\s+than|roughly|almost)\s+)?\d[\d.]*\s*%"
_GROWTH = r"organic(?:\s+(?:revenue|sales))?\s+growth"
_ORGANIC_AFTER = led(
    r"\s+(?:(?:(?:was|were)\s+)?(?:up|down)|grew|increased|rose|declined|decreased|fell)\s+"
    rf"(?:by\s+)?{_AMOUNT}\s+organic(?:ally)?\b|"
    r"\s+(?:posted|delivered|had|reported|saw|achieved)\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_AMOUNT}\s+{_GROWTH}|{_GROWTH}\s+of\s+{_AMOUNT})",
    re.I,
)
_ORGANIC_BEFORE = led(rf"{_AMOUNT}\s+{_GROWTH}\s+in\s+(?:our\s+|the\s+)?$", re.I)


def _organic(sentence: str, name: str) -> bool:
    """Whether `name` stands in `sentence` right beside a growth said organic, and names no
    other measure."""
    at = sentence.find(name) if "rganic" in sentence else -1
    if at < 0 or any(other_measure(w) for w in name.lower().split()):
        return False
    return bool(
        _ORGANIC_AFTER.match(sentence, at + len(name))
        or _ORGANIC_BEFORE.search(sentence, max(0, at - 60), at)
    )


def _with_amount(sentence: str, name: str) -> bool:
    if "$" not in sentence and "€" not in sentence and "£" not in sentence:
        return False
    words = name.lower().split()
    if any(other_measure(w) or w in _BALANCE for w in words):
        return False
    at = sentence.find(name)
    return at >= 0 and _AMOUNT_AFTER.match(sentence, at + len(name)) is not None


# A revenue change said, then what drove it: "US Innerwear sales increased 20% over prior year
# driven by"; "The consolidated sales increase was driven by".
_DRIVERS = led(r"\b(?:revenues?|sales)\b[^.;]{0,80}?\b(?:driven|led|fueled|fuelled)\s+by\s", re.I)


def _driver(sentence: str, name: str) -> bool:
    """Whether `name` stands as a driver's own figure after the sentence's revenue change: "an
    8% increase in intimates", "a 5% increase at defense" (not what offset it, nor a name cut
    short: "a 16% increase in modification and upgrades")."""
    drivers = _DRIVERS.search(sentence)
    if drivers is None:
        return False
    start = drivers.end()
    at = sentence.find(name, start)
    if at < 0 or "offset" in sentence[start:at] or _CUT_SHORT.match(sentence, at + len(name)):
        return False
    return _DRIVER_BEFORE.search(sentence, max(start, at - 40), at) is not None


_CUT_SHORT = led(r"\s+and\s+[a-z][\w-]*\s*(?:[,.;]|$)")
_DRIVER_BEFORE = led(
    r"\b(?:an?\s+)?\d[\d.]*\s*%\s+(?:increase|growth|decline|decrease|rise|gain)\s+(?:in|at)\s+"
    r"(?:our\s+|the\s+)?$",
    re.I,
)

# An amount said of what was just named: "of $747 million", "were $62 million".
_AMOUNT_AFTER = led(
    r"\s+(?:of|at|was|were|totaled|totalled|reached)\s+(?:approximately\s+|about\s+|nearly\s+)?"
    r"[$€£]\s?\d[\d.,]*\s*(?:million|billion|thousand|mm|bn|[mb])\b",
    re.I,
)
# What a balance sheet or a cash flow holds: no line's revenue, whatever its amount.
_BALANCE = word_set(
    """assets asset liabilities equity debt cash capital reserves reserve inventory inventories
    receivables payables borrowings liquidity expenses expense costs cost income profit
    earnings ebitda spending capex dividends buybacks repurchases proceeds originations written
    funding"""
)
