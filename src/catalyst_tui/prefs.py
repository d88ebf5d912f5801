"""What the TUI remembers between runs that is no part of the thesis: the watchlist's sort (and
its direction), the theme, that the SEC contact was asked for, and when the user last looked
(the moment the TUI last showed the watchlist or closed: "what changed since", one moment per
catalysts.toml, since each file is a portfolio of its own with a database of its own). A small JSON
file in the user's state folder (XDG_STATE_HOME, 0600 in a 0700 folder), not the config (it is
the user's text) nor the database (it may be shared, or given per run with --db). A missing,
unreadable or foreign file is the defaults: preferences never stop the app."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from .paths import make_private_dirs, open_file, user_state_folder

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

MAX_BYTES = 64 * 1024  # a preferences file is a few dozen bytes; anything bigger is not ours
MAX_FILES = 64  # catalysts.toml files whose last look is kept: the most recent ones


class Prefs(NamedTuple):
    sort: str = "file"
    reverse: bool = False
    theme: str = ""  # "" : Textual's default
    sec_contact_asked: bool = False  # the first start's question, answered or skipped: once
    # Before last looks were kept per file: one ISO moment for every file, read by a file that
    # has no look of its own yet, never written again.
    last_seen: str = ""
    # Each catalysts.toml's last look (its resolved path -> ISO moment, UTC): the TUI on that
    # file last showed the watchlist or closed then.
    seen: Mapping[str, str] = MappingProxyType({})

    def seen_at(self, config: Path | None = None) -> dt.datetime | None:
        """When the user last looked at `config`'s portfolio, or None (never, or not a moment
        with its zone). A file never looked at since looks were kept per file reads the one
        moment kept before (`last_seen`); None for `config`: that moment."""
        text = self.seen.get(_key(config), self.last_seen) if config else self.last_seen
        try:
            moment = dt.datetime.fromisoformat(text) if text else None
        except ValueError:
            return None
        return moment if moment is not None and moment.tzinfo is not None else None

    def looked(self, config: Path, moment: dt.datetime) -> Prefs:
        """These preferences with `config`'s last look at `moment`; the MAX_FILES most recent
        files kept."""
        seen = {k: v for k, v in self.seen.items() if k != _key(config)}
        seen[_key(config)] = moment.astimezone(dt.UTC).isoformat(timespec="seconds")
        newest = sorted(seen.items(), key=lambda item: item[1])[-MAX_FILES:]
        return self._replace(seen=MappingProxyType(dict(newest)))


def _key(config: Path) -> str:
    return str(config.expanduser().resolve())


def _seen(raw: object) -> Mapping[str, str]:
    if not isinstance(raw, dict):
        return MappingProxyType({})
    kept = {
        k: v
        for k, v in raw.items()
        if isinstance(k, str) and isinstance(v, str) and len(k) <= 4096 and len(v) <= 64
    }
    return MappingProxyType(kept)


def prefs_file() -> Path:
    return user_state_folder() / "tui.json"


def load(path: Path) -> Prefs:
    try:
        with os.fdopen(open_file(path), "rb") as handle:  # a FIFO: refused, not waited on
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES} bytes")
        raw = json.loads(data or b"{}")
    except FileNotFoundError:
        return Prefs()
    except (OSError, ValueError) as exc:
        log.warning("preferences %s not read (%s): the defaults are used", path, exc)
        return Prefs()
    if not isinstance(raw, dict):
        return Prefs()
    sort, reverse, theme = raw.get("sort"), raw.get("reverse"), raw.get("theme")
    asked, seen = raw.get("sec_contact_asked"), raw.get("last_seen")
    return Prefs(
        sort if isinstance(sort, str) else "file",
        reverse if isinstance(reverse, bool) else False,
        theme if isinstance(theme, str) else "",
        asked if isinstance(asked, bool) else False,
        seen if isinstance(seen, str) and len(seen) <= 64 else "",
        _seen(raw.get("seen")),
    )


def save(path: Path, prefs: Prefs) -> None:
    """Write atomically; a failure is logged, never raised (the app goes on as it is)."""
    try:
        make_private_dirs(path.parent)
        temporary = path.with_name(path.name + ".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump({**prefs._asdict(), "seen": dict(prefs.seen)}, handle)
        temporary.replace(path)
    except OSError as exc:
        log.warning("preferences %s not written: %s", path, exc)
