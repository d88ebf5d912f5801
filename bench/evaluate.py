"""Benchmark: evaluate 10,000 checkpoints (500 symbols × 20), pure function, against a floor.

    .venv/bin/python bench/evaluate.py [--checkpoints 10000] [--repeats 21]

The floor is the least any evaluation must do: one Python comparison of a value against a
threshold per checkpoint, over the same list. Goal: evaluate() <= 50 ms for 10,000.

Both are timed in the process's CPU time (`time.process_time`): evaluation is a pure function on
one thread, so on an idle machine its CPU time is its wall time, and on a machine shared by other
work (2 cores, a load of 12) the wall time measured the other processes' turns too, tenfold.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402

from catalyst_tui.market.models import Fact, LastQuote, Quote  # noqa: E402
from catalyst_tui.thesis.conditions import parse_condition  # noqa: E402
from catalyst_tui.thesis.evaluate import CheckpointState, evaluate  # noqa: E402
from catalyst_tui.thesis.metrics import MarketSnapshot  # noqa: E402
from catalyst_tui.thesis.portfolio.positions import Lot  # noqa: E402

GOAL_MS = 50.0
NOW = dt.datetime(2026, 11, 21, 15, 0, tzinfo=dt.UTC)
CONDITIONS = [
    "price >= 50",
    "change_pct > -5%",
    "drawdown <= 30%",
    "market_cap >= 10B",
    "revenue_q >= 300M",
    "revenue_ttm >= 1B",
    "revenue_growth_yoy >= 20%",
    "gross_margin >= 70%",
    "operating_margin >= 20%",
    "eps_ttm > 1",
    "pe_ttm <= 200",
    "weight <= 15%",
    "gain_pct >= -20%",
]


def build(count: int) -> tuple[list[CheckpointState], MarketSnapshot]:
    symbols = [f"S{i:04d}" for i in range(max(1, count // 20))]
    snap = MarketSnapshot(now=NOW)
    ends = [dt.date(2024, 12, 31) + dt.timedelta(days=91 * k) for k in range(8)]
    for n, symbol in enumerate(symbols):
        price = 50.0 + n % 200
        quote = Quote(
            symbol,
            price,
            None,
            None,
            0.01,
            "USD",
            None,
            NOW,
            "bench",
            fifty_two_week_high=price * 1.2,
        )
        snap.quotes[symbol] = LastQuote(symbol, quote, NOW, False)
        snap.history_high[symbol] = price * 1.25

        def rows(scale: float) -> list[Fact]:
            return [
                Fact(
                    "bench",
                    e - dt.timedelta(days=90),
                    e,
                    scale * (1 + k / 10),
                    "USD",
                    "10-Q",
                    e,
                    "bench",
                )
                for k, e in enumerate(ends)
            ]

        snap.facts[symbol] = {
            "revenue_q": rows(300e6),
            "gross_profit_q": rows(220e6),
            "operating_income_q": rows(60e6),
            "eps_diluted_q": rows(0.4),
            "shares_outstanding": [
                Fact("bench", None, ends[-1], 1.5e8, "shares", "10-Q", ends[-1], "bench")
            ],
        }
        snap.lots[symbol] = [Lot(10.0, price * 0.8)]
    checkpoints = []
    for i in range(count):
        symbol = symbols[i % len(symbols)]
        kind = ("milestone", "target", "guard")[i % 3]
        condition = (
            None if kind == "milestone" else parse_condition(CONDITIONS[i % len(CONDITIONS)])
        )
        due = None if kind == "guard" else NOW.date() + dt.timedelta(days=i % 400 - 30)
        checkpoints.append(
            CheckpointState(
                symbol, f"c{i}", f"Checkpoint {i}", kind, "pending", due=due, condition=condition
            )
        )
    return checkpoints, snap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoints", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()
    checkpoints, snap = build(args.checkpoints)
    today = NOW.date()
    pairs = [(float(i), 0.5 * i) for i in range(len(checkpoints))]

    engine, floor = [], []
    for _ in range(args.repeats):
        fresh = dataclasses.replace(snap)  # as loaded from the store: no cached observations
        started = time.process_time()
        results = evaluate(checkpoints, fresh, today)
        engine.append(time.process_time() - started)
        started = time.process_time()
        _ = [value >= threshold for value, threshold in pairs]
        floor.append(time.process_time() - started)
    assert len(results) == len(checkpoints)
    changed = sum(r.changed for r in results)
    engine_ms, floor_ms = statistics.median(engine) * 1000, statistics.median(floor) * 1000
    print(
        f"evaluate bench: {len(checkpoints)} checkpoints on {len(snap.quotes)} symbols, "
        f"{args.repeats} repeats ({changed} transitions per run)"
    )
    print(
        f"  evaluate(): median {engine_ms:.1f} ms (goal <= {GOAL_MS:.0f} ms: "
        f"{'met' if engine_ms <= GOAL_MS else 'MISSED'})"
    )
    print(f"  floor (one comparison per checkpoint): median {floor_ms:.2f} ms")
    print(f"  ratio {engine_ms / floor_ms:.0f}x the floor")
    emit(
        Figure(
            figure="evaluation of 10,000 checkpoints",
            measured=round(engine_ms, 2),
            floor=round(floor_ms, 3),
            unit="ms",
            goal=f"measured <= {GOAL_MS:.0f}",
            floor_is="one Python comparison per checkpoint",
            note=f"CPU time, median of {args.repeats} runs, {len(snap.quotes)} symbols x "
            f"{len(checkpoints) // max(1, len(snap.quotes))} checkpoints",
        )
    )


if __name__ == "__main__":
    main()
