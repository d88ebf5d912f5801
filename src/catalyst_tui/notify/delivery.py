"""Delivery of the outbox: each notice claimed atomically, sent through every channel, and
recorded as sent (with the channels that took it) or released for the next delivery.

A transition worth notifying is written to the outbox in the same transaction as its event
(store.checkpoints.record). So each transition is notified once, also with the TUI and the
daemon delivering at the same time, and a crash between sending and recording repeats one rather
than losing it. A claim of a process that has ended on this host is taken over at once.

`deliver_off_loop` does the same with each of the outbox's steps (claim, sent, release) in a
worker thread on a connection of its own, and only the sends on the loop: a TUI's keys are
answered while a step waits for another process's write lock.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from .notification import Channel, ChannelError, Notification
from .wording import TEST_NOTIFICATION, notification_for

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Awaitable, Callable, Sequence
    from pathlib import Path

    from ..store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")


class Steps(Protocol):
    """Runs one step of the outbox (a function of a Store) where the delivery wants it."""

    def __call__(self, step: Callable[[Store], T], /) -> Awaitable[T]: ...


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery did: notices sent (by at least one channel), notices no channel took,
    and the last error of each channel that failed."""

    sent: int = 0
    failed: int = 0
    channel_errors: dict[str, str] = field(default_factory=dict)


def claimer_id(role: str) -> str:
    """A name for this process in the outbox's claimed_by: host, pid and role."""
    return f"{socket.gethostname()}:{os.getpid()}:{role}"


def claimer_gone(claimed_by: str) -> bool:
    """True when `claimed_by` (a claimer_id) names a process on this host that has ended (or
    is a zombie): whatever it claimed and did not record as sent is to be delivered again.
    A claimer on another host, or one that can't be read, counts as alive: its claims wait
    for the outbox's reclaim timeout instead."""
    host, _, rest = claimed_by.partition(":")
    pid_text, _, _role = rest.partition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # EPERM: someone else's live process
        return False
    try:  # Linux: a killed process nobody has reaped yet still answers signal 0
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except (OSError, IndexError):
        return False


async def deliver(
    store: Store,
    channels: Sequence[Channel],
    *,
    claimer: str,
    now: dt.datetime,
    limit: int = 50,
) -> DeliveryReport:
    """Send unsent outbox notices (up to `limit`) through every channel; never raises for a
    channel. Each notice is recorded as sent (with the channels that took it) as soon as one
    channel worked, or released for the next delivery when none did."""

    async def here(step: Callable[[Store], T]) -> T:
        return step(store)

    return await _deliver(here, channels, claimer=claimer, now=now, limit=limit)


async def deliver_off_loop(
    path: Path,
    channels: Sequence[Channel],
    *,
    claimer: str,
    now: dt.datetime,
    patience_ms: int,
    limit: int = 50,
) -> DeliveryReport:
    """`deliver` on the database at `path`, each outbox step in a worker thread on a connection
    of its own that waits up to `patience_ms` for another process's write lock (then raises
    StoreError, the notices left for the next delivery); the channels send on the loop."""
    from ..store import Store

    def on_its_own(step: Callable[[Store], T]) -> T:
        with Store.for_a_save(path, patience_ms=patience_ms) as store:
            return step(store)

    async def in_thread(step: Callable[[Store], T]) -> T:
        return await asyncio.to_thread(on_its_own, step)

    return await _deliver(in_thread, channels, claimer=claimer, now=now, limit=limit)


async def _deliver(
    run: Steps,
    channels: Sequence[Channel],
    *,
    claimer: str,
    now: dt.datetime,
    limit: int,
) -> DeliveryReport:
    sent = failed = 0
    errors: dict[str, str] = {}
    notices = await run(
        lambda store: store.outbox.claim(claimer, now, limit=limit, gone=claimer_gone)
    )
    for notice in notices:
        results = await _send_everywhere(channels, notification_for(notice))
        worked = [name for name, error in results.items() if error is None]
        errors.update({name: error for name, error in results.items() if error is not None})
        ident = notice.outbox_id
        if worked:
            await run(_sent(ident, worked, now))
            sent += 1
        else:
            why = "; ".join(f"{name}: {error}" for name, error in results.items()) or "no channel"
            await run(_released(ident, why))
            log.debug("notice %s not delivered: %s", ident, why)
            failed += 1
    return DeliveryReport(sent=sent, failed=failed, channel_errors=errors)


def _sent(outbox_id: int, channels: list[str], now: dt.datetime) -> Callable[[Store], None]:
    return lambda store: store.outbox.sent(outbox_id, channels, now)


def _released(outbox_id: int, why: str) -> Callable[[Store], None]:
    return lambda store: store.outbox.release(outbox_id, why)


async def send_test(channels: Sequence[Channel]) -> dict[str, str | None]:
    """One test notification through every channel: per channel None (it worked) or why not."""
    return await _send_everywhere(channels, TEST_NOTIFICATION)


async def _send_everywhere(
    channels: Sequence[Channel], notification: Notification
) -> dict[str, str | None]:
    outcomes = await asyncio.gather(
        *(channel.send(notification) for channel in channels), return_exceptions=True
    )
    results: dict[str, str | None] = {}
    for channel, outcome in zip(channels, outcomes, strict=True):
        if isinstance(outcome, BaseException) and not isinstance(outcome, Exception):
            raise outcome  # cancelled or interrupted: not a channel failure
        if isinstance(outcome, ChannelError):
            results[channel.name] = str(outcome)
        elif isinstance(outcome, Exception):
            log.debug("channel %s raised", channel.name, exc_info=outcome)
            results[channel.name] = f"{type(outcome).__name__}: {outcome}"
        else:
            results[channel.name] = None
    return results
