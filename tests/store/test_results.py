"""store.results: a release stored once with its notice, read back as the parser gave it
(figures, why each missing one is missing, what was derived, the guidance), failed fetches
tried three times, and what the release evening's polling reads."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.market.sec.filings import EASTERN, Filing
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import NotRead, to_json
from catalyst_tui.store import Store
from catalyst_tui.store.evidence import READ_ATTEMPTS
from catalyst_tui.store.records import FilingRecord
from tests.support.shared import PRESS_RELEASES

from .conftest import T0

ARCHIVES = "https://www.sec.gov"
NVDA_Q4 = PRESS_RELEASES / "NVDA_0001045810-24-000028_q4fy24pr.htm"  # a year and a guide
TSLA = PRESS_RELEASES / "TSLA_0001628280-25-000007_exhibit991.htm"  # deliveries: nothing


def eight_k(
    store: Store, symbol: str, n: int, items: tuple[str, ...] = ("2.02", "9.01"), form: str = "8-K"
) -> FilingRecord:
    accepted = dt.datetime(2026, 11, n, 16, 5, tzinfo=EASTERN)
    filing = Filing(
        "0001736297",
        f"0001736297-26-{n:06d}",
        form,
        items,
        accepted,
        accepted.date(),
        None,
        f"alab-{n}.htm",
    )
    (record,) = store.evidence.save_filings(symbol, [filing], ARCHIVES, T0)
    return record


def test_a_release_is_stored_once_with_its_notice_and_reads_back_as_read(store: Store):
    filing = eight_k(store, "ALAB", 4)
    results = read_release(NVDA_Q4.read_bytes())
    url = filing.filing.document_url(ARCHIVES, "q4fy24pr.htm")
    assert store.results.save("ALAB", filing, url, results, T0, notice=("ALAB", "results"))
    assert not store.results.save("ALAB", filing, url, results, T0, notice=("ALAB", "again"))
    (stored,) = store.results.releases("ALAB")
    assert (stored.accession, stored.url, stored.filed) == (filing.accession, url, filing.filed)
    assert stored.accepted == filing.accepted
    assert to_json(stored.results) == to_json(results)
    assert stored.results.quarter.missing == results.quarter.missing
    assert stored.results.quarter.derived == results.quarter.derived
    assert stored.results.year is not None and results.year is not None
    assert stored.results.year.missing == results.year.missing
    notices = [r for r in store.outbox.rows() if r.event_id is None]
    assert len(notices) == 1
    assert store.results.unread(["ALAB"]) == []


def test_a_release_that_gives_nothing_is_kept_with_its_reason_and_not_read_again(store: Store):
    filing = eight_k(store, "ALAB", 5)
    results = read_release(TSLA.read_bytes())
    assert not results.found
    assert store.results.save("ALAB", filing, "u", results, T0)
    (stored,) = store.results.releases("ALAB")
    assert (stored.results.found, stored.results.reason) == (False, NotRead.NO_STATEMENT)
    assert store.results.unread(["ALAB"]) == []
    assert store.results.of_symbols(["ALAB"]) == {}  # metrics read found releases only


def test_unread_is_the_symbols_8ks_with_results_newest_first(store: Store):
    older, newer = eight_k(store, "ALAB", 3), eight_k(store, "ALAB", 6)
    eight_k(store, "ALAB", 7, items=("5.02",))
    eight_k(store, "ALAB", 8, items=("2.02",), form="10-Q")
    eight_k(store, "CRDO", 9)
    unread = store.results.unread(["ALAB"])
    assert [f.accession for f in unread] == [newer.accession, older.accession]
    assert store.results.last_results_filed(["ALAB"]) == {"ALAB": newer.accepted}


def test_a_failed_fetch_is_tried_again_then_given_up(store: Store):
    filing = eight_k(store, "ALAB", 4)
    for attempt in range(1, READ_ATTEMPTS + 1):
        assert [f.accession for f in store.results.unread(["ALAB"])] == [filing.accession]
        store.results.failed("ALAB", filing, "u", f"HTTP 503 ({attempt})", T0)
    assert store.results.unread(["ALAB"]) == []
    (stored,) = store.results.releases("ALAB")
    assert stored.results.reason is NotRead.FETCH_FAILED
    assert stored.detail == f"HTTP 503 ({READ_ATTEMPTS})"


def test_a_fetch_that_works_after_a_failure_replaces_it(store: Store):
    filing = eight_k(store, "ALAB", 4)
    store.results.failed("ALAB", filing, "u", "timeout", T0)
    assert store.results.save("ALAB", filing, "u", read_release(NVDA_Q4.read_bytes()), T0)
    (stored,) = store.results.releases("ALAB")
    assert stored.results.found and stored.detail == ""
    # a failure reported later (a slower second process) does not undo it
    store.results.failed("ALAB", filing, "u", "timeout", T0)
    assert store.results.releases("ALAB")[0].results.found
