"""A refresh when no crumb can be had at all, on the loopback market and a real database: the
crumb kept in the store (another process's) is refused with 401 and getcrumb answers Too Many
Requests. Each quote comes by its chart (docs/market-data.md), none goes stale, the refresh says
why in its notes, and `catalyst estimates --json` divides the new price by the consensus."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.market.estimates import Consensus, Estimates, Range
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.models import Quote, QuoteOutcome, YahooSession
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.market_server import MarketServer

EPS = 2.0


def loopback_client() -> MarketClient:
    return MarketClient(
        trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS, backoff_base=0.01
    )


OLD_PRICE = 10.0


async def test_no_crumb_to_be_had_quotes_by_the_chart_and_the_forward_pe_follows(tmp_path: Path):
    with MarketServer(symbols=["ALAB", "NVDA"]) as market:
        text = (
            f'[settings]\nproviders = ["yahoo"]\n\n[providers.yahoo]\nbase_url = "{market.url}"\n'
            f'cookie_url = "{market.url}/fc"\n\n[tickers.ALAB]\nname = "Astera Labs"\n\n'
            '[tickers.NVDA]\nname = "NVIDIA"\n'
        )
        (tmp_path / "catalysts.toml").write_text(text)
        config = parse_config(text)
        market.getcrumb_body = "Too Many Requests"
        now = dt.datetime.now(dt.UTC)
        earlier = now - dt.timedelta(days=2)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config, earlier)
            old = Quote("ALAB", OLD_PRICE, None, None, None, "USD", None, earlier, "yahoo")
            store.market.save_quotes([QuoteOutcome("ALAB", old)], earlier)
            year = Consensus("0y", dt.date(now.year, 12, 31), Range(EPS, 1.9, 2.2, 14))
            store.estimates.save("ALAB", Estimates("ALAB", "yahoo", periods=(year,)), now)
            kept = YahooSession("A3=d=AQABBLoopbackTestCookie", "refusedCrumb1", now)
            store.providers.save_session("yahoo", kept)
            async with loopback_client() as client:
                report = await refresh_in_process(config, store, client=client)
            assert {"ALAB", "NVDA"} <= report.fresh, report.notes
            assert any(n.startswith("yahoo: no crumb") for n in report.notes), report.notes
            last = store.market.last_quotes(["ALAB"])["ALAB"]
            assert last.quote is not None and not last.stale
            price = last.quote.price
        assert [r.status for r in market.requests_for(endpoint="quote")] == [401]
        assert market.requests_for(endpoint="chart", symbol="ALAB")
    assert price != OLD_PRICE
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "estimates",
            "--json",
            "--db",
            str(tmp_path / "c.db"),
            "--config",
            str(tmp_path / "catalysts.toml"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    alab = next(r for r in json.loads(done.stdout) if r["symbol"] == "ALAB")
    assert alab["price"] == price
    assert alab["forward_pe"] == pytest.approx(price / EPS)
