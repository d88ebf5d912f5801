"""A results release read from the company's own feed before its 8-K (store/results.py
`save_feed_release`, `feed_release`): stored once by its page's address, across processes and
restarts (a real SQLite file), with its notice unless the quarter was told already, by its 8-K's
release or another page; its figures read back as the page stated them. And the correction's
comparison (jobs/results.py `differing`): by the words a notice writes a figure in."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.jobs.results import differing
from catalyst_tui.reading.release.reader import read_release
from catalyst_tui.reading.release.records import ReleaseFigures
from catalyst_tui.store import Store
from tests.support.releases import alab_release, store_alab_releases

from ..jobs.test_release_evening import Q2, Q3

NOW = dt.datetime(2026, 11, 3, 21, 20, tzinfo=dt.UTC)
PAGE = "https://ir.example.com/news-releases/q3-2026"


def results_notices(store: Store) -> list[str]:
    rows = store.conn.execute("SELECT title FROM outbox WHERE kind = 'results' ORDER BY id")
    return [title for (title,) in rows]


def test_a_page_is_stored_once_with_its_notice_and_read_back_as_it_stated(tmp_path):
    read = read_release(alab_release(Q3, guide=(440e6, 450e6)).encode())
    assert read is not None and read.period_end == Q3.end
    notice = ("ALAB results: Q3 FY26", f"revenue $412.3M\n{PAGE}")
    with Store.open(tmp_path / "c.db") as store:
        assert not store.results.feed_release_read("ALAB", PAGE)
        assert store.results.save_feed_release("ALAB", PAGE, NOW, read, NOW, notice=notice)
    # Another process, or the same after a restart: the page is known, nothing queued again.
    with Store.open(tmp_path / "c.db") as store:
        assert store.results.feed_release_read("ALAB", PAGE)
        assert not store.results.save_feed_release("ALAB", PAGE, NOW, read, NOW, notice=notice)
        # The same release on the newswire's page: stored, no second notice of the quarter.
        wire = "https://www.globenewswire.com/news-release/2026/11/03/alab.html"
        assert not store.results.save_feed_release("ALAB", wire, NOW, read, NOW, notice=notice)
        stored = store.results.feed_release("ALAB", Q3.end)
        assert results_notices(store) == ["ALAB results: Q3 FY26"]
        assert store.results.feed_release("ALAB", Q2.end) is None
    assert stored is not None and stored.url == PAGE and stored.published == NOW
    assert stored.quarter.revenue == 412_300_000  # $412,300 thousand, as the statement prints
    assert stored.quarter.eps_diluted == Q3.eps_diluted
    assert stored.quarter.eps_nongaap == Q3.eps_nongaap


def test_a_page_read_after_its_8k_release_sends_nothing(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        store_alab_releases(store, [(Q3, (440e6, 450e6), dt.date(2026, 11, 3))], NOW)
        read = read_release(alab_release(Q3).encode())
        assert read is not None
        notice = ("ALAB results: Q3 FY26", "revenue $412.3M")
        assert not store.results.save_feed_release("ALAB", PAGE, NOW, read, NOW, notice=notice)
        assert results_notices(store) == []
        assert store.results.feed_release_read("ALAB", PAGE)  # not read again


def test_a_page_that_gives_no_results_is_kept_so_it_is_not_read_again(tmp_path):
    read = read_release(b"<html><body><p>Astera Labs launches Scorpio X.</p></body></html>")
    assert read is not None and not read.found
    with Store.open(tmp_path / "c.db") as store:
        assert not store.results.save_feed_release("ALAB", PAGE, NOW, read, NOW, notice=None)
        assert store.results.feed_release_read("ALAB", PAGE)
        assert results_notices(store) == []


def test_a_figure_differs_when_its_words_in_a_notice_differ():
    page = ReleaseFigures(revenue=402_300_000, eps_diluted=0.52, net_income=91_000_000)
    filed = ReleaseFigures(revenue=412_345_000, eps_diluted=0.52, net_income=91_040_000)
    assert differing(page, filed) == [("revenue", "$402.3M", "$412.3M")]
    # $91.0M either way, and a figure one of them leaves unstated, are no difference.
    assert differing(filed, dataclasses.replace(filed, eps_nongaap=0.61)) == []


MONEY = st.floats(min_value=1e5, max_value=1e12, allow_nan=False)
EPS = st.floats(min_value=-50, max_value=50, allow_nan=False)


@given(MONEY, MONEY, EPS, EPS)
def test_law_a_figure_never_differs_from_itself_and_differences_are_symmetric(
    revenue: float, other: float, eps: float, other_eps: float
):
    a = ReleaseFigures(revenue=revenue, eps_diluted=eps)
    b = ReleaseFigures(revenue=other, eps_diluted=other_eps)
    assert differing(a, a) == []
    assert differing(b, a) == [(name, sec, page) for name, page, sec in differing(a, b)]
    if abs(eps - other_eps) >= 0.015:  # a cent and more apart: never the same words
        assert "EPS" in [name for name, _, _ in differing(a, b)]
