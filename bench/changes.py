"""What `catalyst changes` and the TUI's "since you last looked" screen read, at 500 tickers with a
year of daily bars and ESTIMATE_DAYS days of the Street's estimates each (bench/_seeded.py):
`views.changes.load_changes` since 7 and since 30 days ago, against a floor measured in the same
run: the watchlist's read of every ticker's fiscal-year EPS consensus (`store.estimates.
fiscal_year_eps`, one query of two seeks a ticker). Goals: the 7-day read at most 250 ms, and at
most 6 times the floor (it makes four seeks a ticker for the consensus and the closes, and reads
the events, passages, releases and filings of the span).

    .venv/bin/python bench/changes.py [--tickers 500] [--repeats 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from bench._seeded import seeded_database  # noqa: E402
from tests.support.demo_data import big_config_text  # noqa: E402

from catalyst_tui.store import Store  # noqa: E402
from catalyst_tui.views.changes import load_changes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickers", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        config = where / "catalysts.toml"
        config.write_text(big_config_text(args.tickers), encoding="utf-8")
        note = seeded_database(where / "c.db", config, args.tickers, 1)
        print(f"setup: {note}", flush=True)
        with Store.open(where / "c.db") as store:
            now = dt.datetime.now(dt.UTC)

            def best(call: Callable[[], object]) -> float:
                return min(timeit.repeat(call, number=3, repeat=args.repeats)) / 3

            load_changes(store, now - dt.timedelta(days=30))  # warm: the pages, the imports
            floor = best(store.estimates.fiscal_year_eps)
            week = best(lambda: load_changes(store, now - dt.timedelta(days=7)))
            month = best(lambda: load_changes(store, now - dt.timedelta(days=30)))
            found = len(load_changes(store, now - dt.timedelta(days=30)))
    size = f"{args.tickers} tickers, best of {args.repeats}"
    print(
        f"floor (fiscal_year_eps) {floor * 1e3:.1f} ms; changes 7d {week * 1e3:.1f} ms,"
        f" 30d {month * 1e3:.1f} ms ({found} changes)"
    )
    emit(
        Figure(
            "changes since 7 days, 500 tickers",
            week * 1e3,
            250.0,
            "ms",
            "measured <= 250",
            "250 ms: well under a second",
            size,
        )
    )
    for days, took in ((7, week), (30, month)):
        emit(
            Figure(
                f"changes since {days} days against the watchlist's consensus read",
                took * 1e3,
                floor * 1e3,
                "ms",
                "ratio <= 6",
                "store.estimates.fiscal_year_eps",
                size,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
