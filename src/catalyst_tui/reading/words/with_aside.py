"""Whose a measure set off after a clause by ", with" is: "TA had a great quarter, with sales up
30%" is TA's; "Our momentum continued, with sales up 9%" the company's; "strong performance in
the Education division, with revenue growing 12.7%" the division's; "the agricultural sales team
has had a great first half, with sales up 14%" the team's part, unnamed: nobody's known."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .names import PART_NOUNS
from .records import COMPANY
from .subjects import Subject, read_subject

__all__ = ["WITH_COMMA", "absolute_with", "part_then_with", "with_lower_case"]

# A clause set off by a comma, then "with": its measure is the clause subject's.
WITH_COMMA = led(r"\w,\s+with$")
# A part named just before that comma, by its name and its kind: "drove strong performance in
# the Education division, with revenue growing 12.7%" is the division's.
_PART_THEN_WITH = led(
    r"\b(?:in|at|within|for|from)\s+(?:the|our)\s+"
    r"(?P<part>(?:[A-Z][\w&.-]*+\s++){1,4}+(?i:division|segment|business|unit|group)s?)"
    r",\s+with$"
)
# People who sell a part: "the agricultural sales team" stands for a part it does not name.
_PEOPLE = word_set("team teams people staff force salesforce")


def part_then_with(lead: str) -> Subject | None:
    """The part named just before ", with" at the end of `lead`, if a name and its kind say it."""
    named = _PART_THEN_WITH.search(lead)
    if named is None:
        return None
    part = read_subject(named["part"], revenue_said=True)
    if part.name in ("", COMPANY) or part.other or part.anaphor:
        return None
    return part


def with_lower_case(framed: Subject, company: Subject) -> Subject:
    """Whose the measure after ", with" is when the clause's subject is said in lower case: a part
    said so ("our industrial business") its own, a team nobody's said, else the company's
    ("Our momentum continued, with sales up 9%")."""
    head = framed.name.rsplit(maxsplit=1)[-1].lower() if framed.name else ""
    if head in PART_NOUNS:
        return framed
    if head in _PEOPLE:
        return Subject("", False, True, False)
    return company


# A participle, the verb of a clause that "with" opens: "with Asia contributing 49% of sales".
_PARTICIPLE = led(r"[a-z]{2,20}ing\b", re.I)


def absolute_with(by: str, text: str, at: int) -> bool:
    """Whether the phrase before the verb at `at`, after "with" (`by`), is the subject of a
    participle that "with" opens ("due to regional mix with Asia contributing 49% of global
    components sales": Asia's share), no tail of the words before it ("Customers with $100,000 in
    ARR grew": the customers')."""
    return by.lower() == "with" and _PARTICIPLE.match(text, at) is not None
