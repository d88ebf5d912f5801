"""An import never leaves a trade out for a rate it lacks. With euros as the base, Revolut's buys
of TSLA and MSFT priced in euros (../shared/realdata/brokers, lines 12 and 13) and DEGIRO's fee
of 1 EUR on its buy of AMC in dollars (lines 36 and 37) need the rate of their day. Online,
`catalyst import` fetches the ECB's rates of those days itself (a loopback server answering in
the ECB's own history format, tests/support/market_server.py) and converts them; offline, it
keeps each in the currency the export states it in, says so, and the first refresh that has the
rate of its day converts it and counts it. The rates are the test's own; each conversion is
computed here by hand."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from tests.cli.test_import_real import DEGIRO_SYMBOLS
from tests.support import cli_inline
from tests.support.market_server import MarketServer, ecb_table, unused_local_url
from tests.support.shared import REALDATA, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

D = dt.date
REVOLUT = str(REALDATA / "brokers" / "revolut-invest-export.csv")
DEGIRO = str(REALDATA / "brokers" / "degiro-export.csv")
# The ECB's reference rates of those days, dollars per euro (the test's own figures)
USD_PER_EUR = {D(2025, 6, 5): 1.1403, D(2025, 9, 8): 1.1717, D(2021, 2, 1): 1.2063}


@pytest.fixture
def market() -> Iterator[MarketServer]:
    with MarketServer(symbols=("O", "TSLA", "MSFT")) as server:
        server.ecb_history = {day: {"USD": usd, "GBP": 0.85} for day, usd in USD_PER_EUR.items()}
        yield server


def config(base_url: str, *, market: str = "") -> str:
    """A file in euros whose ECB files are at `base_url`, its quotes at `market` (if any)."""
    quotes = f'\n[providers.yahoo]\nbase_url = "{market}"\ncookie_url = "{market}/fc"\n'
    return (
        '[settings]\ncurrency = "EUR"\n'
        + ('providers = ["yahoo"]\n' + quotes if market else "")
        + ecb_table(base_url)
    )


def cli(workdir: Path, *args: str) -> tuple[int, str, str]:
    done = cli_inline.on_files(workdir, *args)
    return done.returncode, " ".join(done.stdout.split()), done.stderr


def lots(workdir: Path, symbol: str) -> list:
    return list(load_config(workdir / "catalysts.toml").tickers[symbol].lots)


def test_online_an_import_fetches_the_rates_of_its_days_and_converts(tmp_path, market):
    (tmp_path / "catalysts.toml").write_text(config(market.url))
    code, out, err = cli(tmp_path, "import", REVOLUT)
    assert code == 0, err
    assert "FX: the ECB's rates of USD to EUR of 2025-06-05, 2025-09-08 fetched" in out
    assert "kept in EUR" not in out
    # June 5 is further back than the 90 days' file reaches: the whole history is asked
    assert [r.endpoint for r in market.requests if r.provider == "ecb"] == ["history"]
    (tsla,) = lots(tmp_path, "TSLA")
    assert (tsla.cost, tsla.currency) == (pytest.approx(88.94 * 1.1403), "")
    assert "priced 88.94 EUR, at 1.1403 USD a EUR (ecb, 2025-06-05)" in tsla.note
    (msft,) = lots(tmp_path, "MSFT")
    assert msft.cost == pytest.approx(26.09 * 1.1717)
    # no database yet: the rates were used, and none was made to keep them
    assert not (tmp_path / "c.db").exists()


def test_online_the_rates_fetched_are_kept_in_the_database(tmp_path, market):
    (tmp_path / "catalysts.toml").write_text(config(market.url))
    with Store.open(tmp_path / "c.db"):
        pass  # the database of a user who has refreshed before
    code, _out, err = cli(tmp_path, "import", REVOLUT, "--dry-run")
    assert code == 0, err
    with Store.open(tmp_path / "c.db") as store:
        kept = store.fx.on("USD", "EUR", D(2025, 6, 5))
    assert kept is not None and (kept.day, kept.source) == (D(2025, 6, 5), "ecb")
    assert kept.rate == pytest.approx(1 / 1.1403)
    # the next import finds them kept: nothing is asked
    before = len(market.requests)
    code, out, err = cli(tmp_path, "import", REVOLUT, "--dry-run")
    assert code == 0, err
    assert len(market.requests) == before and "FX:" not in out


def test_online_a_degiro_fee_in_euros_on_a_trade_in_dollars_is_converted(tmp_path, market):
    (tmp_path / "catalysts.toml").write_text(config(market.url))
    symbols = [f"--symbol={isin}={symbol}" for isin, symbol in DEGIRO_SYMBOLS.items()]
    code, out, err = cli(tmp_path, "import", DEGIRO, *symbols, "--opening", "AV.L=4@400")
    assert code == 0, err
    assert "36: a fee of 1 EUR" not in out
    (amc,) = lots(tmp_path, "AMC")
    assert (amc.shares, amc.cost, amc.date) == (1, 1.2108, D(2021, 2, 1))
    assert (amc.fees, amc.fees_currency) == (pytest.approx(1 * 1.2063), "")
    assert "its fee of 1 EUR at 1.2063 USD a EUR (ecb, 2021-02-01)" in amc.note


def test_offline_each_trade_is_kept_in_its_own_currency_and_said(tmp_path):
    (tmp_path / "catalysts.toml").write_text(config(unused_local_url()))
    code, out, err = cli(tmp_path, "import", REVOLUT)
    assert code == 0, err
    assert "FX: the rates of USD to EUR of 2025-06-05, 2025-09-08 could not be fetched" in out
    assert (
        ":12: a buy of TSLA, a listing in USD, priced in EUR (88.94): no EUR to USD rate of "
        "2025-06-05 is stored nor could be fetched; kept in EUR, as the export states it, and "
        "converted once catalyst refresh has that day's rate"
    ) in out
    assert "3 trades and 1 dividend added" in out  # nothing left out for a rate
    (tsla,) = lots(tmp_path, "TSLA")
    assert (tsla.shares, tsla.cost, tsla.date, tsla.currency) == (
        0.56217674,
        88.94,
        D(2025, 6, 5),
        "EUR",
    )
    text = (tmp_path / "catalysts.toml").read_text()
    assert 'cost = 88.94\ndate = 2025-06-05\ncurrency = "EUR"' in text
    # offline again: the file has them, nothing is added twice
    code, out, err = cli(tmp_path, "import", REVOLUT)
    assert code == 0, err
    assert "nothing to add" in out and "kept in EUR" not in out


def test_offline_a_fee_in_euros_is_kept_in_euros(tmp_path):
    (tmp_path / "catalysts.toml").write_text(config(unused_local_url()))
    symbols = [f"--symbol={isin}={symbol}" for isin, symbol in DEGIRO_SYMBOLS.items()]
    code, out, err = cli(tmp_path, "import", DEGIRO, *symbols, "--opening", "AV.L=4@400")
    assert code == 0, err
    assert "36: a fee of 1 EUR for the trade of line 37: no EUR to USD rate" in out
    (amc,) = lots(tmp_path, "AMC")
    assert (amc.cost, amc.fees, amc.fees_currency) == (1.2108, 1.0, "EUR")


def test_a_refresh_that_has_the_rates_converts_what_was_kept(tmp_path, market):
    offline = config(unused_local_url())
    (tmp_path / "catalysts.toml").write_text(offline)
    code, _out, err = cli(tmp_path, "import", REVOLUT)
    assert code == 0, err
    # back online: the same file, its quotes and the ECB's files on the loopback market
    imported = (tmp_path / "catalysts.toml").read_text().replace(offline, "")
    (tmp_path / "catalysts.toml").write_text(config(market.url, market=market.url) + imported)
    # the ECB's history out of reach: the lots wait, said by the refresh and by positions
    market.inject("http503", provider="ecb", endpoint="history")
    code, out, err = cli(tmp_path, "refresh")
    assert code == 0, err
    assert "2 lots written in another currency than the listing's wait for the rate" in out
    code, out, err = cli(tmp_path, "positions")
    assert code == 0, err
    assert (
        "TSLA: a lot of 0.562177 bought 2025-06-05 at 88.94 EUR waits for the EUR to USD rate "
        "of its day: not counted yet"
    ) in out
    code, out, err = cli(tmp_path, "positions", "--json")
    held = {p["symbol"] for p in json.loads(out)}
    assert held == {"O"} and "TSLA: a lot of" in err  # beside the document, never in it
    # then the ECB answers: the next refresh converts them and counts them
    market.clear_faults()
    code, out, err = cli(tmp_path, "refresh")
    assert code == 0, err
    assert "2 lots written in another currency than the listing's converted" in out
    with Store.open(tmp_path / "c.db") as store:
        (tsla,) = store.views.lots("TSLA")
    assert tsla.cost == pytest.approx(88.94 * 1.1403)
    assert "priced 88.94 EUR, at 1.1403 USD a EUR (ecb, 2025-06-05)" in tsla.note
    code, out, err = cli(tmp_path, "positions", "--json")
    got = {p["symbol"]: p for p in json.loads(out)}
    assert got["TSLA"]["shares"] == pytest.approx(0.56217674) and "waits" not in err
    # and importing the export again, online now, adds nothing: the file has each trade
    code, out, err = cli(tmp_path, "import", REVOLUT)
    assert code == 0, err
    assert "nothing to add" in out
