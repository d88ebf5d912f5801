"""The callback channel (the TUI's toast) and the channels a process makes: each hands on the
notification whole, its urgency with it."""

from __future__ import annotations

from catalyst_tui.notify.channels import CallbackChannel, close_channels, default_channels
from catalyst_tui.notify.desktop import DesktopChannel
from catalyst_tui.notify.notification import Notification, Urgency
from catalyst_tui.notify.terminal import TerminalChannel

from .conftest import Recorded


async def test_callback_channel_takes_sync_and_async_callbacks():
    seen: list[tuple[str, str]] = []

    async def toast(notification: Notification) -> None:
        seen.append((notification.title, notification.body))

    await CallbackChannel("toast", toast).send(Notification("t", "b"))
    await CallbackChannel("log", lambda n: seen.append((n.body, n.title))).send(
        Notification("t", "b")
    )
    assert seen == [("t", "b"), ("b", "t")]


async def test_callback_channel_hands_on_the_urgency_and_one_line_of_text():
    toast = Recorded()
    await CallbackChannel("toast", toast).send(
        Notification("ALAB:\x1b[31m missed", "line\nbreak", Urgency.URGENT)
    )
    assert toast.sent == [Notification("ALAB: missed", "line break", Urgency.URGENT)]


async def test_default_channels_are_the_desktop_and_the_terminal_and_toast_when_given():
    only = default_channels()
    every = default_channels(terminal_write=print, toast=Recorded())
    assert [type(c) for c in only] == [DesktopChannel]
    assert [type(c) for c in every] == [DesktopChannel, TerminalChannel, CallbackChannel]
    assert [c.name for c in every] == ["desktop", "terminal", "toast"]
    await close_channels(only + every)  # nothing was opened: closing is a no-op
