"""What the screens and reports read, each as one call: the work counted at two sizes by
tests/store/test_query_work.py, the time by bench/check.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from catalyst_tui.cli.output.export import export_rows
from catalyst_tui.config import Config
from catalyst_tui.jobs.evaluation import evaluate_checkpoints
from catalyst_tui.store import Store
from catalyst_tui.views.ticker import load_ticker
from catalyst_tui.views.timeline import load_timeline
from catalyst_tui.views.watchlist import load_watchlist


def readers(config: Config, store: Store, now: dt.datetime) -> dict[str, Callable[[], object]]:
    """Each read at `now`, by name."""
    today = now.date()
    symbols = store.views.active_symbols()
    middle = symbols[len(symbols) // 2]
    return {
        "watchlist screen": lambda: load_watchlist(store, today),
        "ticker screen": lambda: load_ticker(store, middle, now, today, sec_configured=False),
        "timeline screen": lambda: load_timeline(store),
        "check: evaluation": lambda: evaluate_checkpoints(config, store, now),
        "check: checkpoints": store.views.checkpoints,
        "flags (ack)": store.views.flagged,
        "health": store.views.health,
        "config sync": lambda: store.sync.apply(config, now),
        "refresh: history due": lambda: store.market.history_due(symbols, now),
        **{
            f"export {what}": exported(store, what, today, config.settings.currency)
            for what in ("prices", "checkpoints", "events", "positions")
        },
    }


def exported(store: Store, what: str, today: dt.date, base: str) -> Callable[[], object]:
    """The rows `catalyst export` writes of `what`."""
    return lambda: list(export_rows(store, what, symbol=None, today=today, base=base)[1])
