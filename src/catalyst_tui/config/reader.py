"""Reading a parsed TOML document with every problem located: ConfigIssue and ConfigError, and
typed getters that report a wrong type or value at its FILE:LINE:COL and carry on."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .scan import PositionMap

KeyPath = tuple[str | int, ...]  # ("tickers", "ALAB", "checkpoints", 2, "due"), as toml_scan's

INTERVAL_RE = re.compile(r"^\s*(\d+)\s*(s|m|h)\s*\Z")
MIN_INTERVAL_SECONDS = 10
# At least one refresh a day: a longer wait is a mistake, and a timer of millions of hours
# overflows the scheduler's clock (APScheduler, asyncio) and takes the TUI down.
MAX_INTERVAL_SECONDS = 24 * 3600
# A control character (C0, DEL, C1) in a value the app uses as a name, a path, a URL or a header.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ConfigIssue:
    file: str
    line: int
    col: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ConfigError(Exception):
    """The config could not be used; `issues` holds every located problem found."""

    def __init__(self, issues: list[ConfigIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


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
    escaped = (_KEY_ESCAPES.get(c) or (f"\\u{ord(c):04X}" if _CONTROL.match(c) else c) for c in key)
    return '"' + "".join(escaped) + '"'


class LocatedReader:
    """Reads values out of a tomllib result with their types checked, collecting a located
    ConfigIssue for each problem instead of stopping at the first."""

    def __init__(self, filename: str, positions: Callable[[], PositionMap]) -> None:
        self.filename = filename
        self._scan = positions
        self._positions: PositionMap | None = None
        self.issues: list[ConfigIssue] = []

    @property
    def positions(self) -> PositionMap:
        if self._positions is None:
            self._positions = self._scan()
        return self._positions

    # -- reporting ---------------------------------------------------------------------------
    def error(self, path: KeyPath, message: str, *, at_key: bool = False, col_offset: int = 0):
        pos = self.positions.key(path) if at_key else self.positions.value(path)
        self.issues.append(
            ConfigIssue(
                self.filename, pos.line, pos.col + col_offset, format_key_path(path), message
            )
        )

    def table(self, value: Any, path: KeyPath, allowed: Iterable[str]) -> dict[str, Any] | None:
        """The value as a table with only `allowed` keys (unknown ones reported), or None."""
        if not isinstance(value, dict):
            self.error(path, f"must be a table, not {describe(value)}")
            return None
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = (
                    f" (did you mean {close[0]!r}?)"
                    if close
                    else f"; allowed: {', '.join(allowed)}"
                )
                self.error(path + (key,), f"unknown key {key!r}{hint}", at_key=True)
        return value

    # -- typed getters: each returns the value or None after reporting --------------------------
    def string(
        self,
        table: dict[str, Any],
        key: str,
        path: KeyPath,
        *,
        required: bool = False,
        allow_empty: bool = True,
        one_line: bool = False,
    ) -> str | None:
        """The string at `key`; `one_line` for a value used as a name, a path, a URL or a header
        (a database path, a time zone, a provider setting): no line break, tab or other control
        character, which would make it a different or an unusable name."""
        if key not in table:
            if required:
                self.error(path, f"missing required key {key!r}", at_key=True)
            return None
        value = table[key]
        if not isinstance(value, str):
            self.error(path + (key,), f"must be a string, not {describe(value)}")
            return None
        if not allow_empty and not value.strip():
            self.error(path + (key,), "must not be empty")
            return None
        control = _CONTROL.search(value) if one_line else None
        if control is not None:
            self.error(
                path + (key,),
                f"{value!r} holds a control character (U+{ord(control.group()):04X}): "
                "write it on one line, without escapes such as \\n or \\t",
            )
            return None
        return value

    def date(self, table: dict[str, Any], key: str, path: KeyPath) -> dt.date | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, dt.datetime):
            self.error(
                path + (key,),
                f"{value.isoformat()} is a date-time: write a date such as "
                f"{value.date().isoformat()}",
            )
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                self.error(path + (key,), f"{value!r} is not a date (write YYYY-MM-DD)")
                return None
        self.error(path + (key,), f"must be a date (YYYY-MM-DD), not {describe(value)}")
        return None

    def number(
        self,
        table: dict[str, Any],
        key: str,
        path: KeyPath,
        *,
        required: bool,
        check: Callable[[float], str | None],
    ) -> float | None:
        if key not in table:
            if required:
                self.error(path, f"missing required key {key!r}", at_key=True)
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(path + (key,), f"must be a number, not {describe(value)}")
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.error(path + (key,), f"{value} is not a usable number")
            return None
        problem = check(float(value))
        if problem:
            self.error(path + (key,), problem)
            return None
        return float(value)

    def choices(
        self,
        table: dict[str, Any],
        key: str,
        path: KeyPath,
        allowed: tuple[str, ...],
        default: tuple[str, ...],
        *,
        non_empty: bool,
    ) -> tuple[str, ...]:
        if key not in table:
            return default
        value = table[key]
        if not isinstance(value, list):
            self.error(path + (key,), f"must be a list of strings, not {describe(value)}")
            return default
        out: list[str] = []
        for index, item in enumerate(value):
            item_path = path + (key, index)
            if not isinstance(item, str):
                self.error(item_path, f"must be a string, not {describe(item)}")
            elif item not in allowed:
                self.error(item_path, f"unknown value {item!r}: use {', '.join(allowed)}")
            elif item in out:
                self.error(item_path, f"{item!r} is listed twice")
            else:
                out.append(item)
        if non_empty and not value:
            self.error(path + (key,), f"must name at least one of {', '.join(allowed)}")
            return default
        return tuple(out) if out or not value else default

    def array_of_tables(
        self, table: dict[str, Any], key: str, path: KeyPath, build: Callable[[Any, KeyPath], Any]
    ) -> list[Any]:
        if key not in table:
            return []
        value = table[key]
        if not isinstance(value, list):
            self.error(
                path + (key,),
                f"must be an array of tables ([[{format_key_path(path + (key,))}]]), "
                f"not {describe(value)}",
            )
            return []
        out = []
        for index, item in enumerate(value):
            built = build(item, path + (key, index))
            if built is not None:
                out.append(built)
        return out

    def interval(
        self, table: dict[str, Any], key: str, path: KeyPath, default: str
    ) -> tuple[str, int]:
        fallback = (default, parse_interval(default))
        if key not in table:
            return fallback
        value = table[key]
        if not isinstance(value, str):
            self.error(
                path + (key,),
                f'must be a string such as "60s", "5m" or "1h", not {describe(value)}',
            )
            return fallback
        try:
            seconds = parse_interval(value)
        except ValueError as exc:
            self.error(path + (key,), str(exc))
            return fallback
        return value.strip(), seconds


def parse_interval(text: str) -> int:
    """'60s' / '5m' / '1h' → seconds; ValueError with a message for people."""
    m = INTERVAL_RE.match(text)
    if not m:
        raise ValueError(f'{text!r} is not an interval: write a number and s, m or h, e.g. "60s"')
    digits = m.group(1).lstrip("0") or "0"
    unit = {"s": 1, "m": 60, "h": 3600}[m.group(2)]
    seconds = int(digits) * unit if len(digits) <= 9 else MAX_INTERVAL_SECONDS + 1
    if seconds < MIN_INTERVAL_SECONDS:
        raise ValueError(
            f"{text!r} is too short: at least {MIN_INTERVAL_SECONDS}s, "
            "to stay within the providers' rate limits"
        )
    if seconds > MAX_INTERVAL_SECONDS:
        raise ValueError(
            f"{text!r} is too long: at most {MAX_INTERVAL_SECONDS // 3600}h, "
            "so quotes are refreshed at least once a day"
        )
    return seconds


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    if isinstance(value, int | float):
        return f"a number ({fmt_number(float(value))})"
    if isinstance(value, str):
        return f"a string ({value!r})" if len(value) <= 40 else "a string"
    return type(value).__name__


def fmt_number(value: float) -> str:
    return f"{value:g}"
