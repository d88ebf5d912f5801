"""catalysts.toml → a typed, validated model; every error located as FILE:LINE:COL: key.path.

- model.py    what the file may say (the dataclasses and their keys, default URLs included)
- issues.py   a problem as data: ConfigIssue (key path, code, message), ConfigError
- reader.py   located reading: typed getters that collect issues
- validate/   the checks of each table, all issues collected before raising (validator.py the
              file's tables, providers.py, checkpoints.py and channels.py beside it)
- here        loading a file (or text), TOML syntax errors, and the parsed-config cache

Editing the file: forms.py (form fields as TOML, checked as typed), edits.py and regions.py
(each edit of the text, and where it goes), write.py (applied under the lock, written safely by
atomic.py); scan.py locates every key and table in the text.

The validator walks the tomllib result and asks scan.py for positions only when it has an
issue to locate, so a user fixes a file in one pass. Dataclasses rather than pydantic/msgspec:
their first-error-stops or library-worded messages don't give the located, human messages this
tool promises.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import TYPE_CHECKING

from ..paths import NotAFile, open_file
from . import cache
from .issues import ConfigError, ConfigIssue, IssueCode, KeyPath, file_error, format_key_path
from .model import (
    CHECKPOINT_KEYS,
    LOT_KEYS,
    NOTIFY_TRANSITIONS,
    SELL_KEYS,
    TICKER_KEYS,
    Checkpoint,
    Config,
    Lot,
    Sell,
    Ticker,
)
from .reader import parse_interval

if TYPE_CHECKING:
    import tomllib
    from pathlib import Path

    from .scan import PositionMap

__all__ = [
    "CHECKPOINT_KEYS",
    "LOT_KEYS",
    "SELL_KEYS",
    "NOTIFY_TRANSITIONS",
    "TICKER_KEYS",
    "Checkpoint",
    "Config",
    "ConfigError",
    "ConfigIssue",
    "IssueCode",
    "KeyPath",
    "Lot",
    "Sell",
    "Ticker",
    "format_key_path",
    "load_config",
    "BOM",
    "decode_config",
    "parse_config",
    "parse_interval",
    "read_config_bytes",
]

# A catalysts.toml of 500 tickers is well under 1 MB: a file (or a device, /dev/zero) past this
# size is not one, and is not read whole into memory to find that out.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
BOM = "\ufeff"  # a UTF-8 byte-order mark some editors write first: not part of the TOML


def read_config_bytes(path: Path) -> bytes:
    """The file's bytes, at most MAX_CONFIG_BYTES of them; ConfigError (at 1:1) when it can't be
    read or is larger, so a device such as /dev/zero is refused, not read until memory ends."""
    shown = str(path)
    try:
        with os.fdopen(open_file(path), "rb") as handle:  # a FIFO or a device: refused
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise file_error(shown, IssueCode.UNREADABLE, "file not found") from None
    except (IsADirectoryError, NotAFile) as exc:
        message = str(exc) if isinstance(exc, NotAFile) else "is a directory, not a file"
        raise file_error(shown, IssueCode.UNREADABLE, message) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise file_error(shown, IssueCode.UNREADABLE, f"cannot read: {reason}") from None
    if len(data) > MAX_CONFIG_BYTES:
        limit = MAX_CONFIG_BYTES // (1024 * 1024)
        message = f"larger than {limit} MB: not a catalysts.toml"
        raise file_error(shown, IssueCode.TOO_LARGE, message)
    return data


def decode_config(data: bytes, shown: str) -> str:
    """The file's bytes as text (a byte-order mark kept: parse_config skips it); ConfigError
    at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = "not UTF-8 text (TOML files are UTF-8)"
        raise file_error(shown, IssueCode.NOT_UTF8, message, line, col) from None


def load_config(path: Path, *, use_cache: bool = True) -> Config:
    """Read and validate a config file; raise ConfigError with located issues. A file read
    before with the same bytes comes from the parsed-config cache (config/cache.py)."""
    shown = str(path)
    data = read_config_bytes(path)
    key = cache.digest(data)
    cached = cache.read(key) if use_cache else None
    if cached is None:
        cached = parse_config(decode_config(data, shown), shown)
        if use_cache:
            cache.write(key, cached)
    return dataclasses.replace(cached, path=path, digest=key)


def parse_config(text: str, filename: str = "catalysts.toml") -> Config:
    """Validate TOML text; raise ConfigError listing every problem with its position. A
    byte-order mark in front is not part of the TOML (positions count from after it)."""
    import tomllib  # a start-up on a cached config never parses, nor checks

    from .validate.validator import Validator

    text = text.removeprefix(BOM)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        quoted = _quote_impossible_dates(text)
        if quoted is not None:  # `due = 2027-13-01`: said as the date it is meant to be
            return parse_config(quoted, filename)
        raise _syntax_error(exc, filename, text) from None
    except RecursionError:
        raise file_error(filename, IssueCode.SYNTAX, "nesting too deep") from None
    return Validator(filename, lambda: _positions(text)).config(raw)


# A bare value shaped like a date: TOML calls an impossible one ("2027-13-01", "2027-02-30") a
# syntax error somewhere after it; quoted, the key's own check says "'2027-13-01' is not a
# date" at the value, with the key's path. The quotes shift nothing before the value.
_BARE_DATE = re.compile(
    r"(?m)^(?P<key>[^#\n=\[]+=[ \t]*)(?P<date>\d{4}-\d{1,2}-\d{1,2})(?=[ \t]*(#|$))"
)


def _quote_impossible_dates(text: str) -> str | None:
    """`text` with each impossible bare date quoted, when that makes it valid TOML; else None."""
    import datetime as dt
    import tomllib

    def quote(m: re.Match[str]) -> str:
        try:
            dt.date.fromisoformat(m.group("date"))
        except ValueError:
            return f'{m.group("key")}"{m.group("date")}"'
        return m.group()

    quoted = _BARE_DATE.sub(quote, text)
    if quoted == text:
        return None
    try:
        tomllib.loads(quoted)
    except tomllib.TOMLDecodeError:
        return None
    return quoted


def _positions(text: str) -> PositionMap:
    """Where every key and value sits in `text`: only needed to locate an error, so it is
    scanned (and the scanner imported) on the first one."""
    from .scan import PositionMap, locate

    try:
        return locate(text)
    except Exception:  # best effort: without positions, errors still carry their key paths
        return PositionMap()


_SYNTAX_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _syntax_error(exc: tomllib.TOMLDecodeError, filename: str, text: str) -> ConfigError:
    # tomllib gives its position only inside its message (Python 3.11 has no lineno/colno).
    message = str(exc)
    m = _SYNTAX_POS.match(message)
    if m:
        said = m.group("msg")
        said = said[:1].lower() + said[1:]
        line, col = int(m.group("line")), int(m.group("col"))
        opened = _unclosed_string(text, line, said)
        if opened is not None:
            quote, at = opened
            said = (
                f"unclosed string: the {quote} opened here has no closing {quote} "
                "before the end of the line"
            )
            return file_error(filename, IssueCode.SYNTAX, f"TOML syntax: {said}", line, at)
        return file_error(filename, IssueCode.SYNTAX, f"TOML syntax: {said}", line, col)
    if message.startswith("Unterminated string"):
        said = "unclosed string: the triple-quoted string opened here is never closed"
        for triple in ('"""', "'''"):
            if text.count(triple) % 2:  # the last one opened the string left open
                at = text.rindex(triple)
                line = text.count("\n", 0, at) + 1
                col = at - (text.rfind("\n", 0, at) + 1) + 1
                return file_error(filename, IssueCode.SYNTAX, f"TOML syntax: {said}", line, col)
        return file_error(filename, IssueCode.SYNTAX, f"TOML syntax: {said}")
    return file_error(filename, IssueCode.SYNTAX, f"TOML syntax: {message}")


def _unclosed_string(text: str, line: int, said: str) -> tuple[str, int] | None:
    """(the quote, its column) of a one-line string left open on `line`, where tomllib
    complains of the line's end ("illegal character '\\n'"): the error is the quote never
    closed, not the newline after it."""
    if "'\\n'" not in said and "'\\r'" not in said:
        return None
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    row, open_at, quote = lines[line - 1], -1, ""
    index = 0
    while index < len(row):
        char = row[index]
        if open_at < 0 and char == "#":
            break
        if open_at < 0 and char in "\"'":
            open_at, quote = index, char
        elif open_at >= 0 and char == "\\" and quote == '"':
            index += 1  # an escape inside a basic string
        elif open_at >= 0 and char == quote:
            open_at, quote = -1, ""
        index += 1
    return (quote, open_at + 1) if open_at >= 0 else None
