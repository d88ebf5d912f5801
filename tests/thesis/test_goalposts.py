"""Goalposts: every move of a checkpoint's threshold, due date, last day or kill flag made in
catalysts.toml is kept (store/sync.py) with its day, before and after; a loosening says so; a
move without a journal note since is shown in `review` until one is written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.cli.output.review import review_json, review_lines
from catalyst_tui.config import parse_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.conditions import parse_condition
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


@pytest.mark.parametrize(
    ("was", "now", "loosened"),
    [
        ("gross_margin >= 70%", "gross_margin > 1%", True),
        ("gross_margin >= 70%", "gross_margin > 70%", False),
        ("gross_margin > 70%", "gross_margin >= 70%", True),
        ("gross_margin >= 70%", "gross_margin <= 80%", True),
        ('guidance == "raised"', 'guidance != "cut"', True),
        ('guidance != "cut"', 'guidance == "raised"', False),
        ('guidance == "raised"', 'guidance == "reiterated"', True),
        ('guidance != "cut"', 'guidance != "withdrawn"', True),
        ("weight < 15%", "weight <= 15%", True),
        ("weight <= 15%", "weight < 10%", False),
        ("revenue_q >= 360M", "revenue_q >= 0.3B", True),
        ("revenue_q >= 360M", "revenue_q >= 0.4B", False),
    ],
)
def test_a_move_is_judged_by_what_the_threshold_means_across_operators_and_units(
    was, now, loosened
):
    assert loosens("condition", was, now) is loosened


thresholds = st.integers(min_value=-200, max_value=200)
#: Every half percent from -205% to 205%: a value in each piece either threshold cuts the line in.
GRID = [n / 200 for n in range(-410, 411)]
WORDS = ("raised", "cut", "reiterated", "introduced", "withdrawn")


NUMBER_OPS = st.sampled_from((">", ">=", "<", "<="))


@given(NUMBER_OPS, thresholds, NUMBER_OPS, thresholds)
def test_law_a_move_loosens_exactly_when_a_value_now_holds_that_did_not(op1, t1, op2, t2):
    """Whatever the operators and thresholds (in percent, a unit the parser applies): loosened
    when and only when some value now holds that did not."""
    old = parse_condition(f"gross_margin {op1} {t1}%")
    new = parse_condition(f"gross_margin {op2} {t2}%")
    let_through = any(new.holds(v) and not old.holds(v) for v in GRID)
    assert loosens("condition", old.text, new.text) is let_through


WORD_OPS = st.sampled_from(("==", "!="))


@given(WORD_OPS, st.sampled_from(WORDS), WORD_OPS, st.sampled_from(WORDS))
def test_law_a_word_condition_loosens_exactly_when_a_word_now_holds_that_did_not(op1, w1, op2, w2):
    old = parse_condition(f'guidance {op1} "{w1}"')
    new = parse_condition(f'guidance {op2} "{w2}"')
    let_through = any(new.holds(i) and not old.holds(i) for i in range(len(WORDS)))
    assert loosens("condition", old.text, new.text) is let_through


def test_a_kill_criterion_edited_to_another_operator_is_recorded_loosened(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(parse_config(GUARD), now=T0)
        store.sync.apply(parse_config(GUARD.replace(">= 70%", "> 1%")), now=T1)
        [move] = store.journal.moves()
        assert (move.before, move.after, move.loosened) == (
            "gross_margin >= 70%",
            "gross_margin > 1%",
            True,
        )
