"""The table of checkpoint kinds against the vocabulary: one row per kind, in the order the kinds'
words are listed in."""

from __future__ import annotations

from catalyst_tui.thesis.kinds import KINDS, one_of
from catalyst_tui.thesis.vocabulary import KIND_NAMES, Kind


def test_the_table_has_one_row_per_kind_in_the_order_of_its_words():
    assert list(KINDS) == list(Kind)
    assert [str(kind) for kind in KINDS] == list(KIND_NAMES)
    assert all(row.kind is kind for kind, row in KINDS.items())
    assert one_of() == "milestone, target or guard"
