"""A figure said as a comparative ("16.5% greater than 2024", "3% more than the market"): a
growth when it is measured against a period, no growth of the company's when against a market,
its peers, a plan or another measure (what it beat them by, not what it grew by)."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["THAN_A_PERIOD", "against_another"]

#: What follows "than" when a comparative measures a period's change: "than 2024", "than the
#: year ago quarter", "than last year", "than in the third quarter".
THAN_A_PERIOD = (
    r"(?:in\s+)?(?:the\s+|a\s+|its\s+|our\s+)?(?:prior|previous|last|same|year|fiscal|"
    r"(?:19|20)\d\d\b|q[1-4]\b|[1-4]q\b|(?:first|second|third|fourth)\s+quarter)"
)

# What a figure may be set against that is no period: a market, peers, a plan, another measure.
_COMPARATIVE_THAN = led(
    r"\s++(?:more|less|greater|higher|lower|faster|slower|better|worse)\s++than\s++"
    r"(?:the\s+|our\s+|its\s+|their\s+|what\s+)?(?:overall\s+|broader\s+|underlying\s+)?"
    r"(?:markets?|industry|peers?|competitors?|competition|expect|plan|budget|guid|forecast|"
    r"outlook|reported|internal)",
    re.I,
)


def against_another(after: str) -> bool:
    """Whether the words right after a figure set it against something other than a period
    ("3% more than the market", "8.5% lower than reported sales", "5% higher than expected"):
    a margin over it, no growth."""
    return _COMPARATIVE_THAN.match(after) is not None
