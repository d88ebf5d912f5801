"""`catalyst import` of each broker's export as the brokers write them: Trading 212's fee columns
named with their currency, a London listing named by `--symbol`, an Interactive Brokers trade
cancelled and rebooked, DEGIRO's wrapped lines, a header that is not the format asked for; and
the seven real exports of ../shared/realdata/brokers read in place, each read or refused by name,
their figures checked against the files' own rows."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.thesis.portfolio.positions import Lot, Sell
from tests.cli.test_import import THESIS, export, imported, run
from tests.support.shared import REALDATA, missing

D = dt.date
BROKERS = REALDATA / "brokers"

T212_FEES = """Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Result,Currency (Result),Total,Currency (Total),Stamp duty reserve tax (GBP),Currency conversion fee (GBP),Finra fee (GBP),ID
Market buy,2024-01-03 08:01:07,GB00BH4HKS39,VOD,Vodafone,100,70.10,GBX,1.00,,GBP,70.45,GBP,0.35,,,EOF1
Market buy,2024-01-04 15:31:07,US0378331005,AAPL,Apple Inc,2,184.25,USD,1.2700,,GBP,290.40,GBP,,0.44,,EOF2
Market sell,2024-03-08 16:02:11,US0378331005,AAPL,Apple Inc,1,170.73,USD,1.2800,-11.81,GBP,133.10,GBP,,0.20,0.01,EOF3
"""  # noqa: E501


def test_trading_212_fee_columns_named_with_their_currency_go_into_the_lot(tmp_path, capsys):
    path = export(tmp_path, "t212.csv", T212_FEES)
    code, _out, err = run(tmp_path, capsys, path, "--symbol", "GB00BH4HKS39=VOD.L")
    assert code == 0, err
    # stamp duty: 0.35 GBP on a price in pence is 35 pence
    ((vod,), ()) = imported(tmp_path, "VOD.L")
    assert vod._replace(fees=0.0) == Lot(100, 70.10, D(2024, 1, 3))
    assert vod.fees == pytest.approx(35.0)
    # the conversion fee in pounds, at 1.27 dollars a pound; the sale's Finra fee as well
    ((lot,), (sale,)) = imported(tmp_path, "AAPL")
    assert lot.fees == pytest.approx(0.44 * 1.27)
    assert sale._replace(fees=0.0) == Sell(1, 170.73, D(2024, 3, 8))
    assert sale.fees == pytest.approx((0.20 + 0.01) * 1.28)


def test_the_rate_paid_goes_into_the_lot_when_the_account_is_in_the_base_currency(tmp_path, capsys):
    """Trading 212's `Exchange rate` is the instrument's units per account unit (1.27 dollars a
    pound): with pounds as the base currency, the lot's `fx` is 1 / 1.27 pounds per dollar; in
    dollars (the default) the rate is no base rate and is not written."""
    path = export(tmp_path, "t212.csv", T212_FEES)
    (tmp_path / "catalysts.toml").write_text('[settings]\ncurrency = "GBP"\n\n' + THESIS)
    code, _out, err = run(tmp_path, capsys, path, "--symbol", "GB00BH4HKS39=VOD.L")
    assert code == 0, err
    config = load_config(tmp_path / "catalysts.toml")
    assert config.tickers["AAPL"].lots[0].fx == pytest.approx(1 / 1.27)
    assert config.tickers["VOD.L"].lots[0].fx is None  # in pence, the account's own currency
    path = export(tmp_path, "t212.csv", T212_FEES)
    code, _out, err = run(tmp_path, capsys, path, "--symbol", "GB00BH4HKS39=VOD.L")
    assert code == 0, err
    assert load_config(tmp_path / "catalysts.toml").tickers["AAPL"].lots[0].fx is None


def test_a_trading_212_london_line_is_its_ticker_in_london_unless_symbol_says(tmp_path, capsys):
    path = export(tmp_path, "t212.csv", T212_FEES)
    code, out, err = run(tmp_path, capsys, path, "--dry-run")
    assert code == 0, err
    said = " ".join(out.split())
    assert "2024-01-03 VOD.L buy 100 70.1" in said and " VOD buy" not in said
    code, out, err = run(tmp_path, capsys, path, "--symbol", "GB00BH4HKS39=VOD2.L", "--dry-run")
    assert code == 0, err
    assert "2024-01-03 VOD2.L buy 100 70.1" in " ".join(out.split())


def test_a_symbol_for_an_isin_the_export_does_not_name_is_refused(tmp_path, capsys):
    path = export(tmp_path, "t212.csv", T212_FEES)
    code, _out, err = run(tmp_path, capsys, path, "--symbol", "GB00BH4HKS38=VOD.L")
    assert code == 2 and f"--symbol GB00BH4HKS38: {path} names no such ISIN" in err


def test_a_format_without_isins_refuses_symbol_by_name(tmp_path, capsys):
    from tests.cli.test_import import SCHWAB

    path = export(tmp_path, "schwab.csv", SCHWAB)
    code, _out, err = run(tmp_path, capsys, path, "--symbol", "US0378331005=AAPL")
    assert code == 2 and "--symbol: Schwab's export names no ISIN" in err


IBKR_REBOOKED = """"ClientAccountID","CurrencyPrimary","AssetClass","Symbol","Description","TradeID","TransactionType","TradeDate","Quantity","TradePrice","IBCommission","Buy/Sell"
"U1","USD","STK","AAPL","APPLE INC","9001","ExchTrade","20240105","10","181.18","-1","BUY"
"U1","USD","STK","AAPL","APPLE INC","9001","TradeCancel","20240105","-10","181.18","1","BUY (Ca.)"
"U1","USD","STK","AAPL","APPLE INC","9001","ExchTrade","20240105","10","181.28","-1","BUY"
"U1","USD","STK","MSFT","MICROSOFT CORP","9002","ExchTrade","20240108","3","375.00","-1","BUY"
"U1","USD","STK","MSFT","MICROSOFT CORP","9002","ExchTrade","20240108","3","375.00","-1","BUY"
"""  # noqa: E501


def test_an_ibkr_trade_cancelled_and_rebooked_is_one_trade(tmp_path, capsys):
    path = export(tmp_path, "trades.csv", IBKR_REBOOKED)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 0, err
    # the cancellation takes out the first booking; the rebooked one stays
    assert imported(tmp_path, "AAPL") == ([Lot(10, 181.28, D(2024, 1, 5), fees=1.0)], [])
    # the same trade id twice: one lot; the instrument's name from the export
    assert imported(tmp_path, "MSFT") == ([Lot(3, 375.0, D(2024, 1, 8), fees=1.0)], [])
    assert load_config(tmp_path / "catalysts.toml").tickers["MSFT"].name == "MICROSOFT CORP"


def test_one_trade_id_for_two_different_trades_is_refused_at_its_line(tmp_path, capsys):
    text = IBKR_REBOOKED.rsplit('"375.00"', 1)
    path = export(tmp_path, "trades.csv", '"376.00"'.join(text))
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2 and f"{path}:6: trade '9002' is also line 5, with other figures" in err


DEGIRO_WRAPPED = """Date,Time,Product,ISIN,Reference exchange,Venue,Quantity,Price,,Local value,,Value EUR,Exchange rate,AutoFX Fee,Transaction and/or third party fees EUR,Total EUR,Order ID,
05-02-2024,09:12,ISHARES CORE MSCI WORLD UCITS ETF US,IE00B4L5Y983,EAM,XAMS,5,"82,10",EUR,"-410,50",EUR,"-410,50",,"0,00","-1,00","-411,50",a1f3d9c0-77aa-,
,,D (ACC),,,,,,,,,,,,,,4b1c,
15-03-2024,15:35,ASML HOLDING,NL0010273215,EAM,XAMS,-2,"880,40",EUR,"1760,80",EUR,"1760,80",,"0,00","-2,00","1758,80",b7c9e1a2,
"""  # noqa: E501


def test_a_degiro_line_that_is_the_rest_of_the_row_above_is_read_as_part_of_it(tmp_path, capsys):
    (tmp_path / "catalysts.toml").write_text(
        THESIS + '\n[tickers.ASML]\nname = "ASML"\n'
        "[[tickers.ASML.lots]]\nshares = 2\ncost = 600\n"
        "date = 2023-01-02\n"
    )
    path = tmp_path / "Transactions.csv"
    path.write_text(DEGIRO_WRAPPED)
    code, _out, err = run(
        tmp_path,
        capsys,
        str(path),
        "--symbol",
        "IE00B4L5Y983=IWDA.AS",
        "--symbol",
        "NL0010273215=ASML",
    )
    assert code == 0, err
    assert imported(tmp_path, "IWDA.AS") == ([Lot(5, 82.1, D(2024, 2, 5), fees=1.0)], [])
    ticker = load_config(tmp_path / "catalysts.toml").tickers["IWDA.AS"]
    assert ticker.name == "ISHARES CORE MSCI WORLD UCITS ETF USD (ACC)"
    assert "trade a1f3d9c0-77aa-4b1c" in ticker.lots[0].note
    assert imported(tmp_path, "ASML")[1] == [Sell(2, 880.4, D(2024, 3, 15), fees=2.0)]


def test_a_header_that_is_not_the_format_asked_for_names_its_columns(tmp_path, capsys):
    from tests.cli.test_import import IBKR

    path = export(tmp_path, "trades.csv", IBKR)
    code, _out, err = run(tmp_path, capsys, path, "--broker", "trading212")
    assert code == 2
    assert "not Trading 212's export" in err
    assert "its columns are 'ClientAccountID', 'CurrencyPrimary', 'AssetClass'" in err
    assert "could not be read" not in err and f"{path}:1:" not in err  # no bad row: no export


def test_a_header_catalyst_does_not_know_is_said_with_its_columns_not_as_a_bad_row(
    tmp_path, capsys
):
    path = export(tmp_path, "mine.csv", "when,what,qty\n2024-01-05,AAPL,3\n")
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2
    assert f"{path}: not an export catalyst knows (Interactive Brokers, Schwab, Fidelity" in err
    assert "its columns are 'when', 'what', 'qty': name them with --map FIELD=COLUMN" in err
    code, _out, err = run(tmp_path, capsys, path, "--map", "date=when")
    assert code == 2
    assert "no line has the columns 'when', 'symbol', 'side', 'shares', 'price'" in err
    assert "could not be read" not in err


# -- the real exports, read in place --------------------------------------------------------

real = pytest.mark.skipif(missing() is not None, reason=str(missing()))


@real
def test_the_real_ibkr_trades_export_reconciles_with_its_rows(tmp_path, capsys):
    """By hand from the file: VT (US9220427424) is bought 95, 105, 11, 1, 2, 97 and 12 shares
    (323), CH0111762537 7 at 282.7 CHF with a 5 CHF commission; the three SELL rows with no
    ISIN are currency conversions (8000 USD at 1.1173 CHF...), no shares of anything."""
    (tmp_path / "catalysts.toml").write_text(THESIS)
    path = str(BROKERS / "ibkr-trades-export.csv")
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2 and f"{path}:2: which symbol is CH0111762537?" in err
    code, out, err = run(
        tmp_path, capsys, path, "--symbol", "US9220427424=VT", "--symbol", "CH0111762537=SREN.SW"
    )
    assert code == 0, err
    assert "3 rows that are not buys or sales left out" in out
    lots, sells = imported(tmp_path, "VT")
    assert [lot.shares for lot in lots] == [95, 105, 11, 1, 2, 97, 12] and not sells
    assert sum(lot.shares for lot in lots) == 323
    assert imported(tmp_path, "SREN.SW") == ([Lot(7, 282.7, D(2023, 5, 22), fees=5.0)], [])


@real
def test_the_real_ibkr_dividends_export_reconciles_with_its_rows(tmp_path, capsys):
    """By hand from the file: VT's dividends of 2023-06-23, 09-21 and 12-21 are 137.23, 85.97
    and 169.77 USD less the tax withheld on each day (20.58, 12.9, 25.47): 116.65, 73.07 and
    144.30 received; CH0111762537's ordinary dividend of 2023-09-13, 41.93 CHF less 14.68, is
    27.25; its return of capital the same day (4.83) is no dividend, and with no lot held to
    lower the cost of, left out, said; the two
    payments in lieu of dividends (455 JPY, 0.59 USD) are received whole."""
    (tmp_path / "catalysts.toml").write_text(THESIS)
    path = str(BROKERS / "ibkr-dividends-export.csv")
    symbols = [
        "US9220427424=VT",
        "CH0111762537=SREN.SW",
        "JP3546800008=4543.T",
        "US11135F1012=AVGO",
    ]
    code, out, err = run(tmp_path, capsys, path, *(f"--symbol={s}" for s in symbols))
    assert code == 0, err
    assert f"{path}:7: a return of capital of 4.83 CHF on SREN.SW, 2023-09-13: none held" in out
    tickers = load_config(tmp_path / "catalysts.toml").tickers
    vt = [(d.date, d.amount) for d in tickers["VT"].dividends]
    assert [d for d, _ in vt] == [D(2023, 6, 23), D(2023, 9, 21), D(2023, 12, 21)]
    assert [a for _, a in vt] == pytest.approx([137.23 - 20.58, 85.97 - 12.9, 169.77 - 25.47])
    (sren,) = tickers["SREN.SW"].dividends
    assert sren.date == D(2023, 9, 13) and sren.amount == pytest.approx(41.93 - 14.68)
    assert [d.amount for d in tickers["4543.T"].dividends] == [455]
    assert [d.amount for d in tickers["AVGO"].dividends] == [0.59]
    assert not tickers["VT"].lots  # a dividend is no purchase


# -- issue 53's three: hand-built rows in the brokers' real formats ---------------------------

T212_LONDON = """Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Result,Currency (Result),Total,Currency (Total),Withholding tax,Currency (Withholding tax),Notes,ID,Currency conversion fee,Currency (Currency conversion fee)
Market buy,2024-02-01 08:15:02,GB00BLDYK618,SMT,"Scottish Mortgage Investment Trust",10.0000000000,13.49,GBP,1.00000000,,"GBP",134.90,"GBP",,,,EOF900100,,
Market buy,2024-02-02 08:20:11,GB00BLDYK618,SMT,"Scottish Mortgage Investment Trust",10.0000000000,785.20,GBX,86.30197,,"EUR",91.12,"EUR",,,,EOF900101,0.14,"EUR"
"""  # noqa: E501


def test_a_london_line_priced_in_pounds_is_written_in_pence(tmp_path, capsys):
    """SMT.L is quoted in pence: 10 at 13.49 GBP is a lot of cost 1,349 (docs/config.md: a lot's
    cost in the listing's unit)."""
    path = export(tmp_path, "t212.csv", "".join(T212_LONDON.splitlines(keepends=True)[:2]))
    code, _out, err = run(tmp_path, capsys, path, "--symbol", "GB00BLDYK618=SMT.L")
    assert code == 0, err
    lots, _ = imported(tmp_path, "SMT.L")
    assert lots[0] == Lot(10, 1349, D(2024, 2, 1))


def test_a_rate_between_pence_and_euros_is_read_from_the_rows_own_total(tmp_path, capsys):
    """Row 3: 10 at 785.20 pence is 7,852 pence; at 86.30197 pence a euro, 90.98 EUR, with the
    0.14 EUR conversion fee the row's 91.12 total: the rate is per penny, so the fee is
    0.14 x 86.30197 pence, and with euros the base the lot's rate paid is 1 / 0.8630197 euros a
    pound."""
    path = export(tmp_path, "t212.csv", T212_LONDON)
    (tmp_path / "catalysts.toml").write_text('[settings]\ncurrency = "EUR"\n\n' + THESIS)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 0, err
    lot = load_config(tmp_path / "catalysts.toml").tickers["SMT.L"].lots[1]
    assert (lot.shares, lot.cost, lot.date) == (10, 785.2, D(2024, 2, 2))
    assert lot.fees == pytest.approx(0.14 * 86.30197)
    assert lot.fx == pytest.approx(1 / 0.8630197)


IBKR_CANCEL = """"ClientAccountID","CurrencyPrimary","AssetClass","Symbol","Description","ISIN","TradeID","OrigTradeID","TransactionType","TradeDate","Quantity","TradePrice","IBCommission","IBCommissionCurrency","Buy/Sell"
"U1","USD","STK","AAPL","APPLE INC","US0378331005","9001","","ExchTrade","20240105","10","181.18","-1","USD","BUY"
"U1","USD","STK","AAPL","APPLE INC","US0378331005","","9001","TradeCancel","20240105","-10","181.18","1","USD","BUY (Ca.)"
"U1","USD","STK","AAPL","APPLE INC","US0378331005","9003","","ExchTrade","20240105","10","181.28","-1","USD","BUY"
"""  # noqa: E501


def test_an_ibkr_cancel_names_the_trade_it_cancels_in_orig_trade_id(tmp_path, capsys):
    path = export(tmp_path, "trades.csv", IBKR_CANCEL)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 0, err
    assert imported(tmp_path, "AAPL") == ([Lot(10, 181.28, D(2024, 1, 5), fees=1.0)], [])
