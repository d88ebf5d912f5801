"""The verdict rule's seam: a rule is one row of thesis/verdict.py's RULES. A rule registered for
the test alone decides a verdict end to end: `catalyst review` (in process, on a real database)
concludes it, with its reason in its own words, in lines and in JSON."""

from __future__ import annotations

import json

from catalyst_tui.cli import main
from catalyst_tui.store import Store
from catalyst_tui.thesis import verdict
from catalyst_tui.thesis.verdict import RULES, Rule, Scope
from catalyst_tui.thesis.vocabulary import Kind, Status, Verdict

THESIS = """
[settings]
providers = ["yahoo"]

[tickers.FAR]
name = "Far Co"
[[tickers.FAR.checkpoints]]
id = "launch"
title = "Launches in 2099"
kind = "milestone"
due = 2099-12-31
"""

FAR_OFF = Rule(
    "milestone_far_off",
    Verdict.AT_RISK,
    Scope.EACH,
    (Kind.MILESTONE,),
    lambda s: s.status == Status.PENDING and "2099" in s.title,
    "a milestone too far off to hold: {title}",
    "a pending milestone whose title names 2099 (this test's rule)",
)


def review(tmp_path, capsys, *args: str) -> str:
    where = ["--config", str(tmp_path / "catalysts.toml"), "--db", str(tmp_path / "c.db")]
    assert main(["review", *args, *where]) == 0
    return capsys.readouterr().out


def test_a_rule_registered_in_rules_decides_the_verdict_in_review(tmp_path, capsys, monkeypatch):
    (tmp_path / "catalysts.toml").write_text(THESIS)
    Store.open(tmp_path / "c.db").close()  # review reads a database; it never makes one
    before = json.loads(review(tmp_path, capsys, "--json"))
    assert before["tickers"][0]["verdict"] != "at risk"

    monkeypatch.setattr(verdict, "RULES", (*RULES, FAR_OFF))
    lines = review(tmp_path, capsys, "FAR").splitlines()
    assert lines[0].split()[:3] == ["FAR", "at", "risk"]
    assert lines[1].startswith("  a milestone too far off to hold: Launches in 2099")
    after = json.loads(review(tmp_path, capsys, "--json"))["tickers"][0]
    assert after["verdict"] == "at risk"
    assert [r["rule"] for r in after["reasons"]] == ["milestone_far_off"]
