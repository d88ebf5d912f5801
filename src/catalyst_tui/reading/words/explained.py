"""A part's own parts, said to explain the part a sentence opens with: "Our Aerospace business
experienced continuing impact from the pandemic as OEM sales were down 32% and aftermarket
sales were down 48%" (the Aerospace business's OEM and aftermarket sales, not the company's).
The sentence names the part, but not as the figure's subject: the figure is given to none."""

from __future__ import annotations

import re

from ..leads import led
from .part_turns import PART_OPENS

__all__ = ["explains_part"]

# A clause of cause after the main clause: "… as OEM sales were down 32%".
_CAUSE = led(r"\s(?:as|because|since)\s", re.I)


def explains_part(sentence: str, name: str) -> bool:
    """Whether the figure of `name` is said in a clause of cause after a main clause that opens
    with a named part of ours and says no figure ("Our Aerospace business experienced … as OEM
    sales were down 32%"); not where `name` is that part ("Our Aerospace business grew 5% as
    Aerospace sales rose")."""
    opening = PART_OPENS.match(sentence)
    if opening is None or name.casefold() in opening["part"].casefold():
        return False
    at = sentence.find(name, opening.end())
    cause = _CAUSE.search(sentence, opening.end(), at) if at >= 0 else None
    return cause is not None and "%" not in sentence[opening.end() : cause.start()]
