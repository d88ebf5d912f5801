"""The channels a process notifies through: the desktop, the terminal and a callback (the TUI's
toast), made once per process by `default_channels` and closed by `close_channels`."""

from __future__ import annotations

import inspect
from dataclasses import replace
from typing import TYPE_CHECKING

from ..paths import APP_NAME
from .desktop import DesktopChannel
from .notification import Channel, ChannelError, FailureLog, Notification, strip_controls
from .terminal import TerminalChannel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


class CallbackChannel:
    """Hands the notification to `callback(notification)` (sync or async), e.g. a TUI toast,
    with its title and body on one line without control characters. The callback runs in the
    delivering thread: a TUI hands it over with call_from_thread."""

    def __init__(self, name: str, callback: Callable[[Notification], object]) -> None:
        self.name = name
        self._callback = callback
        self._failures = FailureLog(name)

    async def send(self, notification: Notification) -> None:
        safe = replace(
            notification,
            title=strip_controls(notification.title),
            body=strip_controls(notification.body),
        )
        try:
            result = self._callback(safe)
            if inspect.isawaitable(result):
                await result
        except Exception as exc:
            error = ChannelError(f"{type(exc).__name__}: {exc}" if str(exc) else repr(exc))
            raise self._failures.failed(error) from exc
        self._failures.worked()


def default_channels(
    *,
    terminal_write: Callable[[str], object] | None = None,
    toast: Callable[[Notification], object] | None = None,
    app_name: str = APP_NAME,
    desktop: bool = True,
) -> list[Channel]:
    """The desktop channel (unless `desktop` is False), plus the terminal and the in-app toast
    when given."""
    channels: list[Channel] = [DesktopChannel(app_name)] if desktop else []
    if terminal_write is not None:
        channels.append(TerminalChannel(terminal_write))
    if toast is not None:
        channels.append(CallbackChannel("toast", toast))
    return channels


async def close_channels(channels: Sequence[Channel]) -> None:
    """Close what the channels hold open (the desktop channel's D-Bus connection); call it
    before the event loop that used them ends."""
    for channel in channels:
        aclose = getattr(channel, "aclose", None)
        if aclose is not None:
            await aclose()
