"""`catalyst changes`: the moment asked for (`--since`: how long ago, a day or a moment; by default
when the TUI last showed the watchlist, else 7 days ago), and what changed since, as strict JSON
(one object per change, grouped by ticker, newest first) or as lines under each ticker."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ...prefs import load, prefs_file
from ...reading.release.records import sensible
from ...views.changes import DEFAULT_SINCE, LABELS, Change, after_look, grouped
from ..spans import moment_of

if TYPE_CHECKING:
    from pathlib import Path


def since_moment(
    text: str | None,
    now: dt.datetime,
    config: Path | None = None,
    zone: dt.tzinfo = dt.UTC,
) -> dt.datetime:
    """The moment `--since` names, in the grammar of every command's days (cli/spans.py): "7d"
    (m, h, d, w) before `now`, an ISO day (its start in the user's `zone`, the day included) or
    moment (in `zone` when it names none). None: when the TUI last showed the watchlist (the
    window opening just after it), else DEFAULT_SINCE ago. A moment after `now`, before 1970,
    or text of another shape is refused in one line, saying so. `config`: the catalysts.toml
    whose last look is meant (each file's is its own)."""
    if text is None:
        seen = load(prefs_file()).seen_at(config)
        return after_look(seen) if seen is not None and seen <= now else now - DEFAULT_SINCE
    return moment_of("changes", "--since", text, now, zone)


def _json(c: Change) -> dict[str, Any]:
    return {
        "symbol": c.symbol,
        "kind": c.kind,
        "at": c.at.isoformat(),
        "title": c.title,
        "detail": c.detail,
        "link": c.link or None,
        "before": sensible(c.before),
        "after": sensible(c.after),
        "change": sensible(c.change),
    }


def changes_json(changes: list[Change]) -> list[dict[str, Any]]:
    """One object per change: symbol, kind (checkpoint, evidence, release, filing, street,
    price), at, title, detail, link (null: none), before, after and change (the move as a
    fraction; null but for a Street revision or a price move)."""
    return [_json(c) for c in changes]


def change_lines(changes: list[Change], since: dt.datetime) -> list[str]:
    """The changes under each ticker, or one line saying there were none since when."""
    when = since.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    if not changes:
        return [f"Nothing changed since {when}."]
    lines = [f"Changes since {when}:"]
    for symbol, group in grouped(changes):
        lines.append("")
        lines.append(symbol)
        for c in group:
            day = c.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
            lines.append(f"  {day}  {LABELS.get(c.kind, c.kind):<10} {c.title}")
            if c.detail:
                lines.append(f"  {'':16}  {'':<10} {c.detail}")
            if c.link:
                lines.append(f"  {'':16}  {'':<10} {c.link}")
    return lines
