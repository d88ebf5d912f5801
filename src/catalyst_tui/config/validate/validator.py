"""The checks of catalysts.toml's tables: the root, settings, tickers, their lots and sales (the
providers' in providers.py, the checkpoints' in checkpoints.py, the channels' in channels.py),
each problem located, all of them collected before the ConfigError."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

from ...market.currency import CURRENCY_RE
from ...market.registry import QUOTE_PROVIDERS  # what settings.providers and browser_tls may list
from ...thesis.portfolio.positions import fifo
from ..digest import parse_digest
from ..issues import ConfigError, IssueCode, KeyPath
from ..model import (
    DEFAULT_GROUP,
    DIVIDEND_KEYS,
    GROUP_KEYS,
    LOT_KEYS,
    NOTIFY_TRANSITIONS,
    SELL_KEYS,
    SETTINGS_KEYS,
    TICKER_KEYS,
    Config,
    Group,
    Lot,
    ManualDividend,
    Sell,
    Settings,
    Ticker,
)
from ..reader import fmt_number
from .channels import ChannelChecks
from .checkpoints import CHECKPOINT_ID_RE, CheckpointChecks
from .providers import ProviderChecks

__all__ = ["CHECKPOINT_ID_RE", "SYMBOL_RE", "Validator"]

# \Z, not $: '$' also matches before a final line break, and "ALAB\n" would pass as a second,
# invisible ALAB.
SYMBOL_RE = re.compile(r"^\^?[A-Z0-9][A-Z0-9.\-=]{0,19}\Z")
ISIN_RE = re.compile(r"^[A-Z]{2}[A-Z0-9]{9}[0-9]\Z")
ROOT_KEYS = ("settings", "providers", "tickers", "groups", "notify", "import")
# Lots the arithmetic of positions can carry: a fraction down to a billionth of a share, up to a
# trillion shares, a cost per share up to a billion; beyond them sums overflow to inf or
# products vanish to 0 (a weight or a gain divided by zero).
MIN_SHARES, MAX_SHARES, MAX_COST = 1e-9, 1e12, 1e9


class Validator(ProviderChecks, CheckpointChecks, ChannelChecks):
    """catalysts.toml's tables, checked; `config(raw)` raises ConfigError listing every issue."""

    def config(self, raw: dict[str, Any]) -> Config:
        root = self.table(raw, (), ROOT_KEYS) or {}
        settings = self.settings(root.get("settings", {}))
        self.today = _today(settings.timezone)  # no purchase or sale after it
        providers = self.providers(root.get("providers", {}))
        tickers = self.tickers(root.get("tickers", {}))
        groups = self.groups(root.get("groups", {}))
        channels = self.notify(root.get("notify", {}))
        symbols = self.import_symbols(root.get("import", {}))
        if self.issues:
            raise ConfigError(sorted(self.issues, key=lambda i: (i.line, i.col)))
        return Config(
            settings=settings,
            providers=providers,
            tickers=tickers,
            groups=groups,
            channels=channels,
            import_symbols=symbols,
        )

    def import_symbols(self, value: Any) -> dict[str, str]:
        """`[import.symbols]`: ISIN = "SYMBOL", each a ticker symbol (an ISIN is 12 letters and
        digits: `ISIN_RE`)."""
        table = self.table(value, ("import",), ("symbols",))
        if not table or "symbols" not in table:
            return {}
        path: KeyPath = ("import", "symbols")
        symbols = table["symbols"]
        if not isinstance(symbols, dict):
            self.error(path, 'must be a table of ISIN = "SYMBOL"', code=IssueCode.WRONG_TYPE)
            return {}
        out: dict[str, str] = {}
        for isin in symbols:
            if not ISIN_RE.match(isin):
                message = f"{isin!r} is not an ISIN (two letters and ten letters or digits)"
                self.error(path + (isin,), message, code=IssueCode.BAD_VALUE)
                continue
            symbol = self.symbol_value(symbols, isin, path)
            if symbol is not None:
                out[isin] = symbol
        return out

    def groups(self, value: Any) -> dict[str, Group]:
        return self.named_tables(value, ("groups",), "groups", self.group)

    def group(self, name: str, value: Any, path: KeyPath) -> Group | None:
        table = self.table(value, path, GROUP_KEYS)
        return None if table is None else Group(name, self.symbol_value(table, "benchmark", path))

    def symbol_value(self, table: dict[str, Any], key: str, path: KeyPath) -> str | None:
        """A ticker symbol written as a value (a benchmark), or None with its issue."""
        text = self.string(table, key, path, allow_empty=False, one_line=True)
        if text is not None and not SYMBOL_RE.match(text):
            self.error(
                path + (key,),
                f"{text!r} is not a ticker symbol (e.g. SPY, SOXX, ^GSPC)",
                code=IssueCode.BAD_VALUE,
            )
            return None
        return text

    def settings(self, value: Any) -> Settings:
        path: KeyPath = ("settings",)
        table = self.table(value, path, SETTINGS_KEYS)
        if table is None:
            return Settings()
        defaults = Settings()
        refresh, refresh_s = self.interval(table, "refresh", path, defaults.refresh)
        closed, closed_s = self.interval(table, "refresh_closed", path, defaults.refresh_closed)
        providers = self.choices(
            table, "providers", path, QUOTE_PROVIDERS, defaults.providers, non_empty=True
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
                    code=IssueCode.BAD_VALUE,
                )
                timezone = None
        browser_tls = self.choices(
            table, "browser_tls", path, QUOTE_PROVIDERS, defaults.browser_tls, non_empty=False
        )
        currency = self.string(table, "currency", path, allow_empty=False, one_line=True)
        if currency is not None and not CURRENCY_RE.match(currency):
            hint = f": write {currency.upper()!r}" if CURRENCY_RE.match(currency.upper()) else ""
            self.error(
                path + ("currency",),
                f"{currency!r} is not a currency code (three capital letters: USD, EUR, GBP)"
                + hint,
                code=IssueCode.BAD_VALUE,
            )
            currency = None
        return Settings(
            refresh,
            refresh_s,
            closed,
            closed_s,
            providers,
            notify,
            database,
            timezone,
            currency or defaults.currency,
            browser_tls,
            self.symbol_value(table, "benchmark", path) or defaults.benchmark,
            self.digest(table, path),
            allow_hosts=self.hosts(table, path),
        )

    def digest(self, table: dict[str, Any], path: KeyPath) -> str | None:
        """The digest's schedule as written, or None (none, or not a schedule: said where)."""
        said = self.string(table, "digest", path, allow_empty=False, one_line=True)
        if said is None:
            return None
        try:
            parse_digest(said)
        except ValueError as exc:
            self.error(path + ("digest",), str(exc), code=IssueCode.BAD_VALUE)
            return None
        return said.strip()

    def tickers(self, value: Any) -> dict[str, Ticker]:
        return self.named_tables(value, ("tickers",), "tickers", self.ticker)

    def ticker(self, symbol: str, value: Any, path: KeyPath) -> Ticker | None:
        symbol_ok = True
        if not SYMBOL_RE.match(symbol):
            symbol_ok = False
            hint = " (letters, digits and . - = ^, e.g. ALAB, BRK.B, ^GSPC)"
            if SYMBOL_RE.match(symbol.upper()):
                hint = f": symbols are upper case, write {symbol.upper()!r}"
            message = f"{symbol!r} is not a ticker symbol{hint}"
            self.error(path, message, code=IssueCode.BAD_VALUE, at_key=True)
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
        tax = self.share(table, "dividend_tax", path)
        dividends = tuple(self.array_of_tables(table, "dividends", path, self.dividend))
        feeds = self.feeds(table, path)
        if len(self.issues) == before:  # lots and sales as written: count what is sold
            self.oversold(lots, sells, path)
        if not symbol_ok:
            return None
        return Ticker(
            symbol,
            name,
            group.strip(),
            thesis.strip(),
            lots,
            checkpoints,
            sells,
            dividend_tax=tax,
            dividends=dividends,
            feeds=feeds,
        )

    def share(self, table: dict[str, Any], key: str, path: KeyPath) -> float:
        """A share written as "15%" or 0.15 (0 when absent or wrong, with its issue)."""
        value = table.get(key, 0.0)
        shown = value
        if isinstance(value, str) and value.strip().endswith("%"):
            try:
                value = float(value.strip()[:-1]) / 100
            except ValueError:
                value = None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1:
            self.error(
                path + (key,),
                f'{shown!r} is not a share: write "15%" or 0.15',
                code=IssueCode.BAD_VALUE,
            )
            return 0.0
        return float(value)

    def dividend(self, value: Any, path: KeyPath) -> ManualDividend | None:
        table = self.table(value, path, DIVIDEND_KEYS)
        if table is None:
            return None
        date = self.not_after_today(table, path, "a dividend")
        if date is None and "date" not in table:
            self.missing(path, "date", "a dividend needs the day it was received")
        amount = self.number(table, "amount", path, required=True, check=_cost_problem)
        note = self.string(table, "note", path) or ""
        tax = self.number(table, "tax", path, required=False, check=_cost_problem)
        tax_currency = self.currency_code(table, "tax_currency", path)
        ex_date = self.date(table, "ex_date", path)
        if ex_date is not None and date is not None and ex_date > date:
            self.error(
                path + ("ex_date",),
                f"{ex_date} is after the day it was received ({date}): the ex-date comes first",
                code=IssueCode.BAD_VALUE,
            )
            ex_date = None
        if date is None or amount is None:
            return None
        return ManualDividend(date, amount, note, tax, tax_currency, ex_date)

    def sell(self, value: Any, path: KeyPath) -> Sell | None:
        table = self.table(value, path, SELL_KEYS)
        if table is None:
            return None
        shares, price, date, fees = self.trade(table, path, "price", "a sale")
        if date is None and "date" not in table:
            self.missing(path, "date", "a sale needs its day")
        note = self.string(table, "note", path) or ""
        currency, fees_currency = self.trade_currencies(table, path)
        if shares is None or price is None or date is None:
            return None
        return Sell(shares, price, date, fees, note, currency, fees_currency)

    def currency_code(self, table: dict[str, Any], key: str, path: KeyPath) -> str:
        """A currency code ("EUR"), "" when absent or not one (with its issue)."""
        code = self.string(table, key, path, one_line=True) or ""
        if code and not CURRENCY_RE.match(code):
            self.error(
                path + (key,),
                f"{code!r} is not a currency code (three capital letters: USD, EUR, GBP)",
                code=IssueCode.BAD_VALUE,
            )
            return ""
        return code

    def trade_currencies(self, table: dict[str, Any], path: KeyPath) -> tuple[str, str]:
        """A lot's or a sale's `currency` and `fees_currency`: what its amounts are written in
        when not the listing's unit (an import's trade awaiting the rate of its day)."""
        currency = self.currency_code(table, "currency", path)
        fees_currency = self.currency_code(table, "fees_currency", path)
        return currency, fees_currency

    def trade(
        self, table: dict[str, Any], path: KeyPath, price: str, what: str
    ) -> tuple[float | None, float | None, dt.date | None, float]:
        """What a lot and a sale both say: the shares, the price of one (`price`: a lot's
        `cost`), the day `what` is made (none after today) and the fees (none: 0)."""
        shares = self.number(table, "shares", path, required=True, check=_shares_problem)
        paid = self.number(table, price, path, required=True, check=_cost_problem)
        date = self.not_after_today(table, path, what)
        fees = self.number(table, "fees", path, required=False, check=_cost_problem)
        return shares, paid, date, fees or 0.0

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
            code=IssueCode.OVERSOLD,
        )

    def not_after_today(self, table: dict[str, Any], path: KeyPath, what: str) -> dt.date | None:
        """The `date` of a lot or a sale, refused when it is after today (in the configured
        time zone): one written ahead would count as made now."""
        date = self.date(table, "date", path)
        today = self.today  # set by config() before any lot or sale is read
        if date is not None and date > today:
            self.error(
                path + ("date",),
                f"{date} is after today ({today}): {what} is written once it is made",
                code=IssueCode.BAD_VALUE,
            )
            return None
        return date

    def lot(self, value: Any, path: KeyPath) -> Lot | None:
        table = self.table(value, path, LOT_KEYS)
        if table is None:
            return None
        shares, cost, date, fees = self.trade(table, path, "cost", "a purchase")
        note = self.string(table, "note", path) or ""
        fx = self.number(table, "fx", path, required=False, check=_fx_problem)
        currency, fees_currency = self.trade_currencies(table, path)
        if shares is None or cost is None:
            return None
        return Lot(shares, cost, date, note, fx, fees, currency, fees_currency)


def _today(timezone: str | None) -> dt.date:
    """Today where the user is: in `[settings] timezone`, else this machine's local time."""
    if timezone is None:
        return dt.date.today()
    return dt.datetime.now(zoneinfo.ZoneInfo(timezone)).date()


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
