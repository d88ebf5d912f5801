"""The part a sentence only turns the speaker to, and the revenue the next sentence says with no
word of whose, which is that part's: "Turning to our Aerospace segment. Sales were up 9%." (the
segment's 9%), "…, starting with Automotive OEM. As expected, organic revenue was down 16%."

Read only where the sentence before names no figure of its own and only turns ("Turning to",
"Moving to", "Let's go to", "starting with", "Next,") or opens with a named part of ours ("Our
CSS segment delivered an exceptional quarter."), to a name a capital begins (not "our
segments", the quarter, a slide, the outlook), and the sentence after opens with revenue alone
(not "Total company revenue grew 9%"); and so for the sentence after, where it too opens with
revenue alone ("Turning to Specialty Materials. Sales were $518 million, down 7% sequentially.
Sales were down 5% year over year …"). Linear: the turn's pattern is anchored at the sentence's
end and reads at most 60 characters of its part."""

from __future__ import annotations

import re

from ..leads import led
from .clauses import frame_of
from .records import COMPANY
from .subjects import read_subject
from .vocabulary import LONGEST

__all__ = ["WHOSE_UNSAID", "revenue_alone_after", "turned_to"]

# A sentence that opens with revenue alone, no word of whose: "Organic sales were up 2%.",
# "Revenue increased 24%.", "Excluding these acquisitions, organic sales increased 15%" (not
# "Total revenue", "Our sales", "Company sales").
WHOSE_UNSAID = led(
    r"\s*(?:(?:and|so|also)\s+)?(?:excluding\s+[^,;%]{1,60},\s*)?"
    r"(?:(?:organic(?:ally)?|reported|net|core|adjusted|underlying|constant[- ]currency|"
    r"local[- ]currency)[\s,]+){0,3}"
    r"(?:revenues?|sales)(?:\s+growth)?\s+(?:was|were|grew|increased|decreased|declined|rose|fell|"
    r"came\s+in|of)\b",
    re.I,
)


def turned_to(text: str, spans: list[tuple[int, int]], index: int, whole: str) -> str:
    """The part named by a sentence that only turns the speaker to it, right before the one at
    `index` (`whole`), where that one opens with revenue alone ("Turning to our Aerospace
    segment. Sales were up 9%.", "…, starting with Automotive OEM. As expected, organic revenue
    was down 16%"); "" elsewhere."""
    start, end = spans[index - 1] if index > 0 else (0, 0)
    if end - start > LONGEST or not revenue_alone_after(text, spans, index, whole):
        return ""  # no sentence before, another speaker's, or whose revenue is said
    before = text[start:end]
    turn = _TURN_TO_PART.search(before) or _PART_OPENS.match(before)
    if turn is None or any(c in "%$€£" for c in before):  # a figure of its own
        return ""
    said = read_subject(turn["part"])
    if said.other or said.anaphor or said.name in ("", COMPANY) or _NO_PART.search(said.name):
        return ""
    return said.name if any(w[:1].isupper() for w in said.name.split()) else ""


def revenue_alone_after(text: str, spans: list[tuple[int, int]], index: int, whole: str) -> bool:
    """Whether the sentence at `index` (`whole`) opens with revenue alone, no word of whose
    ("Revenue increased 17% sequentially"; not "Total revenue grew 5%"), right after one of the
    same speaker: what it says is of the part the sentences before it spoke of."""
    if index < 1 or any(c.isalnum() for c in text[spans[index - 1][1] : spans[index][0]]):
        return False
    return WHOSE_UNSAID.match(whole, frame_of(whole)[1] if "," in whole else 0) is not None


# A sentence, or its last clause, that only turns the speaker to a part: "Turning to our
# Aerospace segment.", "…, starting with Automotive OEM.", "Next, Aerospace."
_TURN_TO_PART = led(
    r"(?:^|[,;]\s*+)(?:(?:and|so|now|ok(?:ay)?)[\s,]++)*(?:(?:let['’]s|let\s+me)\s+(?:now\s+)?"
    r"(?:turn|move|go)\s+to|turning\s+(?:now\s+)?to|moving\s+(?:on\s+)?to|(?:starting|"
    r"beginning)\s+with|next\s*+,)\s+(?P<part>[^,.;:!?]{1,60})[.!]?\s*+$",
    re.I,
)
# A sentence that opens with a named part of ours as its subject: "Our CSS segment delivered an
# exceptional quarter.", "In our Material Handling segment, we continue to see …".
_PART_OPENS = led(
    r"(?:(?:and|so|now)[\s,]++)?(?:our|the|in\s+our|at\s+(?:our|the))\s++"
    r"(?P<part>(?-i:[A-Z])[\w&+'’-]*+(?:\s++(?-i:[A-Z])[\w&+'’-]*+){0,3}\s++(?:segment|business|"
    r"division|group))\b",
    re.I,
)
# What a turn names that is no part: a slide, a period, a measure.
_NO_PART = led(
    r"\b(?:slides?|pages?|charts?|q[1-4]|quarters?|years?|outlook|guidance|balance|cash|margins?|"
    r"results|performance|financials|segments|businesses|highlights|details|p&l|eps)\b",
    re.I,
)
