"""Calibration's figures against a hand computation: the Brier score, the bands, the counts of
unresolved and voided forecasts, small samples said as such, conviction against what followed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.thesis.replay.calibration import Band, Conviction, Forecast, calibrate
from catalyst_tui.thesis.replay.wording import calibration_lines

FORECASTS = [
    Forecast("A", "one", 0.7, "met"),
    Forecast("A", "two", 0.7, "missed"),
    Forecast("B", "one", 0.9, "met"),
    Forecast("B", "two", 0.3, "missed"),
    Forecast("C", "one", 0.55, "pending"),
    Forecast("C", "two", 0.8, "met", voided=True),
]
MOVES = [("high", 0.1), ("high", None), ("low", -0.2), ("high", 0.3)]


def test_the_brier_score_bands_and_counts_equal_a_hand_computation():
    c = calibrate(FORECASTS, MOVES)
    # Resolved: (0.7, 1), (0.7, 0), (0.9, 1), (0.3, 0): squared errors 0.09, 0.49, 0.01, 0.09.
    assert (c.resolved, c.unresolved, c.voided) == (4, 1, 1)
    assert c.brier == pytest.approx((0.09 + 0.49 + 0.01 + 0.09) / 4)  # 0.17
    assert c.bands == (
        Band(0.0, 0.2, 0, None, 0),
        Band(0.2, 0.4, 1, 0.3, 0),
        Band(0.4, 0.6, 0, None, 0),
        Band(0.6, 0.8, 2, (0.7 + 0.7) / 2, 1),
        Band(0.8, 1.0, 1, 0.9, 1),
    )
    assert c.bands[3].hit_rate == 0.5
    assert c.conviction == (
        Conviction("high", 3, 2, (0.1 + 0.3) / 2),
        Conviction("medium", 0, 0, None),
        Conviction("low", 1, 1, -0.2),
    )
    assert c.too_few


def test_small_samples_are_said_as_such():
    lines = calibration_lines(calibrate(FORECASTS, MOVES))
    assert lines[0] == "4 resolved, 1 unresolved, 1 voided (its rule moved after you gave it)"
    assert lines[1] == "Brier score: 0.170 (0 is perfect; always saying 50% scores 0.250)"
    assert "4 resolved: too few to read a trend (at least 20)" in lines
    assert any(line.startswith("60–80%") and line.endswith("1 of 2 (too few)") for line in lines)


def test_nothing_resolved_has_no_score():
    c = calibrate([Forecast("A", "one", 0.6, "pending")])
    assert (c.resolved, c.unresolved, c.brier) == (0, 1, None)
    assert "Brier score: none (nothing resolved yet)" in calibration_lines(c)


def test_a_band_holds_its_low_end_and_the_last_its_high_end():
    edges = [Forecast("A", str(i), p, "met") for i, p in enumerate((0.2, 0.4, 0.6, 0.8, 1.0))]
    assert [b.size for b in calibrate(edges).bands] == [0, 1, 1, 1, 2]


PROBABILITY = st.floats(0.001, 0.999)
STATUS = st.sampled_from(["met", "missed", "pending"])


@given(st.lists(st.tuples(PROBABILITY, STATUS, st.booleans()), max_size=60))
def test_law_every_forecast_is_counted_once_and_the_score_is_a_mean_square(rows):
    forecasts = [Forecast("A", str(i), p, s, v) for i, (p, s, v) in enumerate(rows)]
    c = calibrate(forecasts)
    assert c.resolved + c.unresolved + c.voided == len(forecasts)
    assert sum(b.size for b in c.bands) == c.resolved
    assert sum(b.met for b in c.bands) == sum(
        1 for f in forecasts if not f.voided and f.status == "met"
    )
    if c.resolved:
        assert c.brier is not None and 0 <= c.brier <= 1
        for b in c.bands:
            assert b.size == 0 or b.low <= (b.mean_confidence or 0) <= b.high
    else:
        assert c.brier is None
    assert c.too_few == (c.resolved < 20)
