"""How each notification channel beyond the desktop is doing ([notify.channels], notify/remote.py):
its URL as it may be shown (no secret), its kinds, why it can't be used, its last delivery, its
last failure while it fails, what waits to be retried and what was given up. `catalyst status`
and the TUI's status line read it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config.channels import shown_url
from ..notify.remote import configured_channels

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..config import Config
    from ..store import Store


@dataclass(frozen=True)
class ChannelState:
    """One [notify.channels] channel as the channels pane shows it."""

    name: str
    url: str  # shown_url: scheme and host, '***' for the secrets
    kinds: tuple[str, ...]
    problem: str  # why it can't be used ("" when it can)
    last_sent: dt.datetime | None
    failure: str  # its last error while it fails ("" when its last attempt worked)
    failed_at: dt.datetime | None
    waiting: int
    given_up: int

    @property
    def failing(self) -> bool:
        return bool(self.problem or self.failure)


def channel_states(
    config: Config, store: Store, env: Mapping[str, str] | None = None
) -> list[ChannelState]:
    """Each channel catalysts.toml names, in its order."""
    usable, problems = configured_channels(config, env)
    by_name = {c.name: c for c in usable}
    health = {h.channel: h for h in store.channel_deliveries.health()}
    out = []
    for name, settings in config.channels.items():
        channel = by_name.get(name)
        known = health.get(name)
        failing = known is not None and known.failing
        if channel is not None:
            url = channel.shown
        elif settings.url:
            url = shown_url(settings.url)
        else:
            url = f"${settings.url_env}" if settings.url_env else str(settings.url_file)
        out.append(
            ChannelState(
                name,
                url,
                channel.kinds if channel else settings.kinds,
                problems.get(name, ""),
                known.last_sent if known else None,
                channel.redact(known.last_error) if channel and known and failing else "",
                known.last_error_at if known and failing else None,
                known.waiting if known else 0,
                known.given_up if known else 0,
            )
        )
    return out


def failing_line(states: list[ChannelState]) -> str:
    """The status line's words for the channels that fail ("" when none): 'phone failing'."""
    failing = [s.name for s in states if s.failing]
    if not failing:
        return ""
    return ", ".join(failing) + (" failing" if len(failing) > 1 else " failing")
