"""Guidance set against its prior self, by its figures or its words: a range whose midpoint is
above the prior range's is raised ("8% to 10%, compared to our previous guidance of 6% to 8%"),
a magnitude in words below the prior guidance's is cut ("mid single digits … versus our prior
guidance of low double-digit growth"), and the same is reiterated. guidance.py reads the
directions; this module says how a new figure stands against its prior one."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import GUIDANCE_NOUN as _NOUN
from .said_against import PRIOR_NOUN, narrowed
from .vocabulary import MONTH, YEAR_SAID

# A figure or a range of figures: "8% to 10%", "$4.1 billion to $4.2 billion", "$2.05-$2.10",
# "about 17%". The first figure read from a number's first digit only ({first}): searched for,
# none begins within a number, as from the digit before it the same words match first.
_RANGE = (
    r"(?:(?:approximately|about|around|roughly)\s+)?\$?\s?{first}(?P<{a}>\d+(?:\.\d+)?)\s?(?P<{u}>%|percent|million|billion)?(?:\s*(?:to|-|–|and)\s*"
    r"\$?\s?(?P<{b}>\d+(?:\.\d+)?)\s?(?P<{v}>%|percent|million|billion)?)?"
)
_NEW = _RANGE.format(first=r"(?<!\d)", a="a", u="u", b="b", v="v")
_OLD = _RANGE.format(first="", a="c", u="w", b="d", v="x")
_AGAINST = (
    r"(?:[^.;$%\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}?"
    r"\b(?:compared?\s+(?:to|with)|compares\s+(?:to|with)|versus|vs\.?|up\s+from|down\s+from|from|"
    # "9% to 10%, which is the high end of our previous projection of 8% to 10%"
    r"(?:the\s+)?(?:high|upper|top|low|lower|bottom)\s+end\s+of)\s+"
)
_BEFORE_WORDS = ("previous", "prior", "earlier", "last", "initial", "original")
_BEFORE = rf"(?:{'|'.join(_BEFORE_WORDS)})"
# The new figure, then the prior one it is set against: "... of 8% to 10%, compared to our
# previous guidance of 6% to 8%", "$80 million to $100 million, up from our previous sales
# guidance of $80 million", "up from the prior $2.36 to $2.39 range", "down from the original
# $180 million in the outlook", "about 17%, up from 12% to 15% previously".
_PRIOR_RANGES = tuple(
    led(_NEW + _AGAINST + prior, re.I)
    for prior in (
        # (not the year before's: "compares to the prior year range of 23.5% to 24.5%")
        rf"(?:our|the|an?)\s+{_BEFORE}\s+(?!(?:fiscal\s+)?year\b|[\w-]+\s+year\s+range\b)"
        rf"(?:[\w-]+\s+){{0,2}}?{_NOUN}\s*(?:(?:in\s+the\s+)?range\s+)?(?:of\s+)?(?P<up>up\s+)?"
        + _OLD,
        rf"(?:our|the)\s+{_BEFORE}\s+{_OLD}\s+(?:range|guidance|outlook|(?:in|of)\s+(?:our|the)\s+"
        rf"{_NOUN})\b",
        rf"{_OLD}\s+previously\b",
    )
)
# What each of them holds, looked for first: "our previous", "the prior", "previously".
_PRIOR_SAID = (
    *(led(rf"\b(?:our|the|an?)\s+{_BEFORE}\b", re.I),) * 2,
    led(r"\bpreviously\b", re.I),
)
# A single figure is set against the prior one only where it is said of the future: "Revenue
# grew 20% versus our prior guidance of 15%" is a result.
_OF_FUTURE = led(
    r"\b(?:expects?|expecting|anticipat(?:e|es|ing)|now\s+see|forecast(?:s|ed|ing)?|will|"
    r"(?:is|are)\s+now|"
    r"(?:now\s+)?project(?:s|ing)?|"
    # guidance updated to the figure: "we are updating our revenue outlook to approximately $153
    # million versus our previous revenue guidance in the range of $160 million to $170 million"
    rf"(?:updat|revis|adjust)(?:e|es|ed|ing)\s+(?:our|the|its)\s+(?:[\w-]+\s+){{0,3}}?{_NOUN}\s+to)\b",
    re.I,
)


_UP_BEFORE = led(r"\bup\s+$", re.I)


def future_said(sentence: str, until: int) -> bool:
    """Whether `sentence` speaks of the future before `until` ("is now", "expect", "will")."""
    return _OF_FUTURE.search(sentence, 0, until) is not None


def against_prior_range(sentence: str) -> tuple[int, int, str] | None:
    """A figure or range set against the prior guidance's in the same unit: its midpoint
    higher is raised, lower is cut, the same is reiterated."""
    low = sentence.lower()
    if ("up from" in low or "down from" in low) and (moved := _from_a_range(sentence)) is not None:
        return moved
    if not any(map(low.__contains__, _BEFORE_WORDS)):
        return None  # looked for only where a word of the prior one stands
    for pattern, needs in zip(_PRIOR_RANGES, _PRIOR_SAID, strict=True):
        if not needs.search(sentence):
            continue  # the prior one's words first, alone (a figure is looked for everywhere)
        found = pattern.search(sentence)
        if found is None:
            continue
        if not (found["b"] and found["d"]) and not _OF_FUTURE.search(sentence, 0, found.start()):
            return None
        if found.groupdict().get("up") and not _UP_BEFORE.search(sentence, 0, found.start()):
            return None  # "up 20% versus the previous outlook of up 10% to 15%": both rises
        if YEAR_SAID.fullmatch(found["c"]) and not (found["w"] or found["d"]):
            continue  # "up $0.165 from our original 2021 outlook": a year, no prior figure
        if sentence[found.start() - 1 : found.start()] == ".":
            return None  # "a range of 15.2 to .4%": a figure whose digits the writing lost
        if _narrowed(low, found):
            return None  # "narrowing our revenue range to $1.6 billion to $2 billion from our
            # previous guidance of $1.5 billion to $2.2 billion": a range narrowed, no direction
        return _moved(found)  # "$4.1 billion to $4.2 billion" against "$4,000 million": none
    return None


def _narrowed(low: str, found: re.Match[str]) -> bool:
    """Whether the new range (groups a, b) is said narrowed within the prior one (c, d), in one
    unit."""
    if not (found["b"] and found["d"]):
        return False
    units = {(found["u"] or found["v"] or "").lower(), (found["w"] or found["x"] or "").lower()}
    new, old = [float(found[k]) for k in "ab"], [float(found[k]) for k in "cd"]
    return len(units) == 1 and narrowed(low, new, old)


def _moved(found: re.Match[str]) -> tuple[int, int, str] | None:
    """How a new figure or range (groups a, u, b, v) stands against a prior one (c, w, d, x) by
    their midpoints; None where their units differ."""
    units = {(found["u"] or found["v"] or "").lower(), (found["w"] or found["x"] or "").lower()}
    if len(units) != 1:
        return None
    for low, high in (("a", "b"), ("c", "d")):
        if found[high] and float(found[high]) < float(found[low]):
            return None  # "a range of 15.2 to 4%": no range
    new = (float(found["a"]) + float(found["b"] or found["a"])) / 2
    old = (float(found["c"]) + float(found["d"] or found["c"])) / 2
    return found.start(), found.end(), _compared(new, old)


# A figure up or down from a range: a range is a forecast's, so the one moved from is the prior
# guidance ("between $1.14 billion and $1.16 billion, down from a range of $1.175 billion to
# $1.235 billion"; "interest expense of approximately $44 million, up from $41 million to $42
# million").
_FROM_RANGE = led(
    _NEW + r"(?:\s+per\s+(?:diluted\s+)?share)?(?:\s+for\s+(?:fiscal\s+)?(?:19|20)\d\d)?"
    r"(?:\s+year(?:-\s?|\s)over(?:-\s?|\s)year)?"
    r"\s*,?\s*(?:which\s+is\s+)?(?:up|down)\s+from\s+(?:the\s+)?"
    r"(?P<range>a\s+range\s+of\s+)?" + _OLD,
    re.I,
)


def _from_a_range(sentence: str) -> tuple[int, int, str] | None:
    found = _FROM_RANGE.search(sentence)
    if found is None or not found["d"]:
        return None  # "up from $41 million": no range, no forecast's
    if not (found["range"] or found["b"] or _OF_FUTURE.search(sentence, 0, found.start())):
        return None  # "$44 million, up from $41 million to $42 million": a move, maybe
    return _moved(found)


# Magnitudes said in words, in their order: "mid single digits" is below "low double digits".
_MAGNITUDE = (
    r"(?P<{n}>(?:low|mid|high)[- ]?(?:to[- ](?:low|mid|high)[- ]?)?(?:single|double)[- ]digits?|"
    r"(?:low|mid|high)[- ]?teens)"
)
_PRIOR_WORDS = led(
    _MAGNITUDE.format(n="new")
    + rf"[^.;%\d]{{0,60}}?\b(?:versus|vs\.?|compared\s+(?:to|with)|from|down\s+from|up\s+from)"
    rf"\s+(?:our|the|a)\s+(?:previous|prior|earlier|last)\s+{_NOUN}\s*(?:of\s+)?"
    + _MAGNITUDE.format(n="old"),
    re.I,
)
# A forecast's magnitude up or down from the one before it: "we expect low double-digit growth
# in applied water, up from mid-to-high single digits"; "where we had expected mid-single
# digits growth, we are now anticipating high single digits".
_UP_FROM = led(
    _MAGNITUDE.format(n="new")
    + r"[^.;%\d]{0,40}?\b(?:up|down)\s+(?:modestly\s+)?from\s+(?:the\s+|our\s+)?"
    + _MAGNITUDE.format(n="old"),
    re.I,
)
_HAD_EXPECTED = led(
    r"\bhad\s+(?:expected|anticipated|forecast)\s+"
    + _MAGNITUDE.format(n="old")
    + r"[^.;%\d]{0,80}?\bnow\s+(?:anticipat\w*|expect\w*|see\w*|forecast\w*)[^.;%\d]{0,30}?"
    + _MAGNITUDE.format(n="new"),
    re.I,
)
_FORECAST = led(r"\b(?:expect|anticipat|now\s+see|forecast)", re.I)
_FROM_TO = led(
    r"\bfrom\s+\$?(?P<a>\d+(?:\.\d+)?)\s*(?:to|-)\s*\$?(?P<b>\d+(?:\.\d+)?)\s*"
    r"(?:%|million|billion)?\s+to\s+(?:now\s+)?\$?(?P<c>\d+(?:\.\d+)?)\s*(?:to|-)\s*"
    r"\$?(?P<d>\d+(?:\.\d+)?)",
    re.I,
)


# An amount said moved from one to another: "from our original number of $2 billion to $3.5
# billion", "from approximately 15% to between 14% and 15%" (a range's midpoint).
_FROM_AMOUNT = led(
    r"\bfrom\s+(?:(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?)?(?:approximately\s+|about\s+)?"
    r"(?:[$€£](?P<a>\d+(?:\.\d+)?)\s*(?P<at>million|billion)?|(?P<ap>\d+(?:\.\d+)?)\s*%)\s+"
    r"to\s+(?:now\s+)?(?:between\s+|approximately\s+|about\s+)?"
    r"(?:[$€£](?P<c>\d+(?:\.\d+)?)\s*(?P<ct>million|billion)?|(?P<cp>\d+(?:\.\d+)?)\s*%"
    r"(?:\s+(?:and|to)\s+(?P<dp>\d+(?:\.\d+)?)\s*%)?)",
    re.I,
)
# Words before "from" that make the move another's: "to reflect the move from $2 billion".
_ANOTHER_MOVE = led(r"\b(?:to|reflect\w*|in|of\s+the\s+move)\b", re.I)
_SCALE = {"": 1.0, "million": 1e6, "billion": 1e9}


def from_to(words: str) -> str:
    """The direction a range said "from A to B to now C to D" moved, by its midpoints, or an
    amount said "from $A to $B"; "" where neither is said."""
    found = _FROM_TO.search(words)
    if found is None:
        return _amount_moved(words)
    return _compared(float(found["c"]) + float(found["d"]), float(found["a"]) + float(found["b"]))


def _amount_moved(words: str) -> str:
    """The direction an amount or a percent said "from A to B" moved (a range's midpoint where
    B is one); "" where none is said, or the move is another thing's."""
    amount = _FROM_AMOUNT.search(words)
    if amount is None or _ANOTHER_MOVE.search(words, 0, amount.start()):
        return ""  # (not "to reflect the move from $2 billion to $3 billion in backlog")
    if amount["ap"] is not None and amount["cp"] is not None:
        high = float(amount["dp"] or amount["cp"])
        return _compared((float(amount["cp"]) + high) / 2, float(amount["ap"]))
    if amount["a"] is None or amount["c"] is None:
        return ""  # a percent moved to an amount: no one scale
    old, new = (_SCALE[(amount[k] or "").lower()] for k in ("at", "ct"))
    old = old if amount["at"] else new  # "from $2 to $3.5 billion": both the same scale
    return _compared(float(amount["c"]) * new, float(amount["a"]) * old)


_ORDER = {"single": 0, "double": 3, "teens": 3}
_STEP = {"low": 1, "mid": 2, "high": 3}


def _magnitude(words: str) -> int:
    """A magnitude's place on the scale low single … high double digits (its upper end)."""
    low = words.lower()
    size = next(v for k, v in _ORDER.items() if k in low)
    step = max(_STEP[w] for w in re.findall(r"low|mid|high", low))
    return size + step


def against_prior_words(sentence: str) -> tuple[int, int, str] | None:
    """A magnitude in words set against the prior guidance's ("mid single digits … versus our
    prior guidance of low double-digit growth" is cut)."""
    found = _PRIOR_WORDS.search(sentence) or _HAD_EXPECTED.search(sentence)
    if found is None and _FORECAST.search(sentence):
        found = _UP_FROM.search(sentence)
    if found is None:
        return None
    new, old = _magnitude(found["new"]), _magnitude(found["old"])
    return found.start(), found.end(), _compared(new, old)


def _compared(new: float, old: float) -> str:
    return "raised" if new > old else "cut" if new < old else "reiterated"


# Guidance moved against the prior guidance in words, each direction's (guidance.py reads
# them, a word of each looked for first: PRIOR_KEYS).
# Guidance named, then an amount it moved by from the month it was given: "revenue guidance at
# the midpoint now, $2.795 billion, that's up $30 million from August".
_NOUN_BEFORE = rf"\b{_NOUN}\b(?:[^.;]|(?<=\d)\.(?=\d)){{0,60}}?\b"
_FROM_MONTH = rf"\s+[$€£][\d.,]+\s*(?:million|billion|cents)?\s+from\s+{MONTH}\b"
# The prior guidance, or an assumption of it: "our prior guidance", "our previous assumption".
_PRIOR_OR_ASSUMED = rf"(?:{PRIOR_NOUN}|(?:our|the)\s+(?:prior|previous|earlier)\s+assumptions?)"
# An amount moved from what was estimated: "down $5 million from what we estimated".
_AMOUNT_FROM_ESTIMATE = (
    r"[$€£][\d.,]+\s*(?:million|billion|cents)?\s+from\s+what\s+we\s+(?:had\s+)?"
    r"(?:estimated|expected|guided|projected|forecast(?:ed)?|assumed)\b"
)
# What was estimated before, said after a move from it: "down slightly from the 21 to 23% that
# we previously estimated".
_FROM_PREVIOUS = (
    r"(?:\s+(?:slightly|modestly|somewhat))?\s+from\s+(?:the|our)\s+"
    r"(?:[^.;]|(?<=\d)\.(?=\d)){0,30}?\b(?:that\s+)?we\s+"
    r"(?:had\s+)?previously\s+(?:estimated|expected|guided|projected|forecast(?:ed)?|assumed)\b"
)
# A word of the other direction between a figure's change and the prior view: the nearer decides.
OPPOSITE = {
    "raised": led(r"\b(?:lower|below|down|reduction|decrease|less|worsening|worse)\b", re.I),
    # "down 7%, improving from the prior range of down 2% to 12%": the range moved up
    # "lower than the previous quarter, we performed better than the outlook": the better decides
    "cut": led(r"\b(?:higher|above|up|increase|more|ahead|improving|improved|better)\b", re.I),
}
AGAINST_PRIOR = {
    "raised": led(
        rf"\b(?:an?\s+)?(?:increase[sd]?|raised?|higher|greater|above|(?<![\d%]\s)up|improvement|"
        rf"better)\b"
        rf"(?:[^.;]|(?<=\d)\.(?=\d)){{0,60}}?\b(?:from|than|over|"
        rf"versus|compared\s+(?:to|with))\s+(?:what\s+we\s+(?:assumed|expected)\s+in\s+)?{PRIOR_NOUN}"
        rf"|\babove\s+(?:our|the)\s+(?:prior|previous|earlier)\s+{_NOUN}"
        rf"|\bexceeding\s+{PRIOR_NOUN}"  # "margins exceeding our prior expectation of 18.5%"
        # an amount of the prior guidance: "This is up from our previous $11.25 billion"
        r"|\bup\s+from\s+(?:our|the)\s+(?:prior|previous|earlier)\s+[$€£]\d"
        # said of the future only (read_guidance): "to approach 20%, ahead of our initial
        # expectations"
        rf"|\b(?:ahead|in\s+excess)\s+of\s+(?:(?:our|the)\s+(?:prior|previous|earlier|initial|"
        rf"original)\s+{_NOUN}|{PRIOR_NOUN})"
        # an amount up from the month the guidance was given (_FROM_MONTH)
        rf"|{_NOUN_BEFORE}up{_FROM_MONTH}"
        # "up from $95 million in our prior guidance", "up from … our previous assumption"
        rf"|\bup\s+from\s+[^.;]{{0,40}}?\b(?:in|or)\s+{_PRIOR_OR_ASSUMED}"
        rf"|\bup\s+{_AMOUNT_FROM_ESTIMATE}"
        rf"|\bup{_FROM_PREVIOUS}",
        re.I,
    ),
    "cut": led(
        rf"\b(?:an?\s+)?(?:reduction|decreased?|reduced|lowered|lower|below|down|cut|worse|less)\b"
        # (not kept: "down in the mid-teens, both are unchanged from our prior view")
        rf"(?:[^.;]|(?<=\d)\.(?=\d)){{0,60}}?\b(?<!\bunchanged\s)(?:from|"
        # (not a target reached: "reduction of our leverage ratio to our target range")
        rf"than|to(?!\s+(?:our|the)\s+targets?\b)|versus|compared\s+(?:to|with))\s+"
        rf"(?:(?:our|the)\s+(?:prior|previous|last|earlier|revenue|current)?\s*"
        rf"(?:revenue\s+)?{_NOUN}|{PRIOR_NOUN})"
        rf"|\b{_NOUN}\b[^.;]{{0,60}}?\bwas\s+down\s+\$"
        rf"|\bbelow\s+(?:our|the)\s+(?:prior|previous|earlier)\s+{_NOUN}"
        r"|\bdown\s+from\s+(?:our|the)\s+(?:prior|previous|earlier)\s+[$€£]\d"
        rf"|{_NOUN_BEFORE}down{_FROM_MONTH}"
        rf"|\bdown\s+from\s+[^.;]{{0,40}}?\b(?:in|or)\s+{_PRIOR_OR_ASSUMED}"
        rf"|\bdown\s+{_AMOUNT_FROM_ESTIMATE}"
        rf"|\bdown{_FROM_PREVIOUS}",
        re.I,
    ),
}
PRIOR_KEYS = {
    "raised": (
        *("increase", "raise", "higher", "above", "up", "ahead", "excess", "improvement"),
        *("better", "exceeding", "greater"),
    ),
    "cut": ("reduc", "decrease", "lower", "below", "down", "cut", "worse", "less"),
}
# Words of the prior guidance, one of which every match of AGAINST_PRIOR holds beside its word
# of direction: the prior one ("our previous outlook", "the original plan", "our second quarter
# update", "from what we estimated"), the guidance given ("the guidance we provided"), the month
# it was given ("up $30 million from August"); and a cut's guidance named ("below our guidance").
_MONTHS = tuple(MONTH[3:-1].lower().split("|"))
_PRIOR_SAID_KEYS = ("prior", "previous", "last", "earlier", "original", "initial", "update", "what")
PRIOR_SAID_KEYS = {
    "raised": (*_PRIOR_SAID_KEYS, "provided", "gave", "issued", "shared", "set", *_MONTHS),
    "cut": (*_PRIOR_SAID_KEYS, "guid", "outlook", "forecast", "expectation", "projection")
    + ("estimate", "target", "range", "framework", "point"),
}
