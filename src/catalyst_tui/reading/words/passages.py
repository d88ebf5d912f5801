"""The measure a passage speaks of: a sentence that names no measure of its own ("Industrial
refrigeration grew 20%") speaks of the one the sentences just before it named, where they named
revenue and nothing else ("Revenue in EMEALA increased 17% organically.").

A speaker names the measure once and goes through its lines, end markets or regions in the
sentences that follow; a line so named without a word of revenue is the passage's revenue line.
The measure in force lasts `_SPAN` sentences, and any sentence that names another measure
(orders, margins, volume), or revenue beside another, ends it: "Orders grew 18%. Industrial
refrigeration grew 20%" gives the line nothing. A question ends it too: an analyst's words are
no statement of the company's. (A passage of another measure does not refuse what its
sentences say otherwise: a capitalised name alone is still read as a part, as it was.)

Linear: each sentence's words are read once, by a test of a substring before any pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..wordlists import word_set
from .names import no_noun_phrase
from .phrases import finite_verb, measure_at, other_measure, tokens
from .vocabulary import LONGEST, REVENUE_WORDS

__all__ = ["line_name", "revenue_in_force"]

_SPAN = 3  # sentences after the one that named revenue that still speak of it


def revenue_in_force(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The starts of the sentences of `text` that name no measure of their own and follow,
    within `_SPAN` sentences, one that named revenue and no other measure."""
    kept: set[int] = set()
    since = _SPAN  # sentences since revenue alone was named; `_SPAN`: none in force
    for start, end in spans:
        sentence = text[start:end]
        if end - start > LONGEST or sentence.rstrip("\"'”’) ").endswith("?"):
            since = _SPAN
            continue
        revenue, other = _measures(sentence)
        if revenue and not other:
            since = 0
        elif revenue or other:
            since = _SPAN
        elif since < _SPAN:
            kept.add(start)
            since += 1
    return frozenset(kept)


def _measures(sentence: str) -> tuple[bool, bool]:
    """Whether `sentence` names revenue, and whether it names another measure, before what
    drove its figure ("…, down 29%, given the extreme drop in oil prices": no measure)."""
    revenue = other = False
    figure = sentence.find("%")
    cause = _CAUSE.search(sentence, figure) if figure >= 0 else None
    words = [word.lower() for _, word in tokens(sentence[: cause.start() if cause else None])]
    for at, low in enumerate(words):
        if low in REVENUE_WORDS:
            revenue = True
        elif low not in _NO_MEASURE and measure_at(words, at):
            other = True  # not "which accounts for nearly 60% of segment revenues": a verb
    return revenue, other


def line_name(name: str) -> bool:
    """Whether `name` reads as the name of a line, market or region ("Industrial
    refrigeration", "General engineering"): words of a name only, none a measure of its own,
    a verb, a pronoun or a figure."""
    words = name.split()
    if not words or len(words) > _WORDS:
        return False
    for word in words:
        low = word.lower()
        if (
            _NAME_WORD.fullmatch(word) is None
            or other_measure(low)
            or finite_verb(low)
            or low in _NOT_NAMES
        ):
            return False
    return not no_noun_phrase(name)


_WORDS = 5  # a line's name is short; a longer phrase is a clause read as one
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z&'’-]*")
# What drove a figure, said after it: the measures it names are the cause's.
_CAUSE = re.compile(
    r"\b(?:given|due\s+to|driven|reflecting|led\s+by|because|as\s+a\s+result|offset|thanks\s+to|"
    r"owing\s+to|on\s+the\s+back\s+of|benefit(?:ed|ing)?)\b",
    re.I,
)
# Words of talk about a measure, said beside revenue without being another measure.
_NO_MEASURE = word_set(
    """impact impacts headwind headwinds tailwind tailwinds demand forecast outlook guidance
    estimate estimates number contribution contributions rate"""
)
# Words no name of a line holds: pronouns and the words of a clause.
_NOT_NAMES = word_set(
    """we i you they it this that these those which who what our their its there here
    per offset offsets driven led including excluding connections fewer more less putting
    posting delivering reporting generating showing achieve deliver reach initiatives end ramp
    continue see expect drive build grow launch expand"""
)
