"""Benchmark: refresh of 500 symbols against the loopback market, against a raw-httpx floor,
and the requests a steady-state refresh makes; the first refresh (five years of backfill)
against its own floor.

    .venv/bin/python bench/refresh.py [--symbols 500] [--latency 0.02] [--repeats 5]
                                      [--first-repeats 3] [--fresh-client] [--worker]

The floor is the same URLs the timed refresh requests in steady state (Yahoo's v7 batches of 100
symbols with the crumb and cookie kept in the database; history is current, so no chart),
fetched with raw concurrent httpx GETs under the same concurrency cap: no parsing, no storing.
The server runs in its own process, so its work does not share the client's interpreter lock.
Refresh and floor alternate, and medians are compared, because these machines are noisy.

The steady refreshes run as the TUI's worker and the daemon run them: on one client kept across
refreshes (jobs/client.py KeptClient), its connections open from the refresh before (one
untimed refresh first opens them); the floor's GETs likewise on one httpx client kept across its
runs, warmed the same way. `--fresh-client` measures a client (and a floor client) made for each
run instead, connections opened inside the timed run: what every refresh paid before.
`--worker` times the TUI's path: the refresh in its child process, the worker kept between
refreshes (jobs/worker/parent.py), or with `--fresh-client` a child started for each (as the
TUI did before); its requests counted from the database (store.providers).
Goals: refresh / floor <= 1.5 for the steady-state refresh (history already backfilled), and
at most 6 requests for it (five batches and nothing else), counted by the client.

The first refresh (a fresh database: five years of daily bars for every symbol, 652,500 bars)
against a floor that GETs the same URLs the first refresh requested (kept by a recording
transport under the refresh's client, each with the cookie it carried) with raw httpx, as the
refresh must send them: the quote pass's (the crumb, the v7 batches, the 500 charts of five
years) under the same cap; then writes the same bars (read back from the refreshed database
before the clock starts) with one `executemany` of plain INSERTs in one transaction into a
fresh database of the same schema; then the Street's 500 quote summaries, at most
jobs/estimates.py's AT_ONCE in flight (Yahoo answers a few a second before it says 429; the
refresh asks them after the quote pass, which tells it whether Yahoo refuses or is out of
reach). The network and the write a first refresh cannot avoid; each part's median printed.
Alternating, medians of `--first-repeats`. Goal: first refresh / floor <= 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import multiprocessing
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.market_server import MarketServer  # noqa: E402

from catalyst_tui.config import parse_config  # noqa: E402
from catalyst_tui.jobs.estimates import AT_ONCE  # noqa: E402
from catalyst_tui.jobs.refresh import refresh_in_process  # noqa: E402
from catalyst_tui.jobs.worker.parent import RefreshWorker, refresh_in_child_process  # noqa: E402
from catalyst_tui.market.http.client import MarketClient  # noqa: E402
from catalyst_tui.market.yahoo.quote import BATCH_SIZE, batch_url  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402

CONCURRENCY = 16
GOAL = 1.5
FIRST_GOAL = 2.0
REQUESTS_GOAL = 6


def config_text(base: str, symbols: list[str]) -> str:
    head = (
        '[settings]\nproviders = ["yahoo", "stooq"]\n'
        f'[providers.yahoo]\nbase_url = "{base}"\ncookie_url = "{base}/fc"\n'
        f'[providers.stooq]\nbase_url = "{base}"\n'
    )
    return head + "".join(f"[tickers.{s}]\n" for s in symbols)


def market_client(transport: httpx.AsyncBaseTransport | None = None) -> MarketClient:
    return MarketClient(max_concurrency=CONCURRENCY, trust_env=False, transport=transport)


class Recording(httpx.AsyncHTTPTransport):
    """httpx's own transport, pooled as MarketClient's is, keeping each request's URL and the
    cookie it carried: the first refresh's requests, for its floor to send the same."""

    def __init__(self) -> None:
        limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
        super().__init__(limits=limits, trust_env=False)
        self.sent: list[Sent] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((str(request.url), request.headers.get("Cookie")))
        return await super().handle_async_request(request)


Sent = tuple[str, str | None]  # a request: its URL, and the cookie it carries (None: no cookie)


def floor_client() -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    browser = {"User-Agent": "Mozilla/5.0 (bench floor)"}  # the market refuses library agents
    return httpx.AsyncClient(limits=limits, trust_env=False, headers=browser)


async def refresh_on(client: MarketClient, config, store: Store) -> tuple[float, int]:
    """Seconds one refresh on `client` took and the requests it sent."""
    client.new_cycle()  # as KeptClient.get begins each refresh
    before = sum(client.requests.values())
    started = time.perf_counter()
    report = await refresh_in_process(config, store, client=client)
    elapsed = time.perf_counter() - started
    if not report.all_fresh:
        raise SystemExit(f"refresh left {len(report.stale)} symbols stale: {report.stale[:5]}")
    return elapsed, sum(client.requests.values()) - before


async def timed_refresh(
    config, store: Store, transport: httpx.AsyncBaseTransport | None = None
) -> tuple[float, int]:
    """Seconds the refresh took and the requests it sent, on a client of its own."""
    async with market_client(transport) as client:
        return await refresh_on(client, config, store)


async def floor_on(
    client: httpx.AsyncClient, requests: list[Sent], cap: int = CONCURRENCY
) -> float:
    """Seconds to GET every URL (with its cookie, where it has one), `cap` at once."""
    slots = asyncio.Semaphore(cap)

    async def get(url: str, cookie: str | None) -> None:
        async with slots:
            response = await client.get(url, headers={"Cookie": cookie} if cookie else None)
            response.read()

    started = time.perf_counter()
    await asyncio.gather(*(get(url, cookie) for url, cookie in requests))
    return time.perf_counter() - started


async def timed_floor(requests: list[Sent], cap: int = CONCURRENCY) -> float:
    async with floor_client() as client:
        return await floor_on(client, requests, cap)


async def in_worker(worker: RefreshWorker | None, config, store: Store) -> tuple[float, int]:
    """Seconds one refresh in the kept worker (None: a child of its own) took, its requests."""
    ever = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # the store counts requests in buckets
    before = sum(store.providers.requests_since(ever).values())
    started = time.perf_counter()
    if worker is None:
        report = await refresh_in_child_process(config, store.path)
    else:
        report = await worker.refresh(config, store.path)
    elapsed = time.perf_counter() - started
    if not report.all_fresh:
        raise SystemExit(f"refresh left {len(report.stale)} symbols stale: {report.stale[:5]}")
    return elapsed, sum(store.providers.requests_since(ever).values()) - before


async def steady(
    config, store: Store, requests: list[Sent], repeats: int, fresh: bool, apart: bool
) -> tuple[list[float], list[float], list[int]]:
    """Alternating steady refreshes and floors: on clients kept across the runs (warmed by one
    untimed run each), or with `fresh` on a client made for each run; `apart` in the worker."""
    refreshes, floors, sent = [], [], []
    worker = RefreshWorker()
    async with market_client() as kept, floor_client() as kept_floor:
        if not fresh:
            await (in_worker(worker, config, store) if apart else refresh_on(kept, config, store))
            await floor_on(kept_floor, requests)
        for _ in range(repeats):
            if apart:
                elapsed, count = await in_worker(None if fresh else worker, config, store)
            elif fresh:
                elapsed, count = await timed_refresh(config, store)
            else:
                elapsed, count = await refresh_on(kept, config, store)
            if fresh:
                floor = await timed_floor(requests)
            else:
                floor = await floor_on(kept_floor, requests)
            refreshes.append(elapsed)
            sent.append(count)
            floors.append(floor)
    await worker.aclose()
    return refreshes, floors, sent


def first_floor(tmp: Path, sent: list[Sent], rows: list[tuple]) -> tuple[float, float, float]:
    """The first refresh's requests sent again as it sends them, and its bars written: what no
    first refresh can skip. Seconds for the quote pass's requests (the crumb, the v7 batches,
    the charts) under the cap, for the write, and for the Street's quote summaries, which the
    refresh asks after the quote pass (it skips them when that pass found Yahoo refusing or out
    of reach) and at most jobs/estimates.py's AT_ONCE at a time (Yahoo says 429 to more)."""
    street = [request for request in sent if _STREET in request[0]]
    quotes = [request for request in sent if _STREET not in request[0]]
    fetched = asyncio.run(timed_floor(quotes))
    path = tmp / f"floor-{time.monotonic_ns()}.db"
    Store.open(path).close()  # the same schema
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO prices (symbol, ts, open, high, low, close, volume, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute("COMMIT")
        written = time.perf_counter() - started
    finally:
        conn.close()
    return fetched, written, asyncio.run(timed_floor(street, AT_ONCE))


_STREET = "/v10/finance/quoteSummary/"  # the Street's requests: Yahoo's quote summaries


def first_refresh(tmp: Path, config, n: int) -> tuple[float, list[Sent], int]:
    """One first refresh into a fresh database: seconds, the requests it sent (URL and cookie),
    bars stored."""
    store = Store.open(tmp / f"first-{n}.db")
    recording = Recording()
    try:
        store.sync.apply(config)
        took, count = asyncio.run(timed_refresh(config, store, recording))
        sent = recording.sent
        assert len(sent) == count, (len(sent), count)
        bars = store.conn.execute("SELECT COUNT(*) FROM prices").fetchone()[0]
    finally:
        store.close()
    return took, sent, bars


def serve(symbols: list[str], latency: float, urls, stop) -> None:
    """The loopback market in a child process: report its URL, serve until told to stop."""
    with MarketServer(symbols=symbols, latency=latency) as server:
        urls.put(server.url)
        stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.020)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--first-repeats", type=int, default=3)
    parser.add_argument(
        "--fresh-client",
        action="store_true",
        help="a client made for each steady refresh (and floor), as before one was kept",
    )
    parser.add_argument(
        "--worker", action="store_true", help="the steady refreshes in the TUI's refresh worker"
    )
    args = parser.parse_args()

    symbols = [f"S{i:04d}" for i in range(args.symbols)]
    ctx = multiprocessing.get_context("spawn")
    url_queue, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=serve, args=(symbols, args.latency, url_queue, stop))
    server.start()
    try:
        base = url_queue.get(timeout=30)
        with tempfile.TemporaryDirectory() as tmp:
            config = parse_config(config_text(base, symbols))
            firsts, floor_parts = [], []
            for n in range(args.first_repeats):
                took, first_sent, bars = first_refresh(Path(tmp), config, n)
                firsts.append(took)
                if n == 0:  # the bars every first refresh stores, as plain rows
                    with contextlib.closing(sqlite3.connect(Path(tmp) / "first-0.db")) as done:
                        rows = done.execute(
                            "SELECT symbol, ts, open, high, low, close, volume, source FROM prices"
                        ).fetchall()
                floor_parts.append(first_floor(Path(tmp), first_sent, rows))
            parts = [statistics.median(part) for part in zip(*floor_parts, strict=True)]
            first_floors = [sum(floor) for floor in floor_parts]
            store = Store.open(Path(tmp) / "first-0.db")
            session = store.providers.session("yahoo")
            assert session is not None, "the first refresh kept no crumb"
            chunks = [symbols[i : i + BATCH_SIZE] for i in range(0, len(symbols), BATCH_SIZE)]
            batches = [(batch_url(base, c, session.crumb), session.cookie) for c in chunks]
            refresh_times, floor_times, sent = asyncio.run(
                steady(
                    config,
                    store,
                    batches,
                    args.repeats,
                    args.fresh_client,
                    args.worker,
                )
            )
            store.close()
    finally:
        stop.set()
        server.join(10)

    first_s, first_floor_s = statistics.median(firsts), statistics.median(first_floors)
    refresh_s = statistics.median(refresh_times)
    floor_s = statistics.median(floor_times)
    ratio = refresh_s / floor_s
    print(
        f"refresh bench: {args.symbols} symbols, {args.latency * 1000:.0f} ms latency per "
        f"request, concurrency {CONCURRENCY}, {args.repeats} repeats, "
        f"{dt.date.today().isoformat()}"
    )
    print(
        f"  first refresh (5y backfill, {bars:,} bars, {len(first_sent)} requests): median "
        f"{first_s:.3f} s (runs {', '.join(f'{t:.2f}' for t in firsts)})"
    )
    print(
        f"  floor (its {len(first_sent)} requests by raw httpx, as it sends them, and one "
        f"executemany of the bars; medians: quote pass {parts[0]:.2f} s, write {parts[1]:.2f} s, "
        f"the Street {AT_ONCE} at a time {parts[2]:.2f} s): "
        f"median {first_floor_s:.3f} s (runs {', '.join(f'{t:.2f}' for t in first_floors)})"
    )
    print(f"  ratio {first_s / first_floor_s:.2f} (goal <= {FIRST_GOAL:g})")
    clients = "a client made for each run" if args.fresh_client else "one client kept"
    if args.worker:
        clients = "a child for each run" if args.fresh_client else "the worker kept"
    print(
        f"  refresh (steady state, {max(sent)} requests, {clients}): median {refresh_s:.3f} s"
        f" (runs {', '.join(f'{t:.3f}' for t in refresh_times)})"
    )
    print(
        f"  floor (raw httpx GETs, same URLs, same cap):    median {floor_s:.3f} s"
        f" (runs {', '.join(f'{t:.3f}' for t in floor_times)})"
    )
    verdict = "met" if ratio <= GOAL else "MISSED"
    print(f"  ratio {ratio:.2f} (goal <= {GOAL}: {verdict})")
    emit(
        Figure(
            figure="steady-state refresh of 500 symbols",
            measured=round(refresh_s, 4),
            floor=round(floor_s, 4),
            unit="s",
            goal=f"ratio <= {GOAL}",
            floor_is="raw concurrent httpx GETs of the same URLs, same cap, no parse/store",
            note=f"{args.symbols} symbols, {args.latency * 1000:.0f} ms latency, concurrency "
            f"{CONCURRENCY}; {clients}; medians of {args.repeats} alternating runs; load "
            f"{os.getloadavg()[0]:.1f}",
        )
    )
    emit(
        Figure(
            figure="first refresh of 500 symbols (5y backfill)",
            measured=round(first_s, 3),
            floor=round(first_floor_s, 3),
            unit="s",
            goal=f"ratio <= {FIRST_GOAL:g}",
            floor_is="raw httpx GETs of the same requests, same caps and order, + one executemany",
            note=f"{bars:,} bars, {len(first_sent)} requests; medians of {args.first_repeats} "
            f"alternating runs; load {os.getloadavg()[0]:.1f}",
        )
    )
    emit(
        Figure(
            figure="requests per steady-state refresh of 500 symbols",
            measured=max(sent),
            floor=len(batches),
            unit="requests",
            goal=f"measured <= {REQUESTS_GOAL}",
            floor_is=f"one v7 batch per {BATCH_SIZE} symbols",
            note=f"the most of {args.repeats} steady-state refreshes, counted by the client",
        )
    )


if __name__ == "__main__":
    main()
