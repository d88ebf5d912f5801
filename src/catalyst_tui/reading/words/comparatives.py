"""A figure said as a comparative ("16.5% greater than 2024", "3% more than the market"): a
growth when it is measured against a period, no growth of the company's when against a market,
its peers, a plan or another measure (what it beat them by, not what it grew by)."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["LOOSELY", "THAN_A_PERIOD", "against_another"]

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


# A bound said loosely, as the bound it is: "a little less than 10%" is nearly 10%.
#: (patterns.comparison_said reads a comparison word by it)
LOOSELY = {
    f"{loosely} {said}": bound
    for loosely in ("a little", "slightly", "a bit")
    for said, bound in (
        ("less than", "nearly"),
        ("under", "nearly"),
        ("below", "nearly"),
        ("more than", "just over"),
        ("over", "just over"),
        ("above", "just over"),
    )
} | {
    "well over": "over",
    "well above": "above",
    "well in excess of": "in excess of",
}
