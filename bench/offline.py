"""Benchmark: `catalyst refresh` of 500 symbols with no network (every provider at a loopback port
that refuses), against `catalyst check` on the same files: a refused host is not waited on, so
saying "offline" costs little more than starting, reading the config and the database.

    .venv/bin/python bench/offline.py [--repeats 5]

Setup (not timed): catalysts.toml naming 500 tickers, every provider's URL at an unused loopback
port, one untimed refresh that makes the database and one untimed check. Timed: the installed
`catalyst refresh` and `catalyst check` from launch to exit, alternating; medians. Goal: refresh
/ check <= 2.
The suite's tests prove the same deterministically (tests/jobs/test_offline.py: each host tried
once, no backoff asked for); this is the figure they leave out, the time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit, machine  # noqa: E402
from tests.support.market_server import unused_local_url  # noqa: E402

SYMBOLS = [f"S{i:04d}" for i in range(500)]
RATIO_GOAL = 2.0
VENV_BIN = Path(sys.executable).parent


def timed(argv: list[str], env: dict[str, str], codes: tuple[int, ...]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if done.returncode not in codes:
        raise SystemExit(f"{argv[-1]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    dead = unused_local_url()
    # PYTHONDONTWRITEBYTECODE (set on the build machines) would have both commands compile our
    # source at every launch, which no installed catalyst does: the untimed runs write the
    # bytecode the timed ones read (as bench/tui_latency.py's app_env).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_PROXY"] = "127.0.0.1"
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "catalysts.toml"
        config.write_text(
            '[settings]\nproviders = ["yahoo", "stooq"]\n'
            f'[providers.yahoo]\nbase_url = "{dead}"\ncookie_url = "{dead}/fc"\n'
            f'[providers.stooq]\nbase_url = "{dead}"\n'
            f'[providers.sec]\nbase_url = "{dead}"\n'
            f'tickers_url = "{dead}/files/company_tickers.json"\n'
            + "".join(f"[tickers.{s}]\n" for s in SYMBOLS),
            encoding="utf-8",
        )
        base = [str(VENV_BIN / "catalyst"), "--config", str(config), "--db", f"{tmp}/c.db"]
        refresh, check = [*base, "refresh"], [*base, "check"]
        timed(refresh, env, (3,))  # makes the database; every symbol stale: exit 3
        timed(check, env, (0, 1))  # its own modules' bytecode
        refreshes, checks = [], []
        for _ in range(args.repeats):
            refreshes.append(timed(refresh, env, (3,)))
            checks.append(timed(check, env, (0, 1)))
    measured, floor = statistics.median(refreshes), statistics.median(checks)
    print(
        f"refresh with no network: {measured:.3f} s, check: {floor:.3f} s (medians of "
        f"{args.repeats})"
    )
    emit(
        Figure(
            figure="refresh of 500 symbols, no network",
            measured=round(measured, 4),
            floor=round(floor, 4),
            unit="s",
            goal=f"ratio <= {RATIO_GOAL}",
            floor_is="catalyst check on the same files",
            note=f"medians of {args.repeats}, alternating",
        )
    )


if __name__ == "__main__":
    main()
