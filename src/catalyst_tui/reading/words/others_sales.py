"""Sales that are others', not the company's revenue: the "retail sales" of a company that sells
through franchisees or dealers are their sales to consumers ("Global retail sales grew 8.5%"
of a pizza chain whose stores are mostly franchised; "North American retail sales were down
28%" of a maker whose dealers sell its vehicles), not what the company sold.

A document names such a system when it speaks of its franchisees or dealers anywhere; within
it, a share or growth whose subject holds "retail" is the system's. A retailer that sells in
its own stores names neither, and its retail sales are its own.

An insurer's "sales" are new policies sold (annualized premium), not what it earns: in a
document that speaks of insurance in its own trade words (two of underwriting, annuities,
policyholders and premiums, five times in all), a figure whose measure, named nearest it, is
sales is none ("In Latin America, sales are up 55% year-over-year"). A fund's sales are money
put into it, anywhere ("Open-end fund gross sales of $17.6 billion were 41% above").
What an insurer earns is its premiums: in its document, premiums are read as its revenue ("At
Liberty National, life premiums were up 3%"), save premiums collected (cash received) and
premiums written (policies sold).
"""

from __future__ import annotations

import re

from ..leads import led

__all__ = [
    "as_revenue",
    "fund_sales",
    "new_business",
    "of_a_system",
    "of_an_insurer",
    "system_retail",
]

_SYSTEM = led(r"\b(?:franchisees?|dealers?|dealerships?)\b", re.I)
# Retail sales, not sales to retail customers ("Sales to our independent retail customers
# decreased 3%": the company's own, sold to them), nor a retail business of its own ("Revenues
# from our retail business … reflecting a 76.4% year-over-year increase").
_RETAIL = led(
    r"\bretail\b(?!(?:\s+[\w-]+)?\s+customers\b)"
    r"(?!\s+(?:business(?:es)?|segments?|divisions?|units?|operations)\b)",
    re.I,
)


_SYSTEM_KEYS = ("ranchisee", "ealer", "RANCHISEE", "EALER")


def of_a_system(text: str) -> bool:
    """Whether `text` (a whole document) names franchisees or dealers (looked for as words
    only where their letters stand: a document is long)."""
    return any(map(text.__contains__, _SYSTEM_KEYS)) and _SYSTEM.search(text) is not None


def system_retail(subject: str, sentence: str) -> bool:
    """Whether `subject` names retail sales (of a system, where its document names one): not a
    part named Retail where its sentence says no retail sales ("In Retail, sales fell 1.7%")."""
    if subject == "Retail" and _RETAIL_SALES.search(sentence) is None:
        return False
    return _RETAIL.search(subject) is not None


_RETAIL_SALES = led(r"\bretail\s+sales\b", re.I)


# An insurer's trade words, lowered, each read from the letter before its key (the key is the
# word without its first letter: looked for first, quickly, in the lowered text).
_INSURERS_WORDS = (
    led(r"(?<!\w)underwriting\b"),
    led(r"(?<!\w)annuit(?:y|ies)\b"),
    led(r"(?<!\w)policyholders?\b"),
    led(r"(?<!\w)premiums\b"),
)
_INSURERS_KEYS = ("nderwriting", "nnuit", "olicyholder", "remiums")
_SALES = led(r"\bsales\b", re.I)
_REVENUE = led(r"\brevenues?\b", re.I)
_FUND = led(r"\bfunds?\b", re.I)
_TIMES = 5  # an insurer's words, said more than in passing
# What a figure measures, named beside it: sales, or a word of what an insurer earns.
_MEASURE = led(
    r"\b(?:sales|revenues?|pfos|premiums?|fees|income|earnings|margins?|assets|flows?)\b", re.I
)
_PERCENT = led(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|percent\b)", re.I)


def of_an_insurer(text: str, low: str | None = None) -> bool:
    """Whether `text` (a whole document; `low`, it lowered, where the caller has it) speaks of
    insurance in its trade words: two of them, five times in all (a grain trader's or a
    builder's "premiums" in passing are not; each word read only where its letters stand)."""
    low = text.lower() if low is None else low
    counts = [
        _times(low, word, key)
        for word, key in zip(_INSURERS_WORDS, _INSURERS_KEYS, strict=True)
        if key in low
    ]
    return sum(1 for n in counts if n) >= 2 and sum(counts) >= _TIMES


def _times(low: str, word: re.Pattern[str], key: str) -> int:
    """How many times `word` stands in `low`, read where its `key` does."""
    times, at = 0, low.find(key)
    while at >= 0:
        times += at > 0 and word.match(low, at - 1) is not None
        at = low.find(key, at + 1)
    return times


def new_business(sentence: str, value: float | None) -> bool:
    """Whether the figure of `value` in `sentence` measures sales (an insurer's: policies
    sold): the measure named nearest before it, or after it where none is before, is sales
    ("adjusted PFOs were up 12% … and sales were up 55%": the 55% only)."""
    if _SALES.search(sentence) is None:
        return False
    measures = list(_MEASURE.finditer(sentence))
    for figure in _PERCENT.finditer(sentence):
        if value is None or abs(abs(float(figure[1])) - abs(value) * 100) > 1e-6:
            continue
        before = [m for m in measures if m.end() <= figure.start()]
        after = [m for m in measures if m.start() >= figure.end()]
        nearest = before[-1] if before else (after[0] if after else None)
        return nearest is not None and nearest[0].lower() == "sales"
    return _REVENUE.search(sentence) is None  # no figure of its own: the sentence's measure


def fund_sales(subject: str, sentence: str, value: float | None) -> bool:
    """Whether a figure of `subject` is a fund's sales: money put into it, no revenue."""
    return _FUND.search(subject) is not None and new_business(sentence, value)


# Premiums earned, the same length as the revenue they are; premiums collected (cash received)
# or written (policies sold, as sales are) name so within their phrase ("total collected life
# and health premiums", "net written premiums", "premiums written").
_PREMIUMS = led(r"\b(?P<earned>[Ee]arned\s+)?(?P<p>[Pp])remiums\b(?P<after>\s+earned\b)?")
_NOT_EARNED = led(r"\b(?:collected|written)\s+(?:[\w-]+\s+){0,4}$", re.I)
_WRITTEN_AFTER = led(r"\s+written\b", re.I)


def as_revenue(sentence: str) -> str:
    """`sentence` (an insurer's) with its premiums earned said as revenues, each word the same
    length at the same place ("life premiums were up 8%": "life revenues were up 8%")."""
    if "remiums" not in sentence:
        return sentence

    def said(match: re.Match[str]) -> str:
        if _NOT_EARNED.search(
            sentence, max(0, match.start() - 60), match.start()
        ) or _WRITTEN_AFTER.match(sentence, match.end()):
            return match.group()
        capital = match["p"] == "P" or (match["earned"] or "")[:1] == "E"
        if match["earned"] or match["after"]:  # "net premiums earned": a line, premium revenue
            return ("Premium revenue" if capital else "premium revenue").ljust(len(match.group()))
        return "Revenues" if capital else "revenues"

    return _PREMIUMS.sub(said, sentence)
