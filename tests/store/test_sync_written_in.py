"""A lot or a sale the file writes in another currency than its listing's (an import's trade that
had no rate of its day): stored in the listing's unit at the stored rate of its day, its note
saying so, once that rate is stored, and left out of the position until then, never counted at
another rate. A sync made before the rate is stored is redone when it is: the same file, other
rates, other rows. A real SQLite file; the rates are the test's own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from catalyst_tui.config import load_config
from catalyst_tui.market.models import FxRate
from catalyst_tui.store import Store

from .conftest import T0, T1

FILE = """
[settings]
currency = "EUR"

[tickers.TSLA]
name = "Tesla"

[[tickers.TSLA.lots]]
shares = 2
cost = 88.94
date = 2025-06-05
currency = "EUR"

[[tickers.TSLA.lots]]
shares = 1
cost = 300
date = 2025-06-02
fees = 1
fees_currency = "EUR"

[[tickers.TSLA.sells]]
shares = 1
price = 95
date = 2025-06-09
currency = "EUR"
"""


def _store_with(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "catalysts.toml").write_text(FILE)
    return tmp_path / "catalysts.toml", tmp_path / "c.db"


def test_entries_in_another_currency_wait_for_their_days_rate(tmp_path: Path):
    toml, db = _store_with(tmp_path)
    config = load_config(toml)
    with Store.open(db) as store:
        store.sync.apply(config, T0)
        assert store.views.lots("TSLA") == [] and store.views.sells("TSLA") == {}
        waiting = store.sync.written_in(config).waiting
        assert [(w.what, w.entry.date, w.unit) for w in waiting] == [
            ("lot", dt.date(2025, 6, 5), "USD"),  # a US listing: in dollars
            ("lot", dt.date(2025, 6, 2), "USD"),
            ("sale", dt.date(2025, 6, 9), "USD"),
        ]
        # euros a dollar on each day (its dollars a euro: 1.1403, 1.1450, 1.1398)
        store.fx.save(
            [
                FxRate("USD", "EUR", dt.date(2025, 6, 5), 1 / 1.1403, "ecb"),
                FxRate("USD", "EUR", dt.date(2025, 6, 2), 1 / 1.1450, "ecb"),
                FxRate("USD", "EUR", dt.date(2025, 6, 9), 1 / 1.1398, "ecb"),
            ],
            T1,
        )
        report = store.sync.apply(config, T1)  # the same file: synced again, the rates new
        assert report.lots_replaced == 1 and store.sync.written_in(config).waiting == ()
        first, second = store.views.lots("TSLA")
        assert first.cost == pytest.approx(88.94 * 1.1403) and first.fees == 0
        assert "priced 88.94 EUR, at 1.1403 USD a EUR (ecb, 2025-06-05)" in first.note
        assert second.cost == 300 and second.fees == pytest.approx(1.1450)  # its fee alone
        assert second.note == "its fees of 1 EUR at 1.145 USD a EUR (ecb, 2025-06-02)"
        (sale,) = store.views.sells("TSLA")["TSLA"]
        assert sale.price == pytest.approx(95 * 1.1398)
        assert store.sync.apply(config, T1).lots_replaced == 0  # nothing new: nothing done


def test_a_rate_older_than_a_week_stands_for_no_day(tmp_path: Path):
    toml, db = _store_with(tmp_path)
    config = load_config(toml)
    with Store.open(db) as store:
        store.fx.save([FxRate("USD", "EUR", dt.date(2025, 5, 26), 0.88, "ecb")], T0)
        store.sync.apply(config, T0)
        # the 26th of May stands for the 2nd of June, a week on, not for the 5th nor the 9th
        waiting = store.sync.written_in(config).waiting
        assert [w.entry.date for w in waiting] == [dt.date(2025, 6, 5), dt.date(2025, 6, 9)]
        store.fx.save([FxRate("USD", "EUR", dt.date(2025, 5, 29), 0.88, "ecb")], T1)
        store.sync.apply(config, T1)
        # the 29th stands for the 5th, a week on; the 9th is further
        waiting = store.sync.written_in(config).waiting
        assert [w.entry.date for w in waiting] == [dt.date(2025, 6, 9)]
