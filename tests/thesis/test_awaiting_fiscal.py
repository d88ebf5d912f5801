"""A milestone's quarter on the company's own fiscal calendar. Offline, with no annual figure
stored (SEC not reached), the year end the Street's stored consensus is of names it: NVIDIA's
fiscal year 2026 ends 2026-01-25, so a milestone due 2025-07-15 lies in its Q2 FY2026, not in the
calendar's third quarter of 2025. With NVIDIA's real companyfacts read, the quarter is the one
its filings report: Q2 FY2025 ended 2024-07-28 (its 10-Q of 2024-08-28)."""

from __future__ import annotations

import datetime as dt
import json

from catalyst_tui.market.estimates import Consensus, StoredEstimates
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.thesis.awaiting import Calendar, calendar_of, quarter_of
from catalyst_tui.thesis.snapshot import MarketSnapshot
from tests.support.shared import REALDATA

NOW = dt.datetime(2025, 8, 1, tzinfo=dt.UTC)
DUE = dt.date(2025, 7, 15)
NVDA = REALDATA / "sec" / "sec_companyfacts_NVDA_CIK0001045810.json"


def nvda_street(symbol: str) -> StoredEstimates | None:
    if symbol != "NVDA":
        return None
    periods = (
        Consensus("0q", dt.date(2025, 7, 31)),
        Consensus("0y", dt.date(2026, 1, 31)),
        Consensus("+1y", dt.date(2027, 1, 31)),
    )
    return StoredEstimates("NVDA", NOW.date(), "yahoo", None, periods, (), ())


def nvda_read() -> MarketSnapshot:
    """NVIDIA's real companyfacts, as a refresh derives and stores them."""
    snap = MarketSnapshot(now=NOW)
    for fact in derive_facts(json.loads(NVDA.read_text())):
        snap.facts.setdefault("NVDA", {}).setdefault(fact.concept, []).append(fact)
    return snap


def test_the_streets_fiscal_year_end_names_the_quarter_offline():
    snap = MarketSnapshot(now=NOW, street_of=nvda_street)
    known = calendar_of(snap, "NVDA")
    assert known == Calendar((), (dt.date(2026, 1, 31), dt.date(2027, 1, 31)))
    assert quarter_of(DUE, known).label == "Q2 FY2026"
    assert calendar_of(snap, "AAPL") == Calendar()  # nothing stored: no year to name it by
    assert quarter_of(DUE, Calendar()) == (dt.date(2025, 9, 30), "")


def test_nvidias_quarters_are_the_ones_its_filings_report():
    """The frames SEC tagged in the recording: CY2024Q2 is NVIDIA's quarter of 2024-04-29 to
    2024-07-28, in the fiscal year that ended 2025-01-26 (its 10-K of 2025-02-26)."""
    body = json.loads(NVDA.read_text())
    [frame] = [
        e
        for e in body["facts"]["us-gaap"]["Revenues"]["units"]["USD"]
        if e.get("frame") == "CY2024Q2"
    ]
    assert (frame["start"], frame["end"]) == ("2024-04-29", "2024-07-28")
    known = calendar_of(nvda_read(), "NVDA")
    assert dt.date(2025, 1, 26) in known.years
    for due in (dt.date(2024, 6, 30), dt.date(2024, 4, 29), dt.date(2024, 7, 28)):
        assert quarter_of(due, known) == (dt.date(2024, 7, 28), "Q2 FY2025"), due
    assert quarter_of(dt.date(2025, 6, 30), known) == (dt.date(2025, 7, 27), "Q2 FY2026")
    assert quarter_of(dt.date(2024, 7, 29), known).label == "Q3 FY2025"
    assert quarter_of(dt.date(2024, 1, 28), known) == (dt.date(2024, 1, 28), "Q4 FY2024")
