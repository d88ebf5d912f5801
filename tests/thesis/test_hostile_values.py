"""Stored values no metric foresaw: a price of 1e-320 (stored by a version that let it through:
the portfolio's total underflows to 0 and `weight` divided by it), a margin that comes out
infinite, a fact without a value. Each spoils its own metric, which says why it has no value;
every other checkpoint is judged as ever."""

from __future__ import annotations

import pytest

from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import CheckpointState, Why, evaluate
from catalyst_tui.thesis.observation import MissingCode
from catalyst_tui.thesis.wording import reason_text

from .conftest import NOW, TODAY, last_quote, lots, quarters, snapshot


def guard(symbol: str, ident: str, when: str) -> CheckpointState:
    return CheckpointState(
        symbol, ident, ident, "guard", "pending", condition=parse_condition(when)
    )


def judged(snap, *checkpoints: CheckpointState) -> dict[str, tuple[str, Why, str]]:
    return {
        e.checkpoint_id: (e.status, e.reason.why, reason_text(e.reason, e.condition, TODAY))
        for e in evaluate(checkpoints, snap, TODAY)
    }


def test_a_price_of_1e_320_gives_no_weight_and_every_other_checkpoint_is_judged():
    # A tenth of a thousandth of a share at 1e-320: the value underflows to 0.0.
    snap = snapshot(price=1e-320, lots={"ALAB": lots((0.0001, 5.0))})
    snap.quotes["NVDA"] = last_quote(180.0, 0.01, 200.0, NOW, False, symbol="NVDA")
    found = judged(
        snap,
        guard("ALAB", "weight", "weight <= 20%"),
        guard("NVDA", "price", "price >= 100"),
    )
    status, why, text = found["weight"]
    assert (status, why) == ("pending", Why.NO_VALUE)
    assert "the holdings (ALAB) are worth 0 at the stored prices" in text
    assert found["price"][:2] == ("met", Why.COMPARED)
    weight = [e for e in evaluate([guard("ALAB", "w", "weight <= 20%")], snap, TODAY)][0]
    assert weight.reason.observed is not None and weight.reason.observed.missing is not None
    assert weight.reason.observed.missing.code == MissingCode.WORTHLESS_HOLDINGS


def _infinite_margin():
    """Revenue of 1e-300 (a fact within every bound: no negative, nothing beyond 1e16) under a
    gross profit of 1e16: the margin overflows to infinity, which no condition may judge."""
    return quarters([1e6, 1e6, 1e6, 1e-300], gross=[5e5, 5e5, 5e5, 1e16])


def _fact_without_a_value():
    """A stored fact without a value (an old row, NULL): the margin's division raised
    TypeError, which ended the evaluation of every checkpoint of every ticker."""
    facts = quarters([1e6] * 4, gross=[5e5] * 4)
    last = facts["ALAB"]["gross_profit_q"][-1]
    facts["ALAB"]["gross_profit_q"][-1] = last._replace(value=None)
    return facts


@pytest.mark.parametrize(
    ("facts", "why"),
    [
        (_infinite_margin, "gross_margin of ALAB is not a finite number"),
        (_fact_without_a_value, "gross_margin of ALAB could not be computed (TypeError"),
    ],
    ids=["infinite", "raises"],
)
def test_a_metric_that_raises_or_comes_out_infinite_spoils_its_own_checkpoint_alone(facts, why):
    snap = snapshot(facts=facts())
    found = judged(
        snap, guard("ALAB", "margin", "gross_margin >= 50%"), guard("ALAB", "price", "price >= 50")
    )
    assert found["margin"][:2] == ("pending", Why.NO_VALUE)
    assert why in found["margin"][2]
    assert found["price"][:2] == ("met", Why.COMPARED)
