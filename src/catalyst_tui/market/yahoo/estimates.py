"""The Street's view from Yahoo: one v10 quoteSummary request a symbol for the modules
calendarEvents (the next report's date and consensus), earningsTrend (the consensus of this and
next quarter and fiscal year, its 90-day trend and revisions) and earningsHistory (the last four
quarters' surprises), on the cookie and crumb the quote batches use (session.py).

Yahoo writes a value as a bare number (`formatted=false`, as the recordings were asked) or as
`{"raw": 1.61, "fmt": "1.61"}`: `raw` is read, a `fmt` never. A module absent, or a value that is
no number or out of its bounds (market/estimates.py), is no value; the rest of the answer stands.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ..currency import CURRENCY_RE, MINOR_UNITS
from ..estimates import (
    PERIODS,
    Consensus,
    Estimates,
    Range,
    Surprise,
    count_value,
    eps_value,
    revenue_value,
    surprise_value,
)
from ..provider import EstimatesSource, body_shape
from ..values import number
from .earnings import next_date, quote_summary, summary_result

if TYPE_CHECKING:
    from ..http.client import MarketClient
    from .session import YahooCrumb

MODULES = "calendarEvents,earningsTrend,earningsHistory"
_LAST_STAMP = datetime(9999, 12, 31, tzinfo=UTC).timestamp()
_TREND_KEYS = ("current", "7daysAgo", "30daysAgo", "60daysAgo", "90daysAgo")


class YahooEstimates(EstimatesSource):
    """quoteSummary's consensus modules, with the session of a YahooCrumb (the quotes')."""

    name = "yahoo"

    def __init__(self, base_url: str, crumb: YahooCrumb) -> None:
        self.base_url = base_url.rstrip("/")
        self.crumb = crumb

    async def estimates(self, client: MarketClient, symbol: str, today: date) -> Estimates | None:
        body = await quote_summary(
            client, self.crumb, self.base_url, symbol, {"modules": MODULES, "formatted": "false"}
        )
        return parse_estimates(body, symbol, today)


def parse_estimates(body: str, symbol: str, today: date) -> Estimates | None:
    """The estimates of a quoteSummary answer; None for a symbol Yahoo keeps no fundamentals of
    (a fund, a coin, a currency); FetchError for an error or an answer of another shape."""
    result = summary_result(body, symbol)
    if result is None:
        return None
    with body_shape("yahoo", symbol):
        calendar = _object(_object(result.get("calendarEvents")).get("earnings"))
        trend = _object(result.get("earningsTrend")).get("trend")
        history = _object(result.get("earningsHistory")).get("history")
        periods = {c.period: c for c in map(_consensus, _objects(trend)) if c is not None}
        surprises = sorted(
            (s for s in map(_surprise, _objects(history)) if s is not None),
            key=lambda s: s.quarter,
        )
    return Estimates(
        symbol,
        "yahoo",
        next_date=next_date(result, symbol, today),
        next_report=_next_report(calendar),
        periods=tuple(periods[p] for p in PERIODS if p in periods),
        history=tuple(surprises),
    )


def raw(value: object) -> float | None:
    """A number Yahoo wrote bare or as {"raw": ..., "fmt": ...}; None for anything else."""
    if isinstance(value, dict):
        value = value.get("raw")
    return number(value)


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _objects(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _next_report(calendar: dict[str, Any]) -> Consensus | None:
    """calendarEvents' consensus for the next report (no count of analysts: it says none)."""

    def said(prefix: str, value: Any) -> Range:
        low, high = raw(calendar.get(f"{prefix}Low")), raw(calendar.get(f"{prefix}High"))
        return Range(value(raw(calendar.get(f"{prefix}Average"))), value(low), value(high))

    eps, revenue = said("earnings", eps_value), said("revenue", revenue_value)
    if eps == Range() and revenue == Range():
        return None
    return Consensus("0q", eps=eps, revenue=revenue)


def _range(estimate: dict[str, Any], value: Any) -> Range:
    """An estimate; none where its count of analysts is bad data (negative, fractional, past
    MAX_COUNT), and only the count where it is 0 (Yahoo fills the figures of no analyst with
    0.00: no consensus, not a consensus of zero)."""
    count = raw(estimate.get("numberOfAnalysts"))
    analysts = count_value(count)
    if count is not None and analysts is None:
        return Range()
    if analysts == 0:
        return Range(analysts=0)
    return Range(
        value(raw(estimate.get("avg"))),
        value(raw(estimate.get("low"))),
        value(raw(estimate.get("high"))),
        analysts,
    )


def _consensus(item: dict[str, Any]) -> Consensus | None:
    period = item.get("period")
    if period not in PERIODS:  # "-1q", "+5y" (growth rows): not a consensus shown
        return None
    trend = _object(item.get("epsTrend"))
    revisions = {str(k).lower(): v for k, v in _object(item.get("epsRevisions")).items()}
    estimate = _object(item.get("earningsEstimate"))
    eps = _range(estimate, eps_value)
    # The trend of an estimate of no analyst, or of a bad count, is Yahoo's fill too.
    said = eps.average is not None or raw(estimate.get("numberOfAnalysts")) is None
    return Consensus(
        period,
        end=_day(item.get("endDate")),
        eps=eps,
        revenue=_range(_object(item.get("revenueEstimate")), revenue_value),
        trend=tuple(eps_value(raw(trend.get(key))) if said else None for key in _TREND_KEYS),
        currency=_currency(estimate.get("earningsCurrency")),
        up_7d=count_value(raw(revisions.get("uplast7days"))),
        up_30d=count_value(raw(revisions.get("uplast30days"))),
        down_7d=count_value(raw(revisions.get("downlast7days"))),
        down_30d=count_value(raw(revisions.get("downlast30days"))),
    )


def _currency(value: object) -> str | None:
    """A currency's code as Yahoo writes it (CNY, or GBp for pence); None for anything else."""
    if not isinstance(value, str):
        return None
    return value if CURRENCY_RE.fullmatch(value) or value in MINOR_UNITS else None


def _surprise(item: dict[str, Any]) -> Surprise | None:
    stamp = raw(item.get("quarter"))  # the quarter's end, epoch seconds
    if stamp is None or not 0 <= stamp <= _LAST_STAMP:
        return None
    return Surprise(
        datetime.fromtimestamp(stamp, UTC).date(),
        eps_value(raw(item.get("epsActual"))),
        eps_value(raw(item.get("epsEstimate"))),
        surprise_value(raw(item.get("surprisePercent"))),
    )


def _day(value: object) -> date | None:
    """An ISO day ("2025-03-31") as earningsTrend writes a period's end."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
