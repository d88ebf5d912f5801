"""`catalyst import`'s work per trade at n and at 10n trades: a generic export read into trades
(the decimal mark decided for the file, every row read), planned against a file, and appended to
its text in one edit (config/bulk.py). The floor is the same work per trade at n, measured in the
same run; the goal is that 10 times the trades cost at most 1.5 times as much each (linear: one
parse of the file, one pass of the export, never one edit per lot).

    .venv/bin/python bench/imports.py [--rows N] [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402

from catalyst_tui.config import parse_config  # noqa: E402
from catalyst_tui.config.importing import import_edit, plan_import  # noqa: E402
from catalyst_tui.reading.brokers.export import Options  # noqa: E402
from catalyst_tui.reading.brokers.formats import generic, read_export  # noqa: E402

THESIS = '[tickers.AAPL]\nname = "Apple"\n\n[[tickers.AAPL.lots]]\nshares = 1\ncost = 100\n'


def export(n: int) -> str:
    rows = (
        f"2024-01-{1 + i % 28:02d},S{i % 50},buy,{1 + i % 9},{10 + i % 100}.5\n" for i in range(n)
    )
    return "date,symbol,side,shares,price\n" + "".join(rows)


def per_trade(n: int, repeats: int) -> float:
    """The best of `repeats` runs, in microseconds a trade."""
    text = export(n)
    config = parse_config(THESIS)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        options = Options()
        read = read_export(text, generic(options), options)
        plan = plan_import(config, "generic", read.trades, read.skipped, read.issues)
        edited = import_edit(plan, "a CSV")(THESIS)
        best = min(best, time.perf_counter() - start)
        assert len(read.trades) == n and edited.count("[[tickers.S") == n
    return best / n * 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    small = per_trade(args.rows, args.repeats)
    large = per_trade(10 * args.rows, args.repeats)
    print(f"import: {small:.1f} µs a trade at {args.rows:,}, {large:.1f} µs at {10 * args.rows:,}")
    emit(
        Figure(
            "import's work per trade at 10n trades",
            large,
            small,
            "µs",
            "ratio <= 1.5",
            floor_is=f"the same at n = {args.rows:,}",
            note=f"best of {args.repeats}; read, plan and one edit",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
