"""The Street's consensus in another money than the quote (Yahoo's `earningsCurrency`: CNY for
BABA's US listing, EUR for SPOT's), through `catalyst estimates --json` and `catalyst check` on
a real database: converted at the stored rate into the quote's money before the price is divided
by it, or, with no rate stored, no forward P/E with the reason, and a guard on it pending.

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.models import FxRate, Quote, QuoteOutcome
from catalyst_tui.market.yahoo.estimates import parse_estimates
from catalyst_tui.store import Store
from tests.support import cli_inline
from tests.support.street import modules, trend_row

NOW = dt.datetime(2026, 11, 2, 14, tzinfo=dt.UTC)
FY_END = dt.date(2027, 3, 31)
#: symbol -> (price in USD, the EPS consensus, the money Yahoo says it is in)
LISTINGS = {"BABA": (85.0, 60.0, "CNY"), "SPOT": (600.0, 12.0, "EUR"), "AAPL": (270.0, 7.5, "USD")}
CNY_IN_USD = 0.14  # the stored rate: USD per CNY (no EUR rate is stored)


def answer(symbol: str) -> str:
    _price, eps, currency = LISTINGS[symbol]
    row = trend_row(
        "0y",
        FY_END,
        (eps, eps * 0.9, eps * 1.1, 30),
        (1e11, 9e10, 1.1e11, 25),
        (eps, eps, eps, eps, eps),
    )
    row["earningsEstimate"]["earningsCurrency"] = currency
    row["revenueEstimate"]["revenueCurrency"] = currency
    return json.dumps({"quoteSummary": {"result": [modules([row], [])], "error": None}})


def catalyst(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """`catalyst ARGS` on `tmp_path`'s files, in this process (tests/support/cli_inline.py)."""
    where = ("--db", str(tmp_path / "c.db"), "--config", str(tmp_path / "catalysts.toml"))
    done = cli_inline.run(*args, *where, env={"COLUMNS": "160"})
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "catalysts.toml").write_text(
        "".join(
            f'[tickers.{s}]\nname = "{s}"\n[[tickers.{s}.checkpoints]]\nid = "pe"\n'
            f'title = "not dear"\nkind = "guard"\nwhen = "forward_pe <= 5"\n'
            for s in LISTINGS
        )
    )
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"), NOW)
        store.market.save_quotes(
            [
                QuoteOutcome(s, Quote(s, price, None, None, None, "USD", None, NOW, "yahoo"))
                for s, (price, _eps, _currency) in LISTINGS.items()
            ],
            NOW,
        )
        store.fx.save([FxRate("CNY", "USD", NOW.date(), CNY_IN_USD, "test")], NOW)
        for symbol in LISTINGS:
            store.estimates.save(symbol, parse_estimates(answer(symbol), symbol, NOW.date()), NOW)
        assert store.estimates.currencies() == {"CNY", "EUR", "USD"}
    return tmp_path


def test_a_consensus_in_another_money_is_converted_or_gives_no_ratio(db: Path):
    done = catalyst(db, "estimates", "--json")
    assert done.returncode == 0, done.stderr
    rows = {r["symbol"]: r for r in json.loads(done.stdout)}
    # 60 CNY at 0.14 USD each is 8.40 USD: 85 / 8.40, not 85 / 60
    assert rows["BABA"]["forward_pe"] == pytest.approx(85.0 / (60.0 * CNY_IN_USD))
    assert rows["AAPL"]["forward_pe"] == pytest.approx(270.0 / 7.5)
    assert rows["SPOT"]["forward_pe"] is None
    assert rows["SPOT"]["forward_pe_reason"] == (
        "the fiscal-year EPS consensus of SPOT is in EUR, its quote in USD: no FX rate stored "
        "to convert it yet"
    )


def test_a_guard_reads_the_same_ratio(db: Path):
    estimates = {r["symbol"]: r for r in json.loads(catalyst(db, "estimates", "--json").stdout)}
    rows = {r["symbol"]: r for r in json.loads(catalyst(db, "check", "--json").stdout)}
    assert rows["BABA"]["value"] == pytest.approx(estimates["BABA"]["forward_pe"])
    # 85 / 8.40 ≈ 10x misses a ceiling of 5x that 85 / 60 ≈ 1.4x, blind to the CNY, would hold
    assert rows["BABA"]["status"] == "missed"
    assert rows["AAPL"]["status"] == "missed"  # 36x
    assert (rows["SPOT"]["status"], rows["SPOT"]["value"]) == ("pending", None)
    assert rows["SPOT"]["reason"] == estimates["SPOT"]["forward_pe_reason"]


def test_the_guards_value_says_the_consensus_in_both_moneys(db: Path):
    rows = {r["symbol"]: r for r in json.loads(catalyst(db, "check", "--json").stdout)}
    table = catalyst(db, "check").stdout
    assert rows["BABA"]["status"] == "missed"
    assert "EPS 60.00 CNY = 8.40 USD" in table, table
