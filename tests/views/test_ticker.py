"""The ticker page as the screen reads it, from the demo database: the watchlist row, the
fundamentals in their order, the checkpoints soonest due first, the lots and the history."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.store import Store
from catalyst_tui.views.ticker import in_due_order, load_ticker
from catalyst_tui.views.watchlist import load_watchlist

from ..support.demo_data import DEMO_NOW

TODAY = dt.date(2026, 11, 20)


def test_the_page_has_the_row_the_fundamentals_the_lots_and_the_history(demo_store: Store):
    page = load_ticker(demo_store, "ALAB", DEMO_NOW, TODAY, sec_configured=True)
    assert page is not None and page.symbol == "ALAB"
    assert page.row == load_watchlist(demo_store, TODAY).row("ALAB")
    assert [(f.metric, f.label) for f in page.fundamentals] == [
        ("revenue_q", "Revenue (latest quarter)"),
        ("gross_margin", "Gross margin"),
        ("operating_margin", "Operating margin"),
        ("eps_ttm", "EPS (TTM, diluted)"),
        ("pe_ttm", "P/E (TTM)"),
        ("market_cap", "Market cap"),
    ]
    margin = next(f for f in page.fundamentals if f.metric == "gross_margin")
    assert margin.observed.value == pytest.approx(0.691)  # the Q3 10-Q of the demo's story
    assert [(lot.shares, lot.cost) for lot in page.lots] == [(40, 118.5)]  # no split: as written
    assert page.history and all(day <= TODAY for day, _close in page.history)
    assert page.splits == [] and page.sells == ()


def test_the_checkpoints_are_flagged_first_then_soonest_due_and_guards_last(demo_store: Store):
    page = load_ticker(demo_store, "ALAB", DEMO_NOW, TODAY, sec_configured=True)
    assert page is not None
    flagged = [c for c in page.checkpoints if c.flagged]
    assert flagged and page.checkpoints[: len(flagged)] == flagged
    rest = page.checkpoints[len(flagged) :]
    dated = [c for c in rest if c.due is not None]
    assert rest[: len(dated)] == dated
    dues = [c.due for c in dated if c.due is not None]
    assert dues == sorted(dues)
    assert {c.kind for c in rest[len(dated) :]} == {"guard"}


def test_guards_with_an_end_come_by_it_and_equals_keep_the_file_order(demo_store: Store):
    records = demo_store.views.checkpoints("ALAB")
    guards = [c for c in records if c.kind == "guard"]
    ends = [dt.date(2027, 6, 30), None, dt.date(2027, 1, 31), None, None, None]
    ended = [g._replace(until=end) for g, end in zip(guards, ends, strict=True)]
    milestone = next(c for c in records if c.kind == "milestone")
    twin = milestone._replace(id="twin")
    ordered = in_due_order([*ended, milestone, twin])
    assert [c.id for c in ordered] == [
        milestone.id,
        "twin",
        ended[2].id,
        ended[0].id,
        ended[1].id,
        ended[3].id,
        ended[4].id,
        ended[5].id,
    ]


def test_an_unknown_symbol_has_no_page(demo_store: Store):
    assert load_ticker(demo_store, "NOPE", DEMO_NOW, TODAY, sec_configured=True) is None
