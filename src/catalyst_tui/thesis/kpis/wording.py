"""Why a KPI read from words has no value, in words: thesis/wording.py's `missing_text` for the
codes of thesis/kpis/metrics.py, in a module of their own beside it."""

from __future__ import annotations

from ..observation import Missing, MissingCode

KPI_CODES = frozenset(
    {MissingCode.NO_KPI, MissingCode.KPI_FORECAST_ONLY, MissingCode.KPI_UNSETTLED}
)


def kpi_missing_text(missing: Missing) -> str:
    """ "no release, call or filing read so far states Scorpio's share of revenue"; with only
    forecasts read, the newest of them; a statement too loose for the comparison, with it:
    "Scorpio's share of revenue: over 10% of revenue (ALAB text of 2025-11-04) does not say
    whether it is >= 20%"."""
    what = _what(missing.metric, missing.text, missing.symbol)
    if missing.code == MissingCode.NO_KPI:
        return f"no release, call or filing read so far states {what}"
    if missing.code == MissingCode.KPI_UNSETTLED:
        stated, comparison = (*missing.symbols, "", "")[:2]
        return f"{what}: {stated} does not say whether it is {comparison}"
    newest = missing.symbols[0] if missing.symbols else ""
    return (
        f"only forecasts of {what} read so far, the newest {newest}: a forecast is not what "
        "happened"
    )


def _what(metric: str, subject: str, symbol: str) -> str:
    if metric == "share":
        return f"{subject}'s share of revenue"
    if metric == "growth":
        return f"{subject}'s revenue growth"
    return f"the direction of {symbol}'s guidance"
