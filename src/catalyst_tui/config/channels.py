"""`[notify.channels.NAME]`: a channel beyond the desktop, named by an Apprise URL, and the kinds
of notification it gets. The URL is written in the file only when it holds no secret; otherwise
it comes from an environment variable (`url_env`) or a file only its owner may read
(`url_file`, mode 0600). `secret_url` reads it, `shown_url` is the only form ever printed."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Mapping

#: A channel's name and a kind's name as written: lower case, digits, '-' and '_'.
NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,31}\Z")
ALL_KINDS = "all"  # `kinds = ["all"]`: every kind notify/alert_kinds.py declares
URL_SOURCES = ("url", "url_env", "url_file")


class ChannelSettings(NamedTuple):
    """One [notify.channels.NAME] table: exactly one of url, url_env, url_file; its kinds."""

    url: str | None = None
    url_env: str | None = None
    url_file: str | None = None
    kinds: tuple[str, ...] = (ALL_KINDS,)


CHANNEL_KEYS: tuple[str, ...] = ChannelSettings._fields


class SecretError(ValueError):
    """A channel's URL can't be read: the message says why, and never holds the URL."""


def secret_url(channel: ChannelSettings, env: Mapping[str, str] | None = None) -> str:
    """The channel's Apprise URL: as written, from its environment variable, or from its file
    (refused when anyone but its owner may read it or write it)."""
    env = os.environ if env is None else env
    if channel.url is not None:
        return channel.url
    if channel.url_env is not None:
        value = env.get(channel.url_env, "").strip()
        if not value:
            raise SecretError(f"the environment variable {channel.url_env} is not set")
        return value
    if channel.url_file is not None:
        path = Path(channel.url_file).expanduser()
        problem = secret_file_problem(path)
        if problem:
            raise SecretError(problem)
        try:
            text = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise SecretError(f"{path} can't be read ({type(exc).__name__})") from None
        if not text:
            raise SecretError(f"{path} is empty")
        return text.splitlines()[0].strip()
    raise SecretError("no url, url_env or url_file")


def secret_file_problem(path: Path) -> str | None:
    """Why `path` may not hold a secret (missing, not a file, readable or writable by others),
    or None."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"{path} can't be read ({exc.strerror or type(exc).__name__})"
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a file"
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        return (
            f"{path} may be read by others (mode {mode:04o}): a file holding a secret must be"
            f" readable by its owner alone (chmod 600 {path})"
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return f"{path} belongs to another user"
    return None


def has_password(url: str) -> bool:
    """Whether `url` carries a password in its user part (user:password@host)."""
    try:
        return urlsplit(url).password is not None
    except ValueError:
        return False


def shown_url(url: str) -> str:
    """`url` as it may be shown (status, --json, logs, errors): its scheme and host, the user
    without a password, and '***' for the path and query, where tokens and topics sit."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "***"
    if not parts.scheme:
        return "***"
    user = f"{parts.username}:***@" if parts.password else ""
    if parts.username and not parts.password:
        user = "***@"
    where = f"{host}:{port}" if port else host
    rest = "/***" if parts.path.strip("/") or parts.query else ""
    return f"{parts.scheme}://{user}{where}{rest}"
