"""The watchlist's columns and cells (tui/widgets/watchlist/cells.py) on the demo's real
database: a row's cells say what its row says, the Street's cell, the order the columns give
way in, and the cache that tells a row current."""

from __future__ import annotations

import math

from catalyst_tui.tui.widgets.parted import PARTS
from catalyst_tui.tui.widgets.watchlist.cells import (
    COLUMNS,
    GIVE_WAY,
    CellCache,
    row_cells,
    street_cell,
)


def test_a_rows_cells_say_what_its_row_says(workspace):
    data = workspace.watchlist()
    [alab] = [r for r in data.rows if r.symbol == "ALAB"]
    assert alab.shares and alab.value is not None and alab.weight is not None
    cells = {
        key: str(cell)
        for (key, _), cell in zip(COLUMNS, row_cells(alab, data.currency), strict=True)
    }
    assert cells["symbol"] == "⚑ ALAB"  # an unacknowledged miss in the demo
    assert cells["value"] == f"{alab.value:,.2f}"
    assert cells["weight"] == f"{alab.weight * 100:.1f}%"
    assert cells["shares"] == f"{alab.shares:,.0f}"


def test_the_street_cell_says_the_pe_and_which_way_the_consensus_went():
    assert str(street_cell(None, None)) == "—"
    assert str(street_cell(46.24, 0.01)) == "46.2x ▲"
    assert str(street_cell(123.4, -0.02)) == "123x ▼"
    assert str(street_cell(20.0, 0.0)) == "20.0x ="
    assert str(street_cell(None, 0.03)) == "— ▲"


def test_the_columns_give_way_in_one_order_that_keeps_the_positions_figures():
    keys = [key for key, _ in COLUMNS]
    order = [key for key, _ in GIVE_WAY]
    assert set(order) <= set(keys)
    # The symbol stays; the position's figures give way only after every other column (the P&L
    # amount first, its % after the weight and the value), and the verdict last of all.
    assert not {"symbol", "price", "thesis"} & set(order)
    assert order[-5:] == ["gain", "weight", "value", "pnl", "verdict"]
    blank = [key for key, floor in GIVE_WAY if floor == 0]
    assert len(blank) == len(set(blank))  # each left blank once
    for key in set(order):  # a column given way by parts or clipped first, blank after
        floors = [math.inf if floor == PARTS else floor for k, floor in GIVE_WAY if k == key]
        assert floors == sorted(floors, reverse=True), key


def test_a_row_is_current_only_once_its_cells_were_built_for_what_it_shows(workspace):
    """The table's rows are told current by the cells built for them (CellCache), so a row a
    cancelled step of updates never reached is updated by the next show, not skipped."""
    row = workspace.watchlist().rows[0]
    cache = CellCache()
    assert not cache.is_current(row, "USD")
    cache.cells(row, "USD")
    assert cache.is_current(row, "USD")
    assert cache.is_current(row._replace(fetched_at=None), "USD")  # no cell shows it
    assert not cache.is_current(row, "EUR")
    assert not cache.is_current(row._replace(price=(row.price or 1.0) * 2), "USD")


def test_a_pence_listing_without_a_rate_shows_its_value_in_pounds(workspace):
    """No EUR rate for a London listing quoted in pence: its value is said in its own money,
    pounds (it read 77,500.00 GBp*); the price stays in pence, as quoted."""
    row = workspace.watchlist().rows[0]
    london = row._replace(
        symbol="VOD.L",
        price=77.5,
        currency="GBp",
        shares=1000.0,
        local_value=1000 * 77.5,
        no_fx=True,
        value=None,
    )
    cells = dict(zip((key for key, _ in COLUMNS), row_cells(london, "EUR"), strict=True))
    assert str(cells["value"]) == "775.00 GBP*"
    assert str(cells["price"]) == "77.50 GBp"
