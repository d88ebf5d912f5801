"""The digest: one notification summarising what changed (views/changes.py) since the last one,
on the schedule `digest = "mon 08:00"` sets (config/digest.py). Queued once a period across
processes and restarts: the period is claimed in the database by compare-and-set with its outbox
notice (store.changes.claim_digest), which the scheduler's delivery then sends once; a period in
which nothing changed is claimed without a notice. The scheduler calls `queue_digest` at each
evaluation cycle (the TUI's and the daemon's), so a digest missed while nothing ran goes out at
the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config.digest import parse_digest, period_start
from ..jobs.evaluation import user_zone
from ..text import counted
from .changes import LABELS, Change, grouped, load_changes

if TYPE_CHECKING:
    import datetime as dt

    from ..config import Config
    from ..store import Store

__all__ = ["digest_words", "queue_digest"]

SHOWN = 6  # tickers named in the body; the rest counted


def digest_words(changes: list[Change], since: dt.datetime, zone: dt.tzinfo) -> tuple[str, str]:
    """(title, body): how many changes since when, and each ticker's changes by kind."""
    when = since.astimezone(zone).strftime("%a %d %b %H:%M")
    count = counted(len(changes), "change")
    groups = grouped(changes)
    lines = []
    for symbol, group in groups[:SHOWN]:
        kinds: dict[str, int] = {}
        for c in group:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        said = ", ".join(f"{n} {LABELS.get(k, k)}" for k, n in kinds.items())
        lines.append(f"{symbol}: {said}")
    if len(groups) > SHOWN:
        lines.append(f"and {len(groups) - SHOWN} more tickers: catalyst changes lists them")
    return f"catalyst digest: {count} since {when}", "\n".join(lines)


def queue_digest(config: Config, store: Store, now: dt.datetime) -> bool:
    """Queue the digest of the period `now` is in, unless it was sent (or no digest is set);
    True when this call queued it."""
    if not config.settings.digest:
        return False
    spec = parse_digest(config.settings.digest)
    zone = user_zone(config)
    period = period_start(spec, now, zone)
    last = store.changes.last_digest()
    if last is not None and last >= period:
        return False
    since = last if last is not None else period - spec.period
    changes = load_changes(store, since)
    words = digest_words(changes, since, zone) if changes else None
    return store.changes.claim_digest(last, period, words, now)
