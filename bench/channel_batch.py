"""A channel's delivery of a batch of notices (notify/remote_delivery.py `deliver_to_channels`)
to a loopback webhook (tests/support/push_server.py): one child process sends the batch in
order (notify/send_child.py), where each notice had a child of its own before. Measured: the
whole delivery of `--notices` notices through one channel, a real database and the child;
the floor, measured in the same run: the same delivery of one notice (a child started, Apprise
loaded, one POST). Printed too: the same batch sent a notice a child (`send_alert` each, as
before), against the same floor, as a reference and not a goal: ten children started in turn
against one comes out near ten by construction, and as a goal (`ratio <= 10`) it met or missed by
chance. Goal: the batch at most twice one notice.

    .venv/bin/python bench/channel_batch.py [--notices 10] [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.push_server import PushServer  # noqa: E402

from catalyst_tui.notify.alerts import alert_for  # noqa: E402
from catalyst_tui.notify.remote import RemoteChannel  # noqa: E402
from catalyst_tui.notify.remote_delivery import deliver_to_channels  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402


def queued(store: Store, notices: int, now: dt.datetime) -> None:
    """`notices` fresh results notices in the outbox."""
    for n in range(notices):
        store.outbox.notice("results", f"ALAB results: notice {n}", f"body {n}", now)


def delivery(folder: Path, channel: RemoteChannel, notices: int) -> float:
    """Seconds to deliver `notices` fresh notices through `channel`, batched."""
    path = folder / f"batch-{time.monotonic_ns()}.db"
    now = dt.datetime.now(dt.UTC)
    with Store.open(path) as store:
        queued(store, notices, now)
    started = time.perf_counter()
    report = asyncio.run(
        deliver_to_channels(path, [channel], claimer="bench", now=now, patience_ms=5000)
    )
    took = time.perf_counter() - started
    assert report.sent == {channel.name: notices}, report
    return took


def one_child_each(folder: Path, channel: RemoteChannel, notices: int) -> float:
    """Seconds to send the same notices a child each (`send_alert` in turn), as before."""
    path = folder / f"each-{time.monotonic_ns()}.db"
    now = dt.datetime.now(dt.UTC)
    with Store.open(path) as store:
        queued(store, notices, now)
        alerts = [
            alert_for(notice)
            for notice in store.channel_deliveries.claim(
                channel.name, channel.kinds, "bench", now, since=now - dt.timedelta(hours=1)
            )
        ]

    async def each() -> None:
        for alert in alerts:
            await channel.send_alert(alert)

    started = time.perf_counter()
    asyncio.run(each())
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notices", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    floors, batches, singles = [], [], []
    with tempfile.TemporaryDirectory() as name, PushServer() as push:
        folder = Path(name)
        channel = RemoteChannel("hook", f"json://127.0.0.1:{push.port}/hook", ("results",))
        delivery(folder, channel, 1)  # warm: the imports, the page cache
        for _ in range(args.repeats):  # alternated, so a slow moment costs each its share
            floors.append(delivery(folder, channel, 1))
            batches.append(delivery(folder, channel, args.notices))
            singles.append(one_child_each(folder, channel, args.notices))
    floor, batch, single = (statistics.median(x) for x in (floors, batches, singles))
    print(
        f"one notice {floor:.2f} s; {args.notices} notices in one child {batch:.2f} s"
        f" ({batch / floor:.2f}x); a child each {single:.2f} s ({single / floor:.2f}x)"
    )
    size = f"{args.notices} notices, one channel, medians of {args.repeats}"
    emit(
        Figure(
            f"one channel's delivery of {args.notices} notices, one child",
            batch,
            floor,
            "s",
            "ratio <= 2",
            "the same delivery of one notice",
            size,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
