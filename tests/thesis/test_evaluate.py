"""The thesis engine on tables of cases: every kind × transition, due dates around midnight in the
user's time zone, missing and stale data, manual freeze and reopen, reasons word for word."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.jobs.evaluation import local_today
from catalyst_tui.thesis.conditions import parse_condition
from catalyst_tui.thesis.evaluate import (
    CheckpointState,
    Evaluation,
    Reason,
    Why,
    evaluate,
    evaluate_one,
)
from catalyst_tui.thesis.metrics import observe
from catalyst_tui.thesis.snapshot import MarketSnapshot
from catalyst_tui.thesis.wording import compared, format_value, reason_text

from .conftest import DAY, FY2025, NOW, TODAY, last_quote, quarters, snapshot


def why(result: Evaluation) -> str:
    return reason_text(result.reason, result.condition, TODAY)


def state(
    kind: str,
    status: str = "pending",
    *,
    when: str | None = None,
    due=None,
    until=None,
    manual: bool = False,
    period_end=None,
    at_due: bool = False,
) -> CheckpointState:
    return CheckpointState(
        "ALAB",
        "cp",
        "A checkpoint",
        kind,
        status,
        manual,
        due,
        until,
        parse_condition(when) if when else None,
        period_end,
        at_due=at_due,
    )


# -- the records evaluate() builds by position --------------------------------------------------


def test_the_records_evaluate_builds_by_position_keep_their_fields_in_that_order():
    """evaluate() writes each Reason and Evaluation as a tuple in field order (evaluate._record,
    its hot loop): a field added or moved changes these lines and that loop together."""
    assert Reason._fields == ("why", "day", "note", "observed", "op", "forecast")
    assert Evaluation._fields == (
        "symbol",
        "checkpoint_id",
        "previous",
        "status",
        "reason",
        "condition",
        "kind",
    )
    snap = snapshot(100)
    c = state("target", when="price >= 110", due=TODAY - DAY)
    reason = Reason(
        Why.NEVER_HELD, day=TODAY - DAY, observed=observe("price", "ALAB", snap), op="<"
    )
    assert evaluate_one(c, snap, TODAY) == Evaluation(
        symbol="ALAB",
        checkpoint_id="cp",
        previous="pending",
        status="missed",
        reason=reason,
        condition=c.condition,
        kind="target",
    )


# -- every kind × transition ----------------------------------------------------------------


def read(snap: MarketSnapshot) -> MarketSnapshot:
    """`snap` with ALAB's filings read today: its last 10-K (a year to December) among them."""
    snap.facts.setdefault("ALAB", {})["revenue_fy"] = [FY2025]
    snap.read_through["ALAB"] = TODAY
    return snap


CASES = [
    # (name, state, snapshot, expected status, reason fragment)
    (
        "milestone pending before due",
        state("milestone", due=TODAY),
        snapshot(),
        "pending",
        "0 days left",
    ),
    (
        "milestone judged at due missed the day after due",
        state("milestone", due=TODAY - DAY, at_due=True),
        snapshot(),
        "missed",
        "passed while pending",
    ),
    (
        "milestone past due awaits its quarter's report",
        state("milestone", due=TODAY - DAY),
        read(snapshot()),
        "pending",
        "due passed, awaiting the Q4 FY2026 report",
    ),
    (
        "milestone past due with no filing read is unjudged",
        state("milestone", due=TODAY - DAY),
        snapshot(),
        "pending",
        "due passed, unjudged: none of the company's filings read yet",
    ),
    (
        "milestone met stays met after due",
        state("milestone", "met", due=TODAY - DAY, manual=True),
        snapshot(),
        "met",
        "by hand",
    ),
    (
        "target met when it holds",
        state("target", when="price >= 90", due=TODAY + DAY),
        snapshot(100),
        "met",
        "price 100.00 >= 90",
    ),
    (
        "target pending while it fails before due",
        state("target", when="price >= 110", due=TODAY + DAY),
        snapshot(100),
        "pending",
        "price 100.00 < 110",
    ),
    (
        "target missed after due",
        state("target", when="price >= 110", due=TODAY - DAY),
        snapshot(100),
        "missed",
        "never held",
    ),
    (
        "target met on its due day",
        state("target", when="price >= 90", due=TODAY),
        snapshot(100),
        "met",
        ">= 90",
    ),
    (
        "target stays met when it fails later",
        state("target", "met", when="price >= 110", due=TODAY + DAY),
        snapshot(100),
        "met",
        "met; now price 100.00 < 110",
    ),
    (
        "target without data stays pending",
        state("target", when="revenue_q >= 360M", due=TODAY + DAY),
        snapshot(sec=False),
        "pending",
        "set providers.sec.user_agent",
    ),
    (
        "target without data is no verdict after due",
        state("target", when="revenue_q >= 360M", due=TODAY - DAY),
        snapshot(),
        "pending",
        "no fundamentals yet",
    ),
    ("guard holding", state("guard", when="price >= 90"), snapshot(100), "met", ">= 90"),
    ("guard fails", state("guard", "met", when="price >= 110"), snapshot(100), "missed", "< 110"),
    ("guard recovers", state("guard", "missed", when="price >= 90"), snapshot(100), "met", ""),
    (
        "guard without data keeps status",
        state("guard", "met", when="gross_margin >= 70%"),
        snapshot(),
        "met",
        "no fundamentals yet for ALAB",
    ),
    (
        "guard final after until",
        state("guard", "met", when="price >= 110", until=TODAY - DAY),
        snapshot(100),
        "met",
        "final since",
    ),
    (
        "guard still live on until",
        state("guard", "met", when="price >= 110", until=TODAY),
        snapshot(100),
        "missed",
        "< 110",
    ),
    (
        "manual mark freezes a guard",
        state("guard", "met", when="price >= 110", manual=True),
        snapshot(100),
        "met",
        "by hand",
    ),
    (
        "manual miss freezes a target",
        state("target", "missed", when="price >= 90", due=TODAY + DAY, manual=True),
        snapshot(100),
        "missed",
        "by hand",
    ),
    (
        "reopened target evaluates again",
        state("target", "pending", when="price >= 90", due=TODAY + DAY),
        snapshot(100),
        "met",
        "",
    ),
    (
        "no quote leaves the guard pending",
        state("guard", when="price >= 1"),
        snapshot(None),
        "pending",
        "no quote yet for ALAB",
    ),
    (
        "stale quote is used and said",
        state("guard", when="price >= 90"),
        snapshot(100, stale=True),
        "met",
        "stale quote, 5h old",
    ),
]


@pytest.mark.parametrize(
    ("name", "checkpoint", "snap", "status", "fragment"), CASES, ids=[c[0] for c in CASES]
)
def test_evaluation(name, checkpoint, snap, status, fragment):
    result = evaluate_one(checkpoint, snap, TODAY)
    assert result.status == status
    assert fragment in why(result)
    assert result.changed == (status != checkpoint.status)
    assert result.kind == checkpoint.kind  # how its statuses read (a met guard: "holding")


def test_transition_carries_value_threshold_and_reason():
    facts = quarters([300e6, 308e6, 362e6, 415e6], gross=[225e6, 231e6, 266e6, 286.8e6])
    result = evaluate_one(
        state("guard", "met", when="gross_margin >= 70%"), snapshot(facts=facts), TODAY
    )
    assert (result.previous, result.status) == ("met", "missed")
    assert result.value == pytest.approx(286.8 / 415)
    assert result.condition is not None and result.condition.text == "gross_margin >= 70%"
    assert why(result).startswith("gross_margin 69.1% < 70% (quarter ended 2026-09-30")


# -- due dates around midnight in the user's time zone ------------------------------------------


@pytest.mark.parametrize(
    ("utc", "zone", "local_day"),
    [
        ("2027-01-01T04:59:00", "America/New_York", "2026-12-31"),
        ("2027-01-01T05:00:00", "America/New_York", "2027-01-01"),
        ("2026-12-31T15:00:00", "Asia/Tokyo", "2027-01-01"),
        ("2026-12-31T14:59:59", "Asia/Tokyo", "2026-12-31"),
    ],
)
def test_today_is_the_users_local_date(utc, zone, local_day):
    config = parse_config(f'[settings]\ntimezone = "{zone}"\n')
    now = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    today = local_today(config, now)
    assert today.isoformat() == local_day
    due_dec_31 = state("milestone", due=dt.date(2026, 12, 31), at_due=True)
    expected = "missed" if local_day == "2027-01-01" else "pending"
    assert evaluate_one(due_dec_31, snapshot(), today).status == expected


# -- reasons, word for word (evaluate() gives the parts, wording puts them in words) ------------


def test_reasons_word_for_word():
    facts = quarters([300e6, 308e6, 362e6, 415e6], gross=[225e6, 231e6, 266e6, 286.8e6])
    snap = snapshot(100, facts=facts)
    checkpoints = [
        state("guard", "met", when="gross_margin >= 70%"),
        state("target", "met", when="price >= 110", due=TODAY + DAY),
        state("target", when="price >= 110", due=TODAY - DAY),
        state("target", when="price >= 90", due=TODAY + 10 * DAY),
        state("guard", "met", when="price >= 110", until=TODAY - DAY),
        state("milestone", due=TODAY + DAY),
        state("milestone", due=TODAY + 2 * DAY),
        state("milestone", due=TODAY - DAY, at_due=True),
        state("target", "met", when="revenue_fy >= 1B", due=TODAY + DAY),
    ]
    reasons = [why(e) for e in evaluate(checkpoints, snap, TODAY)]
    assert reasons == [
        "gross_margin 69.1% < 70% (quarter ended 2026-09-30, filed 2026-11-04)",
        "met; now price 100.00 < 110",
        "due 2026-11-20 passed and it never held (price 100.00 < 110)",
        "price 100.00 >= 90",
        "final since 2026-11-20",
        "due 2026-11-22, 1 day left",
        "due 2026-11-23, 2 days left",
        "due 2026-11-20 passed while pending",
        "met; now no fiscal-year revenue reported for ALAB yet",
    ]
    assert [why(evaluate_one(c, snap, TODAY)) for c in checkpoints] == reasons


@pytest.mark.parametrize(
    ("when", "values"),
    [
        (
            "price >= 1",
            [
                0.0,
                -0.004,
                0.005,
                187.925,
                998.994,
                998.995,
                999.0,
                999.995,
                1234.5,
                999_999.99,
                1e6,
                -2.5e6,
                1e9,
                1.23456e12,
            ],
        ),
        ("change_pct >= 1%", [0.0, 0.006949, 0.0069951, -0.25, 1.5]),
    ],
)
def test_reason_shows_the_value_as_format_value_does(when, values):
    condition = parse_condition(when)
    for value in values:
        snap = snapshot(value)
        if condition.metric == "change_pct":
            snap.quotes["ALAB"] = last_quote(100.0, value, 125.0, NOW, False)
        reason = why(evaluate([state("guard", when=when)], snap, TODAY)[0])
        op = reason.split()[2]
        # As a value is shown beside its threshold (thesis/wording.py `compared`): its kind's
        # own digits (format_value's, but that no zero is negative), more where they tell it
        # from the threshold.
        shown = compared(condition.metric, value, op, condition.threshold)[0]
        assert reason.split()[1] == shown, value
        if format_value(condition.metric, value).lstrip("-") != shown.lstrip("-"):
            assert len(shown) > len(format_value(condition.metric, value)), value


def test_threshold_text_is_as_written_and_not_part_of_equality():
    condition = parse_condition("gross_margin   >=70%")
    assert condition.threshold_text == "70%"
    assert condition.text == "gross_margin >=70%"
    twin = parse_condition("gross_margin >=70%")
    assert condition == twin and hash(condition) == hash(twin)
    assert parse_condition("revenue_q < 1.5B").threshold_text == "1.5B"
