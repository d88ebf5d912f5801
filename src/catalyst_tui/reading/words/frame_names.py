"""A part named as a clause's frame by its proper name, one word in capitals ("In Reliability,
revenue was $3 billion, up 3%"): the part so named, even where the word in lower case names a
measure that is not revenue ("reliability"). A name in capitals throughout ("EBITDA") is the
measure still, as is a frame of two words or more that holds a measure's ("Operating Income"),
and a name framing a clause that names no revenue ("In Orders, we grew 3%")."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import REVENUE_SAID
from .phrases import other_measure
from .subjects import Subject, read_subject

__all__ = ["read_frame", "revenue_among"]

# One word, a capital and then lower case: a proper name, no acronym.
_PROPER = led(r"[A-Z][a-z][\w'’-]*")


def read_frame(frame: str, body: str) -> Subject:
    """What the frame `frame` names, as read_subject reads it, save a proper name of one word
    that is a measure's in lower case, where the clause's `body` names revenue: the part so
    named."""
    framed = read_subject(frame, revenue_said=True)
    name = frame.strip()
    if (
        framed.other
        and _PROPER.fullmatch(name) is not None
        and other_measure(name.lower())
        and REVENUE_SAID.search(body) is not None
    ):
        return Subject(name, True, False, False)
    return framed


# A frame that turns to topics, revenue among them: "Turning to revenue and orders, our revenue
# … totaled $88.4 million and that's a decline of 22.6%" (the subject says whose).
_TOPICS = led(r"^(?:revenues?|sales)\s++(?:and|&)\s|\band\s++(?:revenues?|sales)$", re.I)


def revenue_among(frame: str) -> bool:
    """Whether a frame names revenue among the topics it turns to."""
    return _TOPICS.search(frame.strip()) is not None
