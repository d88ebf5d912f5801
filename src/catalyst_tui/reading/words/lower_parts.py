"""A part named in lower case ("print advertising", "rest of the world"): whether its words
say revenue of its own, or a measure of another kind ("units in backlog")."""

from __future__ import annotations

from ..leads import led
from .phrases import other_measure
from .vocabulary import PART_WORDS, REVENUE_TYPES

__all__ = ["no_measure", "said_as_revenue"]


def said_as_revenue(subject: str, parts: frozenset[str]) -> frozenset[str]:
    """The subject's last word where that is a measure its document says as revenue ("print
    advertising" where "advertising revenues" were said): no other measure of its own."""
    words = subject.casefold().split()
    if words and words[-1] in parts and other_measure(words[-1]):
        return frozenset(words[-1:])
    return frozenset()


# A phrase whose head stands before a preposition: "units in backlog" are units.
_HEADED_BEFORE = led(r"\s(?:in|of|on|at|for|from)\s")


def no_measure(revenue_said: bool, subject: str, parts: frozenset[str]) -> bool:
    """Whether a part named in lower case, neither a kind of revenue nor a part by its last
    word, is said to grow in a sentence that speaks of no revenue (`revenue_said`): "rest of
    the world's production grew 13.9%"."""
    if not subject.islower() or subject.casefold() in parts:
        return False
    if said_as_revenue(subject, parts) and not _HEADED_BEFORE.search(subject):
        return False  # "print advertising" where "advertising revenues" were said: revenue
    head = subject.split()[-1].lower()
    if head in PART_WORDS or head in REVENUE_TYPES:
        return False
    return not revenue_said
