"""`catalyst calibration` in the test's own process on the database tests/cli/test_replay.py builds:
the confidence of each checkpoint against its status (one voided by its loosened floor), the Brier
score and bands computed by hand, and the conviction of a note against the 90 trading days after it
in NVIDIA's real closes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_replay import cli, workdir

__all__ = ["workdir"]  # the fixture, shared


def test_calibration_json_equals_a_hand_computation(workdir: Path):
    result = cli(workdir, "calibration", "--json")
    assert result.returncode == 0, result.stderr
    c = json.loads(result.stdout, parse_constant=lambda v: pytest.fail(f"not JSON: {v}"))
    # target 0.9 marked met, launch 0.4 marked missed; the floor (0.7) moved since: voided.
    assert (c["resolved"], c["unresolved"], c["voided"]) == (2, 0, 1)
    assert c["brier"] == pytest.approx(((0.9 - 1) ** 2 + (0.4 - 0) ** 2) / 2)  # 0.085
    assert [(b["low"], b["size"], b["met"]) for b in c["bands"]] == [
        (0.0, 0, 0),
        (0.2, 0, 0),
        (0.4, 1, 0),
        (0.6, 0, 0),
        (0.8, 1, 1),
    ]
    assert c["too_few"] is True
    # The note of 2021-06-29 (close 20.0268): 90 trading days later 29.8010.
    high = c["conviction"][0]
    assert (high["conviction"], high["notes"], high["measured"]) == ("high", 1, 1)
    assert high["mean_move"] == pytest.approx(29.801000595092773 / 20.026750564575195 - 1)


def test_calibration_lines_say_the_sample_is_too_small(workdir: Path):
    result = cli(workdir, "calibration")
    assert result.returncode == 0, result.stderr
    assert "2 resolved, 0 unresolved, 1 voided" in result.stdout
    assert "2 resolved: too few to read a trend (at least 20)" in result.stdout
    assert "Brier score: 0.085" in result.stdout
