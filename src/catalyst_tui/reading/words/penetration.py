"""A channel's penetration: the share of sales a selling channel makes ("digital penetration is
35%", "Our 21% e-commerce penetration", "Digital sales penetration rate was 19.8%"; "…, reaching
30% penetration" after the channel). A retailer's word for its channel's share of its sales.

Only a channel of selling (digital, e-commerce, online, direct-to-consumer) is read so:
"household penetration", "broadband penetration", "loyalty penetration", "ACV penetration" or
"cash penetration" are counts of buyers or of payments, never a share of revenue, and give
nothing here (the measure word "penetration" refuses them elsewhere)."""

from __future__ import annotations

import re

from ..leads import led
from .subjects import Subject, read_subject

__all__ = ["channel_share"]

_CHANNEL = r"(?:digital|e-?commerce|online|omni-?channel|dot-?com|direct-to-consumer|DTC|web)"
# The channel and its penetration said before the figure: "digital penetration is 35%".
_SAID_BEFORE = led(
    rf"\b(?P<channel>{_CHANNEL})\s+(?:sales\s+)?penetration(?:\s+rate)?\s+"
    r"(?:is|was|of|reached|(?P<near>approached|approaching)|at|to|hit|stood\s+at|"
    r"(?:grew|rose|increased|climbed|improved|jumped|expanded|declined|decreased|fell)\s+to)\s+"
    r"(?:about\s+|approximately\s+|nearly\s+|roughly\s+|almost\s+|over\s+|just\s+over\s+)?$",
    re.I,
)
# The figure before its penetration: "Our 21% e-commerce penetration", "a 19% digital
# penetration", "nearly 11% sales penetration" (the channel then the clause's).
_SAID_AFTER = led(
    rf"\s*(?:(?P<channel>{_CHANNEL})\s+)?(?:sales\s+)?penetration\b(?!\s+(?:of|in|on|at)\b)",
    re.I,
)
_CHANNEL_WORD = led(rf"\b{_CHANNEL}\b|\w\.com\b", re.I)


def channel_share(before: str, after: str, named_before: str) -> tuple[Subject, str] | None:
    """The channel whose share of sales the figure between `before` and `after` is, said as
    its penetration, with "nearly" where the figure was approached; None where it is no
    channel's (`named_before`: the part the figure before it in its sentence was given, the
    channel where the penetration does not name it)."""
    if "penetration" not in before[-80:].lower() and "penetration" not in after[:40].lower():
        return None  # looked for only where its word stands
    said = _SAID_BEFORE.search(before, max(0, len(before) - 80))
    if said is not None:
        return Subject(said["channel"], True, False, False), "nearly" if said["near"] else ""
    after_it = _SAID_AFTER.match(after)
    if after_it is None:
        return None
    if after_it["channel"]:
        return Subject(after_it["channel"], True, False, False), ""
    named = read_subject(named_before)
    if named.name and not named.other and _CHANNEL_WORD.search(named.name):
        return Subject(named.name, True, False, False), ""  # "digital, which …, reaching 30%"
    return None
