"""Delivery of the outbox: each notice sent once through every channel and recorded, a claim of
an ended process taken over at once, a channel that raises never breaking delivery, and two
processes delivering from one database, through a real D-Bus session bus."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.notify.channels import CallbackChannel, close_channels, default_channels
from catalyst_tui.notify.delivery import claimer_gone, claimer_id, deliver, send_test
from catalyst_tui.notify.desktop import DesktopChannel
from catalyst_tui.notify.notification import Channel, Notification
from catalyst_tui.store import Store
from catalyst_tui.thesis.evaluate import Evaluation
from tests.support.dbus_session import DbusSession
from tests.support.liveness import HANG

from .conftest import GM, GM_MISS, GM_NOTIFICATION, REV, T0, Recorded, compared, record

pytest_plugins = ["tests.support.fixtures"]  # the dbus_session and notification_recorder fixtures


async def test_delivered_notices_are_not_sent_again(
    store: Store, notification_recorder: DbusSession
):
    record(store, GM_MISS)
    toast = Recorded()
    channels = default_channels(toast=toast)
    first = await deliver(store, channels, claimer="a", now=T0)
    second = await deliver(store, channels, claimer="b", now=T0 + dt.timedelta(hours=1))
    await close_channels(channels)
    assert (first.sent, second.sent, second.failed) == (1, 0, 0)
    assert len(notification_recorder.notifications()) == 1 and toast.sent == [GM_NOTIFICATION]
    assert store.outbox.rows()[0].channels == ("desktop", "toast")


async def test_a_miss_acknowledged_before_its_notice_went_out_is_never_notified(
    store: Store, notification_recorder: DbusSession
):
    """The outbox held the miss (a channel was down, the daemon between deliveries) and the user
    acknowledged it in the TUI meanwhile: no channel says it afterwards."""
    record(store, GM_MISS)
    assert store.checkpoints.acknowledge([("ALAB", "gm")], T0) == 1
    toast = Recorded()
    channels = default_channels(toast=toast)
    report = await deliver(store, channels, claimer="a", now=T0 + dt.timedelta(minutes=1))
    await close_channels(channels)
    assert (report.sent, report.failed) == (0, 0)
    assert notification_recorder.notifications() == [] and toast.sent == []
    (row,) = store.outbox.rows()
    assert row.sent_at is not None and row.channels == ()
    assert row.last_error == "acknowledged before it was sent"


def _ended_process_claimer(role: str) -> str:
    """The claimer_id a process that has ended (killed and reaped) would have had."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    proc.kill()
    proc.wait()
    return claimer_id(role).replace(f":{os.getpid()}:", f":{proc.pid}:")


def test_claimer_gone_names_only_ended_processes_on_this_host():
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert not claimer_gone(claimer_id("tui"))  # this process
        assert not claimer_gone(claimer_id("x").replace(f":{os.getpid()}:", f":{live.pid}:"))
        live.kill()  # killed, not yet reaped: a zombie has ended too
        deadline = time.monotonic() + HANG  # a liveness ceiling: the kernel ends it at once
        zombie = claimer_id("x").replace(f":{os.getpid()}:", f":{live.pid}:")
        while not claimer_gone(zombie) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert claimer_gone(zombie)
    finally:
        live.kill()
        live.wait()
    assert claimer_gone(_ended_process_claimer("refresh"))
    assert not claimer_gone("other-host:1:daemon")  # not ours to judge: waits for the timeout
    assert not claimer_gone("tui") and not claimer_gone("")


async def test_a_killed_claimers_notices_are_delivered_at_the_next_start_not_minutes_later(
    store: Store, notification_recorder: DbusSession
):
    record(store, GM_MISS)
    alive = claimer_id("x").replace(f":{os.getpid()}:", ":1:")  # pid 1 lives
    assert [n.event and n.event.checkpoint_id for n in store.outbox.claim(alive, T0)] == ["gm"]
    assert store.outbox.claim("other", T0, gone=claimer_gone) == []  # the living keep theirs
    record(store, Evaluation("ALAB", "rev", "pending", "missed", compared(300e6, "<"), REV))
    dead = _ended_process_claimer("refresh")
    assert [n.event and n.event.checkpoint_id for n in store.outbox.claim(dead, T0)] == ["rev"]
    desktop = DesktopChannel()
    report = await deliver(store, [desktop], claimer="next-start", now=T0 + dt.timedelta(seconds=1))
    await close_channels([desktop])
    assert report.sent == 1 and len(notification_recorder.notifications()) == 1
    assert [(r.claimed_by, r.sent_at is not None) for r in store.outbox.rows()] == [
        (alive, False),
        ("next-start", True),
    ]


async def test_a_channel_that_raises_anything_never_breaks_delivery(
    store: Store, notification_recorder: DbusSession
):
    class Broken:
        name = "broken"

        async def send(self, notification: Notification) -> None:
            raise RuntimeError("bug")

    def failing_toast(notification: Notification) -> None:
        raise ValueError("no screen")

    record(store, GM_MISS)
    channels: list[Channel] = [Broken(), CallbackChannel("toast", failing_toast), DesktopChannel()]
    report = await deliver(store, channels, claimer="a", now=T0)
    await close_channels(channels)
    assert report.sent == 1
    assert report.channel_errors == {
        "broken": "RuntimeError: bug",
        "toast": "ValueError: no screen",
    }
    assert store.outbox.rows()[0].channels == ("desktop",)


async def test_send_test_reports_each_channel(dbus_session: DbusSession):
    written: list[str] = []

    def no_screen(notification: Notification) -> None:
        raise RuntimeError("the TUI is not running")

    channels = default_channels(terminal_write=written.append, toast=no_screen)
    without = await send_test(channels)
    assert (
        without["terminal"] is None and without["toast"] == "RuntimeError: the TUI is not running"
    )
    assert "nothing owns org.freedesktop.Notifications" in (without["desktop"] or "")

    dbus_session.start_recorder()
    with_service = await send_test(channels)
    await close_channels(channels)
    assert with_service["desktop"] is None
    [shown] = dbus_session.notifications()
    assert shown["summary"] == "catalyst: test notification" and shown["app_name"] == "catalyst"
    assert len(written) == 2


# Two processes, one database.

DELIVERER = textwrap.dedent(
    """
    import asyncio, datetime as dt, json, os, sys, time
    from pathlib import Path
    from catalyst_tui.notify.delivery import deliver
    from catalyst_tui.notify.desktop import DesktopChannel
    from catalyst_tui.store import Store

    db, claimer, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    now = dt.datetime.fromisoformat(sys.argv[4])

    async def main():
        desktop, sent = DesktopChannel(), 0
        with Store.open(Path(db)) as store:
            print("ready", flush=True)
            while not go.exists():
                time.sleep(0.005)
            while True:
                report = await deliver(store, [desktop], claimer=claimer, now=now, limit=2)
                if not report.sent and not report.failed:
                    break
                sent += report.sent
        await desktop.aclose()
        print(json.dumps({"sent": sent}), flush=True)

    asyncio.run(main())
    """
)


def test_two_processes_deliver_each_notice_exactly_once(tmp_path: Path, dbus_session: DbusSession):
    dbus_session.start_recorder(delay=0.01)  # a slow daemon, so that both processes get turns
    count = 40
    checkpoints = "".join(
        f'[[tickers.ALAB.checkpoints]]\nid = "g{i}"\ntitle = "Guard {i}"\nkind = "guard"\n'
        f'when = "gross_margin >= 70%"\n'
        for i in range(count)
    )
    db = tmp_path / "shared.db"
    with Store.open(db) as store:
        store.sync.apply(parse_config(f'[tickers.ALAB]\nname = "A"\n{checkpoints}'), now=T0)
        record(
            store,
            *(
                Evaluation("ALAB", f"g{i}", "pending", "missed", compared(0.5, "<"), GM)
                for i in range(count)
            ),
        )

    go = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", DELIVERER, str(db), name, str(go), T0.isoformat()],
            env=dbus_session.env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("tui", "daemon")
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        go.touch()
        results = [json.loads(worker.communicate(timeout=30)[0]) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()

    summaries = [n["summary"] for n in dbus_session.notifications()]
    assert sorted(summaries) == sorted(f"ALAB: missed — Guard {i}" for i in range(count))
    assert sum(r["sent"] for r in results) == count
    with Store.open(db) as store:
        rows = store.outbox.rows()
    assert all(r.sent_at and r.channels == ("desktop",) and r.attempts == 1 for r in rows)
    assert {r.claimed_by for r in rows} == {"tui", "daemon"}  # both took a share


WEIGHT_THESIS = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.lots]]
shares = 50
cost = 100
[[tickers.ALAB.checkpoints]]
id = "weight-cap"
title = "Position stays at most 15% of the portfolio"
kind = "guard"
when = "weight <= 15%"
[tickers.NVDA]
name = "NVIDIA"
[[tickers.NVDA.lots]]
shares = 20
cost = 150
"""


async def test_a_weight_guard_notification_shows_the_whole_portfolio_value(
    tmp_path: Path, notification_recorder: DbusSession
):
    from catalyst_tui.jobs.evaluation import evaluate_checkpoints
    from catalyst_tui.market.models import Quote, QuoteOutcome

    config = parse_config(WEIGHT_THESIS)
    prices = {"ALAB": 227.88, "NVDA": 187.92}  # 50 x 227.88 + 20 x 187.92 = 15,152.40
    with Store.open(tmp_path / "c.db") as store:
        store.sync.apply(config, now=T0)
        store.market.save_quotes(
            [
                QuoteOutcome(s, Quote(s, p, None, None, None, "USD", None, T0, "yahoo"))
                for s, p in prices.items()
            ],
            T0,
        )
        [changed] = evaluate_checkpoints(config, store, T0)
        assert changed.reason.observed is not None
        assert changed.reason.observed.portfolio == pytest.approx(15_152.40)
        desktop = DesktopChannel()
        report = await deliver(store, [desktop], claimer="test", now=T0)
        await desktop.aclose()
    assert report.sent == 1
    [shown] = notification_recorder.notifications()
    assert shown["summary"] == "ALAB: missed — Position stays at most 15% of the portfolio"
    assert (
        shown["body"] == "weight 75.2% > 15% (of a 15,152 USD portfolio)"
    )  # 11,394.00 / 15,152.40


def test_a_new_files_first_sync_notifies_no_checkpoint_already_met(store: Store):
    """`notify = ["met"]` on a file whose checkpoints were met before catalyst looked: the first
    judgement records them on the timeline only; a checkpoint met later is news and notified."""
    rev = compared(412e6, ">=")
    first = Evaluation("ALAB", "rev", "pending", "met", rev, REV)
    assert store.checkpoints.record([first], T0, notify=("met",))
    assert store.outbox.rows() == []  # not notified
    [event] = store.views.events(symbol="ALAB")  # on the timeline
    assert (event.checkpoint_id, event.to_status) == ("rev", "met")
    gm_pending = Evaluation("ALAB", "gm", "pending", "pending", compared(0.68, "<"), GM)
    store.checkpoints.record([gm_pending], T0, notify=("met",))
    gm_met = Evaluation("ALAB", "gm", "pending", "met", compared(0.71, ">="), GM)
    store.checkpoints.record([gm_met], T0 + dt.timedelta(days=1), notify=("met",))
    assert [row.event_id is not None for row in store.outbox.rows()] == [True]
