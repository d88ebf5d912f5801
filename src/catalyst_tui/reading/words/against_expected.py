"""A result set against what was expected: "above the high end of our guidance range", "in line
with our outlook", "towards the higher end of our outlook at $3.16 billion".

It says what was, no forecast (marks.py blanks it where the words of the future are looked
for); and it names no measure of its own: the growth said beside it is the clause's ("Revenue
was above the high end of our guidance range, up 10%": revenue's, not the guidance's).
Linear: each pattern is bounded, searched within a window before its figure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from .clauses import clause_subject

if TYPE_CHECKING:
    from .subjects import Subject

__all__ = ["BEFORE_A_FIGURE", "SAID", "subject_against"]

_AGAINST = (
    r"\b(?:above|below|ahead\s+of|beyond|exceed(?:ed|ing)?|beat|at|within|in\s+line\s+with|"
    r"toward|towards|near)\s+(?:the\s+)?(?:(?:high|higher|upper|low|lower|top|bottom)\s+end\s+of"
    r"\s+)?(?:our\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:guidance|outlook|expectations?|"
    r"forecast|plan)(?:\s+range)?"
)
# Said anywhere in a clause.
SAID = led(_AGAINST, re.I)
# Said right before a figure's verb, an amount and a comma between ("… at $3.16 billion, up").
BEFORE_A_FIGURE = led(
    _AGAINST + r"(?:\s+at\s+[$€£]?\d[\d.,]*(?:\s*(?:million|billion))?)?\s*,?\s*$", re.I
)
_REACH = 110  # the characters before a figure the result may take


def subject_against(
    text: str, near: int, at: int, first: bool, revenue_said: bool
) -> Subject | None:
    """The clause's subject, where what stands right before the figure's verb at `at` is a
    result set against what was expected; None elsewhere, or where the clause names none."""
    against = BEFORE_A_FIGURE.search(text, max(near, at - _REACH), at)
    if against is None:
        return None
    blanked = text[: against.start()] + " " * (at - against.start()) + text[at:]
    own = clause_subject(blanked, first, revenue_said)
    return own if own.name and not own.other else None
