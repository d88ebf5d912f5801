"""A milestone's quarter on the company's own fiscal calendar offline: with no annual figure
stored (SEC not reached), the year end the Street's stored consensus is of gives it. NVIDIA's
fiscal year 2026 ends 2026-01-25: a milestone due 2025-07-15 lies in its Q2 FY2026, not in the
calendar's third quarter of 2025."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.estimates import Consensus, StoredEstimates
from catalyst_tui.thesis.awaiting import quarter_of, year_end_of
from catalyst_tui.thesis.snapshot import MarketSnapshot

NOW = dt.datetime(2025, 8, 1, tzinfo=dt.UTC)
DUE = dt.date(2025, 7, 15)


def nvda_street(symbol: str) -> StoredEstimates | None:
    if symbol != "NVDA":
        return None
    periods = (
        Consensus("0q", dt.date(2025, 7, 31)),
        Consensus("0y", dt.date(2026, 1, 31)),
        Consensus("+1y", dt.date(2027, 1, 31)),
    )
    return StoredEstimates("NVDA", NOW.date(), "yahoo", None, periods, (), ())


def test_the_streets_fiscal_year_end_names_the_quarter_offline():
    snap = MarketSnapshot(now=NOW, street_of=nvda_street)
    year_end = year_end_of(snap, "NVDA")
    assert year_end == dt.date(2026, 1, 31)
    assert quarter_of(DUE, year_end).label == "Q2 FY2026"
    assert year_end_of(snap, "AAPL") is None  # nothing stored: the calendar's quarters
    assert quarter_of(DUE, None).label == "Q3 FY2025"
