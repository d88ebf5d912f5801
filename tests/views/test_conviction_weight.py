"""Conviction against weight on a real database: each position's weight of the portfolio beside
the journal's latest conviction, and the book at risk (the weight in tickers at risk or broken),
figures worked by hand from the lots and quotes written here; in `review` (lines and JSON)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from catalyst_tui.cli.output.review import review_json, review_lines
from catalyst_tui.config import parse_config
from catalyst_tui.market.models import Quote, QuoteOutcome
from catalyst_tui.store import Store
from catalyst_tui.thesis.portfolio.book import Conviction, book_at_risk, stake_text
from catalyst_tui.thesis.verdict import judge
from catalyst_tui.views.review import load_review

NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
THESIS = """
[tickers.ALAB]
lots = [{ shares = 10, cost = 100, date = 2026-01-05 }]
[[tickers.ALAB.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 250"

[tickers.CRDO]
lots = [{ shares = 30, cost = 50, date = 2026-01-05 }]
[[tickers.CRDO.checkpoints]]
id = "floor"
title = "Price floor"
kind = "guard"
when = "price >= 50"

[tickers.MU]
"""


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    store = Store.open(tmp_path / "c.db")
    store.sync.apply(parse_config(THESIS), now=NOW)
    for symbol, price in (("ALAB", 200.0), ("CRDO", 100.0)):
        quote = Quote(symbol, price, None, None, None, "USD", None, NOW, "test")
        store.market.save_quotes([QuoteOutcome(symbol, quote=quote)], NOW)
    store.checkpoints.mark("ALAB", "floor", "missed", "below 250", NOW)
    store.checkpoints.mark("CRDO", "floor", "met", "", NOW)
    store.journal.add("ALAB", "sized up", NOW - dt.timedelta(days=9), conviction="high")
    store.journal.add("ALAB", "watching", NOW - dt.timedelta(days=2))  # states no conviction
    yield store
    store.close()


def test_the_weight_conviction_and_book_at_risk_are_the_hand_worked_figures(store: Store):
    # ALAB 10 x 200 = 2,000; CRDO 30 x 100 = 3,000; of 5,000: 40% and 60%
    review = load_review(store, now=NOW)
    by_symbol = {t.symbol: t for t in review.tickers}
    assert by_symbol["ALAB"].weight == pytest.approx(0.40)
    assert by_symbol["CRDO"].weight == pytest.approx(0.60)
    assert by_symbol["MU"].weight == 0.0
    assert by_symbol["ALAB"].conviction == Conviction("high", dt.date(2026, 11, 11))
    assert by_symbol["ALAB"].verdict.verdict == "at risk"
    assert review.at_risk == pytest.approx(0.40)  # ALAB at risk; CRDO proven
    lines = review_lines(review)
    assert "  weight 40.0%, conviction high (2026-11-11)" in lines
    assert "  weight 60.0%, no conviction noted" in lines
    assert lines[-1].endswith(" · book at risk 40.0%")
    as_json = review_json(review)
    assert as_json["portfolio"]["book_at_risk"] == pytest.approx(0.40)
    alab = next(t for t in as_json["tickers"] if t["symbol"] == "ALAB")
    assert alab["conviction"] == {"level": "high", "day": "2026-11-11"}


def test_without_positions_there_is_no_book_to_be_at_risk(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config("[tickers.MU]\n"), now=NOW)
        review = load_review(store, now=NOW)
    assert review.at_risk is None and review.tickers[0].weight == 0.0


def test_the_book_at_risk_counts_broken_and_at_risk_tickers_only():
    from catalyst_tui.thesis.verdict import Standing

    broken = judge("A", [Standing("m", "m", "milestone", "missed")])
    at_risk = judge("B", [Standing("g", "g", "guard", "missed")])
    proven = judge("C", [Standing("g", "g", "guard", "met")])
    shares = {"A": 0.1, "B": 0.25, "C": 0.65}
    verdicts = {v.symbol: v.verdict for v in (broken, at_risk, proven)}
    assert book_at_risk(shares, verdicts) == pytest.approx(0.35)
    assert stake_text(0.0, None) == "no position, no conviction noted"
    assert stake_text(None, None) == "weight not known, no conviction noted"
