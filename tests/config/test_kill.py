"""A checkpoint's `kill`: the thesis's kill criterion, true or false (false when left out); any
other value refused at its key and line; `notify` takes "verdict"."""

from __future__ import annotations

import pytest

from catalyst_tui.config import ConfigError, parse_config

THESIS = """[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin holds"
kind = "guard"
when = "gross_margin >= 70%"
[[tickers.ALAB.checkpoints]]
id = "npo"
title = "NPO ships"
kind = "milestone"
due = 2027-12-31
kill = true
"""


def test_kill_is_read_and_false_when_left_out() -> None:
    gm, npo = parse_config(THESIS).tickers["ALAB"].checkpoints
    assert (gm.kill, npo.kill) == (False, True)


@pytest.mark.parametrize("written", ['"yes"', "1", "[true]"])
def test_a_kill_that_is_not_a_boolean_is_located_at_its_key(written: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(THESIS.replace("kill = true", f"kill = {written}"))
    [issue] = info.value.issues
    assert issue.line == 13 and issue.key_path == ("tickers", "ALAB", "checkpoints", 1, "kill")
    assert issue.message.startswith("kill is true or false, not ")


def test_notify_may_ask_for_changes_of_verdict() -> None:
    config = parse_config('[settings]\nnotify = ["missed", "verdict"]\n' + THESIS)
    assert config.settings.notify == ("missed", "verdict")
