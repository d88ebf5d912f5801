"""How fresh and whole the stored data is, in words for the watchlist's health line and the
CLI's ages: 'refreshed 5m ago · yahoo 9 · 1 stale', and whether all is well."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Config
    from ..store import Store
    from ..store.records import Health, ProviderHealth

__all__ = ["format_age", "health_ok", "health_text", "sec_state", "source_state"]


def format_age(age: dt.timedelta | None) -> str:
    """An age as its largest whole unit: 45s, 12m, 3h, 2d; "never" for none."""
    if age is None:
        return "never"
    seconds = max(0, int(age.total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def health_text(health: Health, now: dt.datetime) -> str:
    """'refreshed 5m ago · yahoo 9 · 1 stale · stooq failed 2m ago: cannot connect to …' or 'no
    data yet'."""
    alerts = [  # a channel beyond the desktop ([notify.channels]); `catalyst status` says more
        f"{channel} alerts failed {format_age(now - when)} ago: {why}"
        for channel, (when, why) in sorted((health.alerts_failing or {}).items())
    ]
    if health.last_refresh is None:
        return " · ".join(["no data yet: press r to refresh", *alerts])
    parts = [f"refreshed {format_age(now - health.last_refresh)} ago"]
    parts += [f"{source} {count}" for source, count in sorted(health.sources.items())]
    if health.stale:
        parts.append(f"{health.stale} stale")
    parts += [f"{kind} failed {count}" for kind, count in sorted(health.failed.items())]
    paused = {p: u for p, u in (health.paused_until or {}).items() if u > now}
    parts += [
        f"{provider} paused until {until.astimezone():%H:%M}"
        for provider, until in sorted(paused.items())
    ]
    parts += [  # a paused provider says so above; the reason is `catalyst status`'s same record
        f"{provider} failed {format_age(now - when)} ago: {why}"
        for provider, (when, why) in sorted((health.failing or {}).items())
        if provider not in paused
    ]
    return " · ".join(parts + alerts)


def health_ok(health: Health, now: dt.datetime | None = None) -> bool:
    """All is well: refreshed, nothing stale or failed, and no provider paused at `now`."""
    paused = now is not None and any(u > now for u in (health.paused_until or {}).values())
    whole = not (health.stale or health.failed or health.failing or health.alerts_failing)
    return health.last_refresh is not None and whole and not paused


def source_state(name: str, health: ProviderHealth | None, now: dt.datetime) -> str:
    """Why the records a provider brings are not stored, as is true now: the provider refused
    or failed (when, why, when it is asked again), or it was not asked yet."""
    failed = health.failing_since if health is not None else None
    if health is not None and failed is not None:
        at = f"{failed.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"
        again = "at the next refresh"
        if health.paused_until is not None and health.paused_until > now:
            again = f"after {health.paused_until.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"
        verb = "refused" if health.strikes else "failed"
        return f"{name} {verb} at {at} ({health.failure}); asked again {again}"
    return f"`catalyst refresh` fetches them from {name}"


def sec_state(config: Config, store: Store, now: dt.datetime) -> str:
    """Why nothing from SEC EDGAR is stored, as is true now: no contact set, EDGAR refused or
    failed (when, why, when it is asked again), or not fetched yet."""
    from ..market.registry import SEC

    if not config.providers.of(SEC).user_agent:
        return "set providers.sec.user_agent and refresh"
    return source_state("SEC EDGAR", store.providers.health().get(SEC.name), now)
