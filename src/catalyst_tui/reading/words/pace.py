"""A basis said of a change of pace, not of a figure: "Japan continued to decelerate
sequentially, down 11%" (the rate is against its own before; the 11% has no basis said); in a
clause's frame, a pace's noun's ("we again saw a sequential improvement in organic revenue
performance, a decrease of 1.8%")."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["paced"]


def paced(words: str, *, nouns: bool = False) -> str:
    """`words` with a basis said of a change of pace blanked: the rate's against its own
    before, not the figure's ("Japan continued to decelerate sequentially, down 11%": 11% has
    none said); with `nouns`, in a clause's frame, the pace's noun's too ("we again saw a
    sequential improvement in organic revenue performance, a decrease of 1.8%")."""
    if nouns and ("sequential " in words or "year " in words):
        words = _PACE_NOUN_BASIS.sub(lambda m: " " * len(m.group()), words)
    if "ccelerat" not in words and "ecelerat" not in words:
        return words
    return _PACE_BASIS.sub(lambda m: " " * len(m.group()), words)


_PACE_NOUN_BASIS = led(
    r"\b(?:sequential|year[- ](?:over|on)[- ]year)(?=\s++(?:improvement|acceleration|"
    r"deceleration|deterioration|slowdown)\b)",
    re.I,
)
_PACE_BASIS = led(
    r"\b(?:re-?)?(?:accelerat|decelerat)\w*+\s++(?:sequentially|quarter[- ](?:over|on)[- ]quarter|"
    r"year[- ](?:over|on)[- ]year)\b",
    re.I,
)
