"""The release evening in two processes on one database (a `catalyst refresh` beside the
daemon's): sixty companies whose results are awaited, SEC answering "not yet" (no 8-K). Each
company's submissions are asked once a poll across both processes (a claim per company in the
database, store/results.py), and SEC is never asked more than ten times in any second (its
pacing kept in a file both processes share, market/http/pacing.py). Before: 118 requests for the
sixty, 19 in one second."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.models import EarningsDate
from catalyst_tui.store import Store
from tests.support import filings_server
from tests.support.filings_server import NEW_YORK, FilingsServer
from tests.support.market_server import MarketServer
from tests.support.rates import per_second

UA = "Catalyst Tests tests@example.com"
DAY = dt.date(2026, 11, 3)  # every company's earnings date
NOW = dt.datetime.combine(DAY, dt.time(17, 0), NEW_YORK)  # after the close: results awaited
SYMBOLS = [f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]
# One refresh, at NOW, through the client every refresh makes (jobs/client.py), once `go`
# exists: both processes start their refresh together.
REFRESH = """
import asyncio, datetime as dt, sys, time
from pathlib import Path
from catalyst_tui.config import load_config
from catalyst_tui.jobs.client import market_client
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.store import Store

config, db, go, now = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
config = load_config(Path(config), use_cache=False)
moment = dt.datetime.fromisoformat(now)
notes = []
client = market_client(config, notes)
while not go.exists():
    time.sleep(0.01)
with Store.open(Path(db)) as store:
    report = asyncio.run(refresh_in_process(config, store, now=lambda: moment, client=client))
print(len(report.fresh))
"""


@pytest.mark.long
def test_two_processes_ask_each_company_once_a_poll_and_sec_ten_times_a_second_at_most(
    tmp_path: Path, monkeypatch
):
    for i, symbol in enumerate(SYMBOLS):  # sixty companies EDGAR knows
        monkeypatch.setitem(filings_server.CIKS, symbol, 1_900_000 + i)
    with MarketServer(symbols=SYMBOLS) as market, FilingsServer() as sec:
        for symbol in SYMBOLS:
            market.earnings[symbol] = DAY
        tickers = "".join(f'\n[tickers.{s}]\nname = "{s} Inc."\n' for s in SYMBOLS)
        path = tmp_path / "catalysts.toml"
        path.write_text(sec.settings_toml(market.url, UA) + tickers)
        config = load_config(path, use_cache=False)
        db = tmp_path / "c.db"
        with Store.open(db) as store:
            store.sync.apply(config, NOW)
            for symbol in SYMBOLS:  # the calendar said: today, after the close
                day = EarningsDate(symbol, DAY, "yahoo", False)
                store.market.save_earnings(symbol, day, NOW - dt.timedelta(hours=3))
        go = tmp_path / "go"
        env = {**os.environ, "NO_PROXY": "127.0.0.1"}
        argv = [sys.executable, "-c", REFRESH, str(path), str(db), str(go), NOW.isoformat()]
        processes = [
            subprocess.Popen(
                argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        go.touch()
        for process in processes:
            out, err = process.communicate(timeout=600)
            assert process.returncode == 0, err
            assert out.strip() == str(len(SYMBOLS)), err  # every quote, in both
        submissions = Counter(r.path for r in sec.requests("/submissions/"))
        asked = [r.at for r in sec.requests() if not r.path.startswith("/rss/")]
    ciks = {f"/submissions/CIK{1_900_000 + i:010d}.json" for i in range(len(SYMBOLS))}
    assert set(submissions) == ciks and set(submissions.values()) == {1}, submissions
    assert per_second(asked) <= 10, per_second(asked)
