"""The revenue guidance a release gives: next quarter's and the fiscal year's, low and high.

Pure. Three shapes are read:

- a sentence: "Revenue is expected to be $20.00 billion, plus or minus 2%" (low and high at
  -/+2%), "revenue to be in the range of $56-59 billion", "Net sales are expected to be between
  $151.0 billion and $155.5 billion", "we now project 2025 revenue of $43.5-$44.5B", or the
  amount first: "for the full year 2025, we expect $45.1B in revenue";
- a targets table: a "Total revenue" row reading "$21.30 billion to $21.50 billion" under
  "The following table summarizes ... fiscal year 2024 targets:" (or headed "Q1 2025");
- a forecast column: the revenue row's figure under "Q1'25 Forecast" (low = high).

Only total revenue (or "net sales", "sales") counts: the word before it must be "total", "net",
a period ("2025", "fourth quarter", "FY25"), the cue's verb ("We anticipate revenue of") or
nothing, so "Data Center revenue", "segment revenue" or "comparable sales" never does;
the words between it and the amount must be the plain "is expected to be (in the range of)",
so "our revenue forecast by ~$1B" is not guidance. Quarter or year comes from the clause
before the amount, else the sentence, else the lead-in before it ("outlook for the fourth
quarter ... is as follows:"). A period given two different ranges is left out, as ambiguous.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from ..wordlists import any_word, one_of
from .labels import revenue_rank
from .pages import unbroken
from .periods import Kind
from .records import LIMIT, Guidance, GuidancePeriod

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .tables import Line, Segment

__all__ = ["read_guidance"]

_LIMIT = Decimal(LIMIT)


_PIECES = re.compile(r"(?<=[.!?:])\s+(?=[A-Z“\"(\d])|\s*[•●◦▪]\s*")
_CUE = re.compile(
    r"\b(?:expect\w*|forecast\w*|project(?:s|ed)?|anticipat\w*|estimates?|guidance|outlook"
    r"|target(?:s|ing)?)\b",
    re.I,
)
# Not the company's guidance: denied ("We do not expect", "no longer expect", "It is not
# expected"), past ("had expected", "previously expected") or someone else's ("Analysts expect",
# "consensus"). A sentence saying any of it gives nothing: a guide wrongly read flips a guard.
_NOT_GUIDANCE = re.compile(
    r"\b(?:not|no longer|never|neither|nor|cannot|unlikely)\b|n['’]t\b"
    r"|\b(?:had|previously|originally|initially|formerly|once)\s+(?:\w+\s+)?"
    r"(?:expect|anticipat|project|forecast|guid|estimat)\w*"
    r"|\banalysts?\b|\bconsensus\b|\bstreet\b|\binvestors\b"
    r"|\bexpectations\b(?<!our expectations)(?<!our prior expectations)"  # ours: no one else's
    r"(?<!our previous expectations)",
    re.I,
)
_PAST = any_word("was were reported achieved totaled totalled grew rose declined exceeded came_in")
_REVENUE_WORD = re.compile(r"\b(?:revenues?|net sales|sales)\b", re.I)
_CONNECTOR_WORDS = one_of(
    r"""is are will be now expected projected forecast forecasted anticipated estimated targeted
    likely to in within a the range of between approximately about around roughly at for from
    first second third fourth next quarter fiscal full full-year year q[1-4] (?:19|20)\d\d"""
)
_CONNECTOR = re.compile(rf"\s+(?:{_CONNECTOR_WORDS},?\s+)*", re.I)
_BEFORE_OK = re.compile(
    r"^(?:total|net|our|the|of|for|expect|expects|quarter|quarterly|year|full-year|annual|fiscal"
    r"|anticipates?|projects?|forecasts?|estimates?|targeting"  # "We anticipate revenue"
    r"|including"  # "its 2025 outlook, including revenues of $450 billion to $455 billion"
    r"|consolidated|(?:19|20)\d\d|fy\s?'?\d{2,4}|q[1-4](?:'\d\d)?"
    r"|outlook|guidance|targets?|forecast|commentary)$",  # a heading run into the sentence
    re.I,
)
_AMOUNT = r"(\d[\d,]*(?:\.\d+)?)"
_UNIT = r"\s*(billion|million|thousand|bn|b|mm|m|k)?\b"
_MONEY = re.compile(
    rf"~?\$\s?{_AMOUNT}{_UNIT}"
    rf"(?:\s*(-|–|—|to|and)\s*~?\$?\s?{_AMOUNT}{_UNIT})?"
    r"(?:,?\s*(?:plus or minus|\+/-|±)\s*(\d+(?:\.\d+)?)\s?%)?",
    re.I,
)
_UNITS = {"billion": 9, "bn": 9, "b": 9, "million": 6, "mm": 6, "m": 6, "thousand": 3, "k": 3}
# What a lead-in says of its period (case aside), by its words.
_PERIOD_SAYS = {
    key: re.compile(pattern, re.I)
    for key, pattern in (
        ("quarter", r"\bq[1-4]\b|\bq[1-4]'|quarter|three months|thirteen weeks|\b1[2-4] weeks"),
        (
            "year",
            r"full[- ]year|fiscal year|\bfy\s?'?\d{2,4}\b|\bannual|\byear\b"
            r"|(?<![\w$.,])(?:19|20)\d\d(?!\d|,\d|%)",
        ),
        ("whole year", r"full[- ]year|fiscal year|\bannual|\bfy\s?'?\d|for the year"),
        # "the fourth quarter of fiscal year 2026" names one quarter, not a quarter and a year
        (
            "quarter of year",
            r"quarter of (?:the )?(?:fiscal )?(?:year )?(?:(?:19|20)\d\d|fy\s?'?\d{2,4})",
        ),
        # a comparison names no period the amount is for: "up 20 percent year-over-year", "from
        # the previous quarter", "a year ago"
        (
            "compared",
            r"\b(?:year|quarter)[- ](?:over|on)[- ](?:year|quarter)\b|\b(?:a|one) year ago\b"
            r"|\b(?:prior|last|previous|preceding|sequential|year-ago|year ago)"
            r"[- ](?:year|quarter)\b",
        ),
    )
}
_RANGE_WORD = re.compile(r"\b(?:between|range)\b", re.I)  # "range of $X and $Y": both ends
_CLAUSE_END = re.compile(r"\band\b|;")  # where the clause of an amount ends
_LOOKBACK = 2  # lead-in pieces looked at for the period: "outlook for the fourth quarter:"


def read_guidance(text: str, segments: list[Segment]) -> tuple[Guidance, ...]:
    """The release's revenue guidance, quarter first; a period given two ranges is left out."""
    found: dict[GuidancePeriod, set[tuple[Decimal, Decimal]]] = defaultdict(set)
    for period, low, high in (*_from_sentences(unbroken(text)), *_from_tables(segments)):
        found[period].add((low, high))
    return tuple(
        Guidance(period, float(ranges[0][0]), float(ranges[0][1]))
        for period in GuidancePeriod
        if len(ranges := sorted(found.get(period, ()))) == 1 and _sensible(*ranges[0])
    )


def _sensible(low: Decimal, high: Decimal) -> bool:
    """A range a company could guide: above nothing, within LIMIT ("$1 million to $9...9 billion"
    is junk, and as a float an infinity that would miss every guard)."""
    return 0 < low <= high <= _LIMIT


def _from_sentences(text: str) -> list[tuple[GuidancePeriod, Decimal, Decimal]]:
    found = []
    pieces = _PIECES.split(text)
    for index, piece in enumerate(pieces):
        if _PAST.search(piece) or not (_CUE.search(piece) or _cued_list(pieces, index)):
            continue
        if _NOT_GUIDANCE.search(piece):
            continue
        context = _Context(piece, pieces[max(0, index - _LOOKBACK) : index])
        clause = 0  # where the clause of the next "revenue" starts
        for word in _REVENUE_WORD.finditer(piece):
            if word.start() < clause:
                continue
            lead = piece[clause : word.start()]
            if (before := re.findall(r"[\w$'’.\-]+", lead[-40:])) and not _total_revenue(before):
                continue
            connector = _CONNECTOR.match(piece, word.end())
            at = connector.end() if connector else word.end()
            money = _MONEY.match(piece, at)
            if money is None:
                continue
            amounts = _range(money, _RANGE_WORD.search(piece, word.end(), at) is not None)
            end = _CLAUSE_END.search(piece, money.end())
            after = piece[money.end() : end.start() if end else len(piece)]
            clause = end.end() if end else len(piece)
            period = _period_of(lead, after, context)
            if amounts and period:
                found.append((period, *amounts))
        found += _amount_first(piece, context)
    return found


# "we expect $45.1B in revenue": the amount before the word, right after the company's cue
_AMOUNT_FIRST = re.compile(
    r"\b(?:we|the company)\s+(?:now\s+)?(?:expects?|projects?|forecasts?|anticipates?)\s+(?=~?\$)",
    re.I,
)
_IN_REVENUE = re.compile(
    r"\s+(?:in|of)\s+(?:total\s+)?revenues?\b(?!\s+(?:from|synerg|growth"
    r"|contribution|backlog|impact|headwind|tailwind|run))",
    re.I,
)


def _amount_first(piece: str, context: _Context) -> list[tuple[GuidancePeriod, Decimal, Decimal]]:
    found = []
    clause = 0  # where the clause of the next cue starts: each is read up to its own cue
    for cue in _AMOUNT_FIRST.finditer(piece):
        money = _MONEY.match(piece, cue.end())
        words = _IN_REVENUE.match(piece, money.end()) if money else None
        if money is None or words is None:
            continue
        amounts = _range(money, between=False)
        end = _CLAUSE_END.search(piece, words.end())
        after = piece[words.end() : end.start() if end else len(piece)]
        period = _period_of(piece[clause : cue.start()], after, context)
        clause = end.end() if end else len(piece)
        if amounts and period:
            found.append((period, *amounts))
    return found


class _Context:
    """The period a sentence and its lead-in name, for the amounts whose own clause names none:
    found once a sentence, however many amounts it holds (each amount looking through the
    whole sentence again would take quadratic time on a sentence of thousands of amounts)."""

    def __init__(self, piece: str, earlier: list[str]) -> None:
        self._texts = (piece, *reversed(earlier))
        self._found: tuple[bool, GuidancePeriod | None] | None = None  # None: not looked for

    def period(self) -> GuidancePeriod | None:
        if self._found is None:
            self._found = _first_named(self._texts)
        return self._found[1]


def _period_of(before: str, after: str, context: _Context) -> GuidancePeriod | None:
    """The period an amount is for: named in its own clause, before it ("fourth quarter 2025
    total revenue") or after it ("... $Y for the full year"); else in the sentence or the
    lead-in, if that names one period only."""
    named, period = _first_named((before, after))
    return period if named else context.period()


def _first_named(texts: Iterable[str]) -> tuple[bool, GuidancePeriod | None]:
    """Whether a text names a period, and the period the first such text names: None where it
    names a quarter and a year ("first quarter ... and full year": which is which is not said)."""
    for text in texts:
        text = _PERIOD_SAYS["quarter of year"].sub(
            "quarter", _PERIOD_SAYS["compared"].sub(" ", text)
        )
        if _PERIOD_SAYS["quarter"].search(text) and _PERIOD_SAYS["whole year"].search(text):
            return True, None
        if period := _period(text):
            return True, period
    return False, None


def _cued_list(pieces: list[str], index: int) -> bool:
    """An item of a list whose lead-in holds the cue: "Astera Labs expects: Revenue ...";
    or the first item of a list nested under a period's lead-in, under a heading that holds
    it: "Outlook • Fourth quarter 2026: ◦ Revenue between ...", "Guidance and Outlook: • We
    are confident ... • Fiscal 2025: ◦ ..." (the lead-in ends with a colon, or is a few words
    naming a period; the heading, at most _ABOVE pieces above it, is a few words, or ends with a
    colon)."""
    lead = pieces[index - 1].rstrip() if index else ""
    if lead.endswith(":") and _cued(lead):
        return True
    if not _lead_in(lead):
        return False
    for above in reversed(pieces[max(0, index - 1 - _ABOVE) : max(0, index - 1)]):
        above = above.rstrip()
        if (_heading(above) and _cued(above)) or _HEADING_END.search(above):
            return True
        if _PAST.search(above):
            return False  # results told between the heading and the list: not its outlook
    return False


_HEADING_WORDS = 6  # "Business Outlook", "Fourth Quarter Fiscal 2026": a heading, not a sentence
_ABOVE = 3  # a nested list's heading: its lead-in and at most two items of the outer list above
# A heading run into the text before it, with no full stop between: "... per share data) Business
# Outlook", "... Fiscal 2026 Guidance:"
_HEADING_END = re.compile(r"(?<![\w-])(?:outlook|guidance)\s*:?$", re.I)


def _cued(piece: str) -> bool:
    return bool(_CUE.search(piece)) and not _PAST.search(piece) and not _NOT_GUIDANCE.search(piece)


def _heading(piece: str) -> bool:
    return piece.endswith(":") or 0 < len(piece.split()) <= _HEADING_WORDS


def _lead_in(piece: str) -> bool:
    """A nested list's lead-in: it ends with a colon, or is a heading naming a period."""
    return piece.endswith(":") or (_heading(piece) and _period(piece) is not None)


_CUE_VERB = re.compile(r"^(?:expects?|anticipates?|projects?|forecasts?|estimates?)$", re.I)


def _total_revenue(before: list[str]) -> bool:
    """Whether the words before "revenue" leave it the company's total."""
    last = before[-1].strip(".,").lower()
    if _BEFORE_OK.match(last):
        return True
    if last == "that" and len(before) > 1 and _CUE_VERB.match(before[-2]):
        return True  # "TTM estimates that net sales will be ...": the cue's verb, then "that"
    # "Total Adobe revenue": the company's name between "total" and "revenue"
    return len(before) > 1 and before[-2].lower() == "total" and before[-1][:1].isupper()


def _range(money: re.Match[str], between: bool) -> tuple[Decimal, Decimal] | None:
    low_text, low_unit, separator, high_text, high_unit, plus_minus = money.groups()
    if separator and separator.lower() == "and" and not between:
        high_text = None
    low_unit = low_unit or (high_unit if high_text else None)
    low = _amount(low_text, low_unit)
    if high_text:
        high = _amount(high_text, high_unit or low_unit)
        return (low, high) if low <= high else None
    if plus_minus:
        spread = Decimal(plus_minus) / 100
        return low * (1 - spread), low * (1 + spread)
    return low, low


def _amount(text: str, unit: str | None) -> Decimal:
    return Decimal(text.replace(",", "")).scaleb(_UNITS.get((unit or "").lower(), 0))


def _period(text: str) -> GuidancePeriod | None:
    if _PERIOD_SAYS["quarter"].search(text):
        return GuidancePeriod.QUARTER
    if _PERIOD_SAYS["year"].search(text):
        return GuidancePeriod.YEAR
    return None


def _from_tables(segments: list[Segment]) -> list[tuple[GuidancePeriod, Decimal, Decimal]]:
    found = []
    for segment in segments:
        for line in segment.lines:
            if not revenue_rank(line.label):
                continue
            # a targets table: "Total revenue | $21.30 billion to $21.50 billion"
            # one amount (or the same in a GAAP and a non-GAAP column): "$111.6 billion |
            # $98.9 billion" is this quarter against last year's, a table of results
            monies = {t.strip() for t in line.texts if _MONEY.fullmatch(t.strip())}
            for text in line.texts[:1] if len(monies) == 1 else ():
                money = _MONEY.fullmatch(text.strip())
                period = _table_period(segment.context)
                amounts = _range(money, between=False) if money else None
                if amounts and period:
                    found.append((period, *amounts))
            if segment.scale is not None:
                found.extend(_forecast_columns(line, segment.scale))
    return found


def _forecast_columns(line: Line, scale: Decimal) -> list[tuple[GuidancePeriod, Decimal, Decimal]]:
    """A revenue row's figures under forecast columns: "Q1'25 Forecast" alone (low = high), or
    a "Low" and a "High" column under the same period."""
    by_period: dict[GuidancePeriod, dict[str, list[Decimal]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for figure in line.figures:
        column = figure.column
        if not column.forecast or figure.percent or column.kind not in (Kind.QUARTER, Kind.YEAR):
            continue
        words = set(re.findall(r"[a-z]+", column.text.lower()))
        end = "low" if "low" in words else "high" if "high" in words else "point"
        by_period[GuidancePeriod(column.kind.value)][end].append(figure.value * scale)
    found = []
    for period, ends in by_period.items():
        if set(ends) == {"point"} and len(ends["point"]) == 1:
            found.append((period, ends["point"][0], ends["point"][0]))
        elif set(ends) == {"low", "high"} and len(ends["low"]) == len(ends["high"]) == 1:
            found.append((period, ends["low"][0], ends["high"][0]))
    return found


def _table_period(context: str) -> GuidancePeriod | None:
    """The period of the last lead-in sentence that names one ("... fiscal year 2024 targets:"),
    where that sentence is the company's outlook: a table of the quarter's results under a
    paragraph that spoke of the outlook further up is no targets table."""
    for piece in reversed(re.split(r"(?<=[.!?:])\s+", context)):
        if period := _period(piece):
            cued = _CUE.search(piece) and not _PAST.search(piece)
            return period if cued and not _NOT_GUIDANCE.search(piece) else None
    return None
