"""The facts as known on each filing day, derived from the values kept as filed
(market/sec/as_filed.py `FiledFacts`, what replay reads a filing day after another), equal what
a companyfacts body holding those values alone derives (`known_by`, the body made and read again
by facts.py), on every real recording in ../shared/realdata/sec, filing day by filing day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support.shared import REALDATA

from catalyst_tui.market.sec.as_filed import FiledFacts, filed_values, filing_days, known_by

RECORDINGS = sorted((REALDATA / "sec").glob("sec_companyfacts_*.json"))


def ordered(path: Path) -> list:
    """The recording's values as the store gives them back: oldest filing first."""
    values = filed_values(json.loads(path.read_text()))
    return sorted(values, key=lambda v: (v.filed, v.accession, v.taxonomy, v.concept, v.period_end))


@pytest.mark.parametrize("path", RECORDINGS, ids=lambda p: p.stem.split("_")[2])
def test_each_filing_days_facts_equal_a_body_of_those_values_alone(path: Path):
    values = ordered(path)
    days = filing_days(values)
    assert days, path
    facts = FiledFacts(values)
    for _day, upto in days[:: max(1, len(days) // 12)] + days[-1:]:
        assert facts.known_by(upto) == known_by(values, upto), (path.name, _day)
