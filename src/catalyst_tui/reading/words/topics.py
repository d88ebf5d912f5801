"""A place said first and set off by a comma, then "we" said of it: "Latin America, our
strongest performing region, we achieved 12% sales growth" (the place frames the clause, as "In
Latin America," would). Only a place's name: "Overall, we grew 5%" frames nothing."""

from __future__ import annotations

from ..leads import led
from .vocabulary import PLACES

__all__ = ["place_topic"]

# One to three capitalised words, a comma, maybe an apposition of what the place is, then "we".
_TOPIC = led(
    r"(?P<frame>(?-i:[A-Z])[a-z]++(?:\s(?-i:[A-Z])[a-z]++){0,2}),\s*+"
    r"(?:(?:our|its|the)\s[^,;.]{1,60}+,\s*+)?(?=we\s)"
)


def place_topic(text: str) -> tuple[str, int] | None:
    """The place `text` opens with, set off before "we", and where the clause's body begins;
    None where it opens with no place so set off."""
    topic = _TOPIC.match(text)
    if topic is None or not all(w.lower() in PLACES for w in topic["frame"].split()):
        return None
    return topic["frame"], topic.end()
