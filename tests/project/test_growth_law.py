"""The size-doubling law the readers' linear-time tests use (tests/support/growth.py) catches a
reader whose work grows as the square of its input, and passes one that grows as the input:
a law that passed every reader would prove nothing."""

from __future__ import annotations

import pytest

from tests.support.growth import assert_linear


def _quadratic(text: str) -> int:
    """Work that grows as the square of the text: every 20th character against every later
    one."""
    step = 20
    return sum(1 for i in range(0, len(text), step) for _ in range(i, len(text), step))


def _linear(text: str) -> int:
    return sum(1 for ch in text if ch == "a")


def test_a_reader_in_quadratic_time_breaks_the_law() -> None:
    with pytest.raises(AssertionError):
        assert_linear(lambda n: "a" * n, _quadratic, 20_000)


def test_a_reader_in_linear_time_keeps_it() -> None:
    assert_linear(lambda n: "a" * n, _linear, 20_000)
