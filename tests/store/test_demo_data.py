"""The demo database of tests/support/demo_data.py: deterministic, built only through the real
code paths, and telling the story its docstring promises."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from catalyst_tui.config import load_config, parse_config
from catalyst_tui.config.write import set_sec_contact
from catalyst_tui.market.registry import SEC
from catalyst_tui.store import Store
from catalyst_tui.thesis.evaluate import Reason, Why
from catalyst_tui.thesis.observation import ValueSource
from tests.support.demo_data import (
    DEMO_CONTACT,
    DEMO_NOW,
    STALE_ERROR,
    big_config_text,
    demo_bars,
    demo_database,
    seed_big,
)

from ..conftest import BUNDLED_CONFIG, REPO

ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00")


@pytest.fixture
def demo(tmp_path: Path):
    config, store = demo_database(tmp_path)
    with store:
        yield config, store


def test_seeding_twice_gives_identical_databases(tmp_path: Path):
    dumps = []
    # Two seedings, and the copy of a seeding a process keeps (demo_database's default).
    for name, fresh in (("a", True), ("b", True), ("c", False)):
        folder = tmp_path / name
        folder.mkdir()
        _, store = demo_database(folder, fresh=fresh)
        with store:  # the one line that may differ: the file the database follows, its own
            dumps.append(
                [line.replace(str(folder.resolve()), "FOLDER") for line in store.conn.iterdump()]
            )
    assert dumps[0] == dumps[1] == dumps[2]
    assert any("config_path" in line and "FOLDER" in line for line in dumps[0])
    # No wall-clock time slipped in: every stamp is the story's, at or before DEMO_NOW.
    stamps = {s for line in dumps[0] for s in ISO_STAMP.findall(line)}
    assert stamps
    assert max(dt.datetime.fromisoformat(s) for s in stamps) <= DEMO_NOW


def test_bars_do_not_depend_on_the_process_hash_seed():
    code = (
        "import datetime, hashlib\n"
        "from tests.support.demo_data import demo_bars\n"
        "bars = demo_bars('ALAB', datetime.date(2026, 11, 20))\n"
        "print(hashlib.sha256(repr(bars).encode()).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    here = hashlib.sha256(repr(demo_bars("ALAB", dt.date(2026, 11, 20))).encode()).hexdigest()
    assert out.stdout.strip() == here


def test_every_bundled_ticker_has_a_quote_and_a_year_of_consistent_bars(demo):
    config, store = demo
    symbols = list(config.tickers)
    assert symbols == store.views.active_symbols()
    statuses = store.market.last_quotes(symbols)
    assert all(statuses[s].price is not None for s in symbols)
    bars = list(store.views.iter_prices())
    counts = Counter(b.symbol for b in bars)
    # the tickers' bars, and the benchmarks' the positions are held against (SPY, and SOXX for
    # the interconnect group: catalysts.toml's [groups.interconnect])
    assert set(counts) == {*symbols, "SPY", "SOXX"}
    assert all(250 <= counts[s] <= 262 for s in symbols), counts
    bad = [
        b
        for b in bars
        if not (
            b.low <= b.open <= b.high and b.low <= b.close <= b.high and b.low > 0 and b.volume > 0
        )
    ]
    assert bad == []
    last = {b.symbol: b.day for b in bars}  # bars come by symbol and day
    assert set(last.values()) == {dt.date(2026, 11, 20)}
    for last_quote in store.market.last_quotes().values():
        q = last_quote.quote
        assert q is not None
        (_, previous), (_, close) = store.views.price_history(q.symbol)[-2:]
        assert (q.price, q.prev_close) == (close, previous)
        assert q.change == pytest.approx(close - previous)
        assert q.change_pct == pytest.approx(q.change / previous)
        assert q.market_state == "CLOSED" and q.source == "yahoo"
        assert q.fifty_two_week_low <= q.price <= q.fifty_two_week_high
    # The example lot (40 @ 118.50) shows a gain.
    assert 150 < statuses["ALAB"].price < 230


def test_two_years_of_bars_when_asked():
    bars = demo_bars("NVDA", dt.date(2026, 11, 20), years=2)
    assert 500 <= len(bars) <= 524
    assert all(b.day.weekday() < 5 for b in bars)
    assert bars[-1].day == dt.date(2026, 11, 20)


def test_checkpoint_statuses_and_flags(demo):
    _, store = demo
    report = {r.id: r for r in store.views.checkpoints("ALAB")}
    status = {cid: r.status for cid, r in report.items()}
    assert status == {
        "scorpio-largest-line": "pending",
        "scorpio-x-passes-p": "pending",
        "scorpio-x-full-volume": "met",
        "npo-multi-rack-2027": "pending",
        "optical-scorpio-x": "pending",
        "leo-design-win-cadence": "pending",
        "fy26-revenue-estimate": "pending",
        "fy27-revenue-estimate": "pending",
        "fy28-revenue-estimate": "pending",
        # the seeded store holds no documents: no statement of Scorpio's share read yet
        "scorpio-share-fifth": "pending",
        "beats-own-guide": "met",
        "gross-margin-floor": "missed",
        "operating-margin-floor": "missed",
        "position-weight-cap": "missed",
        "street-revises-up": "met",
        "forward-pe-ceiling": "met",
    }
    flagged = {cid for cid, r in report.items() if r.flagged}
    assert flagged == {"gross-margin-floor", "operating-margin-floor"}
    gross = report["gross-margin-floor"]
    assert gross.value == pytest.approx(0.691, abs=5e-4)
    assert gross.reason.op == "<" and gross.condition.threshold_text == "70%"
    assert gross.reason.observed.period.end == dt.date(2026, 9, 30)
    # the Q3 release: $415.0M against the $385-395M its Q2 release guided, confirmed by XBRL
    guide = report["beats-own-guide"]
    assert guide.value == pytest.approx(415 / 390 - 1)
    assert guide.reason.observed.period.source is ValueSource.FILING
    # the Street's, from the replay market's consensus as stored: this fiscal year's EPS now
    # against 30 days ago, and the price over it
    year = store.estimates.of("ALAB").period("0y")
    now, then = year.trend[0], year.trend[2]
    assert report["street-revises-up"].value == pytest.approx((now - then) / then)
    assert report["street-revises-up"].value > 0
    price = store.market.last_quotes(["ALAB"])["ALAB"].quote.price
    assert report["forward-pe-ceiling"].value == pytest.approx(price / year.eps.average)


def test_alabs_releases_are_stored_and_confirmed(demo):
    _, store = demo
    releases = store.results.releases("ALAB")
    assert [(r.filed.isoformat(), r.period_end.isoformat()) for r in releases] == [
        ("2026-11-03", "2026-09-30"),
        ("2026-08-04", "2026-06-30"),
        ("2026-05-05", "2026-03-31"),
    ]
    assert [r.quarter_guide() for r in releases] == [(440e6, 450e6), (385e6, 395e6), (355e6, 365e6)]
    assert [r.results.quarter.revenue for r in releases] == [415e6, 362e6, 308.4e6]


def test_the_timeline(demo):
    _, store = demo
    events = list(reversed(store.views.events(limit=-1)))
    moves = [(e.ts.date().isoformat(), e.checkpoint_id, e.from_status, e.to_status) for e in events]
    assert moves == [
        ("2026-05-15", "gross-margin-floor", "pending", "met"),
        ("2026-05-15", "operating-margin-floor", "pending", "met"),
        ("2026-05-15", "position-weight-cap", "pending", "missed"),
        ("2026-08-07", "beats-own-guide", "pending", "met"),
        ("2026-11-04", "scorpio-x-full-volume", "pending", "met"),
        ("2026-11-05", "gross-margin-floor", "met", "missed"),
        ("2026-11-05", "operating-margin-floor", "met", "missed"),
        ("2026-11-20", "street-revises-up", "pending", "met"),
        ("2026-11-20", "forward-pe-ceiling", "pending", "met"),
    ]
    assert len({e.ts.date() for e in events}) >= 3
    by_move = {(e.checkpoint_id, e.to_status): e for e in events}
    miss = by_move["gross-margin-floor", "missed"]
    assert miss.flagged and miss.acked_at is None
    old = by_move["position-weight-cap", "missed"]
    assert not old.flagged and old.acked_at == dt.datetime(2026, 5, 18, 21, 30, tzinfo=dt.UTC)
    manual = by_move["scorpio-x-full-volume", "met"]
    assert manual.manual
    assert manual.reason == Reason(Why.MARKED_MET, note="Q3 call: full volume shipping")
    # Every miss and each release of the days before a cycle was notified (the simulated
    # daemon delivered them): nothing waits in the outbox.
    assert store.outbox.claim("test", DEMO_NOW, reclaim_after=dt.timedelta(0)) == []
    notified = [e for e in events if e.to_status == "missed"]
    assert len(notified) == 3


def test_mrvl_is_stale_with_its_last_good_price(demo):
    config, store = demo
    statuses = store.market.last_quotes(list(config.tickers))
    mrvl = statuses["MRVL"]
    assert mrvl.stale and mrvl.error == STALE_ERROR
    assert mrvl.price == store.views.price_history("MRVL")[-1][1]
    assert mrvl.fetched_at == DEMO_NOW - dt.timedelta(minutes=10)
    fresh = [s for s in statuses.values() if s.symbol != "MRVL"]
    assert all(not s.stale and s.error == "" for s in fresh)
    assert {s.fetched_at for s in fresh} == {DEMO_NOW - dt.timedelta(minutes=5)}


def test_fundamentals_and_earnings(demo):
    _, store = demo
    snapshot = store.market.snapshot(DEMO_NOW, sec_configured=True)
    assert set(snapshot.facts) == {"ALAB", "CRDO"}
    assert snapshot.facts["ALAB"]["revenue_q"][-1].value == 415_000_000
    earnings = {r.symbol: r.earnings for r in store.views.watch_rows()}
    alab = earnings["ALAB"]
    assert alab is not None and alab.day == dt.date(2027, 2, 10)
    assert not alab.estimate and alab.source == "yahoo"
    assert earnings["LITE"] is None
    assert all(e is None or e.day > DEMO_NOW.date() for e in earnings.values())


def test_demo_database_copies_the_config(tmp_path: Path):
    config, store = demo_database(tmp_path)
    with store:
        # The bundled file with SEC's contact set, as a user who set it up has it.
        bundled = BUNDLED_CONFIG.read_text(encoding="utf-8")
        copied = (tmp_path / "catalysts.toml").read_text(encoding="utf-8")
        assert copied == set_sec_contact(bundled, DEMO_CONTACT)
        assert load_config(tmp_path / "catalysts.toml").providers.of(SEC).user_agent == DEMO_CONTACT
        assert config.path == tmp_path / "catalysts.toml"
        assert store.path == tmp_path / "demo.db"


def test_big_config_is_valid():
    config = parse_config(big_config_text(500))
    assert len(config.tickers) == 500
    assert list(config.tickers)[0] == "T0001" and list(config.tickers)[-1] == "T0500"
    assert len({t.group for t in config.tickers.values()}) == 5
    assert sum(len(t.lots) for t in config.tickers.values()) == 166
    kinds = Counter(c.kind for t in config.tickers.values() for c in t.checkpoints)
    assert kinds == {"guard": 500, "milestone": 500}


def test_seed_big_gives_every_ticker_a_year_of_weekdays_and_a_quote(tmp_path: Path):
    """How long seeding takes is bench/history.py's and bench/startup.py's setup, not a claim
    of the suite's."""
    config = parse_config(big_config_text(50))
    with Store.open(tmp_path / "big.db") as store:
        seed_big(store, config, now=DEMO_NOW, years=1)
        counts = Counter(b.symbol for b in store.views.iter_prices())
        assert len(counts) == 50 and set(counts.values()) == {261}
        assert len(store.market.last_quotes(list(config.tickers))) == 50
