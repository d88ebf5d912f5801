"""The TUI's live cycle never waits on its loop for another process's write lock: the outbox's
steps of delivery (claim, sent, release) wait in a worker thread on a connection of their own
while keys are answered, and once the lock goes the notice is recorded as sent, shown as a
toast and on the desktop (a real private D-Bus) once. The lock is a real second process in
`BEGIN IMMEDIATE` (tests/support/locks.py). Nothing here is timed: each step waits for the
state it names."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from textual.widgets import DataTable

from catalyst_tui.jobs.scheduler import ThesisScheduler
from catalyst_tui.notify.channels import CallbackChannel, default_channels
from catalyst_tui.notify.notification import Notification
from catalyst_tui.thesis.evaluate import Evaluation, Reason, Why
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.watchlist import WatchlistScreen
from tests.support.dbus_session import DbusSession

from ..support.demo_data import DEMO_NOW
from ..support.locks import holding
from ..support.pilot import make_app, wait_for
from ..support.toasts import raised

pytest_plugins = ["tests.support.fixtures"]  # the dbus_session and notification_recorder fixtures

MISSED = Evaluation(
    "ALAB",
    "scorpio-largest-line",
    "pending",
    "missed",
    Reason(Why.DUE_PASSED, day=DEMO_NOW.date()),
    None,
    "milestone",
)
SAID = "ALAB: missed"  # the notice's title, as the toast and the desktop show it


def live_cycle(app: CatalystApp, *extra: CallbackChannel) -> ThesisScheduler:
    """The scheduler the TUI starts after its first paint (tui/live.py), with its toast and
    desktop channels and `extra` ones, its jobs not started: the test runs its cycles."""
    channels = [*default_channels(toast=app._toast, desktop=True), *extra]
    app._channels = channels  # closed with the app (stop_live)
    app.scheduler = ThesisScheduler(
        app.workspace.config,
        app.workspace.store,
        channels,
        role="tui",
        on_cycle=app._cycle_done,
        clock=app.workspace.clock,
        refresh_in_child=True,
    )
    return app.scheduler


def toasts_of_the_notice(app: CatalystApp) -> int:
    return sum(SAID in toast.message or SAID in toast.title for toast in raised(app))


async def test_a_cycle_s_delivery_waits_for_the_write_lock_while_the_cursor_moves(
    demo, notification_recorder: DbusSession
):
    config, store = demo
    [event] = store.checkpoints.record([MISSED], DEMO_NOW, notify=("missed",))
    [pending] = [row for row in store.outbox.rows() if row.sent_at is None]
    assert pending.event_id == event
    app = make_app(config, store)
    with contextlib.ExitStack() as locks:
        releases: list[Callable[[], None]] = []

        async def lock_taken(_notification: Notification) -> None:
            """Another process takes the write lock while the notice is being sent: the
            delivery's next step (recording it as sent) has to wait for it."""
            if not releases:
                held = holding("database", store.path)
                releases.append(await asyncio.to_thread(locks.enter_context, held))

        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WatchlistScreen)
            table = app.screen.query_one("#tickers", DataTable)
            assert table.cursor_row == 0
            scheduler = live_cycle(app, CallbackChannel("lock", lock_taken))
            app.run_worker(scheduler.evaluation_cycle(), name="the cycle", group="refresh")
            await wait_for(pilot, lambda: bool(releases))  # sent; the lock is held
            await pilot.press("down")  # answered while the delivery waits
            await wait_for(pilot, lambda: table.cursor_row == 1)
            assert scheduler.refreshing  # the cycle still waits for the lock, off the loop
            [row] = [r for r in store.outbox.rows() if r.id == pending.id]
            assert row.sent_at is None  # not recorded yet: the other process holds the lock
            assert toasts_of_the_notice(app) == 0  # shown once its cycle ends
            await asyncio.to_thread(releases[0])
            await wait_for(pilot, lambda: not scheduler.refreshing)
            await wait_for(pilot, lambda: toasts_of_the_notice(app) == 1)
            [row] = [r for r in store.outbox.rows() if r.id == pending.id]
            assert row.sent_at is not None
            assert set(row.channels) == {"desktop", "toast", "lock"}
            # The next cycle finds nothing to send: the notice went out once.
            again = await scheduler.evaluation_cycle()
            assert again.delivery is not None and again.delivery.sent == 0
            await pilot.pause()
            assert toasts_of_the_notice(app) == 1
    said = [n for n in notification_recorder.notifications() if SAID in str(n)]
    assert len(said) == 1
