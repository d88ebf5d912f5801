"""What the chart pane reads of an intraday chart (views/intraday.py): stored or not, and due to
be fetched once one bar's length has passed (a fake clock)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.market.intraday import IntradayChart
from catalyst_tui.store import Store
from catalyst_tui.views.intraday import intraday_page

T0 = dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.UTC)


def test_a_chart_is_due_when_none_is_stored_or_one_bar_has_passed(tmp_path: Path):
    with Store.open(tmp_path / "catalyst.db") as store:
        page = intraday_page(store, "ALAB", "1D", T0)
        assert page.chart is None and page.due and not page.error
        assert page.bar_words == "5-minute"
        store.intraday.save(IntradayChart("ALAB", "1D", (), (), "", 0), T0)
        store.intraday.save(IntradayChart("ALAB", "5D", (), (), "", 0), T0)
        for minutes, due_1d, due_5d in ((4, False, False), (5, True, False), (15, True, True)):
            at = T0 + dt.timedelta(minutes=minutes)
            assert intraday_page(store, "ALAB", "1D", at).due is due_1d
            assert intraday_page(store, "ALAB", "5D", at).due is due_5d
        kept = intraday_page(store, "ALAB", "1D", T0 + dt.timedelta(minutes=1))
        assert kept.chart is not None and kept.fetched_at == T0
