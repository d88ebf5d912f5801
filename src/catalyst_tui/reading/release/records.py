"""The records of an earnings release's results (reading/release/reader.py makes
them): the figures of a period and why one is missing, the revenue guidance, why a release gave
nothing, and the JSON of `catalyst results`. Plain data, whoever read the release: the store,
the jobs, the metrics and the screens use them without the readers (their regular expressions
and HTML parser are loaded by the first release read)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "FIGURES",
    "LIMIT",
    "MAX_BYTES",
    "NOT_READ_TEXT",
    "Gap",
    "Guidance",
    "GuidancePeriod",
    "NotRead",
    "Place",
    "ReleaseFigures",
    "ReleaseResults",
    "nothing",
    "places_from_json",
    "places_json",
    "sensible",
    "to_json",
]

MAX_BYTES = 8 * 1024 * 1024  # a release read at most: a results exhibit is under 1 MB
#: No figure read beyond this (in currency units, or per share): ten thousand trillion, past any
#: company's revenue, is a document's junk, and past it a float loses whole units.
LIMIT = 1e16
FIGURES = (
    "revenue",
    "gross_profit",
    "operating_income",
    "net_income",
    "eps_diluted",
    "eps_nongaap",
)


class Gap(StrEnum):
    """Why a figure is None."""

    NOT_STATED = "not_stated"  # the release prints no such line, or nothing for that period
    AMBIGUOUS = "ambiguous"  # two different values are labelled as it
    UNKNOWN_SCALE = "unknown_scale"  # an amount whose table states no scale
    NO_STATEMENT = "no_statement"  # the release has no income statement to read
    OUT_OF_RANGE = "out_of_range"  # printed beyond LIMIT: no company's figure
    # the row and column that carried it in the company's release confirmed by XBRL hold
    # another value than the statement read by its structure
    LAYOUT_DISAGREES = "layout_disagrees"
    # gross profit where the costs of revenue are printed in parts with no total ("Cost of
    # products", "Cost of services"): their sum is not a figure the release states
    COST_IN_PARTS = "cost_in_parts"
    # gross profit where the revenue is sales and other revenues ("Total sales and revenues")
    # and the one cost printed is of what was sold ("Cost of goods sold"): the other revenues'
    # costs are elsewhere, so revenue less that cost is not the company's gross profit
    COST_OF_SALES_ONLY = "cost_of_sales_only"


@dataclass(frozen=True)
class ReleaseFigures:
    """One period's figures: money in currency units, EPS as printed; None with a Gap."""

    revenue: float | None = None
    gross_profit: float | None = None
    operating_income: float | None = None
    net_income: float | None = None
    eps_diluted: float | None = None
    eps_nongaap: float | None = None
    missing: tuple[tuple[str, Gap], ...] = ()  # (figure, why) for each None
    derived: tuple[str, ...] = ()  # figures computed, not printed: gross profit = revenue - cost

    def gap(self, figure: str) -> Gap | None:
        """Why `figure` is None (None when it was read)."""
        return dict(self.missing).get(figure)

    @classmethod
    def nothing(cls, why: Gap) -> ReleaseFigures:
        return cls(missing=tuple((name, why) for name in FIGURES))


class GuidancePeriod(StrEnum):
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class Guidance:
    """Revenue guidance for a period, in currency units; low == high for a single figure."""

    period: GuidancePeriod
    revenue_low: float
    revenue_high: float


class NotRead(StrEnum):
    """Why a release gave no results."""

    EMPTY = "empty"  # no text at all
    TOO_LARGE = "too_large"  # over MAX_BYTES
    NO_STATEMENT = "no_statement"  # no income statement: a deliveries update, prose results
    UNREADABLE = "unreadable"  # the readers failed on it (a bug to report, not a release)
    FUTURE_PERIOD = "future_period"  # its statement ends after its own 8-K was filed
    UNDATED = "undated"  # its results table names the quarter ("2Q25") but not the day it ended
    # its statement's latest quarter ends before the quarter its own text reports ("first
    # quarter ended March 31, 2025"): another period's columns, never read as this one's
    OTHER_PERIOD = "other_period"
    # Said by whoever fetches it (the refresh), never by read_release:
    NO_EXHIBIT = "no_exhibit"  # the 8-K's index lists no EX-99 press release
    FETCH_FAILED = "fetch_failed"  # the index or the exhibit could not be had (tried 3 times)


@dataclass(frozen=True)
class Place:
    """Where a figure was read: the table (its title with the digits taken out, and which of
    the tables so titled holding that row), the row (its label and section, as normal_label
    spells them) and the figure's place in the row. The same company's next release carries
    the same figure there: what a release confirmed by XBRL teaches (a company's layout)."""

    figure: str  # a FIGURES name
    period: str  # "quarter" or "year"
    table: str
    nth: int
    row: str
    section: str
    column: int


@dataclass(frozen=True)
class ReleaseResults:
    """What a release states: its quarter's figures (the year's too, on a Q4 release), its
    guidance, and why nothing was found when nothing was."""

    found: bool
    reason: NotRead | None  # why nothing was found; None when found
    period_end: date | None
    quarter: ReleaseFigures
    year: ReleaseFigures | None  # the fiscal year, on a Q4 release
    guidance: tuple[Guidance, ...] = field(default=())
    places: tuple[Place, ...] = field(default=())  # where each figure printed was read


#: Why a release gave no results, for people: `reason` in JSON, with its code as `reason_code`.
NOT_READ_TEXT = {
    NotRead.EMPTY: "The document has no text.",
    NotRead.TOO_LARGE: f"The document is over the {MAX_BYTES // 1024 // 1024} MiB read.",
    NotRead.NO_STATEMENT: (
        "The document has no income statement: a deliveries update, or results told in prose."
    ),
    NotRead.UNREADABLE: "The document could not be read.",
    NotRead.FUTURE_PERIOD: (
        "Its statement ends after its 8-K was filed, so it reports no period that has been."
    ),
    NotRead.UNDATED: (
        "Its results table names the quarter (such as 2Q25) but not the day it ended, so the "
        "figures are not placed in a period."
    ),
    NotRead.OTHER_PERIOD: (
        "Its statement's columns end before the quarter its text reports, so no column is read "
        "as that quarter's."
    ),
    NotRead.NO_EXHIBIT: "The 8-K lists no EX-99 press release.",
    NotRead.FETCH_FAILED: "The press release could not be fetched.",
}


def nothing(why: NotRead) -> ReleaseResults:
    """No results, and why (the fetching code says NO_EXHIBIT or FETCH_FAILED with it)."""
    return ReleaseResults(False, why, None, ReleaseFigures.nothing(Gap.NO_STATEMENT), None)


def to_json(results: ReleaseResults) -> dict[str, Any]:
    """`catalyst results --json`: found, reason (a sentence for people) and reason_code (its
    code: "no_statement"...), period_end (ISO), quarter, year, guidance."""
    why = results.reason
    return {
        "found": results.found,
        "reason": NOT_READ_TEXT.get(why, str(why)) if why else None,
        "reason_code": str(why) if why else None,
        "period_end": results.period_end.isoformat() if results.period_end else None,
        "quarter": _figures_json(results.quarter),
        "year": _figures_json(results.year) if results.year else None,
        "guidance": [
            {"period": str(g.period), "revenue_low": g.revenue_low, "revenue_high": g.revenue_high}
            for g in results.guidance
            if sensible(g.revenue_low) is not None and sensible(g.revenue_high) is not None
        ],
    }


def sensible(value: float | None) -> float | None:
    """`value` when it is a figure a release can state (finite, within ±LIMIT), else None: what
    reaches JSON is strict JSON (never NaN or Infinity), whatever a store or a reader held."""
    if value is None or not math.isfinite(value) or abs(value) > LIMIT:
        return None
    return value


def _figures_json(figures: ReleaseFigures) -> dict[str, float | None]:
    return {name: sensible(getattr(figures, name)) for name in FIGURES}


#: A place in places_json's format: a JSON list of these fields in this order, each of its type
#: (whole numbers at least 0). The order is the format the reader's child process is given: both
#: ends read it from here, and a place is built from it by name.
_PLACE_FORMAT: tuple[tuple[str, type], ...] = (
    ("figure", str),
    ("period", str),
    ("table", str),
    ("nth", int),
    ("row", str),
    ("section", str),
    ("column", int),
)


def places_json(places: tuple[Place, ...]) -> str:
    """A layout as one line of JSON (what the reader's child process is given)."""
    return json.dumps([[getattr(p, name) for name, _ in _PLACE_FORMAT] for p in places])


def places_from_json(text: str) -> tuple[Place, ...]:
    """The layout in `text` (places_json's); none where a place is not one."""
    try:
        rows = json.loads(text or "[]")
    except ValueError:
        return ()
    found = []
    for row in rows if isinstance(rows, list) else ():
        if isinstance(row, list) and len(row) == len(_PLACE_FORMAT):
            place = {name: value for (name, _), value in zip(_PLACE_FORMAT, row, strict=True)}
            if all(_holds(kind, place[name]) for name, kind in _PLACE_FORMAT):
                found.append(Place(**place))
    return tuple(found)


def _holds(kind: type, value: object) -> bool:
    """`value` is one of `kind` as the format has it: text, or a whole number at least 0."""
    return type(value) is int and value >= 0 if kind is int else isinstance(value, kind)
