"""A split changes no verdict: per-share values are on today's basis (EPS restated, shares
multiplied), and a per-share threshold is compared on the basis of the day it was written.
Figures are hand computations written next to each assertion."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.market.models import Fact, LastQuote, Quote, Split
from catalyst_tui.thesis.conditions import parse_condition, rebased
from catalyst_tui.thesis.evaluate import CheckpointState, evaluate_one
from catalyst_tui.thesis.metrics import MarketSnapshot, observe
from catalyst_tui.thesis.portfolio.positions import Lot
from catalyst_tui.thesis.wording import observation_note

NOW = dt.datetime(2024, 9, 2, 15, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
SPLIT = Split("NVDA", dt.date(2024, 6, 10), 10, 1)
BEFORE, AFTER = dt.date(2024, 1, 2), dt.date(2024, 7, 1)


def snap(price: float = 130.0, *, splits=(SPLIT,), high: float | None = None) -> MarketSnapshot:
    s = MarketSnapshot(now=NOW, sec_configured=True)
    quote = Quote("NVDA", price, None, None, 0.01, "USD", None, NOW, "test")
    s.quotes["NVDA"] = LastQuote("NVDA", quote, NOW, False)
    if high is not None:
        s.history_high["NVDA"] = high
    # Four quarters of diluted EPS, all filed before the split: 2 + 2 + 2 + 2 = 8 on the old basis.
    ends = [dt.date(2023, 7, 30), dt.date(2023, 10, 29), dt.date(2024, 1, 28), dt.date(2024, 4, 28)]
    s.facts["NVDA"] = {
        "eps_diluted_q": [
            Fact(
                "eps_diluted_q",
                e - dt.timedelta(days=90),
                e,
                2.0,
                "USD/shares",
                "10-Q",
                e + dt.timedelta(days=25),
                "EarningsPerShareDiluted",
            )
            for e in ends
        ],
        "shares_outstanding": [
            Fact(
                "shares_outstanding",
                None,
                dt.date(2024, 5, 17),
                2.46e9,
                "shares",
                "10-Q",
                dt.date(2024, 5, 29),
                "dei:EntityCommonStockSharesOutstanding",
            )
        ],
    }
    s.lots["NVDA"] = [Lot(40, 900.0, dt.date(2024, 1, 16))]
    s.splits["NVDA"] = list(splits)
    return s


def state(when: str, written: dt.date, status: str = "pending") -> CheckpointState:
    return CheckpointState(
        "NVDA", "c", "c", "target", status, condition=parse_condition(when), written=written
    )


def test_a_price_threshold_written_before_the_split_is_compared_on_its_basis():
    result = evaluate_one(state("price >= 1200", BEFORE), snap(130.0), TODAY)
    assert result.status == "met"  # 130 × 10 = 1,300 ≥ 1,200 on the basis it was written in
    assert result.reason.observed is not None
    assert result.reason.observed.value == pytest.approx(1300)
    assert result.reason.observed.rebased == 10
    note = observation_note(result.reason.observed)
    assert "×10 to the share basis the condition was written in" in note


def test_the_same_threshold_written_after_the_split_compares_as_written():
    result = evaluate_one(state("price >= 1200", AFTER), snap(130.0), TODAY)
    assert result.status == "pending"  # 130 < 1,200 on today's basis: not met (not yet due)
    assert result.reason.observed is not None
    assert result.reason.observed.value == 130.0
    assert result.reason.observed.rebased is None


def test_a_met_price_target_stays_met_across_the_split():
    # Before the split: 1,300 ≥ 1,200, met. After it the quote reads 130.
    before = evaluate_one(state("price >= 1200", BEFORE), snap(1300.0, splits=()), TODAY)
    assert before.status == "met"
    after = evaluate_one(state("price >= 1200", BEFORE, "met"), snap(130.0), TODAY)
    assert after.status == "met"


def test_ratios_are_not_rebased():
    # drawdown is a fraction of the (restated) high: 1 − 130 / 140 ≈ 7.1 %, no factor.
    result = evaluate_one(state("drawdown <= 30%", BEFORE), snap(130.0, high=140.0), TODAY)
    assert result.reason.observed is not None
    assert result.reason.observed.value == pytest.approx(1 - 130 / 140)
    assert result.reason.observed.rebased is None


def test_eps_ttm_filed_before_a_split_is_on_todays_basis():
    obs = observe("eps_ttm", "NVDA", snap())
    assert obs.value == pytest.approx(8 / 10)  # 8 on the old basis, ÷ 10
    assert obs.split_adjusted == 10
    assert observation_note(obs) == "four quarters to 2024-04-28, split-adjusted 10:1"
    unsplit = observe("eps_ttm", "NVDA", snap(splits=()))
    assert unsplit.value == pytest.approx(8.0)
    assert unsplit.split_adjusted is None


def test_pe_and_market_cap_are_unchanged_by_the_split():
    # P/E 1,300 / 8 before = 130 / 0.8 after = 162.5.
    assert observe("pe_ttm", "NVDA", snap(1300.0, splits=())).value == pytest.approx(162.5)
    assert observe("pe_ttm", "NVDA", snap(130.0)).value == pytest.approx(162.5)
    # Shares counted 2024-05-17, before the split: 2.46e9 × 10 × 130 = 3.198e12.
    assert observe("market_cap", "NVDA", snap(130.0)).value == pytest.approx(2.46e10 * 130)
    assert observe("market_cap", "NVDA", snap(1300.0, splits=())).value == pytest.approx(
        2.46e9 * 1300
    )


def test_gain_and_weight_of_a_lot_bought_before_the_split():
    # 40 shares at 900 = 36,000; today 400 shares at 130 = 52,000: +44.4 %, as at 1,300 before.
    assert observe("gain_pct", "NVDA", snap(130.0)).value == pytest.approx(52_000 / 36_000 - 1)
    assert observe("gain_pct", "NVDA", snap(1300.0, splits=())).value == pytest.approx(
        52_000 / 36_000 - 1
    )


@pytest.mark.parametrize(
    ("written", "factor", "expected"),
    [
        ("price >= 1200", 10, "price >= 120"),
        ("price < 1,000".replace(",", ""), 4, "price < 250"),
        ("price >= 100", 3, "price >= 33.3333"),
        ("eps_ttm >= 2.5", 10, "eps_ttm >= 0.25"),
        ("price >= 10", 0.125, "price >= 80"),  # a 1:8 reverse split
    ],
)
def test_rebased_puts_a_threshold_on_todays_basis(written, factor, expected):
    assert rebased(parse_condition(written), factor) == expected


def test_a_pinned_ttm_already_restated_by_a_later_filing_is_not_divided_again():
    # Q1..Q4 filed before the split, restated by the derivation from the post-split 10-Q
    # (2.0 / 10 = 0.2 each, split_factor 10); Q5 filed after the split.
    s = snap()
    ends = [f.period_end for f in s.facts["NVDA"]["eps_diluted_q"]]
    restated = [f._replace(value=0.2, split_factor=10.0) for f in s.facts["NVDA"]["eps_diluted_q"]]
    q5 = Fact(
        "eps_diluted_q",
        dt.date(2024, 4, 29),
        dt.date(2024, 7, 28),
        0.25,
        "USD/shares",
        "10-Q",
        dt.date(2024, 8, 28),
        "EarningsPerShareDiluted",
    )
    s.facts["NVDA"]["eps_diluted_q"] = [*restated, q5]
    pinned = observe("eps_ttm", "NVDA", s, ends[-1])
    assert pinned.value == pytest.approx(0.8)  # 4 × 0.2: not ÷ 10 again
    assert pinned.split_adjusted == 10
    latest = observe("eps_ttm", "NVDA", s)
    assert latest.value == pytest.approx(0.2 * 3 + 0.25)
