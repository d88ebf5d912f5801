"""The amount a sentence says the company's revenue was: a growth of "revenue" said with an
amount well below the amount the same document gives the company's revenue for the same period
is a part's, named in an earlier sentence ("Turning to Consumer." then "Total revenue was $23.3
billion, up 7.3%" in a call whose company's revenue was $32.9 billion), and is not the
company's.

`revenue_level(sentence)` is the amount said as the revenue's own level ("Revenue of $106.4
million decreased 27.1%", "grew $3.5 billion to $35.7 billion": $35.7 billion, not the change);
`below_the_whole(levels)` which of a document's company growths say a level below the
largest the document said before it for the same period. Linear: each pattern is possessive
or a bounded search from a word's start."""

from __future__ import annotations

import re

from ..leads import led
from .quarters import numbered_quarter

__all__ = ["LEVEL_SHARE", "below_the_whole", "quarter_named", "revenue_level"]

#: A level below this share of the largest said for the same period is a part's: a whole said
#: without an item ("excluding the divested business") stays above it.
LEVEL_SHARE = 0.7
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9, "bn": 1e9}
# The revenue word, then an amount in its clause (no figure, no semicolon, no sentence end
# between): "Revenues of $106.4 million", "Total revenue was $23.3 billion", "Sales for the
# fourth quarter grew approximately $3.5 billion to $35.7 billion".
_REVENUE = led(r"\b(?:revenues?|sales)\b", re.I)
_AMOUNT = led(
    r"(?P<cur>[$€£])\s?(?P<num>\d{1,3}(?:,\d{3})*+(?:\.\d++)?|\d++(?:\.\d++)?)\s*+"
    r"(?P<scale>thousand|million|billion|bn|[mbk])?\b(?!\s*+per\b)",
    re.I,
)
# What says an amount is the revenue's level: "Revenues of", "was", "totaled", "to" (after a
# growth: "increased 6.8% to $160 million"), "a record".
_LEVEL_BEFORE = led(
    r"\b(?:of|was|were|is|are|totaled|totalled|reached|to|at|in\s+at|record)\s+"
    r"(?:(?:approximately|about|nearly|roughly|almost|over|more\s+than|just\s+over|a\s+record)\s+)?$",
    re.I,
)
# An amount said as a change, not a level: "an increase of $19 billion", "sales growth of".
_CHANGE_OF = led(
    r"\b(?:increase|decrease|decline|growth|improvement|reduction|impact|contribution)\s+of\s+$",
    re.I,
)
# Where the revenue's clause ends: a semicolon, a sentence's end, another measure named.
_CLAUSE_END = led(
    r";|\.\s|\b(?:while|whereas|income|profits?|ebitda|earnings|margins?|cash|orders|bookings|"
    r"backlog|expenses?|eps|share|costs?)\b",
    re.I,
)
# The amount a growth "increased to", then "or" and the growth's figure: the change's amount
# ("revenues increased to nearly $370 million or 18.4%", words.patterns.VERB_THEN).
_TO_THEN_OR = led(r",?\s++or\s++\d[\d.,]*+\s?%")
_TO = led(r"\bto\s+(?:(?:nearly|about|approximately|roughly|almost)\s+)?$", re.I)
_REACH = 160


# Words that name the whole as the company's: a level said with one is the company's whatever
# came before ("Consolidated net sales increased 19.8% to approximately $3.13 billion" after a
# year's level said without its period). "Total" is a part's too ("Total revenue was $23.3
# billion" of a segment reviewed).
_THE_COMPANY = led(
    r"\b(?:consolidated|company|companywide|company-wide|overall|group|enterprise)\b", re.I
)


def revenue_level(sentence: str) -> tuple[float | None, bool]:
    """The amount `sentence` says revenue was (in its currency's units), where it says one
    after its first word of revenue, in that word's clause (None otherwise), and whether it
    names that revenue the company's."""
    word = _REVENUE.search(sentence)
    if word is None:
        return None, False
    return _level(sentence, word), _THE_COMPANY.search(sentence, 0, word.start()) is not None


def _level(sentence: str, word: re.Match[str]) -> float | None:
    clause_end = _CLAUSE_END.search(sentence, word.end(), word.end() + _REACH)
    stop = clause_end.start() if clause_end else min(len(sentence), word.end() + _REACH)
    for amount in _AMOUNT.finditer(sentence, word.end(), stop):
        before = sentence[max(0, amount.start() - 40) : amount.start()]
        if _CHANGE_OF.search(before) or not _LEVEL_BEFORE.search(before):
            continue  # a change's amount, or an item's: the level follows it, if any
        if _TO.search(before) and _TO_THEN_OR.match(sentence, amount.end()):
            continue  # "increased to $66 million or 4.9%": the change's
        scale = _SCALE.get((amount["scale"] or "").lower(), 1.0)
        return float(amount["num"].replace(",", "")) * scale
    return None


def below_the_whole(levels: list[tuple[str, tuple[float | None, bool]]]) -> list[bool]:
    """For each (period, (level, named the company's)) of a document's company growths, in
    order, whether its level, not named the company's, is below `LEVEL_SHARE` of the largest
    said before it for the same period (the company's
    revenue is said before its parts' reviews; a level said later, larger, may be a year's
    that its sentence does not name). A period is "quarter" for one its sentence names no
    more of, "quarter named" for "Revenue in the quarter was": such a level is set against
    the levels of quarters named alone (an earlier level said with no period may be a
    year's: "Revenue was $63.5 billion, up 12%" before "Net revenue was $16.7 billion in the
    quarter")."""
    largest: dict[str, float] = {}
    below = []
    for period, (level, whole) in levels:
        below.append(
            level is not None and not whole and level < LEVEL_SHARE * largest.get(period, 0.0)
        )
        if level is not None:
            for kind in {period, "quarter"} if period == "quarter named" else {period}:
                largest[kind] = max(largest.get(kind, 0.0), level)
    return below


_QUARTER_NAMED = led(
    r"\b(?:q[1-4]|(?:first|second|third|fourth)[- ]quarter|(?:the|this)\s+quarter)\b", re.I
)


def quarter_named(sentence: str) -> bool:
    """Whether `sentence` names the quarter its figures are of."""
    return _QUARTER_NAMED.search(numbered_quarter(sentence)) is not None  # "quarter 4": Q4
