"""Delivery of the outbox through the channels beyond the desktop (notify/remote.py), each on its
own: a channel claims the rows of its kinds it has not sent (store.channel_deliveries), sends them
in order in one child process (each within its deadline), and records each sent as it goes, or the
first that failed with the time of its next try (the rest unclaimed, untried); so two processes and
a restart send each notification once per channel, and a channel that fails or hangs holds no other
(they run side by side, each send with its time limit).

A failed send is tried again after 30 s, 1, 2, 5, 10 and then every 30 minutes, and given up after
`MAX_ATTEMPTS` tries (about three hours); while a channel waits out a failure's backoff, none of its
rows is tried. The report says when (`ChannelsReport.next_retry`): the daemon and the TUI try again
then, on a schedule of the channels' own (jobs/channel_retry.py), not at the next refresh. A
notification older than `NEWEST` is never sent to a channel that never had it (a channel added today
does not get last week's)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .alerts import TEST_ALERT, alert_for
from .delivery import claimer_gone
from .notification import ChannelError
from .tried import Tried

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from ..store import Store
    from ..store.records import Notice
    from .remote import RemoteChannel

log = logging.getLogger(__name__)

BACKOFF = tuple(
    dt.timedelta(seconds=s) for s in (30, 60, 120, 300, 600, 1800, 1800, 1800, 1800, 1800)
)
MAX_ATTEMPTS = len(BACKOFF) + 1
NEWEST = dt.timedelta(hours=6)


def retry_after(attempts: int) -> dt.timedelta | None:
    """How long after its `attempts`-th failure a send is tried again; None: given up."""
    return BACKOFF[attempts - 1] if attempts < MAX_ATTEMPTS else None


@dataclass
class ChannelsReport:
    """What one delivery did on each channel: sent, failed (and the last error), when a failed
    send is tried again, and those given up."""

    sent: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    retry_at: dict[str, dt.datetime] = field(default_factory=dict)
    given_up: dict[str, int] = field(default_factory=dict)

    @property
    def next_retry(self) -> dt.datetime | None:
        """The first moment a failed send is due again (None: none waits)."""
        return min(self.retry_at.values(), default=None)

    def lines(self) -> list[str]:
        """What each channel did, a line each: 'phone: 1 sent', 'hook: failed: <why>; tried
        again at 12:05:30 UTC'."""
        return [line for line, _failed in self.said(every=True)]

    def said(self, *, every: bool = False) -> list[tuple[str, bool]]:
        """Each channel's line (`lines`) and whether a send of it failed: of the channels that
        sent or failed, or of `every` one."""
        out = []
        for name in self.sent:
            sent, failed = self.sent[name], self.failed.get(name, 0)
            said = [f"{sent} sent"] if sent or not failed else []
            if failed:
                said.append(f"failed: {self.errors.get(name, '')}".rstrip(": "))
                again = self.retry_at.get(name)
                if again is not None:
                    said.append(f"tried again at {again:%H:%M:%S} UTC")
                elif self.given_up.get(name):
                    said.append("given up")
            if every or sent or failed:
                out.append((f"{name}: {'; '.join(said)}", bool(failed)))
        return out


async def deliver_to_channels(
    path: Path,
    channels: Sequence[RemoteChannel],
    *,
    claimer: str,
    now: dt.datetime,
    patience_ms: int,
    clock: Callable[[], dt.datetime] | None = None,
) -> ChannelsReport:
    """Each channel's unsent rows of its kinds, sent side by side; never raises for a channel
    (a database step that can't get the write lock leaves its rows for the next delivery)."""
    # Each channel's line in the order the file names them, whichever ends first.
    report = ChannelsReport(sent=dict.fromkeys((c.name for c in channels), 0))
    clock = clock or (lambda: now)

    def on_its_own(step: Callable[[Store], object]) -> object:
        from ..store import Store

        with Store.for_a_save(path, patience_ms=patience_ms) as store:
            return step(store)

    async def one(channel: RemoteChannel) -> None:
        sent = failed = 0

        def claim(store: Store) -> object:
            return store.channel_deliveries.claim(
                channel.name,
                channel.kinds,
                claimer,
                now,
                since=now - NEWEST,
                gone=claimer_gone,
            )

        async def done(index: int, outcome: str | ChannelError) -> None:
            nonlocal sent, failed
            ident = notices[index].outbox_id
            if not isinstance(outcome, ChannelError):
                sent += 1
                await asyncio.to_thread(on_its_own, _sent(ident, channel.name, clock()))
                return
            failed += 1
            report.errors[channel.name] = str(outcome)
            again = await asyncio.to_thread(
                on_its_own, _failed(ident, channel.name, str(outcome), clock())
            )
            if isinstance(again, dt.datetime):
                report.retry_at[channel.name] = again
            else:
                report.given_up[channel.name] = report.given_up.get(channel.name, 0) + 1
            # The rest wait for the next delivery: a channel down costs one time limit.
            rest = [n.outbox_id for n in notices[index + 1 :]]
            await asyncio.to_thread(on_its_own, _unclaimed(rest, channel.name))

        notices: list[Notice] = []
        try:
            claimed = await asyncio.to_thread(on_its_own, claim)
            assert isinstance(claimed, list)
            notices = claimed
            # One child process sends the channel's notices in order, each within its deadline.
            await channel.send_alerts([alert_for(notice) for notice in notices], done)
        except Exception as exc:  # the store, a wording: this channel's turn ends, not others'
            log.warning("delivery through %s stopped: %s", channel.name, channel.redact(str(exc)))
        report.sent[channel.name] = sent
        report.failed[channel.name] = failed

    await asyncio.gather(*(one(channel) for channel in channels))
    return report


def _sent(ident: int, channel: str, now: dt.datetime) -> Callable[[Store], object]:
    return lambda store: store.channel_deliveries.sent(ident, channel, now)


def _unclaimed(ids: list[int], channel: str) -> Callable[[Store], object]:
    return lambda store: store.channel_deliveries.unclaim(ids, channel)


def _failed(ident: int, channel: str, error: str, moment: dt.datetime) -> Callable[[Store], object]:
    return lambda store: store.channel_deliveries.failed(
        ident, channel, error, moment, retry_after=retry_after
    )


async def tried_channels(
    channels: Sequence[RemoteChannel], now: dt.datetime | None = None
) -> dict[str, Tried]:
    """A test through each channel, side by side: per channel whether it worked and what the
    service answered, or why it failed (redacted)."""
    moment = now or dt.datetime.now(dt.UTC)

    async def one(channel: RemoteChannel) -> Tried:
        try:
            return Tried(moment, True, await channel.send_alert(TEST_ALERT))
        except ChannelError as exc:
            return Tried(moment, False, str(exc))

    answers = await asyncio.gather(*(one(channel) for channel in channels))
    return dict(zip((c.name for c in channels), answers, strict=True))


def tried_text(tried: Tried) -> str:
    """'ok: <answer>' or 'failed: <why>'."""
    return f"{'ok' if tried.ok else 'failed'}: {tried.answer}"


async def test_channels(channels: Sequence[RemoteChannel]) -> dict[str, str]:
    """A test through each channel, side by side: per channel 'ok: <answer>' or
    'failed: <why>' (redacted)."""
    tried = await tried_channels(channels)
    return {name: tried_text(t) for name, t in tried.items()}
