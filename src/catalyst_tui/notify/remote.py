"""Channels beyond the desktop ([notify.channels.NAME]): each an Apprise URL and the kinds it gets,
a delivery's notices sent in one child process, each ended at its deadline (notify/send_child.py: no
thread left behind, the answer read to a cap), its answer in catalyst's words (notify/answers.py)
with the URL's secrets taken out (config/channels.py `shown_url`). An e-mail channel (mailto://,
mailtos://) gets the full alert as plain text and HTML; every other the short one
(notify/alerts.py)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import sys
from asyncio.subprocess import DEVNULL, PIPE
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config.channels import (
    SecretError,
    forbidden_host,
    host_is_server,
    secret_url,
    shown_url,
)
from ..paths import child_environment
from .alert_kinds import kinds_named
from .answers import answer_words
from .notification import ChannelError, FailureLog
from .reaping import REAP_WAIT, reaped
from .send_child import READY

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence

    from ..config import Config
    from .alerts import Alert

log = logging.getLogger(__name__)

SEND_TIMEOUT = 20.0  # seconds one send may take before it counts as failed
# Seconds the sends' child may take to start (Python and Apprise loaded, seconds on a loaded
# machine) before the first send's own deadline begins: a slow start fails no send.
START_TIMEOUT = 60.0
EMAIL_SCHEMES = ("mailto", "mailtos")


@dataclass
class RemoteChannel:
    """One [notify.channels.NAME]: its name, URL (never shown as it is), kinds and how its
    URL is shown."""

    name: str
    url: str
    kinds: tuple[str, ...]
    timeout: float = SEND_TIMEOUT
    # The link-local or metadata addresses it may reach (`allow_hosts`): every other such
    # address a connection of its sender would make is refused, after the name's look-up too
    # (notify/send_child.py, market/http/addresses.py).
    allow_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.shown = shown_url(self.url)
        self.email = self.url.split(":", 1)[0].lower() in EMAIL_SCHEMES
        self._failures = FailureLog(self.name)
        quiet_apprise()

    async def send_alert(self, alert: Alert) -> str:
        """Send `alert`; what the service answered, in words. ChannelError (its words
        redacted) when it failed or took longer than `timeout` (`send_alerts`)."""
        outcomes: list[str | ChannelError] = []

        async def kept(_index: int, outcome: str | ChannelError) -> None:
            outcomes.append(outcome)

        await self.send_alerts([alert], kept)
        if isinstance(outcomes[0], ChannelError):
            raise outcomes[0]
        return outcomes[0]

    async def send_alerts(
        self, alerts: Sequence[Alert], done: Callable[[int, str | ChannelError], Awaitable[None]]
    ) -> None:
        """Send `alerts` in order, all in one child process (notify/send_child.py), each within
        `timeout` of its own; `done(index, outcome)` awaited as each ends, its outcome what the
        service answered in words, or the ChannelError (redacted) of one that failed or took
        longer: that one is the last, the rest are not tried. The child is ended at a deadline,
        at the batch's end, or when this task is cancelled."""
        if not alerts:
            return
        head = {"deadline": self.timeout, "allow": list(self.allow_hosts)}
        asks = [head, *map(self._ask, alerts)]
        given = b"".join(json.dumps(ask).encode() + b"\n" for ask in asks)
        async with child_answers(given) as answers:
            started = await self._started(answers)
            if started is not None:
                await done(0, self._failures.failed(started))
                return
            for index in range(len(alerts)):
                outcome = await self._answer(answers)
                if isinstance(outcome, ChannelError):
                    await done(index, self._failures.failed(outcome))
                    return
                self._failures.worked()
                await done(index, outcome)

    def _ask(self, alert: Alert) -> dict[str, object]:
        body, html = (alert.html, True) if self.email else (alert.short, False)
        return {"url": self.url, "title": alert.title, "body": body, "html": html}

    async def _started(self, answers: asyncio.StreamReader) -> ChannelError | None:
        """None once the child says it is ready to send (its READY line), else why it is not:
        it did not start within START_TIMEOUT, or it ended first."""
        line = await _line(answers, START_TIMEOUT)
        if line is None:
            return ChannelError(f"the sender for {self.shown} did not start in {START_TIMEOUT:g} s")
        if line.strip() != READY:
            return ChannelError(f"the sender for {self.shown} ended before it was ready")
        return None

    async def _answer(self, answers: asyncio.StreamReader) -> str | ChannelError:
        """The next send's answer in words, or why it failed."""
        line = await _line(answers, self.timeout)
        if line is None:
            return ChannelError(f"no answer from {self.shown} in {self.timeout:g} s")
        try:
            said = json.loads(line)
        except ValueError:
            return ChannelError(f"the send to {self.shown} ended without an answer")
        if not said.get("known"):
            return ChannelError(f"{self.shown} is not a URL Apprise knows")
        if said.get("refused"):  # an address the policy refuses, after the name's look-up
            return ChannelError(
                self.redact(
                    f"{self.shown}: not sent: it reaches {said['refused']}"
                    " (allow it with allow_hosts = [...] if it is yours)"
                )
            )
        words = self.redact(answer_words(said, self.shown))
        if not said.get("sent"):
            return ChannelError(words or f"{self.shown} did not take the notification")
        return words or "sent"

    def redact(self, text: str) -> str:
        """`text` with the URL, and each of its parts that may be a secret, taken out, in any
        case (a service may say a token lower-cased)."""
        text = text.replace(self.url, self.shown)
        for part in _secret_parts(self.url):
            text = re.sub(re.escape(part), "***", text, flags=re.IGNORECASE)
        return text


def _secret_parts(url: str) -> list[str]:
    from urllib.parse import unquote, urlsplit

    scheme, _, rest = url.partition("://")
    # The host position, as written (a token there keeps its case: `pbul://o.TOKEN`), when it
    # names no server; the whole of what follows the scheme when the URL can't be split.
    netloc = rest.split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is no number: `tgram://BOT:TOKEN/…`)
    except ValueError:
        pieces = [rest, netloc, *re.split(r"[:/@?&=]", rest)]
        return sorted({p for p in pieces if len(p) >= 4}, key=len, reverse=True)
    found = [parts.password or "", parts.username or ""]
    if not host_is_server(scheme.lower(), parts.path):
        found += [netloc, netloc.split(":", 1)[0]]
    found += [p for p in parts.path.split("/") if p]
    found += [kv.split("=", 1)[-1] for kv in parts.query.split("&") if "=" in kv]
    found += [unquote(p) for p in found]
    return sorted({p for p in found if len(p) >= 4}, key=len, reverse=True)


CHILD = "catalyst_tui.notify.send_child"
LINE_CAP = 1 << 20  # bytes of one send's answer line read from the child, at most


async def _line(answers: asyncio.StreamReader, seconds: float) -> bytes | None:
    """The child's next line within `seconds` (empty when it ended, or wrote a line past
    LINE_CAP), or None when none came in time."""
    try:
        async with asyncio.timeout(seconds):
            return await answers.readline()
    except TimeoutError:
        return None
    except ValueError:  # a line past LINE_CAP
        return b""


@contextlib.asynccontextmanager
async def child_answers(given: bytes) -> AsyncIterator[asyncio.StreamReader]:
    """The sends' child (`python -m catalyst_tui.notify.send_child`) given `given` on its
    stdin (fed as it reads); its stdout, an answer a line. Killed and reaped on the way out,
    whether the batch ended, a deadline passed or the caller was cancelled."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-P",
        "-m",
        CHILD,
        env=child_environment(),
        stdin=PIPE,
        stdout=PIPE,
        stderr=DEVNULL,
        limit=LINE_CAP,
    )
    feeder = asyncio.create_task(_feed(proc, given))
    try:
        assert proc.stdout is not None
        yield proc.stdout
    finally:
        feeder.cancel()
        await reaped(proc)
        await asyncio.wait([feeder], timeout=REAP_WAIT)


async def _feed(proc: asyncio.subprocess.Process, given: bytes) -> None:
    """`given` written to the child's stdin as it reads it, then closed (a child that ended
    early, after a failed send, reads no more)."""
    assert proc.stdin is not None
    with contextlib.suppress(ConnectionError):
        proc.stdin.write(given)
        await proc.stdin.drain()
        proc.stdin.close()


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
        blocked = forbidden_host(url, settings.allow_hosts)
        if blocked is not None:
            problems[name] = (
                f"[notify.channels.{name}]: its URL names {blocked}, a link-local or cloud"
                f' metadata address (allow it with allow_hosts = ["{blocked}"])'
            )
            continue
        channels.append(RemoteChannel(name, url, kinds, allow_hosts=settings.allow_hosts))
    return channels, problems


def unknown_schemes(channels: Sequence[RemoteChannel]) -> dict[str, str]:
    """The channels whose URL Apprise does not know (a scheme it has no service for, a URL its
    service cannot read), by name, each with why; Apprise is loaded here only (`validate`)."""
    import apprise

    quiet_apprise()
    out = {}
    for channel in channels:
        if apprise.Apprise.instantiate(channel.url) is None:
            scheme = channel.url.split(":", 1)[0].lower()
            out[channel.name] = (
                f"[notify.channels.{channel.name}]: {scheme}:// is not a URL Apprise knows"
                " (its services' URLs: https://github.com/caronc/apprise/wiki)"
            )
    return out
