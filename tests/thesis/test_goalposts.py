"""Goalposts: every move of a checkpoint's threshold, due date, last day or kill flag made in
catalysts.toml is kept (store/sync.py) with its day, before and after; a loosening says so; a
move without a journal note since is shown in `review` until one is written."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.cli.output.review import review_json, review_lines
from catalyst_tui.config import parse_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.goalposts import loosens
from catalyst_tui.views.changes import load_changes
from catalyst_tui.views.review import load_review

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
T1 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
GUARD = """
[tickers.ALAB]
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin floor"
kind = "guard"
when = "gross_margin >= 70%"
kill = true
[[tickers.ALAB.checkpoints]]
id = "npo"
title = "NPO ships"
kind = "milestone"
due = 2027-06-30
"""


def test_a_kill_criterion_loosened_in_the_file_is_a_move_shown_until_a_note(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(GUARD), now=T0)
        assert store.journal.moves() == []  # first seen: nothing moved
        moved = GUARD.replace(">= 70%", ">= 65%").replace("2027-06-30", "2027-12-31")
        store.sync.apply(parse_config(moved), now=T1)
        found = [
            (m.checkpoint, m.field, m.before, m.after, m.loosened) for m in store.journal.moves()
        ]
        assert found == [
            ("gm", "condition", "gross_margin >= 70%", "gross_margin >= 65%", True),
            ("npo", "due", "2027-06-30", "2027-12-31", True),
        ]
        store.sync.apply(parse_config(moved), now=T1 + dt.timedelta(hours=1))
        assert len(store.journal.moves()) == 2  # the same file again moves nothing

        lines = review_lines(load_review(store))
        assert (
            "  goalpost moved without a note: ALAB/gm: condition gross_margin >= 70% → "
            "gross_margin >= 65% on 2026-11-20 (loosened)"
        ) in lines
        [alab] = review_json(load_review(store))["tickers"]
        assert [m["field"] for m in alab["moved_without_note"]] == ["condition", "due"]

        changes = load_changes(store, T0)
        shown = [(c.kind, c.title, c.detail) for c in changes if c.kind == "goalpost"]
        assert shown[0] == (
            "goalpost",
            "goalpost: ALAB/gm: condition gross_margin >= 70% → gross_margin >= 65% on "
            "2026-11-20 (loosened)",
            "moved without a note",
        )
        assert len(shown) == 2 and load_changes(store, T1) == []  # after it: not in the window

        store.journal.add("ALAB", "margin floor lowered: the mix shifts to Scorpio", T1)
        assert all(m.noted for m in store.journal.moves())
        assert not any("goalpost" in line for line in review_lines(load_review(store)))


def test_the_kill_flag_taken_off_is_a_loosening_and_put_on_is_not(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(GUARD), now=T0)
        store.sync.apply(parse_config(GUARD.replace("kill = true\n", "")), now=T1)
        [off] = store.journal.moves()
        assert (off.field, off.before, off.after, off.loosened) == ("kill", "1", "0", True)


@pytest.mark.parametrize(
    ("field", "was", "now", "loosened"),
    [
        ("condition", "gross_margin >= 70%", "gross_margin >= 65%", True),
        ("condition", "gross_margin >= 65%", "gross_margin >= 70%", False),
        ("condition", "weight <= 15%", "weight <= 20%", True),
        ("condition", "weight <= 20%", "weight <= 15%", False),
        ("due", "2026-12-31", "2027-03-31", True),
        ("due", "2027-03-31", "2026-12-31", False),
        ("kill", 1, 0, True),
        ("kill", 0, 1, False),
    ],
)
def test_what_loosens_a_checkpoint(field, was, now, loosened):
    assert loosens(field, was, now) is loosened
