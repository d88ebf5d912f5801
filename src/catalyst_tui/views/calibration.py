"""What `catalyst calibration` shows: each checkpoint's stated confidence (catalysts.toml) against
its status as the store has it, a checkpoint whose rule moved since counted as voided, and each
journal note's conviction against the price's move in the trading days after it
(thesis/replay/calibration.py scores them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..thesis.replay.calibration import CONVICTION_SPAN, Calibration, Forecast, calibrate
from ..thesis.replay.forward import followed

if TYPE_CHECKING:
    from ..config import Config
    from ..store import Store

#: The moves that change what a confidence was given for.
_VOIDING = frozenset({"condition", "due", "until"})


def load_calibration(store: Store, config: Config) -> Calibration:
    """The calibration of every checkpoint with a confidence, and of every note's conviction."""
    standings = store.verdicts.standings()
    moved = {(m.symbol, m.checkpoint) for m in store.journal.moves() if m.field in _VOIDING}
    forecasts = []
    for ticker in config.tickers.values():
        status = {s.checkpoint: s.status for s in standings.get(ticker.symbol, [])}
        for c in ticker.checkpoints:
            if c.confidence is None:
                continue
            forecasts.append(
                Forecast(
                    ticker.symbol,
                    c.id,
                    c.confidence,
                    status.get(c.id, "pending"),
                    (ticker.symbol, c.id) in moved,
                )
            )
    closes: dict[str, list] = {}  # type: ignore[type-arg]
    moves = []
    for entry in store.journal.entries(limit=-1):
        if not entry.conviction:
            continue
        if entry.symbol not in closes:
            closes[entry.symbol] = store.views.price_history(entry.symbol)
        after = followed(closes[entry.symbol], entry.ts.date(), (CONVICTION_SPAN,))
        moves.append((entry.conviction, after.change(CONVICTION_SPAN)))
    return calibrate(forecasts, moves)
