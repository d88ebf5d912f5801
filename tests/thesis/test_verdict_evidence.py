"""Evidence in the verdict (thesis/verdict.py's evidence rules), on hand-built theses: a passage
you accepted that challenges a checkpoint puts the thesis at risk, one that breaks the kill
criterion breaks it, one that breaks any other checkpoint puts it at risk; a passage nobody
accepted changes nothing, whatever the machine read in it; the reason quotes the passage."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.thesis.evidence.stance import AGAINST, Accepted, Stance, classify
from catalyst_tui.thesis.verdict import Standing, judge, reason_text
from catalyst_tui.thesis.vocabulary import Verdict

ON = dt.date(2026, 11, 20)
DELAYED = "Volume production of Scorpio X was delayed to the second half."
LOST = "We lost the design win at the second hyperscaler."
BECAME = "Scorpio became our largest product line in the fourth quarter."


def accepted(passage: str, ident: int = 1, label: str = "8-K EX-99.1 2026-11-04") -> Accepted:
    """A passage accepted with the stance the machine reads in it, as `accept` keeps it."""
    return Accepted(ident, classify(passage).stance, label, passage, ON)


def milestone(ident: str, status: str = "pending", **kw) -> Standing:
    return Standing(ident, f"{ident} title", "milestone", status, **kw)


def test_an_accepted_challenge_puts_an_intact_thesis_at_risk_and_names_the_passage():
    met = milestone("funded", "met")
    before = judge("ALAB", [met, milestone("largest")])
    v = judge("ALAB", [met, milestone("largest", accepted=(accepted(DELAYED),))])
    assert (before.verdict, v.verdict) == (Verdict.INTACT, Verdict.AT_RISK)
    [reason] = v.reasons
    assert (reason.rule, reason.checkpoint, reason.since) == (
        "evidence_accepted_challenge",
        "largest",
        ON,
    )
    assert reason_text(reason) == (
        "accepted challenge to largest title: 8-K EX-99.1 2026-11-04 — "
        "“Volume production of Scorpio X was delayed to the second half.”, accepted on 2026-11-20"
    )
    assert v.remaining == ()  # it gave a reason: it is not what remains to judge


def test_an_accepted_break_of_the_kill_criterion_breaks_the_thesis():
    v = judge("ALAB", [milestone("win", kill=True, accepted=(accepted(LOST),))])
    assert v.verdict == Verdict.BROKEN
    assert reason_text(v.reasons[0]).startswith(
        "accepted break of the kill criterion win title: 8-K EX-99.1 2026-11-04 — “We lost"
    )


def test_an_accepted_break_of_a_checkpoint_that_is_no_kill_criterion_puts_it_at_risk():
    v = judge("ALAB", [milestone("win", accepted=(accepted(LOST),))])
    assert (v.verdict, v.reasons[0].rule) == (Verdict.AT_RISK, "evidence_accepted_challenge")


def test_an_accepted_challenge_of_the_kill_criterion_puts_it_at_risk_without_breaking_it():
    v = judge("ALAB", [milestone("win", kill=True, accepted=(accepted(DELAYED),))])
    assert (v.verdict, v.reasons[0].rule) == (Verdict.AT_RISK, "evidence_accepted_challenge")


def test_an_accepted_support_changes_nothing():
    v = judge(
        "ALAB", [milestone("funded", "met"), milestone("largest", accepted=(accepted(BECAME),))]
    )
    assert (v.verdict, v.reasons) == (Verdict.INTACT, ())


def test_the_newest_accepted_passage_against_it_is_the_one_quoted():
    newest, older = accepted(DELAYED, 2, "10-Q 2026-11-10"), accepted(LOST, 1)
    v = judge("ALAB", [milestone("win", accepted=(accepted(BECAME, 3), newest, older))])
    assert "10-Q 2026-11-10 — “Volume production" in reason_text(v.reasons[0])


def test_a_long_passage_is_quoted_cut_at_its_end():
    long = "Scorpio X was delayed " + "again and " * 40 + "again."
    quoted = Accepted(1, Stance.CHALLENGES, "10-Q 2026-11-10", long, ON).quoted
    assert quoted.startswith("10-Q 2026-11-10 — “Scorpio X was delayed again")
    assert quoted.endswith("…”") and len(quoted) < len(long)


def test_a_missed_milestone_gives_its_own_reason_before_an_accepted_challenge_of_it():
    v = judge("ALAB", [milestone("largest", "missed", since=ON, accepted=(accepted(DELAYED),))])
    assert [r.rule for r in v.reasons] == ["milestone_missed"]


@pytest.mark.parametrize("passage", [DELAYED, LOST, BECAME])
@pytest.mark.parametrize("kill", [False, True])
def test_a_passage_nobody_accepted_never_changes_the_verdict(passage: str, kill: bool):
    """The machine's reading is shown beside the passage, never judged: without `accepted`
    the Standing carries nothing of it (store/verdicts.py reads only accepted passages)."""
    met = milestone("funded", "met")
    assert judge("ALAB", [met, milestone("largest", kill=kill)]).verdict == Verdict.INTACT


STANCES = st.sampled_from(list(Stance))
ACCEPTED = st.builds(Accepted, st.integers(1, 99), STANCES, st.just("10-Q"), st.text(), st.just(ON))


@given(st.lists(ACCEPTED, max_size=4), st.booleans())
def test_law_the_verdict_is_at_risk_or_worse_exactly_when_a_passage_against_it_is_accepted(
    passages: list[Accepted], kill: bool
):
    v = judge(
        "X", [milestone("funded", "met"), milestone("c", kill=kill, accepted=tuple(passages))]
    )
    against = [a for a in passages if a.stance in AGAINST]
    breaks = kill and any(a.stance == Stance.BREAKS for a in passages)
    expected = Verdict.BROKEN if breaks else Verdict.AT_RISK if against else Verdict.INTACT
    assert v.verdict == expected


def test_a_delay_said_after_a_hedged_relative_clause_accepted_puts_the_thesis_at_risk():
    """ "that would make …" hedges its own clause: the delay is said as a fact, a challenge."""
    would = (
        "Volume production that would make Scorpio our largest product line was delayed to "
        "next year."
    )
    met = milestone("funded", "met")
    v = judge("ALAB", [met, milestone("largest", accepted=(accepted(would),))])
    assert v.verdict == Verdict.AT_RISK
    assert [r.rule for r in v.reasons] == ["evidence_accepted_challenge"]


def test_a_passage_with_no_deciding_word_accepted_changes_nothing():
    v = judge(
        "ALAB", [milestone("funded", "met"), milestone("largest", accepted=(accepted(BECAME),))]
    )
    assert classify(BECAME).stance == Stance.NONE
    assert v.verdict == Verdict.INTACT
