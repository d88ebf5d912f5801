"""The verdicts `make bench` prints: bench/_report.py's Figure against its goal, and the BENCH
line a benchmark prints read back by bench/run.py."""

from __future__ import annotations

import pytest
from bench._report import PREFIX, Figure


def figure(measured: float, floor: float, goal: str) -> Figure:
    return Figure("f", measured, floor, "ms", goal)


@pytest.mark.parametrize(
    ("measured", "floor", "goal", "met"),
    [
        (1.4, 1.0, "ratio <= 1.5", True),
        (1.6, 1.0, "ratio <= 1.5", False),
        (0.8, 1.0, "ratio >= 0.7", True),  # a rate: higher is better
        (0.6, 1.0, "ratio >= 0.7", False),
        (49.0, 0.3, "measured <= 50", True),  # an absolute goal ignores the floor
        (51.0, 500.0, "measured <= 50", False),
        (1.5, 1.0, "ratio <= 1.5", True),  # the goal itself is met
    ],
)
def test_a_figure_is_judged_by_the_quantity_its_goal_names(measured, floor, goal, met):
    assert figure(measured, floor, goal).met is met


def test_a_bench_line_reads_back_as_the_same_figure():
    sent = Figure("start-up", 0.612, 0.385, "s", "ratio <= 1.5", "bare app", "500 tickers")
    line = sent.line()
    assert line.startswith(PREFIX)
    got = Figure.parse(line)
    assert got == sent and got.ratio == pytest.approx(0.612 / 0.385) and not got.met
    assert Figure.parse("refresh bench: 500 symbols") is None  # the human lines are skipped
