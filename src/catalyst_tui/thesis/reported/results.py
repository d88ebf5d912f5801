"""Earnings releases against the filings: a stored release (`Release`), its quarter merged into
the reported facts until SEC's XBRL has that quarter, whether XBRL confirms it, the guidance
before it, and the fiscal quarter's name. Pure: the store loads releases and facts, the metrics
(thesis/reported/releases.py), the views and notifications read these functions.

Equal, between a release and XBRL, is equal at the precision the release printed: an amount
"in thousands" is a multiple of a thousand, so XBRL's value rounds to it within half a
thousand; a per-share figure within half a cent. A fourth quarter is never tagged in XBRL, only
derived (a year less nine months, each rounded), so it may be off by one unit of that precision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ...market.models import SAME_PERIOD_DAYS, Fact
from ...reading.release.records import GuidancePeriod, ReleaseFigures, ReleaseResults

RELEASE_FORM = "8-K"  # a Fact read from a release carries this form
QUARTER_BEFORE = range(80, 101)  # days from one quarter's end to the next one's
#: A release's quarter figure and the fundamentals concept that reports it in XBRL.
QUARTER_CONCEPTS = {
    "revenue": "revenue_q",
    "gross_profit": "gross_profit_q",
    "operating_income": "operating_income_q",
    "net_income": "net_income_q",
    "eps_diluted": "eps_diluted_q",
}
CONFIRMING = ("revenue", "net_income", "eps_diluted")  # what XBRL must equal to confirm
_PER_SHARE = frozenset({"eps_diluted", "eps_nongaap"})
_CENT = 0.01

Facts = Mapping[str, list[Fact]]  # by concept, each sorted by period end


class Release(NamedTuple):
    """An earnings release as stored: the 8-K it came with and what was read from it."""

    symbol: str
    accession: str
    url: str  # the exhibit's address (the filing index when no exhibit was found)
    filed: dt.date
    accepted: dt.datetime | None
    results: ReleaseResults
    detail: str = ""  # why a fetch failed, in words (results.reason is FETCH_FAILED)

    @property
    def period_end(self) -> dt.date | None:
        return self.results.period_end

    def quarter_guide(self) -> tuple[float, float] | None:
        """The next quarter's revenue range (low, high) this release gave, if any."""
        return next(
            (
                (g.revenue_low, g.revenue_high)
                for g in self.results.guidance
                if g.period is GuidancePeriod.QUARTER
            ),
            None,
        )


class Difference(NamedTuple):
    """A figure where XBRL, filed later, says otherwise than the release."""

    figure: str  # a key of the release's quarter: revenue, net_income, eps_diluted, ...
    release: float
    filed: float


class Check(NamedTuple):
    """A release against XBRL: `filed` the XBRL figures of its quarter (None where XBRL has
    none), `confirmed` when revenue, net income and diluted EPS are there and equal."""

    filed: dict[str, float | None]
    confirmed: bool
    differences: tuple[Difference, ...]


def same(figure: str, release: float, filed: float, *, derived: bool = False) -> bool:
    """Equal at the precision the release printed (module docstring); a derived fourth quarter
    may be one unit off."""
    unit = _CENT if figure in _PER_SHARE else _precision(release)
    slack = unit if derived else unit / 2
    return abs(release - filed) <= slack + 1e-9 * max(1.0, abs(release))


def _precision(value: float) -> float:
    """The unit of the last non-zero digit of a whole amount, at most a million: 415,000,000
    read "in thousands" (or millions) is 1e6, 414,987,000 is 1e3."""
    whole = round(abs(value))
    unit = 1
    while unit < 1_000_000 and whole % (unit * 10) == 0 and whole:
        unit *= 10
    return float(unit)


def quarter_fact(facts: Facts, concept: str, end: dt.date) -> Fact | None:
    """XBRL's fact of `concept` for the period ending about `end` (a quarter, or the fiscal
    year of `revenue_fy`; a release's own excluded)."""
    for fact in reversed(facts.get(concept, ())):
        if fact.form != RELEASE_FORM and abs((fact.period_end - end).days) <= SAME_PERIOD_DAYS:
            return fact
    return None


def check(release: Release, facts: Facts) -> Check:
    """The release's quarter against the XBRL facts the store has."""
    quarter, end = release.results.quarter, release.period_end
    filed: dict[str, float | None] = {}
    differences = []
    agreed = 0
    for figure, concept in QUARTER_CONCEPTS.items():
        fact = quarter_fact(facts, concept, end) if end is not None else None
        filed[figure] = fact.value if fact is not None else None
        said = getattr(quarter, figure)
        if fact is None or said is None:
            continue
        if same(figure, said, fact.value, derived="(FY" in fact.source_concept):
            agreed += figure in CONFIRMING
        else:
            differences.append(Difference(figure, said, fact.value))
    return Check(filed, agreed == len(CONFIRMING) and not differences, tuple(differences))


def merge(facts: Facts, releases: Iterable[Release]) -> tuple[dict[str, list[Fact]], bool]:
    """The facts with each release's quarter (and a Q4 release's year revenue) added where XBRL
    has no such period yet: the metrics read a release the evening it lands, and the filing once
    it is in. Whether some figure of a period XBRL has since differs from its release (the
    metrics then say what the release gave: `release_first`)."""
    merged = {concept: list(rows) for concept, rows in facts.items()}
    differs = False
    for release, figure, concept, value in _release_figures(releases):
        end = release.period_end
        assert end is not None
        filed = quarter_fact(facts, concept, end)
        if filed is None:
            merged.setdefault(concept, []).append(_as_fact(release, concept, value))
        elif not same(figure, value, filed.value, derived="(FY" in filed.source_concept):
            differs = True
    for rows in merged.values():
        rows.sort(key=lambda f: f.period_end)
    return merged, differs


def release_first(facts: Facts, releases: Iterable[Release]) -> dict[str, list[Fact]]:
    """The facts with every release figure in place of XBRL's for its period: what the metrics
    would say on the releases alone (Observation.released)."""
    merged = {concept: list(rows) for concept, rows in facts.items()}
    for release, _figure, concept, value in _release_figures(releases):
        end = release.period_end
        assert end is not None
        rows = merged.setdefault(concept, [])
        rows[:] = [f for f in rows if abs((f.period_end - end).days) > SAME_PERIOD_DAYS]
        rows.append(_as_fact(release, concept, value))
        rows.sort(key=lambda f: f.period_end)
    return merged


def _release_figures(releases: Iterable[Release]) -> list[tuple[Release, str, str, float]]:
    """(release, figure, concept, value) of every figure stated, the latest release of a
    period winning (an amended release after the first)."""
    latest: dict[dt.date, Release] = {}
    for r in sorted(releases, key=lambda r: (r.filed, r.accession)):
        if r.results.found and r.period_end is not None:
            latest[r.period_end] = r
    out = []
    for _end, release in sorted(latest.items()):
        out += [
            (release, figure, concept, value)
            for figure, concept in QUARTER_CONCEPTS.items()
            if (value := getattr(release.results.quarter, figure)) is not None
        ]
        year = release.results.year
        if year is not None and year.revenue is not None:
            out.append((release, "revenue", "revenue_fy", year.revenue))
    return out


def _as_fact(release: Release, concept: str, value: float) -> Fact:
    end = release.period_end
    assert end is not None
    unit = "USD/shares" if concept == "eps_diluted_q" else "USD"
    return Fact(
        concept, None, end, value, unit, RELEASE_FORM, release.filed, f"release {release.accession}"
    )


# -- guidance ----------------------------------------------------------------------------------


def guided(releases: Iterable[Release], quarter_end: dt.date) -> Release | None:
    """The release before the quarter ending `quarter_end` (the one of the quarter before it)
    when it guided the next quarter's revenue."""
    found = [
        r
        for r in releases
        if r.period_end is not None
        and r.quarter_guide() is not None
        and (quarter_end - r.period_end).days in QUARTER_BEFORE
    ]
    return max(found, key=lambda r: r.filed) if found else None


def midpoint(guide: tuple[float, float]) -> float:
    return (guide[0] + guide[1]) / 2


def guide_of(releases: Iterable[Release], quarter_end: dt.date) -> tuple[float, float] | None:
    """The revenue range guided for the quarter ending `quarter_end` (by `guided`'s release)."""
    before = guided(releases, quarter_end)
    return before.quarter_guide() if before is not None else None


def versus(revenue: float, guide: tuple[float, float] | None) -> float | None:
    """`revenue` against the midpoint of `guide` (0.06: 6% above); None without a guide."""
    if guide is None or midpoint(guide) <= 0:
        return None
    return revenue / midpoint(guide) - 1


def gross_margin(quarter: ReleaseFigures) -> float | None:
    """The quarter's gross profit over its revenue, where the release states both."""
    if not quarter.revenue or quarter.gross_profit is None:
        return None
    return quarter.gross_profit / quarter.revenue


def in_line(vs_guide: float) -> bool:
    """Whether a quarter is on its guide's midpoint as shown (0.0%): neither a beat nor a miss
    in words (a guard `revenue_vs_guide >= 0%` still holds)."""
    return round(vs_guide, 3) == 0


# -- the fiscal quarter ------------------------------------------------------------------------


def fiscal_label(quarter_end: dt.date, year_ends: Iterable[dt.date]) -> str | None:
    """'Q3 FY26': the quarter's place in the fiscal year, told by the latest fiscal year end
    known (a 10-K's period, or XBRL's fiscal-year revenue), the fiscal year named by the
    calendar year it ends in (NVIDIA's year to January 2026 is FY26). None without a year
    end, or when the quarter does not fall a whole number of quarters before one."""
    known = max(year_ends, default=None)
    if known is None:
        return None
    year = quarter_end.year - 1
    while True:
        end = _on_year(known, year)
        if end >= quarter_end - dt.timedelta(days=SAME_PERIOD_DAYS):
            break
        year += 1
    days = (end - quarter_end).days
    left = round(days / 91.3)
    if left > 3 or abs(days - left * 91.3) > 20:
        return None
    return f"Q{4 - left} FY{end.year % 100:02d}"


def _on_year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)
