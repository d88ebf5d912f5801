"""A list whose items after the first leave out the verb, set apart by semicolons and each
name's figure after a comma ("Residential pest control made up 40% of our revenue; commercial
pest control, 33%; and termite and other services, 27%"), read as the list said with commas
("…, commercial pest control 33% and termite and other services 27%"): the offsets kept."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["ungapped"]


def ungapped(plain: str) -> str:
    """`plain` with each gapped item after a figure ("; commercial pest control, 33%") said as
    a list's item (", commercial pest control  33%"), of the same length."""
    first = plain.find(";")
    if first < 0 or "%" not in plain[:first]:
        return plain
    return plain[:first] + _GAPPED.sub(_as_item, plain[first:])


def _as_item(match: re.Match[str]) -> str:
    return "," + match["name"] + " " + match["figure"]


# "; commercial pest control, 33%": a name, a comma, then its figure alone, ended by the next
# item or the sentence.
_GAPPED = led(
    r";(?P<name>\s+(?:and\s+)?[^\W\d][^;,%\d]{0,60}?),(?P<figure>\s+\d[\d.]*\s?%)(?=\s*(?:;|\.|$))"
)
