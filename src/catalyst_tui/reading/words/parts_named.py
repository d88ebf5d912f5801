"""Whose a figure is, said by where a part's name stands: a part named with its own figure, in a
sentence that opens by naming how parts are cut ("Within categories, Torx and multifocals grew
7%, and spheres were up 6%"), not one a figure before it was read of; and the parts listed after
", with" in a sentence that named a counted measure and no revenue, that measure's ("Payments
volume growth rates were strong …, with Latin America, CEMEA, and Europe up more than 16%")."""

from __future__ import annotations

import re

from ..leads import led
from .measures import NEVER_REVENUE_SAID
from .patterns import REVENUE_SAID

__all__ = ["NAMED_AFTER", "named_since", "parts_of_another"]

NAMED_AFTER = 80  # how far after its figure a part's name may stand ("a 16% increase in …")


def named_since(sentence: str, name: str, since: int, at: int) -> bool:
    """Whether `name` is said, as whole words, from the figure before (at `since`) to `at`
    (a short reach past the figure's own: "a 16% increase in modification and upgrades"): a part
    said with its own figure, not one a figure before it was read of ("reinsurance grew 40% …
    and insurance reported …, representing 25% growth"). Each figure's words are looked at
    once, whatever the sentence's length."""
    found = sentence.casefold().find(name.casefold(), since, at)
    while found >= 0:
        end = found + len(name)
        if (found == 0 or not sentence[found - 1].isalnum()) and (
            end >= len(sentence) or not sentence[end].isalnum()
        ):
            return True
        found = sentence.casefold().find(name.casefold(), found + 1, at)
    return False


# A clause of parts that goes on from the one before it: "…, with Latin America, CEMEA, and
# Europe up more than 16%" (the measure the clause before named, theirs).
_WITH_PARTS = led(r",\s*(?:and\s+)?with\b", re.I)


def parts_of_another(sentence: str) -> tuple[int, int]:
    """Where the parts listed after ", with" stand, the sentence having named a counted measure
    and no revenue before them ("Payments volume growth rates were strong …, with Latin America,
    CEMEA, and Europe up more than 16%": volume's), up to the first revenue said after (its
    figures as they were); (0, 0) where there are none. Read once a sentence."""
    joined = _WITH_PARTS.search(sentence)
    if joined is None or NEVER_REVENUE_SAID.search(sentence, 0, joined.start()) is None:
        return 0, 0
    said = REVENUE_SAID.search(sentence)
    if said is None:
        return joined.end(), len(sentence)
    return (joined.end(), said.start()) if said.start() > joined.end() else (0, 0)
