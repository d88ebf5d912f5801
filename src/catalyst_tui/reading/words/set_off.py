"""Words set off between a subject and its verb, and what the figure after them is of: an
aside ("Revenue, excluding the impact of divestitures, grew"), what a part includes or is made
of ("X business, which includes Y delivered"; "the Industrial Markets, which is composed of
IGT, oil and gas and general industrial was up 14%"), a share said beside an amount, what a
subject is ("Other revenue, which is primarily credit revenue, increased"), the part a whole
was led by ("Revenue was led by Defense, up 12%": Defense's), and a part named as an example or
as what offset the whole ("most notably Energy, up 60%"; "offset by APAC, down 9%").

Each pattern is anchored at the verb's end (`$`) and searched within REACH of it."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import one_of
from .vocabulary import AUXILIARY

__all__ = [
    "ASIDE",
    "HOLDS_VERB",
    "INCLUDES",
    "MADE_BY",
    "NOTABLY",
    "PART_LED_BY",
    "REVENUE_ASIDE",
    "SHARE_ASIDE",
    "TURN_OPENING",
    "WHAT_IT_IS",
    "made_by",
    "turned_which",
]

# An aside between a subject and its verb: "Revenue, excluding the impact of divestitures, grew".
ASIDE = led(
    r"(?P<comma>),\s*(?P<aside>(?:(?:when|while|if)\s+)?(?:excluding|including|ex|namely|where)\b"
    r"[^,]{1,80}),"
    r"\s*(?:(?:actually|also|still|only|again|just|further)\s+)?$",  # "…, actually decreased"
    re.I,
)
#: The verbs a relative clause says what a part holds with (between.py reads them too).
HOLDS_VERB = (
    r"(?:includes?|included|contains?|comprises?|consists?(?:\s+of)?|"
    r"(?:is|are)\s+(?:composed|comprised|made\s+up)(?:\s+of)?)"
)
# What a part includes, the comma closing it unsaid: "X business, which includes Y delivered".
INCLUDES = led(r",\s*which\s+" + HOLDS_VERB + r"\s+$", re.I)
# Words set off by commas between a revenue and its verb: "Red Hat revenue, all in, was up".
REVENUE_ASIDE = led(
    r"\b(?:revenues?|sales)(?:\s+performance)?(?P<comma>),(?P<aside>[^,\d%]{1,80}),\s*"
    + rf"(?:{AUXILIARY}\s+)?$",
    re.I,
)
# A measure's share of revenue said beside its amount, before the measure's verb.
SHARE_ASIDE = led(
    r",?\s+(?:or|representing|accounting\s+for|making\s+up)\s+"
    r"(?:(?:about|approximately|nearly|roughly|over|more\s+than)\s+)?[\d.]+\s*(?:%|percent)\s+of\s+"
    r"(?:(?:total|net|our|the|its)\s+){0,2}(?:[a-z][\w-]*\s+)?(?:revenues?|sales)\s*,?\s*$",
    re.I,
)
# A relative clause set off by commas that says what its subject is: "Other revenue, which is
# primarily credit revenue, increased 17%" is other revenue's.
WHAT_IT_IS = led(rf",\s*which\s+{one_of('is are was were')}\s+[^,;%]{{1,80}},\s*$", re.I)
# The part a whole was led by, its figure set after it: "Revenue was led by Commercial
# Aerospace, up 15% year-over-year", "Fees were up 11%, led by record results in both Wealth,
# up 22%": the part's, not the whole's.
PART_LED_BY = led(
    r"(?:\b(?:was|were)\s+|,\s*+(?:and\s++)?)(?:led|driven|helped)\s+by\s+(?:[a-z][\w-]*+\s++){0,5}?"
    r"(?P<part>[A-Z][\w&-]*+(?:\s++[\w&-]++){0,4}?),\s*$"
)

# A revenue of a part said to go on doing well, its figure set after it: "and licensing revenue
# continues to outperform, up 37% to last year" (the licensing revenue's).
REVENUE_GOES_ON = led(
    r"\b(?:and\s++)?(?P<part>(?:(?!and\b)[\w&-]++\s++){1,3}?(?:revenues?|sales))\s++"
    r"(?:continues?|continued)\s++to\s++[a-z]++(?:\s++(?:strongly|well))?,\s*+$",
    re.I,
)
# A part's performance, then the growth it came with: "proud of our global EP performance in
# the quarter with organic growth of 35%" (the part's, named in capitals).
PERFORMANCE_WITH = led(
    r"\bour\s++(?P<part>(?:[\w&-]++\s++){0,2}?(?-i:[A-Z])[\w&-]*+(?:\s++[\w&-]++){0,2}?)\s++"
    r"performance\b[^,;%]{0,40}?\bwith\s++(?:(?:organic|strong|solid|reported)\s++)?"
    r"(?:(?:growth|increase)\s++of\s++)?$",
    re.I,
)

# A part's relative clause of what it delivered, its growth the part's: "the performance of our
# ex-Humira platform, which delivered robust sales growth of more than 21%".
WHICH_DELIVERED = led(
    r"\b(?:our|its)\s++(?P<part>[\w&'’-]++(?:\s++[\w&'’-]++){0,3}?),\s++(?:which|that)\s++"
    r"(?:delivered|posted|saw|generated|achieved|reported)\s++(?:[\w-]++\s++){0,3}?$",
    re.I,
)

# A part named as the example of what the clause spoke of, or as what offset it, set off by a
# comma before its figure: "we grew sales in most of our end markets, most notably Energy, up
# 60%"; "…, offset by APAC, down 9%".
NOTABLY = led(
    r"\b(?:(?:most\s+)?(?:notably|particularly|especially|namely)|"
    r"(?:(?:partially|partly)\s+)?offset\s+by|including|such\s+as)\s+"
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}),\s*$"
)


# A place named, then "where" its bare revenue grew, with no comma: the clause is the place's;
# so for a part of ours named by its kind ("for our digital and betting activities where
# revenues nearly doubled").
WHERE_AFTER_NAME = led(
    r"(\bin\s(?-i:[A-Z])[\w&.-]*+(?:\s(?-i:[A-Z])[\w&.-]*+){0,3}|"
    r"\b(?:in|for)\sour\s[\w&-]++(?:\s(?:and\s)?[\w&-]++){0,3}?\s(?:business(?:es)?|"
    r"activities|segments?|divisions?|operations|units?))"
    r" (?=where\s+(?:net\s+|organic\s+)?(?:sales|revenues?)\b)"
)

# Revenue said made by what follows, its participle no verb of the sentence: "Revenues
# contributed by our leased hotels were RMB 164 million, representing a decrease of 13.4%",
# "sales generated by acquisitions grew 5%": what made it is its subject, as of "revenues from".
MADE_BY = led(
    r"\b(?:revenues?|sales)\s(?P<made>(?:generated|contributed|derived|produced)\s+(?:by|from))(?=\s)",
    re.I,
)


def made_by(plain: str) -> str:
    """`plain` with each revenue said made by something said as revenue from it, each word the
    same length at the same place ("Revenues contributed by our leased hotels": "Revenues
    from our leased hotels", its participle blanked)."""

    def said(match: re.Match[str]) -> str:
        made = match["made"]
        return match.group()[: match.start("made") - match.start()] + " " * (len(made) - 4) + "from"

    return MADE_BY.sub(said, plain)


# A sentence that opens turning the speaker to what it says: "Turning now to", "Moving on to".
TURN_OPENING = (
    r"\s*+(?:(?:and|so|now)[\s,]++)?(?:turning|moving|switching|shifting)\s++(?:now\s++|on\s++)?"
    r"to\b"
)
# A turn to a named part, then what it did said by "which": "Turning now to DUPIXENT, which
# delivered $4.9 billion in global net sales, representing 32% growth" (DUPIXENT delivered it).
_TURN_WHICH = led(
    r"^(?P<turn>"
    + TURN_OPENING
    + r"\s++)(?P<part>(?-i:[A-Z])[^,.;:!?]{0,60}?)(?P<which>,\s*+which)\s++"
    r"(?=(?:delivered|reported|generated|posted|grew|increased|had|saw|achieved|contributed|"
    r"represented|accounted)\b)",
    re.I,
)


def turned_which(plain: str) -> str:
    """`plain` with a turn to a named part whose deeds "which" says blanked, each word at its
    place: "Turning now to DUPIXENT, which delivered …" as "DUPIXENT delivered …"."""
    turn = _TURN_WHICH.match(plain)
    if turn is None:
        return plain
    blank = " " * len(turn["turn"]), turn["part"], " " * len(turn["which"])
    return "".join(blank) + plain[turn.end("which") :]
