"""Notifications: the message text, the channels, and delivery of the outbox.

A transition worth notifying is written to the outbox in the same transaction as its event
(store.checkpoints.record). `deliver` claims unsent rows atomically, sends each through every
channel and records which worked; a row no channel took is released for the next delivery. So
each transition is notified once, also with the TUI and the daemon delivering at the same time,
and a crash between sending and recording repeats one rather than losing it.

Channels: the desktop (desktop-notifier: D-Bus org.freedesktop.Notifications on Linux, native on
macOS and Windows), the terminal (OSC 9, OSC 777 and the bell) and a callback (the TUI's toast).
A channel that fails raises ChannelError; it logs its failure once, not on every delivery, and
once more (at info) when it works again. Create the channels once per process and reuse them.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import functools
import inspect
import logging
import os
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..text import printable
from ..thesis.vocabulary import Kind, Status
from ..thesis.wording import comparison, reason_text

if TYPE_CHECKING:
    from desktop_notifier import DesktopNotifier

    from ..store import Store
    from ..store.records import EventRecord, Notice

log = logging.getLogger(__name__)

APP_NAME = "catalyst"
TITLE_MAX = 100  # desktop popups show one or two lines of title
BODY_MAX = 200
DESKTOP_TIMEOUT = 10.0  # seconds for connecting to the bus and the Notify call
TEST_TITLE = "catalyst: test notification"
TEST_BODY = "Notifications from catalyst reach you here."


class ChannelError(Exception):
    """A channel could not deliver; the message says why, for people."""


class Channel(Protocol):
    """Somewhere a notification can go. `send` raises ChannelError when it can't deliver."""

    name: str

    async def send(self, title: str, body: str) -> None: ...


# --------------------------------------------------------------------------------------------
# The message
# --------------------------------------------------------------------------------------------

# Escape sequences, C0 and C1 controls and DEL (text.printable): in a terminal they would
# command it, and in a popup they are noise. Line breaks and tabs become spaces.
_SPACES = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """`text` on one line without escape sequences or control characters."""
    return _SPACES.sub(" ", printable(text)).strip()


def notice_text(notice: Notice) -> tuple[str, str]:
    """The title and body of a notice: ticker, status, checkpoint title; the value against the
    threshold (with the period or portfolio it is of), or the due date that passed. Short, on
    one line each, no control characters. New evidence: the ticker and the checkpoint, then the
    document and the passage; a notice of its own as it is."""
    event = notice.event
    if event is None:
        title, body = notice.title, notice.body
        if notice.evidence is not None:
            e = notice.evidence
            title = f"{e.symbol} · {e.checkpoint_title}"
            body = f"new evidence in {e.document.label} — “{strip_controls(e.passage)}”"
        return _shorten(strip_controls(title), TITLE_MAX), _shorten(strip_controls(body), BODY_MAX)
    title = f"{event.symbol}: {_status_word(event)} — {event.title}"
    parts = []
    if event.to_status == Status.MISSED and event.kind != Kind.GUARD and notice.due:
        parts.append(f"due {notice.due.isoformat()} passed")
    if event.condition is not None:
        compared = comparison(event.condition, event.reason, filed=False)
        if compared:
            parts.append(compared)
    body = (
        "; ".join(parts)
        or reason_text(event.reason, event.condition, event.ts.date())
        or f"now {event.to_status}"
    )
    return _shorten(strip_controls(title), TITLE_MAX), _shorten(strip_controls(body), BODY_MAX)


def _status_word(event: EventRecord) -> str:
    if event.to_status == Status.MET and event.kind == Kind.GUARD:
        return "holding again" if event.from_status == Status.MISSED else "holding"
    if event.to_status == Status.PENDING:
        return "reopened"
    return event.to_status


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# Channels
# --------------------------------------------------------------------------------------------


@dataclass
class _FailureLog:
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


class DesktopChannel:
    """Desktop notifications through desktop-notifier, on the session bus that
    DBUS_SESSION_BUS_ADDRESS names (Linux) or the platform's notification centre."""

    name = "desktop"

    def __init__(self, app_name: str = APP_NAME, *, timeout: float = DESKTOP_TIMEOUT) -> None:
        self.app_name = app_name
        self.timeout = timeout
        self._notifier: DesktopNotifier | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock: asyncio.Lock | None = None
        self._failures = _FailureLog(self.name)

    async def send(self, title: str, body: str) -> None:
        title, body = strip_controls(title), strip_controls(body)
        lock = self._lock_for_running_loop()
        async with lock:
            try:
                async with asyncio.timeout(self.timeout):
                    await self._send(title, body)
            except Exception as exc:
                # A half-open connection is useless: the next send starts afresh.
                await self._close_bus(self._drop_notifier())
                error = exc if isinstance(exc, ChannelError) else ChannelError(_describe(exc))
                raise self._failures.failed(error) from exc
        self._failures.worked()

    async def aclose(self) -> None:
        """Close the D-Bus connection; call it before the event loop ends (a later send, on
        any loop, connects again). A connection left open when its loop ended is only
        released by the garbage collector."""
        bus = self._drop_notifier()
        if self._loop is asyncio.get_running_loop():
            await self._close_bus(bus)

    @staticmethod
    async def _close_bus(bus: Any) -> None:
        """Wait for a disconnecting bus to close its socket (the loop's reader does that)."""
        if bus is not None:
            with contextlib.suppress(Exception):  # it is closing either way
                async with asyncio.timeout(2):
                    await bus.wait_for_disconnect()

    async def _send(self, title: str, body: str) -> None:
        notifier = await self._notifier_for_running_loop()
        # desktop-notifier doesn't raise when sending fails: it logs a warning with the
        # traceback and skips the on_dispatched callback. Catch that record (_SwallowedFailures)
        # so the failure is ours to report once, and use the callback to know it worked.
        failures: list[BaseException | str] = []
        dispatched = False

        def on_dispatched() -> None:
            nonlocal dispatched
            dispatched = True

        token = _FAILURES.set(failures)
        try:
            await notifier.send(title, body, on_dispatched=on_dispatched)
        finally:
            _FAILURES.reset(token)
        if failures:
            first = failures[0]
            raise ChannelError(first if isinstance(first, str) else _describe(first))
        if not dispatched:
            raise ChannelError("the notification service did not take the notification")

    def _lock_for_running_loop(self) -> asyncio.Lock:
        # One connection per event loop: a D-Bus connection belongs to the loop it was made on,
        # and `catalyst refresh` runs a new loop each time.
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._drop_notifier()
            self._loop = loop
            self._lock = asyncio.Lock()
        assert self._lock is not None
        return self._lock

    async def _notifier_for_running_loop(self) -> DesktopNotifier:
        if self._notifier is None:
            backend = _backend_class_name()
            if backend == "DummyNotificationCenter":
                raise ChannelError(
                    "desktop notifications are not available here (on macOS only from an app "
                    "bundle; Windows 10 or later; D-Bus on Linux)"
                )
            from desktop_notifier import DesktopNotifier

            notifier = DesktopNotifier(app_name=self.app_name, app_icon=None)
            # Asks once on macOS (a system prompt); always yes on Linux.
            if not await notifier.request_authorisation():
                raise ChannelError("notifications from catalyst are turned off in the system")
            self._notifier = notifier
        return self._notifier

    def _drop_notifier(self) -> Any:
        """Forget the notifier and disconnect its D-Bus connection, which desktop-notifier
        leaves open when the notification service is missing; the bus, if there was one."""
        notifier, self._notifier = self._notifier, None
        bus = getattr(getattr(notifier, "_backend", None), "bus", None)
        if bus is not None:
            try:
                bus.disconnect()
            except Exception:
                log.debug("closing the D-Bus connection failed", exc_info=True)
        return bus


@functools.cache
def _backend_class_name() -> str:
    _install_failure_filter()
    from desktop_notifier.main import get_backend_class

    return get_backend_class().__name__


_FAILURES: contextvars.ContextVar[list[BaseException | str] | None] = contextvars.ContextVar(
    "catalyst_desktop_failures", default=None
)


class _SwallowedFailures(logging.Filter):
    """Takes desktop-notifier's warnings about a send that failed, while a DesktopChannel is
    sending in this context, and hands them to the channel instead of the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        failures = _FAILURES.get()
        if failures is None or record.levelno < logging.WARNING:
            return True
        if record.exc_info and record.exc_info[1] is not None:
            failures.append(record.exc_info[1])
        else:
            failures.append(f"desktop-notifier: {record.getMessage()}")
        return False


def _install_failure_filter() -> None:
    for name in ("desktop_notifier.backends.base", "desktop_notifier.backends.dbus"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _SwallowedFailures) for f in logger.filters):
            logger.addFilter(_SwallowedFailures())


def _describe(exc: BaseException) -> str:
    """Why a desktop notification failed, in words, from the exception desktop-notifier hit."""
    from dbus_fast import DBusError, InvalidAddressError

    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if isinstance(exc, TimeoutError):  # before OSError, of which it is a subclass
        return "no answer from the D-Bus session bus or the notification service in time"
    if isinstance(exc, InvalidAddressError):
        return f"no D-Bus session bus ({exc})"
    if isinstance(exc, OSError):
        why = exc.strerror or type(exc).__name__
        return f"no D-Bus session bus at {address or 'the default address'} ({why})"
    if isinstance(exc, DBusError):
        if exc.type in (
            "org.freedesktop.DBus.Error.ServiceUnknown",
            "org.freedesktop.DBus.Error.NameHasNoOwner",
        ):
            return (
                "no notification service on the D-Bus session bus "
                "(nothing owns org.freedesktop.Notifications)"
            )
        return f"the notification service refused: {exc.text or exc.type}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class TerminalChannel:
    """OSC 9 (iTerm2, WezTerm, Windows Terminal…), OSC 777 (urxvt, foot, Ghostty…) and the bell,
    written through `write` — the TUI passes a writer to the real terminal when it is in front."""

    name = "terminal"

    def __init__(self, write: Callable[[str], object], *, name: str = "terminal") -> None:
        self.name = name
        self._write = write
        self._failures = _FailureLog(name)

    async def send(self, title: str, body: str) -> None:
        try:
            self._write(terminal_sequence(title, body))
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


class CallbackChannel:
    """Hands the notification to `callback(title, body)` (sync or async), e.g. a TUI toast.
    The callback runs in the delivering thread: a TUI hands it over with call_from_thread."""

    def __init__(self, name: str, callback: Callable[[str, str], object]) -> None:
        self.name = name
        self._callback = callback
        self._failures = _FailureLog(name)

    async def send(self, title: str, body: str) -> None:
        try:
            result = self._callback(strip_controls(title), strip_controls(body))
            if inspect.isawaitable(result):
                await result
        except Exception as exc:
            error = ChannelError(f"{type(exc).__name__}: {exc}" if str(exc) else repr(exc))
            raise self._failures.failed(error) from exc
        self._failures.worked()


def default_channels(
    *,
    terminal_write: Callable[[str], object] | None = None,
    toast: Callable[[str, str], object] | None = None,
    app_name: str = APP_NAME,
) -> list[Channel]:
    """The desktop channel, plus the terminal and the in-app toast when given."""
    channels: list[Channel] = [DesktopChannel(app_name)]
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


# --------------------------------------------------------------------------------------------
# Delivery
# --------------------------------------------------------------------------------------------


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
    sent = failed = 0
    errors: dict[str, str] = {}
    for notice in store.outbox.claim(claimer, now, limit=limit, gone=claimer_gone):
        title, body = notice_text(notice)
        results = await _send_everywhere(channels, title, body)
        worked = [name for name, error in results.items() if error is None]
        errors.update({name: error for name, error in results.items() if error is not None})
        if worked:
            store.outbox.sent(notice.outbox_id, worked, now)
            sent += 1
        else:
            why = "; ".join(f"{name}: {error}" for name, error in results.items()) or "no channel"
            store.outbox.release(notice.outbox_id, why)
            log.debug("notice %s not delivered: %s", notice.outbox_id, why)
            failed += 1
    return DeliveryReport(sent=sent, failed=failed, channel_errors=errors)


async def send_test(channels: Sequence[Channel]) -> dict[str, str | None]:
    """One test notification through every channel: per channel None (it worked) or why not."""
    return await _send_everywhere(channels, TEST_TITLE, TEST_BODY)


async def _send_everywhere(
    channels: Sequence[Channel], title: str, body: str
) -> dict[str, str | None]:
    outcomes = await asyncio.gather(
        *(channel.send(title, body) for channel in channels), return_exceptions=True
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
