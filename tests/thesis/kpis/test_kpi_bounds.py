"""The law of a loosely stated KPI (thesis/kpis/metrics.py, `settles`): a statement decides a
comparison only where every value it allows decides it the same way. Checked on any number,
range, bound and threshold against values drawn from inside what the words allow: a decision
is never contradicted by one of them, and a statement left open has one value each way."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.thesis.conditions import NUMBER_OPERATORS, OPERATORS
from catalyst_tui.thesis.kpis.metrics import BOUNDS, bound_of, settles
from catalyst_tui.thesis.kpis.statements import Kpi
from catalyst_tui.thesis.observation import Observation

PERCENT = st.integers(min_value=-100, max_value=100).map(lambda n: n / 100)
BOUND_KINDS = ("", "above", "at least", "below", "at most")


def allowed(obs: Observation, inside: float) -> float:
    """A value the statement allows, `inside` (0..1) of the way into it (a half-line: up to a
    whole unit from its end); the ends of a closed span themselves at 0 and 1."""
    value = obs.value
    assert value is not None
    if obs.high is not None:
        return value + (obs.high - value) * inside
    step = max(inside, 1e-9)  # an open end is never reached
    match obs.bound:
        case "above":
            return value + step
        case "at least":
            return value + inside
        case "below":
            return value - step
        case "at most":
            return value - inside
    return value


@st.composite
def statements(draw: st.DrawFn) -> Observation:
    value = draw(PERCENT)
    if draw(st.booleans()):
        return Observation(value, high=value + draw(PERCENT.filter(lambda p: p >= 0)))
    return Observation(value, bound=draw(st.sampled_from(BOUND_KINDS)))


@given(
    statements(),
    st.sampled_from(NUMBER_OPERATORS),
    PERCENT,
    st.lists(st.floats(0, 1), min_size=1, max_size=20),
)
def test_a_decision_holds_for_every_value_the_words_allow(obs, op, threshold, insides):
    holds = OPERATORS[op]
    decided = settles(obs, holds, threshold)
    outcomes = {holds(allowed(obs, inside), threshold) for inside in [0.0, 1.0, *insides]}
    if decided is not None:
        assert outcomes == {decided}
    elif obs.high is None and not obs.bound:
        raise AssertionError("one number is always decided")


@given(statements(), st.sampled_from(NUMBER_OPERATORS), PERCENT)
def test_a_statement_left_open_allows_a_value_each_way(obs, op, threshold):
    holds = OPERATORS[op]
    if settles(obs, holds, threshold) is not None:
        return
    # the two ends of what it allows: a range's, else its stated end (just inside an open one)
    # and the far end of its half-line
    assert obs.value is not None
    ends = (obs.value, obs.high)
    if obs.bound:
        out = math.inf if obs.bound in ("above", "at least") else -math.inf
        near = obs.value if obs.bound.startswith("at ") else math.nextafter(obs.value, out)
        ends = (near, out)
    assert {holds(end, threshold) for end in ends} == {True, False}


def test_each_bound_word_of_the_reader_has_its_end_and_a_decline_turns_it():
    def kpi(comparison: str, value: float) -> Kpi:
        return Kpi("growth", "Scorpio", value, None, comparison, "", False, "", 0, 0)

    ends = {"above", "at least", "at most", "below"}
    assert {bound_of(kpi(word, 0.05)) for word in BOUNDS} == ends
    assert bound_of(kpi("over", 0.05)) == "above"
    assert bound_of(kpi("over", -0.05)) == "below"  # "declined more than 5%"
    assert bound_of(kpi("nearly", -0.05)) == "above"  # "down nearly 5%": above -5%
    assert bound_of(kpi("at least", -0.05)) == "at most"
    assert bound_of(kpi("approximately", 0.2)) == bound_of(kpi("", 0.2)) == ""
