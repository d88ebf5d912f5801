"""Prices and fees an export states in another currency than the listing's, with no rate
between them, converted at the day's rate the database keeps (the ECB's, in the base currency):
Revolut's buys of TSLA and MSFT priced in euros (../shared/realdata/brokers, lines 12 and 13),
DEGIRO's fee of 1 EUR on its buy of AMC in dollars (lines 36 and 37). Without a rate kept (and
the ECB out of reach: tests/cli/test_import_day_rates.py fetches them), each is kept in the
currency the export states it in, and said. The rates are the test's own, the conversions
computed here by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui import cli
from catalyst_tui.config import load_config
from catalyst_tui.market.models import FxRate
from catalyst_tui.store import Store
from tests.cli.test_import_real import DEGIRO_SYMBOLS
from tests.support.market_server import NO_ECB
from tests.support.shared import REALDATA, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

BROKERS = REALDATA / "brokers"
D = dt.date
NOW = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)


def catalyst(tmp_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    code = cli.main([*where, *args])
    out, err = capsys.readouterr()
    return code, " ".join(out.split()), err


def kept(tmp_path: Path, *rates: tuple[dt.date, float]) -> None:
    """The database with the base currency's (USD) rates of the euro on those days."""
    config = load_config(tmp_path / "catalysts.toml")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, NOW)
        store.fx.save([FxRate("EUR", "USD", day, rate, "ecb") for day, rate in rates], NOW)


def test_revolut_buys_priced_in_euros_are_converted_at_the_days_rate(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text(NO_ECB)
    revolut = str(BROKERS / "revolut-invest-export.csv")
    code, out, err = catalyst(tmp_path, capsys, "import", revolut, "--dry-run")
    assert code == 0, err
    assert ":12: a buy of TSLA, a listing in USD, priced in EUR (88.94)" in out
    assert "no EUR to USD rate of 2025-06-05 is stored nor could be fetched; kept in EUR" in out
    # 2025-06-05 has its own rate; 2025-09-08 (a Monday) takes Friday's, 2025-09-05
    kept(tmp_path, (D(2025, 6, 5), 1.1403), (D(2025, 9, 5), 1.1717))
    code, out, err = catalyst(tmp_path, capsys, "import", revolut)
    assert code == 0, err
    assert "a buy of TSLA" not in out and "a buy of MSFT" not in out
    tickers = load_config(tmp_path / "catalysts.toml").tickers
    (tsla,) = tickers["TSLA"].lots
    assert tsla.cost == pytest.approx(88.94 * 1.1403) and tsla.date == D(2025, 6, 5)
    assert "priced 88.94 EUR, at 1.1403 USD a EUR (ecb, 2025-06-05)" in tsla.note
    msft = [lot for lot in tickers["MSFT"].lots if lot.date == D(2025, 9, 8)]
    assert [lot.cost for lot in msft] == [pytest.approx(26.09 * 1.1717)]


def test_a_degiro_fee_in_euros_on_a_trade_in_dollars_takes_the_days_rate(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text(NO_ECB)
    mapped = [f"--symbol={isin}={symbol}" for isin, symbol in DEGIRO_SYMBOLS.items()]
    degiro = str(BROKERS / "degiro-export.csv")
    args = ("import", degiro, *mapped, "--opening", "AV.L=4@400")
    code, out, err = catalyst(tmp_path, capsys, *args, "--dry-run")
    assert code == 0, err
    assert "36: a fee of 1 EUR for the trade of line 37: no EUR to USD rate of 2021-02-01" in out
    kept(tmp_path, (D(2021, 2, 1), 1.2063))
    code, out, err = catalyst(tmp_path, capsys, *args)
    assert code == 0, err
    assert "36: a fee of 1 EUR" not in out
    (amc,) = load_config(tmp_path / "catalysts.toml").tickers["AMC"].lots
    assert (amc.shares, amc.cost, amc.date) == (1, 1.2108, D(2021, 2, 1))
    assert amc.fees == pytest.approx(1 * 1.2063)
    assert "its fee of 1 EUR at 1.2063 USD a EUR (ecb, 2021-02-01)" in amc.note
