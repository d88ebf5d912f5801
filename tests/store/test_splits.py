"""Splits in the store: stored once, the bars from before one put on its basis in the same
transaction, then replaced whole by the source's restated history; a condition's written day."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import QuoteOutcome, Split
from catalyst_tui.store import Store

from .conftest import T0, T1, THESIS, bars, quote

DAYS = [dt.date(2026, 11, 16) + dt.timedelta(days=i) for i in range(5)]  # Mon..Fri
SPLIT = Split("ALAB", DAYS[3], 10, 1)  # effective Thursday's session


def before_the_split() -> QuoteOutcome:
    return QuoteOutcome("ALAB", quote("ALAB", 1000.0), bars("ALAB", DAYS[:3], 1000.0))


def test_a_split_found_over_stored_bars_divides_them_and_awaits_a_full_refetch(store: Store):
    store.market.save_quotes([before_the_split()], T0)
    # Thursday: the source serves the new basis and reports the split.
    after = QuoteOutcome("ALAB", quote("ALAB", 101.0), bars("ALAB", DAYS[3:4], 100.0), [], [SPLIT])
    store.market.save_quotes([after], T1)
    history = dict(store.views.price_history("ALAB"))
    # Mon..Wed closed at 1000, 1001, 1002: divided by 10. Thursday's bar is as served.
    assert history[DAYS[0]] == pytest.approx(100.0)
    assert history[DAYS[2]] == pytest.approx(100.2)
    assert history[DAYS[3]] == pytest.approx(100.0)
    assert store.market.splits_to_restate() == [SPLIT]
    assert store.market.first_bar_day("ALAB") == DAYS[0]
    # So drawdown reads a high on the new basis before any re-fetch: the old highs of 1002 are
    # 100.2 now, Thursday's is 102 (opened at 100); not 1002.
    assert store.market.snapshot(T1, sec_configured=False).year_high("ALAB") == pytest.approx(102.0)
    # Seen again in the next chart: stored once, and the bars are not divided twice.
    store.market.save_quotes([after], T1)
    assert dict(store.views.price_history("ALAB"))[DAYS[0]] == pytest.approx(100.0)
    assert store.market.splits() == {"ALAB": [SPLIT]}


def test_replace_history_puts_the_sources_bars_in_place_and_closes_the_split(store: Store):
    store.market.save_quotes([before_the_split()], T0)
    store.market.save_quotes(
        [QuoteOutcome("ALAB", quote("ALAB", 101.0), bars("ALAB", DAYS[3:4], 100.0), [], [SPLIT])],
        T1,
    )
    restated = bars("ALAB", DAYS[:4], 99.5)
    store.market.replace_history("ALAB", restated)
    assert store.views.price_history("ALAB") == [(b.day, b.close) for b in restated]
    assert store.market.splits_to_restate() == []


def test_a_split_before_any_stored_bar_needs_no_restating(store: Store):
    # A first fetch: the history served is already on the new basis.
    first = QuoteOutcome("ALAB", quote("ALAB", 101.0), bars("ALAB", DAYS, 100.0), [], [SPLIT])
    store.market.save_quotes([first], T0)
    assert store.market.splits_to_restate() == []
    assert dict(store.views.price_history("ALAB"))[DAYS[0]] == 100.0
    assert store.views.splits() == [SPLIT]


def test_holdings_in_the_watchlist_are_on_todays_basis(tmp_path):
    text = THESIS.replace(
        "shares = 40\ncost = 118.5\n",
        "shares = 40\ncost = 1185\ndate = 2026-11-16\n"
        "[[tickers.ALAB.lots]]\nshares = 5\ncost = 1000\n",
    )
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(text), now=T0)
        first = QuoteOutcome("ALAB", quote("ALAB", 101.0), [], [], [SPLIT])
        store.market.save_quotes([first], T0)
        row = next(r for r in store.views.watch_rows() if r.symbol == "ALAB")
        # The dated lot predates the split: 400 shares; the undated one is taken as written.
        held = row.position
        assert held is not None
        assert held.shares == 400 + 5
        assert held.basis == pytest.approx(40 * 1185 + 5 * 1000)
        assert held.uncertain is True


def test_a_conditions_written_day_moves_only_when_its_text_changes(tmp_path):
    text = THESIS.replace('when = "gross_margin >= 70%"', 'when = "price >= 1200"')
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(text), now=T0)
        written = {c.id: c.written for c in store.views.checkpoints("ALAB")}
        assert written["gm"] == T0.date()
        later = T0 + dt.timedelta(days=30)
        store.sync.apply(parse_config(text.replace('title = "NPO ships"', 'title = "NPO"')), later)
        assert store.views.checkpoints("ALAB")[0].written == T0.date()  # title only: kept
        store.sync.apply(parse_config(text.replace("price >= 1200", "price >= 120")), later)
        assert store.views.checkpoints("ALAB")[0].written == later.date()


def test_the_sparkline_closes_follow_a_split_and_a_restated_history(store: Store):
    store.market.save_quotes([before_the_split()], T0)
    after = QuoteOutcome("ALAB", quote("ALAB", 101.0), bars("ALAB", DAYS[3:4], 100.0), [], [SPLIT])
    store.market.save_quotes([after], T1)
    closes = store.views.recent_closes(["ALAB"], DAYS[0])["ALAB"]
    assert closes == pytest.approx([100.0, 100.1, 100.2, 100.0])  # Mon..Wed divided by 10
    restated = bars("ALAB", DAYS[:4], 99.5)
    store.market.replace_history("ALAB", restated)
    assert store.views.recent_closes(["ALAB"], DAYS[0])["ALAB"] == [b.close for b in restated]
