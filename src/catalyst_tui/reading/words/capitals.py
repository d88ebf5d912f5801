"""A name written in capitals holds words that elsewhere end or qualify a phrase: its own "and"
("Uniform Rental and Facility Services"), its ordinal ("First Aid"), a brand's own stores
("NIKE stores": a channel, not a count), a word of the whole that names a part ("our Global
segment")."""

from __future__ import annotations

import re

from ..leads import led
from .vocabulary import PERIOD_WORD, PLACES, REVENUE_WORDS

__all__ = ["CHANNEL_OF_A_NAME", "brand_before", "name_joined", "part_titled", "titled"]


def name_joined(text: str, end: int) -> str:
    """The rest of a name written in capitals that "and" joins, where a list's item ending at
    `end` stops before it ("7.8% for Uniform Rental and Facility Services, 14.1% for …"): " and
    Facility Services", its words up to the list's next mark; "" elsewhere."""
    if not re.search(r"(?-i:[A-Z])[\w&-]*$", text[max(0, end - 40) : end]):
        return ""
    joined = _NAME_AND.match(text, end)
    return joined.group() if joined is not None else ""


# "and" then two capitalised words at most, then a list's mark: the name's own "and".
_NAME_AND = led(r"\s+and\s+[A-Z][\w&-]*+(?:\s+[A-Z][\w&-]*+)?(?=\s*(?:[,;.]|and\b|$))")


def titled(words: list[str], i: int) -> bool:
    """Whether the period's word at `i` opens a name written in capitals ("First Aid and
    Safety Services", "Last Mile"), no period: its next word capitalised and no period's."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if words[i].lower() not in _ORDINALS or not (words[i][:1].isupper() and nxt[:1].isupper()):
        return False
    return nxt.lower() not in PERIOD_WORD and nxt.lower() not in REVENUE_WORDS


_ORDINALS = frozenset({"first", "second", "third", "last", "next", "final"})


# A channel a name's own stores make: "NIKE stores down 1%" (a brand's stores, no count).
CHANNEL_OF_A_NAME = frozenset({"store", "stores"})


def brand_before(words: list[str], i: int) -> bool:
    """Whether a capitalised name other than a place stands right before the word at `i`
    ("NIKE stores": the brand's; "Mexico and Brazil stores" a count of places' stores)."""
    before = words[i - 1] if i else ""
    return before[:1].isupper() and before.lower() not in PLACES


def part_titled(words: list[str], lows: list[str], i: int) -> bool:
    """Whether the word at `i`, one of the whole's ("Global", "Worldwide", "Core"), names a part
    here: capitalised, right before a segment's or a division's noun ("Sales for our Global
    segment declined 2%"; not "Total segment sales": all of them)."""
    return (
        lows[i] in _WHOLE_AS_NAME
        and words[i][:1].isupper()
        and lows[i + 1 : i + 2] in (["segment"], ["division"])
    )


_WHOLE_AS_NAME = frozenset({"global", "worldwide", "core"})
