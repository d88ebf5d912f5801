"""A refresh on the loopback market where Yahoo's consensus of BABA's US listing is in CNY
(`earningsCurrency`) and its quote in USD: the refresh fetches the CNY rate, as it does a quoted
currency's, and `catalyst estimates --json` divides the price by the consensus in dollars."""

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
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS
from catalyst_tui.store import Store
from tests.support.market_server import MarketServer
from tests.support.street import modules, trend_row

EPS_CNY = 60.0


def loopback_client() -> MarketClient:
    return MarketClient(
        trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS, backoff_base=0.01
    )


async def test_the_consensus_money_is_fetched_and_the_forward_pe_is_in_dollars(tmp_path: Path):
    with MarketServer(symbols=["BABA"]) as market:
        market.fx_pair("CNY", "USD", 0.14)
        row = trend_row(
            "0y", dt.date(2027, 3, 31), (EPS_CNY, 55.0, 66.0, 30), (1e12, 9e11, 1.1e12, 25)
        )
        row["earningsEstimate"]["earningsCurrency"] = "CNY"
        market.street["BABA"] = modules([row], [])
        text = (
            f'[settings]\nproviders = ["yahoo"]\n\n[providers.yahoo]\nbase_url = "{market.url}"\n'
            f'cookie_url = "{market.url}/fc"\n\n[tickers.BABA]\nname = "Alibaba"\n'
        )
        (tmp_path / "catalysts.toml").write_text(text)
        config = parse_config(text)
        with Store.open(tmp_path / "c.db") as store:
            store.sync.apply(config)
            async with loopback_client() as client:
                for _ in range(
                    2
                ):  # the CNY rate comes with the refresh after the consensus said it
                    await refresh_in_process(config, store, client=client)
            stored = store.estimates.of("BABA")
            assert stored is not None and stored.period("0y") is not None
            assert stored.period("0y").currency == "CNY"  # type: ignore[union-attr]
            rate = store.fx.latest("USD")["CNY"].rate
            last = store.market.last_quotes(["BABA"])["BABA"]
            assert last.quote is not None and last.quote.currency in (None, "USD")
            price = last.quote.price
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
    (baba,) = json.loads(done.stdout)
    assert baba["forward_pe"] == pytest.approx(price / (EPS_CNY * rate))
