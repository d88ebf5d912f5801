"""`catalyst review` keeps its verdicts in one column whatever the symbols' lengths: a listing
abroad (`SMMCHA.SW`, nine characters) does not push its verdict out of the column."""

from __future__ import annotations

from pathlib import Path

from catalyst_tui import cli

THESIS = """
[tickers."SMMCHA.SW"]
name = "Swiss small and mid caps"
[[tickers."SMMCHA.SW".checkpoints]]
id = "launch"
title = "Launches"
kind = "milestone"
due = 2099-12-31

[tickers.T]
name = "AT&T"
[[tickers.T.checkpoints]]
id = "launch"
title = "Launches"
kind = "milestone"
due = 2099-12-31
"""


def test_the_verdicts_stand_in_one_column_past_eight_characters(tmp_path: Path, capsys):
    (tmp_path / "catalysts.toml").write_text(THESIS)
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    assert cli.main([*where, "mark", "T/launch", "met"]) == 0
    capsys.readouterr()
    assert cli.main([*where, "review"]) == 0
    out = capsys.readouterr().out.splitlines()
    swiss = next(line for line in out if line.startswith("SMMCHA.SW "))
    att = next(line for line in out if line.startswith("T "))
    assert swiss.index("unjudged") == att.index("proven") == len("SMMCHA.SW") + 1
