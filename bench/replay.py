"""Benchmark: replay five years, daily, of 50 tickers of 10 checkpoints each, against a floor;
and of 10,000 checkpoints (500 tickers of 20), against `catalyst check` of the same in the run.

    .venv/bin/python bench/replay.py [--tickers 50] [--years 5] [--repeats 1] [--scale 10000]

A real database (a temporary file) holds each ticker's daily bars and its SEC values as each
filing stated them (four quarters a year, each filed 40 days after its end, the year before's
restated once); catalysts.toml gives each ticker ten checkpoints of the quote and SEC metrics.
Measured: `load_replay` of every ticker over every stored day (views/replay.py: each ticker's
history read once, each day's snapshot of what was public by its close, evaluate() and judge()
each day, the prices after each change). The floor: one evaluation per day, the least a daily
replay must do: evaluate() of every checkpoint of every ticker on a snapshot loaded once (fresh
memos each day, as a new day's snapshot has), as many times as there are days. Goal: a few times
the floor (ratio <= 5). Replay judges a checkpoint again only on a day its figures change (or its
day turns it: thesis/replay/engine.py), so it can take less than the floor.

The scale line (`--scale`: the checkpoints, 20 a ticker; 0 leaves it out): a thesis of twenty
checkpoints on each ticker (the ten above, a weight cap and a gain floor on the positions held,
a lot on every tenth ticker, net margin, P/E, a fiscal-year revenue target with its forecast, a
Street guard, two milestones, one past its due date, a quarter's target and a TTM guard), replayed
five years daily by `load_replay` (every ticker a day at a time on the whole portfolio as it stood
that day). Goal: under 30 s of the process's CPU time (time.process_time: what the replay costs,
whatever else shares the machine; the clock's time is printed beside it); its ratio is to
`catalyst check` of the same checkpoints in the same run (`evaluate_checkpoints`: today's data
judged once and recorded, in CPU time too), the work of one day.
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
SCALE_GOAL = 30.0  # seconds for 10,000 checkpoints over five years
PER_TICKER = 20  # the scale line's checkpoints a ticker
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
#: The scale line's other ten a ticker (a milestone's "when" is its due date).
MORE = (
    ("guard", "weight <= 15%"),
    ("guard", "gain_pct >= -40%"),
    ("guard", "net_margin >= 10%"),
    ("guard", "pe_ttm <= 80"),
    ("target", "revenue_fy >= 1.4B"),
    ("guard", "eps_estimate_fy >= 1"),
    ("milestone", "2027-06-30"),
    ("milestone", "2024-06-30"),
    ("target", "revenue_q >= 400M"),
    ("guard", "revenue_ttm >= 1.2B"),
)
CONCEPTS = (
    ("us-gaap", "Revenues", "USD", 300e6),
    ("us-gaap", "GrossProfit", "USD", 215e6),
    ("us-gaap", "OperatingIncomeLoss", "USD", 50e6),
    ("us-gaap", "NetIncomeLoss", "USD", 40e6),
    ("us-gaap", "EarningsPerShareDiluted", "USD/shares", 0.3),
)


def thesis(tickers: int, per: int = len(CHECKPOINTS), lots: bool = False) -> str:
    """`per` checkpoints on each ticker (CHECKPOINTS, then MORE); with `lots`, a lot of every
    tenth ticker."""
    out = []
    for n in range(tickers):
        symbol = f"S{n:03d}"
        out.append(f'[tickers.{symbol}]\nname = "{symbol}"\n')
        for i, (kind, when) in enumerate((CHECKPOINTS + MORE)[:per]):
            due = "\ndue = 2026-12-31" if kind == "target" else ""
            rule = f"due = {when}" if kind == "milestone" else f'when = "{when}"{due}'
            out.append(
                f'[[tickers.{symbol}.checkpoints]]\nid = "c{i}"\ntitle = "Checkpoint {i}"\n'
                f'kind = "{kind}"\n{rule}\n'
            )
        if lots and n % 10 == 0:
            out.append(
                f"[[tickers.{symbol}.lots]]\nshares = {100 + n}\ncost = 55\ndate = 2022-03-01\n"
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


def build(
    path: Path, tickers: int, years: int, per: int = len(CHECKPOINTS), lots: bool = False
) -> tuple[object, list[dt.date]]:
    config = parse_config(thesis(tickers, per, lots))
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
            fetched = dt.datetime.combine(END, dt.time(22), dt.UTC)  # the filings read through
            store.market.mark_fetched("fundamentals", symbol, fetched)
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


def scale(checkpoints: int, years: int) -> None:
    """The scale line: `checkpoints` (PER_TICKER a ticker) replayed `years` daily, against a
    `catalyst check` of them in the same run."""
    from catalyst_tui.jobs.evaluation import evaluate_checkpoints

    tickers = checkpoints // PER_TICKER
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.db"
        config, days = build(path, tickers, years, PER_TICKER, lots=True)
        with Store.open(path) as store:
            store.sync.apply(config)  # type: ignore[arg-type]
            now = dt.datetime.combine(END, dt.time(22), dt.UTC)
            checks = []
            for _ in range(3):
                started = time.process_time()
                evaluate_checkpoints(config, store, now)  # type: ignore[arg-type]
                store.views.checkpoints()
                checks.append(time.process_time() - started)
            started, wall = time.process_time(), time.perf_counter()
            replays = load_replay(store, config)  # type: ignore[arg-type]
            measured = time.process_time() - started
            wall = time.perf_counter() - wall
    check = statistics.median(checks)
    changes = sum(len(r.changes) for r in replays)
    print(
        f"replay bench at scale: {tickers} tickers x {PER_TICKER} checkpoints "
        f"({tickers * PER_TICKER}), {len(days)} days ({years} years), {changes} changes of status"
    )
    print(
        f"  replay (load_replay): {measured:.2f} s of CPU (goal < {SCALE_GOAL:.0f} s), "
        f"{wall:.2f} s on the clock"
    )
    print(f"  check of the same (evaluate_checkpoints): median {check:.3f} s of CPU")
    print(f"  ratio {measured / check:.0f}x a check, over {len(days)} days")
    emit(
        Figure(
            figure=f"replay of {tickers * PER_TICKER:,} checkpoints, {years} years daily",
            measured=round(measured, 2),
            floor=round(check, 3),
            unit="s",
            goal=f"measured <= {SCALE_GOAL:.0f}",
            floor_is="catalyst check of the same checkpoints (evaluate_checkpoints), one day",
            note=f"{tickers} tickers x {PER_TICKER}, {len(days)} days, a lot on every tenth; CPU"
            f" seconds (the process's own, whatever else the machine runs); {wall:.1f} s on the"
            " clock",
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickers", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--scale", type=int, default=10_000, help="checkpoints; 0: no scale line")
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
    if args.scale:
        scale(args.scale, args.years)


if __name__ == "__main__":
    main()
