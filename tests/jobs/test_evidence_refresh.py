"""A refresh reads a real recorded filing: Adobe's 8-K of 2023-03-15 (items 2.02 and 9.01), its
index page and EX-99.1 press release as EDGAR served them, found in the index by type; the
passages matched are the press release's own sentences, dated by its acceptance in New York."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evidence import headline_text
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from catalyst_tui.text import counted
from tests.support.filings_server import FilingsServer
from tests.support.limits import ClientLimits
from tests.support.market_server import MarketServer

# The providers' own rate limits and request bounds, as a refresh's client has them.
LIMITS: ClientLimits = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}

UA = "Catalyst Tests tests@example.com"
NEW_YORK = dt.timezone(dt.timedelta(hours=-4))  # EDT: daylight time began 2023-03-12


@pytest.fixture
def servers() -> Iterator[tuple[MarketServer, FilingsServer]]:
    with MarketServer(symbols=["ADBE"]) as market, FilingsServer() as sec:
        yield market, sec


async def test_the_recorded_adobe_press_release_gives_its_own_sentences(tmp_path, servers):
    market, sec = servers
    filing = sec.add_adobe_8k()
    sec.add_filing("ADBE", "8-K", dt.datetime(2023, 2, 1, 16, 30, tzinfo=dt.UTC), items=("5.02",))
    config = parse_config(
        sec.settings_toml(market.url, UA)
        + """
[tickers.ADBE]
name = "Adobe"
[[tickers.ADBE.checkpoints]]
id = "record-quarter"
title = "Record revenue with Digital Media growing"
kind = "milestone"
due = 2023-12-31
evidence = ['"record revenue"', '"Digital Media segment revenue" growth']
"""
    )
    now = dt.datetime(2023, 3, 16, 14, 0, tzinfo=dt.UTC)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now - dt.timedelta(days=7))
        async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
            report = await refresh_in_process(config, store, now=lambda: now, client=client)
        assert not [n for n in report.notes if n.startswith("filings")], report.notes
        stored = store.evidence.filings("ADBE")
        assert [(f.accession, f.form, f.filing.items) for f in stored] == [
            ("0000796343-23-000044", "8-K", ("2.02", "9.01")),
            (stored[1].accession, "8-K", ("5.02",)),
        ]
        assert stored[0].accepted == dt.datetime(2023, 3, 15, 16, 6, 36, tzinfo=NEW_YORK)
        assert [f.read for f in stored] == [1, 1]  # the 5.02 one has nothing to read
        # The press release was found in the recorded index by its type, and fetched once.
        fetched = [r.path for r in sec.requests(filing.folder)]
        assert fetched == [
            f"{filing.folder}/0000796343-23-000044-index.html",
            f"{filing.folder}/adbeex991q123.htm",
        ]
        passages = store.evidence.passages("ADBE")
        assert [p.passage for p in passages] == [
            "Adobe Reports Record Revenue in Q1 Fiscal 2023",
            "•Digital Media segment revenue was $3.40 billion, which represents 9 percent "
            "year-over-year growth or 14 percent in constant currency.",
        ]
        assert {p.document.url for p in passages} == {f"{sec.url}{filing.folder}/adbeex991q123.htm"}
        assert passages[0].document.form == "8-K EX-99.1"
        assert passages[0].document.label == "8-K EX-99.1 2023-03-15"
        # Found in a filing made before the entries were written: stored quietly, one summary.
        [summary] = store.outbox.claim("test", now)
        assert summary.evidence is None and summary.title == "ADBE · evidence found"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Astera Labs ships Scorpio X", "Astera Labs ships Scorpio X.\nThe summary."),
        ("Is ALAB a buy?", "Is ALAB a buy?\nThe summary."),
        ("ALAB soars!", "ALAB soars!\nThe summary."),
        ("Astera Labs beats.", "Astera Labs beats.\nThe summary."),
    ],
)
def test_a_headline_is_a_sentence_of_its_own_without_a_doubled_stop(title, text):
    """The title ends a sentence before the summary (matching never runs one into the
    other), and one that ends with its own stop is not given another ("?." was shown)."""
    assert headline_text(title, "The summary.") == text


async def test_status_says_when_sec_and_the_news_feed_last_answered(tmp_path, servers):
    """After a refresh that read filings from SEC and headlines from the feed, `status` gives
    each its last success (that refresh), not "never"; a feed that fails says its failure."""
    from catalyst_tui.cli.output.status import build_status, status_lines

    market, sec = servers
    sec.add_adobe_8k()
    config = parse_config(
        sec.settings_toml(market.url, UA)
        + '[tickers.ADBE]\n[[tickers.ADBE.checkpoints]]\nid = "record"\ntitle = "Record"\n'
        'kind = "milestone"\ndue = 2023-12-31\nevidence = [\'"record revenue"\']\n'
    )
    now = dt.datetime(2023, 3, 16, 14, 0, tzinfo=dt.UTC)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now - dt.timedelta(days=7))
        async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
            await refresh_in_process(config, store, now=lambda: now, client=client)
        assert sec.requests("/rss") and sec.requests("/submissions")  # both were asked
        status = build_status(config, store, now + dt.timedelta(minutes=5))
        shown = {p.name: p for p in status.providers}
        assert shown["sec"].last_success == now and shown["sec"].last_failure is None
        assert shown["news"].last_success == now
        lines = status_lines(status, now + dt.timedelta(minutes=5))
        for name in ("sec", "news"):
            [line] = [line for line in lines if line.startswith(f"{name} ")]
            assert "last success 5m ago" in line, line


async def test_the_evidence_summary_counts_the_checkpoints_that_matched(tmp_path, servers):
    """Two checkpoints carry entries, one matches the press release: the summary says one
    checkpoint, the one with passages, not the two with entries."""
    market, sec = servers
    sec.add_adobe_8k()
    config = parse_config(
        sec.settings_toml(market.url, UA)
        + """
[tickers.ADBE]
[[tickers.ADBE.checkpoints]]
id = "record-quarter"
title = "Record revenue"
kind = "milestone"
due = 2023-12-31
evidence = ['"record revenue"']
[[tickers.ADBE.checkpoints]]
id = "quantum"
title = "A quantum computer ships"
kind = "milestone"
due = 2023-12-31
evidence = ['"quantum computer"']
"""
    )
    now = dt.datetime(2023, 3, 16, 14, 0, tzinfo=dt.UTC)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now - dt.timedelta(days=7))
        async with MarketClient(trust_env=False, **LIMITS, backoff_base=0.01) as client:
            await refresh_in_process(config, store, now=lambda: now, client=client)
        found = {p.checkpoint_id for p in store.evidence.passages("ADBE")}
        assert found == {"record-quarter"}
        passages = len(store.evidence.passages("ADBE"))
        [summary] = store.outbox.claim("test", now)
        assert summary.body.startswith(
            f"{counted(passages, 'passage')} in past filings and news for 1 checkpoint:"
        ), summary.body
