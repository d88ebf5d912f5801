"""What the reader of words gives: one `Stated` per figure or guidance direction a sentence
states, with the subject its clause names and the sentence's offsets in the text read."""

from __future__ import annotations

from typing import Literal, NamedTuple

from ..leads import led

StatedKind = Literal["share", "growth", "guidance"]

#: The subject of the company's own revenue ("Revenue grew 9%", "we grew revenue 12%"): a
#: condition names it as `growth(revenue)`.
COMPANY = "revenue"
#: The basis of a growth said against the same period two years before ("up 12% on a
#: two-year basis"): shown as said, never a period's growth (thesis/kpis/metrics.py).
OVER_TWO_YEARS = "over two years"


def with_short_name(long: str, short: str) -> str:
    """A line's subject named both ways, as a call gives it: "Contract Sales and Medical
    Solutions (CSMS)" (aliases.py)."""
    return f"{long} ({short})"


_WITH_SHORT_NAME = led(r"(?P<long>.+?) \((?P<short>[A-Z][A-Z&]{1,7})\)")


def names_of(subject: str) -> tuple[str, ...]:
    """The names a subject is given by: its long and its short name where it has both, else
    itself."""
    said = _WITH_SHORT_NAME.fullmatch(subject)
    return (said["long"], said["short"]) if said else (subject,)


# The words of comparable sales in a subject ("Marmaxx's comp sales", comps.py): what the same
# stores sold, a measure of its own, no part's revenue.
_COMPARABLE_WORDS = frozenset({"comp", "comps", "comparable", "same-store", "like-for-like"})


def comparable(subject: str) -> bool:
    """Whether `subject` names comparable sales, not revenue."""
    words = subject.casefold().replace("same store", "same-store").split()
    return not _COMPARABLE_WORDS.isdisjoint(words)


#: The directions of guidance, in the order a `guidance` condition's words give them.
DIRECTIONS = ("raised", "cut", "reiterated", "introduced", "withdrawn")


class Stated(NamedTuple):
    """One value a sentence states.

    - share: `subject` is `value` of revenue (0.40 for "40% of revenue"), or of the part `of`
      names; `high` a range's top;
    - growth: `subject`'s revenue grew `value` (-0.05 for "down 5%") on `basis`;
    - guidance: the company's guidance moved in `direction` (`value` None), about `metric`.
    """

    kind: StatedKind
    subject: str  # as the sentence names it ("Blackwell Data Center"); COMPANY for the whole
    value: float | None  # a fraction; None for guidance
    high: float | None  # a range's upper end, else None
    comparison: str  # the word that qualifies the number: "over", "about", "" when exact
    basis: str  # growth: "sequential", "year over year" or ""; guidance: its direction
    period: str  # the period as worded ("the fourth quarter", "Q3"), "" when not said
    forward: bool  # said of the future ("expects", "will", guidance): a forecast
    metric: str  # guidance: what it is about ("revenue", "EPS"); "" otherwise
    sentence: str
    start: int  # the sentence's offsets in the text read
    end: int
    #: A share's whole where that is a part of the company ("25% of the segment's revenue":
    #: "segment"; "13% of total licensing": "licensing"); "" for the company's revenue.
    of: str = ""

    @property
    def direction(self) -> str:
        return self.basis if self.kind == "guidance" else ""
