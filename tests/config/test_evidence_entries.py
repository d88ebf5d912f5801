"""`evidence` entries in catalysts.toml: valid ones kept as written, bad ones located at the entry
and the column inside it, and the bundled thesis gives every ALAB milestone entries."""

from __future__ import annotations

import pytest

from catalyst_tui.config import ConfigError, load_config, parse_config

from ..conftest import BUNDLED_CONFIG

HEAD = """[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "scorpio"
title = "Scorpio becomes the largest product line"
kind = "milestone"
due = 2026-12-31
"""


def test_entries_are_kept_as_written():
    config = parse_config(
        HEAD + """evidence = ["Scorpio largest", '"largest product line" Scorpio']\n"""
    )
    [checkpoint] = config.tickers["ALAB"].checkpoints
    assert checkpoint.evidence == ("Scorpio largest", '"largest product line" Scorpio')


@pytest.mark.parametrize(
    ("value", "message", "column"),
    [
        ('"Scorpio"', "must be a list of strings, not a string ('Scorpio')", 12),
        ('["Scorpio", 3]', "must be a string, not a number (3)", 24),
        ('["  "]', "an evidence entry cannot be empty", 14),
        ('["Scorpio largest", "Scorpio largest"]', "'Scorpio largest' is listed twice", 32),
        # inside a string: the column of the opening quote of the phrase, of the empty phrase
        ("""['"largest product line Scorpio']""", "this quote is never closed", 14),
        ("""['Scorpio ""']""", "a quoted phrase needs a word in it", 22),
        ('["' + "x" * 201 + '"]', "an evidence entry is at most 200 characters", 214),
        ("[" + ", ".join(f'"e{i}"' for i in range(21)) + "]", "21 entries: at most 20 per", 12),
    ],
)
def test_a_bad_entry_is_located(value, message, column):
    with pytest.raises(ConfigError) as caught:
        parse_config(HEAD + f"evidence = {value}\n")
    [issue] = caught.value.issues
    assert (issue.line, issue.col) == (8, column)
    assert issue.key.startswith("tickers.ALAB.checkpoints[0].evidence")
    assert issue.message.startswith(message)


def test_the_bundled_thesis_gives_every_alab_milestone_evidence_entries():
    config = load_config(BUNDLED_CONFIG)
    milestones = [c for c in config.tickers["ALAB"].checkpoints if c.kind == "milestone"]
    assert len(milestones) == 6
    assert all(len(c.evidence) >= 2 for c in milestones), [c.id for c in milestones]
    words = " ".join(e for c in milestones for e in c.evidence).lower()
    for term in (
        "scorpio x",
        "scorpio p",
        "largest",
        "npo",
        "optical",
        "leo",
        "design win",
        "cxl",
        "custom",
    ):
        assert term in words, term
