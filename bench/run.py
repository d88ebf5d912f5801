"""`make bench`: every benchmark in bench/, one after another, and one table of their figures.

    .venv/bin/python bench/run.py            # the full suite: about 16 minutes on 2 cores
    .venv/bin/python bench/run.py --quick    # fewer repeats and shorter sampling: a smoke run
    .venv/bin/python bench/run.py --only startup,history

Each benchmark runs as its own process with this interpreter (the venv's python), its output
streamed through as it comes. Each prints one `BENCH {json}` line per figure (bench/_report.py);
those are collected and shown at the end as a table: figure | measured | floor | ratio | goal |
met/MISSED, with the machine, the date and the total time.

Exit status: 0 when every benchmark ran and printed its figures, whether or not the goals were
met (the table says which were missed); 1 when a benchmark crashed (non-zero exit), timed out,
or printed no BENCH line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import PREFIX, Figure, machine  # noqa: E402

TIMEOUT = 15 * 60  # seconds per benchmark before it is stopped


@dataclass(frozen=True)
class Bench:
    name: str
    script: str
    full: tuple[str, ...] = ()
    quick: tuple[str, ...] = ()
    optional: bool = False  # may print no BENCH line when what it measures is not installed


# In the order they run: the short ones first, the two-minute TUI latency run last.
BENCHES: tuple[Bench, ...] = (
    Bench("history", "bench/history.py", ("--repeats", "5"), ("--repeats", "1")),
    Bench("ingest", "bench/ingest.py", ("--repeats", "5"), ("--repeats", "1")),
    Bench("evaluate", "bench/evaluate.py", (), ("--repeats", "5")),
    Bench("forms", "bench/forms.py", ("--repeats", "5"), ("--repeats", "1")),
    Bench("imports", "bench/imports.py", ("--repeats", "3"), ("--rows", "2000", "--repeats", "1")),
    Bench("import_million", "bench/import_million.py", (), ("--rows", "100000")),
    Bench("evidence", "bench/evidence.py", (), ("--repeats", "3")),
    Bench(
        "words", "bench/words.py", (), ("--repeats", "1", "--sentences", "2000", "--size", "20000")
    ),
    Bench("results", "bench/results.py", (), ("--repeats", "5")),
    # Twenty releases through one kept reader child, against reading them in this process.
    Bench(
        "release_reader",
        "bench/release_reader.py",
        ("--repeats", "5"),
        ("--repeats", "1"),
    ),
    Bench("xbrl", "bench/xbrl.py", ("--repeats", "5"), ("--repeats", "1")),
    Bench("returns", "bench/returns.py", (), ("--repeats", "1")),
    Bench("review", "bench/review.py", ("--repeats", "5"), ("--repeats", "1")),
    Bench("changes", "bench/changes.py", (), ("--repeats", "1")),
    # Both lines: 50 tickers against a floor, and 10,000 checkpoints (about a minute).
    Bench("replay", "bench/replay.py", (), ("--tickers", "5", "--years", "1", "--scale", "1000")),
    # Each of `catalyst mcp`'s tools at 500 tickers over stdio, against `catalyst check --json`.
    Bench("assistant", "bench/assistant.py", (), ("--repeats", "3")),
    # Publication to alert on an ntfy endpoint and by e-mail, the watch's wait on a fake clock.
    Bench("alert_latency", "bench/alert_latency.py", (), ("--releases", "20")),
    # A channel's batch of notices in one child against one notice (each child starts Python
    # and loads Apprise: about a second on these machines).
    Bench("channel_batch", "bench/channel_batch.py", ("--repeats", "3"), ("--repeats", "1")),
    # Medians of 11 alternating pairs: a steady refresh is 0.07 s, its floor 0.05 s, and these
    # machines move either by 10 ms from one run to the next.
    Bench("refresh", "bench/refresh.py", ("--repeats", "11"), ("--repeats", "1")),
    Bench("check", "bench/check.py", ("--repeats", "5"), ("--repeats", "1", "--no-reads")),
    Bench(
        "startup",
        "bench/startup.py",
        ("--repeats", "9", "--rss-repeats", "3"),  # 9 pairs: a launch moves by 30 ms
        ("--repeats", "2", "--rss-repeats", "1"),
    ),
    Bench(
        "startup_5k",
        "bench/startup.py",
        ("--symbols", "5000", "--years", "1", "--repeats", "5", "--no-rss"),
        ("--symbols", "5000", "--years", "1", "--repeats", "2", "--no-rss"),
    ),
    Bench("tui_latency", "bench/tui_latency.py", (), ("--seconds", "20", "--floor-seconds", "8")),
    # stockstui and yfinance, when installed for $CATALYST_PEERS_PYTHON: skipped, with a note,
    # when they are not (they are not catalyst's dependencies).
    Bench("peers", "bench/peers.py", ("--repeats", "3"), ("--repeats", "1"), optional=True),
    Bench("offline", "bench/offline.py", ("--repeats", "5"), ("--repeats", "1")),
)


@dataclass
class Outcome:
    bench: Bench
    status: int | None = None  # exit status; None: timed out
    seconds: float = 0.0
    figures: list[Figure] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        missing = not self.figures and not self.bench.optional
        return self.status != 0 or missing or bool(self.problems)


def run(bench: Bench, quick: bool, timeout: float) -> Outcome:
    argv = [sys.executable, str(REPO / bench.script), *(bench.quick if quick else bench.full)]
    print(f"\n=== {bench.name}: {' '.join(argv[1:])}", flush=True)
    outcome = Outcome(bench)
    env = os.environ | {"PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    # Its own session, so that on a timeout its whole process group (market server, apps under
    # a pty) can be stopped without touching anything else.
    proc = subprocess.Popen(
        argv,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,
    )
    assert proc.stdout is not None
    deadline = started + timeout
    timer = _Watchdog(proc, deadline)
    try:
        for line in proc.stdout:
            print(f"  {line}", end="", flush=True)
            if line.startswith(PREFIX):
                try:
                    figure = Figure.parse(line.rstrip("\n"))
                    if figure is None:  # not reached: the line starts with the prefix
                        continue
                    figure.met  # noqa: B018 - a goal this table cannot judge is a problem too
                except (ValueError, TypeError, KeyError, AttributeError) as exc:
                    print(f"  run.py: unreadable BENCH line: {exc!r}", flush=True)
                    outcome.problems.append("unreadable BENCH line")
                else:
                    outcome.figures.append(figure)
        proc.wait()
    except BaseException:  # ctrl+c: the benchmark is in its own session, so stop it here
        timer.stop_now()
        raise
    finally:
        timer.cancel()
    outcome.seconds = time.monotonic() - started
    outcome.status = None if timer.fired else proc.returncode
    if timer.fired:
        outcome.problems.append(f"timed out after {timeout:.0f} s and was stopped")
    elif proc.returncode != 0:
        outcome.problems.append(f"exited with status {proc.returncode}")
    if not outcome.figures and not bench.optional:
        outcome.problems.append("no BENCH line")
    return outcome


class _Watchdog:
    """Stops a benchmark's process group (SIGTERM, then SIGKILL) once its deadline passes."""

    def __init__(self, proc: subprocess.Popen, deadline: float) -> None:
        self.proc = proc
        self.fired = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, args=(deadline,), daemon=True)
        self._thread.start()

    def _watch(self, deadline: float) -> None:
        if self._stop.wait(max(0.0, deadline - time.monotonic())):
            return
        self.fired = True
        self._kill()

    def stop_now(self) -> None:
        self._stop.set()
        self._kill()

    def _kill(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if self.proc.poll() is not None:
                return
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.proc.wait(5)
                return
            except subprocess.TimeoutExpired:
                continue

    def cancel(self) -> None:
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(1)


def number(value: float, unit: str) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f} {unit}"
    if abs(value) >= 10:
        return f"{value:.1f} {unit}"
    if abs(value) >= 1:
        return f"{value:.2f} {unit}"
    return f"{value:.3g} {unit}"


def table(outcomes: list[Outcome]) -> list[str]:
    header = ("figure", "measured", "floor", "ratio", "goal", "result")
    rows: list[tuple[str, ...]] = []
    for o in outcomes:
        for f in o.figures:
            rows.append(
                (
                    f.figure,
                    number(f.measured, f.unit),
                    number(f.floor, f.unit),
                    f"{f.ratio:.2f}",
                    f.goal,
                    "met" if f.met else "MISSED",
                )
            )
        if o.failed:
            rows.append((f"{o.bench.name}: " + "; ".join(o.problems), "-", "-", "-", "-", "FAILED"))
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def fmt(r: tuple[str, ...]) -> str:
        return " | ".join(
            cell.ljust(w) if i in (0, 4, 5) else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(r, widths, strict=True))
        )

    rule = "-+-".join("-" * w for w in widths)
    return [fmt(header), rule, *(fmt(r) for r in rows)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats: a smoke run")
    parser.add_argument(
        "--only", metavar="NAMES", help="comma-separated: " + ", ".join(b.name for b in BENCHES)
    )
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per benchmark")
    args = parser.parse_args()
    chosen = list(BENCHES)
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = sorted(set(names) - {b.name for b in BENCHES})
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
        chosen = [b for b in BENCHES if b.name in names]

    started = time.monotonic()
    when = dt.datetime.now().astimezone()
    outcomes = [run(b, args.quick, args.timeout) for b in chosen]
    total = time.monotonic() - started

    print()
    print(
        f"make bench{' --quick' if args.quick else ''}: {when:%Y-%m-%d %H:%M %Z}, "
        f"{machine()}, total {total / 60:.1f} min"
    )
    for line in table(outcomes):
        print(line)
    for o in outcomes:
        for f in o.figures:
            if f.floor_is or f.note:
                print(f"  {f.figure}: floor = {f.floor_is}; {f.note}")
    spent = ", ".join(f"{o.bench.name} {o.seconds:.0f} s" for o in outcomes)
    print(f"  time per benchmark: {spent}")
    missed = sum(not f.met for o in outcomes for f in o.figures)
    failed = [o.bench.name for o in outcomes if o.failed]
    met = sum(f.met for o in outcomes for f in o.figures)
    print(
        f"{met} goals met, {missed} missed"
        + (f"; FAILED to report: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
