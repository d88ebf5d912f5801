"""A part named as a clause's frame by its proper name ("In Reliability, revenue was $3 billion,
up 3%"; "Turning to Agility,"): a name written in capitals is the part's even where one of its
words, in lower case, would name a measure that is not revenue ("reliability", "orders"). A
name in capitals throughout ("EBITDA", "EPS") is the measure still, and a frame that names a
measure with another word ("Operating Income") is one, and so is a name framing a clause that
names no revenue ("In Orders, we grew 3%")."""

from __future__ import annotations

from ..leads import led
from .names import lowered
from .patterns import REVENUE_SAID
from .phrases import other_measure
from .subjects import Subject, read_subject

__all__ = ["read_frame"]

# One to three words, each a capital and then lower case ("Reliability", "Health Solutions",
# "Food & Beverage"): a proper name, no acronym.
_PROPER = led(r"[A-Z][a-z][\w'’-]*(?:\s+(?:&|and|[A-Z][a-z][\w'’-]*)){0,2}")


def read_frame(frame: str, body: str) -> Subject:
    """What the frame `frame` names, as read_subject reads it, save a proper name of one word
    that is a measure's in lower case where the clause's `body` names revenue: the part so
    named ("In Orders, we grew 3%" names none)."""
    framed = read_subject(frame, revenue_said=True)
    name = frame.strip()
    if not framed.other or _PROPER.fullmatch(name) is None or not REVENUE_SAID.search(body):
        return framed
    measures = [w for w in name.split() if other_measure(lowered(w).lower())]
    if len(measures) != 1 or len(name.split()) > 1:
        return framed  # "Operating Income": a measure named in capitals
    return Subject(name, True, False, False)
