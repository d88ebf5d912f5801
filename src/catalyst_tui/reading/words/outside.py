"""A part named by where its revenue is made: outside a place ("Net sales to customers outside
the U.S.", "revenue outside of North America"), the rest of the world's revenue, a part as any
region is; anything else set aside ("Revenue excluding China", "outside our core business"), no
part's own; sales to a market's customers ("Sales to transportation customers") or to customers
in a place ("to customers in Europe"), theirs; to anyone else, a customer's."""

from __future__ import annotations

import re

from ..leads import led
from .vocabulary import PLACES

__all__ = [
    "CUSTOMER",
    "EXCLUDED_PART",
    "MARKET_CUSTOMERS",
    "a_place",
    "outside_place",
    "set_aside",
    "sold_to",
]

CUSTOMER = led(r"\bcustomers?\b|\bclients?\b", re.I)
#: Customers named as a market, an industry in lower case with no size or rank: "transportation
#: customers", "our independent retail customers" (not "our top ten customers": customers).
MARKET_CUSTOMERS = (
    r"(?:our\s+)?(?:other\s+)?(?:(?!(?:top|largest|biggest|new|existing|key|major|large|small|our|"
    r"the|those|these|some|certain|one|two|three|four|five|ten)\b)[a-z][\w-]*\s+){1,3}customers"
)

# A part set aside: "Excluding China,", "outside of the U.S.", "ex-Japan"; an effect set aside
# ("excluding currency", "excluding acquisitions") leaves the company's own measure.
EXCLUDED_PART = led(
    r"\b(?i:excluding|outside(?:\s+of)?|other\s+than|apart\s+from|except(?:\s+for)?|ex-)\s*"
    r"(?i:the\s+|our\s+)?(?!(?i:impacts?|effects?|currency|currencies|fx|foreign|"
    r"acquisitions?|divestitures?|dispositions?|m&a|one-time|special|extra|53rd|items?|"
    r"charges?|costs?|gaap)\b)[A-Z][\w&.-]*"
)
# Revenue outside what is no place: no part's own ("Revenue outside our core business").
_OUTSIDE_ANY = led(r"\b(?:revenues?|sales)\s++outside\b", re.I)
# Customers of an industry, a market, or a kind of buyer ("sales to communications networks",
# "sales to distributors").
_MARKET_OF_CUSTOMERS = led(
    rf"{MARKET_CUSTOMERS}|(?:the\s+|other\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:end\s+)?markets?|"
    r"(?!(?:these|those|such|some|certain|our|its|their)\b)"
    r"(?:[a-z][\w-]*\s+){0,3}(?:networks|distributors|dealers|retailers|wholesalers|integrators)"
)
_SOLD_TO = led(r"\b(?:sales|revenues?)\s+to\s+", re.I)
# Customers named by where they are: "to customers in Europe", "to customers outside the U.S.".
_CUSTOMERS_IN = led(r"\s*+(?:our\s++)?customers\s++(?:(?:based\s++)?in\s++)?(?P<place>.+)", re.I)
# Revenue outside a place, the phrase whole: "Net sales to customers outside the U.S.", "outside
# of China" (not "all sales outside of X", an item of a list whose whole is named before it).
_OUTSIDE = led(
    r"\s*+(?:(?:(?:our|net|total)\s++)*+(?:revenues?|sales)\s++"
    r"(?:to\s++(?:our\s++)?customers\s++)?)?(?P<said>outside\s++(?:of\s++)?(?:the\s++)?"
    r"(?P<place>[A-Za-z][\w.]*+(?:\s++[A-Za-z][\w.]*+){0,2}))\s*+$",
    re.I,
)
_STATES = frozenset({"united", "states", "kingdom", "arab", "emirates"})


def outside_place(phrase: str) -> str:
    """The part `phrase` names as outside a place ("outside the U.S."), or "" where it ends
    otherwise or what it is outside of is no place ("outside our core business")."""
    said = _OUTSIDE.fullmatch(phrase) if "outside" in phrase else None
    if said is None:
        return ""
    return said["said"] if a_place(said["place"]) else ""


def a_place(words: str) -> bool:
    """Whether `words` ("the U.S.", "Latin America") name a place and nothing else."""
    lows = [w.lower().replace(".", "") for w in words.split()]
    lows = lows[1:] if lows[:1] == ["the"] else lows
    return bool(lows) and all(w in PLACES or w in _STATES for w in lows)


def sold_to(phrase: str) -> str | None:
    """Whose revenue sales to someone are ("Sales to transportation customers": the market's;
    "to customers outside the U.S.": that place's), "" for a customer's ("Sales to Apple"), or
    None where `phrase` says no sales to anyone."""
    said = _SOLD_TO.search(phrase)
    if said is None:
        return None
    bought = phrase[said.end() :].strip()
    if _MARKET_OF_CUSTOMERS.fullmatch(bought):
        return re.sub(r"^(?:the|our)\s+", "", bought)
    where = _CUSTOMERS_IN.match(bought)
    if where is None or not (outside_place(where["place"]) or a_place(where["place"])):
        return ""
    return where["place"].strip()


def set_aside(phrase: str) -> bool:
    """Whether `phrase` names its revenue by what it leaves out, no place's outside: "Revenue
    excluding China", "outside our core business"."""
    return EXCLUDED_PART.search(phrase) is not None or _OUTSIDE_ANY.search(phrase) is not None
