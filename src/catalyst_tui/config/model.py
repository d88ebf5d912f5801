"""What catalysts.toml may say, as frozen records: the only declaration of its keys and their
defaults (the validator and the forms read the key lists from here). The [providers] tables are
the providers' own settings, each declared once in its module and listed by market/registry.py:
this module holds them, it does not repeat them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ..market.ecb import EcbSettings
from ..market.finnhub import FinnhubSettings
from ..market.registry import DEFAULT_PROVIDERS, SETTINGS
from ..market.sec import SecSettings
from ..market.stooq import StooqSettings
from ..market.yahoo import YahooSettings
from ..thesis.portfolio.flows import ManualDividend
from ..thesis.portfolio.positions import Lot, Sell
from ..thesis.vocabulary import NOTIFY_TRANSITIONS, Status

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from ..market.spec import ProviderSpec
    from ..thesis.conditions import Condition
    from .channels import ChannelSettings

__all__ = [
    "CHECKPOINT_KEYS",
    "DEFAULT_BENCHMARK",
    "DEFAULT_GROUP",
    "DIVIDEND_KEYS",
    "GROUP_KEYS",
    "LOT_KEYS",
    "NOTIFY_TRANSITIONS",
    "PROVIDER_KEYS",
    "SETTINGS_KEYS",
    "TICKER_KEYS",
    "Checkpoint",
    "Config",
    "EcbSettings",
    "FinnhubSettings",
    "Group",
    "ManualDividend",
    "Lot",
    "SELL_KEYS",
    "Sell",
    "ProviderSettings",
    "SecSettings",
    "Settings",
    "StooqSettings",
    "Ticker",
    "YahooSettings",
]

DEFAULT_GROUP = "watchlist"
DEFAULT_BENCHMARK = "SPY"  # the S&P 500 ETF: what a position's returns are held against


class Settings(NamedTuple):
    refresh: str = "60s"
    refresh_seconds: int = 60
    refresh_closed: str = "30m"
    refresh_closed_seconds: int = 1800
    providers: tuple[str, ...] = DEFAULT_PROVIDERS
    notify: tuple[str, ...] = (Status.MISSED.value,)
    database: str | None = None
    timezone: str | None = None
    currency: str = "USD"  # the base currency: totals, P&L and weights are in it
    # Providers asked through a browser's TLS handshake (market/http/browser_tls.py, curl_cffi):
    # Yahoo, which answers Python's own handshake with 429; [] turns it off.
    browser_tls: tuple[str, ...] = ("yahoo",)
    # The symbol whose daily history the returns are held against (a group may name its own).
    benchmark: str = DEFAULT_BENCHMARK
    # When a digest of what changed is sent ("mon 08:00": config/digest.py); None: never.
    digest: str | None = None
    # The hosts and addresses a link a document names may reach though they are loopback,
    # private or link-local (market/http/addresses.py): ["127.0.0.1", "intranet.example"].
    allow_hosts: tuple[str, ...] = ()


S = TypeVar("S")


class ProviderSettings(Mapping[str, object]):
    """The [providers] tables: each provider's settings by table name (market/registry.py
    SETTINGS: `yahoo` is a YahooSettings, and so on), its defaults where the file says nothing.
    `of(spec)` is the one typed door: `providers.of(SEC).user_agent` is a `str | None` to the
    type checker; by name (`providers["sec"]`) a table is only an object."""

    __slots__ = ("_tables",)

    def __init__(self, **tables: object) -> None:
        unknown = sorted(set(tables) - set(SETTINGS))
        if unknown:
            raise TypeError(f"no such provider table: {', '.join(unknown)}")
        self._tables: dict[str, object] = {
            name: tables[name] if name in tables else settings()
            for name, settings in SETTINGS.items()
        }

    def of(self, spec: ProviderSpec[S]) -> S:
        """The settings of `spec`'s table, as its settings class (checked, not cast)."""
        table = self._tables[spec.table_name]
        if not isinstance(table, spec.settings):
            raise TypeError(f"[providers.{spec.table_name}] is not {spec.settings.__name__}")
        return table

    def __getitem__(self, name: str) -> object:
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __hash__(self) -> int:
        return hash(tuple(self._tables.items()))

    def __repr__(self) -> str:
        tables = ", ".join(f"{name}={value!r}" for name, value in self._tables.items())
        return f"ProviderSettings({tables})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_provider_settings, (self._tables,))


def _provider_settings(tables: dict[str, object]) -> ProviderSettings:
    return ProviderSettings(**tables)


class Checkpoint(NamedTuple):
    id: str
    title: str
    kind: str
    due: dt.date | None = None
    until: dt.date | None = None
    when: Condition | None = None
    period_end: dt.date | None = None
    source: str = ""
    notes: str = ""
    evidence: tuple[str, ...] = ()  # entries, each words and "quoted phrases" (thesis/evidence)
    kill: bool = False  # the thesis's kill criterion: missed, the verdict is broken
    # How a milestone past its due date is judged: "" (by its quarter's report) or "at due"
    judged: str = ""
    # The probability you gave it of being met when you wrote it (0 < p < 1; None: not given):
    # what `catalyst calibration` scores (thesis/replay/calibration.py).
    confidence: float | None = None


class Ticker(NamedTuple):
    symbol: str  # the table's name: [tickers.SYMBOL]
    name: str
    group: str = DEFAULT_GROUP
    thesis: str = ""
    lots: tuple[Lot, ...] = ()
    checkpoints: tuple[Checkpoint, ...] = ()
    sells: tuple[Sell, ...] = ()
    dividend_tax: float = 0.0  # the share of its dividends withheld (0.15 for "15%")
    dividends: tuple[ManualDividend, ...] = ()  # received, as written: what the provider lacks
    # Its company's news feeds (RSS 2.0 or Atom), http(s) URLs: matched like filings (jobs/feeds)
    feeds: tuple[str, ...] = ()


class Group(NamedTuple):
    """A [groups.NAME] table: what a group of tickers says of itself."""

    name: str
    benchmark: str | None = None  # its returns against this symbol instead of the settings'


@dataclass(frozen=True)
class Config:
    """A catalysts.toml as read and checked: its settings, providers, tickers and groups."""

    settings: Settings = Settings()
    providers: ProviderSettings = ProviderSettings()
    tickers: dict[str, Ticker] = field(default_factory=dict)
    path: Path | None = None
    groups: dict[str, Group] = field(default_factory=dict)

    def benchmark(self, group: str) -> str:
        """The symbol `group`'s returns are held against: its own, else the settings'."""
        found = self.groups.get(group)
        return found.benchmark if found and found.benchmark else self.settings.benchmark

    # What this config was read from, as a digest of the file's bytes and the code that judged
    # them (config/cache.py); "" when it was built otherwise. The store's sync skips a config
    # it synced last (store/sync.py). Not part of what the config says: not compared.
    digest: str = field(default="", compare=False)
    # [notify.channels.NAME]: channels beyond the desktop, by name (config/channels.py).
    channels: dict[str, ChannelSettings] = field(default_factory=dict)
    # [import.symbols]: the symbol of each ISIN a broker's export names (`catalyst import`).
    import_symbols: dict[str, str] = field(default_factory=dict)


def _keys(cls: type[tuple[Any, ...]], *, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(name for name in cls._fields if name not in leave_out)  # type: ignore[attr-defined]


# The keys each table may have, in the order a form shows them.
SETTINGS_KEYS = _keys(Settings, leave_out=("refresh_seconds", "refresh_closed_seconds"))
PROVIDER_KEYS: dict[str, tuple[str, ...]] = {
    name: _keys(settings) for name, settings in SETTINGS.items()
}
TICKER_KEYS = _keys(Ticker, leave_out=("symbol",))
LOT_KEYS = _keys(Lot)
SELL_KEYS = _keys(Sell)
CHECKPOINT_KEYS = _keys(Checkpoint)
DIVIDEND_KEYS = _keys(ManualDividend)
GROUP_KEYS = _keys(Group, leave_out=("name",))
