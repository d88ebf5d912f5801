"""The company's own revenue has one growth a period, a basis and a measure: where a document
gives "revenue" another growth for the same, said with no word of the whole, it is a part's,
named in an earlier sentence ("Turning to Materials." then "First quarter revenue increased
26%"), and is not the company's.

`one_whole(found)` drops, of the company's growths of a document, those said with no word of
the whole that another growth, said with one ("total", "consolidated", "overall", "company",
"our revenue", "we grew") first for the same period, basis and measure, contradicts.
Linear: one pass, each sentence's opening words read once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..leads import led
from ..wordlists import any_word
from .levels import below_the_whole, quarter_named, revenue_level
from .patterns import FIGURE
from .quarters import numbered_quarter
from .records import COMPANY, Stated

__all__ = ["one_whole"]


def one_whole(found: Iterable[Stated]) -> list[Stated]:
    """`found` without the company's growths, said with no word of the whole, that the whole's
    growth stated first for the same period, basis and measure contradicts, nor a share above
    its whole."""
    first: dict[tuple[str, str, str], float] = {}
    kept: list[Stated] = []
    for stated in found:
        if stated.kind == "share" and (stated.value or 0.0) > 1:
            continue  # no part is more than its whole: "travel up 105%" is no share
        if stated.kind != "growth" or stated.subject != COMPANY or stated.forward:
            kept.append(stated)
            continue
        key = (stated.basis, _period(stated), _measure(stated))
        if _whole(stated):
            first.setdefault(key, stated.value or 0.0)
        elif (
            key in first
            and not _agree(stated.value or 0.0, first[key])
            and not _restated(stated.sentence, first[key])
        ):
            continue  # "Revenue increased 26%" after the company's total 5%: a part's
        kept.append(stated)
    return _within_the_whole(kept)


def _within_the_whole(found: list[Stated]) -> list[Stated]:
    """`found` without the company's growths said with a level of revenue well below the
    level the document says the company's revenue was for the same period (levels.py)."""
    growths = [
        i
        for i, stated in enumerate(found)
        if stated.kind == "growth" and stated.subject == COMPANY and not stated.forward
    ]
    below = below_the_whole(
        [(_period_kind(found[i]), revenue_level(found[i].sentence)) for i in growths]
    )
    dropped = {i for i, low in zip(growths, below, strict=True) if low}
    return [stated for i, stated in enumerate(found) if i not in dropped]


def _period_kind(stated: Stated) -> str:
    """A growth's period as levels compare it: a quarter (the call's, one named, or one set
    against a period before), a year or a part of a year."""
    period = _period(stated)
    if period in {"year", "part of a year"}:
        return period
    return "quarter named" if quarter_named(stated.sentence) else "quarter"


def _agree(one: float, other: float) -> bool:
    """Whether two growths are the same figure, one said more roundly than the other ("an
    increase of 12%", then "an increase of 12.2%"; "down about 2%", then "declined 2.4%")."""
    a, b = sorted((round(one * 100, 4), round(other * 100, 4)), key=_decimals)
    return bool(abs(b - a) <= 0.5 * 10.0 ** -_decimals(a) + 1e-9)


def _restated(sentence: str, whole: float) -> bool:
    """Whether `sentence` says the whole's figure too, in another measure: "underlying growth
    of 7% with net sales up 9%" after "the company grew 7%" (the 7% was underlying)."""
    return any(
        figure["num"] and _agree(float(figure["num"]) / 100, whole)
        for figure in FIGURE.finditer(sentence)
    )


def _decimals(percent: float) -> int:
    """How many decimals a percentage is said with: 12 none, 12.2 one, 12.25 two."""
    return len(f"{percent:.4f}".rstrip("0").partition(".")[2])


_PERIODS = (
    (
        "year",
        led(
            r"\b(?:full\s+(?:fiscal\s+)?year|full-year|for\s+the\s+(?:fiscal\s+)?year|"
            r"fiscal\s+(?:year\s+)?(?:19|20)?['’]?\d\d\b(?!\s+(?:first|second|third|fourth)|\s+q)|"
            r"annual|(?:in|for)\s+(?:19|20)\d\d\b(?!\s+(?:first|second|third|fourth)?\s*quarter))",
            re.I,
        ),
    ),
    (
        "part of a year",
        led(
            r"\b(?:year[- ]to[- ]date|ytd|first\s+half|second\s+half|(?:six|nine|twelve)\s+months|"
            r"first\s+(?:six|nine)|weeks?|months?)\b",
            re.I,
        ),
    ),
    ("q1", led(r"\b(?:q1|first[- ]quarter)\b", re.I)),
    ("q2", led(r"\b(?:q2|second[- ]quarter)\b", re.I)),
    ("q3", led(r"\b(?:q3|third[- ]quarter)\b", re.I)),
    ("q4", led(r"\b(?:q4|fourth[- ]quarter)\b", re.I)),
    ("before", led(r"\b(?:prior|last|previous)\s+year|year[- ]ago|(?:19|20)\d\d\b", re.I)),
)
# The measure a growth is said in, where not as reported.
_MEASURE = any_word(
    """organic(?:ally)? core constant~currency currency~neutral f/?x~neutral
    local~currenc(?:y|ies) excluding ex~ non-gaap adjusted as~adjusted comparable
    operational(?:ly)? underlying pro_forma nominal(?:ly)? in_total days~adjusted normalized""",
    name="m",
    end="",
)
# Where a figure's own words end: a comma, a word that opens another phrase, the next figure.
_OWN_END = led(r"[,;]|\b(?:and|with|while|but|including|led|driven)\b|\d\s?%", re.I)
# Words of the whole: the company's revenue named as the company's.
_WHOLE = any_word(
    r"""total consolidated overall company companywide company-wide enterprise group
    our_(?:(?:net|total|reported)\s+)?(?:revenues?|sales|top~line) we we['’]ve top~line"""
)


def _figure(stated: Stated) -> tuple[int, int]:
    """Where `stated`'s figure stands in its sentence, and where the figure before it ends."""
    return figure_at(stated.sentence, stated.value or 0.0)


@lru_cache(maxsize=64)  # a growth's period, measure and words of the whole each ask for it
def figure_at(sentence: str, value: float) -> tuple[int, int]:
    """Where the figure of `value` stands in `sentence`, and where the figure before it ends."""
    value = abs(value) * 100
    since = 0
    for figure in FIGURE.finditer(sentence):
        if figure["num"] and abs(float(figure["num"]) - value) < 1e-6:
            return figure.start(), since
        since = figure.end()
    return len(sentence), 0


def _words_before(stated: Stated) -> str:
    """The sentence's words before the figure of `stated`."""
    return stated.sentence[: _figure(stated)[0]]


def _period(stated: Stated) -> str:
    """The period a growth is of, as its sentence's words before it say: a year, a part of
    one, a quarter named, a period before; "" for none (the quarter the call is of)."""
    words = numbered_quarter(f"{stated.period} {_words_before(stated)}")  # "quarter 4": Q4
    return next((name for name, said in _PERIODS if said.search(words)), "")


def _measure(stated: Stated) -> str:
    """The measure the figure's own words say (back to the figure before it, on to the next
    comma)."""
    at, since = _figure(stated)
    figure = FIGURE.match(stated.sentence, at)
    own_end = _OWN_END.search(stated.sentence, figure.end() if figure else at + 1)
    said = _MEASURE.search(stated.sentence[since : own_end.start() if own_end else None])
    if said is None and since == 0:
        said = _MEASURE.search(stated.sentence[:at])
    return said["m"].lower().rstrip("ly").replace("-", " ") if said else "reported"


def _whole(stated: Stated) -> bool:
    return _WHOLE.search(_words_before(stated)) is not None
