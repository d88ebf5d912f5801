"""The terminal channel: OSC 9, OSC 777 and the bell, with the text made safe to embed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .notification import ChannelError, FailureLog, Notification, strip_controls

if TYPE_CHECKING:
    from collections.abc import Callable


class TerminalChannel:
    """OSC 9 (iTerm2, WezTerm, Windows Terminal…), OSC 777 (urxvt, foot, Ghostty…) and the bell,
    written through `write` — the TUI passes a writer to the real terminal when it is in front.
    A terminal has no urgency to show: every notification rings the same."""

    name = "terminal"

    def __init__(self, write: Callable[[str], object], *, name: str = "terminal") -> None:
        self.name = name
        self._write = write
        self._failures = FailureLog(name)

    async def send(self, notification: Notification) -> None:
        try:
            self._write(terminal_sequence(notification.title, notification.body))
        except Exception as exc:
            error = ChannelError(f"writing to the terminal failed: {exc}")
            raise self._failures.failed(error) from exc
        self._failures.worked()


def terminal_sequence(title: str, body: str) -> str:
    """The escape sequences of a terminal notification, with the text made safe to embed."""
    title, body = strip_controls(title), strip_controls(body)
    # OSC 777 separates fields with ';': one in the title would move text into the body.
    title_777 = title.replace(";", ",")
    return f"\x1b]9;{title}: {body}\x07\x1b]777;notify;{title_777};{body}\x07\x07"
