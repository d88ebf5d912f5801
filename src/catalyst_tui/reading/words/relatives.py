"""A relative clause whose antecedent the phrase before it does not name ("…, which today
represents about 13% of total company sales"): its verb's subject is unread, no clause's."""

from __future__ import annotations

import re

from ..leads import led
from .phrases import phrase_before
from .subjects import read_subject

__all__ = ["RELATIVE_BEFORE", "market_relative", "relative_unread"]

# A relative clause whose antecedent was not read ("…doubling in the last two years, which
# today represents about 13% of total company sales", "…, which in 2020 drove over 70%"): it is
# not the clause's subject.
RELATIVE_BEFORE = led(
    r",\s*(?:which|who)(?:\s+(?:today|now|still|also|alone|together|currently)|\s+in\s+(?:fiscal\s+)?"
    r"(?:19|20)\d\d|\s+(?:last|this)\s+(?:year|quarter)|\s+in\s+the\s+(?:quarter|year))?\s*$",
    re.I,
)


def relative_unread(text: str, at: int) -> bool:
    """Whether the verb at `at` opens a relative clause ("…, which today represents") whose
    antecedent the phrase before it does not name."""
    return (
        RELATIVE_BEFORE.search(text, max(0, at - 40), at) is not None
        and not read_subject(phrase_before(text, at)).name
    )


# A market named by "a", then a relative clause the verb stands in: "We have a market that we
# think is going to grow 15%" (the market's growth, no part's).
_MARKET_THAT = led(
    r"\b(?:a|an)\s++(?:[\w&'’-]++\s++){0,3}?markets?\s++(?:that|which)\b[^,;.%]{0,80}+$"
    # or a market framing the clause, then a participle of its own growth: "In the professional
    # market, growing at plus 3%, we delivered plus 7.5% growth" (the 3% the market's)
    r"|^\s*+(?:in|within)\s++the\s++(?:[\w&'’-]++\s++){0,3}?markets?,\s*+"
    r"(?:(?:growing|grew|declining|up|down)\b[^,;.%]{0,20}+)?$",
    re.I,
)


def market_relative(text: str, near: int, at: int) -> bool:
    """Whether the verb at `at` stands in a relative clause of a market named by "a"."""
    return _MARKET_THAT.search(text, near, at) is not None
