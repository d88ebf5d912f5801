"""How a company's parts are cut, said by their kind: "By end market,", "Organic growth by
segment was …" (clauses.py reads a frame of it, patterns.py a growth told by it)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .vocabulary import PLACES

__all__ = ["DIMENSION", "cut_of", "cuts_in", "grown_across"]

DIMENSION = (
    r"(?:our\s+|the\s+)?(?:(?:end|geographic(?:al)?|reportable|operating|business|product|"
    r"customer)[- ])?(?:markets?|regions?|geograph(?:y|ies)|segments?|product\s+lines?|"
    r"channels?|divisions?|technologies|lines?\s+of\s+business|(?<=business\s)lines|categor(?:y|ies)|"
    r"modalit(?:y|ies)|brands?|franchises?|product\s+(?:families|groups?)|verticals?|"
    r"industr(?:y|ies))"
)


def cut_of(name: str) -> str:
    """How the part `name` is cut where a place or a channel alone names it: "place" ("U.S.",
    "International", "Western Europe and North America", "the rest of the world"), "channel"
    ("Wholesale", "Retail", "direct-to-consumer segment", "Royalties and other"); "" for any
    other name (a brand, a product, a segment's own name, a place and a channel together)."""
    cuts = cuts_in(name)
    return next(iter(cuts)) if len(cuts) == 1 and "other" not in cuts else ""


def cuts_in(name: str) -> frozenset[str]:
    """The kinds of the words of the part `name`: "place", "channel", and "other" for a word of
    neither ("Americas Banking": a place and another; "Gucci": other alone)."""
    cuts = set()
    for word in name.lower().replace("&", " ").split():
        word = word.strip(".,'’()")
        if word not in _FILLER:
            cuts.add("place" if word in PLACES else "channel" if word in _CHANNELS else "other")
    return frozenset(cuts)


# The channels a company sells through, named by the word alone.
_CHANNELS = word_set(
    """wholesale retail royalties royalty licensing direct-to-consumer dtc d2c e-commerce ecommerce
    online digital stores store"""
)
# The words a place's or a channel's name holds besides: "the rest of the world", "Wholesale and
# other revenue", "our direct-to-consumer segment".
_FILLER = word_set(
    """and the of our rest other net sales revenue revenues business businesses segment segments
    channel channels"""
)


def grown_across(sentence: str, at: int) -> bool:
    """Whether a growth across the company's parts, named by how they are cut, stands before
    "with" and the figure at `at`: "we experienced solid growth in all our business lines with
    residential increasing 13.6%" (what the clause after "with" names is a part)."""
    said = _GROWN_ACROSS.search(sentence, 0, at)
    return said is not None and "with" in sentence[said.end() : at].lower().split()[:1]


# A growth said across the parts, cut a named way, its clause ended by "with".
_GROWN_ACROSS = led(
    r"\b(?:growth|gains|increases)\s+(?:in|across)\s+(?:(?:all|each|both|every)\s+(?:of\s+)?)?"
    + DIMENSION
    + r",?\s+(?=with\b)",
    re.I,
)
