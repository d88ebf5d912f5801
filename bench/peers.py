"""Benchmark: catalyst beside its peers against the same loopback market: stockstui's start-up
and yfinance's 500-symbol download. Optional: the peers are not catalyst's dependencies.

    .venv/bin/python bench/peers.py --peer-python /path/to/venv/bin/python [--symbols 500]

The peers are run with `--peer-python` (default: $CATALYST_PEERS_PYTHON, else this interpreter),
a Python where `pip install stockstui yfinance` was done; a peer not importable there is skipped
with a note saying how to install it. Setup as bench/startup.py (its prepare, pty and market: 500
tickers, 5 years of bars, one warm-up refresh; the market in its own process, 20 ms a request).
bench/_peer_driver.py points yfinance (which stockstui uses) at the loopback market.

- 500 symbols' prices: catalyst's refresh of the start-up bench's config in this process
  (bench/refresh.py's `timed_refresh`, after the warm-up refresh; the requests it sends are
  printed: five v7 batches once the history is current) against
  `yf.download` of the same 500 symbols (period 5d, daily: one chart request per symbol,
  threads), timed around the call in the driver (imports excluded). Informative, printed: the
  whole `catalyst refresh` command (its evidence and evaluation of 1,000 checkpoints too) and
  the whole yfinance process, launch to exit.
- Start-up: catalyst to its first frame with the row T0002 (bench/startup.py's measure) against
  stockstui to its first frame with T0002, its watchlist holding the same 500 symbols (its
  lists.json in the temp home), same pty.

Alternating runs, medians. Each figure is catalyst's time over the peer's: goal ratio <= 1
(catalyst no slower than its peer); the figures are the margins docs/performance.md shows.
"""

from __future__ import annotations

import argparse
import json
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
from bench.refresh import timed_refresh  # noqa: E402
from bench.startup import INTERVALS, REFRESH_EVERY, launch, startup  # noqa: E402
from bench.tui_latency import (  # noqa: E402
    VENV_BIN,
    HarnessError,
    app_env,
    harness_failure,
    market_process,
    prepare,
    stop_server,
)

DRIVER = REPO / "bench" / "_peer_driver.py"


def installed(python: str, module: str) -> str | None:
    """The module's version under `python`, or None when it is not importable there."""
    code = f"import importlib.metadata as m, {module}; print(m.version({module!r}))"
    done = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=120)
    return done.stdout.strip() if done.returncode == 0 else None


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=600)
    took = time.monotonic() - started
    if done.returncode not in (0, 1):  # catalyst refresh: 1 when a checkpoint is flagged
        raise HarnessError(f"{Path(argv[0]).name} exited {done.returncode}: {done.stderr[-800:]}")
    return took, done.stdout


def quotes_in_process(config_path: Path, db_path: Path) -> float:
    """Seconds of catalyst's steady-state refresh of the bench's symbols, in this process."""
    import asyncio

    from catalyst_tui.config import load_config
    from catalyst_tui.store import Store

    store = Store.open(db_path)
    try:
        took, sent = asyncio.run(timed_refresh(load_config(config_path), store))
        print(f"  catalyst refresh in process: {took:.3f} s, {sent} requests")
        return took
    finally:
        store.close()


def stockstui_home(env: dict[str, str], symbols: list[str]) -> None:
    """stockstui's lists.json in the temp home: one list holding the bench's symbols."""
    folder = Path(env["XDG_CONFIG_HOME"]) / "stockstui"
    folder.mkdir(parents=True, exist_ok=True)
    rows = [{"ticker": s, "alias": s, "note": ""} for s in symbols]
    (folder / "lists.json").write_text(json.dumps({"stocks": rows}), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.020, help="per request, seconds")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--peer-python", default=os.environ.get("CATALYST_PEERS_PYTHON", sys.executable)
    )
    args = parser.parse_args()
    versions = {m: installed(args.peer_python, m) for m in ("yfinance", "stockstui")}
    for module, version in versions.items():
        if version is None:
            print(
                f"peers bench: {module} is not installed for {args.peer_python}: skipped. "
                f"To measure it: python -m venv /tmp/peers && /tmp/peers/bin/pip install "
                f"stockstui yfinance, then --peer-python /tmp/peers/bin/python (they are "
                f"not catalyst's dependencies)."
            )
    if not any(versions.values()):
        print("PEERS-SKIPPED: neither peer is installed")
        return 0

    symbols = [f"T{i:04d}" for i in range(1, args.symbols + 1)]
    server, url_queue, _log_queue, stop = market_process(symbols, args.latency)
    tmp = Path(tempfile.mkdtemp(prefix="bench-peers-"))
    ours_q: list[float] = []
    yf_q: list[float] = []
    yf_inside: list[float] = []
    ours_inside: list[float] = []
    ours_s: list[float] = []
    stui_s: list[float] = []
    try:
        server.start()
        base = url_queue.get(timeout=30)
        config_path, db_path, setup_note = prepare(tmp, base, args.symbols, args.years, True)
        text = INTERVALS.sub(REFRESH_EVERY, config_path.read_text(encoding="utf-8"), count=1)
        config_path.write_text(text, encoding="utf-8")
        env = app_env(tmp)
        catalyst = [str(VENV_BIN / "catalyst"), "--config", str(config_path), "--db", str(db_path)]
        peer_env = env | {"PEER_MARKET": base}
        stockstui_home(env, symbols)
        yf = [args.peer_python, str(DRIVER), "yfinance", *symbols]
        stui = [args.peer_python, str(DRIVER), "stockstui"]
        if versions["yfinance"]:
            timed([*catalyst, "refresh"], env, tmp)  # untimed first runs: caches
            timed(yf, peer_env, tmp)
            for _ in range(args.repeats):
                ours_q.append(timed([*catalyst, "refresh"], env, tmp)[0])
                took, out = timed(yf, peer_env, tmp)
                yf_q.append(took)
                _, inside, got = out.split()[-3:]
                if int(got) != args.symbols:
                    raise HarnessError(f"yfinance downloaded bars of {got} of {args.symbols}")
                yf_inside.append(float(inside))
                ours_inside.append(quotes_in_process(config_path, db_path))
        if versions["stockstui"]:
            startup(catalyst, env, tmp)
            app, _took = launch(stui, peer_env, tmp)
            app.close()
            for _ in range(args.repeats):
                ours_s.append(startup(catalyst, env, tmp))
                stui_s.append(startup(stui, peer_env, tmp))
    except (HarnessError, subprocess.SubprocessError, ValueError) as exc:
        return harness_failure("peers", exc, tmp)
    finally:
        stop_server(server, stop)
        shutil.rmtree(tmp, ignore_errors=True)

    load = os.getloadavg()[0]
    print(
        f"peers bench: {args.symbols} symbols, loopback market {args.latency * 1000:.0f} ms a "
        f"request, {args.repeats} alternating runs, load average {load:.2f}"
    )
    print(
        f"  machine: {machine()}; peers: "
        + ", ".join(f"{m} {v or 'not installed'}" for m, v in versions.items())
    )
    print(f"  setup: {setup_note}")
    figures: list[Figure] = []
    if ours_q:
        a, b = statistics.median(ours_inside), statistics.median(yf_inside)
        print(
            f"  catalyst steady refresh (in process): median {a:.3f} s  (runs "
            f"{', '.join(f'{t:.2f}' for t in ours_inside)})"
        )
        print(
            f"  yf.download alone:                    median {b:.3f} s  (runs "
            f"{', '.join(f'{t:.2f}' for t in yf_inside)})"
        )
        print(
            f"  informative, whole processes: `catalyst refresh` median "
            f"{statistics.median(ours_q):.2f} s, yfinance's "
            f"{statistics.median(yf_q):.2f} s"
        )
        figures.append(
            Figure(
                figure=f"refresh of {args.symbols} symbols: catalyst vs yf.download",
                measured=round(a, 4),
                floor=round(b, 4),
                unit="s",
                goal="ratio <= 1",
                floor_is=f"peer: yfinance {versions['yfinance']} yf.download (5d daily, threads)",
                note=f"same loopback market; catalyst's refresh after a warm-up; medians of "
                f"{args.repeats}",
            )
        )
    if ours_s:
        a, b = statistics.median(ours_s), statistics.median(stui_s)
        print(
            f"  catalyst start-up to rows:  median {a:.3f} s  (runs "
            f"{', '.join(f'{t:.2f}' for t in ours_s)})"
        )
        print(
            f"  stockstui start-up to rows: median {b:.3f} s  (runs "
            f"{', '.join(f'{t:.2f}' for t in stui_s)})"
        )
        figures.append(
            Figure(
                figure=f"start-up to rows, {args.symbols} tickers: catalyst vs stockstui",
                measured=round(a, 4),
                floor=round(b, 4),
                unit="s",
                goal="ratio <= 1",
                floor_is=f"peer: stockstui {versions['stockstui']}, its list of the same symbols",
                note=f"same pty and market; medians of {args.repeats}",
            )
        )
    for figure in figures:
        print(f"  {figure.figure}: catalyst takes {figure.ratio:.2f}x the peer's time")
        emit(figure)
    return 0


if __name__ == "__main__":
    sys.exit(main())
