"""The checks of every table of catalysts.toml: settings, providers, tickers, lots, checkpoints and
their `when` conditions, each problem located, all of them collected before the ConfigError."""

from __future__ import annotations

import difflib
import math
import re
import zoneinfo
from typing import Any
from urllib.parse import urlsplit

from ..market.fx import CURRENCY_RE
from ..thesis.conditions import METRICS, Condition, ConditionError, parse_condition
from ..thesis.evidence import EntryError, parse_entry
from ..thesis.positions import fifo
from ..thesis.vocabulary import Kind
from .model import (
    CHECKPOINT_KEYS,
    DEFAULT_GROUP,
    KINDS,
    LOT_KEYS,
    NOTIFY_TRANSITIONS,
    PROVIDER_KEYS,
    PROVIDERS,
    SELL_KEYS,
    SETTINGS_KEYS,
    TICKER_KEYS,
    Checkpoint,
    Config,
    EcbSettings,
    FinnhubSettings,
    Lot,
    ProviderSettings,
    SecSettings,
    Sell,
    Settings,
    StooqSettings,
    Ticker,
    YahooSettings,
)
from .reader import ConfigError, KeyPath, LocatedReader, describe, fmt_number

# \Z, not $: '$' also matches before a final line break, and "ALAB\n" would pass as a second,
# invisible ALAB.
SYMBOL_RE = re.compile(r"^\^?[A-Z0-9][A-Z0-9.\-=]{0,19}\Z")
CHECKPOINT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}\Z")
# Lots the arithmetic of positions can carry: a fraction down to a billionth of a share, up to a
# trillion shares, a cost per share up to a billion; beyond them sums overflow to inf or
# products vanish to 0 (a weight or a gain divided by zero).
MIN_SHARES, MAX_SHARES, MAX_COST = 1e-9, 1e12, 1e9
MAX_EVIDENCE_ENTRIES = 20
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class Validator(LocatedReader):
    """catalysts.toml's tables, checked; `config(raw)` raises ConfigError listing every issue."""

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
        table = self.table(value, path, SETTINGS_KEYS)
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
        database = self.string(table, "database", path, allow_empty=False, one_line=True)
        timezone = self.string(table, "timezone", path, allow_empty=False, one_line=True)
        if timezone is not None:
            try:
                zoneinfo.ZoneInfo(timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.error(
                    path + ("timezone",),
                    f"unknown time zone {timezone!r} (use an IANA name such as 'America/New_York')",
                )
                timezone = None
        browser_tls = self.choices(
            table, "browser_tls", path, PROVIDERS, defaults.browser_tls, non_empty=False
        )
        currency = self.string(table, "currency", path, allow_empty=False, one_line=True)
        if currency is not None and not CURRENCY_RE.match(currency):
            hint = f": write {currency.upper()!r}" if CURRENCY_RE.match(currency.upper()) else ""
            self.error(
                path + ("currency",),
                f"{currency!r} is not a currency code (three capital letters: USD, EUR, GBP)"
                + hint,
            )
            currency = None
        return Settings(
            refresh, refresh_s, closed, closed_s, providers, notify, database, timezone,
            currency or defaults.currency, browser_tls,
        )  # fmt: skip

    def providers(self, value: Any) -> ProviderSettings:
        path: KeyPath = ("providers",)
        table = self.table(value, path, tuple(PROVIDER_KEYS))
        if table is None:
            return ProviderSettings()
        built: dict[str, Any] = {}
        classes = {
            "yahoo": YahooSettings,
            "stooq": StooqSettings,
            "finnhub": FinnhubSettings,
            "sec": SecSettings,
            "ecb": EcbSettings,
        }
        for name, cls in classes.items():
            sub_path = path + (name,)
            if name not in table:
                built[name] = cls()
                continue
            allowed = PROVIDER_KEYS[name]
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
                text = self.string(sub, key, sub_path, allow_empty=False, one_line=True)
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
            self.error(path, f"must be a table of tickers, not {describe(value)}")
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
        before = len(self.issues)
        lots = tuple(self.array_of_tables(table, "lots", path, self.lot))
        seen: set[str] = set()
        checkpoints = tuple(
            self.array_of_tables(
                table, "checkpoints", path, lambda v, p: self.checkpoint(v, p, seen_ids=seen)
            )
        )
        sells = tuple(self.array_of_tables(table, "sells", path, self.sell))
        if len(self.issues) == before:  # lots and sales as written: count what is sold
            self.oversold(lots, sells, path)
        if not symbol_ok:
            return None
        return Ticker(symbol, name, group.strip(), thesis.strip(), lots, checkpoints, sells)

    def sell(self, value: Any, path: KeyPath) -> Sell | None:
        table = self.table(value, path, SELL_KEYS)
        if table is None:
            return None
        shares = self.number(table, "shares", path, required=True, check=_shares_problem)
        price = self.number(table, "price", path, required=True, check=_cost_problem)
        date = self.date(table, "date", path)
        if date is None and "date" not in table:
            self.error(path, "missing required key 'date': a sale needs its day", at_key=True)
        fees = self.number(table, "fees", path, required=False, check=_cost_problem)
        note = self.string(table, "note", path) or ""
        if shares is None or price is None or date is None:
            return None
        return Sell(shares, price, date, fees or 0.0, note)

    def oversold(self, lots: tuple[Lot, ...], sells: tuple[Sell, ...], path: KeyPath) -> None:
        """The first sale of more shares than the lots bought by its day still hold (first-in
        first-out, shares as written: thesis.positions.fifo) is located at its `shares`."""
        sales = fifo(lots, sells).sales  # in date order, a stable sort of the file's
        first = next((k for k, sale in enumerate(sales) if sale.short > 1e-9), None)
        if first is None:
            return
        sale = sales[first]
        index = sorted(range(len(sells)), key=lambda i: sells[i].date)[first]
        self.error(
            path + ("sells", index, "shares"),
            f"sells {fmt_number(sale.sell.shares)} shares on {sale.sell.date}, but only "
            f"{fmt_number(sale.sell.shares - sale.short)} are held then (the lots bought by that "
            "day, less the earlier sales)",
        )

    def lot(self, value: Any, path: KeyPath) -> Lot | None:
        table = self.table(value, path, LOT_KEYS)
        if table is None:
            return None
        shares = self.number(
            table,
            "shares",
            path,
            required=True,
            check=_shares_problem,
        )
        cost = self.number(
            table,
            "cost",
            path,
            required=True,
            check=_cost_problem,
        )
        date = self.date(table, "date", path)
        note = self.string(table, "note", path) or ""
        fx = self.number(table, "fx", path, required=False, check=_fx_problem)
        if shares is None or cost is None:
            return None
        return Lot(shares, cost, date, note, fx)

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
        evidence = self.evidence(table, path)

        if kind == Kind.MILESTONE:
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
        if kind in (Kind.MILESTONE, Kind.TARGET) and "due" not in table:
            self.error(path, f"missing required key 'due': a {kind} needs a due date", at_key=True)
        if kind in (Kind.TARGET, Kind.GUARD) and "when" not in table:
            self.error(
                path,
                f"missing required key 'when': a {kind} needs a condition such as "
                "'gross_margin >= 70%'",
                at_key=True,
            )
        if kind == Kind.GUARD and "due" in table:
            self.error(
                path + ("due",),
                "a guard has no due date: use 'until' for its last day",
                at_key=True,
            )
        if kind in (Kind.MILESTONE, Kind.TARGET) and "until" in table:
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
        return Checkpoint(cid, title, kind, due, until, when, period_end, source, notes, evidence)

    def evidence(self, table: dict[str, Any], path: KeyPath) -> tuple[str, ...]:
        """`evidence`: a list of entries, each words and "quoted phrases" (thesis/evidence)."""
        if "evidence" not in table:
            return ()
        value = table["evidence"]
        if not isinstance(value, list):
            self.error(path + ("evidence",), f"must be a list of strings, not {describe(value)}")
            return ()
        if len(value) > MAX_EVIDENCE_ENTRIES:
            self.error(
                path + ("evidence",),
                f"{len(value)} entries: at most {MAX_EVIDENCE_ENTRIES} per checkpoint",
            )
            return ()
        entries: list[str] = []
        for index, item in enumerate(value):
            item_path = path + ("evidence", index)
            if not isinstance(item, str):
                self.error(item_path, f"must be a string, not {describe(item)}")
                continue
            try:
                entry = parse_entry(item)
            except EntryError as exc:
                self.error(item_path, exc.message, col_offset=1 + exc.offset)
                continue
            if entry.text in entries:
                self.error(item_path, f"{item!r} is listed twice")
                continue
            entries.append(entry.text)
        return tuple(entries)

    def condition(self, table: dict[str, Any], path: KeyPath) -> Condition | None:
        text = self.string(table, "when", path)
        if text is None:
            return None
        try:
            condition = parse_condition(text)
        except ConditionError as exc:
            # Point inside the quoted string when it is a plain one-line "..." value.
            self.error(path + ("when",), exc.message, col_offset=1 + exc.offset)
            return None
        if not math.isfinite(condition.threshold):  # '1e400' is a float: inf
            number = condition.threshold_text
            self.error(
                path + ("when",),
                f"{number!r} is too large a number to compare with",
                col_offset=1 + max(0, text.rfind(number)),
            )
            return None
        return condition


def _shares_problem(value: float) -> str | None:
    if value <= 0:
        return f"must be more than 0, not {fmt_number(value)}"
    if not MIN_SHARES <= value <= MAX_SHARES:
        return (
            f"{fmt_number(value)} shares can't be counted: write between 0.000000001 "
            "(a billionth of a share) and 1000000000000 (a trillion)"
        )
    return None


def _cost_problem(value: float) -> str | None:
    if value < 0:
        return f"must not be negative ({fmt_number(value)})"
    if value > MAX_COST:
        return f"{fmt_number(value)} per share can't be counted: at most 1000000000 (a billion)"
    return None


def _fx_problem(value: float) -> str | None:
    if not 0 < value <= MAX_COST:
        return (
            f"must be the rate paid, base currency per unit of the listing's (e.g. 1.27), "
            f"not {fmt_number(value)}"
        )
    return None


def _is_http_url(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
