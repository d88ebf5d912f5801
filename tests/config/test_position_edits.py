"""Position edits on the text of catalysts.toml: a sale goes after the ticker's lots (before its
checkpoints), a lot a sale needs can't be removed, a ticker's name, group and thesis change in
place; comments stay where they were."""

from __future__ import annotations

import pytest

from catalyst_tui.config import ConfigError, parse_config
from catalyst_tui.config.forms import field_errors
from catalyst_tui.config.write import EditError, add_sell, remove_entry, update_ticker
from catalyst_tui.thesis.portfolio.positions import Lot

TEXT = """# my file
[tickers.OCDO-L]
name = "Ocado"  # London, in pence
group = "retail"

# the first buy
[[tickers.OCDO-L.lots]]
shares = 100
cost = 309.3
fx = 1.27  # dollars per pound

[[tickers.OCDO-L.checkpoints]]
id = "weight-cap"
title = "Stays small"
kind = "guard"
when = "weight <= 10%"
""".replace("OCDO-L", '"OCDO.L"')


def test_a_sale_goes_after_the_lots_and_before_the_checkpoints():
    text = add_sell(
        TEXT, "OCDO.L", {"shares": "40", "price": "250.5", "date": "2026-03-02", "note": "half"}
    )
    assert text.index('[[tickers."OCDO.L".sells]]') < text.index("checkpoints]]")
    assert text.index("fx = 1.27  # dollars per pound") < text.index("sells]]")
    ticker = parse_config(text).tickers["OCDO.L"]
    assert [(s.shares, s.price, s.note) for s in ticker.sells] == [(40, 250.5, "half")]
    assert (
        text.replace(
            '[[tickers."OCDO.L".sells]]\nshares = 40\nprice = 250.5\n'
            'date = 2026-03-02\nnote = "half"\n\n',
            "",
        )
        == TEXT
    )


def test_a_lot_that_a_sale_needs_cannot_be_removed():
    sold = add_sell(TEXT, "OCDO.L", {"shares": "40", "price": "250", "date": "2026-03-02"})
    with pytest.raises(ConfigError) as info:
        parse_config(remove_entry(sold, "OCDO.L", "lot", 0))
    [issue] = info.value.issues
    assert issue.key == 'tickers."OCDO.L".sells[0].shares' and "only 0 are held" in issue.message
    with pytest.raises(EditError, match="no lot number 2"):
        remove_entry(TEXT, "OCDO.L", "lot", 1)


def test_name_group_and_thesis_change_in_place_with_comments_kept():
    text = update_ticker(
        TEXT, "OCDO.L", {"name": "Ocado Group", "group": "retail", "thesis": "Robots."}
    )
    assert 'name = "Ocado Group"  # London, in pence' in text
    assert text.count('group = "retail"') == 1 and 'thesis = "Robots."' in text
    assert parse_config(text).tickers["OCDO.L"].thesis == "Robots."
    with pytest.raises(EditError, match="symbol is not edited"):
        update_ticker(TEXT, "OCDO.L", {"symbol": "OCDO"})


def test_the_sale_form_is_checked_against_the_lots_as_it_is_typed():
    lots = [Lot(100, 309.3)]
    fields = {"shares": "150", "price": "250", "date": "2026-03-02"}
    errors = field_errors("sell", fields, symbol="OCDO.L", held=lots)
    assert errors == {"shares": errors["shares"]} and "only 100 are held" in errors["shares"]
    assert field_errors("sell", fields | {"shares": "100"}, symbol="OCDO.L", held=lots) == {}
    assert "date" in field_errors("sell", {"shares": "1", "price": "1"}, symbol="OCDO.L")
    assert field_errors("ticker", {"name": ""}, symbol="OCDO.L") == {}


def test_a_sale_removed_leaves_the_file_as_it_was_before_the_sale():
    sold = add_sell(TEXT, "OCDO.L", {"shares": "40", "price": "250", "date": "2026-03-02"})
    assert remove_entry(sold, "OCDO.L", "sale", 0) == TEXT
    with pytest.raises(EditError, match="no sale number 1"):
        remove_entry(TEXT, "OCDO.L", "sale", 0)
