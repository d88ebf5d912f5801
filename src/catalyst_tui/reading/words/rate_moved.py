"""A growth rate said to move from one figure to another: both figures are the growth's, each of
its own period. "Sales growth strengthened from 1.5% in the first half to 2.7% in the second";
"organic sales growth accelerated to 2.7% in the second half from 1.5% in the first"; "SIBG grew
3.2% with growth accelerating from 2.5% in the first half to 3.9% in the second half" (SIBG's).

Whose the growth is: the words before "growth" where they name revenue or only qualify it
("sales growth", "organic growth": the company's) or a part ("Our Electrical Global organic
growth": that part's); a bare "with growth" is the growth read before it in the clause. Never a
growth of another measure ("EPS growth", "volume growth"), nor one whose figures carry a sign
in words ("from negative 2%"), nor a figure of guidance ("up to about 7% in our 2025 guidance"):
those give nothing here.

Linear: each pattern is anchored at the figure, looking back a bounded reach."""

from __future__ import annotations

import re

from ..leads import led
from .lists import Found
from .patterns import CMP, tail
from .phrases import phrase_before
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import GENERIC_WORDS

__all__ = ["moved_from", "rate_moved"]

_MOVE = (
    r"(?:accelerat|decelerat|improv|strengthen|slow|moderat|ris|ros|increas|declin|fell|fall|"
    r"went|go|mov|pick|expand|climb|jump|rebound|edg|step|tick)[a-z]*(?:\s+up)?"
)
# "growth (rate) accelerated from ", "growth is accelerating, up to about " (the words between
# the growth and its verb: an adverb or an auxiliary).
_GROWTH_MOVED = (
    r"\bgrowth(?:\s+rates?)?\s+(?:(?:has|have|had|is|was|were|been|also|further|again|"
    r"significantly|meaningfully|nicely|steadily|sequentially)\s+)*" + _MOVE + r",?\s+"
)
_CMP_AT_END = r"(?:" + CMP.replace("(?P<cmp>", "(?:", 1) + r"\s+)?"
# The words of a figure's period after it, up to the next word of the pair ("in the first half").
_PERIOD = r"(?:\s*(?:%|percent))\s*(?:(?:in|for|during|over|at)\s+[^%;,]{1,40}?\s*)?"
# The first figure of the pair, the growth's verb before it: "… accelerated from 1.5%".
_FROM_FIRST = led(_GROWTH_MOVED + r"(?:up\s+)?from\s+" + _CMP_AT_END + r"$", re.I)
_TO_FIRST = led(_GROWTH_MOVED + r"(?:up\s+)?to\s+" + _CMP_AT_END + r"$", re.I)
# The second figure, the first's words between: "… from 1.5% in the first half to 2.7%".
_FROM_SECOND = led(
    _GROWTH_MOVED
    + r"(?:up\s+)?from\s+"
    + _CMP_AT_END
    + r"[\d.]+"
    + _PERIOD
    + r"to\s+"
    + _CMP_AT_END
    + r"$",
    re.I,
)
_TO_SECOND = led(
    _GROWTH_MOVED
    + r"(?:up\s+)?to\s+"
    + _CMP_AT_END
    + r"[\d.]+"
    + _PERIOD
    + r"from\s+"
    + _CMP_AT_END
    + r"$",
    re.I,
)
# After the first figure, the pair's other end said: " in the first half to " / " … from ".
_THEN_TO = led(r"[^%;,]{0,50}?\bto\s+" + _CMP_AT_END + r"$", re.I)
_THEN_FROM = led(r"[^%;,]{0,50}?\bfrom\s+" + _CMP_AT_END + r"$", re.I)
# Each end of a move: what the words before the figure say, what the words after it must say
# (the other end, where the figure is the first), and whether the figure is the rate moved from
# (another period's: no basis of its own read).
_ENDS = (
    (_FROM_SECOND, None, False),
    (_TO_SECOND, None, True),
    (_FROM_FIRST, _THEN_TO, True),
    (_TO_FIRST, _THEN_FROM, False),
)
_SIGNED = led(r"\b(?:negative|minus|plus|positive|down|up)\s+$", re.I)
_REACH = 200
_FORECAST = led(
    r"\s*(?:%|percent)?\s*(?:in|for)\s+(?:our|the)\s+(?:[\w'’-]+\s+){0,3}?(?:guidance|outlook|"
    r"forecast|plan|guide)\b",
    re.I,
)


def rate_moved(
    match: re.Match[str], before: str, after: str, last: Found | None, comparison: str
) -> Found | None:
    """The growth whose rate moved from one figure to another, where the figure `match` is an
    end of that move (`before`, `after`: the clause's words up to it and to the next figure;
    `comparison`: the word said with it); None where it is no such end."""
    start = tail(before, _REACH)
    if match["mult"] or "rowth" not in before[start:]:
        return None  # no growth named within reach: looked for only where one is
    said, earlier = next(
        (
            (said, earlier)
            for pattern, then, earlier in _ENDS
            if (said := pattern.search(before, start)) is not None
            and (then is None or then.fullmatch(after) is not None)
        ),
        (None, False),
    )
    if said is None:
        return None  # one figure alone: read as any growth is
    if _SIGNED.search(before, tail(before, 12)) or _FORECAST.match(after):
        return None  # "from negative 2%": a sign said in words; "7% in our 2025 guidance"
    owner = _owner(before, said.start(), last)
    if owner is None:
        return None
    value = float(match["num"])
    return Found("growth", value, comparison, owner, "", match.start(), prior=earlier)


def moved_from(before: str) -> bool:
    """Whether a figure after `before` is the first of a growth rate's move ("growth
    accelerated from 5% to 8%"): no range's end."""
    start = tail(before, _REACH)
    return "rowth" in before[start:] and _FROM_FIRST.search(before, start) is not None


_WITH = led(r"\b(?:with|and|while)\s+$", re.I)


def _owner(before: str, growth: int, last: Found | None) -> Subject | None:
    """Whose the growth named at `growth` is: the revenue or part the words before it name, or
    the growth read before it where the growth is bare after "with"."""
    phrase = phrase_before(before, growth).strip()
    if not phrase or _WITH.search(before, max(0, growth - 8), growth):
        if last is not None and last.kind == "growth" and not last.subject.other:
            return last.subject  # "SIBG grew 3.2% with growth accelerating from …": SIBG's
        return None
    if all(word.lower() in GENERIC_WORDS for word in phrase.split()):
        return Subject(COMPANY, True, False, False)  # "Organic growth improved to 5% from 3%"
    owner = read_subject(phrase, revenue_said=True)
    if owner.other or owner.anaphor or not owner.name:
        return None  # "EPS growth accelerated from 5% to 9%": another measure's
    return owner if owner.name == COMPANY or owner.revenue else None
