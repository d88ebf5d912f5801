"""`catalyst` with timers on its event loop: what blocks keys while a refresh runs.

    .venv/bin/python bench/_tui_probe.py OUT.jsonl --config FILE --db FILE   # the TUI, probed
    .venv/bin/python bench/_tui_probe.py --report OUT.jsonl                  # the summary

bench/tui_latency.py --probe OUT.jsonl runs the TUI this way and prints the report. The probed
app is catalyst_tui.cli.main, the same code the `catalyst` script runs, plus:

- every asyncio callback (a task step, a timer, a call_soon) timed; those of 1 ms or more are
  recorded with what ran (the task's coroutine and, for Textual message pumps, the widget);
- every event-loop iteration of 2 ms or more (a key's way to the screen takes several);
- every generation-2 garbage collection (it stops the loop wherever it happens to start);
- the functions in WRAPPED timed on every call, wall and main-thread CPU (sync ones block the
  loop for their whole run; async ones give the phases: refresh_cycle, fetch_quotes, deliver;
  with the TUI's refresh in a child process, refresh_in_child_process is the fetch phase: the
  child's own work is not timed, only what its lines cost this loop).

Records stay in memory and are written as JSON lines when the app exits (ctrl+q or SIGTERM), so
the probe does no I/O while keys are measured. Times are time.monotonic() (one clock for every
process on Linux: the bench's key times and the market server's request log use it too).
"""

from __future__ import annotations

import asyncio
import asyncio.base_events
import asyncio.events
import functools
import gc
import importlib
import inspect
import json
import signal
import sys
import time
from collections import defaultdict
from pathlib import Path

SLOW_CALLBACK = 0.001
SLOW_ITERATION = 0.002
# (module, attribute path) of the functions timed on every call.
WRAPPED: tuple[tuple[str, str], ...] = (
    ("catalyst_tui.jobs.scheduler", "ThesisScheduler.refresh_cycle"),
    ("catalyst_tui.jobs.scheduler", "ThesisScheduler._evaluate_and_notify"),
    ("catalyst_tui.jobs.scheduler", "ThesisScheduler._adapt_interval"),
    ("catalyst_tui.jobs.scheduler", "ThesisScheduler._report"),
    ("catalyst_tui.jobs.scheduler", "refresh_in_process"),
    ("catalyst_tui.jobs.scheduler", "refresh_in_child_process"),
    ("catalyst_tui.jobs.worker.process", "report_from"),
    ("catalyst_tui.jobs.scheduler", "evaluate_checkpoints"),
    ("catalyst_tui.jobs.scheduler", "deliver"),
    ("catalyst_tui.jobs.refresh", "fetch_quotes"),
    ("catalyst_tui.jobs.daily", "DailyFetches.due"),
    ("catalyst_tui.jobs.evaluation", "evaluate"),
    ("catalyst_tui.store.market_data", "MarketData.save_quotes"),
    ("catalyst_tui.store.market_data", "MarketData.last_quotes"),
    ("catalyst_tui.store.market_data", "MarketData.history_starts"),
    ("catalyst_tui.store.market_data", "MarketData.market_states"),
    ("catalyst_tui.store.market_data", "MarketData.fetch_states"),
    ("catalyst_tui.store.market_data", "MarketData.snapshot"),
    ("catalyst_tui.store.checkpoints", "Checkpoints.evaluation_inputs"),
    ("catalyst_tui.store.checkpoints", "Checkpoints.record"),
    ("catalyst_tui.store.outbox", "Outbox.claim"),
    ("catalyst_tui.store.views", "Views.active_symbols"),
    ("catalyst_tui.store.views", "Views.watch_rows"),
    ("catalyst_tui.store.views", "Views.recent_closes"),
    ("catalyst_tui.store.views", "Views.health"),
    ("catalyst_tui.session.workspace", "load_watchlist"),
    ("catalyst_tui.market.yahoo.provider", "YahooProvider.chart_result"),
    ("catalyst_tui.market.yahoo.provider", "YahooProvider.quote_from_chart"),
    ("catalyst_tui.market.yahoo.provider", "YahooProvider.bars_from_chart"),
    ("catalyst_tui.session.workspace", "Workspace.watchlist"),
    ("catalyst_tui.session.workspace", "Workspace.check_file"),
    ("catalyst_tui.tui.app", "CatalystApp._progress"),
    ("catalyst_tui.tui.app", "CatalystApp._cycle_done"),
    ("catalyst_tui.tui.app", "CatalystApp.refresh_views"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen.reload"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen.reload_in_thread"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen.show_data"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen._update_rows"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen._show"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen._sync_tabs"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen._show_summary"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen.show_progress"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen._fill_rest"),
    ("catalyst_tui.tui.screens.watchlist", "WatchlistScreen._mount_hidden"),
    ("catalyst_tui.tui.widgets.watchlist.cells", "CellCache.add_rows"),
    ("catalyst_tui.tui.widgets.table", "RowTable.fit_to"),
    ("catalyst_tui.tui.widgets.table", "RowTable._fit_last_column"),
    ("catalyst_tui.tui.widgets.table", "RowTable._update_dimensions"),
    ("textual.widgets._data_table", "DataTable.update_cell"),
    ("textual.widgets._data_table", "DataTable.get_cell"),
    ("textual.app", "App._display"),
    ("textual.screen", "Screen._on_timer_update"),
    ("textual.screen", "Screen._refresh_layout"),
    ("textual._compositor", "Compositor._arrange_root"),
    ("textual._compositor", "Compositor.render_update"),
)

# (kind, start, wall seconds, name, CPU seconds of the main thread; -1 when not measured)
_records: list[tuple[str, float, float, str, float]] = []


def _clock() -> float:
    return time.monotonic()


# --------------------------------------------------------------------------------------------
# Instrumentation
# --------------------------------------------------------------------------------------------


def _owner_name(callback: object) -> str:
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, asyncio.Future) and hasattr(owner, "get_coro"):
        coro = owner.get_coro()
        name = getattr(coro, "__qualname__", type(coro).__name__)
        frame = getattr(coro, "cr_frame", None)
        this = frame.f_locals.get("self") if frame is not None else None
        if this is not None and name.endswith("_process_messages"):
            name = f"{name}[{type(this).__name__}]"
        return f"task {name}"
    return getattr(callback, "__qualname__", repr(callback))


def _patch_loop() -> None:
    run = asyncio.events.Handle._run

    cpu_clock = time.thread_time

    def timed_run(self: asyncio.events.Handle) -> None:
        callback = self._callback
        cpu = cpu_clock()
        start = _clock()
        run(self)
        took = _clock() - start
        cpu = cpu_clock() - cpu
        if took >= SLOW_CALLBACK:
            _records.append(("cb", start, took, _owner_name(callback), cpu))
        else:
            _records.append(("tick", start, took, "", cpu))

    asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]

    run_once = asyncio.base_events.BaseEventLoop._run_once

    def timed_run_once(self: asyncio.base_events.BaseEventLoop) -> None:
        # One loop iteration: the wait for I/O, then every callback ready at that moment. A
        # message hop (input thread -> App -> Screen -> DataTable) costs at least one.
        ready = len(self._ready)
        start = _clock()
        run_once(self)
        took = _clock() - start
        if took >= SLOW_ITERATION:
            _records.append(("iter", start, took, str(ready), -1.0))

    asyncio.base_events.BaseEventLoop._run_once = timed_run_once  # type: ignore[method-assign]


def _patch_gc() -> None:
    started: list[float] = []

    def collecting(phase: str, info: dict) -> None:
        if phase == "start":
            started[:] = [_clock()]
        elif started and info["generation"] == 2:
            took = _clock() - started[0]
            _records.append(("gc", started[0], took, f"gc gen2 ({info['collected']} freed)", took))

    gc.callbacks.append(collecting)


def _wrap(module_name: str, path: str) -> None:
    try:
        module = importlib.import_module(module_name)
        *owners, attr = path.split(".")
        holder = module
        for part in owners:
            holder = getattr(holder, part)
        original = inspect.getattr_static(holder, attr)
    except (ImportError, AttributeError):
        print(f"probe: {module_name}.{path} not found, not timed", file=sys.stderr)
        return
    func = original.__func__ if isinstance(original, (staticmethod, classmethod)) else original
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def timed_async(*args, **kwargs):
            start = _clock()
            try:
                return await func(*args, **kwargs)
            finally:
                _records.append(("afn", start, _clock() - start, path, -1.0))

        wrapper = timed_async
    else:

        @functools.wraps(func)
        def timed(*args, **kwargs):
            cpu = time.thread_time()
            start = _clock()
            try:
                return func(*args, **kwargs)
            finally:
                took = _clock() - start
                _records.append(("fn", start, took, path, time.thread_time() - cpu))

        wrapper = timed
    if isinstance(original, staticmethod):
        wrapper = staticmethod(wrapper)
    elif isinstance(original, classmethod):
        wrapper = classmethod(wrapper)
    setattr(holder, attr, wrapper)


def _save(out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for kind, start, took, name, cpu in _records:
            if kind == "tick":
                f.write(f'["tick",{start:.6f},{took:.6f},"",{cpu:.6f}]\n')
            else:
                f.write(json.dumps([kind, round(start, 6), round(took, 6), name, round(cpu, 6)]))
                f.write("\n")


def run_probed(out: Path, argv: list[str]) -> int:
    _patch_loop()
    _patch_gc()
    for module_name, path in WRAPPED:
        _wrap(module_name, path)
    from catalyst_tui import cli

    def terminated(signum, frame):  # noqa: ARG001
        _save(out)
        raise SystemExit(143)

    signal.signal(signal.SIGTERM, terminated)
    sys.argv = ["catalyst", *argv]
    try:
        return cli.main() or 0
    finally:
        _save(out)


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def load(path: Path) -> list[tuple[str, float, float, str, float]]:
    return [tuple(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]


SHOWN = ("WatchlistScreen.show_data", "WatchlistScreen._update_rows")
SHOWN_WITHIN = 3.0  # seconds after a cycle in which its watchlist is read and shown


def _shown_by(rows: list[tuple[str, float, float, str, float]], end: float) -> float:
    """A cycle ends when its watchlist is on screen: the TUI reads it in a thread after the
    cycle's callback, then applies it on the loop (show_data, then rows in steps)."""
    after = [
        t + d
        for k, t, d, n, _ in rows
        if k == "fn" and n in SHOWN and end <= t <= end + SHOWN_WITHIN
    ]
    return max(after, default=end)


def report(path: Path, since: float = 0.0, until: float = float("inf")) -> str:
    """Refresh cycles that started in [since, until]: where the event loop's time went."""
    rows = [r for r in load(path) if r[1] + r[2] <= until]  # not the quit at the end
    cycles = [
        (t, t + d)
        for k, t, d, n, _ in rows
        if k == "afn" and n.endswith("refresh_cycle") and since <= t
    ]
    cycles = [(a, _shown_by(rows, b)) for a, b in cycles]
    fetch_phases = ("fetch_quotes", "refresh_in_child_process")  # in-process, or the child's run
    fetches = [
        (t, t + d) for k, t, d, n, _ in rows if k == "afn" and n in fetch_phases and since <= t
    ]
    lines = [f"probe report: {len(cycles)} refresh cycles (wall ms / main-thread CPU ms)"]
    if not cycles:
        return "\n".join(lines)

    def inside(t: float, spans: list[tuple[float, float]]) -> bool:
        return any(a <= t <= b for a, b in spans)

    def mid(r: tuple) -> float:  # a callback belongs where most of it ran
        return r[1] + r[2] / 2

    before, after = [], []  # cycle start to the quote fetch; the fetch's end to the cycle's end
    for a, b in cycles:
        fetch = [(f0, f1) for f0, f1 in fetches if a <= f0 <= b]
        before.append((a, fetch[0][0] if fetch else a))
        after.append((fetch[0][1] if fetch else a, b))
    for label, spans in (
        ("cycle start, before the quote fetch", before),
        ("quote fetch (requests running; here or in the child)", fetches),
        ("after the fetch, to the watchlist shown", after),
    ):
        if not spans:
            continue
        n = len(spans)
        wall = sum(b - a for a, b in spans) or 1e-9
        loop = [r for r in rows if r[0] in ("cb", "tick") and inside(mid(r), spans)]
        slow = sorted(r[2] for r in loop if r[0] == "cb")
        lines.append(
            f"  {label}: {wall / n * 1000:.0f} ms per cycle; callbacks ran "
            f"{sum(r[2] for r in loop) / wall:.0%} of it (main-thread CPU "
            f"{sum(r[4] for r in loop) / wall:.0%}); {len(slow) / n:.0f} callbacks >= 1 ms per "
            f"cycle, p50 {slow[len(slow) // 2] * 1000 if slow else 0:.1f} ms, max "
            f"{slow[-1] * 1000 if slow else 0:.1f} ms"
        )
        iters = sorted(r[2] for r in rows if r[0] == "iter" and inside(mid(r), spans))
        if iters:
            lines.append(
                f"      loop iterations >= 2 ms: {len(iters) / n:.0f} per cycle, p50 "
                f"{iters[len(iters) // 2] * 1000:.1f} ms, "
                f"p90 {iters[int(len(iters) * 0.9)] * 1000:.1f} ms, "
                f"max {iters[-1] * 1000:.1f} ms (a key's frame needs several)"
            )
        by_name: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for r in loop:
            if r[0] == "cb":
                by_name[r[3]].append((r[2], r[4]))
        for name, ds in sorted(by_name.items(), key=lambda kv: -sum(d for d, _ in kv[1]))[:6]:
            lines.append(
                f"      {name}: {len(ds) / n:.0f}/cycle, {sum(d for d, _ in ds) / n * 1000:.0f} / "
                f"{sum(c for _, c in ds) / n * 1000:.0f} ms per cycle, longest "
                f"{max(d for d, _ in ds) * 1000:.1f} ms"
            )

    gcs = [r for r in rows if r[0] == "gc" and since <= r[1] <= until]
    if gcs:
        during = sorted(r[2] for r in gcs if inside(r[1], cycles))
        between = sorted(r[2] for r in gcs if not inside(r[1], cycles))
        lines.append(
            f"  garbage collections of generation 2: {len(during)} in refresh cycles (max "
            f"{max(during, default=0) * 1000:.0f} ms), {len(between)} between them (max "
            f"{max(between, default=0) * 1000:.0f} ms); each blocks the loop for its whole run"
        )
    lines.append(
        "  timed functions, per refresh cycle: calls, total wall / CPU ms, longest call"
        " wall / CPU ms"
    )
    per: dict[str, list[tuple[float, float]]] = defaultdict(list)
    asyncs = set()
    for k, t, d, name, cpu in rows:
        if k in ("fn", "afn") and inside(t, cycles):
            per[name].append((d, cpu))
            if k == "afn":
                asyncs.add(name)
    n = len(cycles)
    for name, ds in sorted(per.items(), key=lambda kv: -max(d for d, _ in kv[1])):
        if name in asyncs:
            lines.append(
                f"    {name:42s} {len(ds) / n:6.0f} {sum(d for d, _ in ds) / n * 1000:8.1f}"
                f"        - {max(d for d, _ in ds) * 1000:8.1f}        -  (async: wall)"
            )
            continue
        lines.append(
            f"    {name:42s} {len(ds) / n:6.0f} {sum(d for d, _ in ds) / n * 1000:8.1f} "
            f"{sum(c for _, c in ds) / n * 1000:8.1f} {max(d for d, _ in ds) * 1000:8.1f} "
            f"{max(c for _, c in ds) * 1000:8.1f}"
        )

    lines.append(
        "  longest event-loop callbacks in refresh cycles, and the longest timed calls inside them:"
    )
    slowest = sorted(
        (r for r in rows if r[0] == "cb" and inside(mid(r), cycles)), key=lambda r: -r[2]
    )[:10]
    for _, t, d, name, cpu in slowest:
        cycle = next(a for a, b in cycles if a <= t + d / 2 <= b)
        lines.append(
            f"    {d * 1000:7.1f} / {cpu * 1000:6.1f} ms at cycle +{t - cycle:5.2f} s: {name}"
        )
        calls = [
            r for r in rows if r[0] in ("fn", "gc") and t <= r[1] and r[1] + r[2] <= t + d + 1e-6
        ]
        for c in sorted(calls, key=lambda r: -r[2])[:6]:
            if c[2] < 0.002:
                break
            lines.append(f"        {c[2] * 1000:7.1f} / {c[4] * 1000:6.1f} ms {c[3]}")
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "--report":
        print(report(Path(sys.argv[2])))
        return 0
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    return run_probed(Path(sys.argv[1]), sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
