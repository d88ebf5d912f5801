"""Words before a figure that are not its subject, though they stand where one would.

- **A part pointed at** in the figure's clause is one named before: "this business last year we
  grew 10%" (no one's here; not a part named within it: "our non-software businesses in this
  segment were down 13%").
- **A concession left open**, its verb after it with no comma: "our ICTx business, despite the
  discontinuation of ACURATE grew 10%" (the ICTx business's; a concession that holds its own
  subject, "despite revenues that were down 4.5%", is a clause of its own).
- **A measure alone, with a figure of its own, before a comma**, frames nothing: "Orders grew
  14%, revenue increased 10%" (the company's revenue; not "Prepared Foods volume decreased 3%,
  sales increased 15%": Prepared Foods').
- **An effect left out before a comma** frames nothing either: "Excluding the 1% impact from
  our federal business, our revenues grew approximately 6%" (the company's).

Linear: each pattern is searched within a window before its figure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from .patterns import FIGURE
from .vocabulary import OTHER_MEASURES

if TYPE_CHECKING:
    from .subjects import Subject

__all__ = ["conceded", "left_out", "measure_alone", "pointed_at"]

_THIS_PART = led(
    r"(?<!\bin\s)(?<!\bof\s)(?<!\bwithin\s)"
    r"\b(?:this|that|these|those)\s+(?:business(?:es)?|segments?|divisions?|units?)\b",
    re.I,
)
# A clause that opens by leaving an effect or an item out of the figure after it.
_LEFT_OUT = led(r"\s*(?:excluding|absent|adjusting\s+for|setting\s+aside)\b", re.I)
_DESPITE_OPEN = led(
    r",\s*(?:despite|notwithstanding|in\s+spite\s+of)\b"
    r"(?:(?!\b(?:that|which|who|was|were|is|are|being)\b)[^,;]){1,80}$",
    re.I,
)


def pointed_at(text: str, near: int, at: int) -> bool:
    """Whether a part is pointed at in the clause of the figure's verb at `at` (from `near`)."""
    return _THIS_PART.search(text, max(near, text.rfind(",", 0, at)), at) is not None


def conceded(text: str, near: int, at: int) -> int:
    """Where a concession left open before the verb at `at` begins (its comma); -1 where none."""
    found = _DESPITE_OPEN.search(text, near, at)
    return -1 if found is None else found.start()


def left_out(clause: str) -> bool:
    """Whether `clause` opens by leaving something out of its figure ("Excluding the impact")."""
    return _LEFT_OUT.match(clause) is not None


def measure_alone(framed: Subject, lead: str) -> bool:
    """Whether the clause before (`lead`), a figure of its own in it, is of a measure alone."""
    words = framed.name.lower().split()
    return (
        bool(words) and all(w in OTHER_MEASURES for w in words) and FIGURE.search(lead) is not None
    )
