"""The checks of what catalysts.toml says about data providers, in one place: the provider names
of `[settings]` (`providers`, `browser_tls`) and each `[providers.NAME]` table."""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from ...market.registry import SETTINGS
from ..issues import CONTROL, IssueCode, KeyPath
from ..model import PROVIDER_KEYS, ProviderSettings
from ..reader import LocatedReader, describe

MAX_FEEDS = 10  # feeds of one ticker: a company has one or two

# SEC's fair-access policy: a User-Agent that names who asks, "Sample Company Name
# AdminContact@<sample company domain>.com": a name, then an e-mail address.
_CONTACT_RE = re.compile(r"\S.*\s[^@\s]+@[^@\s]+\.[^@\s.]+")
_ENV_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What an HTTP header value can carry as sent (httpx and curl send it as ASCII): a visible
# character or a space; anything else fails every request that carries it.
_NOT_IN_A_HEADER_RE = re.compile(r"[^\x20-\x7e]")


class ProviderChecks(LocatedReader):
    """Provider names and `[providers.*]` tables, checked."""

    def providers(self, value: Any) -> ProviderSettings:
        path: KeyPath = ("providers",)
        table = self.table(value, path, tuple(PROVIDER_KEYS))
        if table is None:
            return ProviderSettings()
        built: dict[str, Any] = {}
        for name, cls in SETTINGS.items():  # every provider's table, from the registry
            sub_path = path + (name,)
            if name not in table:
                built[name] = cls()
                continue
            allowed = PROVIDER_KEYS[name]
            sub = table[name]
            if "api_key_env" in allowed and isinstance(sub, dict) and "api_key" in sub:
                self.error(
                    sub_path + ("api_key",),
                    "API keys never go in this file: set "
                    "api_key_env to the name of an environment variable holding the key",
                    code=IssueCode.FORBIDDEN_KEY,
                    at_key=True,
                )
                sub = {k: v for k, v in sub.items() if k != "api_key"}
            sub = self.table(sub, sub_path, allowed)
            if sub is None:
                built[name] = cls()
                continue
            kwargs: dict[str, Any] = {}
            for key in allowed:
                text = self.string(sub, key, sub_path, allow_empty=False, one_line=True)
                if text is None:
                    continue
                problem = _setting_problem(key, text)
                if problem:
                    self.error(sub_path + (key,), problem, code=IssueCode.BAD_VALUE)
                    continue
                kwargs[key] = text.rstrip("/") if key.endswith("_url") else text
            built[name] = cls(**kwargs)
        return ProviderSettings(**built)

    def feeds(self, table: dict[str, Any], path: KeyPath) -> tuple[str, ...]:
        """A ticker's `feeds`: a list of at most MAX_FEEDS http(s) URLs, each once."""
        if "feeds" not in table:
            return ()
        value, at = table["feeds"], path + ("feeds",)
        if not isinstance(value, list):
            message = f"must be a list of feed URLs, not {describe(value)}"
            self.error(at, message, code=IssueCode.WRONG_TYPE)
            return ()
        if len(value) > MAX_FEEDS:
            message = f"{len(value)} feeds: at most {MAX_FEEDS} per ticker"
            self.error(at, message, code=IssueCode.TOO_LARGE)
            return ()
        feeds: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str):
                message = f"must be a feed's URL (a string), not {describe(item)}"
                self.error(at + (index,), message, code=IssueCode.WRONG_TYPE)
            elif CONTROL.search(item) or not _is_http_url(item.strip()):
                self.error(
                    at + (index,),
                    f"{item!r} is not an http(s) URL (e.g. "
                    "'https://ir.example.com/rss/news-releases.xml')",
                    code=IssueCode.BAD_VALUE,
                )
            elif item.strip() in feeds:
                self.error(at + (index,), f"{item!r} is listed twice", code=IssueCode.DUPLICATE)
            else:
                feeds.append(item.strip())
        return tuple(feeds)


def _setting_problem(key: str, text: str) -> str | None:
    """What is wrong with a provider setting's value, or None."""
    if key.endswith("_url") and not _is_http_url(text):
        return f"{text!r} is not an http(s) URL"
    if key == "user_agent":
        return sec_contact_problem(text)
    if key == "api_key_env" and not _ENV_NAME_RE.fullmatch(text):
        return f"{text!r} is not an environment variable name"
    return None


def sec_contact_problem(text: str) -> str | None:
    """What is wrong with a contact for SEC EDGAR (`providers.sec.user_agent`), or None: a name
    and an e-mail address, in that order, which can go in an HTTP header as it is sent."""
    odd = _NOT_IN_A_HEADER_RE.search(text)
    if odd is not None:
        return (
            f"{odd.group()!r} (U+{ord(odd.group()):04X}, character {odd.start() + 1}) cannot be "
            "sent in the User-Agent header SEC reads the contact from: write it in ASCII "
            f"letters, as {_ascii_spelling(text)!r}"
        )
    if not _CONTACT_RE.fullmatch(text.strip()):
        return 'SEC asks for a name and an e-mail address: write "Your Name you@example.com"'
    return None


def _ascii_spelling(text: str) -> str:
    """`text` in ASCII: accents dropped ("José Núñez" is "Jose Nunez"), what has no ASCII
    letter left out."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(_NOT_IN_A_HEADER_RE.sub("", plain).split())


def _is_http_url(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
