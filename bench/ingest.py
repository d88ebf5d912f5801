"""Benchmark: ingest of 630k daily bars (store.market.save_quotes) against raw sqlite3 INSERTs.

    .venv/bin/python bench/ingest.py [--symbols 500] [--years 5] [--repeats 5]

What is timed: one `store.market.save_quotes` call with every symbol's quote and bars (500 symbols x
~1,305 bars = ~650k rows) into a fresh database. One call for the whole batch is what a refresh
writes: `jobs.refresh.refresh_in_process` gathers every symbol's outcome and stores them with a
single save_quotes (one transaction), so a 500-symbol backfill is exactly this call. The Bar and
Quote objects are built before the clock starts (tests/support/demo_data.demo_bars, the same
deterministic series seed_big stores); turning them into rows is part of save_quotes, so it is
timed.

Floor, same run: the same database schema (a fresh file made by Store.open, then closed), a raw
sqlite3 connection with the Store's pragmas (WAL, synchronous NORMAL, foreign_keys, busy
timeout), and one `executemany` of plain `INSERT INTO prices VALUES (?, ...)` over tuples built
before the clock starts, in one BEGIN IMMEDIATE ... COMMIT. No quotes rows, no upsert clause.

Runs alternate (ours, floor, ours, ...), each into its own new file on the same disk; medians.
Rate = bars / second. Goal: our rate >= 0.7 x the raw rate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit, machine  # noqa: E402
from tests.support.demo_data import DEMO_NOW, demo_bars, demo_quote, last_weekday  # noqa: E402

from catalyst_tui.market.models import QuoteOutcome  # noqa: E402
from catalyst_tui.store import DEFAULT_BUSY_TIMEOUT_MS, Store  # noqa: E402

GOAL = 0.7
RAW_INSERT = (
    "INSERT INTO prices (symbol, ts, open, high, low, close, volume, source)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def build(symbols: list[str], years: int) -> list[QuoteOutcome]:
    last_day = last_weekday(DEMO_NOW.date())
    fetched = DEMO_NOW - dt.timedelta(minutes=5)
    batch = []
    for symbol in symbols:
        bars = demo_bars(symbol, last_day, years)
        batch.append(QuoteOutcome(symbol, demo_quote(bars, fetched), bars))
    return batch


def raw_connection(path: Path) -> sqlite3.Connection:
    """A connection set up as Store.open sets its own up (the schema is already there)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def time_ours(path: Path, batch: list[QuoteOutcome]) -> float:
    store = Store.open(path)
    try:
        gc.collect()
        started = time.perf_counter()
        store.market.save_quotes(batch, DEMO_NOW)
        return time.perf_counter() - started
    finally:
        store.close()


def time_raw(path: Path, rows: list[tuple]) -> float:
    Store.open(path).close()  # the identical schema
    conn = raw_connection(path)
    try:
        gc.collect()
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(RAW_INSERT, rows)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM prices").fetchone()[0]
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    symbols = [f"T{i:04d}" for i in range(1, args.symbols + 1)]
    started = time.perf_counter()
    batch = build(symbols, args.years)
    rows = [
        (b.symbol, b.day.isoformat(), b.open, b.high, b.low, b.close, b.volume, b.source)
        for r in batch
        for b in r.bars
    ]
    built = time.perf_counter() - started
    ours, floor = [], []
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        for i in range(args.repeats):
            for label, timer, data, out in (
                ("ours", time_ours, batch, ours),
                ("raw", time_raw, rows, floor),
            ):
                path = Path(tmp) / f"{label}-{i}.db"
                out.append(timer(path, data))
                if i == 0 and count(path) != len(rows):
                    raise SystemExit(f"ingest: {label} stored {count(path)} of {len(rows)} bars")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)

    n = len(rows)
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    ours_rate, floor_rate = n / ours_s, n / floor_s
    print(
        f"ingest bench: {args.symbols} symbols x {args.years}y = {n:,} bars, one save_quotes "
        f"call (one transaction, as refresh_market writes it), fresh DB each run, "
        f"{args.repeats} alternating repeats, {dt.date.today().isoformat()}"
    )
    print(
        f"  machine: {machine()}; Bar/Quote objects and raw tuples built in {built:.1f} s "
        "(not timed)"
    )
    print(
        f"  store.market.save_quotes:           median {ours_s:.3f} s = {ours_rate:,.0f} bars/s  "
        f"(runs {', '.join(f'{t:.3f}' for t in ours)})"
    )
    print(
        f"  floor (raw executemany INSERT): median {floor_s:.3f} s = {floor_rate:,.0f} bars/s  "
        f"(runs {', '.join(f'{t:.3f}' for t in floor)})"
    )
    figure = Figure(
        figure="ingest of 5y daily bars (save_quotes)",
        measured=round(ours_rate),
        floor=round(floor_rate),
        unit="bars/s",
        goal=f"ratio >= {GOAL}",
        floor_is="raw sqlite3 executemany of plain INSERTs, same schema and pragmas, 1 transaction",
        note=f"{n:,} bars, {args.symbols} symbols in one save_quotes call, medians of "
        f"{args.repeats} alternating runs",
    )
    print(f"  ratio {figure.ratio:.2f} (goal >= {GOAL}: {'met' if figure.met else 'MISSED'})")
    emit(figure)


if __name__ == "__main__":
    main()
