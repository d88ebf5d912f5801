"""Benchmark: from a release's publication to its alert on each channel, while results are awaited.

    .venv/bin/python bench/alert_latency.py [--releases 24] [--awaited 20] [--seed 57]

A loopback SEC (tests/support/filings_server.py) publishes an 8-K with item 2.02 at a random
moment inside the awaited window (the first hour after 16:00 New York on the earnings date),
while `--awaited` companies are awaited. Its submissions JSON lags every filing by 10 minutes
(EDGAR's on earnings nights); its current-filings feed lists the 8-K at once. The fast watch
runs with its default settings and the registry's watch sources (jobs/watch.py: the feed every
TOGETHER_EVERY seconds for all, each company's submissions every `every(n)` seconds, a look
every TICK seconds) on a fake clock, every ask a real request to the loopback SEC: the wait from
publication to the look that sees the filing is the watch's pace, not something to sit through.
What follows is real and measured on the wall clock: the reading of the largest recorded press
release in ../shared (the refresh's reading of the EX-99.1), the results notice queued in a real
SQLite outbox, and its delivery through the channels with the daemon's delivery
(notify/remote_delivery.py, each send in a child process through Apprise): an ntfy-compatible
HTTP endpoint and an SMTP server (aiosmtpd), each until the server holds it.

Prints p50 and p95 from publication to delivery on each channel over the releases, and the
requests a second the loopback SEC received over the simulated window with `--awaited`
companies awaited. Goals: p50 <= 60 s, p95 <= 120 s on each channel; SEC under 1 request a
second. The floor of a latency is the fake-clock wait alone (the watch's pace), measured in the
same run. Then the cost of one channel's delivery (a notice through the outbox to the ntfy
endpoint) against a bare HTTP POST to the same endpoint.

The second case: the release appears on the company's own feed (RSS 2.0 on a loopback feed
server, tests/support/feed_server.py: each awaited company has one, its date announcement
listed) 1 to 15 minutes before its 8-K (random per release, seeded), the submissions lagging as
above. The fast watch asks each awaited company's feed every FEED_EVERY seconds besides the SEC
sources; from the look that finds the release, real and on the wall clock: its page fetched
from the feed server, read in a child (jobs/release_reader.py `read_in_child`, as the watch
reads it), the notice queued and delivered as above. Prints p50 and p95 from the feed's
publication to delivery on each channel (the same goals), and over the simulated window to the
8-K's sight the SEC requests a second (under 1) and the feed requests a second.

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
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.feed_server import FeedServer  # noqa: E402
from tests.support.filings_server import CIKS, NEW_YORK, FilingsServer  # noqa: E402
from tests.support.push_server import PushServer, SmtpServer  # noqa: E402
from tests.support.shared import PRESS_RELEASES  # noqa: E402

from catalyst_tui.config import parse_config  # noqa: E402
from catalyst_tui.jobs.release_reader import read_in_child  # noqa: E402
from catalyst_tui.jobs.watch import (  # noqa: E402
    FEED_EVERY,
    TICK,
    TOGETHER_EVERY,
    FastWatch,
    every,
    watch_sources,
)
from catalyst_tui.market.http.client import MarketClient  # noqa: E402
from catalyst_tui.market.registry import PROVIDER_BOUNDS, RATE_LIMITS, build_sources  # noqa: E402
from catalyst_tui.market.spec import BuildContext  # noqa: E402
from catalyst_tui.notify.remote import RemoteChannel  # noqa: E402
from catalyst_tui.notify.remote_delivery import deliver_to_channels  # noqa: E402
from catalyst_tui.reading.release.reader import read_release  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402

UA = "Catalyst Bench bench@example.com"
DAY = dt.date(2026, 11, 3)
OPEN = dt.datetime.combine(DAY, dt.time(16, 0), NEW_YORK).astimezone(dt.UTC)
WINDOW = dt.timedelta(hours=1)
LAG = dt.timedelta(minutes=10)  # the submissions JSON's, behind each filing
AHEAD = (60.0, 15 * 60.0)  # seconds the company's feed carries the release before its 8-K


def awaited_symbols(count: int) -> dict[str, str]:
    """ALAB (the company that publishes) among `count` awaited, each with its CIK."""
    others = {f"W{i:03d}": f"{9_000_000 + i:010d}" for i in range(count - 1)}
    return {"ALAB": f"{CIKS['ALAB']:010d}", **others}


def watch_on(sec: FilingsServer, feeds: dict[str, tuple[str, ...]] | None = None) -> FastWatch:
    """The fast watch as the scheduler builds it: the registry's watch sources (SEC's, the
    feeds'), with the tickers' feeds."""
    config = parse_config(sec.settings_toml(sec.url, UA, loopback_links=True))
    # The release's page is on the loopback feed server: allowed, as a user would allow it.
    context = BuildContext(allow_hosts=config.settings.allow_hosts)
    sources = watch_sources(build_sources(config.providers, context))
    return FastWatch(sources, feeds=feeds or {})


def channels_of(push: PushServer, smtp: SmtpServer) -> list[RemoteChannel]:
    return [
        RemoteChannel("ntfy", f"ntfy://127.0.0.1:{push.port}/catalyst", ("results",)),
        RemoteChannel(
            "email",
            f"mailto://127.0.0.1:{smtp.port}?from=c@example.com&to=me@example.com",
            ("results",),
        ),
    ]


async def delivered(
    path: Path, push: PushServer, smtp: SmtpServer, when: dt.datetime
) -> dict[str, float]:
    """The notice queued in `path`'s outbox delivered to both channels: when each server held
    it, on the wall clock (perf_counter)."""
    arrived: dict[str, float] = {}

    async def watch_for(name: str, holds: object) -> None:
        while not holds():  # type: ignore[operator]
            await asyncio.sleep(0.001)
        arrived[name] = time.perf_counter()

    await asyncio.gather(
        deliver_to_channels(
            path, channels_of(push, smtp), claimer="bench", now=when, patience_ms=5000
        ),
        watch_for("ntfy", lambda: push.bodies("/")),
        watch_for("email", lambda: smtp.messages),
    )
    return arrived


def queue_notice(path: Path, when: dt.datetime) -> None:
    with Store.open(path) as store:
        store.outbox.notice(
            "results", "ALAB results: Q3 FY26", "revenue $412.3M, +6.0% vs the $389M guide", when
        )


async def one_release(
    rng: random.Random, awaited: dict[str, str], release: bytes, workdir: Path, index: int
) -> tuple[float, dict[str, float], float]:
    """(the fake-clock wait, {channel: publication to delivery in seconds}, SEC requests a
    second over the simulated time) of one release."""
    published = OPEN + dt.timedelta(seconds=rng.uniform(0, WINDOW.total_seconds()))
    clock = [OPEN]
    with (
        FilingsServer(now=lambda: clock[0], submissions_lag=LAG) as sec,
        PushServer() as push,
        SmtpServer() as smtp,
    ):
        sec.add_filing("ALAB", "8-K", OPEN - dt.timedelta(days=91), items=("2.02",))
        sec.add_filing("ALAB", "8-K", published, items=("2.02", "9.01"))
        watch = watch_on(sec)
        symbols = list(awaited)
        # The pace is the fake clock's (the watch's own budget): the client's wall-clock limit
        # of 10 a second would only stretch the run.
        paced = {**RATE_LIMITS, "sec": None}
        client = MarketClient(trust_env=False, rate_limits=paced, bounds=PROVIDER_BOUNDS)
        async with client:
            while "ALAB" not in await watch.look(client, symbols, awaited, clock[0]):
                clock[0] += dt.timedelta(seconds=TICK)
            when = clock[0]
            simulated = (when - OPEN).total_seconds() or TICK
            rate = len(sec.requests()) / simulated
            started = time.perf_counter()
            read = read_release(release)
            assert read is not None
            path = workdir / f"r{index}.db"
            queue_notice(path, when)
            arrived = await delivered(path, push, smtp, when)
    wait = (when - published).total_seconds()
    return wait, {name: wait + (at - started) for name, at in arrived.items()}, rate


async def one_feed_release(
    rng: random.Random, awaited: dict[str, str], release: bytes, workdir: Path, index: int
) -> tuple[float, dict[str, float], float, float]:
    """(the fake-clock wait, {channel: feed publication to delivery in seconds}, SEC and feed
    requests a second over the simulated time to the 8-K's sight) of a release that appears on
    the company's feed before its 8-K."""
    filed = OPEN + dt.timedelta(seconds=rng.uniform(AHEAD[1], WINDOW.total_seconds()))
    published = filed - dt.timedelta(seconds=rng.uniform(*AHEAD))
    clock = [OPEN]
    with (
        FilingsServer(now=lambda: clock[0], submissions_lag=LAG) as sec,
        FeedServer() as feeds,
        PushServer() as push,
        SmtpServer() as smtp,
    ):
        sec.add_filing("ALAB", "8-K", OPEN - dt.timedelta(days=91), items=("2.02",))
        sec.add_filing("ALAB", "8-K", filed, items=("2.02", "9.01"))
        urls = {symbol: f"{feeds.url}/{symbol.lower()}/rss" for symbol in awaited}
        for symbol, url in urls.items():  # each company's date announcement, weeks before
            said = f"{symbol} to Report Third Quarter 2026 Financial Results on November 3, 2026"
            feeds.add_item(url.removeprefix(feeds.url), said, "", OPEN - dt.timedelta(days=14))
        watch = watch_on(sec, {symbol: (url,) for symbol, url in urls.items()})
        symbols = list(awaited)
        paced = {**RATE_LIMITS, "sec": None, "feeds": None}
        client = MarketClient(trust_env=False, rate_limits=paced, bounds=PROVIDER_BOUNDS)
        async with client:
            listed = False
            while not watch.releases:
                if not listed and clock[0] >= published:
                    title = "Astera Labs Reports Third Quarter 2026 Financial Results"
                    feeds.add_item("/alab/rss", title, "", published, page=release)
                    listed = True
                await watch.look(client, symbols, awaited, clock[0])
                if not watch.releases:
                    clock[0] += dt.timedelta(seconds=TICK)
            when = clock[0]
            [found] = watch.releases
            started = time.perf_counter()
            body = await found.source.page(client, found.item.link, "ALAB")
            read = await read_in_child(body, published.astimezone(NEW_YORK).date())
            assert read.found, read.reason
            path = workdir / f"f{index}.db"
            queue_notice(path, when)
            arrived = await delivered(path, push, smtp, when)
            watch.releases.clear()
            while "ALAB" not in await watch.look(client, symbols, awaited, clock[0]):
                clock[0] += dt.timedelta(seconds=TICK)
            simulated = (clock[0] - OPEN).total_seconds() or TICK
            rates = len(sec.requests()) / simulated, len(feeds.requests()) / simulated
    wait = (when - published).total_seconds()
    return wait, {name: wait + (at - started) for name, at in arrived.items()}, *rates


def delivery_cost(workdir: Path, repeats: int = 5) -> tuple[float, float]:
    """(one notice through the outbox to the ntfy endpoint, a bare POST of the same body to
    it): the median seconds of each over `repeats`."""
    channel_times, bare_times = [], []
    with PushServer() as push:
        url = f"http://127.0.0.1:{push.port}/catalyst"
        channel = RemoteChannel("ntfy", f"ntfy://127.0.0.1:{push.port}/catalyst", ("results",))
        for n in range(repeats):
            path = workdir / f"cost{n}.db"
            with Store.open(path) as store:
                store.outbox.notice("results", "ALAB results", "revenue $412.3M", OPEN)
            started = time.perf_counter()
            asyncio.run(
                deliver_to_channels(path, [channel], claimer="bench", now=OPEN, patience_ms=5000)
            )
            channel_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            request = urllib.request.Request(url, data=b"revenue $412.3M", method="POST")
            with urllib.request.urlopen(request, timeout=30) as answer:
                answer.read()
            bare_times.append(time.perf_counter() - started)
    return statistics.median(channel_times), statistics.median(bare_times)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def latency_figures(
    label: str, latency: dict[str, list[float]], waits: list[float], ask: str, note: str
) -> None:
    """p50 and p95 of each channel's latency, printed and emitted against the fake-clock wait
    for `ask` alone (goals 60 s and 120 s)."""
    floor50, floor95 = statistics.median(waits), percentile(waits, 95)
    for name, values in latency.items():
        p50, p95 = statistics.median(values), percentile(values, 95)
        print(f"{name:<6} p50 {p50:6.1f} s  p95 {p95:6.1f} s  (max {max(values):.1f} s)")
        for q, value, floor, goal in (("p50", p50, floor50, 60), ("p95", p95, floor95, 120)):
            floor_is = f"the fake-clock wait for {ask} alone"
            emit(
                Figure(
                    f"{label} {q} to {name}",
                    value,
                    floor,
                    "s",
                    f"measured <= {goal}",
                    floor_is,
                    note,
                )
            )


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
    rates: list[float] = []
    latency: dict[str, list[float]] = {"ntfy": [], "email": []}
    feed_waits: list[float] = []
    feed_rates: list[tuple[float, float]] = []
    feed_latency: dict[str, list[float]] = {"ntfy": [], "email": []}
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(args.releases):
            wait, each, rate = asyncio.run(one_release(rng, awaited, release, Path(tmp), index))
            waits.append(wait)
            rates.append(rate)
            for name, seconds in each.items():
                latency[name].append(seconds)
        for index in range(args.releases):
            ran = asyncio.run(one_feed_release(rng, awaited, release, Path(tmp), index))
            wait, each, sec_rate, feed_rate = ran
            feed_waits.append(wait)
            feed_rates.append((sec_rate, feed_rate))
            for name, seconds in each.items():
                feed_latency[name].append(seconds)
        cost, bare = delivery_cost(Path(tmp))
    print(
        f"{args.releases} releases, {args.awaited} awaited (the current-filings feed every"
        f" {TOGETHER_EVERY:g} s, each company's submissions every {every(args.awaited):g} s and"
        f" {LAG.total_seconds() / 60:g} minutes behind, a look every {TICK:g} s)"
    )
    note = f"{args.releases} releases, {args.awaited} awaited, seed {args.seed}"
    latency_figures("alert", latency, waits, "the watch's ask", note)
    rate = max(rates)
    print(f"SEC: {rate:.3f} requests a second with {args.awaited} awaited (limit 10)")
    emit(
        Figure(
            f"SEC requests a second, {args.awaited} awaited",
            rate,
            10.0,
            "req/s",
            "measured <= 1",
            "SEC's fair-access limit",
            "the most of any release's simulated window, every request the loopback SEC took",
        )
    )
    print(
        f"the release on the company's feed {AHEAD[0] / 60:g}-{AHEAD[1] / 60:g} minutes before"
        f" its 8-K (each feed every {FEED_EVERY:g} s), from the feed's publication:"
    )
    note = f"{args.releases} releases, {args.awaited} awaited, seed {args.seed}"
    latency_figures("feed alert", feed_latency, feed_waits, "the watch's ask of the feed", note)
    sec_rate = max(r for r, _ in feed_rates)
    feed_rate = max(r for _, r in feed_rates)
    print(
        f"SEC: {sec_rate:.3f} requests a second, the feeds: {feed_rate:.3f} requests a second"
        f" ({args.awaited} awaited, one feed each)"
    )
    window = "the most of any release's simulated window to the 8-K's sight"
    emit(
        Figure(
            f"SEC requests a second with feeds watched, {args.awaited} awaited",
            sec_rate,
            10.0,
            "req/s",
            "measured <= 1",
            "SEC's fair-access limit",
            window,
        )
    )
    emit(
        Figure(
            f"feed requests a second, {args.awaited} awaited",
            feed_rate,
            args.awaited / FEED_EVERY,
            "req/s",
            "ratio <= 1.05",
            "one ask of each awaited company's feed every FEED_EVERY seconds",
            window + ", every request the loopback feed server took (the release's page too)",
        )
    )
    print(f"one channel delivery {cost * 1000:.0f} ms, a bare POST {bare * 1000:.1f} ms")
    emit(
        Figure(
            "one notice delivered to a channel",
            cost,
            bare,
            "s",
            "measured <= 5",
            "a bare HTTP POST of the body to the same endpoint",
            "median of 5: the outbox's claim and record, the send's child process, Apprise",
        )
    )


if __name__ == "__main__":
    main()
