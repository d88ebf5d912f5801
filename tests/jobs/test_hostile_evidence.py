"""Evidence floods and starvation, second round of hostile input: a document that inflates past
its cap, one of ten thousand matching sentences, two thousand matching headlines, an 8-K of
3,500 exhibits, forty tickers whose filings answer slowly; and one refresh facing many of the
hostile inputs of test_hostile_refresh.py at once. Each is bounded, shares the refresh's time,
and leaves every other symbol's data stored."""

from __future__ import annotations

import datetime as dt
import gzip
import math
import time

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.jobs.evidence import MAX_EXHIBITS
from catalyst_tui.jobs.evidence_match import MAX_NOTICES
from catalyst_tui.store import Store
from catalyst_tui.thesis.evidence.passages import MAX_PASSAGES
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer

from .test_hostile_refresh import NOW, SYMBOLS, refresh, rows, servers, thesis, v7_price
from .test_refresh import write_config

__all__ = ["servers"]  # the fixture, shared

# --- class 4: evidence floods -------------------------------------------------------------------

SENTENCE = "<p>Scorpio X ships in volume to one more hyperscaler.</p>\n"


async def test_a_document_inflating_past_16_mib_is_refused(tmp_path, servers):
    """A gzip exhibit of a few KB inflating to 20 MiB of matching sentences, between two
    sound ones: once read whole (120 MB took 4.5 GB and stored two million passages). Refused
    past 16 MiB decoded: a failed read of that exhibit alone, the filing tried again later for
    it, the other two stored."""
    market, sec = servers
    sound = "<p>Scorpio X {} ships.</p>"
    sec.add_filing(
        "ALAB",
        "8-K",
        NOW - dt.timedelta(days=2),
        items=("8.01",),
        exhibits={
            "EX-99.1": ("a.htm", sound.format("one")),
            "EX-99.2": ("flood.htm", SENTENCE),
            "EX-99.3": ("c.htm", sound.format("three")),
        },
    )
    flood = SENTENCE.encode() * (20 * 2**20 // len(SENTENCE))
    sec.answers[f"{sec.filings[0].folder}/flood.htm"] = (
        {"Content-Encoding": "gzip"},
        gzip.compress(flood, 9),
    )
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        await refresh(store, config)
        [filing] = store.evidence.filings("ALAB")
        passages = [p.passage for p in store.evidence.passages("ALAB")]
    assert filing.read == 0 and "answer too large: more than 16 MiB" in filing.read_error
    assert sorted(passages) == ["Scorpio X one ships.", "Scorpio X three ships."]


async def test_a_document_of_ten_thousand_matching_sentences_gives_fifty_passages(
    tmp_path, servers
):
    market, sec = servers
    sec.add_filing(
        "ALAB",
        "8-K",
        NOW - dt.timedelta(days=2),
        items=("8.01",),
        # Ten thousand sentences, each its own (one said again is one passage).
        exhibits={
            "EX-99.1": ("many.htm", "".join(SENTENCE.replace("one", f"{n}") for n in range(10_000)))
        },
    )
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        await refresh(store, config)
        passages = store.evidence.passages("ALAB")
    assert len(passages) == MAX_PASSAGES
    assert {p.document.title for p in passages} == {"EX-99.1"}


async def test_two_thousand_matching_headlines_queue_twenty_notices(tmp_path, servers):
    """After a first refresh (the checkpoint's entries matched once: what comes next is news),
    2,000 new headlines all match: each was queued as a notification. Now 19 are, and a 20th
    says how many more there were."""
    market, sec = servers
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW - dt.timedelta(days=1))
        await refresh(store, config, now=lambda: NOW)
        assert rows(tmp_path / "c.db", "SELECT COUNT(*) FROM outbox") == [(0,)]
        for i in range(2_000):
            sec.add_headline(
                "ALAB",
                f"Scorpio X wins socket {i}",
                "Scorpio X ships.",
                NOW + dt.timedelta(minutes=30, seconds=i),
            )
        later = NOW + dt.timedelta(hours=2)
        await refresh(store, config, now=lambda: later)
        assert len(store.evidence.passages("ALAB")) >= 2_000  # every one stored
    queued = rows(tmp_path / "c.db", "SELECT evidence_id, title, body FROM outbox ORDER BY id")
    assert len(queued) == MAX_NOTICES
    assert all(evidence is not None for evidence, _, _ in queued[:-1])
    evidence, title, body = queued[-1]
    assert evidence is None and title == "catalyst · more evidence found"
    assert body.startswith(f"{2_000 * 2 - (MAX_NOTICES - 1):,} more passages for ALAB"), body


# --- class 5: starvation --------------------------------------------------------------------------


async def test_a_flood_of_exhibits_starves_no_daily_fetch_and_is_read_on_where_it_stopped(
    tmp_path, servers
):
    """An 8-K whose index lists 3,500 EX-99 exhibits, each answered after a second: reading
    them took the whole refresh, so no fundamentals and no earnings dates were fetched, nothing
    was saved and the next refresh began again. Now the daily fetches come first, the first 20
    exhibits are read in the time left and each stored as it is read, and the next refresh
    reads on from there."""
    market, sec = servers
    exhibits = {
        f"EX-99.{i}": (f"ex{i}.htm", f"<p>Scorpio X news number {i}.</p>") for i in range(1, 3_501)
    }
    sec.add_filing("ALAB", "8-K", NOW - dt.timedelta(days=2), items=("8.01",), exhibits=exhibits)
    folder = sec.filings[0].folder
    sec.document_delay = 1.0
    config = thesis(market, sec)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        started = time.monotonic()
        report = await refresh(store, config, deadline=12.0)
        elapsed = time.monotonic() - started
        assert elapsed < 12.0 + HANG, elapsed  # its deadline; the rest a liveness ceiling
        assert set(report.fundamentals_updated) == set(SYMBOLS), report.notes
        assert set(report.earnings_updated) == set(SYMBOLS), report.notes
        first = {d.url for d in store.evidence.documents("ALAB")}
        assert 0 < len(first) < MAX_EXHIBITS
        assert store.evidence.filings("ALAB")[0].read == 0  # not all read yet
        asked_first = {r.path for r in sec.requests(f"{folder}/ex")}
        sec.document_delay = 0.0
        await refresh(store, config)
        [filing] = store.evidence.filings("ALAB")
        urls = {d.url for d in store.evidence.documents("ALAB")}
    assert filing.read == 1 and len(urls) == MAX_EXHIBITS  # the first 20, of 3,500
    asked = [r.path for r in sec.requests(f"{folder}/ex")]
    assert len(set(asked)) == MAX_EXHIBITS
    again = [path for path in asked[len(asked_first) :] if f"{sec.url}{path}" in first]
    assert again == []  # what the first refresh stored was not asked for again


async def test_slow_filings_of_many_tickers_starve_no_fundamentals(tmp_path):
    """Forty tickers whose submissions each take fifteen seconds: listing them all took the whole
    refresh, and no fundamentals were fetched. Filings now have a quarter of the time left; the
    rest are listed at the next refresh, and every ticker's fundamentals come in this one."""
    symbols = tuple(f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(40))
    with MarketServer(symbols=symbols) as market:
        market.inject("timeout", provider="sec", endpoint="submissions", delay=15.0)
        config = load_config(
            write_config(
                tmp_path / "catalysts.toml", market.url, providers='["yahoo"]', symbols=symbols
            )
        )
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            started = time.monotonic()
            report = await refresh(store, config, deadline=30.0)
            elapsed = time.monotonic() - started
            listed = len(store.market.fetch_states("filings"))
    assert set(report.fundamentals_updated) == set(symbols), report.notes
    # The note counts the tickers whose filings were not listed: all but those marked fetched.
    assert f"filings of {len(symbols) - listed} tickers left to the next refresh" in " ".join(
        report.notes
    ), (listed, report.notes)
    assert elapsed < 30.0 + HANG, elapsed  # its deadline; the rest a liveness ceiling


# --- all at once ----------------------------------------------------------------------------------


@pytest.mark.slow
async def test_one_refresh_facing_them_all_ends_in_time_with_every_other_symbols_data(
    tmp_path, servers
):
    """One refresh, many of the hostile inputs above at once: NVDA quoted at 1e-320, TSLA's
    history with a bar dated 3000, the ECB's GBP rate "1.2.3" (VOD.L is quoted in pence), and
    for ALAB a submissions row with a lone surrogate and one dated 9999, a headline dated 9999,
    and an 8-K whose 3,500 exhibits answer slowly, the first of them 200,000 divs deep, one a
    gzip inflating past 16 MiB, one redirected to another origin. It ends within its deadline,
    and every symbol the faults do not touch has its quote, history, fundamentals and earnings
    date stored."""
    market, sec = servers
    market.currencies["VOD.L"] = "GBp"
    market.symbols.add("VOD.L")
    market.ecb_rates = {"USD": "1.1280", "GBP": "1.2.3", "JPY": "163.02"}
    market.inject("rewrite", provider="yahoo", endpoint="quote", rewrite=v7_price("NVDA", "1e-320"))
    market.inject("far_future", provider="yahoo", endpoint="chart", symbol="TSLA")
    exhibits = {
        f"EX-99.{i}": (f"ex{i}.htm", f"<p>Scorpio X news number {i}.</p>") for i in range(1, 3_501)
    }
    exhibits["EX-99.1"] = ("ex1.htm", "<html><body>" + "<div>Scorpio X " * 200_000)
    sec.add_filing("ALAB", "8-K", NOW - dt.timedelta(days=2), items=("8.01",), exhibits=exhibits)
    folder = sec.filings[0].folder
    sec.answers[f"{folder}/ex2.htm"] = (
        {"Content-Encoding": "gzip"},
        gzip.compress(SENTENCE.encode() * 400_000, 9),
    )
    sec.redirects[f"{folder}/ex3.htm"] = f"{market.url}{folder}/ex3.htm"
    sec.document_delay = 0.5
    sec.add_filing(
        "ALAB",
        "10-Q",
        NOW - dt.timedelta(days=3),
        raw={"primaryDocument": f"alab{chr(0xD800)}.htm"},
    )
    sec.add_filing(
        "ALAB",
        "8-K",
        NOW - dt.timedelta(days=4),
        items=("7.01",),
        raw={"acceptanceDateTime": "9999-12-31T23:59:59.000Z"},
    )
    sec.add_headline(
        "ALAB",
        "Scorpio X, from the year 9999",
        "Scorpio X.",
        NOW,
        pub_date="Fri, 31 Dec 9999 23:59:59 -0500",
    )
    ecb = f'[providers.ecb]\ndaily_url = "{market.url}/stats/eurofxref/eurofxref-daily.xml"\n'
    config = thesis(market, sec, '[tickers."VOD.L"]\n' + ecb)
    deadline = 15.0
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config)
        started = time.monotonic()
        report = await refresh(store, config, deadline=deadline)
        elapsed = time.monotonic() - started
        filings = store.evidence.filings("ALAB")
        passages = store.evidence.passages("ALAB")
        rates = store.fx.latest("USD")
    assert elapsed < deadline + HANG, elapsed  # its deadline; the rest a liveness ceiling
    assert report.fresh == {"ALAB", "CRDO", "TSLA", "VOD.L"}, report.notes
    db = tmp_path / "c.db"
    bars = dict(rows(db, "SELECT symbol, COUNT(*) FROM prices GROUP BY symbol"))
    assert all(bars.get(s, 0) > 1000 for s in ("ALAB", "CRDO", "TSLA", "VOD.L")), bars
    facts = {s for (s,) in rows(db, "SELECT DISTINCT symbol FROM fundamentals")}
    earnings = {s for (s,) in rows(db, "SELECT symbol FROM earnings WHERE next_date IS NOT NULL")}
    assert {"ALAB", "CRDO", "TSLA"} <= facts and {"ALAB", "CRDO", "TSLA"} <= earnings
    assert "GBP" not in rates and all(math.isfinite(r.rate) for r in rates.values())
    assert sorted(f.form for f in filings) == ["10-Q", "8-K"]  # the row of 9999 alone left out
    assert len({p.document.id for p in passages}) >= 1
    assert rows(db, "SELECT COUNT(*) FROM outbox") <= [(MAX_NOTICES,)]
