"""`catalyst daemon` stopped by SIGTERM while it reads a hostile exhibit: 200,000 nested divs
(2.2 MB) kept its parse busy for minutes in a thread nothing could cancel, so the daemon said
"stopped" and ran on. The parse is bounded now (reading/html_bounds.py), so the process ends
within its stop deadline."""

from __future__ import annotations

import datetime as dt
import signal
import time

from tests.support.filings_server import FilingsServer
from tests.support.liveness import HANG
from tests.support.market_server import MarketServer

from .test_daemon import reap, start_daemon, wait_for

UA = "Catalyst Tests tests@example.com"
# Seconds from SIGTERM to the end of the process: generous, for a loaded machine; the unbounded
# parse took minutes.
STOP_DEADLINE = 30


def test_sigterm_during_the_parse_of_a_deeply_nested_exhibit_ends_the_daemon(tmp_path):
    deep = "<html><body>" + "<div>Scorpio news " * 200_000 + "</body></html>"
    with MarketServer(symbols=["ALAB"]) as market, FilingsServer() as sec:
        sec.add_filing(
            "ALAB",
            "8-K",
            dt.datetime.now(dt.UTC) - dt.timedelta(days=2),
            items=("8.01",),
            exhibits={"EX-99.1": ("deep.htm", deep)},
        )
        exhibit = f"{sec.filings[0].folder}/deep.htm"
        (tmp_path / "catalysts.toml").write_text(
            sec.settings_toml(market.url, UA)
            + '[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nid = "scorpio"\ntitle = "Scorpio"\n'
            'kind = "milestone"\ndue = 2099-12-31\nevidence = ["Scorpio"]\n'
        )
        proc, lines = start_daemon(tmp_path)
        try:
            wait_for(lines, "catalyst daemon: watching", HANG)
            waited = time.monotonic() + HANG
            while not sec.requests(exhibit) and time.monotonic() < waited:
                time.sleep(0.05)
            assert sec.requests(exhibit), "the exhibit was never asked for"
            time.sleep(0.2)  # its body is on the way or read: the parse begins
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=STOP_DEADLINE) == 0
            wait_for(lines, "catalyst daemon: stopped", STOP_DEADLINE)
        finally:
            stderr = reap(proc)
        assert "Traceback" not in stderr
