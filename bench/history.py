"""Benchmark: the one-year history query behind a chart, on a 5-year, 500-symbol database.

    .venv/bin/python bench/history.py [--symbols 500] [--years 5] [--repeats 5]

Setup (not timed): a temp database seeded with tests/support/demo_data.seed_big (500 tickers x
5 years of daily bars, ~650k rows, through the real Store).

What is timed: `Store.price_history(symbol, since=a year before the symbol's last bar)`, the
call that gives a chart its (day, close) points: ~261 rows out of ~1,305 for that symbol. Every
symbol, `--repeats` passes over all of them in a shuffled order, after one untimed pass that
warms the page cache; one measurement per call.

Floor, same run, interleaved call by call: the same SELECT (ts, close, same WHERE and ORDER BY)
on a raw sqlite3 connection with the same pragmas, rows fetched with fetchall() as the driver
gives them (strings, no date parsing).

Goal: the median call <= 2 ms (absolute); the ratio to the floor is informative.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit, machine  # noqa: E402
from tests.support.demo_data import DEMO_NOW, big_config_text, seed_big  # noqa: E402

from catalyst_tui.config import parse_config  # noqa: E402
from catalyst_tui.store import DEFAULT_BUSY_TIMEOUT_MS, Store  # noqa: E402

GOAL_MS = 2.0
RAW_SELECT = "SELECT ts, close FROM prices WHERE symbol = ? AND ts >= ? ORDER BY ts"


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5, help="passes over every symbol")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-history-") as tmp:
        db_path = Path(tmp) / "catalyst.db"
        config = parse_config(big_config_text(args.symbols))
        store = Store.open(db_path)
        started = time.perf_counter()
        seed_big(store, config, years=args.years)
        seeded = time.perf_counter() - started
        total = store.conn.execute("SELECT COUNT(*) FROM prices").fetchone()[0]
        symbols = list(config.tickers)
        since = {s: year_before(store.market.history_starts([s], DEMO_NOW)[s]) for s in symbols}
        raw = raw_connection(db_path)
        try:
            rows_per_call = []
            for s in symbols:  # warm-up pass, and both give the same rows
                ours_rows = store.views.price_history(s, since[s])
                raw_rows = raw.execute(RAW_SELECT, [s, since[s].isoformat()]).fetchall()
                if [(d.isoformat(), c) for d, c in ours_rows] != raw_rows:
                    raise SystemExit(f"history: price_history({s}) differs from the raw SELECT")
                rows_per_call.append(len(ours_rows))
            rng = random.Random(args.seed)
            ours, floor = [], []
            clock = time.perf_counter
            for _ in range(args.repeats):
                order = symbols[:]
                rng.shuffle(order)
                for s in order:
                    day, text = since[s], since[s].isoformat()
                    t0 = clock()
                    store.views.price_history(s, day)
                    t1 = clock()
                    raw.execute(RAW_SELECT, [s, text]).fetchall()
                    t2 = clock()
                    ours.append(t1 - t0)
                    floor.append(t2 - t1)
        finally:
            raw.close()
            store.close()

    ours_ms = statistics.median(ours) * 1000
    floor_ms = statistics.median(floor) * 1000
    p90 = statistics.quantiles(ours, n=10)[-1] * 1000
    print(
        f"history query bench: {args.symbols} symbols x {args.years}y = {total:,} bars "
        f"(seeded in {seeded:.1f} s), {args.repeats} shuffled passes = {len(ours):,} calls, "
        f"{dt.date.today().isoformat()}"
    )
    print(f"  machine: {machine()}")
    print(f"  rows per call (one year): median {statistics.median(rows_per_call):.0f}")
    print(
        f"  Store.price_history(symbol, since=last bar - 1y): median {ours_ms:.3f} ms, "
        f"p90 {p90:.3f} ms"
    )
    print(f"  floor (raw SELECT ts, close ... fetchall):         median {floor_ms:.3f} ms")
    figure = Figure(
        figure="1-year history query (price_history)",
        measured=round(ours_ms, 4),
        floor=round(floor_ms, 4),
        unit="ms",
        goal=f"measured <= {GOAL_MS}",
        floor_is="raw sqlite3 SELECT ts, close of the same rows, fetchall, no date parsing",
        note=f"{total:,}-bar DB, median of {len(ours):,} calls ({args.symbols} symbols x "
        f"{args.repeats} passes)",
    )
    print(
        f"  ratio {figure.ratio:.2f}; goal median <= {GOAL_MS} ms: "
        f"{'met' if figure.met else 'MISSED'}"
    )
    emit(figure)


if __name__ == "__main__":
    main()
