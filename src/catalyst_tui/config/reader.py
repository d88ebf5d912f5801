"""Reading a parsed TOML document with every problem located: typed getters that report a wrong
type or value as a ConfigIssue at its FILE:LINE:COL, with its key path and code, and carry on."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING, Any, TypeVar

from .issues import CONTROL, ConfigIssue, IssueCode, KeyPath, format_key_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .scan import PositionMap

    # What is wrong with an item of a list: the message, and its code.
    Problem = tuple[str, IssueCode]

T = TypeVar("T")

INTERVAL_RE = re.compile(r"^\s*(\d+)\s*(s|m|h)\s*\Z")
MIN_INTERVAL_SECONDS = 10
# At least one refresh a day: a longer wait is a mistake, and a timer of millions of hours
# overflows the scheduler's clock (APScheduler, asyncio) and takes the TUI down.
MAX_INTERVAL_SECONDS = 24 * 3600


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
    def error(
        self,
        path: KeyPath,
        message: str,
        *,
        code: IssueCode,
        at_key: bool = False,
        col_offset: int = 0,
        missing: str | None = None,
    ) -> None:
        """A problem with the key at `path`, located at its value (or at its key)."""
        pos = self.positions.key(path) if at_key else self.positions.value(path)
        self.issues.append(
            ConfigIssue(self.filename, pos.line, pos.col + col_offset, path, code, message, missing)
        )

    def missing(self, table_path: KeyPath, key: str, why: str = "") -> None:
        """The table at `table_path` lacks its required `key` (`why`: what it is needed for)."""
        message = f"missing required key {key!r}" + (f": {why}" if why else "")
        self.error(table_path, message, code=IssueCode.MISSING_KEY, at_key=True, missing=key)

    def table(self, value: Any, path: KeyPath, allowed: Iterable[str]) -> dict[str, Any] | None:
        """The value as a table with only `allowed` keys (unknown ones reported), or None."""
        if not isinstance(value, dict):
            self.error(path, f"must be a table, not {describe(value)}", code=IssueCode.WRONG_TYPE)
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
                message = f"unknown key {key!r}{hint}"
                self.error(path + (key,), message, code=IssueCode.UNKNOWN_KEY, at_key=True)
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
                self.missing(path, key)
            return None
        value = table[key]
        if not isinstance(value, str):
            self.error(
                path + (key,), f"must be a string, not {describe(value)}", code=IssueCode.WRONG_TYPE
            )
            return None
        if not allow_empty and not value.strip():
            self.error(path + (key,), "must not be empty", code=IssueCode.BAD_VALUE)
            return None
        control = CONTROL.search(value) if one_line else None
        if control is not None:
            self.error(
                path + (key,),
                f"{value!r} holds a control character (U+{ord(control.group()):04X}): "
                "write it on one line, without escapes such as \\n or \\t",
                code=IssueCode.BAD_VALUE,
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
                code=IssueCode.WRONG_TYPE,
            )
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                self.error(path + (key,), not_a_date(value.strip()), code=IssueCode.BAD_VALUE)
                return None
        message = f"must be a date (YYYY-MM-DD), not {describe(value)}"
        self.error(path + (key,), message, code=IssueCode.WRONG_TYPE)
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
                self.missing(path, key)
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            message = f"must be a number, not {describe(value)}"
            if isinstance(value, str):
                message += number_hint(value)
            self.error(path + (key,), message, code=IssueCode.WRONG_TYPE)
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.error(path + (key,), f"{value} is not a usable number", code=IssueCode.BAD_VALUE)
            return None
        problem = check(float(value))
        if problem:
            self.error(path + (key,), problem, code=IssueCode.BAD_VALUE)
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
            message = f"must be a list of strings, not {describe(value)}"
            self.error(path + (key,), message, code=IssueCode.WRONG_TYPE)
            return default

        def problem(item: Any) -> Problem | None:
            if not isinstance(item, str):
                return f"must be a string, not {describe(item)}", IssueCode.WRONG_TYPE
            if item not in allowed:
                return f"unknown value {item!r}: use {', '.join(allowed)}", IssueCode.BAD_VALUE
            return None

        out = self.distinct(value, path + (key,), problem)
        if non_empty and not value:
            message = f"must name at least one of {', '.join(allowed)}"
            self.error(path + (key,), message, code=IssueCode.BAD_VALUE)
            return default
        return tuple(out) if out or not value else default

    def distinct(
        self, items: list[Any], path: KeyPath, problem: Callable[[Any], Problem | None]
    ) -> list[Any]:
        """The items of a list without a problem, each once, in order: each problem, and each
        item listed again, reported at its index."""
        out: list[Any] = []
        for index, item in enumerate(items):
            found = problem(item)
            if found is not None:
                message, code = found
                self.error(path + (index,), message, code=code)
            elif item in out:
                self.error(path + (index,), f"{item!r} is listed twice", code=IssueCode.DUPLICATE)
            else:
                out.append(item)
        return out

    def named_tables(
        self, value: Any, path: KeyPath, noun: str, build: Callable[[str, Any, KeyPath], T | None]
    ) -> dict[str, T]:
        """A table of named tables (`[groups.NAME]`, `[tickers.SYMBOL]`), each built by `build`
        (None: left out, its issue reported)."""
        if not isinstance(value, dict):
            message = f"must be a table of {noun}, not {describe(value)}"
            self.error(path, message, code=IssueCode.WRONG_TYPE)
            return {}
        out: dict[str, T] = {}
        for name, body in value.items():
            built = build(name, body, path + (name,))
            if built is not None:
                out[name] = built
        return out

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
                code=IssueCode.WRONG_TYPE,
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
                code=IssueCode.WRONG_TYPE,
            )
            return fallback
        try:
            seconds = parse_interval(value)
        except ValueError as exc:
            self.error(path + (key,), str(exc), code=IssueCode.BAD_VALUE)
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


_DAY_SHAPE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")


def not_a_date(text: str) -> str:
    """Why `text` is no date: a day the month does not have ('2027-02-30'), or not a date."""
    shape = _DAY_SHAPE.fullmatch(text)
    if shape:
        import calendar  # only a file with a bad date is said with it

        year, month, day = map(int, shape.groups())
        if 1 <= month <= 12 and year >= 1 and day > calendar.monthrange(year, month)[1]:
            name = calendar.month_name[month]
            days = calendar.monthrange(year, month)[1]
            return f"{text!r} is no such day: {name} {year} has {days} days"
    return f"{text!r} is not a date (write YYYY-MM-DD)"


def number_hint(text: str) -> str:
    """How to write a number given as text: '85,50' has a decimal comma, '85.50' quotes."""
    bare = text.strip()
    if _COMMA_DECIMAL.fullmatch(bare):
        whole, _, part = bare.partition(",")
        if len(part) == 3:  # 85,500: a thousands separator or a decimal comma
            return f": write {whole}.{part} or {whole}{part}, with no comma and no quotes"
        return f": write it with a decimal point and no quotes, {whole}.{part}"
    try:
        float(bare)
    except ValueError:
        return ""
    return f": write it without quotes, {bare}"
