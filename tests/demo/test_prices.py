"""The replay market's prices (demo/prices.py): a pure function of the symbol and the moment, in
every process; a session's bars end at its close and stay within its low and high; every answer
of a symbol agrees with the others."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

from catalyst_tui.demo import prices, yahoo

FRIDAY = date(2026, 11, 20)
AFTER_CLOSE = datetime(2026, 11, 20, 21, 30, tzinfo=UTC)  # 16:30 New York
MIDDAY = datetime(2026, 11, 20, 17, 2, tzinfo=UTC)  # 12:02 New York


def test_a_close_is_the_same_in_another_process():
    here = [prices.close(s, FRIDAY) for s in ("ALAB", "NVDA", "ZZZZ")]
    code = (
        "from datetime import date; from catalyst_tui.demo.prices import close; "
        "print([close(s, date(2026, 11, 20)) for s in ('ALAB', 'NVDA', 'ZZZZ')])"
    )
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123"},
    )
    assert json.loads(there.stdout) == here


def test_sessions_are_weekdays_and_the_last_one_is_the_last_opened():
    assert prices.last_session(datetime(2026, 11, 22, 12, tzinfo=UTC)) == FRIDAY  # a Sunday
    assert prices.last_session(datetime(2026, 11, 23, 14, 29, tzinfo=UTC)) == FRIDAY  # 09:29
    assert prices.last_session(datetime(2026, 11, 23, 14, 30, tzinfo=UTC)) == date(2026, 11, 23)
    assert prices.sessions(date(2026, 11, 20), date(2026, 11, 23)) == [FRIDAY, date(2026, 11, 23)]
    # New York's clock: 09:30 is 13:30 UTC in summer
    assert prices.session_open(date(2026, 7, 1)).hour == 13


def test_a_whole_session_s_bars_end_at_its_close_within_its_range():
    bar = prices.day_bar("ALAB", FRIDAY, AFTER_CLOSE)
    bars = prices.intraday_bars("ALAB", FRIDAY, 5, AFTER_CLOSE)
    assert len(bars) == 78 and bars[-1].close == bar.close == prices.close("ALAB", FRIDAY)
    assert bars[0].open == bar.open
    assert all(bar.low <= b.low <= b.close <= b.high <= bar.high for b in bars)
    assert all(b.low <= b.open <= b.high for b in bars)
    assert bars[-1].at == datetime(2026, 11, 20, 20, 55, tzinfo=UTC)
    quarter_hours = prices.intraday_bars("ALAB", FRIDAY, 15, AFTER_CLOSE)
    assert len(quarter_hours) == 26 and quarter_hours[-1].close == bar.close


def test_during_a_session_the_day_is_its_trades_so_far():
    bars = prices.intraday_bars("ALAB", FRIDAY, 5, MIDDAY)
    assert len(bars) == 31  # 09:30 .. 12:00 begun by 12:02
    assert bars[-1].at + timedelta(minutes=2) == MIDDAY
    bar = prices.day_bar("ALAB", FRIDAY, MIDDAY)
    assert bar.close == bars[-1].close
    assert bar.high == max(b.high for b in bars) and bar.low == min(b.low for b in bars)


def test_the_chart_the_batch_and_the_intraday_bars_agree():
    for now in (MIDDAY, AFTER_CLOSE):
        _, body = yahoo.chart("ALAB", {"range": "1mo", "interval": "1d"}, now)
        daily = json.loads(body)["chart"]["result"][0]
        row = json.loads(yahoo.quote_batch(["ALAB"], now))["quoteResponse"]["result"][0]
        _, body = yahoo.chart("ALAB", {"range": "1d", "interval": "5m"}, now)
        intraday = json.loads(body)["chart"]["result"][0]
        last = daily["indicators"]["quote"][0]["close"][-1]
        assert row["regularMarketPrice"] == last == daily["meta"]["regularMarketPrice"]
        assert intraday["indicators"]["quote"][0]["close"][-1] == last
        assert row["regularMarketPreviousClose"] == daily["indicators"]["quote"][0]["close"][-2]
    assert yahoo.market_state(MIDDAY) == "REGULAR" and yahoo.market_state(AFTER_CLOSE) == "POST"
