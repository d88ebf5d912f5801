"""Benchmark: from a release's publication to its alert on each channel, while results are awaited.

    .venv/bin/python bench/alert_latency.py [--releases 24] [--awaited 20] [--seed 57]

A loopback SEC (tests/support/filings_server.py) publishes an 8-K with item 2.02 at a random
moment inside the awaited window (the first hour after 16:00 New York on the earnings date),
while `--awaited` companies are awaited. The fast watch runs with its default settings
(jobs/watch.py: a look every TICK seconds, each company asked every `every(n)` seconds, spread)
on a fake clock: the wait from publication to the ask that sees the filing is the watch's pace,
not something to sit through. What follows is real and measured on the wall clock: the
conditional ask to the loopback SEC that sees the new accession, the reading of the largest
recorded press release in ../shared (the refresh's reading of the EX-99.1), the results notice
queued in a real SQLite outbox, and its delivery through the channels with the daemon's delivery
(notify/remote_delivery.py, Apprise): an ntfy-compatible HTTP endpoint and an SMTP server
(aiosmtpd), each until the server holds it.

Prints p50 and p95 from publication to delivery on each channel over the releases, and the
requests a second made to SEC over the awaited window with `--awaited` companies awaited.
Goals: p50 <= 60 s, p95 <= 120 s on each channel; SEC well under 1 request a second. The
floor of a latency is the fake-clock wait alone (the watch's pace), measured in the same run.

Not measured here: the market refresh the watch starts around the reading (quotes, the other
steps), which the refresh benchmark (bench/refresh.py) measures: 0.07 s on a steady refresh.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.filings_server import CIKS, NEW_YORK, FilingsServer  # noqa: E402
from tests.support.push_server import PushServer, SmtpServer  # noqa: E402
from tests.support.shared import PRESS_RELEASES  # noqa: E402

from catalyst_tui.jobs.watch import TICK, FastWatch, every  # noqa: E402
from catalyst_tui.market.http.client import MarketClient  # noqa: E402
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS  # noqa: E402
from catalyst_tui.notify.remote import RemoteChannel  # noqa: E402
from catalyst_tui.notify.remote_delivery import deliver_to_channels  # noqa: E402
from catalyst_tui.reading.release.reader import read_release  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402

UA = "Catalyst Bench bench@example.com"
DAY = dt.date(2026, 11, 3)
OPEN = dt.datetime.combine(DAY, dt.time(16, 0), NEW_YORK).astimezone(dt.UTC)
WINDOW = dt.timedelta(hours=1)
CIK_MAP = {symbol: f"{cik:010d}" for symbol, cik in CIKS.items()}


def awaited_symbols(count: int) -> list[str]:
    """ALAB (the company that publishes) among `count` awaited."""
    return ["ALAB", *(f"W{i:03d}" for i in range(count - 1))]


def seen_at(watch: FastWatch, awaited: list[str], published: dt.datetime) -> dt.datetime:
    """The fake-clock moment of the first ask of ALAB at or after `published`, on the
    scheduler's ticks from the window's opening."""
    now = OPEN
    while True:
        due = watch.due(awaited, now)
        if "ALAB" in due and now >= published:
            return now
        now += dt.timedelta(seconds=TICK)


def sec_rate(count: int) -> float:
    """Requests a second to SEC over the window with `count` companies awaited."""
    watch, now, asked = FastWatch("http://unused", UA), OPEN, 0
    awaited = awaited_symbols(count)
    while now < OPEN + WINDOW:
        asked += len(watch.due(awaited, now))
        now += dt.timedelta(seconds=TICK)
    return asked / WINDOW.total_seconds()


async def one_release(
    rng: random.Random, awaited: list[str], release: bytes, workdir: Path, index: int
) -> tuple[float, dict[str, float]]:
    """(the fake-clock wait, {channel: publication to delivery in seconds}) of one release."""
    published = OPEN + dt.timedelta(seconds=rng.uniform(0, WINDOW.total_seconds()))
    with FilingsServer() as sec, PushServer() as push, SmtpServer() as smtp:
        sec.add_filing("ALAB", "8-K", OPEN - dt.timedelta(days=91), items=("2.02",))
        watch = FastWatch(sec.url, UA)
        client = MarketClient(trust_env=False, rate_limits=RATE_LIMITS, bounds=PROVIDER_BOUNDS)
        async with client:
            await watch.ask(client, "ALAB", CIK_MAP)  # the watch's first answer, at 16:00
            when = seen_at(watch, awaited, published)
            sec.add_filing("ALAB", "8-K", published, items=("2.02", "9.01"))
            started = time.perf_counter()
            accession = await watch.ask(client, "ALAB", CIK_MAP)
            assert accession is not None, "the watch did not see the new filing"
            read = read_release(release)
            assert read is not None
            path = workdir / f"r{index}.db"
            with Store.open(path) as store:
                store.outbox.notice(
                    "results", "ALAB Q3 FY26", "revenue $412.3M, +6.0% vs the $389M guide", when
                )
            channels = [
                RemoteChannel("ntfy", f"ntfy://127.0.0.1:{push.port}/catalyst", ("results",)),
                RemoteChannel(
                    "email",
                    f"mailto://127.0.0.1:{smtp.port}?from=c@example.com&to=me@example.com",
                    ("results",),
                ),
            ]
            arrived: dict[str, float] = {}

            async def watch_for(name: str, holds: object) -> None:
                while not holds():  # type: ignore[operator]
                    await asyncio.sleep(0.001)
                arrived[name] = time.perf_counter()

            await asyncio.gather(
                deliver_to_channels(path, channels, claimer="bench", now=when, patience_ms=5000),
                watch_for("ntfy", lambda: push.bodies("/")),
                watch_for("email", lambda: smtp.messages),
            )
    wait = (when - published).total_seconds()
    return wait, {name: wait + (at - started) for name, at in arrived.items()}


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=24)
    parser.add_argument("--awaited", type=int, default=20)
    parser.add_argument("--seed", type=int, default=57)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    awaited = awaited_symbols(args.awaited)
    release = max(PRESS_RELEASES.glob("*.htm*"), key=lambda p: p.stat().st_size).read_bytes()
    waits: list[float] = []
    latency: dict[str, list[float]] = {"ntfy": [], "email": []}
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(args.releases):
            wait, each = asyncio.run(one_release(rng, awaited, release, Path(tmp), index))
            waits.append(wait)
            for name, seconds in each.items():
                latency[name].append(seconds)
    rate = sec_rate(args.awaited)
    print(
        f"{args.releases} releases, {args.awaited} awaited (each asked every"
        f" {every(args.awaited):g} s, a look every {TICK:g} s)"
    )
    floor50, floor95 = statistics.median(waits), percentile(waits, 95)
    for name, values in latency.items():
        p50, p95 = statistics.median(values), percentile(values, 95)
        print(f"{name:<6} p50 {p50:6.1f} s  p95 {p95:6.1f} s  (max {max(values):.1f} s)")
        note = f"{args.releases} releases, {args.awaited} awaited, seed {args.seed}"
        floor_is = "the fake-clock wait for the watch's ask alone"
        emit(Figure(f"alert p50 to {name}", p50, floor50, "s", "measured <= 60", floor_is, note))
        emit(Figure(f"alert p95 to {name}", p95, floor95, "s", "measured <= 120", floor_is, note))
    print(f"SEC: {rate:.3f} requests a second with {args.awaited} awaited (limit 10)")
    emit(
        Figure(
            f"SEC requests a second, {args.awaited} awaited",
            rate,
            10.0,
            "req/s",
            "measured <= 1",
            "SEC's fair-access limit",
            "over the first hour of the awaited window",
        )
    )


if __name__ == "__main__":
    main()
