"""The metrics of the Street's view: the consensus of this quarter and of this and next fiscal
year, its revisions, the forward P/E, and the latest release against the consensus frozen
before it (market/estimates.py, store/estimates.py). thesis/catalogue.py names them.

A consensus is the analysts' average as the provider last gave it (the day it was read is in
the value's note: a provider's gap leaves the last one). A count of analysts said and below
MIN_ANALYSTS is no consensus: one analyst's number is an opinion. Nor is the consensus of a
period that has ended and been reported (a report of it read, or its ceiling passed: 100 days
after its end, thesis/awaiting.py): a fiscal year to 2025-09-30 read in November 2026 is
history, not the Street's view now (`ended`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from ...market.currency import unit_rate
from ...market.estimates import Consensus, Frozen, Range, StoredEstimates
from ..observation import Missing, MissingCode, Observation, Period, PeriodKind, ValueSource

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from ..snapshot import MarketSnapshot
    from .results import Release

MIN_ANALYSTS = 2
#: A forward P/E past this is none: the consensus is next to zero (a P/E of 10,000 is a
#: hundredth of a percent earned on the price), and 1e-300 would give a ratio of 300 digits.
MAX_FORWARD_PE = 10_000.0
#: A 30-day revision past this (as a fraction: 10,000%) is none: a consensus next to zero then.
MAX_REVISION = 100.0
REPORT_DAYS = 10  # a frozen consensus without a quarter's end: its report within this of the 8-K


def _range(stored: StoredEstimates, period: str, figure: str) -> tuple[Consensus, Range] | None:
    found = stored.period(period)
    if found is None and period == "0q":
        found = stored.next_report  # calendarEvents alone: the next report's consensus
    if found is None:
        return None
    said: Range = getattr(found, figure)
    return None if said.average is None and said.analysts is None else (found, said)


def ended(
    symbol: str, snap: MarketSnapshot, consensus: Consensus, metric: str
) -> Observation | None:
    """No value, saying so, when `consensus` is of a period that ended before the snapshot's
    day and was reported since (a report of it read), or whose ceiling passed; None while it is
    current."""
    end = consensus.end
    today = snap.now.date()
    if end is None or end >= today:
        return None
    # The report's rules, with the first period ended (the calendar's arithmetic with them: the
    # watchlist's first frame reads the Street without them).
    from ..awaiting import CEILING, NEAR, reported_through

    through = reported_through(snap, symbol)
    if today <= end + CEILING and (through is None or through < end - NEAR):
        return None  # ended, its report awaited: the consensus it will be held against
    missing = Missing(MissingCode.STREET_PERIOD_ENDED, symbol, metric, text=end.isoformat())
    return Observation(None, missing)


def _consensus(
    symbol: str, snap: MarketSnapshot, metric: str, period: str, figure: str
) -> Observation:
    stored = snap.street(symbol)
    if stored is None:
        return Observation(None, Missing(MissingCode.NO_ESTIMATES, symbol))
    found = _range(stored, period, figure)
    if found is None:
        return Observation(None, Missing(MissingCode.NO_CONSENSUS, symbol, metric))
    consensus, said = found
    if (old := ended(symbol, snap, consensus, metric)) is not None:
        return old
    if said.analysts is not None and said.analysts < MIN_ANALYSTS:
        return Observation(
            None, Missing(MissingCode.FEW_ANALYSTS, symbol, metric, value=said.analysts)
        )
    if said.average is None:  # a count with no figure: Yahoo's zero analysts
        return Observation(None, Missing(MissingCode.NO_CONSENSUS, symbol, metric))
    return Observation(said.average, note=_note(stored, consensus, said))


def _note(stored: StoredEstimates, consensus: Consensus, said: Range) -> str:
    """'12 analysts, period to 2026-12-31, as of 2026-11-20'."""
    parts = [] if said.analysts is None else [f"{said.analysts} analysts"]
    if consensus.end is not None:
        parts.append(f"period to {consensus.end.isoformat()}")
    parts.append(f"as of {stored.day.isoformat()}")
    return ", ".join(parts)


def eps_estimate_q(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "eps_estimate_q", "0q", "eps")


def revenue_estimate_q(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "revenue_estimate_q", "0q", "revenue")


def eps_estimate_fy(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "eps_estimate_fy", "0y", "eps")


def eps_estimate_next_fy(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    return _consensus(symbol, snap, "eps_estimate_next_fy", "+1y", "eps")


def enough(said: Range) -> Range:
    """`said` where it is a consensus; only its count where fewer than MIN_ANALYSTS made it."""
    if said.analysts is not None and said.analysts < MIN_ANALYSTS:
        return Range(analysts=said.analysts)
    return said


def shown(stored: StoredEstimates) -> StoredEstimates:
    """`stored` as the screens and `catalyst estimates` show it: no figure of a period's EPS or
    revenue estimate made by fewer than MIN_ANALYSTS (its count stays), as no metric reads one."""
    periods = [p._replace(eps=enough(p.eps), revenue=enough(p.revenue)) for p in stored.periods]
    return stored._replace(periods=tuple(periods))


def year_consensus(symbol: str, year: Consensus | None) -> Observation:
    """This fiscal year's EPS consensus where it is one: said, by MIN_ANALYSTS or more analysts
    where their count is said (none, one, or a count Yahoo fills with 0.00, is no consensus)."""
    if year is None or (year.eps.average is None and year.eps.analysts is None):
        return Observation(None, Missing(MissingCode.NO_CONSENSUS, symbol, "eps_estimate_fy"))
    if year.eps.analysts is not None and year.eps.analysts < MIN_ANALYSTS:
        return Observation(
            None,
            Missing(MissingCode.FEW_ANALYSTS, symbol, "eps_estimate_fy", value=year.eps.analysts),
        )
    if year.eps.average is None:
        return Observation(None, Missing(MissingCode.NO_CONSENSUS, symbol, "eps_estimate_fy"))
    return Observation(year.eps.average)


def year_eps(year: Consensus | None) -> float | None:
    """This fiscal year's EPS consensus where it is one (year_consensus)."""
    return year_consensus("", year).value


class Money(NamedTuple):
    """The money a price is quoted in (None: the base's, as market.currency.unit_rate takes it) and
    the stored rates into the base currency that convert a consensus in another into it."""

    quoted: str | None = None
    base: str = "USD"
    rates: Mapping[str, float] = {}


#: A price and a consensus of no stated money, or of the base's, quoted in the base currency.
SAME_MONEY = Money()


def in_quote_money(symbol: str, eps: float, year: Consensus, money: Money) -> Observation:
    """`eps`, of `year`'s currency, in the quote's money at the stored rates (Yahoo gives BABA's
    US listing a consensus in CNY, SPOT's in EUR); none with the reason when a rate is not
    stored. A consensus of no stated currency is taken as the quote's."""
    said = year.currency
    if said is None or said == money.quoted or money.quoted is None and said == money.base:
        return Observation(eps)
    from_rate = unit_rate(said, money.base, money.rates)
    to_rate = unit_rate(money.quoted, money.base, money.rates)
    if from_rate is None or not to_rate:
        return Observation(
            None,
            Missing(
                MissingCode.STREET_CURRENCY, symbol, currency=said, text=money.quoted or money.base
            ),
        )
    return Observation(eps * from_rate / to_rate)


def pe_of(
    symbol: str, price: float | None, year: Consensus | None, money: Money = SAME_MONEY
) -> Observation:
    """The forward P/E, `price` / this fiscal year's EPS consensus in the quote's `money`: the
    one rule the metric, `catalyst estimates` and the watchlist read. None without either; when
    the consensus is zero or a loss; when its money has no stored rate; and when the ratio is
    past MAX_FORWARD_PE (a consensus next to zero, 1e-300, is no earnings a price is a multiple
    of)."""
    if price is None:
        return Observation(None, Missing(MissingCode.NO_QUOTE, symbol))
    eps = year_consensus(symbol, year)
    if eps.value is None:
        return eps
    if eps.value > 0:
        assert year is not None
        converted = in_quote_money(symbol, eps.value, year, money)
        if converted.value is None:
            return converted
        ratio = price / converted.value if converted.value > 0 else math.inf
    else:
        ratio = math.inf
    if eps.value <= 0 or not math.isfinite(ratio) or ratio > MAX_FORWARD_PE:
        return Observation(None, Missing(MissingCode.FORWARD_PE_UNDEFINED, symbol, value=eps.value))
    return Observation(ratio)


def price_over_eps(
    price: float | None, year: Consensus | None, money: Money = SAME_MONEY
) -> float | None:
    """The forward P/E by pe_of's rule; None where it gives none."""
    return pe_of("", price, year, money).value


def revision_of(symbol: str, year: Consensus | None) -> Observation:
    """This fiscal year's EPS consensus now against 30 days ago as the provider's EPS trend
    says them, (now - then) / |then|; None where it says either not, then is 0, the consensus
    is of fewer than MIN_ANALYSTS (one analyst's change of mind is no revision), or the move is
    past MAX_REVISION (a consensus next to zero 30 days ago)."""
    now = year.trend[0] if year is not None else None
    then = year.trend[2] if year is not None else None
    if year is not None and year.eps.analysts is not None and year.eps.analysts < MIN_ANALYSTS:
        return Observation(
            None,
            Missing(MissingCode.FEW_ANALYSTS, symbol, "eps_estimate_fy", value=year.eps.analysts),
        )
    if now is None or then is None or then == 0:
        return Observation(None, Missing(MissingCode.NO_REVISION_TREND, symbol))
    moved = (now - then) / abs(then)
    if not math.isfinite(moved) or abs(moved) > MAX_REVISION:
        return Observation(None, Missing(MissingCode.NO_REVISION_TREND, symbol))
    return Observation(moved)


def revision(year: Consensus | None) -> float | None:
    """The 30-day revision by revision_of's rule; None where it gives none."""
    return revision_of("", year).value


def _this_year(
    symbol: str, snap: MarketSnapshot
) -> tuple[StoredEstimates, Consensus | None] | Observation:
    """The Street's estimates of `symbol` and this fiscal year's consensus among them (None: not
    stated); no value, saying why, where none are stored or where that year ended (`ended`)."""
    stored = snap.street(symbol)
    if stored is None:
        return Observation(None, Missing(MissingCode.NO_ESTIMATES, symbol))
    year = stored.period("0y")
    if year is not None and (old := ended(symbol, snap, year, "eps_estimate_fy")) is not None:
        return old
    return stored, year


def eps_revision_30d(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """This fiscal year's EPS consensus now against 30 days ago: 0.05 is 5% higher."""
    found = _this_year(symbol, snap)
    if isinstance(found, Observation):
        return found
    stored, year = found
    moved = revision_of(symbol, year)
    if year is None or moved.value is None:
        return moved
    now, then = year.trend[0], year.trend[2]
    up = "" if year.up_30d is None else f"{year.up_30d} up"
    down = "" if year.down_30d is None else f"{year.down_30d} down"
    moves = " and ".join(p for p in (up, down) if p)
    note = f"{then:.2f} → {now:.2f}" + (f", {moves} in 30 days" if moves else "")
    return Observation(moved.value, note=f"{note}, as of {stored.day.isoformat()}")


def forward_pe(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """The price / this fiscal year's EPS consensus (pe_of)."""
    last = snap.quotes.get(symbol)
    quote = last.quote if last is not None else None
    if quote is None:
        return Observation(None, Missing(MissingCode.NO_QUOTE, symbol))
    found = _this_year(symbol, snap)
    if isinstance(found, Observation):
        return found
    stored, year = found
    money = Money(quote.currency, snap.base, snap.rates)
    found = pe_of(symbol, quote.price, year, money)
    if found.value is None:
        return found
    assert year is not None and year.eps.average is not None
    note = _note(stored, year, year.eps)
    converted = in_quote_money(symbol, year.eps.average, year, money).value
    if converted is not None and converted != year.eps.average:  # in another money: say so
        quoted = money.quoted or money.base
        note += f"; EPS {year.eps.average:.2f} {year.currency} = {converted:.2f} {quoted}"
    return Observation(found.value, note=note)


def frozen_for(stored: StoredEstimates | None, release: Release) -> Frozen | None:
    """The consensus kept before `release`: of its quarter (by its end), or, where the provider
    named no quarter, the one of a report within REPORT_DAYS of its 8-K and read before it."""
    from ...market.models import SAME_PERIOD_DAYS

    if stored is None or release.period_end is None:
        return None
    end = release.period_end
    for frozen in reversed(stored.frozen):
        if frozen.period_end is not None:
            if abs((frozen.period_end - end).days) <= SAME_PERIOD_DAYS:
                return frozen
        elif abs((frozen.report - release.filed).days) <= REPORT_DAYS and (
            frozen.as_of <= release.filed
        ):
            return frozen
    return None


def _latest(symbol: str, snap: MarketSnapshot) -> Release | None:
    found = [r for r in snap.releases.get(symbol, ()) if r.results.found and r.period_end]
    return max(found, key=lambda r: (r.period_end, r.filed), default=None)


def _versus(symbol: str, snap: MarketSnapshot, metric: str, eps: bool) -> Observation:
    release = _latest(symbol, snap)
    if release is None:
        return Observation(None, Missing(MissingCode.NO_RELEASE, symbol))
    assert release.period_end is not None
    quarter = Period(
        PeriodKind.QUARTER, release.period_end, filed=release.filed, source=ValueSource.RELEASE
    )
    frozen = frozen_for(snap.street(symbol), release)
    street = None if frozen is None else (frozen.eps if eps else frozen.revenue)
    if street is None or (eps and street == 0) or (not eps and street <= 0):
        return Observation(
            None, Missing(MissingCode.NO_FROZEN_CONSENSUS, symbol, metric, quarter=quarter)
        )
    figures = release.results.quarter
    actual = figures.revenue
    if eps:
        actual = figures.eps_nongaap if figures.eps_nongaap is not None else figures.eps_diluted
    if actual is None:
        return Observation(
            None, Missing(MissingCode.NOT_IN_QUARTER, symbol, metric, quarter=quarter)
        )
    # Both as they were that evening: the consensus read the day before, the EPS as printed.
    return Observation((actual - street) / abs(street), period=quarter)


def revenue_vs_consensus(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """The latest release's revenue against the Street's consensus frozen before it."""
    return _versus(symbol, snap, "revenue_vs_consensus", eps=False)


def eps_vs_consensus(symbol: str, snap: MarketSnapshot, _pin: dt.date | None) -> Observation:
    """The latest release's non-GAAP diluted EPS (its GAAP diluted EPS where it states none)
    against the Street's EPS consensus frozen before it."""
    return _versus(symbol, snap, "eps_vs_consensus", eps=True)
