"""Benchmark: replay five years, daily, of 50 tickers of 10 checkpoints each, against a floor.

    .venv/bin/python bench/replay.py [--tickers 50] [--years 5] [--repeats 1]

A real database (a temporary file) holds each ticker's daily bars and its SEC values as each
filing stated them (four quarters a year, each filed 40 days after its end, the year before's
restated once); catalysts.toml gives each ticker ten checkpoints of the quote and SEC metrics.
Measured: `load_replay` of every ticker over every stored day (views/replay.py: each ticker's
history read once, each day's snapshot of what was public by its close, evaluate() and judge()
each day, the prices after each change). The floor: one evaluation per day, the least a daily
replay must do: evaluate() of every checkpoint of every ticker on a snapshot loaded once (fresh
memos each day, as a new day's snapshot has), as many times as there are days. Goal: a few times
the floor (ratio <= 5).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402

from catalyst_tui.config import parse_config  # noqa: E402
from catalyst_tui.market.models import Bar, FiledValue, QuoteOutcome  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402
from catalyst_tui.store.as_of import PointInTime  # noqa: E402
from catalyst_tui.thesis.evaluate import evaluate  # noqa: E402
from catalyst_tui.thesis.snapshot import MarketSnapshot  # noqa: E402
from catalyst_tui.views.replay import load_replay, written_of  # noqa: E402

GOAL_RATIO = 5.0
END = dt.date(2026, 10, 30)
CHECKPOINTS = (
    ("guard", "price >= 60"),
    ("guard", "drawdown <= 25%"),
    ("guard", "change_pct >= -8%"),
    ("guard", "revenue_q >= 320M"),
    ("guard", "gross_margin >= 70%"),
    ("guard", "operating_margin >= 15%"),
    ("guard", "revenue_growth_yoy >= 10%"),
    ("target", "revenue_ttm >= 1.5B"),
    ("target", "market_cap >= 12B"),
    ("guard", "eps_ttm >= 1"),
)
CONCEPTS = (
    ("us-gaap", "Revenues", "USD", 300e6),
    ("us-gaap", "GrossProfit", "USD", 215e6),
    ("us-gaap", "OperatingIncomeLoss", "USD", 50e6),
    ("us-gaap", "NetIncomeLoss", "USD", 40e6),
    ("us-gaap", "EarningsPerShareDiluted", "USD/shares", 0.3),
)


def thesis(tickers: int) -> str:
    out = []
    for n in range(tickers):
        symbol = f"S{n:03d}"
        out.append(f'[tickers.{symbol}]\nname = "{symbol}"\n')
        for i, (kind, when) in enumerate(CHECKPOINTS):
            due = "\ndue = 2026-12-31" if kind == "target" else ""
            out.append(
                f'[[tickers.{symbol}.checkpoints]]\nid = "c{i}"\ntitle = "Checkpoint {i}"\n'
                f'kind = "{kind}"\nwhen = "{when}"{due}\n'
            )
    return "\n".join(out)


def days_of(years: int) -> list[dt.date]:
    day, out = END - dt.timedelta(days=365 * years), []
    while day <= END:
        if day.weekday() < 5:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def filed(symbol: int, years: int) -> list[FiledValue]:
    out = []
    for q in range(4 * years + 4):
        end = END - dt.timedelta(days=91 * q + 30)
        start = end - dt.timedelta(days=90)
        grown = 1.0 + 0.03 * (4 * years - q) + 0.001 * symbol
        for taxonomy, concept, unit, value in CONCEPTS:
            accession = f"{symbol:04d}-{q:03d}"
            first = end + dt.timedelta(days=40)
            out.append(
                FiledValue(
                    taxonomy, concept, unit, start, end, value * grown, "10-Q", first, accession
                )
            )
            if q % 4 == 1:  # restated in the filing a year later
                later = first + dt.timedelta(days=364)
                out.append(
                    FiledValue(
                        taxonomy,
                        concept,
                        unit,
                        start,
                        end,
                        value * grown * 1.01,
                        "10-Q",
                        later,
                        accession + "-r",
                    )
                )
        out.append(
            FiledValue(
                "dei",
                "EntityCommonStockSharesOutstanding",
                "shares",
                None,
                end,
                150e6,
                "10-Q",
                end + dt.timedelta(days=40),
                f"{symbol:04d}-{q:03d}",
            )
        )
    return out


def build(path: Path, tickers: int, years: int) -> tuple[object, list[dt.date]]:
    config = parse_config(thesis(tickers))
    days = days_of(years)
    with Store.open(path) as store:
        store.sync.apply(config)
        outcomes = []
        for n in range(tickers):
            symbol = f"S{n:03d}"
            bars = []
            for i, day in enumerate(days):
                close = 50 + 20 * ((i * 7 + n * 13) % 97) / 97 + i * 0.01
                bars.append(
                    Bar(symbol, day, close, close * 1.02, close * 0.98, close, 1000, "bench")
                )
            outcomes.append(QuoteOutcome(symbol, bars=bars))
            store.as_filed.save(symbol, filed(n, years))
        store.market.save_quotes(outcomes, dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    return config, days


def floor_run(store: Store, config: object, days: list[dt.date]) -> float:
    """evaluate() of every checkpoint on a snapshot loaded once, fresh memos each day."""
    states, base = [], MarketSnapshot(now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    for ticker in config.tickers.values():  # type: ignore[attr-defined]
        states += [w.state for w in written_of(ticker)]
        loaded = PointInTime(store, ticker.symbol).snapshot(days[-1])
        base.quotes.update(loaded.quotes)
        base.history_high.update(loaded.history_high)
        base.facts.update(loaded.facts)
    started = time.perf_counter()
    for day in days:
        fresh = MarketSnapshot(
            now=base.now, quotes=base.quotes, history_high=base.history_high, facts=base.facts
        )
        evaluate(states, fresh, day)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickers", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "replay.db"
        config, days = build(path, args.tickers, args.years)
        measured, floor = [], []
        with Store.open(path) as store:
            for _ in range(args.repeats):
                started = time.perf_counter()
                replays = load_replay(store, config)  # type: ignore[arg-type]
                measured.append(time.perf_counter() - started)
                floor.append(floor_run(store, config, days))
    changes = sum(len(r.changes) for r in replays)
    m, f = statistics.median(measured), statistics.median(floor)
    print(
        f"replay bench: {args.tickers} tickers x {len(CHECKPOINTS)} checkpoints, "
        f"{len(days)} days ({args.years} years), {changes} changes of status"
    )
    print(f"  replay (load_replay): median {m:.2f} s")
    print(f"  floor (one evaluation per day): median {f:.2f} s")
    print(f"  ratio {m / f:.2f}x the floor (goal <= {GOAL_RATIO:.0f})")
    emit(
        Figure(
            figure=f"replay of {args.years} years daily, {args.tickers} tickers x 10 checkpoints",
            measured=round(m, 3),
            floor=round(f, 3),
            unit="s",
            goal=f"ratio <= {GOAL_RATIO:.0f}",
            floor_is="evaluate() of every checkpoint once per day on a loaded snapshot",
            note=f"median of {args.repeats} runs, {len(days)} days",
        )
    )


if __name__ == "__main__":
    main()
