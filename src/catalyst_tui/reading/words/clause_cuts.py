"""A sentence cut into its clauses: at ";", "while", "whereas", "but", and at "and" or ", and"
that opens a new subject and verb ("AES revenues increased 10%, while EMS revenues grew 6%");
not at an "and" before any figure, nor one that joins a short name to the next clause's
subject ("…, while EMEA and APAC were up 5% and 21%"), nor one inside a relative clause of what
a part is made of (clauses.py reads what opens each)."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..leads import led
from ..wordlists import one_of
from .phrases import finite_verb, other_measure, words_of

__all__ = ["CLAUSE_VERB", "Clause", "clauses"]

# The verbs that open a clause of their own: after "and" ("and Services revenue grew 5%"), and
# after what drove a subject set before them ("Europe, driven by Germany, grew 12%": reader.py).
CLAUSE_VERB = one_of(
    """was were is are grew increased decreased declined rose fell accounted represented
    comprised saw delivered improved accelerated decelerated expanded remains remained"""
)
_CLAUSE_CUT = led(
    r";|,?\s+(?:while|whereas)\s+|,\s+but\s+|\s+but\s+(?=\w+\s+(?:was|were|is|are))|"
    + rf"(?:,\s+|\s+)and\s+(?=(?:[\w&/.'’-]+\s+){{0,5}}?{CLAUSE_VERB}\b)|"
    # after a frame of its own: "… by $1.3 million and in constant currency, our revenue declined"
    # (only where the clause before gave no figure: "… down 29.4% and excluding foreign exchange,
    # revenue was down 35.2%" is one growth said two ways)
    + r"(?P<framed>(?:,\s+|\s+)and\s+(?=(?:in|on|at|excluding)\s+[^,;%]{1,40}+,\s+"
    + rf"(?:[\w&/.'’-]+\s+){{0,4}}?{CLAUSE_VERB}\b))|"
    # "…, and we more than tripled our licensed brands business": a clause of "we"'s own
    r",\s+and\s+(?=we\s+(?:(?:more\s+than|nearly|almost|also)\s+)?(?:doubled|tripled|halved)\b)",
    re.I,
)

_VERB_NEXT = led(rf"{CLAUSE_VERB}\b", re.I)
# A noun right after "sales to" or "sales of", joined by "and" to the next.
_NOUN_AFTER_TO = led(r"\b(?:sales|revenues?)\s++(?:to|of)\s++[\w-]++$", re.I)


def _names_joined(sentence: str, begin: int, cut: re.Match[str]) -> bool:
    """Whether an "and" joins a short name said since the last cut to the subject of the
    clause after it ("while EMEA and APAC were up"), not a clause's verb to another ("our
    largest business and is powering our results") nor an act ("navigating a … environment
    and video security revenue was up 26%")."""
    words = sentence[begin : cut.start()].split()
    return (
        cut.group().replace(",", " ").lower().split() == ["and"]
        and 0 < len(words) <= 4
        and not any(w.lower().endswith("ing") for w in words)
        and _VERB_NEXT.match(sentence, cut.end()) is None
    )


# A relative clause of what a part is made of, set off by no comma, still open at an "and":
# the "and" joins the parts it names.
_MADE_OF = led(
    r"\bwhich\s+(?:represents?|includes?|contains?|comprises?|"
    # or of where it is reported: "Sales for Joybird which are reported in corporate and other"
    r"(?:is|are|was|were)\s+(?:reported|included|recorded|booked)\s+(?:in|within|under))\b[^,;]*$",
    re.I,
)


# A list's item after a semicolon, a name and its figure with no verb: "…, Asia, 46%; Europe
# 14%; and the rest of the world 3%" (lists.py reads it on the list).
_ITEM_NEXT = led(
    r";\s+(?:and\s+)?(?:the\s+)?[A-Za-z][\w&/.'’-]*(?:\s+[A-Za-z&][\w&/.'’-]*){0,4}?,?\s+"
    r"\d{1,3}(?:\.\d+)?\s?%\s*(?=[;,.]|$)",
    re.I,
)


def _item_next(sentence: str, at: int) -> bool:
    """Whether a list's bare item stands after the semicolon at `at`: a name and its figure,
    no verb, no sign and no other measure ("; Europe 14%"; not "; Motorcycles were up 10%",
    "; and China, up 2%" nor "; opco operating margin, 19.6%", clauses of their own)."""
    item = _ITEM_NEXT.match(sentence, at)
    if item is None:
        return False
    words = [w.lower() for w in words_of(item.group())]
    return not any(finite_verb(w) or other_measure(w) or w in ("up", "down") for w in words)


class Clause(NamedTuple):
    start: int
    end: int


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence, as spans."""
    spans: list[Clause] = []
    begin = 0
    for cut in _CLAUSE_CUT.finditer(sentence):
        if cut["framed"] and "%" in sentence[begin : cut.start()]:
            continue
        if cut.group().strip().lower() == "and" and _NOUN_AFTER_TO.search(sentence, 0, cut.start()):
            continue  # "our sales to government and defense customers increased 9%": one name
        if _item_next(sentence, cut.start()) and "%" in sentence[begin : cut.start()]:
            continue  # "…, Asia, 46%; Europe 14%": the list goes on, one clause
        joined = not any(map(finite_verb, words_of(sentence[begin : cut.start()])))
        if (
            ";" not in cut.group()
            and joined
            and spans == []
            and begin == 0
            and not sentence[: cut.start()].lower().startswith(("while", "whereas"))
        ):
            continue  # an "and" before any figure: one clause still
        if joined and begin > 0 and _names_joined(sentence, begin, cut):
            continue  # "…, while EMEA and APAC were up 5% and 21%": names joined, one clause
        if _MADE_OF.search(sentence, begin, cut.start()):
            continue  # "our recurring revenue which represents chemistry and service grew 11%"
        spans.append(Clause(begin, cut.start()))
        begin = cut.end()
    spans.append(Clause(begin, len(sentence)))
    return spans
