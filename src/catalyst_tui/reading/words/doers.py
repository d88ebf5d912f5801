"""The part that does what a clause says where the reader's lists do not find it: a name or a
part of ours that opens the sentence before a verb in the past no list holds ("Wizards of the
Coast capped off a remarkable year with 86% sales growth"); the name and verb before a
participle of a result that gives revenue's amount ("Consumer Products executed well in the
fourth quarter, delivering $800 million of revenue, up 7%": not "delivering"'s); and the part a
phrase opened by "with" names as its doer or as where a performance was had ("…, with our
International business delivering strong sales growth of 21%"), or where revenue alone is said
in such a phrase after the clause's subject ("The nutrition business closed out a year …, with
fourth quarter revenues 19% higher"). Each pattern is matched at one place or searched within
a bounded window before the figure: linear."""

from __future__ import annotations

import re

from ..leads import led
from .names import PARTICIPLES_OF_RESULTS, PREPOSITIONS
from .phrases import finite_verb
from .records import COMPANY
from .subjects import Subject, read_subject

__all__ = ["doer_of_result", "named_before_past", "named_with", "revenue_with"]


def named_before_past(text: str, at: int, first: bool) -> Subject:
    """The name that opens `text` at `at` before a verb in the past and what follows a verb (no
    subordinator before it: "As Stephan stated," names no one; no adjective in -ed: "Key
    consolidated highlights"); no one's elsewhere."""
    past = _NAMED_PAST.match(text, at)
    if past is not None:
        subject = read_subject(past["named"], first=first and at == 0, revenue_said=True)
        if subject.name not in ("", COMPANY) and not (subject.other or subject.anaphor):
            return subject
    return Subject("", False, False, False)


def doer_of_result(text: str, own: Subject, at: int) -> Subject | None:
    """Where the subject read before the figure at `at` is a participle of a result ("delivering
    $800 million of revenue, up 7%"), the part named with its verb before it that did it; None
    where none is named so (the company's "We continued our focus …, achieving" is none's)."""
    if own.name not in PARTICIPLES_OF_RESULTS:
        return None
    doer = _NAMED_DOING.match(text, 0, at)
    if doer is None or not (finite_verb(doer["verb"]) or doer["verb"].endswith("ed")):
        return None
    named = read_subject(doer["named"], revenue_said=True)
    if named.name in ("", COMPANY) or named.other or named.anaphor or named.bare:
        return None
    return named._replace(revenue=True)


def named_with(text: str, own: Subject, at: int) -> Subject | None:
    """Where the figure at `at` is the company's or no one's, the part a phrase opened by "with"
    names as its doer or where it was had: "…, with our International business delivering
    strong sales growth of 21%"; "a strong growth in the personal care segment with sales up
    7%"; None elsewhere."""
    if own.name not in ("", COMPANY) or own.other:
        return None
    doing = _WITH_DOING.search(text, max(0, at - 120), at)
    if doing is not None:
        named = read_subject(doing["named"], revenue_said=True)
        if named.name not in ("", COMPANY) and not (named.other or named.anaphor):
            return named
    focus = _FOCUS_WITH.search(text, max(0, at - 160), at)
    if focus is not None:
        named = read_subject(focus["named"], revenue_said=True)
        if named.name not in ("", COMPANY) and not (named.other or named.anaphor or named.bare):
            return named
    return None


def revenue_with(text: str, own: Subject, at: int) -> int:
    """Where a phrase opened by "with" that names revenue alone right before the figure at `at`
    begins ("…, with fourth quarter revenues 19% higher": the clause's subject's revenue), the
    figure read as the company's; 0 elsewhere."""
    if own.name != COMPANY or not own.bare or own.other:
        return 0
    said = _WITH_REVENUE.search(text, max(0, at - 80), at)
    return said.start() if said is not None else 0


# A name or a part of ours that opens a clause (no subordinator), then a verb in the past no
# list holds and what follows a verb: "Wizards of the Coast capped off a remarkable year with
# 86% sales growth", "Zoro managed to drive 11.9% revenue growth", "The nutrition business
# closed out a year of … growth, with fourth quarter revenues 19% higher" (not "Key
# consolidated financial highlights").
_NAMED_PAST = re.compile(
    r"\s*(?!(?:As|If|When|While|Although|Though|Since|Because|After|Before|In|For|On|At|With|"
    r"By|During|So|And|But|Once|Until|Unless|Where|Whether)\b)"
    r"(?P<named>[A-Z][\w&'’-]*(?:\s+(?:&|and|of|the|[A-Z][\w&'’-]*)){0,4}?|"
    r"(?:The|Our)\s+(?:[\w.&'’-]+\s+){0,3}?(?:business|segment|division|unit|team|portfolio)s?)"
    r"\s+[a-z]+ed\s+"
    r"(?:(?:a|an|the|its|our|off|out|up|down|in|to|with|on|by)\b|[$€£\d])"
)
# A name that opens the sentence and its verb, then a participle of a result with its amount:
# "Consumer Products executed well in the fourth quarter, delivering $800 million of revenue".
_NAMED_DOING = re.compile(
    r"\s*(?P<named>[A-Z][\w&'’-]*(?:\s+(?:&|and|of|[A-Z][\w&'’-]*)){0,4}?)\s+(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]+)\b[^,;%]{0,100},\s+"
    r"(?:delivering|posting|generating|reporting|achieving|recording|producing)\s+[$€£]\d"
)
# A part doing a growth in a phrase opened by "with", the figure its object: "with our
# International business delivering strong sales growth of 21%".
_WITH_DOING = led(
    r"\bwith\s+(?P<named>(?:our\s+|the\s+|its\s+)?[\w&.'’-]+(?:\s+[\w&.'’-]+){0,3}?)\s+"
    r"(?:delivering|posting|generating|reporting|achieving|recording|producing)\s+"
    r"(?:[\w-]+\s+){0,4}?$",
    re.I,
)
# A part named as where a performance was had, then revenue in a phrase opened by "with": "we
# saw a strong growth in the personal care segment with sales up 7%", "a challenging quarter in
# Video with revenue down 20%", "excellent performance in Personal Care, with 5% organic sales
# growth".
_FOCUS_WITH = led(
    r"\b(?:growth|performance|strength|momentum|results|quarter|year)\s+in\s+"
    r"(?P<named>(?:our\s+|the\s+)?[\w&.'’/-]+(?:\s+[\w&.'’/-]+){0,3}?)\s*,?\s+with\s+"
    r"(?:(?:(?:total|net|organic)\s+)*(?:revenues?|sales)\s+[^,;%]{0,30}|an?\s+)?$",
    re.I,
)
# Revenue alone in a phrase opened by "with", right before its figure: "with fourth quarter
# revenues 19% higher", "with revenues up 8%".
_WITH_REVENUE = led(
    r",?\s+with\s+(?:(?:first|second|third|fourth|full)[- ](?:quarter|half|year)\s+|"
    r"(?:full|fiscal)\s+year\s+)?(?:net\s+)?(?:revenues?|sales)\s+(?:(?:were|was)\s+)?"
    r"(?:up\s+|down\s+)?(?:approximately\s+|about\s+|nearly\s+)?$",
    re.I,
)


# A part named right before "with" and its figure, after a comma or "by": "followed by the
# marine segment with 18% growth, aviation segment with 16% growth".
_PART_WITH = led(
    r"(?:^|,|\bby)\s+(?P<named>(?:the\s+|our\s+)?[A-Za-z][\w&'’.-]*+"
    r"(?:\s+[A-Za-z][\w&'’.-]*+){0,3}?)\s+with\s*$",
    re.I,
)


def part_with(lead: str) -> Subject | None:
    """The part named right before "with" at the end of `lead`, the words before a figure's
    noun ("followed by the marine segment with 18% growth": the segment's); None where none is
    (not "China finished with 13% growth", a clause's verb: the clause's)."""
    owning = _PART_WITH.search(lead)
    if owning is None:
        return None
    words = owning["named"].lower().split()
    if any(map(finite_verb, words)) or not PREPOSITIONS.isdisjoint(words):
        return None  # (nor "and comes on top with 6% growth": a phrase of a verb's)
    named = read_subject(owning["named"], revenue_said=True)
    if named.name in ("", COMPANY) or named.other or named.anaphor or named.bare:
        return None
    return named
