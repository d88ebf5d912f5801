"""The metrics, on snapshots made for them and on a real company's filings: reported fundamentals
(pinned to a period or not), quotes and lots, and every way a metric has no value, as a code with
the parameters its sentence names."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from catalyst_tui.market.models import Fact, LastQuote, Quote
from catalyst_tui.market.sec.facts import derive_facts
from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import CheckpointState, evaluate_one
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.observation import Missing, MissingCode, Period, PeriodKind
from catalyst_tui.thesis.portfolio.positions import Sell
from catalyst_tui.thesis.snapshot import MarketSnapshot
from catalyst_tui.thesis.wording import missing_text, observation_note
from tests.support.shared import REALDATA

from .conftest import NOW, last_quote, lots, quarters, snapshot


def test_fundamentals_metrics():
    facts = quarters(
        [100e6, 110e6, 120e6, 130e6, 150e6, 160e6, 170e6, 200e6],
        gross=[70e6] * 7 + [150e6],
        op=[10e6] * 7 + [44e6],
        eps=[0.1] * 4 + [0.2, 0.3, 0.4, 0.5],
    )
    snap = snapshot(price=70.0, facts=facts)
    assert observe("revenue_q", "ALAB", snap).value == 200e6
    assert observe("revenue_ttm", "ALAB", snap).value == pytest.approx(680e6)
    assert observe("revenue_growth_yoy", "ALAB", snap).value == pytest.approx(200 / 130 - 1)
    assert observe("gross_margin", "ALAB", snap).value == pytest.approx(0.75)
    assert observe("operating_margin", "ALAB", snap).value == pytest.approx(0.22)
    assert observe("eps_ttm", "ALAB", snap).value == pytest.approx(1.4)
    assert observe("pe_ttm", "ALAB", snap).value == pytest.approx(50.0)
    assert observe("market_cap", "ALAB", snap).value == pytest.approx(70e6)
    pinned = observe("revenue_q", "ALAB", snap, dt.date(2026, 6, 30))
    assert pinned.value == 170e6 and "2026-06-30" in observation_note(pinned)
    near = observe("revenue_q", "ALAB", snap, dt.date(2026, 6, 28))  # 52/53-week calendars
    assert near.value == 170e6
    missing = observe("revenue_q", "ALAB", snap, dt.date(2026, 12, 31))
    assert missing.value is None and missing.missing is not None
    assert missing.missing.code == MissingCode.NOT_REPORTED
    assert missing_text(missing.missing) == (
        "ALAB has not reported quarterly revenue for the period ending 2026-12-31"
    )


def test_net_margin_is_a_real_quarters_net_income_over_its_revenue():
    """NVIDIA's companyfacts (../shared/realdata/sec), read as a refresh reads them: the 10-Q of
    the quarter 2026-01-26..2026-04-26 says NetIncomeLoss 58,321,000,000 and Revenues
    81,615,000,000 (frame CY2026Q1); the one of 2025-04-28..2025-07-27, 26,422,000,000 and
    46,743,000,000 (CY2025Q2)."""
    (path,) = (REALDATA / "sec").glob("sec_companyfacts_NVDA_CIK*.json")
    facts: dict[str, list[Fact]] = {}
    for f in derive_facts(json.loads(path.read_text(encoding="utf-8"))):
        facts.setdefault(f.concept, []).append(f)
    snap = MarketSnapshot(now=NOW, facts={"NVDA": facts})
    latest = observe("net_margin", "NVDA", snap)
    assert latest.value == pytest.approx(58_321 / 81_615)  # 71.5%
    assert latest.period is not None and latest.period.end == dt.date(2026, 4, 26)
    pinned = observe("net_margin", "NVDA", snap, dt.date(2025, 7, 27))
    assert pinned.value == pytest.approx(26_422 / 46_743)  # 56.5%
    assert latest.value is not None and parse_condition("net_margin >= 70%").holds(latest.value)
    none = observe("net_margin", "ALAB", _four_quarters())  # no net income reported
    assert (
        missing_text(none.missing) == "no net income for the quarter ended 2026-09-30, filed "
        "2026-11-04 of ALAB"
    )


def test_quote_and_lot_metrics():
    snap = snapshot(price=100.0, high=125.0, lots={"ALAB": lots((40, 50.0), (10, 100.0))})
    snap.quotes["NVDA"] = last_quote(200.0, 0.0, None, NOW, False, "NVDA")
    snap.lots["NVDA"] = lots((25, 150.0))
    assert observe("drawdown", "ALAB", snap).value == pytest.approx(0.2)
    assert observe("change_pct", "ALAB", snap).value == pytest.approx(0.012)
    assert observe("weight", "ALAB", snap).value == pytest.approx(5000 / 10000)
    assert observe("gain_pct", "ALAB", snap).value == pytest.approx(5000 / 3000 - 1)
    unpriced_snap = snapshot(
        price=100.0, lots={"ALAB": lots((40, 50.0)), "NVDA": lots((25, 150.0))}
    )
    unpriced = observe("weight", "ALAB", unpriced_snap)
    assert unpriced.value is None
    assert missing_text(unpriced.missing) == "no quote yet for NVDA"


def test_a_ticker_without_lots_has_no_weight_and_a_cap_on_it_holds_nothing():
    """No lots: no weight (never 0%), so a `weight <= 15%` guard stays pending rather than
    holding on nothing; a position sold whole weighs 0."""
    snap = snapshot(price=100.0, lots={"NVDA": lots((25, 150.0))})
    snap.quotes["NVDA"] = last_quote(200.0, 0.0, None, NOW, False, "NVDA")
    found = observe("weight", "ALAB", snap)
    assert found.value is None
    assert missing_text(found.missing) == (
        "no lots of ALAB: a weight needs a position (enter your lots)"
    )
    cap = CheckpointState(
        "ALAB", "cap", "Cap", "guard", "pending", condition=parse_condition("weight <= 15%")
    )
    assert evaluate_one(cap, snap, NOW.date()).status == "pending"
    snap = snapshot(price=100.0, lots={"ALAB": lots((10, 50.0)), "NVDA": lots((25, 150.0))})
    snap.quotes["NVDA"] = last_quote(200.0, 0.0, None, NOW, False, "NVDA")
    snap.sells["ALAB"] = [Sell(10, 80.0, dt.date(2026, 1, 5))]
    assert observe("weight", "ALAB", snap).value == 0.0


def test_negative_eps_gives_no_pe():
    facts = quarters([1e6] * 4, eps=[-0.1, -0.2, 0.1, 0.05])
    result = observe("pe_ttm", "ALAB", snapshot(facts=facts))
    assert result.value is None
    assert missing_text(result.missing) == "P/E is undefined: EPS TTM of ALAB is -0.15"


# -- why there is no value -----------------------------------------------------------------------

LAST_QUARTER = Period(PeriodKind.QUARTER, dt.date(2026, 9, 30), dt.date(2026, 11, 4))
PIN = dt.date(2026, 12, 31)


def _four_quarters() -> MarketSnapshot:
    return snapshot(facts=quarters([300e6, 308e6, 362e6, 415e6], gross=[225e6] * 4))


def _without_shares() -> MarketSnapshot:
    snap = _four_quarters()
    del snap.facts["ALAB"]["shares_outstanding"]
    return snap


def _no_previous_close() -> MarketSnapshot:
    snap = snapshot()
    snap.quotes["ALAB"] = last_quote(100.0, None, 125.0, NOW, False)
    return snap


def _held_with(symbol: str, currency: str | None) -> MarketSnapshot:
    """ALAB held, and `symbol` held with no quote (None) or quoted in `currency`."""
    snap = snapshot(lots={"ALAB": lots((10, 50.0)), symbol: lots((5, 10.0))})
    if currency is not None:
        quote = Quote(symbol, 10.0, None, None, 0.0, currency, None, NOW, "test")
        snap.quotes[symbol] = LastQuote(symbol, quote, NOW, False)
    return snap


def _sold() -> MarketSnapshot:
    snap = snapshot(lots={"ALAB": lots((10, 50.0))})
    snap.sells["ALAB"] = [Sell(10, 60.0, dt.date(2026, 1, 2))]
    return snap


NO_VALUE = [
    # (metric, the snapshot, pinned to, why there is no value)
    ("price", lambda: snapshot(None), None, Missing(MissingCode.NO_QUOTE, "ALAB")),
    ("change_pct", _no_previous_close, None, Missing(MissingCode.NO_PREVIOUS_CLOSE, "ALAB")),
    ("drawdown", lambda: snapshot(high=None), None, Missing(MissingCode.NO_YEAR_HIGH, "ALAB")),
    (
        "revenue_q",
        lambda: snapshot(sec=False),
        None,
        Missing(MissingCode.NO_SEC_USER_AGENT, "ALAB"),
    ),
    ("gross_margin", snapshot, None, Missing(MissingCode.NO_FUNDAMENTALS_YET, "ALAB")),
    ("revenue_q", _four_quarters, PIN, Missing(MissingCode.NOT_REPORTED, "ALAB", "revenue_q", PIN)),
    ("revenue_fy", _four_quarters, None, Missing(MissingCode.NOT_REPORTED, "ALAB", "revenue_fy")),
    ("gross_margin", _four_quarters, PIN, Missing(MissingCode.NO_REVENUE_QUARTER, "ALAB", pin=PIN)),
    (
        "revenue_ttm",
        lambda: snapshot(facts=quarters([1e6, 2e6])),
        None,
        Missing(MissingCode.FEWER_THAN_FOUR_QUARTERS, "ALAB", "revenue_ttm"),
    ),
    (
        "operating_margin",
        _four_quarters,
        None,
        Missing(MissingCode.NOT_IN_QUARTER, "ALAB", "operating_margin", quarter=LAST_QUARTER),
    ),
    (
        "revenue_growth_yoy",
        _four_quarters,
        None,
        Missing(MissingCode.NO_YEAR_EARLIER, "ALAB", quarter=LAST_QUARTER),
    ),
    ("market_cap", _without_shares, None, Missing(MissingCode.NO_SHARES_OUTSTANDING, "ALAB")),
    (
        "weight",
        lambda: _held_with("NVDA", None),
        None,
        Missing(MissingCode.UNQUOTED_HOLDINGS, "ALAB", symbols=("NVDA",)),
    ),
    (
        "weight",
        lambda: _held_with("SAP", "EUR"),
        None,
        Missing(MissingCode.NO_FX_RATE, "ALAB", symbols=("SAP",), currency="USD"),
    ),
    ("gain_pct", snapshot, None, Missing(MissingCode.NO_LOTS, "ALAB")),
    ("gain_pct", _sold, None, Missing(MissingCode.SOLD, "ALAB")),
    (
        "gain_pct",
        lambda: snapshot(lots={"ALAB": lots((10, 0.0))}),
        None,
        Missing(MissingCode.COSTLESS_LOTS, "ALAB"),
    ),
]


@pytest.mark.parametrize(
    ("metric", "snap", "pin", "missing"), NO_VALUE, ids=[case[3].code.value for case in NO_VALUE]
)
def test_no_value_says_why_as_a_code_and_its_parameters(metric, snap, pin, missing):
    observed = observe(metric, "ALAB", snap(), pin)
    assert (observed.value, observed.missing) == (None, missing)


def test_an_undefined_pe_carries_the_eps_it_was_undefined_by():
    facts = quarters([1e6] * 4, eps=[-0.1, -0.2, 0.1, 0.05])
    result = observe("pe_ttm", "ALAB", snapshot(facts=facts))
    assert result.missing is not None and result.missing.code == MissingCode.PE_UNDEFINED
    assert result.missing.value == pytest.approx(-0.15)


def test_excess_return_is_the_positions_rate_less_the_benchmarks_on_the_same_money():
    from catalyst_tui.thesis.portfolio.performance import Benchmark, Closes, Holding, Span, outcome
    from catalyst_tui.thesis.portfolio.positions import Lot

    # 10 at 100 worth 1500 365 days on (+50% a year); the index 400 → 440 (+10%): 40 points.
    day, later = dt.date(2025, 1, 3), dt.date(2026, 1, 3)
    held = Holding(
        "ALAB",
        [Lot(10, 100.0, day)],
        (),
        (),
        (),
        (),
        0.0,
        Closes([], []),
        150.0,
        lambda d: 1.0,
        1.0,
    )
    index = Benchmark("SOXX", Closes([day, later], [400.0, 440.0]), (), lambda d: 1.0)
    snap = snapshot(lots={"ALAB": lots((10, 100.0))})
    snap.returns_of = lambda symbol: ("SOXX", outcome([(held, index)], Span.LIFE, later))
    found = observe("excess_return", "ALAB", snap)
    assert found.value == pytest.approx(0.4, abs=1e-9)
    assert observation_note(found) == "+50.0% a year against SOXX +10.0%"
    assert parse_condition("excess_return >= 0%").threshold == 0.0


def test_excess_return_over_a_span_shorter_than_a_year_says_so():
    from catalyst_tui.thesis.portfolio.performance import Benchmark, Closes, Holding, Span, outcome
    from catalyst_tui.thesis.portfolio.positions import Lot

    # 10 at 100 worth 1200 on 1 October, 183 days on: +20% on the money put in (not +44% a year);
    # the index 400 → 420, +5%: 15 points.
    day, later = dt.date(2025, 4, 1), dt.date(2025, 10, 1)
    held = Holding(
        "ALAB",
        [Lot(10, 100.0, day)],
        (),
        (),
        (),
        (),
        0.0,
        Closes([], []),
        120.0,
        lambda d: 1.0,
        1.0,
    )
    index = Benchmark("SOXX", Closes([day, later], [400.0, 420.0]), (), lambda d: 1.0)
    snap = snapshot(lots={"ALAB": lots((10, 100.0))})
    snap.returns_of = lambda symbol: ("SOXX", outcome([(held, index)], Span.LIFE, later))
    found = observe("excess_return", "ALAB", snap)
    assert found.value == pytest.approx(0.15, abs=1e-9)
    assert observation_note(found) == "+20.0% on the money put in against SOXX +5.0%"


def test_excess_return_without_a_return_says_why():
    from catalyst_tui.thesis.portfolio.performance import Outcome
    from catalyst_tui.thesis.portfolio.returns import NoReturn, Rate

    none = Rate.missing(NoReturn.NO_BENCHMARK)
    snap = snapshot(lots={"ALAB": lots((10, 100.0))})
    snap.returns_of = lambda symbol: ("SOXX", Outcome(Rate(0.5), none, none))
    found = observe("excess_return", "ALAB", snap)
    assert found.missing == Missing(MissingCode.NO_RETURN, "ALAB", text="no_benchmark")
    assert missing_text(found.missing) == (
        "no return against the benchmark for ALAB: the benchmark has no price stored for a day "
        "it needs"
    )
    assert observe("excess_return", "ALAB", snapshot()).missing == Missing(
        MissingCode.NO_RETURN, "ALAB", text="no_flows"
    )
