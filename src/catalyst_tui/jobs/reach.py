"""Whether a refresh reached any provider: the one vocabulary the refresh, its child process,
the scheduler and the TUI's header share (None where every provider was reached), how a quote
pass's outcomes say it (`reach_in`), and each provider's failure said once."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from ..text import counted

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..market.models import QuoteOutcome


class Reach(StrEnum):
    """Why no provider gave a single quote in a refresh."""

    OFFLINE = "offline"  # every fetch failed on the network: no connection, no answer in time
    UNREACHABLE = "unreachable"  # they answered, with errors


def reach_of(value: object) -> Reach | None:
    """A reach read back from a child's JSON line: None for anything not one of Reach's."""
    known = {reach.value: reach for reach in Reach}
    return known.get(value) if isinstance(value, str) else None


def failures_by_provider(outcomes: Iterable[QuoteOutcome]) -> dict[str, str]:
    """Each provider's first failure for the symbols left without a quote, and how many of them
    it failed: one line a provider where the symbols' own would say the same thing each."""
    seen: dict[str, tuple[str, set[str]]] = {}
    for outcome in outcomes:
        for error in () if outcome.ok else outcome.errors:
            seen.setdefault(error.provider or "?", (error.message, set()))[1].add(outcome.symbol)
    return {
        name: f"{message} ({counted(len(failed), 'symbol')})"
        for name, (message, failed) in seen.items()
    }


def reach_in(outcomes: Mapping[str, QuoteOutcome]) -> Reach | None:
    """OFFLINE when no symbol got a quote and every failure was the network's (no connection,
    no answer in time), UNREACHABLE when none got one otherwise, else None."""
    if not outcomes or any(o.quote is not None for o in outcomes.values()):
        return None
    errors = [e.kind for o in outcomes.values() for e in o.errors]
    offline = all(kind in ("network", "timeout") for kind in errors)
    return Reach.OFFLINE if offline else Reach.UNREACHABLE


#: What a refresh asks after the quotes, each in its words: none of it when it found no network.
AFTER_THE_QUOTES = (
    "FX rates",
    "fundamentals",
    "earnings dates",
    "filings",
    "headlines",
    "the Street's estimates",
)


def offline_note(with_feeds: Iterable[str]) -> str:
    """What a refresh that found no network leaves as it was, in one line: every step after the
    quotes, and the feeds of the tickers `with_feeds` by name ("no network: FX rates, …, the
    Street's estimates and ALAB's feeds not refreshed")."""
    left = list(AFTER_THE_QUOTES)
    symbols = sorted(with_feeds)
    if symbols:
        owners = ", ".join(f"{s}'s" for s in symbols[:-1])
        named = f"{owners} and {symbols[-1]}'s" if owners else f"{symbols[-1]}'s"
        left.append(f"{named} feeds")
    return f"no network: {', '.join(left[:-1])} and {left[-1]} not refreshed"
