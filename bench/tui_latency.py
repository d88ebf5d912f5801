"""Benchmark: key-to-screen latency of the real TUI in a pty while a big refresh runs.

Keys go to `catalyst` in a pseudo-terminal while refreshes of 500 symbols run against the
loopback market; the floor is a bare Textual DataTable under the same pty and the same keys.

    .venv/bin/python bench/tui_latency.py [--symbols 500] [--seconds 80] [--latency 0.02]
                                          [--years 1] [--floor-seconds 25]
    .venv/bin/python bench/tui_latency.py --probe /tmp/probe.jsonl   # + where the loop's time goes
    .venv/bin/python bench/tui_latency.py --py-spy /tmp/spy.json     # + a py-spy profile

About two minutes with the defaults (80 s of keys to catalyst, 25 s to the floor, setup).

Setup: a temp dir with catalysts.toml (tests/support/demo_data.big_config_text: 500 tickers,
1,000 checkpoints) whose Yahoo and Stooq providers point at the loopback MarketServer (its own
process, `--latency` per request), `refresh` and `refresh_closed` at "10s" so refreshes keep
coming; a database seeded with seed_big (`--years` of bars), then one warm-up refresh, evaluation
and delivery in this process (`--cold` skips it), so the TUI sees steady-state refreshes: the
first one of the day (earnings dates for every symbol, a flood of first transitions) is not the
one a user sits through every 10 seconds.

Measurement: `catalyst --config … --db …` (the real entry point) under a pty of 120x36,
TERM=xterm-256color, HOME and XDG dirs in the temp dir, no CATALYST_* and no D-Bus session (desktop
notifications fail fast). Once the watchlist is painted, a key is written every ~100 ms (jittered
80-120 ms so it does not lock step with the app's timers), alternating down and up: the DataTable
cursor moves between rows 0 and 1 (T0001, T0002) and Textual repaints those two rows. A key's
latency is from just before os.write of the key to the read of the first output chunk after it
that holds one of those rows (content, not the first byte: while a refresh runs the progress bar
repaints continuously, so the first byte after a key is often not the key's frame). The next key
waits for the output to go quiet (20 ms, at most 150 ms). A reader thread drains the pty all the
time, so the app never blocks on output.

"During a refresh" comes from the market server's request log: requests cluster per refresh;
a key counts when sent from `--lead` seconds before a cluster's first request (the reads that
come before the first request) to `--tail` seconds after its last one (the store / evaluate /
redraw work that follows the last response).

Floor, same run and same method: bench/_bare_table_app.py (one DataTable of 500 rows x 11
columns of similar text, no refresh), same pty, same keys, same stats.
Goal (the issue): catalyst p99 <= 50 ms during a refresh, absolute. The last line is the BENCH
line of bench/_report.py (p99 during refreshes against the floor's p99, with the load average in
its note). Exit status 0 whatever the figures; 2 when the harness itself failed. The CPU line
counts the TUI's refresh processes (python -m catalyst_tui.jobs.worker.process, one per refresh)
apart from the TUI itself.

--probe FILE runs the same app through bench/_tui_probe.py (catalyst_tui.cli.main with every
event-loop callback, loop iteration, generation-2 garbage collection and a list of catalyst and
Textual functions timed, wall and main-thread CPU) and prints which synchronous work blocked the
loop in each refresh; its timers add a little overhead, so take the latency figures from a run
without it. --py-spy FILE attaches py-spy (`.venv/bin/pip install py-spy`; needs ptrace) in
--nonblocking mode, so it does not pause the app it samples.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import fcntl
import math
import multiprocessing
import os
import random
import re
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.demo_data import big_config_text, seed_big  # noqa: E402
from tests.support.market_server import SESSION_OPEN, MarketServer  # noqa: E402

from catalyst_tui.config import load_config  # noqa: E402
from catalyst_tui.jobs.evaluation import evaluate_checkpoints  # noqa: E402
from catalyst_tui.jobs.refresh import refresh_in_process  # noqa: E402
from catalyst_tui.market.http.client import MarketClient  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402

GOAL_MS = 50.0
COLS, ROWS = 120, 36
DOWN, UP, CTRL_HOME = b"\x1b[B", b"\x1b[A", b"\x1b[1;5H"
# The two rows the cursor moves between, by their text (not "T0001/…" in a toast); once the first
# paint shows on which screen lines they are, by the cursor move to the start of those lines,
# which also holds when the row's text changes (a flagged "⚑ T0001" is cut to "⚑ T000" when the
# Symbol column was sized before the flag came).
ROW_TEXT = re.compile(rb"T000[12](?![/0-9])")
CURSOR_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
KEY_TIMEOUT = 10.0  # a key with no frame by then is "lost" (and the cursor is sent home)
QUIET, QUIET_CAP = 0.020, 0.150
CLUSTER_GAP = 2.0  # seconds without a request that separate two refreshes
VENV_BIN = Path(sys.executable).parent


class HarnessError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# The loopback market (its own process)
# --------------------------------------------------------------------------------------------


def serve(symbols: list[str], latency: float, urls, stop, log_out) -> None:
    """Serve until told to stop, then hand back the request log (monotonic time, endpoint)."""
    with MarketServer(symbols=symbols, latency=latency) as server:
        urls.put(server.url)
        stop.wait()
        log_out.put([(r.time, r.provider, r.endpoint) for r in server.requests])


# --------------------------------------------------------------------------------------------
# Setup: config, database, warm-up refresh
# --------------------------------------------------------------------------------------------


def market_process(symbols: list[str], latency: float):
    """The loopback market in a spawned process running `serve` (not started yet): the process,
    the queue its URL arrives on, the queue of its request log, and the event that stops it."""
    ctx = multiprocessing.get_context("spawn")
    url_queue, log_queue, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    server = ctx.Process(target=serve, args=(symbols, latency, url_queue, stop, log_queue))
    return server, url_queue, log_queue, stop


def harness_failure(bench: str, exc: BaseException, tmp: Path) -> int:
    """Say what broke, with the end of the app's log; the exit status for it."""
    print(f"{bench}: harness failure: {exc}", file=sys.stderr)
    logfile = tmp / "home" / ".local" / "state" / "catalyst" / "log" / "catalyst.log"
    if logfile.exists():
        print(logfile.read_text()[-3000:], file=sys.stderr)
    return 2


def stop_server(server, stop) -> None:
    """Stop the loopback market's process (see `serve`)."""
    stop.set()
    server.join(10)
    if server.is_alive():
        server.terminate()
        server.join(5)


def config_text(base: str, n: int) -> str:
    settings = (
        '[settings]\nrefresh = "10s"\nrefresh_closed = "10s"\nproviders = ["yahoo", "stooq"]\n'
    )
    text = big_config_text(n).replace("[settings]\n", settings, 1)
    return text + (
        f'\n[providers.yahoo]\nbase_url = "{base}"\ncookie_url = "{base}/fc"\n'
        f'\n[providers.stooq]\nbase_url = "{base}"\n'
    )


async def _warm_refresh(config, store: Store):
    async with MarketClient(trust_env=False) as client:
        return await refresh_in_process(config, store, client=client)


def seeded_until(now: dt.datetime) -> dt.datetime:
    """When the seeded history ends: now, or a day back before the loopback market's session
    opens. A bar of a day the market has not had (today, before its open) cannot be replaced by
    any chart, so every refresh's split check (a quote more than twice or under half the
    seeded last close: the market prices by its own model) asked each such symbol's history of
    Yahoo and then Stooq, and found nothing: ~650 requests a refresh instead of 5."""
    opens = dt.datetime.combine(now.date(), dt.time(), dt.UTC) + SESSION_OPEN
    return now if now >= opens else now - dt.timedelta(days=1)


def prepare(tmp: Path, base: str, n: int, years: int, warm: bool) -> tuple[Path, Path, str]:
    config_path, db_path = tmp / "catalysts.toml", tmp / "catalyst.db"
    config_path.write_text(config_text(base, n), encoding="utf-8")
    config = load_config(config_path)
    store = Store.open(db_path)
    try:
        started = time.perf_counter()
        seed_big(store, config, now=seeded_until(dt.datetime.now(dt.UTC)), years=years)
        seeded = time.perf_counter() - started
        note = f"seeded {n} symbols x {years}y in {seeded:.1f} s"
        if warm:
            started = time.perf_counter()
            report = asyncio.run(_warm_refresh(config, store))
            now = dt.datetime.now(dt.UTC)
            changed = evaluate_checkpoints(config, store, now)
            while notices := store.outbox.claim("bench-warm-up", now, limit=500):
                for notice in notices:  # what the daemon would have done with them
                    store.outbox.sent(notice.outbox_id, ["desktop"], now)
            if report.stale:
                raise HarnessError(f"warm-up refresh left {len(report.stale)} symbols stale")
            note += (
                f"; warm-up refresh + evaluation {time.perf_counter() - started:.1f} s "
                f"({len(changed)} transitions)"
            )
    finally:
        store.close()
    return config_path, db_path, note


def app_env(tmp: Path) -> dict[str, str]:
    home = tmp / "home"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CATALYST_", "TEXTUAL", "DBUS_"))
        # PYTHONDONTWRITEBYTECODE (set on the build machines) would have the apps compile our
        # source at every launch, which no installed catalyst does: the first, untimed launch
        # of each app writes the bytecode the timed ones read.
        and k not in ("COLUMNS", "LINES", "COLORTERM", "TERM_PROGRAM", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(
        TERM="xterm-256color",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(home / "run"),
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    env.setdefault("LANG", "C.UTF-8")
    for d in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        Path(env[d]).mkdir(parents=True, exist_ok=True)
    Path(env["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True, mode=0o700)
    # A user who has answered the first start's SEC contact question (the benches' configs
    # have no SEC contact): the TUI opens on the watchlist, not on that form, whose keys are
    # not the table's.
    state = Path(env["XDG_STATE_HOME"]) / "catalyst"
    state.mkdir(parents=True, exist_ok=True)
    (state / "tui.json").write_text('{"sec_contact_asked": true}', encoding="utf-8")
    return env


# --------------------------------------------------------------------------------------------
# An app under a pseudo-terminal
# --------------------------------------------------------------------------------------------


class PtyApp:
    """A child process on a pty whose output a thread reads as (monotonic time, bytes) chunks."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.master = master
        self.chunks: list[tuple[float, bytes]] = []
        self.cond = threading.Condition()
        self.eof = False
        self.row_mark = ROW_TEXT
        self.started = time.monotonic()
        try:
            self.proc = subprocess.Popen(
                argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=cwd,
                start_new_session=True,
                close_fds=True,
            )
        finally:
            os.close(slave)
        self.thread = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:  # EIO: every holder of the slave side is gone
                data = b""
            now = time.monotonic()
            with self.cond:
                if not data:
                    self.eof = True
                    self.cond.notify_all()
                    return
                self.chunks.append((now, data))
                self.cond.notify_all()

    def output(self) -> bytes:
        with self.cond:
            return b"".join(data for _, data in self.chunks)

    def wait_for(self, pattern: re.Pattern[bytes], timeout: float) -> float:
        """The time of the chunk in which `pattern` first shows (anywhere in the output)."""
        deadline = time.monotonic() + timeout
        seen, tail = 0, b""
        with self.cond:
            while True:
                while seen < len(self.chunks):
                    t, data = self.chunks[seen]
                    seen += 1
                    tail = tail[-64:] + data
                    if pattern.search(tail):
                        return t
                if self.eof or self.proc.poll() is not None:
                    raise HarnessError(f"the app exited (status {self.proc.poll()})")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise HarnessError(f"no {pattern.pattern!r} on screen after {timeout:.0f} s")
                self.cond.wait(left)

    def learn_rows(self) -> str:
        """Match the key frames by the screen lines rows 0 and 1 were first painted on."""
        output = self.output()
        lines = []
        for symbol in (b"T0001", b"T0002"):
            found = output.find(symbol)
            moves = list(CURSOR_MOVE.finditer(output, 0, max(found, 0)))
            if found < 0 or not moves or moves[-1].group(2) != b"1":
                return "by row text"
            lines.append(int(moves[-1].group(1)))
        if lines[1] != lines[0] + 1:
            return "by row text"
        self.row_mark = re.compile(rb"\x1b\[(?:%d|%d);1H" % tuple(lines))
        return f"by repaint of screen lines {lines[0]} and {lines[1]}"

    def send(self, key: bytes) -> tuple[float, int, bool]:
        """Write a key: (time just before the write, chunks so far, output in the last 5 ms)."""
        with self.cond:
            index = len(self.chunks)
            last = self.chunks[-1][0] if self.chunks else 0.0
        sent = time.monotonic()
        os.write(self.master, key)
        return sent, index, sent - last < 0.005

    def wait_frame(self, index: int, sent: float, timeout: float) -> float | None:
        """The read time of the first chunk after `sent` that completes a row mark."""
        deadline = sent + timeout
        tail = b""
        with self.cond:
            while True:
                while index < len(self.chunks):
                    t, data = self.chunks[index]
                    index += 1
                    if t < sent:
                        continue  # read before the key was written: not its frame
                    tail = tail[-16:] + data
                    if self.row_mark.search(tail):
                        return t
                left = deadline - time.monotonic()
                if self.eof or left <= 0:
                    return None
                self.cond.wait(left)

    def wait_quiet(self, quiet: float, cap: float) -> None:
        start = time.monotonic()
        with self.cond:
            while True:
                now = time.monotonic()
                last = self.chunks[-1][0] if self.chunks else 0.0
                if now - last >= quiet or now - start >= cap or self.eof:
                    return
                self.cond.wait(min(quiet - (now - last), cap - (now - start)))

    def close(self) -> None:
        """ctrl+q, then SIGTERM, then SIGKILL to the app's own process group."""
        if self.proc.poll() is None:
            try:
                os.write(self.master, b"\x11")
                self.proc.wait(3)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if self.proc.poll() is not None:
                break
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                continue
        self.thread.join(2)
        with contextlib.suppress(OSError):
            os.close(self.master)


# --------------------------------------------------------------------------------------------
# Sampling and statistics
# --------------------------------------------------------------------------------------------


@dataclass
class Sample:
    sent: float  # monotonic
    latency: float | None  # seconds; None: no frame within KEY_TIMEOUT
    busy: bool  # output was arriving when the key was written
    phase: str = "idle"  # idle, start (before the first request), network, finish (after)


def sample_keys(app: PtyApp, seconds: float, rng: random.Random) -> list[Sample]:
    samples: list[Sample] = []
    down = True  # the cursor starts on row 0
    end = time.monotonic() + seconds
    next_send = time.monotonic()
    while time.monotonic() < end:
        pause = next_send - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        sent, index, busy = app.send(DOWN if down else UP)
        next_send = sent + rng.uniform(0.080, 0.120)
        frame = app.wait_frame(index, sent, KEY_TIMEOUT)
        if frame is None:
            samples.append(Sample(sent, None, busy))
            if app.eof or app.proc.poll() is not None:
                raise HarnessError("the app exited while keys were being sent")
            app.send(CTRL_HOME)  # back to row 0, whatever happened to the lost key
            app.wait_quiet(0.3, 2.0)
            down = True
            continue
        samples.append(Sample(sent, frame - sent, busy))
        down = not down
        app.wait_quiet(QUIET, QUIET_CAP)
    return samples


def percentile(values: list[float], p: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def stats_line(label: str, samples: list[Sample]) -> str:
    ms = [s.latency * 1000 for s in samples if s.latency is not None]
    lost = sum(1 for s in samples if s.latency is None)
    if not ms:
        return f"  {label}: no samples"
    p50, p90, p99 = (percentile(ms, p) for p in (50, 90, 99))
    line = (
        f"  {label}: n={len(ms):4d}  p50 {p50:6.1f}  p90 {p90:6.1f}  p99 {p99:6.1f}  "
        f"max {max(ms):7.1f} ms"
    )
    return line + (f"  ({lost} lost > {KEY_TIMEOUT:.0f} s)" if lost else "")


def p99_ms(samples: list[Sample]) -> float | None:
    ms = [s.latency * 1000 for s in samples if s.latency is not None]
    lost = [KEY_TIMEOUT * 1000] * sum(1 for s in samples if s.latency is None)
    return percentile(ms + lost, 99) if ms or lost else None


def refreshes(log: list[tuple[float, str, str]], since: float) -> list[tuple[float, float, int]]:
    """(first request, last request, requests) of each refresh the app made after `since`."""
    times = sorted(t for t, provider, _ in log if t >= since and provider in ("yahoo", "stooq"))
    clusters: list[list[float]] = []
    for t in times:
        if clusters and t - clusters[-1][-1] <= CLUSTER_GAP:
            clusters[-1].append(t)
        else:
            clusters.append([t])
    return [(c[0], c[-1], len(c)) for c in clusters]


def classify(
    samples: list[Sample], windows: list[tuple[float, float, int]], lead: float, tail: float
) -> None:
    for s in samples:
        for first, last, _ in windows:
            if first - lead <= s.sent < first:
                s.phase = "start"
            elif first <= s.sent <= last:
                s.phase = "network"
            elif last < s.sent <= last + tail:
                s.phase = "finish"


# --------------------------------------------------------------------------------------------
# Runs
# --------------------------------------------------------------------------------------------


def cpu_seconds(pid: int, children: bool = False) -> float:
    """User + system CPU time of a process (all its threads) so far; with `children`, that of
    its children it has reaped instead (the TUI's market refresh processes)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    first = 13 if children else 11
    return (int(fields[first]) + int(fields[first + 1])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    samples: list[Sample]
    startup: float  # launch to the first paint of T0002, seconds
    matched: str  # how key frames were recognised
    start: float  # monotonic time sampling began
    wall: float  # sampling seconds
    cpu: dict[str, float]  # CPU seconds used while sampling: app, market server, this bench


def run_app(
    argv: list[str],
    env: dict[str, str],
    cwd: Path,
    seconds: float,
    seed: int,
    dump: Path | None,
    py_spy: Path | None = None,
    server_pid: int | None = None,
) -> Run:
    """Launch, wait for the first paint, sample keys for `seconds`."""
    app = PtyApp(argv, env, cwd)
    spy: subprocess.Popen | None = None
    try:
        painted = app.wait_for(re.compile(rb"T0002"), 120)
        app.wait_quiet(0.2, 2.0)
        matched = app.learn_rows()
        if py_spy is not None:
            spy = subprocess.Popen(
                [
                    str(VENV_BIN / "py-spy"),
                    "record",
                    "--pid",
                    str(app.proc.pid),
                    "--nonblocking",
                    "--rate",
                    "250",
                    "--format",
                    "speedscope",
                    "--output",
                    str(py_spy),
                    "--duration",
                    str(int(seconds) + 1),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        pids = {"app": app.proc.pid, "market server": server_pid, "bench": os.getpid()}
        before = {name: cpu_seconds(pid) for name, pid in pids.items() if pid is not None}
        before_children = cpu_seconds(app.proc.pid, children=True)
        start = time.monotonic()
        samples = sample_keys(app, seconds, random.Random(seed))
        wall = time.monotonic() - start
        cpu = {name: cpu_seconds(pids[name]) - used for name, used in before.items()}
        cpu["app's refresh processes"] = cpu_seconds(app.proc.pid, children=True) - before_children
        return Run(samples, painted - app.started, matched, start, wall, cpu)
    finally:
        if spy is not None:
            try:
                spy.wait(15)
            except subprocess.TimeoutExpired:
                spy.terminate()
                spy.wait(5)
        app.close()
        if dump is not None:
            dump.write_bytes(app.output())


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=80.0, help="catalyst sampling time")
    parser.add_argument("--floor-seconds", type=float, default=25.0)
    parser.add_argument("--latency", type=float, default=0.020, help="per request, seconds")
    parser.add_argument("--years", type=int, default=1, help="stored history (seed_big)")
    parser.add_argument(
        "--lead", type=float, default=0.5, help="seconds before a refresh's first request in it"
    )
    parser.add_argument(
        "--tail", type=float, default=1.5, help="seconds after a refresh's last request in it"
    )
    parser.add_argument("--cold", action="store_true", help="no warm-up refresh before the TUI")
    parser.add_argument("--no-floor", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir and say where")
    parser.add_argument("--dump", action="store_true", help="save raw pty output in the temp dir")
    parser.add_argument(
        "--py-spy",
        metavar="FILE",
        type=Path,
        help="attach py-spy (speedscope, --nonblocking) to catalyst while sampling",
    )
    parser.add_argument(
        "--probe",
        metavar="FILE",
        type=Path,
        help="run catalyst through bench/_tui_probe.py (event-loop timers, "
        "recorded to FILE) and print its report",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.symbols < 2:
        parser.error("--symbols must be at least 2")

    symbols = [f"T{i:04d}" for i in range(1, args.symbols + 1)]
    server, url_queue, log_queue, stop = market_process(symbols, args.latency)
    tmp = Path(tempfile.mkdtemp(prefix="tui-latency-"))
    load_before = loadavg()
    log: list[tuple[float, str, str]] = []
    try:
        server.start()
        base = url_queue.get(timeout=30)
        config_path, db_path, setup_note = prepare(
            tmp, base, args.symbols, args.years, not args.cold
        )
        env = app_env(tmp)
        catalyst = [str(VENV_BIN / "catalyst"), "--config", str(config_path), "--db", str(db_path)]
        if args.probe is not None:
            probe = str(REPO / "bench" / "_tui_probe.py")
            catalyst = [sys.executable, probe, str(args.probe.resolve()), *catalyst[1:]]
        launched = time.monotonic()
        main_run = run_app(
            catalyst,
            env,
            tmp,
            args.seconds,
            args.seed,
            tmp / "catalyst.pty" if args.dump else None,
            args.py_spy,
            server.pid,
        )
        samples, startup, sampling_from = main_run.samples, main_run.startup, main_run.start
        load_mid = loadavg()
        floor: list[Sample] = []
        if not args.no_floor:
            bare = [
                sys.executable,
                str(REPO / "bench" / "_bare_table_app.py"),
                "--rows",
                str(args.symbols),
            ]
            floor_run = run_app(
                bare,
                env,
                tmp,
                args.floor_seconds,
                args.seed,
                tmp / "floor.pty" if args.dump else None,
                None,
                server.pid,
            )
            floor = floor_run.samples
        stop.set()
        log = log_queue.get(timeout=30)
    except HarnessError as exc:
        return harness_failure("tui_latency", exc, tmp)
    finally:
        stop_server(server, stop)
        if args.keep or args.dump:
            print(f"(temp dir kept: {tmp})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    windows = refreshes(log, launched)
    during_windows = [
        w
        for w in windows
        if w[1] + args.tail >= sampling_from and w[0] - args.lead <= main_run.start + main_run.wall
    ]
    if not during_windows:
        print(
            "tui_latency: harness failure: no refresh reached the market server while "
            "keys were sent",
            file=sys.stderr,
        )
        return 2
    classify(samples, windows, args.lead, args.tail)
    during = [s for s in samples if s.phase != "idle"]
    start = [s for s in samples if s.phase == "start"]
    network = [s for s in samples if s.phase == "network"]
    finish = [s for s in samples if s.phase == "finish"]
    idle = [s for s in samples if s.phase == "idle"]

    spans = [last - first for first, last, _ in during_windows]
    requests = [n for _, _, n in during_windows]
    print(
        f"tui latency bench: {args.symbols} symbols, {args.years}y stored, "
        f"{args.latency * 1000:.0f} ms per request, refresh every 10 s, pty {COLS}x{ROWS}, "
        f"{dt.date.today().isoformat()}"
    )
    print(
        f"  machine: {os.cpu_count()} cpus, load average {load_before} before, "
        f"{load_mid} after the catalyst run"
    )
    print(f"  setup: {setup_note}; TUI start to first watchlist paint {startup:.2f} s")
    used = ", ".join(f"{name} {cpu:.1f} s" for name, cpu in main_run.cpu.items())
    print(
        f"  CPU used while keys went to catalyst ({main_run.wall:.0f} s, "
        f"{os.cpu_count()} cpus): {used}"
    )
    print(
        f"  refreshes while sampling: {len(during_windows)}, {statistics.median(requests)} "
        f"requests each (median), first to last request {statistics.median(spans):.2f} s "
        f"(median); {args.lead:.1f} s before the first and {args.tail:.1f} s after the last "
        "count as the same refresh"
    )
    print(
        f"  keys sent to catalyst: {len(samples)} in {args.seconds:.0f} s; "
        f"{len(during)} during a refresh ({len(start)} before its first request, "
        f"{len(network)} while requests ran, {len(finish)} after the last), "
        f"{len(idle)} between refreshes; "
        f"{sum(s.busy for s in samples)} written while output was arriving"
    )
    print(
        "  key-to-screen latency (write of the key -> the frame with the moved cursor, "
        f"found {main_run.matched}):"
    )
    print(stats_line("catalyst, during refresh", during))
    print(stats_line("  before first request ", start))
    print(stats_line("  requests running     ", network))
    print(stats_line("  after last request   ", finish))
    print(stats_line("catalyst, no refresh   ", idle))
    if floor:
        print(stats_line("floor (bare DataTable) ", floor))
    worst = sorted((s for s in during if s.latency is not None), key=lambda s: -s.latency)[:5]
    if worst:
        print("  slowest keys during refreshes (from the refresh's first / last request; which):")
        for s in worst:
            k, (first, last, _) = next(
                (k, w)
                for k, w in enumerate(windows, 1)
                if w[0] - args.lead <= s.sent <= w[1] + args.tail
            )
            print(
                f"    {s.latency * 1000:7.1f} ms  sent {s.sent - first:+6.2f} s / "
                f"{s.sent - last:+6.2f} s  (refresh {k} of {len(windows)})"
            )
    if len(during) < 200:
        print(
            f"  note: only {len(during)} samples during refreshes (wanted >= 200): raise --seconds"
        )
    p99 = p99_ms(during)
    assert p99 is not None
    floor_p99 = p99_ms(floor) if floor else None
    if floor_p99 is not None:
        print(f"  ratio of p99s (catalyst during refresh / floor): {p99 / floor_p99:.1f}")
    verdict = "MET" if p99 <= GOAL_MS else "MISSED"
    probed = " (catalyst ran under the probe)" if args.probe is not None else ""
    print(f"  goal: p99 <= {GOAL_MS:.0f} ms during a refresh: {p99:.1f} ms, {verdict}{probed}")
    if args.probe is not None:
        from bench._tui_probe import report

        print(report(args.probe, since=sampling_from, until=sampling_from + main_run.wall))
    if floor_p99 is not None:
        emit(
            Figure(
                figure="key-to-screen p99 during a refresh",
                measured=round(p99, 1),
                floor=round(floor_p99, 1),
                unit="ms",
                goal=f"measured <= {GOAL_MS:.0f}",
                floor_is=f"bare Textual app, {args.symbols}-row DataTable",
                note=(
                    f"{len(during)} keys during {len(during_windows)} refreshes of "
                    f"{args.symbols} symbols, {args.latency * 1000:.0f} ms per request; "
                    f"load average {load_before} before, {load_mid} after{probed}"
                ),
            )
        )
    else:
        print("  (no floor measured: no BENCH line)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
