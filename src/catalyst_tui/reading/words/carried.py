"""A growth of a measure counted or earned apart from revenue, said as its sentence's subject
("Companywide same-store cash NOI for the second quarter increased by 0.5%"), is what the next
sentences' growths of no measure are of ("Our core New York office business was up 3.2%.
Blending in Chicago and San Francisco, our office business overall was up 2%": NOI's, not
revenue's), for `SPAN` sentences of one speaker, each a growth. Profit and prices carry nothing:
"Segment profit rose 197%. Replacement business was up more than 40%" is revenue's (passages.py
asks, and leaves out a sentence that turns to a section of its own)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..leads import led
from ..wordlists import any_word
from .measures import COUNTED

__all__ = ["SPAN", "carried", "counted_grew"]

SPAN = 2  # sentences back a growth of another measure still names what grew
# A measure counted or earned apart from revenue: "Same-store cash NOI", "Food volumes".
_OTHER_GREW = any_word(
    COUNTED + " noi ffo carloads occupancy inflows pos deposits loans receivables admissions"
    " surgeries visits procedures utilization"
)
# A growth said by its verb: "increased by 0.5%", "was up 3%".
_GREW = led(r"\b(?:grew|rose|fell|(?:was|were)\s+(?:up|down)|increased|decreased|declined)\b", re.I)


def counted_grew(
    text: str, start: int, end: int, measures: Callable[[], tuple[bool, bool] | None]
) -> bool | None:
    """What the sentence from `start` to `end` (naming revenue, and another measure, as
    `measures` says, asked only of a growth; None for a question) says of the growths of no
    measure after it: True where it gives a growth of a counted measure, its subject, and names
    no revenue; None where it gives a growth of no measure either (the one before it decides);
    False elsewhere."""
    grew = _GREW.search(text, start, end)
    if grew is None or "%" not in text[grew.end() : end]:
        return False
    said = measures()
    if said is None:
        return False
    other = _OTHER_GREW.search(text, start, grew.start()) is not None
    if said == (False, False) and not other:  # ("system utilization increased 3%": a count's
        return None  # rate, though no measure of phrases.py)
    return not said[0] and other


def carried(index: int, said: Callable[[int], bool | None], same: Callable[[int], bool]) -> bool:
    """Whether the sentence at `index` follows, within `SPAN` sentences of its speaker's (`same`:
    whether a sentence is its speaker's as the one before), a growth of a counted measure
    (`said`: `counted_grew` of a sentence)."""
    for back in range(index - 1, max(-1, index - 1 - SPAN), -1):
        found = said(back)
        if found is False or not same(back + 1):  # (the speaker asked last: the costlier)
            return False
        if found is not None:
            return found
    return False
