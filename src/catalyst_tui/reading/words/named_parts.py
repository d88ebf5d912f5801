"""The part a turn of a speaker names (part_turns.py): a name, a place or a channel, or a part
in lower case by its kind's word; never a slide, a period or a measure, and a slide's own words
left out ("Gucci on Slide 8", "Slide 7 for Infrastructure": the part)."""

from __future__ import annotations

import re

from ..leads import led
from .dimensions import cut_of
from .records import COMPANY
from .subjects import read_subject

__all__ = ["A_SLIDE", "named_part", "off_slide"]

A_SLIDE = led(r"(?:slides?|pages?|charts?)\s++[\w-]++", re.I)
# A slide named with the part: after it ("Gucci on Slide 8"), or before it ("Slide 7 for
# Infrastructure").
_ON_SLIDE = led(
    r"\s++(?:on|in|at)\s++(?:slides?|pages?|charts?)\s++\d++\s*+$|"
    r"^(?:slides?|pages?|charts?)\s++\d++\s++(?:for|on)\s++",
    re.I,
)
# What a turn names that is no part: a slide, a period, a measure.
_NO_PART = led(
    r"\b(?:slides?|pages?|charts?|q[1-4]|quarters?|years?|outlook|guidance|balance|cash|margins?|"
    r"results|performance|financials|segments|businesses|highlights|details|p&l|eps|updates?|"
    r"overview|summary|discussion|comments|progress|priorities|plans?|strategy|disclosures?|"
    r"statements?|harbou?r|remarks|agenda|trends)\b",
    re.I,
)

# A part named in lower case by the word of its kind, after a word of its own.
_PART_NOUN_ENDS = led(
    r"\b(?:segment|division|business|unit|category|franchise|vertical|product\s+line|"
    r"end[- ](?:use\s+)?market)$",
    re.I,
)


def off_slide(phrase: str) -> str:
    """`phrase` without the slide it names the part with."""
    return _ON_SLIDE.sub("", phrase)


def named_part(phrase: str) -> str:
    """The part `phrase` names, where a capital begins a word of its name; "" otherwise."""
    said = read_subject(phrase)
    if said.other or said.anaphor or said.name in ("", COMPANY) or _NO_PART.search(said.name):
        return ""
    if any(w[:1].isupper() for w in said.name.split()) or cut_of(said.name):
        return said.name  # a name, or a place or a channel by its word alone ("online")
    if " " in said.name and _PART_NOUN_ENDS.search(said.name):
        return said.name  # a part by its kind's word, in lower case: "the medical end-use market"
    return ""
