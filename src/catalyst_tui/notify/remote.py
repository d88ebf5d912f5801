"""Channels beyond the desktop ([notify.channels.NAME]): each an Apprise URL and the kinds it
gets, sent in a worker thread with a time limit, its answer in words with the URL's secrets
taken out (config/channels.py `shown_url`). An e-mail channel (mailto://, mailtos://) gets the
full alert as plain text and HTML; every other the short one (notify/alerts.py)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config.channels import SecretError, secret_url, shown_url
from .alert_kinds import kinds_named
from .notification import ChannelError, FailureLog

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..config import Config
    from .alerts import Alert

log = logging.getLogger(__name__)

SEND_TIMEOUT = 20.0  # seconds one send may take before it counts as failed
EMAIL_SCHEMES = ("mailto", "mailtos")


@dataclass
class RemoteChannel:
    """One [notify.channels.NAME]: its name, URL (never shown as it is), kinds and how its
    URL is shown."""

    name: str
    url: str
    kinds: tuple[str, ...]
    timeout: float = SEND_TIMEOUT

    def __post_init__(self) -> None:
        self.shown = shown_url(self.url)
        self.email = self.url.split(":", 1)[0].lower() in EMAIL_SCHEMES
        self._failures = FailureLog(self.name)
        quiet_apprise()

    async def send_alert(self, alert: Alert) -> str:
        """Send `alert`; what the service answered. ChannelError (its words redacted) when it
        failed or took longer than `timeout`; the thread goes on alone, this one does not wait."""
        try:
            answer = await asyncio.wait_for(asyncio.to_thread(self._send, alert), self.timeout)
        except TimeoutError:
            error = ChannelError(f"no answer from {self.shown} in {self.timeout:g} s")
            raise self._failures.failed(error) from None
        except ChannelError as exc:
            raise self._failures.failed(exc) from None
        self._failures.worked()
        return answer

    def _send(self, alert: Alert) -> str:
        import apprise

        # No icon for the phone or the inbox to fetch from elsewhere: no remote content.
        notifier = apprise.Apprise(asset=apprise.AppriseAsset(image_url_mask=""))
        if not notifier.add(self.url):
            raise ChannelError(f"{self.shown} is not a URL Apprise knows")
        body, form = (alert.html, apprise.NotifyFormat.HTML) if self.email else (alert.short, None)
        said: list[str] = []
        result = notifier.notify(
            body=body,
            title=alert.title,
            body_format=form,
            log_callback=lambda entry, _service: said.append(str(entry.message)),
            log_level=logging.INFO,
        )
        words = self.redact(said[-1].strip() if said else "")
        if not result:
            raise ChannelError(words or f"{self.shown} did not take the notification")
        return words or "sent"

    def redact(self, text: str) -> str:
        """`text` with the URL, and each of its parts that may be a secret, taken out."""
        text = text.replace(self.url, self.shown)
        for part in _secret_parts(self.url):
            text = text.replace(part, "***")
        return text


def _secret_parts(url: str) -> list[str]:
    from urllib.parse import unquote, urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    found = [parts.password or "", parts.username or ""]
    found += [p for p in parts.path.split("/") if p]
    found += [kv.split("=", 1)[-1] for kv in parts.query.split("&") if "=" in kv]
    found += [unquote(p) for p in found]
    return sorted({p for p in found if len(p) >= 4}, key=len, reverse=True)


def quiet_apprise() -> None:
    """Apprise's own log may name a URL with its token: it stays out of catalyst's log; each
    send's answer is taken from its call (redacted) instead."""
    logger = logging.getLogger("apprise")
    logger.propagate = False
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def configured_channels(
    config: Config, env: Mapping[str, str] | None = None
) -> tuple[list[RemoteChannel], dict[str, str]]:
    """The channels catalysts.toml names, and why each that can't be used can't (its URL's
    variable unset, its file readable by others, a kind no one declares), by name."""
    channels: list[RemoteChannel] = []
    problems: dict[str, str] = {}
    for name, settings in config.channels.items():
        try:
            kinds = kinds_named(settings.kinds)
            url = secret_url(settings, env)
        except (SecretError, ValueError) as exc:
            problems[name] = f"[notify.channels.{name}]: {exc}"
            continue
        channels.append(RemoteChannel(name, url, kinds))
    return channels, problems
