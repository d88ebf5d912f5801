"""The desktop channel: desktop-notifier, on the D-Bus session bus that DBUS_SESSION_BUS_ADDRESS
names (org.freedesktop.Notifications on Linux) or the platform's notification centre (macOS,
Windows); one connection per event loop, and a failure described in words from what it hit."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import logging
import os
from typing import TYPE_CHECKING, Any

from ..paths import APP_NAME
from .notification import ChannelError, FailureLog, Notification, Urgency, strip_controls

if TYPE_CHECKING:
    from desktop_notifier import DesktopNotifier

log = logging.getLogger(__name__)

DESKTOP_TIMEOUT = 10.0  # seconds for connecting to the bus and the Notify call
#: Each urgency as desktop-notifier's Urgency names it (an urgent one stays until dismissed on
#: most Linux desktops).
DESKTOP_URGENCY = {Urgency.NORMAL: "normal", Urgency.URGENT: "critical"}


class DesktopChannel:
    """Desktop notifications through desktop-notifier, on the session bus that
    DBUS_SESSION_BUS_ADDRESS names (Linux) or the platform's notification centre."""

    name = "desktop"

    def __init__(self, app_name: str = APP_NAME, *, timeout: float = DESKTOP_TIMEOUT) -> None:
        self.app_name = app_name
        self.timeout = timeout
        self._notifier: DesktopNotifier | None = None
        self._markup: bool | None = None  # whether the service renders body markup
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock: asyncio.Lock | None = None
        self._failures = FailureLog(self.name)

    async def send(self, notification: Notification) -> None:
        lock = self._lock_for_running_loop()
        async with lock:
            try:
                async with asyncio.timeout(self.timeout):
                    await self._send(notification)
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

    async def _send(self, notification: Notification) -> None:
        notifier = await self._notifier_for_running_loop()
        from desktop_notifier import Urgency as DesktopUrgency

        # desktop-notifier doesn't raise when sending fails: it logs a warning with the
        # traceback and skips the on_dispatched callback. Catch that record (_SwallowedFailures)
        # so the failure is ours to report once, and use the callback to know it worked.
        failures: list[BaseException | str] = []
        dispatched = False

        def on_dispatched() -> None:
            nonlocal dispatched
            dispatched = True

        body = strip_controls(notification.body)
        if await self._renders_markup(notifier):
            body = escape_markup(body)
        token = _FAILURES.set(failures)
        try:
            await notifier.send(
                strip_controls(notification.title),
                body,
                urgency=DesktopUrgency(DESKTOP_URGENCY[notification.urgency]),
                on_dispatched=on_dispatched,
            )
        finally:
            _FAILURES.reset(token)
        if failures:
            first = failures[0]
            raise ChannelError(first if isinstance(first, str) else _describe(first))
        if not dispatched:
            raise ChannelError("the notification service did not take the notification")

    async def _renders_markup(self, notifier: DesktopNotifier) -> bool:
        """Whether the notification service reads the body as markup: on D-Bus, when it lists
        the "body-markup" capability (the freedesktop spec); never on other platforms. Asked
        once per connection."""
        if self._markup is None:
            await notifier.get_capabilities()  # connects the D-Bus backend
            interface = getattr(getattr(notifier, "_backend", None), "interface", None)
            ask = getattr(interface, "call_get_capabilities", None)
            self._markup = ask is not None and "body-markup" in await ask()
        return self._markup

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
        self._markup = None
        bus = getattr(getattr(notifier, "_backend", None), "bus", None)
        if bus is not None:
            try:
                bus.disconnect()
            except Exception:
                log.debug("closing the D-Bus connection failed", exc_info=True)
        return bus


def escape_markup(text: str) -> str:
    """`text` as body markup that shows it as it is: `&`, `<` and `>` as their entities, `&`
    first so that no entity is escaped twice."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
