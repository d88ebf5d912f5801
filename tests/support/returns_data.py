"""A small portfolio whose returns can be worked by hand, for the Performance screen's tests and
snapshots: a real catalysts.toml and a real SQLite file, on the demo's frozen clock.

ALAB (group chips, against SOXX): 10 bought at 100 with 5 of fees exactly a year before today,
worth 150 today; SOXX 400 then, 440 today. MSFT (group software, against the default SPY): 20
bought at 300 two years (730 days) before today, 330 a year ago, 363 today; a dividend of 1.00 a
share a year ago, 15% withheld (17.00 received); SPY 500 then, 550 today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import Config, load_config
from catalyst_tui.market.models import Bar, Dividend, QuoteOutcome
from catalyst_tui.store import Store
from tests.thesis.conftest import last_quote

from .demo_data import DEMO_NOW

TODAY = dt.date(2026, 11, 20)  # DEMO_NOW in New York
YEAR_AGO = TODAY - dt.timedelta(days=365)
TWO_YEARS_AGO = TODAY - dt.timedelta(days=730)

CONFIG = f"""[groups.chips]
benchmark = "SOXX"

[tickers.ALAB]
name = "Astera Labs"
group = "chips"
[[tickers.ALAB.lots]]
shares = 10
cost = 100
fees = 5
date = {YEAR_AGO}

[tickers.MSFT]
name = "Microsoft"
group = "software"
dividend_tax = "15%"
[[tickers.MSFT.lots]]
shares = 20
cost = 300
date = {TWO_YEARS_AGO}
"""

# symbol: (last price, [(day, close)])
# (the last close of the year before today's: a benchmark's price for a flow is its close of
# that day or of a few days before, never an older one)
YEAR_END = dt.date(TODAY.year - 1, 12, 31)
MARKET = {
    "ALAB": (150.0, [(YEAR_AGO, 100.0), (YEAR_END, 100.0), (TODAY, 150.0)]),
    "MSFT": (363.0, [(TWO_YEARS_AGO, 300.0), (YEAR_AGO, 330.0), (YEAR_END, 330.0), (TODAY, 363.0)]),
    "SOXX": (440.0, [(YEAR_AGO, 400.0), (YEAR_END, 400.0), (TODAY, 440.0)]),
    "SPY": (550.0, [(TWO_YEARS_AGO, 500.0), (YEAR_END, 500.0), (TODAY, 550.0)]),
}


def portfolio_database(tmp_path: Path, config_text: str = CONFIG) -> tuple[Config, Store]:
    """The config written to tmp_path/catalysts.toml and an open Store at tmp_path/c.db with
    MARKET's quotes and closes and MSFT's dividend. The caller closes the store."""
    path = tmp_path / "catalysts.toml"
    path.write_text(config_text, encoding="utf-8")
    config = load_config(path)
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(config, DEMO_NOW)
    outcomes = []
    for symbol, (price, history) in MARKET.items():
        quote = last_quote(price, 0.0, None, DEMO_NOW, False, symbol).quote
        bars = [
            Bar(symbol, day, close, close, close, close, 1000, "test") for day, close in history
        ]
        outcomes.append(QuoteOutcome(symbol, quote, bars))
    store.market.save_quotes(outcomes, DEMO_NOW)
    store.dividends.save([Dividend("MSFT", YEAR_AGO, 1.0)])
    return config, store
