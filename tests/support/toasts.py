"""Every toast an app raised, expired or not, recorded the moment `notify` is called.

Textual drops a toast from `app._notifications` once its seconds have passed by the wall clock
(on a loaded machine a 3 s "reloaded" toast was gone before the test looked), and `notify` only
posts a message the app handles later, so a test that waited for the state set beside the call
could look before the toast was added. Installed once for the whole suite (tests/conftest.py
imports it); `notify` itself runs as before."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.notifications import Notification, SeverityLevel

_notify = App.notify


def _recording_notify(
    self: App[Any],
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
    markup: bool = True,
) -> None:
    _notify(self, message, title=title, severity=severity, timeout=timeout, markup=markup)
    shown = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
    # A list's append is atomic: notify is thread-safe, and so is this record of it.
    self.__dict__.setdefault("_raised_toasts", []).append(
        Notification(message, title, severity, shown, markup=markup)
    )


App.notify = _recording_notify  # type: ignore[method-assign]


def raised(app: Any) -> list[Notification]:
    """The toasts `app` raised since it started, in order, expired ones too."""
    return list(app.__dict__.get("_raised_toasts", []))
