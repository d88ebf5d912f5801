"""A checkpoint's `confidence`: a probability strictly between 0 and 1, on any kind; anything
else is refused at its key, with its line and column."""

from __future__ import annotations

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.config.issues import ConfigError
from tests.support import cli_inline

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
        ("70", "confidence is a probability between 0 and 1, both excluded, not 70 (0.7 for"),
        ("-0.2", "confidence is a probability between 0 and 1, both excluded, not -0.2"),
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


@pytest.mark.parametrize(
    ("value", "sure", "like"),
    [("1", "it will be met", "0.99 for 99%"), ("0", "it will not", "0.01 for 1%")],
)
def test_a_certainty_is_refused_saying_why(value: str, sure: str, like: str):
    """1 and 0 are the bounds a user reaches for first ("I am sure"): the message says they
    are excluded, and why, rather than calling 1 out of a range that seems to hold it."""
    with pytest.raises(ConfigError) as caught:
        parse_config(THESIS.format(value=value))
    said = str(caught.value).partition("confidence: ")[2]
    assert said == (
        f"confidence {value} says you are certain {sure}, and a certainty cannot be scored "
        "(calibration measures how often what you gave 70% came true): 0 and 1 are excluded; "
        f"give a probability between them ({like})"
    )


def test_validate_on_a_fresh_file_says_it_at_the_line(tmp_path, isolated_home):
    """As the user met it: `catalyst init`, a checkpoint with `confidence = 1`, `validate`."""
    mine = tmp_path / "catalysts.toml"
    assert cli_inline.run("init", str(mine), cwd=tmp_path).returncode == 0
    with mine.open("a", encoding="utf-8") as file:
        file.write(THESIS.format(value="1"))
    done = cli_inline.run("--config", str(mine), "validate", cwd=tmp_path)
    assert done.returncode == 2
    lines = [
        line for line in done.stdout.splitlines() + done.stderr.splitlines() if "confid" in line
    ]
    assert len(lines) == 1 and "a certainty cannot be scored" in lines[0], lines
    assert "0 and 1 are excluded" in lines[0] and lines[0].startswith(f"{mine}:")
