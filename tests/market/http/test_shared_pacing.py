"""SEC's pacing kept by every process of the machine (market/http/pacing.py SharedRateLimit)
holds EDGAR's ten a second where EDGAR counts them, at its server: each request leaves some time
after its turn (a busy process waits for the CPU, the network its own time), and a late one
lands beside the next. Turns spaced by the shared interval, each request delayed by anything up
to a quarter of a second, never put more than ten within one second."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.support.rates import per_second

from catalyst_tui.market.http.pacing import SharedRateLimit
from catalyst_tui.market.sec.client import SEC_MAX_PER_SECOND

DELAY = 0.25  # seconds between a turn and its request reaching the server, at most


@given(st.lists(st.floats(min_value=0.0, max_value=DELAY), min_size=1, max_size=60))
def test_turns_delayed_up_to_a_quarter_second_put_ten_a_second_at_most(delays: list[float]):
    interval = SharedRateLimit(SEC_MAX_PER_SECOND, Path("pacing")).interval
    arrivals = [n * interval + delay for n, delay in enumerate(delays)]
    assert per_second(arrivals) <= SEC_MAX_PER_SECOND


def test_the_worst_case_is_drawn_too():
    """The first requests as late as can be, the next on time: the turns of a second and a
    quarter land in one second, and still ten at most."""
    interval = SharedRateLimit(SEC_MAX_PER_SECOND, Path("pacing")).interval
    arrivals = [n * interval + (DELAY if n < 3 else 0.0) for n in range(30)]
    assert per_second(arrivals) <= SEC_MAX_PER_SECOND
