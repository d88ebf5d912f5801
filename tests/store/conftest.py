"""Fixtures and helpers for the store's tests: a small thesis, an open Store on a real file, and
transitions recorded through the store's own door."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.market.models import Bar, Quote, QuoteOutcome
from catalyst_tui.store import Store
from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import Evaluation, Reason, Why
from catalyst_tui.thesis.metrics import Observation, Period, PeriodKind

T0 = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)

THESIS = """
[tickers.ALAB]
name = "Astera Labs"
group = "interconnect"
[[tickers.ALAB.lots]]
shares = 40
cost = 118.5
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin holds"
kind = "guard"
when = "gross_margin >= 70%"
[[tickers.ALAB.checkpoints]]
id = "npo"
title = "NPO ships"
kind = "milestone"
due = 2027-12-31
[tickers.CRDO]
name = "Credo"
"""

GM = parse_condition("gross_margin >= 70%")
GM_REASON = Reason(
    Why.COMPARED,
    observed=Observation(
        0.62, period=Period(PeriodKind.QUARTER, dt.date(2026, 9, 30), dt.date(2026, 11, 4))
    ),
    op="<",
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "catalyst.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        opened.sync.apply(parse_config(THESIS), now=T0)
        yield opened


def miss(
    symbol: str = "ALAB",
    checkpoint_id: str = "gm",
    previous: str = "pending",
    reason: Reason = GM_REASON,
) -> Evaluation:
    """A guard's transition to missed, as evaluation would hand it to the store."""
    return Evaluation(symbol, checkpoint_id, previous, "missed", reason, GM)


def record_miss(store: Store, at: dt.datetime = T0, **changes: Any) -> list[int]:
    return store.checkpoints.record([miss(**changes)], at, notify=("missed",))


def quote(symbol: str, price: float, at: dt.datetime = T0, **fields: object) -> Quote:
    previous = round(price * 0.99, 4)
    values: dict[str, object] = dict(
        prev_close=previous,
        change=price - previous,
        change_pct=price / previous - 1,
        currency="USD",
        market_state="REGULAR",
        quote_time=at,
        source="yahoo",
    )
    values.update(fields)
    return Quote(symbol, price, **values)  # type: ignore[arg-type]


def bars(symbol: str, days: list[dt.date], close: float = 100.0) -> list[Bar]:
    return [
        Bar(symbol, d, close, close + 2, close - 2, close + i, 1000 + i, "yahoo")
        for i, d in enumerate(days)
    ]


def fresh(symbol: str, price: float, days: list[dt.date] | None = None) -> QuoteOutcome:
    return QuoteOutcome(symbol, quote(symbol, price), bars(symbol, days or []))
