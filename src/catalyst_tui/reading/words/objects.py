"""The part a figure is of, named after it: "13% for notebooks", "a 41% increase in EV/HEV
applications", "we grew 48% sequentially in filters" (attribution.py reads the rest of whose a
figure is)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .capitals import name_joined
from .patterns import OBJECT
from .phrases import other_measure
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import CURRENCIES, PERIOD

__all__ = ["object_subject"]

# Sales that lead to a part, the growth said in them: "grew 53% in retail sales headlined by X"
# (no part's after them).
# A place named before: "in that geography", "in the region".
_PLACE_BEFORE = led(
    r"(?:the|this|that|these|those)\s++(?:geograph(?:y|ies)|regions?|countr(?:y|ies)|areas?)\b",
    re.I,
)
# The place a revenue named as a growth's object is of, said after it: "a 45% increase in
# first quarter net revenue in the United States".
_IN_THE_PLACE = led(
    r"\s+in\s+the\s+(?P<place>(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,2})"
    r"(?=\s*(?:[,;]|\.?$|\.\s)|\s+(?:and|with|as|while|driven|led|compared|versus)\b)",
    re.I,
)
_LED_AFTER = led(r"\b(?:revenues?|sales)\s+(?:headlined|led|driven)\s+by\b", re.I)


def object_subject(after: str, *, of_revenue: bool = False) -> Subject | None:
    """ "…13% for notebooks", "a 41% increase in EV/HEV applications": the part after. With
    `of_revenue` (the clause's growth is the company's: "we grew 48% sequentially in filters",
    "led by 15% growth in cloud") what it grew in is a part where it is a kind of thing: a
    plural with no article ("filters"), a kind of revenue ("software"), a single word."""
    match = OBJECT.match(after)
    if match is None:
        return None
    # "13% for notebooks" after a revenue: the part; "a 10% increase in impressions": what
    # increased, a part only where a word or a name says so
    words = (match["x"] + name_joined(after, match.end("x"))).strip()  # "X and Y Services"
    words += "." if re.search(r"\b[A-Z]\.[A-Z]$", words) else ""  # an abbreviation's: "U.S."
    if re.match(r"\s*as\s+a\s+whole\b", after[match.end("x") :], re.I):
        return None  # "for ATI as a whole and for HPMC": the whole, no part named after
    said_in = re.findall(r"[a-z]+", after[match.start("x") :][:40].lower())[:4]
    if any(map(CURRENCIES.__contains__, said_in)):
        return None  # "up 12% in USD", "in U.S. dollars": the currency it is said in
    if re.match(
        r"(?:(?:the|this|that)\s+(?:segment|business|division|group)|an?|some|every|each|all)\b",
        words,
        re.I,
    ) or (of_revenue and _PLACE_BEFORE.match(words)):
        return Subject("", False, True, False)  # "in the segment", "in a number of segments";
        # "our revenues tripled in that geography": a place named before, not the company's
    if _LED_AFTER.search(words):
        return Subject("", False, True, False)  # "53% in Nielsen sales headlined by X": not X's
    kind_of = of_revenue and _kind_of_thing(words)
    subject = read_subject(words, revenue_said=match["prep"].lower() == "for" or kind_of)
    placed = _IN_THE_PLACE.match(after, match.end("x")) if subject.name == COMPANY else None
    if placed is not None and not PERIOD.match(placed["place"]):
        place = placed["place"]  # a sentence's full stop is no abbreviation's ("U.S.")
        place = place[:-1] if re.search(r"(?<![A-Z]\.[A-Z])\.$", place) else place
        subject = read_subject(place, revenue_said=True)  # "…revenue in the United States"
    if not subject.name or subject.name == COMPANY or PERIOD.fullmatch(subject.name.split()[0]):
        return None
    if not re.search(r"[A-Za-z]", subject.name):
        return None  # "27% for the --": broken off, no part after
    if re.match(
        r"(?:the\s+)?(?:[a-z]+\s+(?:consecutive|straight)\s+)?"
        r"(?:quarter|year|period|constant|reasons?|(?:front|back|first|second)\s+half)|"
        r"(?:comparison|contrast|relation|line|addition|excess|terms)\b|"
        # a clause of its own: "in what remains a challenging environment"
        r"(?:what|which|whatever|where|how|when)\b|"
        r"(?:revenues?|sales)\b(?!\s+(?:of|from|in|for|to|at|within)\b)",
        words,
        re.I,
    ):
        return None  # when, against what, or the measure itself ("grew 70% in revenue")
    if re.search(r"\d|\b(?:days?|weeks?|months?)\b", match["x"]):
        return None
    return subject


_NOT_KINDS = word_set(
    """terms times ways dollars currencies currency units volumes prices rates areas places
    markets regions segments businesses most all many some several both each every other
    these those such the a an this that"""
)


def _kind_of_thing(words: str) -> bool:
    """ "filters", "cloud", "industrial sensors": one or two words with no article, the last a
    noun that is no measure, no period and no word of talk."""
    split = words.split()
    if not 1 <= len(split) <= 2 or any(w.lower() in _NOT_KINDS for w in split):
        return False
    if not all(re.fullmatch(r"[A-Za-z][\w&/-]*", w) for w in split):
        return False
    return not any(other_measure(w.lower()) or PERIOD.fullmatch(w) for w in split)
