"""A relative clause whose antecedent the phrase before it does not name ("…, which today
represents about 13% of total company sales"): its verb's subject is unread, no clause's."""

from __future__ import annotations

import re

from ..leads import led
from .phrases import phrase_before
from .subjects import read_subject

__all__ = ["RELATIVE_BEFORE", "relative_unread"]

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
