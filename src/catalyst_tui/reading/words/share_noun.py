"""A share named by its noun as its clause's subject: "the share of AEC revenue derived from
defense programs grew to over 48%", "the percentage of coastal revenues under term contracts was
approximately 80%" (one_figure.py asks; the gates of figures.py still judge the sentence).

The part is what the revenue is said to come from ("from defense programs", "under term
contracts"), or the revenue itself where it names one ("the share of digital sales was 30%"). The
noun must be the figure's subject: the figure follows a verb of its level ("was", "remained at",
"grew to"), with no comma, figure or other verb between. "The share of revenue was 30%" names
no part; "the share of revenue in the fourth quarter" a period; "the share of gross profit" no
revenue: each gives nothing. Linear: the windows are bounded and each pattern fixed."""

from __future__ import annotations

import re

from ..leads import led
from .attribution import other_in
from .patterns import REVENUE_SAID, last_match, tail
from .phrases import finite_verb, words_of
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import NOT_REVENUE, PERIOD

__all__ = ["share_by_noun"]

_NOUN = led(r"\bthe\s+(?:share|percentage|percent|proportion|portion)\s+of\s+", re.I)
_KEYS = ("share", "percent", "portion")
# The verb of a level, and the words of a comparison, right before the figure.
_LEVEL = led(
    r"\s(?:was|is|were|are|has\s+been|remained(?:\s+high|\s+steady)?(?:\s+at)?|stood\s+at|"
    r"reached|came\s+in\s+at|ended\s+at|"
    r"(?:grew|rose|increased|climbed|improved|jumped|expanded|declined|decreased|fell|dropped)"
    r"(?:\s+(?:sequentially|further|again|slightly))?\s+to)\s+"
    r"(?:(?:about|approximately|roughly|nearly|almost|around|just|over|under|above|below|"
    r"more\s+than|less\s+than)\s+)*$",
    re.I,
)
# Where the revenue is said to come from: "derived from", "under", "picked up at".
_FROM = led(
    r"\s(?:(?:derived|generated|coming|earned|picked\s+up)\s+)?"
    r"(?:from|under|through|by|at|on|in)\s",
    re.I,
)

# A verb or a person between the noun and its level: another clause.
_AUXILIARY = led(
    r"\b(?:was|were|is|are|has|have|had|will|would|could|should|may|might|we|they|i|you)\b",
    re.I,
)

# What revenue does not come from as a part: a measure of profit or price.
_NO_SOURCE = led(
    r"\b(?:margins?|profits?|income|earnings|costs?|expenses?|pric(?:e|es|ing)|rates?|volumes?)\b",
    re.I,
)


def share_by_noun(before: str, value: float) -> Subject | None:
    """The part whose share of revenue the figure right after `before` is, where `before` ends
    in "the share of <revenue> <from a part> <verb of a level>"; None elsewhere."""
    if value > 100:
        return None
    start = tail(before, 160)
    window = before[start:].lower()
    if not any(map(window.__contains__, _KEYS)):
        return None  # looked for only where its noun stands: most figures
    noun = last_match(_NOUN, before[start:])
    if noun is None:
        return None
    rest = before[start + noun.end() :]
    level = _LEVEL.search(rest)
    if level is None:
        return None
    said = rest[: level.start()]
    if re.search(r"[,;:%()\d]", said) or _AUXILIARY.search(said):
        return None  # the noun is not the figure's subject, or says more than its part
    origin = _FROM.search(said)
    whole = said[: origin.start()] if origin else said
    if any(map(finite_verb, words_of(whole))):
        return None  # "the share of revenue we expect from …": a clause of its own
    if not REVENUE_SAID.search(whole) or NOT_REVENUE.search(whole) or other_in(whole):
        return None  # "the share of gross profit": no revenue
    if origin is None:
        part = read_subject(whole, revenue_said=True)
        return part if _named_part(part) else None
    where = said[origin.end() :]
    if PERIOD.match(where.removeprefix("the ")):
        return None  # "the share of revenue in the fourth quarter": when, not what
    if _NO_SOURCE.search(where):
        return None  # "the share of revenue from higher prices": a cause, no part
    # what revenue comes from may be counted ("under term contracts", "at our stores")
    part = read_subject(where, revenue_said=True)._replace(other=False)
    return part if _named_part(part) else None


def _named_part(subject: Subject) -> bool:
    """Whether `subject` names a part of revenue: not the company, nothing else, no anaphor."""
    name = subject.name
    return bool(name) and name != COMPANY and not subject.other and not subject.anaphor
