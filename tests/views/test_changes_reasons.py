"""A checkpoint's change says its reason as `check` does: a milestone missed because no report
of its quarter came by the day it could is "due passed; no report of Q2 FY2026 by 2026-10-08",
not the quarter's label alone. On a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.judgement import Evaluation, Reason, Why
from catalyst_tui.views.changes import load_changes

THESIS = """
[tickers.NVDA]
name = "Nvidia"
[[tickers.NVDA.checkpoints]]
id = "rubin"
title = "Rubin ships in Q2 FY2026"
kind = "milestone"
due = 2026-07-31
"""
BEFORE = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 10, 9, 12, tzinfo=dt.UTC)


def test_a_missed_milestones_change_says_why_in_a_sentence(tmp_path: Path):
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(load_config(path), BEFORE)
        reason = Reason(Why.CEILING_PASSED, dt.date(2026, 10, 8), "Q2 FY2026")
        missed = Evaluation("NVDA", "rubin", "pending", "missed", reason, None, "milestone")
        store.checkpoints.record([missed], NOW)
        (change,) = [c for c in load_changes(store, BEFORE) if c.kind == "checkpoint"]
    assert change.detail == "due passed; no report of Q2 FY2026 by 2026-10-08"
