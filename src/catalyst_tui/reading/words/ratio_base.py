"""Revenue named only as a ratio's base ("or 6% of revenue", "as a percent of total revenue")
says no revenue of the sentence's own: "equity grants declined 36% to approximately $160
million or 6% of revenue" speaks of grants (gates.py: a part named in lower case is no
revenue's)."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["said_beyond_ratio"]

# A ratio's base said before revenue: "6% of", "as a percent of total".
_RATIO_OF = led(r"(?:%|\bper\s*cent|\bpercentage)\s+of\s+(?:(?:total|net|our)\s+)?$", re.I)
_REACH = 40  # characters before revenue's word a ratio's are looked for in


def said_beyond_ratio(words: re.Pattern[str], sentence: str) -> bool:
    """Whether `words` (a pattern of revenue's words) stand in `sentence` other than as a
    ratio's base."""
    for said in words.finditer(sentence):
        if not _RATIO_OF.search(sentence, max(0, said.start() - _REACH), said.start()):
            return True
    return False
