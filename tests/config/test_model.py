"""The config's model of the [providers] tables: each provider's own settings, as the registry
lists them (config/model.py ProviderSettings, market/registry.py)."""

from __future__ import annotations

import pickle

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.config.model import (
    PROVIDER_KEYS,
    Config,
    EcbSettings,
    FinnhubSettings,
    ProviderSettings,
    SecSettings,
    Settings,
    StooqSettings,
    YahooSettings,
)
from catalyst_tui.market.registry import (
    BY_NAME,
    FINNHUB,
    QUOTE_PROVIDERS,
    SEC,
    SETTINGS,
    STOOQ,
    YAHOO,
)


def test_every_provider_table_is_a_providers_own_settings_with_its_defaults():
    providers = ProviderSettings()
    assert list(providers) == list(SETTINGS) == list(PROVIDER_KEYS)
    assert providers.of(YAHOO) == YahooSettings() and providers.of(STOOQ) == StooqSettings()
    assert providers.of(FINNHUB) == FinnhubSettings() and providers.of(SEC) == SecSettings()
    assert providers["ecb"] == EcbSettings()
    assert PROVIDER_KEYS["sec"] == ("base_url", "tickers_url", "user_agent", "archives_url")


def test_the_default_urls_are_the_providers_own():
    assert Config().providers.of(YAHOO).base_url == "https://query1.finance.yahoo.com"
    assert (
        Config().providers.of(SEC).tickers_url == "https://www.sec.gov/files/company_tickers.json"
    )


def test_a_table_the_file_sets_replaces_only_that_providers_defaults():
    config = parse_config('[providers.sec]\nuser_agent = "Me me@example.com"\n')
    assert config.providers.of(SEC).user_agent == "Me me@example.com"
    assert config.providers.of(SEC).base_url == SecSettings().base_url
    assert config.providers.of(YAHOO) == YahooSettings()
    assert config.providers != ProviderSettings()


def test_the_news_feed_shares_yahoos_table():
    providers = ProviderSettings(yahoo=YahooSettings(rss_url="https://feeds.example"))
    assert providers.of(BY_NAME["news"]).rss_url == "https://feeds.example"


def test_no_table_beyond_the_registrys():
    with pytest.raises(TypeError, match="news"):
        ProviderSettings(news=YahooSettings())
    with pytest.raises(AttributeError):
        _ = ProviderSettings().nowhere  # type: ignore[attr-defined]


def test_a_table_is_read_through_its_spec_the_one_typed_door():
    """No `providers.sec`: an attribute would be Any to the type checker, where `of(SEC)` is a
    SecSettings (mypy checks `.user_agent` on it)."""
    providers = ProviderSettings(sec=SecSettings(user_agent="Me me@example.com"))
    assert providers.of(SEC).user_agent == "Me me@example.com"
    with pytest.raises(AttributeError):
        _ = providers.sec  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match=r"\[providers.sec\] is not SecSettings"):
        ProviderSettings(sec=YahooSettings()).of(SEC)  # checked, not cast


def test_the_tables_survive_a_pickle_as_the_cache_and_the_child_process_keep_them():
    providers = ProviderSettings(stooq=StooqSettings("https://stooq.example"))
    again = pickle.loads(pickle.dumps(providers))
    assert again == providers and again.of(STOOQ).base_url == "https://stooq.example"
    assert hash(again) == hash(providers)


def test_settings_providers_offers_the_quote_providers():
    assert QUOTE_PROVIDERS == ("yahoo", "stooq", "finnhub", "nasdaq")
    assert Settings().providers == ("yahoo", "stooq")
