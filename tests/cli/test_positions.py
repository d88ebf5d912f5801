"""Positions in the base currency end to end: `catalyst refresh` on the loopback market (Yahoo
charts quoted in USD, GBp and EUR, the FX pairs' charts, the ECB's daily file), then
`catalyst positions --json` and `catalyst export positions`, each figure checked against the
arithmetic written here from the market's own closes and the lots and sales of the file.

The commands run in the test's own process (tests/support/cli_inline.py): what they print,
exit with and store is what is tested, not the process."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import cli_inline
from tests.support.market_server import MarketServer

SYMBOLS = ("AAPL", "OCDO.L", "SAP.DE")


@pytest.fixture(scope="module")
def market() -> Iterator[MarketServer]:
    with MarketServer(symbols=SYMBOLS) as server:
        server.currencies.update({"OCDO.L": "GBp", "SAP.DE": "EUR"})
        server.fx_pair("GBP", "USD", 1.25)
        server.fx_pair("EUR", "USD", 1.08)
        yield server


def sale_day(server: MarketServer) -> dt.date:
    """A session two weeks back, inside the FX history a first refresh fetches."""
    day = server.last_session() - dt.timedelta(days=14)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def portfolio(server: MarketServer, *, extra: str = "") -> str:
    base = server.url
    year = server.last_session().year
    sold = sale_day(server)
    return f"""# my portfolio
[settings]
providers = ["yahoo"]
currency = "USD"  # totals in dollars

[providers.yahoo]
base_url = "{base}"
cookie_url = "{base}/fc"

[providers.ecb]
daily_url = "{base}/stats/eurofxref/eurofxref-daily.xml"

[tickers.AAPL]
name = "Apple"

[[tickers.AAPL.lots]]
shares = 10
cost = 150
date = {year - 2}-01-10

[[tickers.AAPL.lots]]
shares = 5
cost = 200
date = {year - 2}-06-03

[[tickers.AAPL.checkpoints]]
id = "gain"
title = "Up on what is still held"
kind = "guard"
when = "gain_pct >= -90%"

[[tickers.AAPL.sells]]
shares = 12
price = 220
date = {year}-01-02
fees = 5
note = "=trimmed()"

[tickers."OCDO.L"]
name = "Ocado"

[[tickers."OCDO.L".lots]]
shares = 100
cost = 309.3  # pence
fx = 1.27     # dollars per pound paid
date = {year - 1}-03-03

[[tickers."OCDO.L".sells]]
shares = 40
price = 320  # pence
date = {sold.isoformat()}

[[tickers."OCDO.L".checkpoints]]
id = "weight-cap"
title = "Ocado stays small"
kind = "guard"
when = "weight <= 50%"

[tickers."SAP.DE"]
name = "SAP"

[[tickers."SAP.DE".lots]]
shares = 4
cost = 180
date = {year - 1}-02-03

[[tickers."SAP.DE".sells]]
shares = 1
price = 190
date = {sold.isoformat()}
{extra}"""


def cli(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """`catalyst ARGS` on `workdir`'s files, in this process (tests/support/cli_inline.py)."""
    return cli_inline.on_files(workdir, *args)


async def in_thread(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """`cli` from a test that runs an event loop: a command runs its own (asyncio.run), which
    only a thread without one may start."""
    return await asyncio.to_thread(cli, workdir, *args)


@pytest.fixture(scope="module")
def refreshed(market: MarketServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("positions")
    (workdir / "catalysts.toml").write_text(portfolio(market))
    result = cli(workdir, "refresh")
    assert result.returncode == 0, result.stderr + result.stdout
    return workdir


def test_positions_json_equals_the_hand_computation_in_dollars(market, refreshed):
    result = cli(refreshed, "positions", "--json")
    assert result.returncode == 0, result.stderr
    got = {p["symbol"]: p for p in json.loads(result.stdout)}
    last = market.last_session()
    aapl, ocdo, sap = (market.close(s, last) for s in SYMBOLS)
    gbp, eur = market.close("GBPUSD=X", last), market.close("EURUSD=X", last)
    eur_on_sale = market.close("EURUSD=X", sale_day(market))

    # AAPL: 15 bought, 12 sold first-in first-out: all 10 at 150, then 2 of the 5 at 200.
    aapl_value, aapl_cost = 3 * aapl, 3 * 200
    aapl_realized = (12 * 220 - 5) - (10 * 150 + 2 * 200)  # 2635 - 1900 = 735
    # OCDO.L: 309.3 pence a share paid at 1.27 dollars a pound; the price is in pence too. 40
    # sold at 320 pence on the sale day, at that day's dollars a pound; 60 left.
    gbp_on_sale = market.close("GBPUSD=X", sale_day(market))
    ocdo_value, ocdo_cost = 60 * ocdo / 100 * gbp, 60 * 309.3 / 100 * 1.27
    ocdo_realized = 40 * 320 / 100 * gbp_on_sale - 40 * 309.3 / 100 * 1.27
    # SAP.DE: 1 of 4 sold at 190 on the sale day, at that day's rate; no rate paid on the lot,
    # so its cost is taken at the rates of the day (the sale's, and today's for what is held).
    sap_value, sap_cost = 3 * sap * eur, 3 * 180 * eur
    sap_realized = (190 - 180) * eur_on_sale
    total = aapl_value + ocdo_value + sap_value

    expected = {
        "AAPL": ("USD", 3, aapl, aapl_value, aapl_cost, aapl_realized),
        "OCDO.L": ("GBp", 60, ocdo, ocdo_value, ocdo_cost, ocdo_realized),
        "SAP.DE": ("EUR", 3, sap, sap_value, sap_cost, sap_realized),
    }
    assert set(got) == set(expected)
    for symbol, (currency, shares, price, value, cost, realized) in expected.items():
        entry = got[symbol]
        assert entry["currency"] == currency
        assert entry["shares"] == pytest.approx(shares)
        assert entry["price"] == pytest.approx(price)
        cents = 0.0051  # the figures are rounded to whole cents
        assert entry["value"] == pytest.approx(value, abs=cents)
        assert entry["cost"] == pytest.approx(cost, abs=cents)
        # Figures shown add up (docs/tui.md, Rounding): the gain is the value less the cost as
        # shown, so it may be a cent off the exact difference, never more.
        assert entry["unrealized"] == pytest.approx(entry["value"] - entry["cost"], abs=1e-9)
        assert entry["unrealized"] == pytest.approx(value - cost, abs=2 * cents)
        assert entry["realized"] == pytest.approx(realized, abs=cents)
        assert entry["weight"] == pytest.approx(value / total)
        assert entry["no_fx"] is False


def test_weight_and_gain_pct_are_of_what_is_held_in_dollars(market, refreshed):
    result = cli(refreshed, "check", "--json")
    rows = {f"{r['symbol']}/{r['id']}": r for r in json.loads(result.stdout)}
    last = market.last_session()
    aapl, ocdo, sap = (market.close(s, last) for s in SYMBOLS)
    gbp, eur = market.close("GBPUSD=X", last), market.close("EURUSD=X", last)
    total = 3 * aapl + 60 * ocdo / 100 * gbp + 3 * sap * eur
    assert rows["OCDO.L/weight-cap"]["value"] == pytest.approx(60 * ocdo / 100 * gbp / total)
    assert rows["AAPL/gain"]["value"] == pytest.approx(3 * aapl / (3 * 200) - 1)


def test_fx_rates_are_stored_with_their_history(market, refreshed):
    from catalyst_tui.store import Store

    with Store.open(refreshed / "c.db") as store:
        history = store.fx.history("GBP", "USD")
        latest = store.fx.latest("USD")
    days = [r.day for r in history]
    assert len(days) > 200  # a year of sessions from the first chart
    assert days == sorted(days) and days[-1] == market.last_session()
    for rate in history[-20:]:
        assert rate.rate == pytest.approx(market.close("GBPUSD=X", rate.day))
        assert rate.source == "yahoo"
    assert set(latest) == {"GBP", "EUR"}


def test_export_positions_writes_lots_and_sales_in_both_formats(market, refreshed):
    result = cli(refreshed, "export", "positions", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["symbol"], r["kind"], r["shares"]) for r in rows] == [
        ("AAPL", "lot", 10),
        ("AAPL", "lot", 5),
        ("AAPL", "sell", 12),
        ("OCDO.L", "lot", 100),
        ("OCDO.L", "sell", 40),
        ("SAP.DE", "lot", 4),
        ("SAP.DE", "sell", 1),
    ]
    assert rows[2]["price"] == 220 and rows[2]["fees"] == 5 and rows[2]["note"] == "=trimmed()"
    assert rows[3]["fx"] == 1.27 and rows[3]["price"] == 309.3
    result = cli(refreshed, "export", "positions")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 7 and table[2]["kind"] == "sell" and table[2]["fees"] == "5.0"
    assert table[2]["note"] == "'=trimmed()"  # a spreadsheet shows it, never runs it


async def test_the_ecb_gives_the_rate_yahoo_has_no_chart_for(tmp_path):
    """DKK has no CURUSD=X chart on this market: the ECB's daily file (EUR-based) gives the
    cross rate, USD per EUR over DKK per EUR. ARS is in neither: shown in its own currency,
    left out of the totals, never summed as dollars."""
    with MarketServer(symbols=("ORSTED.CO", "YPF.BA")) as server:
        server.currencies.update({"ORSTED.CO": "DKK", "YPF.BA": "ARS"})
        base = server.url
        (tmp_path / "catalysts.toml").write_text(f"""[settings]
providers = ["yahoo"]

[providers.yahoo]
base_url = "{base}"
cookie_url = "{base}/fc"

[providers.ecb]
daily_url = "{base}/stats/eurofxref/eurofxref-daily.xml"

[tickers."ORSTED.CO"]
name = "Orsted"
lots = [{{ shares = 10, cost = 300 }}]

[tickers."YPF.BA"]
name = "YPF"
lots = [{{ shares = 2, cost = 30000 }}]
""")
        assert (await in_thread(tmp_path, "refresh")).returncode == 0
        got = {
            p["symbol"]: p
            for p in json.loads((await in_thread(tmp_path, "positions", "--json")).stdout)
        }
        dkk_usd = 1.1252 / 7.4604  # eurofxref-daily of 2025-05-09: USD 1.1252, DKK 7.4604
        price = server.close("ORSTED.CO", server.last_session())
        assert got["ORSTED.CO"]["value"] == pytest.approx(10 * price * dkk_usd, abs=0.0051)
        assert got["ORSTED.CO"]["cost"] == pytest.approx(10 * 300 * dkk_usd, abs=0.0051)
        assert got["ORSTED.CO"]["weight"] == pytest.approx(1.0)
        assert got["YPF.BA"]["no_fx"] is True
        assert got["YPF.BA"]["value"] is None and got["YPF.BA"]["weight"] is None
        text = (await in_thread(tmp_path, "positions")).stdout
        assert "ARS *" in text and "left out of the totals (YPF.BA)" in text
        assert [r.path for r in server.requests_for("ecb")] == [
            "/stats/eurofxref/eurofxref-daily.xml"
        ]
        # The ECB publishes once a working day: a second refresh keeps the stored rate.
        assert (await in_thread(tmp_path, "refresh")).returncode == 0
        assert len(server.requests_for("ecb")) == 1
        ypf_local = 2 * server.close("YPF.BA", server.last_session())
    status, summary, cells = await tui_text(tmp_path)
    assert "* no USD rate for YPF.BA: left out of the totals" in status
    assert f"Portfolio USD {10 * price * dkk_usd:,.2f}*" in summary
    assert cells["YPF.BA"]["value"] == f"{ypf_local:,.2f} ARS*"


async def tui_text(workdir: Path) -> tuple[str, str, dict[str, dict[str, str]]]:
    """The status line, the header and the cells (by column key) the watchlist shows."""
    from catalyst_tui.config import load_config
    from catalyst_tui.session.workspace import Workspace
    from catalyst_tui.store import Store
    from catalyst_tui.tui.app import CatalystApp
    from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS

    from ..support.pilot import rows, text_of

    config = load_config(workdir / "catalysts.toml")
    with Store.open(workdir / "c.db") as store:
        app = CatalystApp(Workspace(config, store), live=False, watch_file=False)
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            status = " ".join(text_of(app, "#status-line").split())
            summary = " ".join(text_of(app, "#summary").split())
            keys = [key for key, _ in COLUMNS]
            cells = {r[0]: dict(zip(keys, r, strict=True)) for r in rows(app)}
    return status, summary, cells


def hand_figures(market: MarketServer) -> tuple[float, float, float]:
    """(value, unrealized, realized this year) of the portfolio in dollars, by hand: each
    position's amount to the cent, as its row shows it, then summed (the totals foot)."""
    last = market.last_session()
    aapl, ocdo, sap = (market.close(s, last) for s in SYMBOLS)
    gbp, eur = market.close("GBPUSD=X", last), market.close("EURUSD=X", last)
    values = (3 * aapl, 60 * ocdo / 100 * gbp, 3 * sap * eur)
    costs = (3 * 200, 60 * 309.3 / 100 * 1.27, 3 * 180 * eur)
    value = sum(round(v, 2) for v in values)
    cost = sum(round(c, 2) for c in costs)
    this_year = dt.date.today().year
    realized = (12 * 220 - 5) - (10 * 150 + 2 * 200) if last.year == this_year else 0.0
    if sale_day(market).year == this_year:
        realized = round(realized, 2) + round(
            (190 - 180) * market.close("EURUSD=X", sale_day(market)), 2
        )
        realized += round(
            40 * 320 / 100 * market.close("GBPUSD=X", sale_day(market)) - 40 * 309.3 / 100 * 1.27,
            2,
        )
    return value, value - cost, realized


async def test_the_tui_header_shows_the_hand_computed_figures(market, refreshed):
    from catalyst_tui.config import load_config
    from catalyst_tui.session.workspace import Workspace
    from catalyst_tui.store import Store
    from catalyst_tui.tui.app import CatalystApp
    from catalyst_tui.tui.widgets.watchlist.cells import COLUMNS

    from ..support.pilot import rows, text_of

    config = load_config(refreshed / "catalysts.toml")
    with Store.open(refreshed / "c.db") as store:
        app = CatalystApp(Workspace(config, store), live=False, watch_file=False)
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            summary = " ".join(text_of(app, "#summary").split())
            shown = {r[0]: r for r in rows(app)}
    value, unrealized, realized = hand_figures(market)
    assert f"Portfolio USD {value:,.2f}" in summary  # the sum of the values shown
    at = [key for key, _label in COLUMNS].index("value")
    assert f"{value:,.2f}" == f"{sum(float(r[at].replace(',', '')) for r in shown.values()):,.2f}"
    assert f"P&L {unrealized:+,.2f}" in summary
    assert f"Realized YTD {realized:+,.2f}" in summary
    assert shown["OCDO.L"][1].endswith(" GBp") and shown["SAP.DE"][1].endswith(" EUR")
    assert not shown["AAPL"][1].endswith("USD")  # the base currency goes without saying


def test_the_total_says_realized_is_unknown_until_the_sales_currency_is_known(market, tmp_path):
    """Synced but never refreshed: no quote says the sales' listing currency, no rate is
    stored, so this year's realized figure is not known; the total line says so (—), never
    +0.00."""
    from catalyst_tui.config import load_config
    from catalyst_tui.store import Store

    (tmp_path / "catalysts.toml").write_text(portfolio(market))
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"))
    result = cli(tmp_path, "positions")
    assert result.returncode == 0, result.stderr
    [total] = [line for line in result.stdout.splitlines() if line.startswith("Total ")]
    assert total.endswith("realized this year —"), result.stdout


def test_offline_positions_show_the_known_cost_and_realized_and_dashes_for_the_rest(tmp_path):
    """Never quoted (offline from the start): no price, so no value, unrealized P&L or total
    (—, never 0.00); the cost of what is held and what the sale realized are known from the
    file, and a US listing is quoted in dollars, so both show in the base currency. A London
    listing's currency is not known until a quote says it: its cost is — too."""
    from catalyst_tui.config import load_config
    from catalyst_tui.store import Store

    today = dt.date.today()
    (tmp_path / "catalysts.toml").write_text(f"""[settings]
currency = "USD"
[tickers.NVDA]
[[tickers.NVDA.lots]]
shares = 80
cost = 96.30
date = {today.year - 2}-08-05
[[tickers.NVDA.sells]]
shares = 30
price = 178.40
date = {today}
fees = 4.95
[tickers."OCDO.L"]
[[tickers."OCDO.L".lots]]
shares = 100
cost = 309.3
""")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"))
    result = cli(tmp_path, "positions")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    cells = {line.split()[0]: line.split() for line in lines if line.split()}
    realized = 30 * 178.40 - 4.95 - 30 * 96.30
    assert cells["NVDA"] == [
        "NVDA",
        "50",
        "—",
        "—",
        f"{50 * 96.30:,.2f}",
        "—",
        f"{realized:+,.2f}",
        "—",
    ]
    assert cells["OCDO.L"] == ["OCDO.L", "100", "—", "—", "—", "—", "+0.00", "—"]  # none sold
    [total] = [line for line in lines if line.startswith("Total ")]
    assert total == f"Total — USD · unrealized — · realized this year {realized:+,.2f}"
    data = {p["symbol"]: p for p in json.loads(cli(tmp_path, "positions", "--json").stdout)}
    assert data["NVDA"]["value"] is None and data["NVDA"]["unrealized"] is None
    assert data["NVDA"]["cost"] == pytest.approx(50 * 96.30)
    assert data["NVDA"]["realized"] == pytest.approx(realized)


def test_money_in_json_is_rounded_to_the_currencys_minor_unit(tmp_path):
    """3 shares at 1458.40 cost 4375.2 dollars (in floating point, 4375.200000000001): JSON
    says 4375.2, and every money figure is whole cents."""
    from catalyst_tui.config import load_config
    from catalyst_tui.market.currency import round_money
    from catalyst_tui.store import Store

    assert 3 * 1458.4 != 4375.2  # the float error the rounding takes away
    today = dt.date.today()
    (tmp_path / "catalysts.toml").write_text(f"""[tickers.AVGO]
[[tickers.AVGO.lots]]
shares = 5
cost = 1458.40
date = {today.year - 1}-02-03
[[tickers.AVGO.sells]]
shares = 2
price = 1500.10
date = {today}
fees = 0.15
""")
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(tmp_path / "catalysts.toml"))
    done = cli(tmp_path, "positions", "--json")
    assert '"cost": 4375.2,' in done.stdout, done.stdout
    [avgo] = json.loads(done.stdout)
    assert avgo["realized"] == round(2 * 1500.10 - 0.15 - 2 * 1458.40, 2)
    for key in ("cost", "realized"):
        assert avgo[key] == round(avgo[key], 2)
    assert round_money(1234.5678, "JPY") == 1235.0  # no minor unit
    assert round_money(1.23456, "KWD") == 1.235  # fils: thousandths
    assert round_money(None, "USD") is None
