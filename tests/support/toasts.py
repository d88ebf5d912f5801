"""Every toast an app raised, expired or not: Textual drops a toast from `app._notifications`
once its seconds have passed by the wall clock, and on a loaded machine they pass before a test
looks (a "reloaded" toast of 3 s was gone after the watchlist's reload). Installed once for the
whole suite (tests/conftest.py imports it); only what is added is recorded, nothing changes."""

from __future__ import annotations

from typing import Any

from textual.notifications import Notification, Notifications

_add = Notifications.add


def _recording_add(self: Notifications, notification: Notification) -> Notifications:
    self.__dict__.setdefault("raised", []).append(notification)
    return _add(self, notification)


Notifications.add = _recording_add  # type: ignore[method-assign,assignment]


def raised(app: Any) -> list[Notification]:
    """The toasts `app` raised since it started, in order, expired ones too."""
    return list(app._notifications.__dict__.get("raised", []))
