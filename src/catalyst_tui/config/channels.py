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
#: Characters of a channel's URL: a real one (a webhook with its token, an e-mail server with
#: its query) is a few hundred; past this it is no URL, refused before more of it is read.
MAX_URL = 8 * 1024


class ChannelSettings(NamedTuple):
    """One [notify.channels.NAME] table: exactly one of url, url_env, url_file; its kinds."""

    url: str | None = None
    url_env: str | None = None
    url_file: str | None = None
    kinds: tuple[str, ...] = (ALL_KINDS,)
    allow_hosts: tuple[str, ...] = ()  # link-local or metadata addresses the user allows


CHANNEL_KEYS: tuple[str, ...] = ChannelSettings._fields


class SecretError(ValueError):
    """A channel's URL can't be read: the message says why, and never holds the URL."""


def secret_url(channel: ChannelSettings, env: Mapping[str, str] | None = None) -> str:
    """The channel's Apprise URL: as written, from its environment variable, or from its file
    (refused when anyone but its owner may read it or write it)."""
    env = os.environ if env is None else env
    if channel.url is not None:
        if len(channel.url) > MAX_URL:
            raise SecretError(f"its url {too_long()}")
        return channel.url
    if channel.url_env is not None:
        value = env.get(channel.url_env, "").strip()
        if not value:
            raise SecretError(f"the environment variable {channel.url_env} is not set")
        if len(value) > MAX_URL:
            raise SecretError(f"the environment variable {channel.url_env} {too_long()}")
        return value
    if channel.url_file is not None:
        path = Path(channel.url_file).expanduser()
        problem = secret_file_problem(path)
        if problem:
            raise SecretError(problem)
        line = _first_line(path)
        if not line:
            raise SecretError(f"{path} is empty")
        return line
    raise SecretError("no url, url_env or url_file")


def too_long() -> str:
    """Why a URL past MAX_URL characters is no channel's."""
    return f"is longer than {MAX_URL:,} characters: no channel's URL is"


def url_file_problem(path: Path) -> str | None:
    """Why the first line of `url_file` at `path` is no channel's URL (empty, longer than
    MAX_URL, not UTF-8, unreadable), or None: at most MAX_URL and a line end are read, however
    large the file (a file of one endless line is refused at once, in little memory)."""
    try:
        line = _first_line(path)
    except SecretError as why:
        return str(why)
    return None if line else f"{path} is empty"


def _first_line(path: Path) -> str:
    """The first line of the file at `path`, stripped; SecretError past MAX_URL characters."""
    from ..paths import open_file

    try:
        fd = open_file(path)
        with os.fdopen(fd, "rb") as handle:
            head = handle.read(4 * MAX_URL + 2)  # UTF-8: at most four bytes a character
    except OSError as exc:
        raise SecretError(f"{path} can't be read ({exc.strerror or type(exc).__name__})") from None
    first, newline, _rest = head.lstrip().partition(b"\n")
    try:
        text = first.decode("utf-8").strip()
    except UnicodeDecodeError:
        if not newline and len(first) > 4 * MAX_URL:  # cut inside a character, or no text
            raise SecretError(f"{path}: its first line {too_long()}") from None
        raise SecretError(f"{path} can't be read (UnicodeDecodeError)") from None
    if len(text) > MAX_URL or (not newline and len(first) > 4 * MAX_URL):
        raise SecretError(f"{path}: its first line {too_long()}")
    return text


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


#: Schemes whose host position names a server (Apprise's grammar: a webhook's, a mail server's,
#: a self-hosted service's); in every other the host position may hold a token
#: (`pbul://o.TOKEN`, `tgram://BOT_TOKEN/CHAT`) and is never shown.
SERVER_SCHEMES = frozenset(
    {
        *("json", "jsons", "xml", "xmls", "form", "forms", "mailto", "mailtos"),
        *("gotify", "gotifys", "matrix", "matrixs", "mmost", "mmosts", "rocket", "rockets"),
        *("nctalk", "nctalks", "ncloud", "nclouds", "apprise", "apprises", "mqtt", "mqtts"),
        *("ntfy", "ntfys"),  # a server when a topic follows it; else the host is the topic
    }
)
#: Query keys whose value is a secret in Apprise's URLs (a password, a token, a key).
SECRET_KEYS = frozenset(
    {
        *("pass", "password", "pwd", "token", "key", "apikey", "api_key", "secret", "auth"),
        *("access", "access_token", "accesstoken", "bearer", "webhook", "appkey", "app_key"),
        *("private_key", "privkey", "client_secret", "sid", "botkey", "bot_token"),
    }
)


def url_parts(url: str) -> tuple[str, str, int | None, str, str, str, str] | None:
    """(scheme, host, port, user, password, path, query) of `url`, lower-case scheme; None when
    it is no URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme:
        return None
    return (
        parts.scheme.lower(),
        parts.hostname or "",
        port,
        parts.username or "",
        parts.password or "",
        parts.path,
        parts.query,
    )


def host_is_server(scheme: str, path: str) -> bool:
    """Whether the host position of a `scheme` URL names a server, not a token or a topic."""
    if scheme in ("ntfy", "ntfys"):
        return bool(path.strip("/"))
    return scheme in SERVER_SCHEMES


def secrets_in(url: str) -> list[str]:
    """Where `url` carries a secret, in words ("a password", "the query key pass", "a token
    in the host position", "the ntfy topic"); empty when it carries none."""
    parts = url_parts(url)
    if parts is None:
        return []
    scheme, host, _port, _user, password, path, query = parts
    found = ["a password"] if password else []
    if scheme in ("ntfy", "ntfys"):
        found.append("the ntfy topic")
    elif host and not host_is_server(scheme, path):
        found.append("a token in the host position")
    for pair in query.split("&"):
        key = pair.split("=", 1)[0].strip().lower()
        if key in SECRET_KEYS and "=" in pair and pair.split("=", 1)[1]:
            found.append(f"the query key {key}")
    return found


def has_password(url: str) -> bool:
    """Whether `url` carries a password in its user part (user:password@host)."""
    parts = url_parts(url)
    return parts is not None and bool(parts[4])


def forbidden_host(url: str, allowed: tuple[str, ...] = ()) -> str | None:
    """The host of `url` when it is link-local (169.254.0.0/16, fe80::/10) or a cloud's metadata
    service, in any spelling (market/http/addresses.py, the one policy), and not in `allowed`,
    else None: a channel must not post there."""
    from ..market.http.addresses import refused_host

    parts = url_parts(url)
    host = parts[1].strip("[]").lower() if parts else ""
    return host if host and refused_host(host, allowed, named=False) else None


def shown_url(url: str) -> str:
    """`url` as it may be shown (status, --json, logs, errors): its scheme and its server alone
    (`ntfy://ntfy.sh`, `mailtos://smtp.example.com`); `scheme://***` where the host position
    holds a token or a topic (`pbul://o.TOKEN`, `ntfy://private-topic`)."""
    parts = url_parts(url)
    if parts is None:  # no port where one is read (`tgram://BOT:TOKEN/CHAT`): all of it hidden
        scheme = url.split("://", 1)[0].lower() if "://" in url else ""
        return f"{scheme}://***" if scheme.isalnum() and scheme.isascii() else "***"
    scheme, host, port, _user, _password, path, _query = parts
    if not host_is_server(scheme, path):
        return f"{scheme}://***"
    where = f"[{host}]" if ":" in host else host
    return f"{scheme}://{where}:{port}" if port else f"{scheme}://{where}"
