"""The law an import keeps (config/importing.py `settle`): the sales it adds never sell more
than is held on their day (the file's lots and the export's buys by then, less the earlier
sales, first-in first-out as the validator counts), and every sale it leaves out is one that
would; whatever the trades, their days and their order."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.config import parse_config
from catalyst_tui.config.importing import plan_import, settle
from catalyst_tui.reading.brokers.export import Trade
from catalyst_tui.thesis.portfolio.positions import Lot, Sell, fifo

START = dt.date(2024, 1, 1)
trade = st.tuples(
    st.sampled_from(["buy", "sell"]),
    st.integers(0, 40),  # days after START
    st.integers(1, 20),  # shares
)


def _trades(rows: list[tuple[str, int, int]]) -> list[Trade]:
    return [
        Trade(line, "NVDA", side, START + dt.timedelta(days=day), float(shares), 100.0)
        for line, (side, day, shares) in enumerate(rows, 2)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(trade, max_size=25), st.integers(0, 15))
def test_the_sales_an_import_adds_are_always_held(rows, opening_shares):
    text = '[tickers.NVDA]\nname = "NVIDIA"\n'
    if opening_shares:
        text += f"[[tickers.NVDA.lots]]\nshares = {opening_shares}\ncost = 50\n"
    config = parse_config(text)
    trades = _trades(rows)
    plan, issues = settle(config, plan_import(config, "generic", trades, 0, []))
    assert not issues
    lots = list(config.tickers["NVDA"].lots) + [
        Lot(t.shares, t.price, t.day) for t in plan.add if t.side == "buy"
    ]
    sells = [Sell(t.shares, t.price, t.day) for t in plan.add if t.side == "sell"]
    assert all(sale.short <= 1e-9 for sale in fifo(lots, sells).sales)
    # each sale left out would sell more than is held with the sales kept before it
    left = {row.line for row in plan.left_out}
    for t in trades:
        if t.side == "sell" and t.line in left:
            earlier = [s for s in sells if s.date <= t.day]
            bought = sum(lot.shares for lot in lots if lot.date is None or lot.date <= t.day)
            assert t.shares > bought - sum(s.shares for s in earlier) - 1e-9
    # nothing else is left out, and no buy
    assert len(plan.add) + len(left) == len(trades)
