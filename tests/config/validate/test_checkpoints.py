"""A checkpoint's keys as its kind's row in thesis/kinds.py says: the keys it needs, the keys it
must not have, each refused with its located message; a mistyped kind is named as it is meant."""

from __future__ import annotations

import pytest

from catalyst_tui.config import ConfigError, IssueCode, parse_config
from catalyst_tui.thesis.kinds import KINDS
from catalyst_tui.thesis.vocabulary import Kind

HEAD = '[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nid = "c"\ntitle = "C"\n'
ALL_KEYS = 'due = 2027-06-30\nwhen = "gross_margin >= 70%"\nuntil = 2027-12-31\n'


def issues(text: str) -> list[tuple[int, int, str, IssueCode, str]]:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    return [(i.line, i.col, i.key, i.code, i.message) for i in info.value.issues]


def test_each_kind_refuses_the_keys_its_row_forbids_at_the_key():
    cp = "tickers.ALAB.checkpoints[0]"
    assert issues(HEAD + 'kind = "milestone"\n' + ALL_KEYS + "period_end = 2027-03-31\n") == [
        (
            7,
            1,
            f"{cp}.when",
            IssueCode.FORBIDDEN_KEY,
            "a milestone is judged by you and has no 'when': "
            'use kind = "target" or "guard" for a condition',
        ),
        (
            8,
            1,
            f"{cp}.until",
            IssueCode.FORBIDDEN_KEY,
            "'until' is for guards: a milestone uses 'due'",
        ),
        (
            9,
            1,
            f"{cp}.period_end",
            IssueCode.FORBIDDEN_KEY,
            "period_end applies to targets and guards with a fundamentals metric",
        ),
    ]
    assert issues(HEAD + 'kind = "target"\n' + ALL_KEYS) == [
        (
            8,
            1,
            f"{cp}.until",
            IssueCode.FORBIDDEN_KEY,
            "'until' is for guards: a target uses 'due'",
        ),
    ]
    assert issues(HEAD + 'kind = "guard"\n' + ALL_KEYS) == [
        (
            6,
            1,
            f"{cp}.due",
            IssueCode.FORBIDDEN_KEY,
            "a guard has no due date: use 'until' for its last day",
        ),
    ]


def test_each_kind_needs_the_keys_its_row_requires_named_at_the_table():
    cp = "tickers.ALAB.checkpoints[0]"
    found = {kind: issues(HEAD + f'kind = "{kind}"\n') for kind in KINDS}
    assert found == {
        "milestone": [
            (
                2,
                1,
                cp,
                IssueCode.MISSING_KEY,
                "missing required key 'due': a milestone needs a due date",
            ),
        ],
        "target": [
            (
                2,
                1,
                cp,
                IssueCode.MISSING_KEY,
                "missing required key 'due': a target needs a due date",
            ),
            (
                2,
                1,
                cp,
                IssueCode.MISSING_KEY,
                "missing required key 'when': a target needs a condition such as "
                "'gross_margin >= 70%'",
            ),
        ],
        "guard": [
            (
                2,
                1,
                cp,
                IssueCode.MISSING_KEY,
                "missing required key 'when': a guard needs a condition such as "
                "'gross_margin >= 70%'",
            ),
        ],
    }


def test_a_missing_key_issue_names_the_key_it_misses():
    with pytest.raises(ConfigError) as info:
        parse_config('[tickers.ALAB]\n[[tickers.ALAB.checkpoints]]\nkind = "target"\n')
    missing = [(i.key_path, i.missing) for i in info.value.issues]
    table = ("tickers", "ALAB", "checkpoints", 0)
    assert missing == [(table, "id"), (table, "title"), (table, "due"), (table, "when")]


def test_a_mistyped_kind_is_named_as_the_kind_it_is_meant_to_be():
    assert issues(HEAD + 'kind = "milestne"\ndue = 2027-06-30\n') == [
        (
            5,
            8,
            "tickers.ALAB.checkpoints[0].kind",
            IssueCode.BAD_VALUE,
            "unknown kind 'milestne' (did you mean 'milestone'?): use milestone, target or guard",
        ),
    ]


@pytest.mark.parametrize("kind", ["target", "guard"])
@pytest.mark.parametrize("judged", ["by report", "at due"])
def test_judged_is_a_milestones_key_alone_refused_at_its_key(kind: str, judged: str) -> None:
    condition = 'when = "gross_margin >= 70%"\n' + (
        "due = 2027-06-30\n" if kind == "target" else ""
    )
    text = HEAD + f'kind = "{kind}"\n' + condition + f'judged = "{judged}"\n'
    [(line, col, key, code, message)] = issues(text)
    assert (key, code) == ("tickers.ALAB.checkpoints[0].judged", IssueCode.FORBIDDEN_KEY)
    assert line == text.count("\n") and col == 1
    assert message.startswith(f"judged is for milestones: a {kind} is judged by its condition")
    assert not KINDS[Kind.MILESTONE].forbids("judged")  # the one kind the form shows it for
