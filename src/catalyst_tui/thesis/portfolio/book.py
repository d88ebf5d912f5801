"""Conviction against weight: each position's share of the portfolio beside the conviction the
journal last recorded for it, and the book at risk, the share of the portfolio in tickers whose
thesis is at risk or broken. Pure: values in the base currency in, shares and words out
(docs/thesis.md, Conviction against weight)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..vocabulary import Verdict

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

    from ..journal import JournalEntry

#: The verdicts whose weight is the book at risk.
AT_STAKE = frozenset({Verdict.BROKEN, Verdict.AT_RISK})


class Conviction(NamedTuple):
    """The latest conviction the journal recorded of a ticker, and the day of its note."""

    level: str
    day: dt.date


def weights(values: Mapping[str, float], total: float) -> dict[str, float]:
    """Each position's share of `total` (the value of every position priced)."""
    return {s: v / total for s, v in values.items()} if total > 0 else {}


def latest_conviction(entries: Iterable[JournalEntry]) -> Conviction | None:
    """The conviction of the newest note that states one (entries newest first)."""
    found = next((e for e in entries if e.conviction), None)
    return None if found is None else Conviction(found.conviction, found.ts.date())


def book_at_risk(shares: Mapping[str, float], verdicts: Mapping[str, Verdict | None]) -> float:
    """The share of the portfolio in tickers whose verdict (by symbol) is at risk or broken."""
    return sum(shares.get(s, 0.0) for s, v in verdicts.items() if v in AT_STAKE)


def stake_text(weight: float | None, conviction: Conviction | None) -> str:
    """ "weight 22.8%, conviction high (2026-11-05)"; "no position, no conviction noted";
    "weight not known" when a position has no price or rate."""
    if weight is None:
        held = "weight not known"
    else:
        held = f"weight {weight * 100:.1f}%" if weight else "no position"
    if conviction is None:
        return f"{held}, no conviction noted"
    return f"{held}, conviction {conviction.level} ({conviction.day.isoformat()})"
