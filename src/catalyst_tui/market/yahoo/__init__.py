"""Yahoo Finance as the registry knows it: its settings and its spec. Its sources are this
package's modules: the v7 quote batch (quote.py) with the cookie and crumb (session.py), the v8
chart for history and quotes without a crumb (provider.py), a pair's chart for FX rates (fx.py),
the v10 earnings calendar (earnings.py) and the Street's consensus from the same endpoint
(estimates.py). Its headline feed (market/news.py) is a provider of
its own, "news", whose URL is in Yahoo's table.
"""

from __future__ import annotations

from typing import NamedTuple

from ..models import FetchKind
from ..spec import BuildContext, Built, ProviderSpec

NAME = "yahoo"


class YahooSettings(NamedTuple):
    """[providers.yahoo]: keyless; a browser User-Agent is all it asks (the client's)."""

    base_url: str = "https://query1.finance.yahoo.com"  # quotes, charts, crumb, calendars
    cookie_url: str = "https://fc.yahoo.com"  # sets the A3 cookie the crumb goes with
    rss_url: str = "https://feeds.finance.yahoo.com"  # headlines (market/news.py's spec)


def build(settings: YahooSettings, context: BuildContext) -> Built:
    """Earnings dates and intraday charts whichever quote providers are chosen; quotes and FX
    rates when Yahoo is one. The quotes and the calendar share one cookie and crumb, kept in
    `context.sessions`."""
    # The sources load the HTTP stack: imported when a refresh builds them, not at start-up.
    from .earnings import YahooEarnings
    from .estimates import YahooEstimates
    from .fx import YahooFx
    from .intraday import YahooIntraday
    from .provider import YahooProvider
    from .session import YahooCrumb

    keeper = context.sessions
    crumb = YahooCrumb(
        settings.base_url,
        settings.cookie_url,
        load=None if keeper is None else lambda: keeper.session(NAME),
        save=None if keeper is None else lambda session: keeper.save_session(NAME, session),
    )
    earnings = YahooEarnings(settings.base_url, settings.cookie_url, crumb)
    intraday = YahooIntraday(settings.base_url)
    estimates = YahooEstimates(settings.base_url, crumb)
    if NAME not in context.selected:
        return Built(earnings=earnings, intraday=intraday, estimates=estimates)
    return Built(
        estimates=estimates,
        quotes=YahooProvider(settings.base_url, crumb=crumb),
        earnings=earnings,
        fx=YahooFx(settings.base_url, now=context.now),
        intraday=intraday,
    )


def _urls(settings: YahooSettings) -> tuple[str, ...]:
    return (settings.base_url, settings.cookie_url)


YAHOO = ProviderSpec(
    name=NAME,
    settings=YahooSettings,
    serves=frozenset(
        {
            FetchKind.QUOTES,
            FetchKind.HISTORY,
            FetchKind.EARNINGS,
            FetchKind.FX,
            FetchKind.INTRADAY,
            FetchKind.ESTIMATES,
        }
    ),
    build=build,
    urls=_urls,
    default=True,
)


def build_news(settings: YahooSettings, context: BuildContext) -> Built:
    from ..news import YahooHeadlines  # the feed's parser loads XML and e-mail date modules

    return Built(news=YahooHeadlines(settings.rss_url))


NEWS = ProviderSpec(
    name="news",  # its requests and pauses are its own, apart from Yahoo's quotes
    settings=YahooSettings,
    table=NAME,  # rss_url, beside Yahoo's other URLs
    serves=frozenset({FetchKind.NEWS}),
    build=build_news,
)
