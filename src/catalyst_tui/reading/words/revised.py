"""Guidance revised, its direction said by the words after it or by what it was revised for: "we
are revising our outlook upward" (raised), "updated our guidance from 50 to 60 million to now 30
to 40 million" (the range's midpoint), "As a result of the supply chain challenges, we are
revising our guidance" (cut), "Given the strong results this quarter, we have revised our 2020
guidance" (raised); a strength and a hardship both said give no one direction. guidance.py
reads whether the revision is negated, hedged, someone else's or a view over years."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..leads import led
from .patterns import GUIDANCE_FILLER as _FILLER
from .patterns import GUIDANCE_NOUN as _NOUN
from .prior import from_to

__all__ = ["REVISED_KEYS", "revisions"]

#: A word one of the revisions' matches holds (lower case): looked for only where one is.
REVISED_KEYS = ("revis", "updat", "adjust", "mov", "tak", "took", "brought", "bring")
_REVISED = led(
    rf"\b(?:revis|updat|adjust)(?:e|es|ed|ing|s|ments?\s+to|ions?\s+to)?\s+(?:our|the|its|that|this){_FILLER}{{0,6}}?\s+{_NOUN}"
    r"(?P<rest>[^.;]{0,80})",
    re.I,
)
# The words after a revision's noun with the decimals of its amounts: "from our original number
# of $2 billion to $3.5 billion" (the direction's words are looked for up to the first stop).
_WITH_DECIMALS = led(r"(?:[^.;]|(?<=\d)\.(?=\d)){0,80}")
# A verb of change with an object of its own moves that, not the guidance revised: "updated our
# guidance to reflect …, the expectations to reduce our elevated backlog".
_OWN_OBJECT = (
    r"(?!\w*\s+(?:our|the|its|their)\s+(?!(?:(?:lower|low|upper|high|bottom|top)\s+end|"
    r"mid-?point|range|guidance|outlook)\b))"
)
# A hardship a revision is said to follow: revised for it, the guidance goes down.
_CAUSE = (
    r"\b(?:because\s+of|as\s+a\s+result\s+of|due\s+(?:primarily\s+|mainly\s+|largely\s+)?to|"
    r"given|reflect(?:s|ing)?|driven\s+by|offset\s+by|with|to\s+(?:account\s+for|reflect)|"
    r"based\s+(?:solely\s+|primarily\s+|largely\s+)?on|"
    r"assum(?:e|es|ing)|incorporat(?:e|es|ing))\s+(?:[\w'’:-]+\s+){0,12}?"
)
_HARDSHIP = led(
    _CAUSE + r"(?:challenges|headwinds|shortages?|disruptions?|constraints|weakness|softness|"
    r"pressures?|delays?|lost|closures?|shutdowns?|reductions?)\b",
    re.I,
)
# A strength a revision is said to follow: revised for it, the guidance goes up ("As a result of
# our strong third quarter performance, we've revised our full year guidance").
_STRENGTH = led(
    _CAUSE + r"(?:strong|stronger|strength|outperformance|better[- ]than[- ]expected)\b",
    re.I,
)


# Guidance moved, its way said right after it: "we moved our guidance up a little bit", "we are
# updating guidance upward", "we took the low end of our outlook down", "We adjusted our gross
# margin outlook down by 50 basis points".
_MOVED_WAY = led(
    r"\b(?:mov(?:e|es|ed|ing)|tak(?:e|es|en|ing)|took|brought|bring(?:s|ing)?|"
    rf"updat(?:e|es|ed|ing)|adjust(?:s|ed|ing)?(?=\s+(?:our|the|its|that|this)\b))(?:\s+(?:our|the|its|that|this))?{_FILLER}{{0,6}}?\s+{_NOUN}"
    r"\s+(?P<way>(?P<up>up(?:wards?)?|higher)|down(?:wards?)?|lower)\b",
    re.I,
)

# A move that can or will be made is not made: "we can even move that expectation up a bit".
_ABLE = led(r"\b(?:can|will|shall|['’]ll)\s+(?:(?:even|also|further|then)\s+)?$", re.I)


def revisions(sentence: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each revision of guidance `sentence` says, with the direction it is revised in."""
    for moved in _MOVED_WAY.finditer(sentence):
        if not _ABLE.search(sentence, max(0, moved.start() - 30), moved.start()):
            yield moved, "raised" if moved["up"] else "cut"
    for match in _REVISED.finditer(sentence):
        rest = match["rest"].lower()
        wide = _WITH_DECIMALS.match(sentence, match.start("rest"))
        ranged = from_to(wide.group().lower() if wide else rest)
        if ranged:  # "our restructuring guidance from 50 to 60 million to now 30 to 40 million"
            yield match, ranged
        elif way := _first_way(rest):  # the first said: "down by 50 basis points to account
            yield match, way  # for a higher mix" is cut
        else:  # a cause said: "As a result of the supply chain challenges, we are revising our
            # guidance" (cut); "Given the strong results, we have revised our 2020 guidance"
            # (raised); both said, no one direction
            hardship, strength = _HARDSHIP.search(sentence), _STRENGTH.search(sentence)
            if (hardship is None) != (strength is None):
                yield match, "cut" if hardship is not None else "raised"


_UP = r"\b(?:upwards?|up|higher|raise|increase|stronger|better|upper\s+end|high\s+end)\b"
_DOWN = r"\b(?:downwards?|down|lower(?!\s+end)|reduc|weaker|softer|decline|cut)"


def _first_way(rest: str) -> str:
    """The way the words after a revised guidance's noun say it went first ("raised", "cut"), ""
    where they say none."""
    up = re.search(_UP + _OWN_OBJECT, rest)
    down = re.search(_DOWN + _OWN_OBJECT, rest)
    if up is not None and (down is None or up.start() < down.start()):
        return "raised"
    return "cut" if down is not None else ""
