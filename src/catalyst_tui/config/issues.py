"""A problem found in catalysts.toml, as data: ConfigIssue (where, which key path, which class of
problem, the message), ConfigError (all of them), and how a key path is written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

KeyPath = tuple[str | int, ...]  # ("tickers", "ALAB", "checkpoints", 2, "due"), as scan's

# A control character (C0, DEL, C1) in a value the app uses as a name, a path, a URL or a header.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class IssueCode(StrEnum):
    """The class of a problem, so a reader of issues (the edit forms) never parses messages."""

    UNREADABLE = "unreadable"  # not found, a directory, not readable
    TOO_LARGE = "too_large"  # a file past its size, a list past its length
    NOT_UTF8 = "not_utf8"
    SYNTAX = "syntax"  # not TOML (or nested too deep to read)
    UNKNOWN_KEY = "unknown_key"  # at the key: the table does not take it
    MISSING_KEY = "missing_key"  # at the table: the issue's `missing` names the key
    FORBIDDEN_KEY = "forbidden_key"  # at the key: not for this kind, metric or file
    WRONG_TYPE = "wrong_type"  # a string where a number goes, a date-time for a date...
    BAD_VALUE = "bad_value"  # the right type, but not a value the key takes
    DUPLICATE = "duplicate"  # listed twice, or an id already used
    OVERSOLD = "oversold"  # a sale of more shares than are held on its day


@dataclass(frozen=True)
class ConfigIssue:
    """One located problem: FILE:LINE:COL, the path of the key it is about (() for the file
    itself), its class, and the message for people. A MISSING_KEY issue is located at the table
    and names the key it misses in `missing`."""

    file: str
    line: int
    col: int
    key_path: KeyPath
    code: IssueCode
    message: str
    missing: str | None = None

    @property
    def key(self) -> str:
        """The key path as the file writes it (`tickers."BRK.B".lots[0]`), "" for the file."""
        return format_key_path(self.key_path)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        key = self.key
        return f"{where}: {key}: {self.message}" if key else f"{where}: {self.message}"


class ConfigError(Exception):
    """The config could not be used; `issues` holds every located problem found."""

    def __init__(self, issues: list[ConfigIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


def file_error(
    file: str, code: IssueCode, message: str, line: int = 1, col: int = 1
) -> ConfigError:
    """ConfigError of one problem with the file as a whole (not found, not TOML...)."""
    return ConfigError([ConfigIssue(file, line, col, (), code, message)])


def format_key_path(path: KeyPath) -> str:
    """`tickers."BRK.B".lots[0].cost`: a key that is not bare is quoted as TOML writes it,
    with its line breaks and other control characters escaped (`tickers."ALAB\\n"`)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else _quoted_key(part)
            out += f".{text}" if out else text
    return out


_KEY_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _quoted_key(key: str) -> str:
    escaped = (_KEY_ESCAPES.get(c) or (f"\\u{ord(c):04X}" if CONTROL.match(c) else c) for c in key)
    return '"' + "".join(escaped) + '"'
