"""A sentence that opens with a named part's measure, and so opens that part's section:
"Semiconductor Systems revenue exceeded our expectation in Q1." or "Canadian P&C net income was
up 5% year-over-year …". The revenue the next sentence says with no word of whose is the
part's, not the company's (part_turns.py asks)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .dimensions import cut_of
from .not_names import COMPARATIVES
from .part_turns import AMOUNT_SAID, PartTurns
from .turns import same_speaker
from .vocabulary import GENERIC_WORDS, OTHER_MEASURES, PERIOD_WORD, REVENUE_WORDS

__all__ = ["owned_before", "owner_opening"]


def owned_before(
    text: str, spans: list[tuple[int, int]], index: int, whole: str, company: frozenset[str]
) -> bool:
    """Whether the revenue the sentence at `index` (`whole`) says with no word of whose is a
    part's its speaker's sentence just before opened with as the owner of a measure
    ("Semiconductor Systems revenue exceeded our expectation in Q1. On a year-over-year basis,
    revenue declined 8% to $5.14 billion."), not one of the company's own names."""
    if not same_speaker(text, spans, index) or not PartTurns.alone(whole):
        return False
    owner = owner_opening(text[slice(*spans[index - 1])])
    if not owner or owner.casefold() in company:
        return False  # no part opened it, or the company itself: "Acme revenue beat our plan."
    return not (cut_of(owner) and AMOUNT_SAID.search(whole))  # "U.S. retail sales grew 3.1% ….
    # Revenues increased 6.2% to $1.0 billion.": after a place's or a channel's figure, a total
    # said with its amount is the company's


# The sentence's opening: a name of one to four words each begun by a capital, a measure's
# qualifiers in lower case, then the measure and a verb ("Capital Markets net income was").
_OPENS = led(
    r"\s*+(?:(?:and|so|now)[\s,]++)?"
    r"(?P<name>(?-i:[A-Z])[\w&'’.-]*+(?:\s++(?-i:[A-Z])[\w&'’.-]*+){0,3})\s++"
    r"(?:(?-i:[a-z])[\w-]*+\s++){0,2}?(?P<measure>[\w&-]++)\s++"
    r"(?:was|were|is|are|exceeded|beat|topped|missed|surpassed|grew|increased|decreased|declined|"
    r"rose|fell|came|totaled|reached|improved)\b",
    re.I,
)
# The measures a part owns: its revenue, its profit and what it books.
_OWNED = word_set(
    """revenue revenues sales income earnings profit profits ebitda ebit ebita margin margins
    volume volumes orders bookings backlog pppt ptpp nii oi ffo noi"""
)
# A measure's qualifier said with a capital as the sentence's first word: no name.
_QUALIFIERS = word_set(
    """operating interest diluted free pre-tax pretax segment segments business businesses
    organic reported adjusted underlying comparable same"""
)
_NO_NAME = GENERIC_WORDS | PERIOD_WORD | _QUALIFIERS


def owner_opening(sentence: str) -> str:
    """The part `sentence` opens with as the owner of a measure ("Semiconductor Systems revenue
    exceeded …": "Semiconductor Systems"); "" where it opens otherwise, or its first words name
    a period, the whole ("Total revenue", "Fourth quarter net income") or a measure's kind
    ("Operating income", "Diluted EPS")."""
    opens = _OPENS.match(sentence)
    if opens is None:
        return ""
    if opens["measure"].lower() not in _OWNED:
        return ""  # "Positive ForEx increased revenue", "Foreign exchange was a 2% tailwind"
    words = [w.lower() for w in opens["name"].replace("-", " ").split()]
    if any(w in _NO_NAME or w in COMPARATIVES for w in words):
        return ""  # "Third-quarter sales were", "Strong sales were"
    if words[-1] in REVENUE_WORDS or words[-1] in OTHER_MEASURES:
        return ""  # "EBITDA margin was", "Free Cash Flow was" (not "Capital Markets")
    return opens["name"]
