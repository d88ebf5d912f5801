"""An earnings release is public from its filing's acceptance: one accepted five minutes after
New York's close is known at the next day's close, not at its own day's (a real release read,
NVIDIA's fourth quarter of fiscal 2024, stored as an 8-K's)."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.sec.filings import EASTERN, Filing
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.store import Store
from catalyst_tui.store.as_of import PointInTime

from .conftest import T0
from .test_results import ARCHIVES, NVDA_Q4, eight_k


def test_a_release_accepted_after_the_close_is_known_the_next_day(store: Store):
    filing = eight_k(store, "ALAB", 4)  # accepted 2026-11-04 16:05 in New York
    assert filing.filing.accepted == dt.datetime(2026, 11, 4, 16, 5, tzinfo=EASTERN)
    results = read_release(NVDA_Q4.read_bytes())
    url = filing.filing.document_url(ARCHIVES, "q4fy24pr.htm")
    assert store.results.save("ALAB", filing, url, results, T0)
    history = PointInTime(store, "ALAB")
    assert history.snapshot(dt.date(2026, 11, 4)).releases == {}
    [known] = history.snapshot(dt.date(2026, 11, 5)).releases["ALAB"]
    assert known.accession == filing.accession


def test_a_release_accepted_before_the_close_is_known_that_day(store: Store):
    accepted = dt.datetime(2026, 11, 6, 15, 55, tzinfo=EASTERN)
    early = Filing(
        "0001736297",
        "0001736297-26-000006",
        "8-K",
        ("2.02",),
        accepted,
        accepted.date(),
        None,
        "alab-6.htm",
    )
    (record,) = store.evidence.save_filings("ALAB", [early], ARCHIVES, T0)
    assert store.results.save("ALAB", record, "u", read_release(NVDA_Q4.read_bytes()), T0)
    [known] = PointInTime(store, "ALAB").snapshot(dt.date(2026, 11, 6)).releases["ALAB"]
    assert known.accepted is not None and known.accepted.date() == dt.date(2026, 11, 6)
