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
    "NOTABLY",
    "PART_LED_BY",
    "REVENUE_ASIDE",
    "SHARE_ASIDE",
    "WHAT_IT_IS",
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
# Aerospace, up 15% year-over-year": the part's, not the whole's.
PART_LED_BY = led(
    r"\b(?:was|were)\s+(?:led|driven)\s+by\s+(?P<part>[A-Z][\w&-]*+(?:\s++[\w&-]++){0,4}?),\s*$"
)

# A part named as the example of what the clause spoke of, or as what offset it, set off by a
# comma before its figure: "we grew sales in most of our end markets, most notably Energy, up
# 60%"; "…, offset by APAC, down 9%".
NOTABLY = led(
    r"\b(?:(?:most\s+)?(?:notably|particularly|especially|namely)|"
    r"(?:(?:partially|partly)\s+)?offset\s+by|including|such\s+as)\s+"
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}),\s*$"
)


# A place named, then "where" its bare revenue grew, with no comma: the clause is the place's.
WHERE_AFTER_NAME = led(
    r"(\bin\s(?-i:[A-Z])[\w&.-]*+(?:\s(?-i:[A-Z])[\w&.-]*+){0,3}) (?=where\s+(?:net\s+|"
    r"organic\s+)?(?:sales|revenues?)\b)"
)
