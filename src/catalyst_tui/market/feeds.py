"""A ticker's own news feeds as the registry knows them: the "feeds" provider, its settings and
its spec. The feeds are the tickers' (`feeds = ["https://…"]` in catalysts.toml: a company's
investor-relations or newswire feed, RSS 2.0 or Atom), so its table has no URL of its own; its
source (market/feed_reader.py) reads a feed and the pages its items link to, within the bounds
below. Its fast-watch source ("watch-feeds", `FeedWatch`) asks an awaited company's feeds for a
results release while its results are awaited (jobs/watch.py)."""

from __future__ import annotations

from typing import Any, NamedTuple

from .fetch_kinds import FetchKindSpec, register
from .http.limits import MiB, RequestBounds
from .models import FetchKind
from .spec import BuildContext, Built, ProviderSpec

NAME = "feeds"


class FeedSettings(NamedTuple):
    """[providers.feeds]: keyless, and the addresses are the tickers' `feeds`: no key yet."""


def build(settings: FeedSettings, context: BuildContext) -> Built:
    from .feed_reader import FeedReader  # XML and e-mail dates: loaded when a refresh asks

    return Built(feeds=FeedReader(context.contacts, context.allow_hosts))


FEEDS = ProviderSpec(
    name=NAME,
    settings=FeedSettings,
    serves=frozenset({FetchKind.FEEDS}),
    build=build,
    rate_limit=4.0,  # many hosts, most a company's own site: a polite pace
    # A feed is tens of KB, a release's page a few hundred: 8 MiB and 20 s stop a link to a
    # gigabyte, or a feed that never ends, without losing a real one.
    bounds=RequestBounds(deadline=20.0, max_bytes=8 * MiB),
)


def build_watch(settings: FeedSettings, context: BuildContext) -> Any:
    """The fast watch's ask of each awaited company's own feeds (market/feed_reader.py)."""
    from .feed_reader import FeedReader, FeedWatch

    return FeedWatch(FeedReader(context.contacts, context.allow_hosts))


# A company's own feed often carries its release minutes before its 8-K (jobs/watch.py).
register(FetchKindSpec("watch-feeds", sources={NAME: build_watch}))
