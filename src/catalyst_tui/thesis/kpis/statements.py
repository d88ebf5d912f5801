"""KPIs read from words: what management says in a release, a call's transcript, a 10-Q's text or
a feed item, where no table states it. Three kinds, each a value with the sentence it came from
and that sentence's offsets in the document:

- a named product's or line's **share** of revenue (the name as the thesis writes it, a
  capital kept: "Services" is no "cloud services"): "Scorpio was over 10% of revenue" (0.10,
  the comparison word "over" kept; a range "10% to 15%" keeps both ends);
- its **growth**: "Blackwell Data Center revenue grew 17% sequentially" (0.17, sequential), "was
  up 49% from a year ago" (year over year), "down 5%" (-0.05);
- the company's **guidance** direction: raised, cut, reiterated, introduced, withdrawn ("raised
  its full-year 2024 guidance for both Revenues and Adjusted diluted EPS").

A figure read from words is never guessed (docs/thesis.md, "KPIs read from words"): no value
from a hypothetical ("could", "would", "if"), a negated sentence ("did not", "no longer"), a
clause about someone else (another company's possessive, or "while", "whereas", "but" between
the name and the figure), a list of figures for several periods ("21%, 34% and 29% ...
respectively"), or a sentence that states no number. A forecast ("expects", "will") is read and
marked `forward`: what is said of the future is not what happened."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..evidence.passages import sentences

if TYPE_CHECKING:
    import datetime as dt

KpiKind = Literal["share", "growth", "guidance"]
GUIDANCE_DIRECTIONS = ("raised", "cut", "reiterated", "introduced", "withdrawn")


class Kpi(NamedTuple):
    kind: KpiKind
    subject: str  # the product or line named ("Scorpio"); "" for the company's guidance
    value: float | None  # a fraction (0.10 for 10%); None for guidance
    high: float | None  # a range's upper end (0.15 in "10% to 15%"), else None
    comparison: str  # "over", "closer to", "approximately", "between", "" when stated exactly
    basis: str  # growth: "sequential" or "year over year" ("" when not said); guidance: its verb
    forward: bool  # said of the future ("expects", "will"): a forecast, not an outcome
    sentence: str
    start: int  # the sentence's offsets in the text read
    end: int


class StatedKpi(NamedTuple):
    """A KPI as stored (store/kpis.py): what was read, the day its document is of (a filing's
    day in New York, a headline's own), and the document it was read in."""

    kpi: Kpi
    day: dt.date
    form: str  # "8-K EX-99.1", "10-Q", "news", "feed", "document"
    title: str
    url: str
    document_id: int


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
    return f"{text.strip()}, forecast" if kpi.forward else text.strip()


def _percent(fraction: float, *, signed: bool = False) -> str:
    """10% and 12.5% as a sentence writes them (no trailing .0), signed for a growth."""
    number = f"{fraction * 100:.2f}".rstrip("0").rstrip(".")
    return f"+{number}%" if signed and fraction > 0 else f"{number}%"


_COMPARISON = (
    r"(?P<cmp>over|more than|above|in excess of|exceeds?|exceeding|surpass(?:es|ing)?|"
    r"approximately|about|around|roughly|nearly|almost|close to|closer to|at least|under|"
    r"below|less than)?\s*"
)
_NUMBER = r"(?P<num>\d{1,3}(?:\.\d+)?)\s?%"
_RANGE = r"(?:\s*(?:to|-|–|and)\s*(?P<high>\d{1,3}(?:\.\d+)?)\s?%)?"
_OF_REVENUE = (
    r"\s+of\s+(?:our\s+|its\s+|the\s+company's\s+|the\s+company’s\s+)?(?:total\s+|overall\s+)?"
    r"(?:net\s+)?(?:revenues?|sales)\b"
)
_SHARE = re.compile(r"(?:between\s+)?" + _COMPARISON + _NUMBER + _RANGE + _OF_REVENUE, re.I)
# What a growth is against, up to the next figure ("up 18% from Q4 and up 262% from a year ago").
_BASIS = r"(?P<basis>(?:(?!\band\b|\bup\b|\bdown\b)[^.;,(]){0,40})"
_GROWTH = re.compile(
    r"\b(?P<verb>grew|grow|increased|rose|surged|jumped|climbed|was up|were up|up|declined|"
    r"decreased|fell|was down|were down|down)\s+(?:by\s+)?" + _COMPARISON + _NUMBER + _BASIS,
    re.I,
)
# A second growth of the same name, against another basis: "up 56% from a year ago and up 6%
# sequentially"; a share's exit or run rate after it: "..., with a Q4 exit rate closer to 20%".
_THEN = re.compile(r"\s*(?:,\s*)?(?:and\s+)?$", re.I)
# ... or without its verb: "grew 30% sequentially and 120% year over year".
_AND_GROWTH = re.compile(
    r"\s*(?:,\s*)?and\s+(?P<verb>)" + _COMPARISON + _NUMBER + _BASIS,
    re.I,
)
_RATE = re.compile(
    r"[^.;%]{0,30}?,\s*(?:with\s+)?(?:an?\s+)?"
    r"(?P<basis>(?:Q[1-4]\s+)?(?:exit|run)[- ]rate)\s+(?:of\s+)?" + _COMPARISON + _NUMBER,
    re.I,
)
_FIGURE = re.compile(r"\d\s?%")
_FIGURES: tuple[tuple[KpiKind, re.Pattern[str]], ...] = (("share", _SHARE), ("growth", _GROWTH))
_REVENUE = re.compile(r"\b(?:revenues?|sales)\b", re.I)
_GUIDANCE = re.compile(
    r"\b(?P<verb>rais(?:ed|es|ing|e)|increas(?:ed|es|ing)|lower(?:ed|s|ing)?|cut(?:s|ting)?|"
    r"reduc(?:ed|es|ing)|reiterat(?:ed|es|ing)|reaffirm(?:ed|s|ing)?|maintain(?:ed|s|ing)?|"
    r"introduc(?:ed|es|ing)|initiat(?:ed|es|ing)|withdr(?:ew|awn|aws|awing)|suspend(?:ed|s|ing)?)"
    r"\b(?P<what>(?:\s+(?:"
    + "|".join(
        # The words between the verb and "guidance" that keep it the company's own guidance
        # ("raised its full-year 2024 guidance"); a figure there ("increased 16%, above our
        # guidance") is an outcome against it, no direction of it.
        (
            r"its|our|the|their|company's|company’s|full[- ]year|fiscal|annual|financial",
            r"revenue|sales|quarterly|quarter|first|second|third|fourth|next|all|components",
            r"of|and|both|for|adjusted|(?:fy)?\d{2,4}",
        )
    )
    + r"))*)\s+(?:outlook|guidance|forecast)\b",
    re.I,
)
_DIRECTION = {
    "rais": "raised",
    "incr": "raised",
    "lowe": "cut",
    "cut": "cut",
    "redu": "cut",
    "reit": "reiterated",
    "reaf": "reiterated",
    "main": "reiterated",
    "intr": "introduced",
    "init": "introduced",
    "with": "withdrawn",
    "susp": "withdrawn",
}
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might|may|should|if|unless|whether)\b", re.I)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|neither|nor|without)\b|n[’']t\b|\bfailed to\b", re.I
)
_FORWARD = re.compile(
    r"\b(?:expects?|expected|expecting|anticipates?|anticipated|will|plans?|planning|"
    r"intends?|aims?|on track to|set to)\b",
    re.I,
)
# Between a name and its figure: another clause, or someone else's possessive.
_OTHER_CLAUSE = re.compile(r";|\b(?:while|whereas|but|compared|versus|vs\.?)\b", re.I)
_POSSESSIVE = re.compile(r"\b[A-Z][\w&.-]*(?:'s|’s)\b")
# A measure other than revenue between a name and its figure: the figure is that measure's (a
# margin: "gross profit ... or 13% of revenues"), not the name's share or growth of revenue.
_MEASURE = re.compile(
    r"\b(?:gross\s+(?:profit|margin)|margins?|operating\s+(?:income|loss|expenses?)|"
    r"net\s+(?:income|loss)|income|expenses?|costs?|EBITDA|earnings|profits?|cash\s+flows?)\b",
    re.I,
)
_LIST = re.compile(r"\d\s?%\s*(?:,|and)\s*\d{1,3}(?:\.\d+)?\s?%", re.I)


def read_kpis(text: str, subjects: Sequence[str] = ()) -> tuple[Kpi, ...]:
    """Every KPI stated in `text`: the share and growth of each name in `subjects` (a product
    or a line, matched as a whole word, any case), and the guidance's direction, in the order
    their sentences come."""
    names = [re.compile(rf"\b{re.escape(s)}\b", re.I) for s in subjects if s.strip()]
    found: list[Kpi] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if len(sentence) > 1000 or _HYPOTHETICAL.search(sentence) or _NEGATION.search(sentence):
            continue
        forward = bool(_FORWARD.search(sentence))
        for subject, name in zip(subjects, names, strict=False):
            found.extend(_about(subject, name, sentence, start, end, forward))
        found.extend(_guidance(sentence, start, end))
    return tuple(found)


def _about(
    subject: str, name: re.Pattern[str], sentence: str, start: int, end: int, forward: bool
) -> list[Kpi]:
    """The share and growth stated of `subject` in one sentence: each figure after the name in
    the same clause, read once."""
    kpis: list[Kpi] = []
    for mention in name.finditer(sentence):
        if not _as_named(mention.group(), subject):
            continue
        for kind, pattern in _FIGURES:
            match = pattern.search(sentence, mention.end())
            if match is None or not _own(sentence[mention.end() : match.start()]):
                continue
            if _LIST.search(sentence[mention.end() : match.end()]):  # several periods' figures
                continue
            if kind == "growth" and not _REVENUE.search(sentence, mention.end(), match.start()):
                # The growth of something else (adoption, members), or of a revenue the name
                # is only a source of ("revenue from Amazon, Google and Azure grew 115%").
                continue
            verb = ""
            while match is not None:
                verb = match["verb"] if kind == "growth" and match["verb"] else verb
                kpi = _figure(kind, subject, match, sentence, start, end, forward, verb)
                if kpi is not None and kpi not in kpis:
                    kpis.append(kpi)
                match = _next(kind, pattern, sentence, match.end())
                if match is not None and kind == "share":
                    rate = _figure("share", subject, match, sentence, start, end, forward)
                    if rate is not None:
                        kpis.append(rate._replace(basis=match["basis"]))
                    match = None
        if kpis:
            break
    return kpis


def _as_named(mention: str, subject: str) -> bool:
    """Whether a mention is the name as the thesis writes it: a name written with a capital is
    one ("Services" is not the "cloud services" of a sentence); one written in lower case
    matches in any case."""
    return not subject[0].isupper() or mention[0].isupper()


def _next(kind: KpiKind, pattern: re.Pattern[str], sentence: str, at: int) -> re.Match[str] | None:
    """The figure that goes on from one just read: a growth's against another basis, a
    share's exit or run rate; None when the sentence goes on to something else."""
    if kind == "share":
        return _RATE.match(sentence, at)
    following = pattern.search(sentence, at)
    if following is None or not _THEN.match(sentence[at : following.start()]):
        return _AND_GROWTH.match(sentence, at)
    return following


def _own(between: str) -> bool:
    """Whether the words between a name and a figure keep the figure the name's."""
    return (
        len(between) <= 120
        and _OTHER_CLAUSE.search(between) is None
        and _POSSESSIVE.search(between) is None
        and _FIGURE.search(between) is None  # "Revenue Surges 234%, Expenses Down 21%"
        and _MEASURE.search(between) is None  # "... gross profit was $3.1M, or 13% of revenues"
    )


def _figure(
    kind: KpiKind,
    subject: str,
    match: re.Match[str],
    sentence: str,
    start: int,
    end: int,
    forward: bool,
    verb: str = "",
) -> Kpi | None:
    value = float(match["num"]) / 100
    comparison = (match["cmp"] or "").lower()
    if comparison.startswith(("exceed", "surpass")):
        comparison = "over"
    if kind == "share":
        said = match.groupdict().get("high")
        high = float(said) / 100 if said else None
        if high is not None and high < value:
            return None  # "15% to 10%": not a range read either way
        if value > 1 or (high is not None and high > 1):
            return None
        if high is not None:
            comparison = "between"
        return Kpi(kind, subject, value, high, comparison, "", forward, sentence, start, end)
    verb = verb.lower()
    if verb.startswith(("decl", "decr", "fell", "was down", "were down", "down")):
        value = -value
    basis = match["basis"].lower()
    sequential = r"sequential|quarter[- ]over[- ]quarter|prior quarter|previous quarter|from q[1-4]"
    if re.search(sequential, basis):
        said = "sequential"
    elif re.search(r"year[- ]over[- ]year|year[- ]on[- ]year|year ago|prior year|yoy", basis):
        said = "year over year"
    else:
        said = ""
    return Kpi(kind, subject, value, None, comparison, said, forward, sentence, start, end)


def _guidance(sentence: str, start: int, end: int) -> list[Kpi]:
    match = _GUIDANCE.search(sentence)
    if match is None:
        return []
    direction = _DIRECTION.get(match["verb"].lower()[:4]) or _DIRECTION.get(
        match["verb"].lower()[:3], ""
    )
    if not direction:
        return []
    return [Kpi("guidance", "", None, None, "", direction, False, sentence, start, end)]
