"""A guidance range as catalyst prints it: both ends with the digits that tell them apart."""

from __future__ import annotations

import pytest

from catalyst_tui.thesis.wording import money_range


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (440e6, 450e6, "$440–450M"),  # the usual digits say both ends as they are
        (412.5e6, 417.5e6, "$412.5–417.5M"),
        (950e6, 1.05e9, "$950M–1.05B"),
        (2.015e9, 2.025e9, "$2.015–2.025B"),  # rounded to 2 places both were '2.02'
        (2.0e9, 2.015e9, "$2.000–2.015B"),  # '$2–2.02B' said 2,020 for 2,015
        (1.25e9, 1.30e9, "$1.25–1.3B"),
        (450.25e6, 455.75e6, "$450.25–455.75M"),
        (45.1e9, 45.1e9, "$45.1B"),
    ],
)
def test_both_ends_are_said_as_the_release_said_them(low: float, high: float, text: str) -> None:
    assert money_range(low, high) == text
