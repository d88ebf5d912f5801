"""Benchmark: `catalyst check` at 500 and at 5,000 tickers, and what each screen's and report's
read takes at both sizes.

    .venv/bin/python bench/check.py [--years 5] [--repeats 5] [--no-reads]

Setup (not timed): for each size, catalysts.toml from big_config_text (two checkpoints per
ticker, a lot on every third) and a database seeded with seed_big (`--years` of daily bars each;
bench/_seeded.py keeps the seeded templates), then one untimed `check` that records the first
transitions (about 40% of the checkpoints missed and flagged) and warms the parsed-config cache.

Timed: the installed `catalyst check --config … --db …` from launch to exit, its output read
from a pipe as `catalyst check | less` would (every row is written), the two sizes alternating;
medians. Goals (issue 25): at 5,000 tickers at most 1.5 s, and at most 12 times the time at 500
(linear: ten times the tickers). The reads of the screens and reports (tests/store/
test_query_work.py counts their work) are then timed in this process at both sizes.

Breakdown (informative, in this process, at 5,000 tickers, medians of `--repeats`): where a
check's time goes, phase by phase (the config's sync, reading the checkpoints, loading the
snapshot, evaluating, recording, reading the rows back, printing them to a pipe's width); and
two reads evaluation makes only when a condition asks: one symbol's Street estimates
(`store.estimates.of`, median over 20 symbols) and one position's `excess_return` on a fresh
snapshot (the first position, then the mean of the next 19 on the same snapshot).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit, machine  # noqa: E402
from bench._seeded import seeded_database  # noqa: E402
from tests.support.demo_data import big_config_text  # noqa: E402

SIZES = (500, 5000)
ABSOLUTE_GOAL = 1.5  # seconds at 5,000 tickers
RATIO_GOAL = 12.0
VENV_BIN = Path(sys.executable).parent


def prepare(tmp: Path, tickers: int, years: int) -> tuple[list[str], str]:
    where = tmp / str(tickers)
    where.mkdir()
    config = where / "catalysts.toml"
    config.write_text(big_config_text(tickers), encoding="utf-8")
    note = seeded_database(where / "catalyst.db", config, tickers, years)
    argv = [
        str(VENV_BIN / "catalyst"),
        "--config",
        str(config),
        "--db",
        str(where / "catalyst.db"),
        "check",
    ]
    return argv, note


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from launch to exit, and the lines it printed."""
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: unacknowledged misses
        raise SystemExit(f"check failed ({done.returncode}): {done.stderr[-2000:]}")
    return took, done.stdout.count("\n")


def reads(tmp: Path, tickers: int) -> dict[str, float]:
    """Seconds of each screen's and report's read (best of 3) on the seeded database."""
    from tests.support.reads import readers

    from catalyst_tui.config import load_config
    from catalyst_tui.store import Store

    where = tmp / str(tickers)
    config = load_config(where / "catalysts.toml")
    out = {}
    with Store.open(where / "catalyst.db") as store:
        for name, read in readers(config, store, dt.datetime.now(dt.UTC)).items():
            if name == "export prices":  # every bar stored: a report of its own size
                continue
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                read()
                best = min(best, time.perf_counter() - started)
            out[name] = best
    return out


def breakdown(tmp: Path, tickers: int, repeats: int) -> dict[str, float]:
    """Seconds of each phase of a check (medians of `repeats`), and of the two lazy reads."""
    import io

    from rich.console import Console

    from catalyst_tui.cli.output.report import print_checkpoints
    from catalyst_tui.cli.output.tables import output_width
    from catalyst_tui.config import load_config
    from catalyst_tui.jobs.evaluation import local_today
    from catalyst_tui.store import Store
    from catalyst_tui.thesis.evaluate import evaluate
    from catalyst_tui.thesis.metrics import observe

    where = tmp / str(tickers)
    config = load_config(where / "catalysts.toml")
    base = config.settings.currency
    runs: dict[str, list[float]] = {}

    def lap(name: str, started: float) -> float:
        now = time.perf_counter()
        runs.setdefault(name, []).append(now - started)
        return now

    with Store.open(where / "catalyst.db") as store:
        for _ in range(repeats):
            now = dt.datetime.now(dt.UTC)
            today = local_today(config, now)
            at = time.perf_counter()
            store.sync.apply(config, now)
            at = lap("sync the config", at)
            checkpoints, _ = store.checkpoints.evaluation_inputs(
                now, sec_configured=False, base=base
            )
            at = time.perf_counter()  # the line above loads a snapshot too: timed next, alone
            snap = store.market.snapshot(now, sec_configured=False, base=base)
            at = lap("load the snapshot", at)
            evaluations = evaluate(checkpoints, snap, today)
            at = lap("evaluate", at)
            store.checkpoints.record(evaluations, now, notify=config.settings.notify)
            at = lap("record", at)
            records = store.views.checkpoints()
            at = lap("read the rows", at)
            print_checkpoints(records, today, Console(file=io.StringIO(), width=output_width()))
            lap("print them", at)
        held = [s for s, t in config.tickers.items() if t.lots][:20]
        for _ in range(repeats):
            each = []
            for symbol in list(config.tickers)[:20]:
                at = time.perf_counter()
                store.estimates.of(symbol)
                each.append(time.perf_counter() - at)
            runs.setdefault("estimates.of(one symbol)", []).append(statistics.median(each))
            snap = store.market.snapshot(dt.datetime.now(dt.UTC), sec_configured=False, base=base)
            at = time.perf_counter()
            first = observe("excess_return", held[0], snap)
            at = lap("excess_return, the first position", at)
            for symbol in held[1:]:
                observe("excess_return", symbol, snap)
            runs.setdefault("excess_return, a position after", []).append(
                (time.perf_counter() - at) / max(1, len(held) - 1)
            )
            assert first.value is not None, first  # a real return: the benchmark is seeded
    return {name: statistics.median(times) for name, times in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-reads", action="store_true", help="skip the per-read timings")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-check-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CATALYST_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed catalyst has its byte-code
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    env["XDG_STATE_HOME"] = str(tmp / "state")
    times: dict[int, list[float]] = {n: [] for n in SIZES}
    try:
        argvs, notes, lines = {}, [], {}
        for n in SIZES:
            argvs[n], note = prepare(tmp, n, args.years)
            notes.append(note)
            timed(argvs[n], env)  # untimed: the first transitions, the config cache
        load = os.getloadavg()[0]
        for _ in range(args.repeats):
            for n in SIZES:
                took, lines[n] = timed(argvs[n], env)
                times[n].append(took)
        load_after = os.getloadavg()[0]
        per_read = {} if args.no_reads else {n: reads(tmp, n) for n in SIZES}
        phases = breakdown(tmp, SIZES[1], args.repeats)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    small, large = (statistics.median(times[n]) for n in SIZES)
    print(
        f"check bench: `catalyst check` at {SIZES[0]} and {SIZES[1]} tickers (x{args.years}y of "
        f"bars), output to a pipe, {args.repeats} alternating runs each, "
        f"{dt.date.today().isoformat()}"
    )
    print(f"  machine: {machine()}; load average {load:.1f} -> {load_after:.1f}")
    print(f"  setup: {'; '.join(notes)}")
    for n in SIZES:
        runs = ", ".join(f"{t:.2f}" for t in times[n])
        print(
            f"  {n:>5} tickers: median {statistics.median(times[n]):.3f} s  (runs {runs}; "
            f"{lines[n]:,} lines printed)"
        )
    if per_read:
        print(f"  reads (best of 3, seconds): {'':24} {SIZES[0]:>8} {SIZES[1]:>8}  ratio")
        for name in per_read[SIZES[0]]:
            a, b = per_read[SIZES[0]][name], per_read[SIZES[1]][name]
            print(f"    {name:48} {a:8.4f} {b:8.4f}  {b / a if a else 0:5.1f}")
    print(
        f"  breakdown at {SIZES[1]:,} tickers, in this process (medians of {args.repeats}, "
        "milliseconds):"
    )
    for name, took in phases.items():
        print(f"    {name:48} {took * 1e3:10.2f}")
    note = (
        f"`catalyst check`, output to a pipe; {args.years}y of bars; medians of "
        f"{args.repeats} alternating runs; load {load:.1f} -> {load_after:.1f}"
    )
    emit(
        Figure(
            figure=f"check at {SIZES[1]:,} tickers",
            measured=round(large, 4),
            floor=round(small, 4),
            unit="s",
            goal=f"measured <= {ABSOLUTE_GOAL}",
            floor_is=f"the same check at {SIZES[0]} tickers (informative)",
            note=note,
        )
    )
    emit(
        Figure(
            figure=f"check: {SIZES[1]:,} tickers / {SIZES[0]}",
            measured=round(large, 4),
            floor=round(small, 4),
            unit="s",
            goal=f"ratio <= {RATIO_GOAL:g}",
            floor_is=f"the same check at {SIZES[0]} tickers",
            note=note,
        )
    )


if __name__ == "__main__":
    main()
