"""`catalyst import FILE`: each broker's export, written here in its documented layout (Interactive
Brokers' Flex trades CSV, Schwab, Fidelity, Trading 212, DEGIRO, a generic CSV with its columns
named), appended to catalysts.toml as lots and sales with the file's comments kept; a second
import of the same file adds nothing; a row that cannot be read is reported with its line and
nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui import cli
from catalyst_tui.config import load_config
from catalyst_tui.thesis.portfolio.positions import Lot, Sell

D = dt.date
THESIS = """# my thesis: this comment stays
[tickers.AAPL]
name = "Apple"  # the phone maker
group = "hardware"

[[tickers.AAPL.checkpoints]]
id = "services"
title = "Services keep growing"
kind = "milestone"
due = 2027-06-30
"""


def run(tmp_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    code = cli.main([*where, "import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def export(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / "catalysts.toml").write_text(THESIS)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def imported(tmp_path: Path, symbol: str) -> tuple[list[Lot], list[Sell]]:
    ticker = load_config(tmp_path / "catalysts.toml").tickers[symbol]
    return [lot._replace(note="") for lot in ticker.lots], [
        s._replace(note="") for s in ticker.sells
    ]


IBKR = """"ClientAccountID","CurrencyPrimary","AssetClass","Symbol","TradeID","TradeDate","Quantity","TradePrice","IBCommission","Buy/Sell"
"U1234567","USD","STK","AAPL","701","20240105","10","181.18","-1","BUY"
"U1234567","USD","STK","NVDA","702","20240212","5","721.28","-1.0025","BUY"
"U1234567","USD","OPT","AAPL  240119C00190000","703","20240110","1","2.5","-0.65","BUY"
"ClientAccountID","CurrencyPrimary","AssetClass","Symbol","TradeID","TradeDate","Quantity","TradePrice","IBCommission","Buy/Sell"
"U1234567","USD","STK","NVDA","704","20240315","-2","878.37","-1","SELL"
"""  # noqa: E501


def test_an_interactive_brokers_flex_query_becomes_lots_and_sales(tmp_path, capsys):
    path = export(tmp_path, "trades.csv", IBKR)
    code, out, err = run(tmp_path, capsys, path)
    assert code == 0, err
    assert "Interactive Brokers" in out and "new tickers: NVDA" in out
    assert imported(tmp_path, "AAPL") == ([Lot(10, 181.18, D(2024, 1, 5), fees=1.0)], [])
    assert imported(tmp_path, "NVDA") == (
        [Lot(5, 721.28, D(2024, 2, 12), fees=1.0025)],
        [Sell(2, 878.37, D(2024, 3, 15), fees=1.0)],
    )
    text = (tmp_path / "catalysts.toml").read_text()
    assert "# my thesis: this comment stays" in text and "# the phone maker" in text
    assert 'note = "imported from Interactive Brokers (Flex query, trades CSV), trade 701"' in text
    # the option is not a share: left out, and said
    assert "1 row that is not a buy or a sale left out" in out


def test_a_second_import_of_the_same_file_adds_nothing(tmp_path, capsys):
    path = export(tmp_path, "trades.csv", IBKR)
    assert run(tmp_path, capsys, path)[0] == 0
    before = (tmp_path / "catalysts.toml").read_text()
    code, out, _err = run(tmp_path, capsys, path)
    assert code == 0 and "nothing to add" in out and "3 already in the file" in out
    assert (tmp_path / "catalysts.toml").read_text() == before


def test_a_dry_run_shows_what_it_would_add_and_writes_nothing(tmp_path, capsys):
    path = export(tmp_path, "trades.csv", IBKR)
    code, out, _err = run(tmp_path, capsys, path, "--dry-run")
    assert code == 0 and "would add 3 trades" in out
    assert " ".join(out.split()).count("2024-02-12 NVDA buy 5 721.28 1.00 USD") == 1
    assert (tmp_path / "catalysts.toml").read_text() == THESIS


def test_a_row_that_cannot_be_read_is_reported_with_its_line_and_nothing_is_written(
    tmp_path, capsys
):
    broken = IBKR.replace('"20240212","5","721.28"', '"20240212","5","seven"')
    path = export(tmp_path, "trades.csv", broken)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2
    assert f"{path}:3: 'seven' is not a number" in err
    assert "nothing was written" in err
    assert (tmp_path / "catalysts.toml").read_text() == THESIS


def test_a_sale_of_more_than_the_export_bought_names_the_opening_it_lacks(tmp_path, capsys):
    """NVDA: 5 bought in the export, 20 sold: 15 were bought before it. The rest imports, the
    sale is left out naming the opening position; with --opening the sale and an undated lot
    of the opening are written; an opening the holdings still fall short of is refused."""
    path = export(tmp_path, "trades.csv", IBKR.replace('"-2","878.37"', '"-20","878.37"'))
    code, out, err = run(tmp_path, capsys, path)
    assert code == 0, err
    said = " ".join(out.split())
    assert f"{path}:6: sells 20 NVDA on 2024-03-15, but only 5 held then" in said
    assert "lacks an opening position of 15; say --opening NVDA=15@PRICE" in said
    assert imported(tmp_path, "NVDA") == ([Lot(5, 721.28, D(2024, 2, 12), fees=1.0025)], [])
    code, out, err = run(tmp_path, capsys, path, "--opening", "NVDA=15@400")
    assert code == 0, err
    lots, sells = imported(tmp_path, "NVDA")
    assert sorted(lots, key=lambda lot: lot.date or D.min) == [
        Lot(15, 400, None),
        Lot(5, 721.28, D(2024, 2, 12), fees=1.0025),
    ]
    assert sells == [Sell(20, 878.37, D(2024, 3, 15), fees=1.0)]
    # a third import, the opening given again: nothing twice
    before = (tmp_path / "catalysts.toml").read_text()
    code, out, err = run(tmp_path, capsys, path, "--opening", "NVDA=15@400")
    assert code == 0 and "nothing to add" in out
    assert (tmp_path / "catalysts.toml").read_text() == before


def test_an_opening_too_small_or_not_needed_is_refused(tmp_path, capsys):
    path = export(tmp_path, "trades.csv", IBKR.replace('"-2","878.37"', '"-20","878.37"'))
    code, _out, err = run(tmp_path, capsys, path, "--opening", "NVDA=10@400")
    assert code == 2 and "only 15 are held then with the opening of 10" in err
    assert (tmp_path / "catalysts.toml").read_text() == THESIS
    code, _out, err = run(tmp_path, capsys, path, "--opening", "AAPL=1@100", "--dry-run")
    assert code == 2 and "--opening AAPL: no sale of the export sells from it" in err
    code, _out, err = run(tmp_path, capsys, path, "--opening", "NVDA=ten@400")
    assert code == 2 and "write SYMBOL=SHARES@PRICE" in err


SCHWAB = """"Transactions  for account Individual ...123 as of 03/20/2024 10:15 AM ET"
"Date","Action","Symbol","Description","Quantity","Price","Fees & Comm","Amount"
"03/15/2024","Sell","AAPL","APPLE INC","4","$172.62","$0.02","$690.46"
"02/20/2024 as of 02/16/2024","Qualified Dividend","AAPL","APPLE INC","","","","$2.40"
"01/17/2024","Buy","AAPL","APPLE INC","10","$182.68","","-$1,826.80"
"01/16/2024","MoneyLink Transfer","","Tfr BANK","","","","$2,000.00"
"Transactions Total","","","","","","","$866.06"
"""


def test_schwab_history(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, export(tmp_path, "schwab.csv", SCHWAB))
    assert code == 0, err
    assert "Schwab" in out and "3 rows that are not buys or sales left out" in out
    assert imported(tmp_path, "AAPL") == (
        [Lot(10, 182.68, D(2024, 1, 17))],
        [Sell(4, 172.62, D(2024, 3, 15), fees=0.02)],
    )


FIDELITY = """

Run Date,Action,Symbol,Security Description,Security Type,Quantity,Price ($),Commission ($),Fees ($),Accrued Interest ($),Amount ($),Settlement Date
 03/01/2024,YOU SOLD MICROSOFT CORP (MSFT) (Cash),MSFT,MICROSOFT CORP,Cash,-3,415.50,,0.05,,1246.45,03/04/2024
 02/15/2024,DIVIDEND RECEIVED MICROSOFT CORP (MSFT) (Cash),MSFT,MICROSOFT CORP,Cash,,,,,,3.75,
 01/10/2024,YOU BOUGHT MICROSOFT CORP (MSFT) (Cash),MSFT,MICROSOFT CORP,Cash,5,375.79,0.00,,,-1878.95,01/12/2024


"The data and information in this spreadsheet is provided to you solely for your use,"
"Brokerage services are provided by Fidelity Brokerage Services LLC (FBS)"
"""  # noqa: E501


def test_fidelity_history(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, export(tmp_path, "History.csv", FIDELITY))
    assert code == 0, err
    assert "Fidelity" in out
    assert imported(tmp_path, "MSFT") == (
        [Lot(5, 375.79, D(2024, 1, 10))],
        [Sell(3, 415.5, D(2024, 3, 1), fees=0.05)],
    )


TRADING212 = """Action,Time,ISIN,Ticker,Name,No. of shares,Price / share,Currency (Price / share),Exchange rate,Result,Currency (Result),Total,Currency (Total),Withholding tax,Currency (Withholding tax),Currency conversion fee,Currency (Currency conversion fee),Notes,ID
Deposit,2024-01-02 09:00:00,,,,,,,,,,1000.00,EUR,,,,,,dep-1
Market buy,2024-01-03 15:31:07,US0378331005,AAPL,Apple,2.5,184.25,USD,1.0921,,EUR,422.15,EUR,,,0.63,EUR,,EOF101
Dividend (Ordinary),2024-02-16 10:00:00,US0378331005,AAPL,Apple,2.5,0.24,USD,1.0775,,EUR,0.47,EUR,0.09,USD,,,,
Limit sell,2024-03-08 16:02:11,US0378331005,AAPL,Apple,1,170.73,USD,1.0944,-11.81,EUR,155.76,EUR,,,0.23,EUR,,EOF102
"""  # noqa: E501


def test_trading_212_history(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, export(tmp_path, "t212.csv", TRADING212))
    assert code == 0, err
    ((lot,), (sale,)) = imported(tmp_path, "AAPL")
    # the conversion fee is in euros: at 1.0921 dollars a euro, 0.63 EUR is 0.688023 USD
    assert lot._replace(fees=0.0) == Lot(2.5, 184.25, D(2024, 1, 3))
    assert lot.fees == pytest.approx(0.63 * 1.0921)
    assert sale._replace(fees=0.0) == Sell(1, 170.73, D(2024, 3, 8))
    assert sale.fees == pytest.approx(0.23 * 1.0944)


DEGIRO = """Date,Time,Product,ISIN,Reference exchange,Venue,Quantity,Price,,Local value,,Value EUR,Exchange rate,AutoFX Fee,Transaction and/or third party fees EUR,Total EUR,Order ID,
15-03-2024,15:35,ASML HOLDING,NL0010273215,EAM,XAMS,-2,"880,40",EUR,"1760,80",EUR,"1760,80",,"0,00","-2,00","1758,80",b7c9e1a2,
05-02-2024,09:12,ASML HOLDING,NL0010273215,EAM,XAMS,5,"812,10",EUR,"-4060,50",EUR,"-4060,50",,"0,00","-4,90","-4065,40",a1f3d9c0,
"""  # noqa: E501


def test_degiro_transactions_with_decimal_commas_and_day_first_dates(tmp_path, capsys):
    path = export(tmp_path, "Transactions.csv", DEGIRO)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2
    assert f"{path}:2,3: which symbol is NL0010273215 (ASML HOLDING)?" in err
    assert "--symbol NL0010273215=SYMBOL" in err
    code, _out, err = run(tmp_path, capsys, path, "--symbol", "NL0010273215=ASML.AS")
    assert code == 0, err
    assert imported(tmp_path, "ASML.AS") == (
        [Lot(5, 812.1, D(2024, 2, 5), fees=4.9)],
        [Sell(2, 880.4, D(2024, 3, 15), fees=2.0)],
    )


GENERIC = """Trade date;Ticker;Type;Qty;Unit price;Ccy;Costs
03/01/2024;SAP.DE;Kauf;10;171,24;EUR;4,95
14/02/2024;SAP.DE;Verkauf;4;1.180,50;EUR;4,95
"""


def test_a_generic_csv_with_its_columns_named(tmp_path, capsys):
    path = export(tmp_path, "mine.csv", GENERIC)
    maps = [
        "date=Trade date",
        "symbol=Ticker",
        "side=Type",
        "shares=Qty",
        "price=Unit price",
        "currency=Ccy",
        "fees=Costs",
    ]
    code, out, err = run(tmp_path, capsys, path, *(f"--map={m}" for m in maps))
    assert code == 0, err
    # a semicolon file: decimal commas; 14/02 says the day comes first
    assert imported(tmp_path, "SAP.DE") == (
        [Lot(10, 171.24, D(2024, 1, 3), fees=4.95)],
        [Sell(4, 1180.5, D(2024, 2, 14), fees=4.95)],
    )
    assert "would" not in out


def test_a_generic_csv_whose_dates_could_be_either_way_says_so(tmp_path, capsys):
    text = "date,symbol,side,shares,price\n03/01/2024,NVDA,buy,1,480.5\n04/02/2024,NVDA,buy,1,700\n"
    path = export(tmp_path, "mine.csv", text)
    code, _out, err = run(tmp_path, capsys, path)
    assert code == 2
    assert f"{path}:2: '03/01/2024' could be day first or month first" in err
    code, _out, err = run(tmp_path, capsys, path, "--month-first")
    assert code == 0, err
    assert [lot.date for lot in imported(tmp_path, "NVDA")[0]] == [D(2024, 3, 1), D(2024, 4, 2)]


def test_provider_text_cannot_command_the_terminal(tmp_path, capsys):
    text = "date,symbol,side,shares,price\n2024-01-03,NV\x1b]0;pwned\x07DA,buy,1,480.5\n"
    code, _out, err = run(tmp_path, capsys, export(tmp_path, "mine.csv", text))
    assert code == 2 and "is not a ticker symbol" in err
    assert "\x1b" not in err and "\x07" not in err


HAND_TYPED = """date,symbol,side,shares,price
2024-01-05,AAPL,buy,10,181.18
2024-01-05,AAPL,buy,10,181.18
2024-01-08,AAPL,buy,3,185.455
2024-01-09,AAPL,buy,4,186.62
2024-01-10,AAPL,sell,2,190.4321
"""


def test_a_trade_typed_by_hand_with_a_rounded_price_is_not_imported_again(tmp_path, capsys):
    """The rule: same symbol, side, day and shares, and the file's price within half a unit of
    the last decimal written. 181.2 stands for one of the two fills at 181.18 (the other is
    added); 185.46 for 185.455 (exactly half a cent off); 190 for 190.4321; 186.5 does not
    stand for 186.62 (0.12 off, past half a unit of its last decimal, 0.05)."""
    path = export(tmp_path, "mine.csv", HAND_TYPED)
    (tmp_path / "catalysts.toml").write_text(
        THESIS
        + """
[[tickers.AAPL.lots]]
shares = 10
cost = 181.2
date = 2024-01-05
[[tickers.AAPL.lots]]
shares = 3
cost = 185.46
date = 2024-01-08
[[tickers.AAPL.lots]]
shares = 4
cost = 186.5
date = 2024-01-09
[[tickers.AAPL.sells]]
shares = 2
price = 190
date = 2024-01-10
"""
    )
    code, out, err = run(tmp_path, capsys, path, "--broker", "generic", "--dry-run")
    assert code == 0, err
    said = " ".join(out.split())
    assert "would add 2 trades" in said and "3 already in the file" in said
    assert "2024-01-05 AAPL buy 10 181.18" in said  # the second fill of that day
    assert "2024-01-09 AAPL buy 4 186.62" in said  # 186.5 is 0.12 off: another trade


@pytest.mark.parametrize(
    ("written", "price", "same"),
    [
        (181.2, 181.18, True),
        (181.2, 181.25, True),
        (181.2, 181.26, False),
        (181.0, 181.5, True),
        (181.0, 181.51, False),
        (1200.0, 1199.6, True),
        (0.0125, 0.01249, True),
        (0.0125, 0.0126, False),
        (181.18, 181.18, True),
        (181.18, 181.185, True),
    ],
)
def test_a_written_price_stands_for_prices_within_half_a_unit_of_its_last_decimal(
    written, price, same
):
    from catalyst_tui.config.importing import typed_as

    assert typed_as(written, price) is same
