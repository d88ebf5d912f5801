"""A checkpoint's status as the screens show it (tui/format.py `status`): its colour and mark by
its value, its words as its kind reads it, so a guard's "holding" is met's green."""

from __future__ import annotations

from catalyst_tui.thesis.kinds import KINDS, status_word
from catalyst_tui.thesis.vocabulary import Status
from catalyst_tui.tui import format as fmt
from catalyst_tui.tui.palette import ink


def test_every_kind_s_words_wear_their_status_s_colour_and_mark():
    for kind in KINDS:
        for status in Status:
            word = status_word(kind, status)
            shown = fmt.status(status, word)
            bare = fmt.status(status)
            assert shown.plain == f"{bare.plain[0]} {word}", (kind, status)
            assert shown.style == bare.style, (kind, status, word)
    holding = fmt.status(Status.MET, "holding")
    assert holding.plain == "✓ holding"
    assert holding.style == ink().status("green") != fmt.status(Status.PENDING).style
