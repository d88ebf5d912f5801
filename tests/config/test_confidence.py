"""A checkpoint's `confidence`: a probability strictly between 0 and 1, on any kind; anything
else is refused at its key, with its line and column."""

from __future__ import annotations

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.config.issues import ConfigError

THESIS = """
[tickers.ABC]
name = "ABC"
[[tickers.ABC.checkpoints]]
id = "floor"
title = "Floor"
kind = "guard"
when = "price >= 10"
confidence = {value}
"""


@pytest.mark.parametrize("value", ["0.7", "0.01", "0.99"])
def test_a_probability_is_kept(value: str):
    [checkpoint] = parse_config(THESIS.format(value=value)).tickers["ABC"].checkpoints
    assert checkpoint.confidence == float(value)


def test_none_given_is_none():
    text = THESIS.replace("confidence = {value}\n", "")
    [checkpoint] = parse_config(text).tickers["ABC"].checkpoints
    assert checkpoint.confidence is None


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("0", "confidence is a probability between 0 and 1, not 0 (0.7 for 70%)"),
        ("1", "confidence is a probability between 0 and 1, not 1 (0.7 for 70%)"),
        ("70", "confidence is a probability between 0 and 1, not 70 (0.7 for 70%)"),
        ("-0.2", "confidence is a probability between 0 and 1, not -0.2 (0.7 for 70%)"),
        ('"70%"', "must be a number, not"),
        ("true", "must be a number, not"),
    ],
)
def test_anything_else_is_refused_at_its_key(value: str, said: str):
    with pytest.raises(ConfigError) as caught:
        parse_config(THESIS.format(value=value))
    text = str(caught.value)
    assert text.startswith("catalysts.toml:9:14: tickers.ABC.checkpoints[0].confidence: ")
    assert said in text
