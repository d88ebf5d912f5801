"""The demo carries dividends in two currencies and the tax withheld (docs/demo.md): its income
holdings, VYM in dollars with 15% withheld and ISF.L in pence on London, bought on LOT_DAY, are
paid the replay market's dividends (demo/funds.py), which a refresh stores; what each received
is worked here from the fund's own dividends, not from our earlier output."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.demo import DemoSession, funds, private_dirs
from catalyst_tui.demo.session import INCOME, LOT_DAY
from catalyst_tui.jobs.refresh import refresh_in_process
from catalyst_tui.store import Store
from catalyst_tui.views.performance import dividend_rows

NOW = datetime(2026, 11, 20, 21, 30, tzinfo=UTC)


@pytest.mark.slow
async def test_the_demo_pays_dividends_in_two_currencies_with_tax_withheld(isolated_home):
    with DemoSession(now=lambda: NOW) as demo, private_dirs(demo.folder):
        config = load_config(demo.config_path, use_cache=False)
        assert {s for s, _, _ in INCOME} <= set(config.tickers)
        assert config.tickers["VYM"].dividend_tax == pytest.approx(0.15)
        with Store.open(demo.db_path) as store:
            store.sync.apply(config, NOW)
            await refresh_in_process(config, store, now=lambda: NOW)
            rows = dividend_rows(store, config.settings.currency)
    got = {s: [r for r in rows if r.symbol == s] for s, _, _ in INCOME}
    for symbol, shares, _withheld in INCOME:
        # every dividend of the fund after the lot's day, on the lot's shares
        paid = [
            (ex, amount)
            for ex, amount in funds.dividends(symbol, LOT_DAY, NOW.date())
            if ex > LOT_DAY
        ]
        assert paid, symbol
        assert [(r.ex_date, r.shares) for r in got[symbol]] == [(ex, shares) for ex, _ in paid]
        for row, (_ex, amount) in zip(got[symbol], paid, strict=True):
            assert row.gross == pytest.approx(shares * amount)
            share = 0.15 if symbol == "VYM" else 0.0
            assert row.tax == pytest.approx(shares * amount * share)
    assert {r.currency for r in got["VYM"]} == {"USD"}
    assert {r.currency for r in got["ISF.L"]} == {"GBp"}
    # the pence converted to dollars at a rate the refresh stored (the ECB's, through the euro)
    assert all(r.net_base is not None and r.net_base < r.net / 50 for r in got["ISF.L"])
