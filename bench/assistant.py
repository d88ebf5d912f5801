"""Benchmark: `catalyst mcp` at 500 tickers, each tool's call over stdio as a client makes it (the
SDK's stdio client), against `catalyst check --json` on the same database.

    .venv/bin/python bench/assistant.py [--years 1] [--repeats 21]

Setup (not timed): catalysts.toml from big_config_text(500) (two checkpoints a ticker, a lot on
every third) and a database seeded with bench/_seeded.py's template, then one `check` that judges
every checkpoint (about 40% missed). One `catalyst mcp` process is started and initialized.

Timed: each tool's call, from the request sent to the answer read (medians of `--repeats`; the
first call of each untimed: it loads that tool's modules): `watchlist` (its first page of 500
rows), `positions` (all, and one with its returns), `thesis` of one ticker, `changes` since a
week before, `kpis` and `evidence` of every ticker, `results` of one ticker, `replay` of one
ticker's year, `calibration`. The floor:
`catalyst check --json` from launch to exit (medians of `--repeats` // 3), a whole process that
judges and prints every checkpoint: about 200 ms on these machines when they are quiet. Goal: a
call at most half of it (ratio <= 0.5: 100 ms a call on a quiet machine, the bound at 500
tickers), measured in the same run, so a machine busy with other work moves both alike.
"""

from __future__ import annotations

import argparse
import asyncio
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
from tests.support.mcp_client import ask, mcp_session  # noqa: E402

TICKERS = 500
RATIO_GOAL = 0.5  # of `catalyst check --json`: 100 ms of its 200 ms on a quiet machine
VENV_BIN = Path(sys.executable).parent


def calls(today: dt.date) -> list[tuple[str, dict[str, object]]]:
    week = (today - dt.timedelta(days=7)).isoformat()
    return [
        ("watchlist", {}),
        ("positions", {}),
        ("positions", {"symbol": "T0249"}),
        ("thesis", {"symbol": "T0250"}),
        ("changes", {"since": week}),
        ("kpis", {}),
        ("evidence", {}),
        ("results", {"symbol": "T0250"}),
        ("replay", {"symbol": "T0250"}),
        ("calibration", {}),
    ]


async def timed_calls(config: Path, db: Path, errors: Path, repeats: int) -> dict[str, float]:
    """Each tool's median call, in milliseconds."""
    took: dict[str, list[float]] = {}
    async with mcp_session(config, db, errors) as session:
        asked = calls(dt.date.today())
        for tool, arguments in asked:  # untimed: each tool's modules loaded
            answered = await ask(session, tool, arguments)
            if answered.error:
                raise SystemExit(f"{tool}: {answered.text}")
        for _ in range(repeats):
            for tool, arguments in asked:
                started = time.perf_counter()
                await ask(session, tool, arguments)
                name = f"{tool} {next(iter(arguments.values()))}" if "symbol" in arguments else tool
                took.setdefault(name, []).append((time.perf_counter() - started) * 1e3)
    return {tool: statistics.median(times) for tool, times in took.items()}


def check_json(argv: list[str], env: dict[str, str], repeats: int) -> float:
    """`catalyst check --json`'s median from launch to exit, in milliseconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, check=False)
        times.append((time.perf_counter() - started) * 1e3)
        if done.returncode not in (0, 1):
            raise SystemExit(f"check failed: {done.stderr[-2000:]!r}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-assistant-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CATALYST_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    env["XDG_STATE_HOME"] = str(tmp / "state")
    os.environ.update({k: env[k] for k in ("XDG_CACHE_HOME", "XDG_STATE_HOME")})
    try:
        config = tmp / "catalysts.toml"
        config.write_text(big_config_text(TICKERS), encoding="utf-8")
        db = tmp / "catalyst.db"
        note = seeded_database(db, config, TICKERS, args.years)
        argv = [str(VENV_BIN / "catalyst"), "--config", str(config), "--db", str(db)]
        check_json([*argv, "check", "--json"], env, 1)  # untimed: the first transitions
        load = os.getloadavg()[0]
        medians = asyncio.run(timed_calls(config, db, tmp / "errors", args.repeats))
        floor = check_json([*argv, "check", "--json"], env, max(3, args.repeats // 3))
        load_after = os.getloadavg()[0]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"assistant bench: `catalyst mcp` at {TICKERS} tickers ({args.years}y of bars), each"
        f" tool's call over stdio, medians of {args.repeats}; {dt.date.today().isoformat()}"
    )
    print(f"  machine: {machine()}; load average {load:.1f} -> {load_after:.1f}")
    print(f"  setup: {note}")
    print(f"  floor: catalyst check --json, launch to exit: {floor:.1f} ms")
    for tool, took in medians.items():
        print(f"    {tool:18} {took:8.2f} ms")
    slowest = max(medians, key=lambda tool: medians[tool])
    common = f"{TICKERS} tickers, {args.years}y of bars; load {load:.1f} -> {load_after:.1f}"
    emit(
        Figure(
            figure=f"mcp watchlist call at {TICKERS} tickers",
            measured=round(medians["watchlist"], 2),
            floor=round(floor, 2),
            unit="ms",
            goal=f"ratio <= {RATIO_GOAL:g}",
            floor_is=f"catalyst check --json at {TICKERS} tickers, launch to exit",
            note=f"its first page over stdio, median of {args.repeats}; {common}",
        )
    )
    emit(
        Figure(
            figure=f"mcp slowest tool call at {TICKERS} tickers ({slowest})",
            measured=round(medians[slowest], 2),
            floor=round(floor, 2),
            unit="ms",
            goal=f"ratio <= {RATIO_GOAL:g}",
            floor_is=f"catalyst check --json at {TICKERS} tickers, launch to exit",
            note=f"each of {len(medians)} tools over stdio, medians of {args.repeats}; {common}",
        )
    )


if __name__ == "__main__":
    main()
