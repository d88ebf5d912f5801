"""Guidance moved, said in the passive (guidance.py reads the rest): "Our full year EPS outlook
is increased to $2.85", "our guidance for the balance of the year has been tempered", "margin
expectations are maintained at 11.4% to 11.6%"; not a move of before ("were raised last
quarter"), nor a move barred as blocked.py bars one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..leads import led
from ..wordlists import one_of
from .blocked import OTHERS_DO, barred
from .guidance_verbs import DONE_BEFORE, VERBS, metric_of
from .patterns import GUIDANCE_NOUN

__all__ = ["passive_moves"]

# The guidance moved, said in the passive: "Our full year EPS outlook is increased to $2.85".
_MOVED = one_of(
    """raised increased lifted lowered reduced cut trimmed reaffirmed reiterated maintained
    confirmed withdrawn suspended tempered"""
)
_BEEN = one_of("is was are were has_been have_been is_being are_being")
_BEEN_KEYS = (" is ", " was ", " are ", " were ", " been")
# The guidance moved, said passive, its period between: "our guidance for the balance of the
# year has been tempered".
_PASSIVE = led(
    rf"\b{GUIDANCE_NOUN}(?:\s+for\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?(?:year|quarter|half|(?:19|20)\d\d))?"
    rf"(?:,?\s+which)?\s+{_BEEN}\s+(?:again\s+|also\s+)?(?P<verb>{_MOVED})\b",
    re.I,
)


def passive_moves(sentence: str, low: str) -> Iterator[tuple[int, str, str]]:
    """Where each move of guidance said in the passive stands in `sentence` (`low`, lowered),
    its direction and its metric."""
    if not any(map(low.__contains__, _BEEN_KEYS)):
        return
    for match in _PASSIVE.finditer(sentence):
        said = next((d for d, v in VERBS.items() if re.fullmatch(v, match["verb"], re.I)), "")
        said = said or ("cut" if match["verb"].lower() == "tempered" else "")  # no verb alone
        blocked = barred(sentence, match.start(), match.end(), verb=False) or (
            OTHERS_DO.search(sentence, max(0, match.start() - 40), match.start()) is not None
        )  # ("Consensus estimates were raised": the analysts', as blocked.py reads a verb's)
        if (
            said
            and said != "introduced"
            and not blocked
            and not DONE_BEFORE.match(sentence, match.end())
        ):
            yield match.start(), said, metric_of(match.group())
