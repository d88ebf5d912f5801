"""What a channel sends and the contract every channel keeps: Notification(title, body, urgency),
the Channel protocol, ChannelError, and the log of a channel's failures (once, then its recovery).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from ..text import printable

log = logging.getLogger(__name__)


class Urgency(StrEnum):
    """How much a notification wants attention; each channel shows it in its own way (the
    desktop's urgency hint, the toast's severity)."""

    NORMAL = "normal"
    URGENT = "urgent"  # a missed checkpoint


@dataclass(frozen=True)
class Notification:
    """One notification: its title and body (notify/wording.py words them) and its urgency."""

    title: str
    body: str
    urgency: Urgency = Urgency.NORMAL


class ChannelError(Exception):
    """A channel could not deliver; the message says why, for people."""


class Channel(Protocol):
    """Somewhere a notification can go. `send` raises ChannelError when it can't deliver."""

    name: str

    async def send(self, notification: Notification) -> None: ...


# Escape sequences, C0 and C1 controls and DEL (text.printable): in a terminal they would
# command it, and in a popup they are noise. Line breaks and tabs become spaces.
_SPACES = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """`text` on one line without escape sequences or control characters."""
    return _SPACES.sub(" ", printable(text)).strip()


@dataclass
class FailureLog:
    """Logs a channel's failure once while it keeps failing, and its recovery."""

    channel: str
    failing: bool = False

    def failed(self, error: ChannelError) -> ChannelError:
        if self.failing:
            log.debug("%s notification failed again: %s", self.channel, error)
        else:
            self.failing = True
            log.warning(
                "%s notifications are not working: %s (not logged again until they work)",
                self.channel,
                error,
            )
        return error

    def worked(self) -> None:
        if self.failing:
            self.failing = False
            log.info("%s notifications work again", self.channel)
