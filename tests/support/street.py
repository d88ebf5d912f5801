"""The Street's view in Yahoo's quoteSummary shapes, for the loopback market and the parser's
tests: earningsTrend and earningsHistory as yfinance and yahooquery read them (each value
`{"raw": ..., "fmt": ...}`, as Yahoo writes them unless asked `formatted=false`), and
calendarEvents' consensus keys. No recording of these modules exists in ../shared: the tests
build their answers here, and each figure a test asserts is one it put in."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


def val(value: float | None, fmt: str | None = None) -> dict[str, Any]:
    """A value as Yahoo writes it: {} for none, else raw and its formatted text."""
    if value is None:
        return {}
    return {"raw": value, "fmt": fmt if fmt is not None else f"{value:.2f}"}


def estimate(
    avg: float | None,
    low: float | None = None,
    high: float | None = None,
    analysts: int | None = None,
) -> dict[str, Any]:
    out = {"avg": val(avg), "low": val(low), "high": val(high)}
    out["numberOfAnalysts"] = val(analysts, str(analysts)) if analysts is not None else {}
    return out


def trend_row(
    period: str,
    end: date,
    eps: tuple[float | None, float | None, float | None, int | None],
    revenue: tuple[float | None, float | None, float | None, int | None],
    trend: tuple[float | None, ...] = (None,) * 5,
    revisions: tuple[int | None, int | None, int | None, int | None] = (None,) * 4,
) -> dict[str, Any]:
    """One earningsTrend row: `revisions` up 7d, up 30d, down 7d, down 30d."""
    keys = ("current", "7daysAgo", "30daysAgo", "60daysAgo", "90daysAgo")
    up7, up30, down7, down30 = revisions
    return {
        "maxAge": 1,
        "period": period,
        "endDate": end.isoformat(),
        "growth": val(0.1, "10.00%"),
        "earningsEstimate": estimate(*eps) | {"yearAgoEps": val(0.5), "growth": val(0.2)},
        "revenueEstimate": estimate(*revenue) | {"yearAgoRevenue": val(1e8), "growth": val(0.3)},
        "epsTrend": {k: val(v) for k, v in zip(keys, trend, strict=True)},
        "epsRevisions": {
            "upLast7days": val(up7),
            "upLast30days": val(up30),
            "downLast30days": val(down30),
            "downLast7Days": val(down7),
        },
    }


def history_row(
    quarter: date,
    actual: float | None,
    estimate_: float | None,
    surprise: float | None,
    period: str = "-1q",
) -> dict[str, Any]:
    stamp = int(datetime(quarter.year, quarter.month, quarter.day, tzinfo=UTC).timestamp())
    return {
        "maxAge": 1,
        "epsActual": val(actual),
        "epsEstimate": val(estimate_),
        "epsDifference": val(None if actual is None or estimate_ is None else actual - estimate_),
        "surprisePercent": val(surprise, None if surprise is None else f"{surprise:.2%}"),
        "quarter": val(stamp, quarter.isoformat()),
        "period": period,
    }


def modules(
    trend: list[dict[str, Any]],
    history: list[dict[str, Any]],
    calendar: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What MarketServer.street takes for a symbol."""
    out: dict[str, Any] = {
        "earningsTrend": {"trend": trend, "maxAge": 1},
        "earningsHistory": {"history": history, "maxAge": 86400},
    }
    if calendar is not None:
        out["calendarEvents"] = calendar
    return out
