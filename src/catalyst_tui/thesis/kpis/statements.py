"""KPIs read from words: what management says in a release, a call's transcript, a 10-Q's text or
a feed item, where no table states it. Three kinds, each a value with the sentence it came from
and that sentence's offsets in the document:

- a named product's or line's **share** of revenue (the name as the thesis writes it, a
  capital kept: "Services" is no "cloud services"): "Scorpio was over 10% of revenue" (0.10,
  the comparison word "over" kept; a range "10% to 15%" keeps both ends);
- its **growth**: "Blackwell Data Center revenue grew 17% sequentially" (0.17, sequential, and
  Blackwell's: the most specific name of the phrase, never Data Center's), "was up 49% from a
  year ago" (year over year), "down 5%" (-0.05); the company's own revenue growth is the
  growth of `revenue` (`growth(revenue)`);
- the company's **guidance** direction: raised, cut, reiterated, introduced, withdrawn, each
  one a sentence gives.

The sentence is read by its structure (reading/words: clauses, the subject each figure's clause
names, the measure it counts, its basis); this module keeps the values of the names a thesis
writes. A name is a phrase's subject when the phrase begins with it ("Blackwell Data Center"
is Blackwell's) and it is not one of a list ("Amazon, Google and Azure" is none of theirs). A
figure read from words is never guessed (docs/thesis.md, "KPIs read from words"). A forecast
("expects", "will") is read and marked `forward`: what is said of the future is not what
happened."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from ...reading.words import COMPANY, DIRECTIONS, Stated
from ...reading.words.records import comparable, names_of

if TYPE_CHECKING:
    import datetime as dt

KpiKind = Literal["share", "growth", "guidance"]
GUIDANCE_DIRECTIONS = DIRECTIONS
_COST = re.compile(r"capex|capital expenditure|expense|opex|cost|tax")
#: The names a condition gives the company's own revenue: `growth(revenue)`.
COMPANY_NAMES = frozenset({COMPANY, "company", "sales", "total revenue"})


class Kpi(NamedTuple):
    kind: KpiKind
    subject: str  # the product or line named ("Scorpio"); "" for the company's guidance
    value: float | None  # a fraction (0.10 for 10%); None for guidance
    high: float | None  # a range's upper end (0.15 in "10% to 15%"), else None
    comparison: str  # "over", "closer to", "approximately", "between", "" when stated exactly
    basis: str  # growth: "sequential", "year over year", "over two years" ("" when not said);
    # guidance: its verb
    forward: bool  # said of the future ("expects", "will"): a forecast, not an outcome
    sentence: str
    start: int  # the sentence's offsets in the text read
    end: int
    #: A share's whole where that is a part ("25% of the segment's revenue": "segment"): no
    #: share of the company's revenue, so no share a condition judges; "" the company's.
    of: str = ""


class StatedKpi(NamedTuple):
    """A KPI as stored (store/kpis.py): what was read, the day its document is of (a filing's
    day in New York, a headline's own), the document it was read in, its ID (what `catalyst
    kpis accept|dismiss` take) and your word on it."""

    kpi: Kpi
    day: dt.date
    form: str  # "8-K EX-99.1", "10-Q", "news", "feed", "document"
    title: str
    url: str
    document_id: int
    kpi_id: int = 0
    decision: str = ""  # "accepted", "dismissed", or "" (no word yet)


def said(kpi: Kpi) -> str:
    """The value as the sentence states it, its comparison word kept: "over 10%", "10% to 15%",
    "closer to 20% (Q4 exit rate)", "+17% sequentially", "raised"; a forecast says so."""
    if kpi.value is None:
        text = kpi.basis  # guidance: its direction
    else:
        number = _percent(kpi.value, signed=kpi.kind == "growth")
        if kpi.high is not None:
            number = f"{number} to {_percent(kpi.high)}"
        text = f"{kpi.comparison} {number}" if kpi.comparison != "between" else number
        if kpi.basis:
            basis = "sequentially" if kpi.basis == "sequential" else kpi.basis
            text += f" ({basis})" if kpi.kind == "share" else f" {basis}"
        if kpi.of:
            text += f" of {kpi.of}"  # "25% of segment": a share of a part, not of the company
    return f"{text.strip()}, forecast" if kpi.forward else text.strip()


def _percent(fraction: float, *, signed: bool = False) -> str:
    """10% and 12.5% as a sentence writes them (no trailing .0), signed for a growth."""
    number = f"{fraction * 100:.2f}".rstrip("0").rstrip(".")
    return f"+{number}%" if signed and fraction > 0 else f"{number}%"


def read_kpis(
    text: str,
    subjects: Sequence[str] = (),
    *,
    day: dt.date | None = None,
    names: Sequence[str] = (),
    symbol: str = "",
) -> tuple[Kpi, ...]:
    """Every KPI stated in `text`: the share and growth of each name in `subjects` (a product
    or a line, the subject of the figure's phrase, any case; `revenue` the company's own), and
    each direction of the guidance, in the order their sentences come (`day`: the day the
    document is of, where known; `names`: the company's, its ticker's name in catalysts.toml,
    whose figures are its own revenue's; `symbol`: the ticker, which the company's name in the
    text abbreviates; reading.words.read_words)."""
    from ...reading.words.reader import read_words  # its patterns: with the first text read

    found: list[Kpi] = []
    shared: set[tuple[int, str]] = set()  # (sentence, name) with a share read
    for stated in read_words(text, day=day, names=names, symbol=symbol):
        if stated.kind == "guidance":
            if not _COST.search(stated.metric):  # a cut of capex or costs is no cut of guidance
                found.append(_kpi(stated, "", forward=False))
            continue
        subject = named(stated.subject, subjects)
        if subject is None:
            continue
        if stated.kind == "share" and not stated.basis:
            if (stated.start, subject) in shared:
                continue  # "69% …, down from the 72% a year ago": the earlier quarter's
            shared.add((stated.start, subject))
        found.append(_kpi(stated, subject, forward=stated.forward))
    return tuple(found)


def _kpi(stated: Stated, subject: str, *, forward: bool) -> Kpi:
    return Kpi(
        stated.kind,
        subject,
        stated.value,
        stated.high,
        stated.comparison,
        stated.basis,
        forward,
        stated.sentence,
        stated.start,
        stated.end,
        stated.of,
    )


def _begins(phrase: str, name: str) -> re.Match[str] | None:
    """Where `phrase` begins with `name`, and not as one of a list ("Cloud and Services")."""
    match = re.match(rf"(?:the\s+|our\s+)?({re.escape(name)})\b(?P<rest>.*)", phrase, re.I)
    if match is None or re.match(r"\s*(?:,|and\b|or\b|&)", match["rest"]):
        return None
    return match


def named(phrase: str, subjects: Sequence[str]) -> str | None:
    """Which of `subjects` a figure's subject phrase is: the one it begins with (the longest
    where several do), a name written with a capital met with one, and not one of a list; the
    company's own revenue for `revenue`."""
    best: str | None = None
    phrases = names_of(phrase)  # "Enterprise Computing Solutions (ECS)": either name
    for subject in subjects:
        name = subject.strip()
        if not name:
            continue
        if phrase == COMPANY:
            if name.casefold() in COMPANY_NAMES:
                return subject
            continue
        if comparable(phrase) and not comparable(name):
            continue  # "Marmaxx's comp sales" is no growth of Marmaxx's revenue
        match = next((m for said in phrases if (m := _begins(said, name))), None)
        if match is None:
            continue
        if name[0].isupper() and not match.group(1)[0].isupper():
            continue  # "Services" is not "cloud services"
        if best is None or len(name) > len(best):
            best = subject
    return best
