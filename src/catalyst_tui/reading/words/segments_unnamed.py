"""A segment's revenue the sentence does not name the segment of: said with "the segment"
("On a sequential basis, revenues increased $19.4 million or 8.4% as the segment benefited"),
or right after a sentence of a segment's measure ("Adjusted segment EBITDA for the third quarter
increased $15.5 million. Revenues of $145.3 million increased 22%"). Its figure is given to
none: neither the company's nor, unnamed, the segment's."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["segment_unnamed"]


def segment_unnamed(whole: str, before: str) -> bool:
    """Whether the revenue alone of the sentence `whole` (naming no whole) is a segment's whose
    name it does not say: it says "the segment", or the sentence before (`before`, its
    speaker's and naming no whole; "" for none) says a segment's measure ("Adjusted segment
    EBITDA of $29.9 million or 17.3% of segment revenues"); not the segments' measure summed
    ("revenue was down 6% and adjusted segment margins up to 16.7%")."""
    if _SEGMENTS_SUMMED.search(whole):
        return False
    return _THE_SEGMENT.search(whole) is not None or _SEGMENT_MEASURE.search(before) is not None


# A segment said with no name ("as the segment benefited"), and a measure of one ("segment
# EBITDA", "of segment revenues").
_THE_SEGMENT = led(r"\b(?:the|this)\s+segment(?:['’]s)?\b(?!\s+(?:level|basis))", re.I)
# The segments' measure summed: the company's ("revenue was down 6% and segment margins up").
_SEGMENTS_SUMMED = led(r"\bsegment\s+margins\b", re.I)
_SEGMENT_MEASURE = led(
    r"\bsegment\s+(?:revenues?|sales|ebitda|operating|profit|income|margin)\b", re.I
)
