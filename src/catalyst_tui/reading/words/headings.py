"""What a sentence stands under, said by the sentence before it: a place's name alone on a line
("U.S.", then "CAG Diagnostics recurring revenues increased 9%": the place's), a frame naming a
part ("In Applied Water, orders were up 5% …. Revenues were up 3%": the part's)."""

from __future__ import annotations

from .clauses import frame_of
from .subjects import read_subject
from .vocabulary import LONGEST, PLACES

__all__ = ["part_framed", "place_alone_before"]


def place_alone_before(text: str, spans: list[tuple[int, int]], index: int) -> bool:
    """Whether the sentence before the one at `index`, with no words between, is a place's
    name alone ("U.S.", "Europe."): a heading the sentence's figures are of."""
    if index < 1:
        return False
    start, end = spans[index - 1]
    if end - start > _PLACE_ALONE or any(c.isalnum() for c in text[end : spans[index][0]]):
        return False
    words = text[start:end].strip().rstrip(".:").split()
    return 0 < len(words) <= 2 and all(
        w[:1].isupper() and w.casefold().replace(".", "") in _PLACE_WORDS for w in words
    )


_PLACE_ALONE = 30  # characters a place's name alone takes at most
_PLACE_WORDS = frozenset(w.replace(".", "") for w in PLACES)


def part_framed(text: str, spans: list[tuple[int, int]], index: int) -> bool:
    """Whether the sentence before the one at `index` opens with a frame naming a part ("In
    Applied Water, orders were up 5% …. Revenues were up 3%": the part's revenue, said after)."""
    start, end = spans[index - 1] if index > 0 else (0, 0)
    frame = frame_of(text[start:end])[0] if end - start <= LONGEST else ""
    return bool(frame) and not read_subject(frame).other  # not "Looking at the placement rate,"
