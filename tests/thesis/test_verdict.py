"""The verdict's rules, each on a hand-built thesis: a missed milestone or kill criterion breaks
it, a missed guard or target puts it at risk (acknowledged or not), every milestone met proves
it, anything else leaves it intact; marks count as meant; the portfolio takes the worst."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.thesis.verdict import RULE_NAMES, RULES, Standing, judge, portfolio, reason_text
from catalyst_tui.thesis.vocabulary import VERDICTS, Verdict

D1 = dt.date(2026, 11, 4)
D2 = dt.date(2026, 11, 5)


def milestone(ident: str, status: str = "pending", **kw) -> Standing:
    return Standing(ident, f"{ident} title", "milestone", status, **kw)


def guard(ident: str, status: str = "met", **kw) -> Standing:
    return Standing(ident, f"{ident} title", "guard", status, metric="gross_margin", **kw)


def target(ident: str, status: str = "pending", **kw) -> Standing:
    return Standing(ident, f"{ident} title", "target", status, metric="revenue_ttm", **kw)


def test_nothing_missed_and_a_milestone_pending_is_intact_without_reasons():
    v = judge("ALAB", [milestone("npo"), guard("gm"), target("rev")])
    assert (v.verdict, v.reasons, v.checkpoints) == (Verdict.INTACT, (), 3)


def test_a_ticker_without_checkpoints_is_intact():
    assert judge("CRDO", []).verdict == Verdict.INTACT


def test_a_missed_milestone_breaks_the_thesis_since_the_day_it_was_missed():
    v = judge("ALAB", [milestone("npo", "missed", since=D1), guard("gm")])
    assert v.verdict == Verdict.BROKEN
    [reason] = v.reasons
    assert (reason.rule, reason.checkpoint, reason.since) == ("milestone_missed", "npo", D1)
    assert reason_text(reason) == "milestone missed: npo title, since 2026-11-04"


def test_a_milestone_you_marked_missed_breaks_it_and_says_you_marked_it():
    v = judge("ALAB", [milestone("npo", "missed", since=D1, manual=True)])
    assert v.verdict == Verdict.BROKEN
    assert reason_text(v.reasons[0]) == "milestone missed: npo title, marked by you 2026-11-04"


def test_a_missed_guard_puts_it_at_risk_with_its_value():
    v = judge("ALAB", [milestone("npo"), guard("gm", "missed", since=D1, value=0.652)])
    assert v.verdict == Verdict.AT_RISK
    [reason] = v.reasons
    assert (reason.rule, reason.value) == ("guard_missed", 0.652)
    assert (
        reason_text(reason) == "guard not holding: gm title (gross_margin 65.2%), since 2026-11-04"
    )


def test_an_acknowledged_guard_miss_still_counts_and_says_when_it_was_acknowledged():
    v = judge("ALAB", [guard("gm", "missed", since=D1, value=0.652, acked=D2)])
    assert v.verdict == Verdict.AT_RISK
    assert reason_text(v.reasons[0]).endswith("since 2026-11-04, acknowledged on 2026-11-05")


def test_a_target_missed_at_its_due_date_puts_it_at_risk():
    v = judge("ALAB", [target("rev", "missed", since=D1, value=3.0e8)])
    assert (v.verdict, v.reasons[0].rule) == (Verdict.AT_RISK, "target_missed")


def test_a_kill_criterion_missed_breaks_it_even_when_a_guard():
    v = judge("ALAB", [guard("gm", "missed", since=D1, kill=True)])
    assert v.verdict == Verdict.BROKEN
    assert [r.rule for r in v.reasons] == ["kill_missed"]  # one reason a checkpoint


def test_a_kill_criterion_that_holds_changes_nothing():
    assert judge("ALAB", [guard("gm", "met", kill=True)]).verdict == Verdict.INTACT


def test_broken_outranks_at_risk_and_keeps_both_reasons_the_worst_first():
    v = judge("ALAB", [guard("gm", "missed"), milestone("npo", "missed"), milestone("x", "met")])
    assert v.verdict == Verdict.BROKEN
    assert [r.rule for r in v.reasons] == ["milestone_missed", "guard_missed"]


def test_every_milestone_met_proves_it_with_each_as_a_reason():
    v = judge(
        "ALAB", [milestone("a", "met", since=D1, manual=True), milestone("b", "met"), guard("gm")]
    )
    assert v.verdict == Verdict.PROVEN
    assert [r.checkpoint for r in v.reasons] == ["a", "b"]


def test_every_milestone_met_but_a_guard_missed_is_at_risk_not_proven():
    v = judge("ALAB", [milestone("a", "met"), guard("gm", "missed")])
    assert v.verdict == Verdict.AT_RISK


def test_one_milestone_still_pending_is_not_proven():
    assert judge("ALAB", [milestone("a", "met"), milestone("b")]).verdict == Verdict.INTACT


def test_without_milestones_nothing_can_be_proven():
    assert judge("ALAB", [guard("gm"), target("rev", "met")]).verdict == Verdict.INTACT


def test_the_portfolio_is_its_worst_ticker_with_the_counts_of_each():
    verdicts = [
        judge("ALAB", [guard("gm", "missed")]),
        judge("CRDO", []),
        judge("MU", [milestone("a", "met")]),
        judge("NVDA", [guard("gm", "missed")]),
    ]
    p = portfolio(verdicts)
    assert p.verdict == Verdict.AT_RISK and p.worst == ("ALAB", "NVDA")
    assert dict(p.counts) == {
        Verdict.BROKEN: 0,
        Verdict.AT_RISK: 2,
        Verdict.INTACT: 1,
        Verdict.PROVEN: 1,
    }
    assert portfolio([]).verdict == Verdict.INTACT


def test_the_table_names_each_rule_once_worst_conclusion_first():
    assert len(set(RULE_NAMES)) == len(RULES)
    ranks = [VERDICTS.index(rule.concludes) for rule in RULES]
    assert ranks == sorted(ranks)


def test_a_pending_target_behind_its_best_forecast_puts_it_at_risk_and_says_which():
    from catalyst_tui.thesis.conditions import parse_condition
    from catalyst_tui.thesis.forecast import Forecast, Source

    when = parse_condition("revenue_fy >= 1.55B")
    behind = Forecast(Source.STREET, 1.49e9, dt.date(2026, 12, 31), 3)
    ahead = behind._replace(value=1.61e9)
    v = judge("ALAB", [target("fy26", condition=when, forecast=behind)])
    assert v.verdict == Verdict.AT_RISK and v.reasons[0].rule == "target_behind"
    assert reason_text(v.reasons[0]) == (
        "target behind its course: fy26 title: the Street expects $1.49B for the year to "
        "2026-12-31, below your $1.55B"
    )
    assert judge("ALAB", [target("fy26", condition=when, forecast=ahead)]).verdict == "intact"
    met = target("fy26", "met", condition=when, forecast=behind)  # decided: no forecast counts
    assert judge("ALAB", [met]).verdict == Verdict.INTACT
