"""The sources a job fetches from, built from the config by the providers' specs
(market/registry.py): the refresh's, and those of the jobs that fetch on their own (a ticker's
check before `a` writes it, the intraday chart, `catalyst segments SYMBOL`, a document's feeds)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..market.registry import Sources, build_sources
from ..market.spec import BuildContext

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping

    from ..config import Config
    from ..store import Store

__all__ = ["Sources", "refresh_sources"]


def refresh_sources(
    config: Config,
    store: Store,
    env: Mapping[str, str] = os.environ,
    now: Callable[[], dt.datetime] | None = None,
) -> Sources:
    """The sources of one refresh, from the config's providers; a session (Yahoo's cookie and
    crumb) is kept in the database, where every process shares it."""
    context = BuildContext(
        config.settings.providers,
        env,
        store.providers,
        now,
        allow_hosts=config.settings.allow_hosts,
    )
    return build_sources(config.providers, context)
