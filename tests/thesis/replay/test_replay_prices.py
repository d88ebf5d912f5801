"""A thesis written by hand, replayed over a year of NVIDIA's real daily closes (Yahoo's chart
recording, 2021-02-01 to 2022-01-31, on today's share basis): the days each checkpoint changed
status, the verdict's path, the prices that followed and a goalpost's original rule, all worked
out by hand from the recording's closes and written here."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from catalyst_tui.market.models import LastQuote, Quote
from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.goalposts import Move
from catalyst_tui.thesis.judgement import CheckpointState
from catalyst_tui.thesis.replay.engine import Written, replay
from catalyst_tui.thesis.replay.forward import followed
from catalyst_tui.thesis.replay.goalposts import check_moves
from catalyst_tui.thesis.snapshot import MarketSnapshot
from tests.support.shared import REALDATA

CHART = (
    REALDATA / "yahoo_chart" / "historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json"
)
NEW_YORK = ZoneInfo("America/New_York")
D = dt.date


def closes() -> list[tuple[dt.date, float]]:
    result = json.loads(CHART.read_text())["response"]["bodyJson"]["chart"]["result"][0]
    stamps, prices = result["timestamp"], result["indicators"]["quote"][0]["close"]
    return [
        (dt.datetime.fromtimestamp(t, NEW_YORK).date(), float(p))
        for t, p in zip(stamps, prices, strict=True)
    ]


def snapshots() -> list[tuple[dt.date, MarketSnapshot]]:
    out = []
    for day, close in closes():
        now = dt.datetime.combine(day, dt.time(21), dt.UTC)
        quote = Quote("NVDA", close, None, None, None, "USD", "CLOSED", now, "history")
        out.append(
            (day, MarketSnapshot(now=now, quotes={"NVDA": LastQuote("NVDA", quote, now, False)}))
        )
    return out


def state(ident: str, kind: str, when: str, due: dt.date | None = None) -> CheckpointState:
    return CheckpointState(
        "NVDA", ident, ident.title(), kind, "pending", due=due, condition=parse_condition(when)
    )


FLOOR = Written(state("floor", "guard", "price >= 20"))
TARGET = Written(state("target", "target", "price >= 30", D(2021, 12, 31)))


def test_each_change_of_status_on_the_day_the_close_crossed_its_threshold():
    replayed = replay("NVDA", [FLOOR, TARGET], snapshots())
    assert len(replayed.days) == 252
    # The closes cross 20 on these days (under it on 2021-02-01 at 13.24; 20.03 on 06-29,
    # 19.90 on 07-08, 20.05 on 07-09, 19.84 on 07-14, 20.27 on 08-04, 19.94 on 08-10, 20.19 on
    # 08-13, 19.95 on 08-16, 20.82 on 08-20, 19.73 on 10-04, 20.45 on 10-05), and first reach 30
    # on 2021-11-08 (30.80); none falls under 20 after.
    floor = [
        (D(2021, 2, 1), "missed"),
        (D(2021, 6, 29), "met"),
        (D(2021, 7, 8), "missed"),
        (D(2021, 7, 9), "met"),
        (D(2021, 7, 14), "missed"),
        (D(2021, 8, 4), "met"),
        (D(2021, 8, 10), "missed"),
        (D(2021, 8, 13), "met"),
        (D(2021, 8, 16), "missed"),
        (D(2021, 8, 20), "met"),
        (D(2021, 10, 4), "missed"),
        (D(2021, 10, 5), "met"),
    ]
    got = [(c.day, c.evaluation.checkpoint_id, c.evaluation.status) for c in replayed.changes]
    assert [(d, s) for d, i, s in got if i == "floor"] == floor
    assert [(d, s) for d, i, s in got if i == "target"] == [(D(2021, 11, 8), "met")]
    change = next(c for c in replayed.changes if c.day == D(2021, 6, 29))
    assert change.evaluation.value == 20.026750564575195
    # The verdict: at risk while the floor is missed, intact while it holds, proven once both
    # are met.
    expected = [(d, "at risk" if s == "missed" else "intact") for d, s in floor]
    expected.append((D(2021, 11, 8), "proven"))
    assert [(s.day, str(s.verdict.verdict)) for s in replayed.path] == expected


def test_the_price_that_day_and_30_and_90_trading_days_later():
    series = closes()
    after = followed(series, D(2021, 6, 29))  # the 104th close of the year: index 103
    assert after.close == 20.026750564575195
    assert after.later == ((30, 19.698999404907227), (90, 29.801000595092773))
    assert after.change(90) == 29.801000595092773 / 20.026750564575195 - 1
    later = followed(series, D(2021, 11, 8))  # index 195: 90 closes on is past the 252nd
    assert later.later[1] == (90, None) and later.change(90) is None
    weekend = followed(series, D(2021, 7, 3))  # a Saturday: Friday's close
    assert weekend.close == dict(series)[D(2021, 7, 2)]


def test_a_loosened_floor_replayed_as_it_was_written():
    # The floor was "price >= 25" until 2021-10-01, then loosened to 20. On 2021-10-01 the close
    # was 20.74: the original rule had it missed (the thesis at risk), the loosened one met.
    days = snapshots()
    now = replay("NVDA", [FLOOR, TARGET], days)
    move = Move(
        "NVDA",
        "floor",
        "condition",
        "price >= 25",
        "price >= 20",
        dt.datetime(2021, 10, 1, 14, tzinfo=dt.UTC),
        True,
    )
    [undone] = check_moves("NVDA", [FLOOR, TARGET], [move], days, now)
    assert undone.day == D(2021, 10, 1)
    assert (undone.status_then, undone.status_now) == ("missed", "met")
    assert (str(undone.verdict_then), str(undone.verdict_now)) == ("at risk", "intact")
    tightened = move._replace(before="price >= 15", after="price >= 20")
    [same] = check_moves("NVDA", [FLOOR, TARGET], [tightened], days, now)
    assert same.day == D(2021, 10, 4)  # 19.73: missed now, still met at 15
