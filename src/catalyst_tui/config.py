"""catalysts.toml → a typed, validated model; every error located as FILE:LINE:COL: key.path.

The validator walks the tomllib result alongside a position map of the source (toml_locate)
and collects every problem before raising, so a user fixes a file in one pass. Dataclasses
rather than pydantic/msgspec: their first-error-stops or library-worded messages don't give
the located, human messages this tool promises.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .thesis.conditions import METRICS, Condition, ConditionError, parse_condition
from .toml_scan import Path as KeyPath
from .toml_scan import PositionMap, locate

PROVIDERS = ("yahoo", "stooq", "finnhub")
NOTIFY_TRANSITIONS = ("missed", "met")
KINDS = ("milestone", "target", "guard")
DEFAULT_GROUP = "watchlist"

SYMBOL_RE = re.compile(r"^\^?[A-Z0-9][A-Z0-9.\-=]{0,19}$")
CHECKPOINT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
INTERVAL_RE = re.compile(r"^\s*(\d+)\s*(s|m|h)\s*$")
MIN_INTERVAL_SECONDS = 10
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    refresh: str = "60s"
    refresh_seconds: int = 60
    refresh_closed: str = "30m"
    refresh_closed_seconds: int = 1800
    providers: tuple[str, ...] = ("yahoo", "stooq")
    notify: tuple[str, ...] = ("missed",)
    database: str | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class YahooSettings:
    base_url: str = "https://query1.finance.yahoo.com"
    cookie_url: str = "https://fc.yahoo.com"


@dataclass(frozen=True)
class StooqSettings:
    base_url: str = "https://stooq.com"


@dataclass(frozen=True)
class FinnhubSettings:
    base_url: str = "https://finnhub.io"
    api_key_env: str = "FINNHUB_API_KEY"


@dataclass(frozen=True)
class SecSettings:
    base_url: str = "https://data.sec.gov"
    tickers_url: str = "https://www.sec.gov/files/company_tickers.json"
    user_agent: str | None = None


@dataclass(frozen=True)
class ProviderSettings:
    yahoo: YahooSettings = field(default_factory=YahooSettings)
    stooq: StooqSettings = field(default_factory=StooqSettings)
    finnhub: FinnhubSettings = field(default_factory=FinnhubSettings)
    sec: SecSettings = field(default_factory=SecSettings)


@dataclass(frozen=True)
class Lot:
    shares: float
    cost: float
    date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class Checkpoint:
    id: str
    title: str
    kind: str
    due: dt.date | None = None
    until: dt.date | None = None
    when: Condition | None = None
    period_end: dt.date | None = None
    source: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Ticker:
    symbol: str
    name: str
    group: str = DEFAULT_GROUP
    thesis: str = ""
    lots: tuple[Lot, ...] = ()
    checkpoints: tuple[Checkpoint, ...] = ()


@dataclass(frozen=True)
class Config:
    settings: Settings = field(default_factory=Settings)
    providers: ProviderSettings = field(default_factory=ProviderSettings)
    tickers: dict[str, Ticker] = field(default_factory=dict)
    path: Path | None = None


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


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
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"'
            out += f".{text}" if out else text
    return out


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_config(path: Path) -> Config:
    """Read and validate a config file; raise ConfigError with located issues."""
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError([ConfigIssue(shown, 1, 1, "", "file not found")]) from None
    except IsADirectoryError:
        raise ConfigError([ConfigIssue(shown, 1, 1, "", "is a directory, not a file")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError([ConfigIssue(shown, 1, 1, "", f"cannot read: {reason}")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(
            [ConfigIssue(shown, line, col, "", "not UTF-8 text (TOML files are UTF-8)")]
        ) from None
    config = parse_config(text, shown)
    return Config(config.settings, config.providers, config.tickers, path)


def parse_config(text: str, filename: str = "catalysts.toml") -> Config:
    """Validate TOML text; raise ConfigError listing every problem with its position."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_syntax_issue(exc, filename)]) from None
    except RecursionError:
        raise ConfigError([ConfigIssue(filename, 1, 1, "", "nesting too deep")]) from None
    return _Validator(filename, lambda: _positions(text)).config(raw)


def _positions(text: str) -> PositionMap:
    """Where every key and value sits in `text`: only needed to locate an error, so it is
    scanned on the first one (half the load time of a valid file otherwise)."""
    try:
        return locate(text)
    except Exception:  # best effort: without positions, errors still carry their key paths
        return PositionMap()


_SYNTAX_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _syntax_issue(exc: tomllib.TOMLDecodeError, filename: str) -> ConfigIssue:
    message = str(exc)
    m = _SYNTAX_POS.match(message)
    if m:
        text = m.group("msg")
        text = text[:1].lower() + text[1:]
        return ConfigIssue(
            filename, int(m.group("line")), int(m.group("col")), "", f"TOML syntax: {text}"
        )
    return ConfigIssue(filename, 1, 1, "", f"TOML syntax: {message}")


# --------------------------------------------------------------------------------------------
# The validator
# --------------------------------------------------------------------------------------------

_SETTINGS_KEYS = ("refresh", "refresh_closed", "providers", "notify", "database", "timezone")
_PROVIDER_KEYS = {
    "yahoo": ("base_url", "cookie_url"),
    "stooq": ("base_url",),
    "finnhub": ("base_url", "api_key_env"),
    "sec": ("base_url", "tickers_url", "user_agent"),
}
TICKER_KEYS = ("name", "group", "thesis", "lots", "checkpoints")
LOT_KEYS = ("shares", "cost", "date", "note")
CHECKPOINT_KEYS = (
    "id",
    "title",
    "kind",
    "due",
    "until",
    "when",
    "period_end",
    "source",
    "notes",
)


class _Validator:
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
            self.error(path, f"must be a table, not {_describe(value)}")
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
    ) -> str | None:
        if key not in table:
            if required:
                self.error(path, f"missing required key {key!r}", at_key=True)
            return None
        value = table[key]
        if not isinstance(value, str):
            self.error(path + (key,), f"must be a string, not {_describe(value)}")
            return None
        if not allow_empty and not value.strip():
            self.error(path + (key,), "must not be empty")
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
        self.error(path + (key,), f"must be a date (YYYY-MM-DD), not {_describe(value)}")
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
            self.error(path + (key,), f"must be a number, not {_describe(value)}")
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
            self.error(path + (key,), f"must be a list of strings, not {_describe(value)}")
            return default
        out: list[str] = []
        for index, item in enumerate(value):
            item_path = path + (key, index)
            if not isinstance(item, str):
                self.error(item_path, f"must be a string, not {_describe(item)}")
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

    # -- sections ------------------------------------------------------------------------------
    def config(self, raw: dict[str, Any]) -> Config:
        root = self.table(raw, (), ("settings", "providers", "tickers")) or {}
        settings = self.settings(root.get("settings", {}))
        providers = self.providers(root.get("providers", {}))
        tickers = self.tickers(root.get("tickers", {}))
        if self.issues:
            raise ConfigError(sorted(self.issues, key=lambda i: (i.line, i.col)))
        return Config(settings=settings, providers=providers, tickers=tickers)

    def settings(self, value: Any) -> Settings:
        path: KeyPath = ("settings",)
        table = self.table(value, path, _SETTINGS_KEYS)
        if table is None:
            return Settings()
        defaults = Settings()
        refresh, refresh_s = self.interval(table, "refresh", path, defaults.refresh)
        closed, closed_s = self.interval(table, "refresh_closed", path, defaults.refresh_closed)
        providers = self.choices(
            table, "providers", path, PROVIDERS, defaults.providers, non_empty=True
        )
        notify = self.choices(
            table, "notify", path, NOTIFY_TRANSITIONS, defaults.notify, non_empty=False
        )
        database = self.string(table, "database", path, allow_empty=False)
        timezone = self.string(table, "timezone", path, allow_empty=False)
        if timezone is not None:
            try:
                zoneinfo.ZoneInfo(timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.error(
                    path + ("timezone",),
                    f"unknown time zone {timezone!r} (use an IANA name such as 'America/New_York')",
                )
                timezone = None
        return Settings(refresh, refresh_s, closed, closed_s, providers, notify, database, timezone)

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
                f'must be a string such as "60s", "5m" or "1h", not {_describe(value)}',
            )
            return fallback
        try:
            seconds = parse_interval(value)
        except ValueError as exc:
            self.error(path + (key,), str(exc))
            return fallback
        return value.strip(), seconds

    def providers(self, value: Any) -> ProviderSettings:
        path: KeyPath = ("providers",)
        table = self.table(value, path, tuple(_PROVIDER_KEYS))
        if table is None:
            return ProviderSettings()
        built: dict[str, Any] = {}
        classes = {
            "yahoo": YahooSettings,
            "stooq": StooqSettings,
            "finnhub": FinnhubSettings,
            "sec": SecSettings,
        }
        for name, cls in classes.items():
            sub_path = path + (name,)
            if name not in table:
                built[name] = cls()
                continue
            allowed = _PROVIDER_KEYS[name]
            sub = table[name]
            if name == "finnhub" and isinstance(sub, dict) and "api_key" in sub:
                self.error(
                    sub_path + ("api_key",),
                    "API keys never go in this file: set "
                    "api_key_env to the name of an environment variable holding the key",
                    at_key=True,
                )
                sub = {k: v for k, v in sub.items() if k != "api_key"}
            sub = self.table(sub, sub_path, allowed)
            if sub is None:
                built[name] = cls()
                continue
            kwargs: dict[str, Any] = {}
            for key in allowed:
                text = self.string(sub, key, sub_path, allow_empty=False)
                if text is None:
                    continue
                if key.endswith("_url") and not _is_http_url(text):
                    self.error(sub_path + (key,), f"{text!r} is not an http(s) URL")
                    continue
                if key == "user_agent" and not _EMAIL_RE.search(text):
                    self.error(
                        sub_path + (key,),
                        'SEC asks for a contact: write "Your Name you@example.com"',
                    )
                    continue
                if key == "api_key_env" and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", text):
                    self.error(sub_path + (key,), f"{text!r} is not an environment variable name")
                    continue
                kwargs[key] = text.rstrip("/") if key.endswith("_url") else text
            built[name] = cls(**kwargs)
        return ProviderSettings(**built)

    def tickers(self, value: Any) -> dict[str, Ticker]:
        path: KeyPath = ("tickers",)
        if not isinstance(value, dict):
            self.error(path, f"must be a table of tickers, not {_describe(value)}")
            return {}
        out: dict[str, Ticker] = {}
        for symbol, body in value.items():
            ticker = self.ticker(symbol, body, path + (symbol,))
            if ticker is not None:
                out[symbol] = ticker
        return out

    def ticker(self, symbol: str, value: Any, path: KeyPath) -> Ticker | None:
        symbol_ok = True
        if not SYMBOL_RE.match(symbol):
            symbol_ok = False
            hint = " (letters, digits and . - = ^, e.g. ALAB, BRK.B, ^GSPC)"
            if SYMBOL_RE.match(symbol.upper()):
                hint = f": symbols are upper case, write {symbol.upper()!r}"
            self.error(path, f"{symbol!r} is not a ticker symbol{hint}", at_key=True)
        table = self.table(value, path, TICKER_KEYS)
        if table is None:
            return None
        name = self.string(table, "name", path, allow_empty=False) or symbol
        group = self.string(table, "group", path, allow_empty=False) or DEFAULT_GROUP
        thesis = self.string(table, "thesis", path) or ""
        lots = tuple(self.array_of_tables(table, "lots", path, self.lot))
        seen: set[str] = set()
        checkpoints = tuple(
            self.array_of_tables(
                table, "checkpoints", path, lambda v, p: self.checkpoint(v, p, seen_ids=seen)
            )
        )
        if not symbol_ok:
            return None
        return Ticker(symbol, name, group.strip(), thesis.strip(), lots, checkpoints)

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
                f"not {_describe(value)}",
            )
            return []
        out = []
        for index, item in enumerate(value):
            built = build(item, path + (key, index))
            if built is not None:
                out.append(built)
        return out

    def lot(self, value: Any, path: KeyPath) -> Lot | None:
        table = self.table(value, path, LOT_KEYS)
        if table is None:
            return None
        shares = self.number(
            table,
            "shares",
            path,
            required=True,
            check=lambda v: None if v > 0 else f"must be more than 0, not {_fmt(v)}",
        )
        cost = self.number(
            table,
            "cost",
            path,
            required=True,
            check=lambda v: None if v >= 0 else f"must not be negative ({_fmt(v)})",
        )
        date = self.date(table, "date", path)
        note = self.string(table, "note", path) or ""
        if shares is None or cost is None:
            return None
        return Lot(shares, cost, date, note)

    def checkpoint(self, value: Any, path: KeyPath, *, seen_ids: set[str]) -> Checkpoint | None:
        table = self.table(value, path, CHECKPOINT_KEYS)
        if table is None:
            return None
        before = len(self.issues)
        cid = self.string(table, "id", path, required=True, allow_empty=False)
        if cid is not None:
            if not CHECKPOINT_ID_RE.match(cid):
                self.error(
                    path + ("id",),
                    f"{cid!r} is not a checkpoint id: use lower-case "
                    "letters, digits, - and _ (e.g. 'gross-margin-floor')",
                )
            elif cid in seen_ids:
                self.error(path + ("id",), f"duplicate checkpoint id {cid!r} in this ticker")
            seen_ids.add(cid)
        title = self.string(table, "title", path, required=True, allow_empty=False)
        kind = self.string(table, "kind", path, required=True, allow_empty=False)
        if kind is not None and kind not in KINDS:
            close = difflib.get_close_matches(kind, KINDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.error(
                path + ("kind",), f"unknown kind {kind!r}{hint}: use milestone, target or guard"
            )
            kind = None
        due = self.date(table, "due", path)
        until = self.date(table, "until", path)
        period_end = self.date(table, "period_end", path)
        source = self.string(table, "source", path) or ""
        notes = self.string(table, "notes", path) or ""
        when = self.condition(table, path)

        if kind == "milestone":
            if "when" in table:
                self.error(
                    path + ("when",),
                    "a milestone is judged by you and has no 'when': "
                    'use kind = "target" or "guard" for a condition',
                    at_key=True,
                )
            if "period_end" in table:
                self.error(
                    path + ("period_end",),
                    "period_end applies to targets and guards with a fundamentals metric",
                    at_key=True,
                )
        if kind in ("milestone", "target") and "due" not in table:
            self.error(path, f"missing required key 'due': a {kind} needs a due date", at_key=True)
        if kind in ("target", "guard") and "when" not in table:
            self.error(
                path,
                f"missing required key 'when': a {kind} needs a condition such as "
                "'gross_margin >= 70%'",
                at_key=True,
            )
        if kind == "guard" and "due" in table:
            self.error(
                path + ("due",),
                "a guard has no due date: use 'until' for its last day",
                at_key=True,
            )
        if kind in ("milestone", "target") and "until" in table:
            self.error(
                path + ("until",), f"'until' is for guards: a {kind} uses 'due'", at_key=True
            )
        if when is not None and period_end is not None and not METRICS[when.metric].pinnable:
            pinnable = ", ".join(m.name for m in METRICS.values() if m.pinnable)
            self.error(
                path + ("period_end",),
                f"period_end pins a fundamentals metric ({pinnable}), not {when.metric}",
                at_key=True,
            )

        if len(self.issues) > before or cid is None or title is None or kind is None:
            return None
        return Checkpoint(cid, title, kind, due, until, when, period_end, source, notes)

    def condition(self, table: dict[str, Any], path: KeyPath) -> Condition | None:
        text = self.string(table, "when", path)
        if text is None:
            return None
        try:
            return parse_condition(text)
        except ConditionError as exc:
            # Point inside the quoted string when it is a plain one-line "..." value.
            self.error(path + ("when",), exc.message, col_offset=1 + exc.offset)
            return None


def parse_interval(text: str) -> int:
    """'60s' / '5m' / '1h' → seconds; ValueError with a message for people."""
    m = INTERVAL_RE.match(text)
    if not m:
        raise ValueError(f'{text!r} is not an interval: write a number and s, m or h, e.g. "60s"')
    seconds = int(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[m.group(2)]
    if seconds < MIN_INTERVAL_SECONDS:
        raise ValueError(
            f"{text!r} is too short: at least {MIN_INTERVAL_SECONDS}s, "
            "to stay within the providers' rate limits"
        )
    return seconds


def _is_http_url(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _describe(value: Any) -> str:
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
        return f"a number ({_fmt(float(value))})"
    if isinstance(value, str):
        return f"a string ({value!r})" if len(value) <= 40 else "a string"
    return type(value).__name__


def _fmt(value: float) -> str:
    return f"{value:g}"
