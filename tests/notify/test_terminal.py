"""The terminal channel: OSC 9, OSC 777 and the bell, with nothing in the text that could
command the terminal."""

from __future__ import annotations

import pytest

from catalyst_tui.notify.notification import ChannelError, Notification, strip_controls
from catalyst_tui.notify.terminal import TerminalChannel, terminal_sequence

from .conftest import GM_NOTIFICATION


async def test_terminal_channel_writes_osc9_osc777_and_a_bell():
    written: list[str] = []
    await TerminalChannel(written.append).send(GM_NOTIFICATION)
    title, body = GM_NOTIFICATION.title, GM_NOTIFICATION.body
    assert written == [f"\x1b]9;{title}: {body}\x07\x1b]777;notify;{title};{body}\x07\x07"]


def test_terminal_text_cannot_inject_escape_sequences():
    hostile = "NPO\x1b]0;owned\x07 ships\x9b2J\x9d8;;http://x\x9c\r\nnow\x7f"
    sequence = terminal_sequence(hostile, "body; with\ttab")
    assert sequence == (  # each sequence removed whole: no ']0;owned' left to read
        "\x1b]9;NPO ships now: body; with tab\x07"
        "\x1b]777;notify;NPO ships now;body; with tab\x07\x07"
    )
    # Only our own three introducers and terminators remain.
    assert sequence.count("\x1b") == 2 and sequence.count("\x07") == 3
    assert strip_controls("a\x00b\u0085c\td\u009b") == "ab c d"


async def test_terminal_write_failure_is_a_channel_error():
    def broken(_: str) -> None:
        raise OSError(5, "Input/output error")

    with pytest.raises(ChannelError, match="writing to the terminal failed"):
        await TerminalChannel(broken).send(Notification("t", "b"))
