"""Verdicts in a real SQLite file: what the verdict reads of each checkpoint (its kill flag from the
file, the day its miss was acknowledged), each ticker's verdict kept with its first recording, a
change recorded as an event and one outbox row, once, even by two stores judging at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import parse_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.verdict import TickerVerdict, judge
from catalyst_tui.thesis.vocabulary import Verdict

from .conftest import T0, T1, THESIS, record_miss

KILLED = THESIS.replace('when = "gross_margin >= 70%"', 'when = "gross_margin >= 70%"\nkill = true')


def verdicts(store: Store) -> list[TickerVerdict]:
    return [judge(symbol, s) for symbol, s in store.verdicts.standings().items()]


def notice(v: TickerVerdict, previous: Verdict) -> tuple[str, str]:
    return f"{v.symbol} {previous}->{v.verdict}", ""


def test_standings_are_every_active_ticker_with_its_checkpoints_in_file_order(store: Store):
    standings = store.verdicts.standings()
    assert list(standings) == ["ALAB", "CRDO"] and standings["CRDO"] == []
    gm, npo = standings["ALAB"]
    assert (gm.checkpoint, gm.kind, gm.metric, gm.kill) == ("gm", "guard", "gross_margin", False)
    assert (npo.checkpoint, npo.kind, npo.status) == ("npo", "milestone", "pending")
    assert list(store.verdicts.standings("CRDO")) == ["CRDO"]


def test_the_kill_flag_comes_from_the_file_and_a_miss_of_it_breaks_the_thesis(store: Store):
    store.sync.apply(parse_config(KILLED), now=T0)
    record_miss(store)
    [gm, _npo] = store.verdicts.standings()["ALAB"]
    assert gm.kill and gm.status == "missed" and gm.value == 0.62 and gm.since == T0.date()
    assert verdicts(store)[0].verdict == Verdict.BROKEN


def test_an_acknowledged_miss_carries_the_day_it_was_acknowledged(store: Store):
    record_miss(store)
    assert store.verdicts.standings()["ALAB"][0].acked is None  # flagged, not yet seen
    store.checkpoints.acknowledge(None, T1 + dt.timedelta(days=1))
    [gm, _npo] = store.verdicts.standings()["ALAB"]
    assert gm.acked == (T1 + dt.timedelta(days=1)).date()
    assert verdicts(store)[0].verdict == Verdict.AT_RISK  # acknowledged, still at risk


def test_a_first_verdict_is_kept_quietly_and_a_change_is_one_event_and_one_notice(store: Store):
    assert store.verdicts.record(verdicts(store), T0, notice=notice) == []
    assert {s: r.verdict for s, r in store.verdicts.recorded().items()} == {
        "ALAB": Verdict.UNJUDGED,  # its guard not yet judged, its milestone ahead
        "CRDO": Verdict.UNJUDGED,  # no checkpoints
    }
    record_miss(store, T1)
    [change] = store.verdicts.record(verdicts(store), T1, notice=notice)
    assert (change.symbol, change.previous, change.verdict) == ("ALAB", "unjudged", "at risk")
    assert change.reasons[0].checkpoint == "gm"
    assert store.verdicts.recorded()["ALAB"].since == T1
    assert store.verdicts.record(verdicts(store), T1, notice=notice) == []  # no change again
    [event] = store.verdicts.events()
    assert event.reasons == change.reasons and event.ts == T1
    rows = [r for r in store.outbox.rows() if r.event_id is None]
    assert len(rows) == 1


def test_two_stores_judging_the_same_change_record_and_notify_it_once(store: Store, db_path: Path):
    store.verdicts.record(verdicts(store), T0)
    record_miss(store, T1)
    with Store.open(db_path) as other:
        judged_here, judged_there = verdicts(store), verdicts(other)  # both read "unjudged"
        first = store.verdicts.record(judged_here, T1, notice=notice)
        second = other.verdicts.record(judged_there, T1, notice=notice)
    assert len(first) == 1 and second == []
    assert len(store.verdicts.events()) == 1
    assert len([r for r in store.outbox.rows() if r.event_id is None]) == 1


REV = THESIS.replace(
    "[tickers.CRDO]",
    '[[tickers.ALAB.checkpoints]]\nid = "fy26"\ntitle = "FY26 revenue"\nkind = "target"\n'
    'when = "revenue_fy >= 1.55B"\ndue = 2027-03-31\n[tickers.CRDO]',
)


def test_a_targets_forecast_is_kept_read_back_and_carried_by_a_change_of_verdict(store: Store):
    from catalyst_tui.thesis.reported.forecast import Forecast, Source

    store.sync.apply(parse_config(REV), now=T0)
    store.verdicts.record(verdicts(store), T0)
    behind = Forecast(Source.GUIDE, 1.53e9, dt.date(2026, 12, 31), 0)  # quarters: not kept
    store.verdicts.save_forecasts([("ALAB", "fy26", behind)])
    fy26 = store.verdicts.standings()["ALAB"][2]
    assert fy26.forecast == behind and fy26.condition is not None
    [change] = store.verdicts.record(verdicts(store), T1)
    assert (change.previous, change.verdict) == ("unjudged", "at risk")
    [event] = store.verdicts.events()
    assert event.reasons[0].forecast == behind and event.reasons[0].condition == fy26.condition
    store.verdicts.save_forecasts([("ALAB", "fy26", None)])  # decided, or nothing forecasts it
    assert store.verdicts.standings()["ALAB"][2].forecast is None
