"""What catalysts.toml may say, as frozen dataclasses: the only declaration of its keys and their
defaults (the validator and the forms read the key lists from here), default provider URLs
included."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..thesis.conditions import Condition
from ..thesis.positions import Lot, Sell
from ..thesis.vocabulary import KINDS, NOTIFY_TRANSITIONS, Status

__all__ = [
    "CHECKPOINT_KEYS",
    "DEFAULT_GROUP",
    "KINDS",
    "LOT_KEYS",
    "NOTIFY_TRANSITIONS",
    "PROVIDERS",
    "PROVIDER_KEYS",
    "SETTINGS_KEYS",
    "TICKER_KEYS",
    "Checkpoint",
    "Config",
    "EcbSettings",
    "FinnhubSettings",
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

PROVIDERS = ("yahoo", "stooq", "finnhub")
DEFAULT_GROUP = "watchlist"


class Settings(NamedTuple):
    refresh: str = "60s"
    refresh_seconds: int = 60
    refresh_closed: str = "30m"
    refresh_closed_seconds: int = 1800
    providers: tuple[str, ...] = ("yahoo", "stooq")
    notify: tuple[str, ...] = (Status.MISSED.value,)
    database: str | None = None
    timezone: str | None = None
    currency: str = "USD"  # the base currency: totals, P&L and weights are in it
    # Providers asked through a browser's TLS handshake (market/http/browser_tls.py, curl_cffi).
    browser_tls: tuple[str, ...] = ()


class YahooSettings(NamedTuple):
    base_url: str = "https://query1.finance.yahoo.com"
    cookie_url: str = "https://fc.yahoo.com"
    rss_url: str = "https://feeds.finance.yahoo.com"  # headlines, keyless (evidence)


class StooqSettings(NamedTuple):
    base_url: str = "https://stooq.com"


class FinnhubSettings(NamedTuple):
    base_url: str = "https://finnhub.io"
    api_key_env: str = "FINNHUB_API_KEY"


class SecSettings(NamedTuple):
    base_url: str = "https://data.sec.gov"
    tickers_url: str = "https://www.sec.gov/files/company_tickers.json"
    user_agent: str | None = None
    archives_url: str = "https://www.sec.gov"  # filing indexes and documents (evidence)


class EcbSettings(NamedTuple):
    """The ECB's daily reference rates: the keyless fallback for FX rates Yahoo has no answer
    for."""

    daily_url: str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"


class ProviderSettings(NamedTuple):
    yahoo: YahooSettings = YahooSettings()
    stooq: StooqSettings = StooqSettings()
    finnhub: FinnhubSettings = FinnhubSettings()
    sec: SecSettings = SecSettings()
    ecb: EcbSettings = EcbSettings()


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


class Ticker(NamedTuple):
    symbol: str  # the table's name: [tickers.SYMBOL]
    name: str
    group: str = DEFAULT_GROUP
    thesis: str = ""
    lots: tuple[Lot, ...] = ()
    checkpoints: tuple[Checkpoint, ...] = ()
    sells: tuple[Sell, ...] = ()


@dataclass(frozen=True)
class Config:
    settings: Settings = Settings()
    providers: ProviderSettings = ProviderSettings()
    tickers: dict[str, Ticker] = field(default_factory=dict)
    path: Path | None = None


def _keys(cls: type[tuple], *, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(name for name in cls._fields if name not in leave_out)  # type: ignore[attr-defined]


# The keys each table may have, in the order a form shows them.
SETTINGS_KEYS = _keys(Settings, leave_out=("refresh_seconds", "refresh_closed_seconds"))
PROVIDER_KEYS: dict[str, tuple[str, ...]] = {
    name: _keys(type(default)) for name, default in ProviderSettings._field_defaults.items()
}
TICKER_KEYS = _keys(Ticker, leave_out=("symbol",))
LOT_KEYS = _keys(Lot)
SELL_KEYS = _keys(Sell)
CHECKPOINT_KEYS = _keys(Checkpoint)
