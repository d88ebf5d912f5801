"""The verdict's rules, each on a hand-built thesis: a missed milestone or kill criterion breaks
it, a missed guard or target puts it at risk (acknowledged or not), every checkpoint met proves
it, nothing judged leaves it unjudged, anything else intact with what remains; marks count as
meant; the portfolio takes the worst."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.thesis.verdict import (
    RULE_NAMES,
    RULES,
    Standing,
    first_reason,
    judge,
    portfolio,
    reason_text,
)
from catalyst_tui.thesis.vocabulary import VERDICTS, Verdict

D1 = dt.date(2026, 11, 4)
D2 = dt.date(2026, 11, 5)


def milestone(ident: str, status: str = "pending", **kw) -> Standing:
    return Standing(ident, f"{ident} title", "milestone", status, **kw)


def guard(ident: str, status: str = "met", **kw) -> Standing:
    return Standing(ident, f"{ident} title", "guard", status, metric="gross_margin", **kw)


def target(ident: str, status: str = "pending", **kw) -> Standing:
    return Standing(ident, f"{ident} title", "target", status, metric="revenue_ttm", **kw)


def test_nothing_missed_and_a_milestone_pending_is_intact_with_what_remains():
    v = judge("ALAB", [milestone("npo"), guard("gm"), target("rev")])
    assert (v.verdict, v.reasons, v.checkpoints, v.judged) == (Verdict.INTACT, (), 3, 1)
    assert v.coverage == "1 of 3 checkpoints judged"
    assert [reason_text(r) for r in v.remaining] == ["to judge: npo title", "to judge: rev title"]


def test_a_ticker_without_checkpoints_is_unjudged():
    v = judge("CRDO", [])
    assert (v.verdict, v.coverage) == (Verdict.UNJUDGED, "no checkpoints")


def test_nothing_judged_yet_is_unjudged_with_what_remains():
    """ALAB offline, nothing fetched: its guards pending, its milestone ahead."""
    v = judge("ALAB", [guard("gm", "pending"), milestone("npo")])
    assert (v.verdict, v.coverage) == (Verdict.UNJUDGED, "0 of 2 checkpoints judged")
    assert [r.checkpoint for r in v.remaining] == ["gm", "npo"]


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
    assert judge("ALAB", [guard("gm", "met", kill=True), milestone("npo")]).verdict == "intact"


def test_broken_outranks_at_risk_and_keeps_both_reasons_the_worst_first():
    v = judge("ALAB", [guard("gm", "missed"), milestone("npo", "missed"), milestone("x", "met")])
    assert v.verdict == Verdict.BROKEN
    assert [r.rule for r in v.reasons] == ["milestone_missed", "guard_missed"]


def test_every_checkpoint_met_proves_it_with_each_as_a_reason():
    v = judge(
        "ALAB", [milestone("a", "met", since=D1, manual=True), milestone("b", "met"), guard("gm")]
    )
    assert (v.verdict, v.coverage) == (Verdict.PROVEN, "3 of 3 checkpoints judged")
    assert [r.checkpoint for r in v.reasons] == ["a", "b", "gm"]


def test_a_checkpoint_still_pending_is_no_proof():
    """NVDA: its milestones met, a target and a guard still pending: on track, not proven."""
    v = judge("NVDA", [milestone("a", "met"), target("rev"), guard("gm", "pending")])
    assert (v.verdict, v.coverage) == (Verdict.INTACT, "1 of 3 checkpoints judged")
    assert [r.checkpoint for r in v.remaining] == ["rev", "gm"]


def test_every_milestone_met_but_a_guard_missed_is_at_risk_not_proven():
    v = judge("ALAB", [milestone("a", "met"), guard("gm", "missed")])
    assert v.verdict == Verdict.AT_RISK


def test_one_milestone_still_pending_is_not_proven():
    assert judge("ALAB", [milestone("a", "met"), milestone("b")]).verdict == Verdict.INTACT


def test_every_checkpoint_met_proves_it_whatever_the_kinds():
    assert judge("ALAB", [guard("gm"), target("rev", "met")]).verdict == Verdict.PROVEN


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
        Verdict.INTACT: 0,
        Verdict.PROVEN: 1,
        Verdict.UNJUDGED: 1,
    }
    assert portfolio([]).verdict == Verdict.UNJUDGED


def test_the_table_names_each_rule_once_worst_conclusion_first():
    assert len(set(RULE_NAMES)) == len(RULES)
    ranks = [VERDICTS.index(rule.concludes) for rule in RULES]
    assert ranks == sorted(ranks)


def test_a_pending_target_behind_its_best_forecast_puts_it_at_risk_and_says_which():
    from catalyst_tui.thesis.conditions import parse_condition
    from catalyst_tui.thesis.reported.forecast import Forecast, Source

    when = parse_condition("revenue_fy >= 1.55B")
    behind = Forecast(Source.STREET, 1.49e9, dt.date(2026, 12, 31), 3)
    v = judge("ALAB", [target("fy26", condition=when, forecast=behind)])
    assert v.verdict == Verdict.AT_RISK and v.reasons[0].rule == "target_behind"
    assert reason_text(v.reasons[0]) == (
        "target behind its course: fy26 title: the Street expects $1.49B for the year to "
        "2026-12-31, below your $1.55B"
    )
    met = target("fy26", "met", condition=when, forecast=behind)  # decided: no forecast counts
    assert judge("ALAB", [met, guard("gm", "missed")]).reasons[0].rule == "guard_missed"


def test_a_target_on_its_course_names_the_forecast_it_was_judged_by():
    from catalyst_tui.thesis.conditions import parse_condition
    from catalyst_tui.thesis.reported.forecast import Forecast, Source

    when = parse_condition("revenue_fy >= 1.40B")
    ahead = Forecast(Source.STREET, 1.45e9, dt.date(2026, 12, 31), 3)
    v = judge("ALAB", [target("fy26", condition=when, forecast=ahead), guard("gm")])
    assert (v.verdict, v.reasons) == (Verdict.INTACT, ())
    [remaining] = v.remaining
    assert remaining.rule == "target_on_course" and remaining.forecast == ahead
    assert reason_text(remaining) == (
        "target on its course: fy26 title: the Street expects $1.45B for the year to "
        "2026-12-31, above your $1.4B"
    )


def test_a_verdict_without_reasons_says_what_it_was_not_that_nothing_was_missed():
    """Intact and unjudged give no reason: the timeline and the notification say which it was."""
    intact = judge("ALAB", [guard("gm"), milestone("npo")])
    unjudged = judge("ALAB", [guard("gm", "pending")])
    proven = judge("ALAB", [guard("gm")])
    assert first_reason(intact.verdict, intact.reasons) == (
        "nothing stands against the thesis: no checkpoint missed or behind"
    )
    assert first_reason(unjudged.verdict, unjudged.reasons) == (
        "nothing judged: no checkpoint met or missed"
    )
    assert first_reason(proven.verdict, proven.reasons) == "met: gm title"
    assert first_reason(Verdict.PROVEN, ()) == "every checkpoint met"  # a change kept bare
    assert first_reason(Verdict.BROKEN, ()) == "no reason recorded"
