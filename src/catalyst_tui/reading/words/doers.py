"""The name that does what a clause says where no list of verbs finds its verb: a name that
opens the sentence before a verb in the past no list holds ("Wizards of the Coast capped off a
remarkable year with 86% sales growth": Wizards of the Coast's), and the name and verb before a
participle of a result that gives revenue's amount ("Consumer Products executed well in the
fourth quarter, delivering $800 million of revenue, up 7%": Consumer Products', not
"delivering"'s). Each pattern is matched at one place, within bounded runs: linear."""

from __future__ import annotations

import re

from .names import PARTICIPLES_OF_RESULTS
from .phrases import finite_verb
from .records import COMPANY
from .subjects import Subject, read_subject

__all__ = ["doer_of_result", "named_before_past"]


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


# A name that opens a clause (no subordinator), then a verb in the past no list holds and what
# follows a verb: "Wizards of the Coast capped off a remarkable year with 86% sales growth",
# "Zoro managed to drive 11.9% revenue growth" (not "Key consolidated financial highlights").
_NAMED_PAST = re.compile(
    r"\s*(?!(?:As|If|When|While|Although|Though|Since|Because|After|Before|In|For|On|At|With|"
    r"By|During|So|And|But|Once|Until|Unless|Where|Whether)\b)"
    r"(?P<named>[A-Z][\w&'’-]*(?:\s+(?:&|and|of|the|[A-Z][\w&'’-]*)){0,4}?)\s+[a-z]+ed\s+"
    r"(?:a|an|the|its|our|off|up|down|in|to|with|on|by|[$€£\d])"
)
# A name that opens the sentence and its verb, then a participle of a result with its amount:
# "Consumer Products executed well in the fourth quarter, delivering $800 million of revenue".
_NAMED_DOING = re.compile(
    r"\s*(?P<named>[A-Z][\w&'’-]*(?:\s+(?:&|and|of|[A-Z][\w&'’-]*)){0,4}?)\s+(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]+)\b[^,;%]{0,100},\s+"
    r"(?:delivering|posting|generating|reporting|achieving|recording|producing)\s+[$€£]\d"
)
