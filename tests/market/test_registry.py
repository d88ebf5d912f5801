"""The provider registry: every provider listed once, what the config and the client read from the
specs, and the sources one refresh builds from them (market/registry.py, market/spec.py)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Mapping

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.market.ecb import EcbRates
from catalyst_tui.market.finnhub import FinnhubEarnings, FinnhubProvider, FinnhubSettings
from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.http.limits import REQUEST_BOUNDS, MiB
from catalyst_tui.market.models import FetchError, FetchKind, YahooSession
from catalyst_tui.market.news import YahooHeadlines
from catalyst_tui.market.registry import (
    BY_NAME,
    DEFAULT_PROVIDERS,
    PROVIDER_BOUNDS,
    PROVIDERS,
    QUOTE_PROVIDERS,
    RATE_LIMITS,
    SETTINGS,
    browser_origins,
    build_sources,
)
from catalyst_tui.market.sec.client import SecEdgar
from catalyst_tui.market.spec import BuildContext, Built, ProviderSpec
from catalyst_tui.market.stooq import StooqProvider
from catalyst_tui.market.yahoo.earnings import YahooEarnings
from catalyst_tui.market.yahoo.fx import YahooFx
from catalyst_tui.market.yahoo.intraday import YahooIntraday
from catalyst_tui.market.yahoo.provider import YahooProvider

KEY_ENV = "FINNHUB_TEST_KEY"
CONTACT = "Tests tests@example.com"


def tables(text: str = "") -> Mapping[str, object]:
    return parse_config(text).providers


def test_every_provider_is_listed_once_with_a_table_of_settings():
    names = [spec.name for spec in PROVIDERS]
    assert len(names) == len(set(names)) == len(BY_NAME)
    assert list(SETTINGS) == ["yahoo", "stooq", "finnhub", "sec", "ecb", "nasdaq", "feeds"]
    for spec in PROVIDERS:
        assert SETTINGS[spec.table_name] is spec.settings
        assert spec.serves, spec.name


def test_the_quote_providers_are_those_serving_quotes_in_registry_order():
    assert QUOTE_PROVIDERS == ("yahoo", "stooq", "finnhub", "nasdaq")
    assert DEFAULT_PROVIDERS == ("yahoo", "stooq")
    assert parse_config("").settings.providers == DEFAULT_PROVIDERS


def test_the_news_feed_is_read_from_yahoos_table():
    assert BY_NAME["news"].table_name == "yahoo"
    sources = build_sources(tables(), BuildContext())
    assert isinstance(sources.news, YahooHeadlines)
    assert sources.news.base_url == "https://feeds.finance.yahoo.com"


def test_the_tickers_feeds_are_read_by_the_feed_source_the_registry_builds():
    from catalyst_tui.market.feed_reader import FeedReader

    assert isinstance(build_sources(tables(), BuildContext()).feeds, FeedReader)
    assert BY_NAME["feeds"].serves == {FetchKind.FEEDS}


def test_a_feed_on_secs_hosts_carries_secs_contact_and_no_other_does():
    """EDGAR's company feed answers 403 to a request without the declared contact: a ticker's
    feed on sec.gov (or on the archives' host) is asked with providers.sec.user_agent."""
    from catalyst_tui.market.feed_reader import FeedReader

    edgar = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001736297&output=atom"
    unkeyed = build_sources(tables(), BuildContext()).feeds
    assert isinstance(unkeyed, FeedReader) and unkeyed.headers(edgar) is None

    async def asked_unkeyed() -> None:  # no request made: EDGAR would answer 403
        async with MarketClient(trust_env=False) as client:
            assert await unkeyed.items(client, edgar, "ALAB") == []  # the refresh says why
            await unkeyed.page(client, edgar, "ALAB")  # a page the user asks for: said

    with pytest.raises(FetchError, match="set providers.sec.user_agent"):
        asyncio.run(asked_unkeyed())
    config = parse_config(
        f'[providers.sec]\nuser_agent = "{CONTACT}"\narchives_url = "https://archive.example/"\n'
    )
    feeds = build_sources(config.providers, BuildContext()).feeds
    assert isinstance(feeds, FeedReader)
    assert feeds.headers(edgar) == {"User-Agent": CONTACT}
    assert feeds.headers("https://archive.example/feed.xml") == {"User-Agent": CONTACT}
    assert feeds.headers("https://ir.asteralabs.com/rss/news-releases.xml") is None
    assert feeds.headers("https://notsec.gov.example.com/rss") is None


def test_the_clients_limits_come_from_the_specs():
    assert RATE_LIMITS == {"finnhub": 1.0, "sec": 10.0, "nasdaq": 2.0, "feeds": 4.0}
    client = MarketClient(trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS)
    assert client.rate_limit("sec") == 10.0 and client.rate_limit("finnhub") == 1.0
    assert client.rate_limit("yahoo") is None
    assert client.bounds("sec") == (90.0, 128 * MiB)
    assert client.bounds("yahoo") == client.bounds("news") == REQUEST_BOUNDS
    assert client.bounds("feeds") == (20.0, 8 * MiB)  # a link to a gigabyte stops at 8 MiB


def test_a_client_without_the_specs_knows_no_provider():
    client = MarketClient(trust_env=False)
    assert client.rate_limit("sec") is None
    assert client.bounds("sec") == REQUEST_BOUNDS


def test_quote_providers_come_in_the_order_settings_providers_lists_them():
    config = parse_config('[settings]\nproviders = ["stooq", "finnhub", "yahoo"]\n')
    context = BuildContext(config.settings.providers, {"FINNHUB_API_KEY": "k"})
    sources = build_sources(config.providers, context)
    assert [type(p) for p in sources.quotes] == [StooqProvider, FinnhubProvider, YahooProvider]
    assert sources.notes == ()


def test_finnhub_without_its_key_is_left_out_with_a_note():
    config = parse_config(
        '[settings]\nproviders = ["yahoo", "finnhub"]\n'
        f'[providers.finnhub]\napi_key_env = "{KEY_ENV}"\n'
    )
    sources = build_sources(config.providers, BuildContext(config.settings.providers, {}))
    assert [p.name for p in sources.quotes] == ["yahoo"]
    assert [type(s) for s in sources.earnings] == [YahooEarnings]
    assert sources.notes == (
        f"finnhub: skipped, ${KEY_ENV} is not set (get a free key at finnhub.io and export it)",
    )


def test_finnhubs_calendar_is_asked_before_yahoos():
    config = parse_config('[settings]\nproviders = ["yahoo", "stooq", "finnhub"]\n')
    context = BuildContext(config.settings.providers, {"FINNHUB_API_KEY": "k"})
    sources = build_sources(config.providers, context)
    assert [type(s) for s in sources.earnings] == [FinnhubEarnings, YahooEarnings]


def test_yahoo_gives_earnings_dates_even_when_not_chosen_for_quotes():
    config = parse_config('[settings]\nproviders = ["stooq"]\n')
    sources = build_sources(config.providers, BuildContext(config.settings.providers))
    assert [p.name for p in sources.quotes] == ["stooq"]
    assert [type(s) for s in sources.earnings] == [YahooEarnings]
    assert [type(s) for s in sources.fx] == [EcbRates]  # Yahoo's charts only when chosen


def test_intraday_charts_are_yahoos_whichever_quote_providers_are_chosen():
    """The jobs ask the registry's intraday source (jobs/intraday.py), never Yahoo by name."""
    config = parse_config(
        '[settings]\nproviders = ["stooq"]\n[providers.yahoo]\n'
        'base_url = "https://charts.example/"\n'
    )
    sources = build_sources(config.providers, BuildContext(config.settings.providers))
    assert isinstance(sources.intraday, YahooIntraday)
    assert sources.intraday.name == "yahoo"
    assert sources.intraday.base_url == "https://charts.example"


def test_fx_rates_come_from_yahoo_then_the_ecb():
    sources = build_sources(tables(), BuildContext(DEFAULT_PROVIDERS))
    assert [type(s) for s in sources.fx] == [YahooFx, EcbRates]
    assert [s.every is None for s in sources.fx] == [True, False]


def test_sec_is_asked_only_with_a_contact():
    assert build_sources(tables(), BuildContext()).fundamentals is None
    config = parse_config(
        f'[providers.sec]\nuser_agent = "{CONTACT}"\narchives_url = "https://archive.example/"\n'
    )
    sources = build_sources(config.providers, BuildContext())
    assert isinstance(sources.fundamentals, SecEdgar)
    assert sources.filings is sources.fundamentals
    assert sources.filings.archives_url == "https://archive.example"


def test_yahoos_quotes_and_calendar_share_the_session_kept_for_every_process():
    class Keeper:
        def __init__(self) -> None:
            self.asked: list[str] = []

        def session(self, provider: str) -> YahooSession | None:
            self.asked.append(provider)
            return None

        def save_session(self, provider: str, session: YahooSession) -> None:
            raise AssertionError("nothing fetched here")

    keeper = Keeper()
    sources = build_sources(tables(), BuildContext(DEFAULT_PROVIDERS, sessions=keeper))
    yahoo, earnings = sources.quotes[0], sources.earnings[0]
    assert isinstance(yahoo, YahooProvider) and isinstance(earnings, YahooEarnings)
    assert yahoo.crumb is earnings.crumb
    assert yahoo.crumb is not None and yahoo.crumb._load() is None
    assert keeper.asked == ["yahoo"]


def test_browser_tls_names_the_origins_of_those_providers_requests():
    config = parse_config(
        '[settings]\nbrowser_tls = ["yahoo", "stooq"]\n'
        '[providers.yahoo]\nbase_url = "https://q.example:8443/v"\ncookie_url = "http://c.example/x"\n'
        '[providers.stooq]\nbase_url = "https://q.example:8443"\n'
    )
    assert browser_origins(config.providers, config.settings.browser_tls) == (
        "https://q.example:8443",
        "http://c.example",
    )
    assert browser_origins(config.providers, ()) == ()


def test_a_spec_refuses_the_settings_of_another_table():
    with pytest.raises(TypeError, match="FinnhubSettings"):
        BY_NAME["finnhub"].make(tables()["yahoo"], BuildContext())


def test_a_new_provider_is_one_spec():
    """What a provider declares is all the registry needs: a spec built from its settings."""

    def build(settings: FinnhubSettings, context: BuildContext) -> Built:
        return Built(quotes=FinnhubProvider("k", settings.base_url))

    spec = ProviderSpec(
        "other",
        FinnhubSettings,
        frozenset({FetchKind.QUOTES}),
        build,
        rate_limit=2.0,
        table="finnhub",
    )
    built = spec.make(tables()["finnhub"], BuildContext())
    assert isinstance(built.quotes, FinnhubProvider) and spec.bounds == REQUEST_BOUNDS


def test_reading_the_registry_loads_neither_the_http_stack_nor_asyncio():
    """The config's model reads the providers' settings at start-up: their modules stay light
    (a builder imports its sources when a refresh calls it)."""
    code = (
        "import sys, catalyst_tui.market.registry, catalyst_tui.config.model\n"
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('httpx', 'asyncio')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_only_secs_rate_limit_is_kept_per_machine() -> None:
    """EDGAR counts a machine's requests: every catalyst process shares SEC's pacing file."""
    from catalyst_tui.market.registry import PACED_PER_MACHINE

    assert PACED_PER_MACHINE == ("sec",)


def test_no_job_may_import_any_providers_module():
    """The import contract that keeps the jobs to the registry names every provider's module
    (its package where it has one): a provider added to PROVIDERS fails here until it is."""
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    contracts = tomllib.loads(pyproject.read_text())["tool"]["importlinter"]["contracts"]
    (jobs,) = [c for c in contracts if c.get("source_modules") == ["catalyst_tui.jobs"]]
    for spec in PROVIDERS:
        module = spec.build.__module__
        assert any(module == f or module.startswith(f + ".") for f in jobs["forbidden_modules"]), (
            f"{spec.name}: {module} is not in the jobs' forbidden modules (pyproject.toml)"
        )
