"""The checks of `[notify.channels.NAME]` (config/channels.py): each channel's one source of its
URL, no secret written in the file (a password, a token or a topic in any position: the file
is the one you share), no link-local or metadata address unless `allow_hosts` names it, a
`url_file` its owner alone may read, and its kinds (names here; which kinds exist is
notify/alert_kinds.py's to say, checked where channels are made)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..channels import (
    ALL_KINDS,
    CHANNEL_KEYS,
    MAX_URL,
    NAME_RE,
    URL_SOURCES,
    ChannelSettings,
    forbidden_host,
    secret_file_problem,
    secrets_in,
    too_long,
    url_file_problem,
)
from ..issues import IssueCode, KeyPath
from ..reader import LocatedReader, describe

if TYPE_CHECKING:
    from ..reader import Problem

ENV_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\Z")


class ChannelChecks(LocatedReader):
    def notify(self, value: Any) -> dict[str, ChannelSettings]:
        """The [notify] table: its channels by name."""
        path: KeyPath = ("notify",)
        table = self.table(value, path, ("channels",))
        if table is None or "channels" not in table:
            return {}
        raw = table["channels"]
        if not isinstance(raw, dict):
            message = f"must be a table of channels, not {describe(raw)}"
            self.error(path + ("channels",), message, code=IssueCode.WRONG_TYPE)
            return {}
        out: dict[str, ChannelSettings] = {}
        for name, body in raw.items():
            where = path + ("channels", name)
            if not NAME_RE.match(name):
                message = f"{name!r} is not a channel name (lower case, digits, - and _)"
                self.error(where, message, code=IssueCode.BAD_VALUE, at_key=True)
                continue
            channel = self.channel(body, where)
            if channel is not None:
                out[name] = channel
        return out

    def channel(self, value: Any, path: KeyPath) -> ChannelSettings | None:
        table = self.table(value, path, CHANNEL_KEYS)
        if table is None:
            return None
        given = [key for key in URL_SOURCES if key in table]
        if len(given) != 1:
            said = " and ".join(given) if given else "none"
            message = f"needs exactly one of url, url_env, url_file (has {said})"
            self.error(path, message, code=IssueCode.BAD_VALUE)
            return None
        key = given[0]
        text = self.string(table, key, path, allow_empty=False, one_line=True)
        if text is None:
            return None
        if key == "url" and len(text) > MAX_URL:
            self.error(path + (key,), too_long(), code=IssueCode.BAD_VALUE)
            return None
        secrets = secrets_in(text) if key == "url" else []
        if secrets:
            message = (
                f"holds {' and '.join(secrets)}: keep it out of the file you share, in an"
                " environment variable (url_env) or a file only you may read (url_file)"
            )
            self.error(path + (key,), message, code=IssueCode.BAD_VALUE)
            return None
        allowed = self.hosts(table, path)
        blocked = forbidden_host(text, allowed) if key == "url" else None
        if blocked is not None:
            message = (
                f"names {blocked}, a link-local or cloud metadata address: a channel posts"
                f' there only when you allow it (allow_hosts = ["{blocked}"])'
            )
            self.error(path + (key,), message, code=IssueCode.BAD_VALUE)
            return None
        if key == "url" and "://" not in text:
            message = "is not an Apprise URL (e.g. ntfy://ntfy.sh/TOPIC, mailtos://...)"
            self.error(path + (key,), message, code=IssueCode.BAD_VALUE)
            return None
        if key == "url_env" and not ENV_RE.match(text):
            message = f"{text!r} is not an environment variable's name"
            self.error(path + (key,), message, code=IssueCode.BAD_VALUE)
            return None
        if key == "url_file":
            where = Path(text).expanduser()
            problem = secret_file_problem(where) or url_file_problem(where)
            if problem:
                self.error(path + (key,), problem, code=IssueCode.BAD_VALUE)
                return None
        kinds = self.kind_names(table, path)
        return ChannelSettings(**{key: text}, kinds=kinds, allow_hosts=allowed)

    def hosts(self, table: dict[str, Any], path: KeyPath) -> tuple[str, ...]:
        """`allow_hosts`: the hosts a channel (link-local or metadata addresses), or a link a
        document names ([settings]: loopback, private, link-local or metadata ones), may reach."""
        value = table.get("allow_hosts", [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            message = f"must be a list of host names or addresses, not {describe(value)}"
            self.error(path + ("allow_hosts",), message, code=IssueCode.WRONG_TYPE)
            return ()
        return tuple(value)

    def kind_names(self, table: dict[str, Any], path: KeyPath) -> tuple[str, ...]:
        if "kinds" not in table:
            return (ALL_KINDS,)
        value = table["kinds"]
        if not isinstance(value, list) or not value:
            message = f"must be a non-empty list of kinds, not {describe(value)}"
            self.error(path + ("kinds",), message, code=IssueCode.WRONG_TYPE)
            return (ALL_KINDS,)

        def problem(item: Any) -> Problem | None:
            if isinstance(item, str) and NAME_RE.match(item):
                return None
            message = f"{item!r} is not a kind's name (e.g. missed, results, digest, all)"
            return message, IssueCode.BAD_VALUE

        return tuple(self.distinct(value, path + ("kinds",), problem)) or (ALL_KINDS,)
