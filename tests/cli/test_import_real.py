"""`catalyst import` of the real exports of ../shared/realdata/brokers, read in place, through the
CLI: each imports whole (its trades, fees, dividends and the tax withheld from them, each in its
own currency), a dry run first, then into a temporary catalysts.toml and database. Every figure
is counted by hand from the file's rows and written here with the row it comes from."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catalyst_tui import cli
from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.portfolio.positions import Lot, Sell
from tests.support.market_server import NO_ECB
from tests.support.shared import REALDATA, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

D = dt.date
BROKERS = REALDATA / "brokers"
THESIS = '[tickers.AAPL]\nname = "Apple"\n' + NO_ECB


def catalyst(tmp_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    code = cli.main([*where, *args])
    out, err = capsys.readouterr()
    return code, " ".join(out.split()), err


def imports(tmp_path: Path, capsys, name: str, *args: str) -> tuple[int, str, str]:
    if not (tmp_path / "catalysts.toml").exists():
        (tmp_path / "catalysts.toml").write_text(THESIS)
    return catalyst(tmp_path, capsys, "import", str(BROKERS / name), *args)


def held(tmp_path: Path, symbol: str) -> tuple[list[Lot], list[Sell]]:
    ticker = load_config(tmp_path / "catalysts.toml").tickers[symbol]
    return [lot._replace(note="") for lot in ticker.lots], [
        s._replace(note="") for s in ticker.sells
    ]


def paid(tmp_path: Path, symbol: str) -> list[tuple[object, ...]]:
    ticker = load_config(tmp_path / "catalysts.toml").tickers[symbol]
    return [(d.date, d.amount, d.tax, d.tax_currency) for d in ticker.dividends]


def test_freetrade_imports_whole(tmp_path, capsys):
    """Rows by hand: 7 VWRL 10 at 99.25 GBP (London: 9,925 pence); 9 ATST 421 at 11.97869359
    GBP with 25.22 GBP stamp duty (2,522 pence); 11 NVDA 4.1056135 at 617.439318 USD with an FX
    fee of 7.76 GBP at 1.2745 USD a pound (9.89012 USD); 13 a free share of VWRL, at no cost.
    Dividends: 4 ATST 421 x 0.0634 GBP = 26.6914 GBP (2,669.14 pence), none withheld; 5 NVDA
    0.46 gross, 0.07 withheld, 0.39 net (USD); 10 AAPL 10.04, 1.51, 8.53; 14 AAPL's property
    income distribution 1 x 0.095, 0.02 withheld, 0.075. Not trades: 2, 3, 6, 8, 12."""
    code, out, err = imports(tmp_path, capsys, "freetrade-export.csv", "--dry-run")
    assert code == 0, err
    assert "Freetrade: would add 4 trades" in out and "Freetrade: would add 4 dividends" in out
    assert "5 rows that are not buys or sales left out" in out
    assert (tmp_path / "catalysts.toml").read_text() == THESIS
    code, out, err = imports(tmp_path, capsys, "freetrade-export.csv")
    assert code == 0, err
    assert "4 trades and 4 dividends added" in out
    lots, _ = held(tmp_path, "VWRL.L")
    assert lots == [Lot(1, 0, D(2024, 1, 21)), Lot(10, 9925, D(2024, 3, 4))]
    ((atst,), _) = held(tmp_path, "ATST.L")
    assert atst.shares == 421 and atst.cost == pytest.approx(1197.869359)
    assert atst.fees == pytest.approx(2522)
    ((nvda,), _) = held(tmp_path, "NVDA")
    assert nvda.cost == pytest.approx(617.439318) and nvda.fees == pytest.approx(7.76 * 1.2745)
    assert paid(tmp_path, "ATST.L") == [(D(2024, 3, 28), pytest.approx(2669.14), 0, "")]
    assert paid(tmp_path, "NVDA") == [(D(2024, 3, 27), 0.39, 0.07, "")]
    assert paid(tmp_path, "AAPL") == [
        (D(2024, 2, 15), 8.53, 1.51, ""),
        (D(2025, 4, 11), pytest.approx(0.075), 0.02, ""),
    ]
    # `export dividends` writes the gross and the tax of each (NVDA, held on the day)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"), dt.datetime.now(dt.UTC))
    code, out, err = catalyst(tmp_path, capsys, "export", "dividends", "--format", "json")
    assert code == 0, err
    (row,) = [r for r in json.loads(out) if r["symbol"] == "NVDA"]
    assert row["gross"] == pytest.approx(0.46) and row["tax"] == pytest.approx(0.07)
    assert row["net"] == pytest.approx(0.39) and row["source"] == "file"


def test_trading_212_imports_whole_with_its_opening_position(tmp_path, capsys):
    """Rows by hand: 3-5 buys of CSCO 0.029053 at 49.96, VICI 0.041014 at 31.93, ASTS 0.29764
    at 5.39 (USD); 6 a sale of 0.61254 ASTR at 1.26, bought before the export: left out naming
    the opening it lacks, imported with --opening. Dividends: 7 MAIN 0.154334 x 0.23 USD less
    0.01 withheld; 8 UNP 0.0280492 x 1.11 less 0.01; 9 INRG, in pence on London (INRG.L):
    0.0280492 x 630.11 pence, its 15.02 withheld stated in USD (no rate to pence: kept in its
    own currency, not taken from the amount). Not trades: 2, 10-14."""
    code, out, err = imports(tmp_path, capsys, "trading212-export.csv", "--dry-run")
    assert code == 0, err
    assert "6: sells 0.61254 ASTR on 2023-12-26, but none held then" in out
    assert "say --opening ASTR=0.61254@PRICE" in out and "would add 3 dividends" in out
    code, out, err = imports(
        tmp_path, capsys, "trading212-export.csv", "--opening", "ASTR=0.61254@2"
    )
    assert code == 0, err
    assert "4 trades and 3 dividends and 1 opening position added" in out
    assert held(tmp_path, "ASTR") == (
        [Lot(0.61254, 2, None)],
        [Sell(0.61254, 1.26, D(2023, 12, 26))],
    )
    assert held(tmp_path, "CSCO") == ([Lot(0.029053, 49.96, D(2023, 12, 18))], [])
    ((d, amount, tax, other),) = paid(tmp_path, "MAIN")
    assert (d, tax, other) == (D(2023, 12, 27), 0.01, "")
    assert amount == pytest.approx(0.154334 * 0.23 - 0.01)
    ((_, amount, tax, other),) = paid(tmp_path, "UNP")
    assert amount == pytest.approx(0.0280492 * 1.11 - 0.01) and tax == 0.01
    ((d, amount, tax, other),) = paid(tmp_path, "INRG.L")
    assert (d, tax, other) == (D(2024, 1, 12), 15.02, "USD")
    assert amount == pytest.approx(0.0280492 * 630.11)


def test_ibkr_dividends_name_their_listing_from_the_description(tmp_path, capsys):
    """VT, AVGO and 4543.T are named by the Description's first word; SMMCHA, paid in CHF,
    names no exchange: asked for by its ISIN, then given. By hand: VT 137.23 - 20.58,
    85.97 - 12.9, 169.77 - 25.47; SMMCHA's ordinary dividend 41.93 - 14.68 = 27.25 CHF (its
    return of capital left out); 455 JPY and 0.59 USD in lieu of dividends, none withheld."""
    code, _out, err = imports(tmp_path, capsys, "ibkr-dividends-export.csv")
    assert code == 2 and ":3,7,8: which listing is CH0111762537 (SMMCHA, paid in CHF)?" in err
    code, out, err = imports(
        tmp_path, capsys, "ibkr-dividends-export.csv", "--symbol", "CH0111762537=SMMCHA.SW"
    )
    assert code == 0, err
    assert "7: a return of capital of 4.83 CHF on SMMCHA.SW, 2023-09-13: none held then" in out
    vt = paid(tmp_path, "VT")
    assert [a for _, a, _, _ in vt] == pytest.approx([116.65, 73.07, 144.30])
    assert [t for _, _, t, _ in vt] == pytest.approx([20.58, 12.9, 25.47])
    assert paid(tmp_path, "SMMCHA.SW") == [(D(2023, 9, 13), pytest.approx(27.25), 14.68, "")]
    assert paid(tmp_path, "4543.T") == [(D(2025, 6, 25), 455, 0, "")]
    assert paid(tmp_path, "AVGO") == [(D(2025, 6, 30), 0.59, 0, "")]


DEGIRO_SYMBOLS = {
    "US1912161007": "KO",
    "US56035L1044": "MAIN",
    "US18539C2044": "CWEN",
    "US9256521090": "VICI",
    "CA0641491075": "BNS",
    "IE00B3RBWM25": "VWRL.AS",
    "AU000000FBR4": "FBR.AX",
    "IE0031442068": "IUSA.AS",
    "US00165C1045": "AMC",
    "IE00BYXG2H39": "IBB.AS",
    "IE00B0M63391": "IKOR.AS",
    "IE00B4L5Y983": "IWDA.AS",
    "US00206R1023": "T",
    "FI4000198031": "QTCOM.HE",
    "US7561091049": "O",
    "GB00BPQY8M80": "AV.L",
    "US69181V1070": "OXSQ",
    "NL0013654783": "PRX.AS",
    "JP3633400001": "7203.T",
    "IE00BYPC1H27": "CNYB.AS",
}


def test_degiro_account_statement_imports_whole(tmp_path, capsys):
    """DEGIRO's Account.csv, rows by hand: 11 buys (22 VICI 1 at 33.9 USD, its 1.00 EUR fee at
    the order's 1.0624 USD a euro; 30, 31 VWRL 1 at 79.35 and 97.93; 32 FBR 500 at 0.039; 37
    AMC 1 at 1.2108 USD, its 1 EUR fee kept in euros: no rate in its order, none stored nor
    fetched (the ECB out of reach); 41 IKOR 1 at 42.53 +
    1.00; 42 IWDA 6 at 49.785, 44 1 at 82.055 + 1.00; 50 QT 6 at 79.96 + 4.90; 65 Prosus's
    stock dividend, 999 at 0; 69 Toyota 30 at 22.4 + 9,999.99); three sales bought before the
    statement (29 BNS, 39 IBB, 56 AV.L), left out naming their openings; the product change
    of 34-35 left out. Dividends less their tax (a row of its own): KO 0.44 - 0.07, MAIN 0.44
    - 0.07, CWEN 0.73 - 0.11, IUSA 11.82, T 1.39, O 0.51 - 0.15, OXSQ 3.50 - 0.53, Toyota
    9,999.99 JPY all withheld, CNYB 0.23."""
    symbols = [f"--symbol={isin}={s}" for isin, s in DEGIRO_SYMBOLS.items()]
    code, _out, err = imports(tmp_path, capsys, "degiro-export.csv", "--dry-run")
    assert code == 2 and ":10,11: which symbol is US1912161007 (COCA-COLA COMPANY (THE)?" in err
    code, out, err = imports(tmp_path, capsys, "degiro-export.csv", *symbols, "--dry-run")
    assert code == 0, err
    assert "would add 11 trades" in out and "would add 9 dividends" in out
    for line, symbol in ((29, "BNS"), (39, "IBB.AS"), (56, "AV.L")):
        assert f"{line}: sells" in out and f"--opening {symbol}=" in out
    assert (
        "36: a fee of 1 EUR for the trade of line 37: no EUR to USD rate of 2021-02-01 is stored"
        " nor could be fetched; kept in EUR, as the export states it"
    ) in out
    code, out, err = imports(
        tmp_path, capsys, "degiro-export.csv", *symbols, "--opening", "AV.L=4@400"
    )
    assert code == 0, err
    ((vici,), _) = held(tmp_path, "VICI")
    assert vici._replace(fees=0, fx=None) == Lot(1, 33.9, D(2022, 12, 15))
    assert vici.fees == pytest.approx(1.0624) and vici.fx is None  # dollars are the base
    assert held(tmp_path, "AV.L") == ([Lot(4, 400, None)], [Sell(4, 496, D(2024, 4, 2))])
    assert held(tmp_path, "IWDA.AS")[0] == [
        Lot(6, 49.785, D(2019, 5, 15)),
        Lot(1, 82.055, D(2024, 1, 2), fees=1.0),
    ]
    assert held(tmp_path, "PRX.AS")[0] == [Lot(999, 0, D(2023, 9, 14))]
    assert held(tmp_path, "AMC")[0] == [
        Lot(1, 1.2108, D(2021, 2, 1), fees=1.0, fees_currency="EUR")  # its fee, in euros
    ]
    assert paid(tmp_path, "KO") == [(D(2022, 12, 16), pytest.approx(0.37), 0.07, "")]
    assert paid(tmp_path, "O") == [(D(2024, 3, 18), pytest.approx(0.36), 0.15, "")]
    assert paid(tmp_path, "7203.T") == [(D(2024, 5, 27), 0, 9999.99, "")]
    assert paid(tmp_path, "IUSA.AS") == [(D(2024, 1, 2), 11.82, 0, "")]


def test_saxo_imports_whole_each_listing_from_its_exchange(tmp_path, capsys):
    """Rows by hand: VWRA on London (`VWRA:xlon`, VWRA.L, in USD) bought 3+3+17+3 on 30 Dec and
    2+2+2 on 16 Dec (32), 3 sold on 2 Jan: 29 held; each fee what the row books beyond the
    shares' money (422.99 - 3 x 139.74 = 3.77); NVDA 3 at 134.85 + 1.00, META 1 at 589.16 +
    1.00, AMZN 2 at 220 + 1; VUSA on Amsterdam 1.5 at 110.01 EUR (16-jan-2025, a Dutch month).
    Dividends: VWRL.AS 1.83 and VUSA.AS 0.46 booked in the account's dollars (its trades of
    dollar listings book at a rate of 1, 3 x 139.74 = 419.22) at 0.92139706: euros a dollar, since
    a euro cost more than a dollar all through 2025 (ECB reference rates 1.02 to 1.18), so
    1.83 x 0.92139706 = 1.686 EUR; the tax not stated. Not trades: deposits, a withdrawal,
    custody fees."""
    code, out, err = imports(tmp_path, capsys, "saxo-export.csv")
    assert code == 0, err
    assert "12 trades and 2 dividends added" in out
    lots, sells = held(tmp_path, "VWRA.L")
    assert sum(lot.shares for lot in lots) == 32 and sells == [Sell(3, 139.74, D(2025, 1, 2))]
    assert lots[0].fees == pytest.approx(3.77) or lots[-1].fees == pytest.approx(3.77)
    assert held(tmp_path, "NVDA") == ([Lot(3, 134.85, D(2024, 12, 30), fees=1.0)], [])
    assert held(tmp_path, "VUSA.AS")[0] == [Lot(1.5, 110.01, D(2025, 1, 16))]
    assert paid(tmp_path, "VWRL.AS") == [
        (D(2025, 4, 2), pytest.approx(1.83 * 0.92139706), None, "")
    ]


def test_revolut_imports_whole_what_it_states(tmp_path, capsys):
    """Rows by hand: 4 O 1.63453043 at $52.07; 5 a sale of 0.1998348 MA bought before the
    export (its opening named); 6 MSFT's dividend $0.08, the tax not stated; 12-13 TSLA and MSFT
    priced in euros, US listings, with no rate of their day stored nor fetched (the ECB out of
    reach): kept in euros, as stated, said; the rest cash, a split and transfers between
    Revolut's companies."""
    code, out, err = imports(tmp_path, capsys, "revolut-invest-export.csv")
    assert code == 0, err
    assert held(tmp_path, "O") == ([Lot(1.63453043, 52.07, D(2023, 9, 22))], [])
    assert paid(tmp_path, "MSFT") == [(D(2019, 12, 13), 0.08, None, "")]
    assert "5: sells 0.1998348 MA on 2023-07-14, but none held then" in out
    assert "12: a buy of TSLA, a listing in USD, priced in EUR" in out
    assert "13: a buy of MSFT, a listing in USD, priced in EUR" in out
    assert "MSFT 0.08 not stated USD" in out
    assert held(tmp_path, "TSLA")[0] == [Lot(0.56217674, 88.94, D(2025, 6, 5), currency="EUR")]
    assert held(tmp_path, "MSFT")[0] == [Lot(0.76672417, 26.09, D(2025, 9, 8), currency="EUR")]


def test_a_lot_in_the_file_is_the_opening_a_sale_before_the_export_sells_from(tmp_path, capsys):
    """Revolut's line 5 sells 0.1998348 MA bought before the export: with a lot of MA in
    catalysts.toml (bought earlier), the sale is imported with the rest, nothing left out."""
    (tmp_path / "catalysts.toml").write_text(
        THESIS + '\n[tickers.MA]\nname = "Mastercard"\n[[tickers.MA.lots]]\n'
        "shares = 0.5\ncost = 350\ndate = 2023-01-03\n"
    )
    code, out, err = imports(tmp_path, capsys, "revolut-invest-export.csv")
    assert code == 0, err
    assert "sells 0.1998348 MA" not in out
    assert held(tmp_path, "MA")[1] == [Sell(0.1998348, 402.13, D(2023, 7, 14))]
