"""What keeps a word of guidance from giving a direction: guidance said hard to give, a target
said to remain at its level, a cause that moved the guidance said before it.

`hard_to_give(sentence, at)`: "establishing full year 2022 guidance based on macroeconomic
fundamentals remains challenging" gives none. `goal_level(words)`: "Our target for operating
expense remains at 20%" is a goal's level, no guidance restated, and "maintained adjusted
operating margin within our target range" a result kept within one. `cause_after(sentence, at)`:
where a cause opens after the guidance said first ("increased free cash flow guidance …,
reflecting … lower capex now forecast": the capex is what moved it, no direction of its own).
`no_forecast_of_ours(sentence, at)`: a forecast said in line with a prior one is none of the
company's guidance where it is of a share of a market or of a customer's products ("we expect
approximately 75% share, consistent with prior expectations") or over years to come ("over the
next several years, consistent with prior guidance", "by 2023"). `vague_noun(noun, after,
metric)`: an estimate with no measure nor period is no guidance ("our estimate of COVID
impact"), and "expectations" with no determiner, measure nor period a standard set for people
("we are raising expectations, driving more rigorous performance management").

Linear: each pattern is searched once within its sentence."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import ESTIMATE, PERIOD_SAID
from .vocabulary import REACH

__all__ = [
    "cause_after",
    "goal_level",
    "hard_to_give",
    "no_forecast_of_ours",
    "vague_noun",
]

_HARD_TO_GIVE = led(
    r"\b(?:remains?|is|are|will\s+be|would\s+be)\s+(?:(?:very|quite|too|extremely|still)\s+)?"
    r"(?:challenging|difficult|hard|premature|early|impossible|not\s+possible)\b",
    re.I,
)
_A_GOAL_AT = led(
    r"\btargets?\b(?:(?!\b(?:guidance|outlook|forecast)\b)[^.;]){0,120}?"
    r"\bremains?\s+(?:at\b|approximately\b|about\b|around\b|\$?\d)|"
    # "Our target is to continue to be at 20% or above on operating margin"
    r"\btargets?\s+(?:is|are)\s+to\s+(?:continue\s+to\s+)?(?:be|remain|stay)\b|"
    # a measure kept within its goal: "maintained adjusted operating margin within our target"
    r"\b(?:within|inside)\s+(?:our|the|its)\s+(?:[\w-]+\s+)?targets?\b",
    re.I,
)
_CAUSE = led(
    r"\b(?:reflecting|reflects|driven\s+by|due\s+to|because|as\s+a\s+result\s+of|thanks\s+to|"
    r"(?:partially\s+|partly\s+)?offset\s+by|primarily\s+(?:from|on))\b",
    re.I,
)


def hard_to_give(sentence: str, at: int) -> bool:
    """Whether the clause after the verb of giving at `at` says giving it is hard or early."""
    ends = [i for i in (sentence.find(",", at), sentence.find(";", at)) if i >= 0]
    return _HARD_TO_GIVE.search(sentence, at, min(ends, default=len(sentence))) is not None


def goal_level(words: str) -> bool:
    """Whether `words` say a target remains at its level, no word of it unchanged, or a measure
    kept within it."""
    return _A_GOAL_AT.search(words) is not None


def cause_after(sentence: str, at: int) -> int:
    """Where a cause opens after `at`, the guidance said first; -1 where none does."""
    cause = _CAUSE.search(sentence, at)
    return cause.start() if cause is not None else -1


# A share of a market or of a customer's products ("75% share"), not of the company's revenue;
# a forecast over years to come, or for a year years out.
_NOT_OURS = led(
    r"\bby\s+(?:19|20)\d\d\b|"  # "return to the typical 2% range by 2023, consistent with …"
    r"\d\s*%\s+(?:market\s+|unit\s+|wallet\s+)?share\b(?!\s+of\s+(?:our|total|the\s+company)\b)|"
    r"\bover\s+the\s+(?:next|coming)\s+(?:several|few|couple\s+of|\d+|two|three|four|five)\s+"
    r"years\b",
    re.I,
)
_BARE_EXPECTATIONS = led(r"\s*expectations?\s*", re.I)
_PERIOD_OR_MEASURE = led(
    r"\b(?:full[- ]year|fiscal|quarter|year|(?:19|20)\d\d|q[1-4]|revenues?|sales|earnings|eps|"
    r"margins?|growth|cash)\b",
    re.I,
)


def no_forecast_of_ours(sentence: str, at: int) -> bool:
    """Whether the forecast said within a reach of `at` is of a market's share or over years
    to come."""
    return _NOT_OURS.search(sentence, max(0, at - REACH), at + REACH) is not None


# A credit rating's outlook: "a stable outlook", "from Fitch", "from Moody's".
_RATING = led(r"\b(?:stable|positive|negative|developing)\s+outlook$", re.I)
_FROM_AN_AGENCY = led(
    r"\s*(?:from|by)\s+(?:fitch|moody['’]s|s&p|standard\s+(?:&|and)\s+poor['’]s|"
    r"(?:the\s+)?(?:rating|credit)\s+agenc)",
    re.I,
)


def vague_noun(noun: str, after: str, metric: str) -> bool:
    """Whether the guidance noun `noun` (`metric`, the measure read in it or in the words `after`
    it) is an estimate of no measure nor period, or "expectations" alone."""
    if _RATING.search(noun) or _FROM_AN_AGENCY.match(after):
        return True  # "a recently affirmed stable outlook from Fitch": a rating's, no guidance
    if ESTIMATE.search(noun):
        return not (metric or PERIOD_SAID.search(noun + after))
    return _BARE_EXPECTATIONS.fullmatch(noun) is not None and not _PERIOD_OR_MEASURE.search(after)
