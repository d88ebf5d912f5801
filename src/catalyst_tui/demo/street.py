"""The replay market's Street: what analysts expect of each company, in Yahoo's quoteSummary
shapes (earningsTrend, earningsHistory, and the consensus keys of calendarEvents), each value
`{"raw": ..., "fmt": ...}` as Yahoo writes them. The consensus sits a little under what each
quarter turns out to be (demo/company.py), revised up over the last 90 days; the past quarters
beat it by about 4%."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .company import quarter_end, released, statement
from .prices import unit

UNDER = 0.97  # the consensus, of what the quarter turns out to be
TREND = (1.0, 0.998, 0.99, 0.98, 0.97)  # now, 7, 30, 60 and 90 days ago, of today's consensus


def _val(value: float, places: int = 2) -> dict[str, Any]:
    return {"raw": value, "fmt": f"{value:.{places}f}"}


def _quarters_from(year: int, quarter: int, count: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(count):
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        out.append((year, quarter))
    return out


def _row(symbol: str, period: str, parts: list[tuple[int, int]], analysts: int) -> dict[str, Any]:
    eps = round(sum(statement(symbol, *p).eps_nongaap for p in parts) * UNDER, 4)
    revenue = round(sum(statement(symbol, *p).revenue for p in parts) * 1000 * UNDER, -3)
    return {
        "maxAge": 1,
        "period": period,
        "endDate": quarter_end(*parts[-1]).isoformat(),
        "earningsEstimate": {
            "avg": _val(eps),
            "low": _val(round(eps * 0.92, 4)),
            "high": _val(round(eps * 1.07, 4)),
            "numberOfAnalysts": _val(analysts, 0),
        },
        "revenueEstimate": {
            "avg": _val(revenue, 0),
            "low": _val(round(revenue * 0.96, -3), 0),
            "high": _val(round(revenue * 1.04, -3), 0),
            "numberOfAnalysts": _val(analysts - 1, 0),
        },
        "epsTrend": {
            key: _val(round(eps * share, 4))
            for key, share in zip(
                ("current", "7daysAgo", "30daysAgo", "60daysAgo", "90daysAgo"), TREND, strict=True
            )
        },
        "epsRevisions": {
            "upLast7days": _val(1, 0),
            "upLast30days": _val(analysts // 2, 0),
            "downLast30days": _val(1, 0),
            "downLast7Days": _val(0, 0),
        },
    }


def street_modules(symbol: str, now: datetime) -> dict[str, Any]:
    """earningsTrend and earningsHistory at `now`, and "calendar": calendarEvents' consensus."""
    last = released(symbol, now, 4)
    coming = _quarters_from(*last[-1], 8)
    year = coming[0][0]
    this_year = [(year, q) for q in range(1, 5)]
    analysts = 8 + int(unit(symbol, "analysts") * 12)
    trend = [
        _row(symbol, "0q", coming[:1], analysts),
        _row(symbol, "+1q", coming[1:2], analysts),
        _row(symbol, "0y", this_year, analysts + 2),
        _row(symbol, "+1y", [(year + 1, q) for q in range(1, 5)], analysts),
    ]
    history = []
    for n, (y, q) in enumerate(last):
        actual = statement(symbol, y, q).eps_nongaap
        estimate = round(actual / 1.04, 2)
        stamp = int(datetime.combine(quarter_end(y, q), datetime.min.time(), UTC).timestamp())
        history.append(
            {
                "maxAge": 1,
                "epsActual": _val(actual),
                "epsEstimate": _val(estimate),
                "surprisePercent": _val(round(actual / estimate - 1, 4), 4),
                "quarter": {"raw": stamp, "fmt": quarter_end(y, q).isoformat()},
                "period": f"-{len(last) - n}q",
            }
        )
    first = trend[0]
    calendar = {
        "earningsAverage": first["earningsEstimate"]["avg"]["raw"],
        "earningsLow": first["earningsEstimate"]["low"]["raw"],
        "earningsHigh": first["earningsEstimate"]["high"]["raw"],
        "revenueAverage": first["revenueEstimate"]["avg"]["raw"],
        "revenueLow": first["revenueEstimate"]["low"]["raw"],
        "revenueHigh": first["revenueEstimate"]["high"]["raw"],
    }
    return {
        "earningsTrend": {"trend": trend, "maxAge": 1},
        "earningsHistory": {"history": history, "maxAge": 86400},
        "calendar": calendar,
    }
