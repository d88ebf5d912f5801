"""The replay market's Street (demo/street.py): its quoteSummary answer reads as Yahoo's does
(market/yahoo/estimates.py), with the recorded calendar's consensus keys, four periods and four
surprises; its consensus sits under what the quarter turns out to be."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from catalyst_tui.demo import yahoo
from catalyst_tui.demo.company import released, statement
from catalyst_tui.market.yahoo.estimates import MODULES, parse_estimates
from tests.support.shared import SAMPLES

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def test_the_demo_street_reads_as_yahoos_answer():
    body = yahoo.calendar("ALAB", NOW, MODULES.split(","))
    found = parse_estimates(body, "ALAB", NOW.date())
    assert found is not None
    assert [p.period for p in found.periods] == ["0q", "+1q", "0y", "+1y"]
    assert len(found.history) == 4 and all(s.surprise and s.surprise > 0 for s in found.history)
    recorded = json.loads((SAMPLES / "yahoo_quoteSummary-calendarEvents-AAPL.json").read_text())
    theirs = recorded["quoteSummary"]["result"][0]["calendarEvents"]["earnings"]
    mine = json.loads(body)["quoteSummary"]["result"][0]["calendarEvents"]["earnings"]
    assert set(theirs) - {"earningsCallDate"} <= set(mine)
    ((year, quarter),) = released("ALAB", NOW, 1)
    coming = statement("ALAB", *((year + 1, 1) if quarter == 4 else (year, quarter + 1)))
    q = found.period("0q")
    assert q is not None and q.eps.average is not None and q.revenue.average is not None
    assert q.eps.average < coming.eps_nongaap and q.revenue.average < coming.revenue * 1000
    assert found.next_report is not None and found.next_report.eps.average == q.eps.average


def test_the_calendar_alone_is_unchanged_when_only_it_is_asked():
    body = json.loads(yahoo.calendar("ALAB", NOW))["quoteSummary"]["result"][0]
    assert set(body) == {"calendarEvents"}
    assert "earningsAverage" not in body["calendarEvents"]["earnings"]
