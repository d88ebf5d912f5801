"""Every dividend of the seven real exports of ../shared/realdata/brokers is kept: each one the
file gains is shown by `catalyst export dividends`, dated as the export dates it, and one paid
on shares the file holds none of on its day is named with its line and why. The figures come
from the files' rows, written here by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from catalyst_tui import cli
from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from tests.cli.test_import_real import DEGIRO_SYMBOLS
from tests.support.market_server import NO_ECB
from tests.support.shared import REALDATA, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

BROKERS = REALDATA / "brokers"
IBKR_SYMBOLS = {"CH0111762537": "SMMCHA.SW", "US9220427424": "VT"}
# Each export with the symbols its ISINs name (the DEGIRO statement names its products by ISIN
# only; IBKR's trades by ISIN, its cash rows' SMMCHA with no exchange).
SEVEN = {
    "degiro-export.csv": DEGIRO_SYMBOLS,
    "freetrade-export.csv": {},
    "ibkr-dividends-export.csv": {"CH0111762537": "SMMCHA.SW"},
    "ibkr-trades-export.csv": IBKR_SYMBOLS,
    "revolut-invest-export.csv": {},
    "saxo-export.csv": {},
    "trading212-export.csv": {},
}
# The dividends paid on shares no lot holds on their day (bought before the export), by line.
UNHELD = {
    "freetrade-export.csv": {10: "AAPL", 14: "AAPL"},
    "trading212-export.csv": {7: "MAIN", 8: "UNP", 9: "INRG.L"},
    "revolut-invest-export.csv": {6: "MSFT"},
    "ibkr-dividends-export.csv": {2: "VT", 5: "VT", 6: "VT", 11: "4543.T", 12: "AVGO"},
}


def catalyst(tmp_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    code = cli.main([*where, *args])
    out, err = capsys.readouterr()
    return code, " ".join(out.split()), err


def exported(tmp_path: Path, capsys) -> list[dict[str, Any]]:
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"), dt.datetime.now(dt.UTC))
    code, out, err = catalyst(tmp_path, capsys, "export", "dividends", "--format", "json")
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


@pytest.mark.parametrize("name", sorted(SEVEN))
def test_every_dividend_of_a_real_export_is_kept_and_shown(tmp_path, capsys, name):
    (tmp_path / "catalysts.toml").write_text(NO_ECB)
    mapped = [f"--symbol={isin}={symbol}" for isin, symbol in SEVEN[name].items()]
    opening = ["--opening", "AV.L=4@400"] if name.startswith("degiro") else []
    code, out, err = catalyst(tmp_path, capsys, "import", str(BROKERS / name), *mapped, *opening)
    assert code == 0, err
    for line, symbol in UNHELD.get(name, {}).items():
        assert f":{line}: pays a dividend of {symbol} on " in out, out
        assert "none held then" in out and "kept as received" in out
    written = {
        (t.symbol, d.date.isoformat(), round(d.amount, 9))
        for t in load_config(tmp_path / "catalysts.toml").tickers.values()
        for d in t.dividends
    }
    shown = {
        (r["symbol"], r["pay_date"], round(float(r["net"]), 9)) for r in exported(tmp_path, capsys)
    }
    assert written <= shown
    if name != "ibkr-trades-export.csv":  # the one export with no dividend
        assert written


def test_a_dividend_keeps_its_pay_date_and_the_sum_its_decimals(tmp_path, capsys):
    """Freetrade's line 4: ATST's ex-date 2024-02-29, paid on 2024-03-28, each in its column;
    IBKR's line 2: VT's 116.65 received with 20.58 withheld, 137.23 gross."""
    (tmp_path / "catalysts.toml").write_text(NO_ECB)
    code, _out, err = catalyst(tmp_path, capsys, "import", str(BROKERS / "freetrade-export.csv"))
    assert code == 0, err
    ibkr = str(BROKERS / "ibkr-dividends-export.csv")
    code, _out, err = catalyst(tmp_path, capsys, "import", ibkr, "--symbol=CH0111762537=SMMCHA.SW")
    assert code == 0, err
    rows = exported(tmp_path, capsys)
    (atst,) = [r for r in rows if r["symbol"] == "ATST.L"]
    assert (atst["ex_date"], atst["pay_date"]) == ("2024-02-29", "2024-03-28")
    assert atst["shares"] == 421  # held on the ex-date: the lot of 2024-02-23
    vt = [r for r in rows if r["symbol"] == "VT"]
    assert [r["gross"] for r in vt] == [137.23, 85.97, 169.77]
    assert [r["shares"] for r in vt] == [None, None, None]  # no lot of VT: not known
    code, out, err = catalyst(tmp_path, capsys, "export", "dividends")
    assert code == 0 and "137.23000000000002" not in out


def test_one_trade_and_one_dividend_are_said_in_the_singular(tmp_path, capsys):
    # its buys of TSLA and MSFT priced in euros (lines 12, 13) already in the file, kept in
    # euros as an import without the rate of their day writes them: O's buy alone is new
    held = "".join(
        f"[tickers.{s}]\n[[tickers.{s}.lots]]\nshares = {n}\ncost = {c}\ndate = {d}\n"
        'currency = "EUR"\n'
        for s, n, c, d in (
            ("TSLA", 0.56217674, 88.94, "2025-06-05"),
            ("MSFT", 0.76672417, 26.09, "2025-09-08"),
        )
    )
    (tmp_path / "catalysts.toml").write_text(NO_ECB + held)
    revolut = str(BROKERS / "revolut-invest-export.csv")
    code, out, err = catalyst(tmp_path, capsys, "import", revolut)
    assert code == 0, err
    assert "1 trade and 1 dividend added" in out


def test_a_cost_left_null_says_why(tmp_path, capsys):
    """ATST.L, 421 bought at 1,197.87 pence, never quoted: its currency is not known yet, so
    neither is its cost in dollars; said, and `no_fx` true (no rate to the base)."""
    (tmp_path / "catalysts.toml").write_text(NO_ECB)
    code, _out, err = catalyst(tmp_path, capsys, "import", str(BROKERS / "freetrade-export.csv"))
    assert code == 0, err
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"), dt.datetime.now(dt.UTC))
    code, out, err = catalyst(tmp_path, capsys, "positions", "--json")
    assert code == 0, err
    rows = {r["symbol"]: r for r in json.loads(out)}
    atst = rows["ATST.L"]
    assert atst["cost"] is None and atst["no_fx"] is True
    assert "currency is not known" in atst["reason"]
    assert rows["NVDA"]["cost"] is not None and rows["NVDA"]["reason"] is None
