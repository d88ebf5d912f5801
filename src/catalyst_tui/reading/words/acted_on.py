"""What a verb of change acted on, named between it and its figure: something that is no revenue
("improved pieces fed per labor hour by 3%": no growth of ours), or a revenue whose growth it is
("growing total wireless service revenue by 3.9%": wireless service's)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .patterns import SIZE_WORDS
from .phrases import finite_verb
from .subjects import Subject, read_subject
from .vocabulary import GENERIC_WORDS, PERIOD, PERIOD_WORD, REVENUE_WORDS

__all__ = ["REVENUE_ACTED_ON", "WHERE_GROWN", "acted_on", "grown_where"]


# Words between a verb and its figure that name what it acted on: no revenue, no part.
_GAP_WORDS = led(r"[a-z][\w&/-]*", re.I)
_GAP_FUNCTION = word_set(
    "by at of for in on during to or than an a the and over negative positive minus plus from "
    "versus vs compared with relative"
)


def acted_on(gap: str | None, *, of_part: bool = False) -> bool:
    """Whether the words between a verb and its figure name something it acted on ("improved
    pieces fed per labor hour by 3%"), not revenue, a period, an amount or an adverb ("grew net
    sales for the quarter by 16.2%" acts on revenue). A part's verb (`of_part`) acts on what is
    no revenue of its own ("Europe increased comparable restaurant sales by 2.6%"; not "LongHorn
    grew off-premise sales by 175%"), and not where the gap holds a verb of its own ("Mobile
    Top-Up revenue increased by 41%": "up" is no verb there)."""
    if of_part:
        said = REVENUE_ACTED_ON.search(gap or "")
        if said is not None:
            return read_subject(said["measure"]).other
        if any(finite_verb(w) or w.endswith("ed") or w in _LED for w in (gap or "").split()):
            return False  # "growth was powered by 8%": a verb's, what it acted on unsaid
    for word in _GAP_WORDS.findall(gap or ""):
        low = word.lower()
        if "-" in low and all(  # "over the prior-year quarter by"
            p in PERIOD_WORD or p in _GAP_FUNCTION for p in low.split("-")
        ):
            continue
        if (
            low in _GAP_FUNCTION
            or low in REVENUE_WORDS
            or low in GENERIC_WORDS
            or low in PERIOD_WORD
            or low in _COMPARISON_WORDS
            or low.endswith("ly")
            or low in ("million", "billion", "thousand", "m", "b", "year-over-year")
            or low in ("rate", "annual", "annualized")  # "grew at a rate of 7%": its pace
        ):
            continue
        return True
    return False


# Revenue a verb acted on, between it and its figure: "growing total wireless service revenue
# by 3.9%", "grew consolidated revenues 1%".
REVENUE_ACTED_ON = led(
    r"^\s+(?P<measure>(?:our\s+|its\s+|their\s+)?(?:[\w&/-]+\s+){0,4}?(?:revenues?|sales|"
    r"top[\s-]line))"
    r"(?:\s+by)?\s*$",
    re.I,
)
# Where a verb's growth was, named between it and "by": "Sales grew in Europe by 12%".
WHERE_GROWN = led(
    r"^\s+(?:in|at|across|within)\s+(?P<where>(?:the\s+|our\s+)?[\w&/'’.-]+"
    r"(?:\s+[\w&/'’.-]+){0,3}?)\s+by\s*$",
    re.I,
)
_LED = word_set("driven led")
_COMPARISON_WORDS = word_set(
    "about approximately roughly nearly almost more less just only very impressive strong "
    "solid robust healthy steady record also again still"
) | word_set(SIZE_WORDS)


def grown_where(gap: str | None) -> Subject | None:
    """The part a verb's growth was in, named between it and "by" ("Sales grew in Europe by
    12%": Europe's); None where the gap names none, or a period ("in the quarter by")."""
    said = WHERE_GROWN.match(gap or "")
    if said is None or PERIOD.search(said["where"]):
        return None
    return read_subject(said["where"], revenue_said=True)
