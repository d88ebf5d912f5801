"""Benchmark: start-up of `catalyst` to its first painted watchlist, and its peak RSS.

    .venv/bin/python bench/startup.py [--symbols 500] [--years 5] [--repeats 5] [--rss-repeats 3]
    .venv/bin/python bench/startup.py --py-spy /tmp/startup.json   # + one profiled start-up

Setup (not timed), as bench/tui_latency.py does it and with its code (prepare, app_env, PtyApp,
the market server): a temp dir with catalysts.toml (big_config_text: 500 tickers, 1,000
checkpoints) whose providers point at the loopback MarketServer (its own process, 20 ms per
request), a database seeded with seed_big (500 tickers x `--years` of daily bars, ~650k rows)
and one warm-up refresh + evaluation, so the TUI's own start-up refresh is a steady-state one.
The refresh interval is set to 30 minutes, so each launch makes exactly one refresh.

Start-up: from just before the process is launched (subprocess.Popen of the `catalyst` script,
`--config --db` the files above) to the read of the first pty output chunk that holds the row
"T0002", i.e. the first frame with the table's rows. Pty 120x36, TERM=xterm-256color, HOME and
XDG dirs in the temp dir. The app is then quit (ctrl+q) and the next one launched.
Floor: bench/_bare_table_app.py --rows N (a bare Textual app whose one DataTable holds as many
rows as there are tickers, shaped like the watchlist's), launched the same way and timed to the
same row. One untimed launch of each first (byte-code caches, page cache); then `--repeats`
timed launches of each, alternating; medians. Goal: catalyst / floor <= 1.15 at up to 500
tickers, <= 1.25 beyond (`make bench` runs 500 and 5,000: `--symbols 5000 --years 1 --no-rss`,
a year of bars, as the watchlist reads stored sparkline closes, not the bars).

Peak RSS: catalyst launched the same way; after the first paint, the bench waits until the
start-up refresh has stored every quote and the evaluation has stamped every checkpoint (read
from the database on a read-only connection), then for the screen to go quiet (the watchlist's
reload), then reads the TUI's VmHWM from /proc/PID/status and quits. Child processes count too:
from launch on, every 20 ms, each descendant's VmHWM is read while it lives (the refresh worker,
when the TUI refreshes in a child process, exits before the end), and the figure is the TUI's
VmHWM + the sum of its descendants' (each as last seen; a conservative sum, as they need not
peak together). Floor: the bare table app's VmHWM once painted and quiet (informative). Median
of `--rss-repeats`. Goal: <= 150 MB (absolute; MB = 2**20 bytes).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit, machine  # noqa: E402
from bench.tui_latency import (  # noqa: E402
    COLS,
    ROWS,
    VENV_BIN,
    HarnessError,
    PtyApp,
    app_env,
    harness_failure,
    market_process,
    prepare,
    stop_server,
)

STARTUP_GOALS = {500: 1.15, 5000: 1.25}  # up to N tickers: ratio
RSS_GOAL_MB = 150.0
FIRST_ROWS = re.compile(rb"T0002")
ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78])")
REFRESH_EVERY = 'refresh = "30m"\nrefresh_closed = "30m"\n'
INTERVALS = re.compile(r'refresh = "[^"]*"\nrefresh_closed = "[^"]*"\n')
MB = 1 << 20
POLL = 0.02  # seconds between looks at the app's child processes


@dataclass(frozen=True)
class Peak:
    own: int  # VmHWM of the app, bytes
    kids: int  # summed VmHWM of its descendants (each as last seen alive), bytes
    count: int  # how many descendants were seen
    at: float  # seconds from launch to the reading

    @property
    def total(self) -> int:
        return self.own + self.kids


# --------------------------------------------------------------------------------------------
# Processes
# --------------------------------------------------------------------------------------------


def vmhwm(pid: int) -> int:
    """Peak resident set size of a process in bytes (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Every live descendant of `pid` (children of each of its threads, recursively)."""
    out: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            out += kids
            todo += kids
    return out


def launch(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[PtyApp, float]:
    """Launch under a pty; (the app, seconds from launch to the first frame with rows)."""
    app = PtyApp(argv, env, cwd)
    try:
        painted = app.wait_for(FIRST_ROWS, 120)
    except HarnessError as exc:
        app.close()
        tail = ANSI.sub(b"", app.output())[-600:].decode("utf-8", "replace")
        raise HarnessError(
            f"{Path(argv[0]).name}: {exc}; exit status {app.proc.returncode}; last output: {tail!r}"
        ) from None
    except BaseException:
        app.close()
        raise
    return app, painted - app.started


def startup(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    app, took = launch(argv, env, cwd)
    app.close()
    return took


# --------------------------------------------------------------------------------------------
# Peak RSS
# --------------------------------------------------------------------------------------------


def refresh_done(db_path: Path, since: str, symbols: int) -> bool:
    """The start-up refresh stored every quote and the evaluation after it stamped every
    checkpoint (timestamps are whole seconds, hence >=)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
    try:
        fresh = conn.execute(
            "SELECT COUNT(*) FROM quotes WHERE fetched_at >= ?", [since]
        ).fetchone()[0]
        behind = conn.execute(
            "SELECT COUNT(*) FROM checkpoints WHERE archived = 0"
            " AND (evaluated_at IS NULL OR evaluated_at < ?)",
            [since],
        ).fetchone()[0]
    except sqlite3.OperationalError:  # locked by the writer: ask again
        return False
    finally:
        conn.close()
    return fresh >= symbols and behind == 0


def peak_rss(
    argv: list[str], env: dict[str, str], cwd: Path, db_path: Path | None, symbols: int
) -> Peak:
    """Launch, paint, wait for the start-up refresh and evaluation (when `db_path` is given) and
    for the screen to go quiet; the app's VmHWM then, and each descendant's as last seen alive
    (polled every POLL seconds from launch on: a refresh worker exits before the end)."""
    since = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    app = PtyApp(argv, env, cwd)
    kids: dict[int, int] = {}

    def poll() -> None:
        for kid in descendants(app.proc.pid):
            kids[kid] = max(kids.get(kid, 0), vmhwm(kid))

    try:
        deadline = time.monotonic() + 120
        while not FIRST_ROWS.search(app.output()):
            if app.eof or app.proc.poll() is not None:
                raise HarnessError(f"the app exited (status {app.proc.poll()})")
            if time.monotonic() > deadline:
                raise HarnessError("no first paint within 120 s")
            poll()
            time.sleep(POLL)
        while db_path is not None and not refresh_done(db_path, since, symbols):
            if app.proc.poll() is not None:
                raise HarnessError(f"the app exited (status {app.proc.poll()})")
            if time.monotonic() > deadline:
                raise HarnessError("the start-up refresh did not finish within 120 s")
            poll()
            time.sleep(POLL)
        quiet_until = time.monotonic() + 1.0
        while time.monotonic() < quiet_until:  # the reload after the cycle, still polling
            poll()
            time.sleep(POLL)
        app.wait_quiet(1.0, 10.0)
        poll()
        own = vmhwm(app.proc.pid)
        return Peak(own, sum(kids.values()), len(kids), time.monotonic() - app.started)
    finally:
        app.close()


# --------------------------------------------------------------------------------------------
# Profile
# --------------------------------------------------------------------------------------------


def profile(argv: list[str], env: dict[str, str], cwd: Path, out: Path) -> None:
    """One catalyst start-up under py-spy record (speedscope), quit once painted."""
    spy = [
        str(VENV_BIN / "py-spy"),
        "record",
        "--rate",
        "1000",
        "--idle",
        "--format",
        "speedscope",
        "--output",
        str(out),
        "--",
    ]
    app, took = launch(spy + argv, env, cwd)
    try:  # ctrl+q: the app quits, then py-spy writes its file (seconds, on a busy machine)
        os.write(app.master, b"\x11")
        app.proc.wait(120)
    except (OSError, subprocess.TimeoutExpired):
        pass
    app.close()
    # py-spy writes its file after the app has gone; give it a moment.
    for _ in range(50):
        if out.exists() and out.stat().st_size:
            break
        time.sleep(0.1)
    print(f"  py-spy: start-up {took:.2f} s under the profiler; profile in {out}")


# --------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.020, help="per request, seconds")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rss-repeats", type=int, default=3)
    parser.add_argument("--no-rss", action="store_true")
    parser.add_argument("--py-spy", metavar="FILE", type=Path, help="also profile one start-up")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir and say where")
    args = parser.parse_args()
    if args.symbols < 2:
        parser.error("--symbols must be at least 2")

    symbols = [f"T{i:04d}" for i in range(1, args.symbols + 1)]
    server, url_queue, log_queue, stop = market_process(symbols, args.latency)
    tmp = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    ours: list[float] = []
    floor: list[float] = []
    rss: list[Peak] = []
    floor_rss: list[Peak] = []
    try:
        server.start()
        base = url_queue.get(timeout=30)
        config_path, db_path, setup_note = prepare(tmp, base, args.symbols, args.years, True)
        text = config_path.read_text(encoding="utf-8")
        text = INTERVALS.sub(REFRESH_EVERY, text, count=1)
        config_path.write_text(text, encoding="utf-8")
        with contextlib.closing(sqlite3.connect(db_path)) as conn:
            bars = conn.execute("SELECT COUNT(*) FROM prices").fetchone()[0]
        env = app_env(tmp)
        catalyst = [str(VENV_BIN / "catalyst"), "--config", str(config_path), "--db", str(db_path)]
        bare = [
            sys.executable,
            str(REPO / "bench" / "_bare_table_app.py"),
            "--rows",
            str(args.symbols),
        ]

        warm = (startup(catalyst, env, tmp), startup(bare, env, tmp))
        for _ in range(args.repeats):
            ours.append(startup(catalyst, env, tmp))
            floor.append(startup(bare, env, tmp))
        if not args.no_rss:
            for _ in range(args.rss_repeats):
                rss.append(peak_rss(catalyst, env, tmp, db_path, args.symbols))
                floor_rss.append(peak_rss(bare, env, tmp, None, args.symbols))
        if args.py_spy is not None:
            profile(catalyst, env, tmp, args.py_spy.resolve())
    except (HarnessError, subprocess.SubprocessError) as exc:
        return harness_failure("startup", exc, tmp)
    finally:
        stop_server(server, stop)
        if args.keep:
            print(f"(temp dir kept: {tmp})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    goal = next((g for n, g in sorted(STARTUP_GOALS.items()) if args.symbols <= n), 1.25)
    scale = "" if args.symbols == 500 else f", {args.symbols:,} tickers"
    print(
        f"startup bench: {args.symbols} tickers x {args.years}y ({bars:,} bars), pty "
        f"{COLS}x{ROWS}, {args.repeats} alternating launches each, "
        f"{dt.date.today().isoformat()}"
    )
    print(f"  machine: {machine()}")
    print(f"  setup: {setup_note}")
    print(f"  untimed first launches: catalyst {warm[0]:.2f} s, floor {warm[1]:.2f} s")
    print(
        f"  catalyst, launch to first painted watchlist: median {ours_s:.3f} s  "
        f"(runs {', '.join(f'{t:.2f}' for t in ours)})"
    )
    print(
        f"  floor (bare app, {args.symbols}-row DataTable):       median {floor_s:.3f} s  "
        f"(runs {', '.join(f'{t:.2f}' for t in floor)})"
    )
    start_fig = Figure(
        figure=f"start-up to first painted watchlist{scale}",
        measured=round(ours_s, 4),
        floor=round(floor_s, 4),
        unit="s",
        goal=f"ratio <= {goal}",
        floor_is=f"bare Textual app, {args.symbols}-row DataTable (bench/_bare_table_app.py), "
        "same pty",
        note=f"{args.symbols} tickers, {bars:,} bars; medians of {args.repeats} alternating "
        f"launches, pty {COLS}x{ROWS}",
    )
    print(f"  ratio {start_fig.ratio:.2f} (goal <= {goal}: {'met' if start_fig.met else 'MISSED'})")
    if rss:
        ours_mb = statistics.median(p.total for p in rss) / MB
        floor_mb = statistics.median(p.total for p in floor_rss) / MB
        own_mb = statistics.median(p.own for p in rss) / MB
        kids = max(p.count for p in rss)
        kids_mb = statistics.median(p.kids for p in rss) / MB
        print(
            f"  peak RSS of catalyst through start-up, paint, one refresh + evaluation: median "
            f"{ours_mb:.1f} MB (runs {', '.join(f'{p.total / MB:.1f}' for p in rss)}; read "
            f"{statistics.median(p.at for p in rss):.1f} s after launch)"
        )
        print(
            f"    = the TUI's own VmHWM {own_mb:.1f} MB + its child processes' VmHWM summed, "
            f"{kids_mb:.1f} MB ({kids} child process{'es' if kids != 1 else ''} seen, e.g. "
            "the refresh worker; each as last seen alive, polled every "
            f"{POLL * 1000:.0f} ms)"
        )
        print(f"  floor, bare table app painted: median {floor_mb:.1f} MB")
        rss_fig = Figure(
            figure="peak RSS: start-up + paint + 1 refresh",
            measured=round(ours_mb, 1),
            floor=round(floor_mb, 1),
            unit="MB",
            goal=f"measured <= {RSS_GOAL_MB:g}",
            floor_is="VmHWM of the bare 500-row DataTable app once painted (informative)",
            note=f"VmHWM of the TUI {own_mb:.1f} MB + its {kids} child process(es) summed "
            f"{kids_mb:.1f} MB; {args.symbols} tickers, {bars:,} bars; median of "
            f"{args.rss_repeats}",
        )
        print(f"  goal <= {RSS_GOAL_MB:g} MB: {'met' if rss_fig.met else 'MISSED'}")
    emit(start_fig)
    if rss:
        emit(rss_fig)
    return 0


if __name__ == "__main__":
    sys.exit(main())
