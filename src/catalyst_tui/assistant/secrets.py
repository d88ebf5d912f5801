"""What no answer may hold: each notification channel's URL and the parts of it that may be a
secret, each provider's key (from its environment variable), and the SEC contact (the name and
e-mail address catalyst sends SEC alone). No answer reads them from the file: they are in none
of the records the views hand out. This list is the guard behind that: an answer whose text
holds one (a provider's failure that echoed a key, stored) has it withheld before it leaves."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..config.channels import SecretError, host_is_server, secret_url, url_parts

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..config import Config

WITHHELD = "[withheld]"
_SHORTEST = 4  # characters: a shorter part (a port, "api") is no secret and is everywhere
_EMAIL = re.compile(r"[^\s<>()\"',;@]+@[^\s<>()\"',;@]+")  # one pass: no part can backtrack


def known_secrets(config: Config, env: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The secrets of `config` (and of the environment it names), longest first."""
    env = os.environ if env is None else env
    found: list[str] = []
    for name in config.providers:
        table = config.providers[name]
        for field, value in getattr(table, "_asdict", dict)().items():
            if field == "user_agent" and isinstance(value, str) and value.strip():
                found += [value.strip(), *_EMAIL.findall(value)]
            elif field.endswith("_env") and isinstance(value, str) and env.get(value, "").strip():
                found.append(env[value].strip())
    for channel in config.channels.values():
        try:
            found += _url_secrets(secret_url(channel, env))
        except SecretError:
            continue  # a channel that cannot be read has nothing to withhold
    return tuple(sorted({s for s in found if len(s) >= _SHORTEST}, key=len, reverse=True))


def _url_secrets(url: str) -> list[str]:
    """A channel's URL whole, and each part of it that may be a secret."""
    parts = url_parts(url)
    if parts is None:
        return [url]
    scheme, host, _port, user, password, path, query = parts
    found = [url, user, password, *(p for p in path.split("/") if _token_like(p))]
    if not host_is_server(scheme, path):  # a token there, whole or after a prefix (`o.TOKEN`)
        found += [host, *(p for p in host.split(".") if _token_like(p))]
    found += [pair.split("=", 1)[1] for pair in query.split("&") if "=" in pair]
    return found


def _token_like(part: str) -> bool:
    """A path segment that may be a token: with a digit in it, or long (not `services`)."""
    return len(part) >= 16 or (len(part) >= _SHORTEST and any(c.isdigit() for c in part))


def withheld(text: str, secrets: tuple[str, ...]) -> str:
    """`text` with each of `secrets` (in any case) replaced by WITHHELD."""
    for secret in secrets:
        if secret.lower() in text.lower():
            text = re.sub(re.escape(secret), WITHHELD, text, flags=re.IGNORECASE)
    return text
