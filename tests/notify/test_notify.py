"""Notifications: the message text, the terminal escape sequences, and delivery of the outbox
through a real D-Bus session bus to a recording notification service, from one process and two."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from catalyst_tui.config import parse_config
from catalyst_tui.notify import (
    CallbackChannel,
    Channel,
    ChannelError,
    DeliveryReport,
    DesktopChannel,
    TerminalChannel,
    claimer_gone,
    claimer_id,
    close_channels,
    default_channels,
    deliver,
    notice_text,
    send_test,
    strip_controls,
    terminal_sequence,
)
from catalyst_tui.store import Store
from catalyst_tui.store.records import EventRecord, Notice
from catalyst_tui.thesis.conditions import Condition, parse_condition
from catalyst_tui.thesis.evaluate import Evaluation, Reason, Why
from catalyst_tui.thesis.metrics import Observation, Period, PeriodKind
from tests.support.dbus_session import DbusSession

pytest_plugins = ["tests.support.fixtures"]  # the dbus_session and notification_recorder fixtures

T0 = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)

THESIS = """
[tickers.ALAB]
name = "Astera Labs"
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin holds at or above 70%"
kind = "guard"
when = "gross_margin >= 70%"
[[tickers.ALAB.checkpoints]]
id = "npo"
title = "NPO ships"
kind = "milestone"
due = 2026-10-31
[[tickers.ALAB.checkpoints]]
id = "rev"
title = "Quarterly revenue reaches $360M"
kind = "target"
due = 2026-09-30
when = "revenue_q >= 360M"
"""
GM = parse_condition("gross_margin >= 70%")
REV = parse_condition("revenue_q >= 360M")


def _quarter(end: str, filed: str) -> Period:
    return Period(PeriodKind.QUARTER, dt.date.fromisoformat(end), dt.date.fromisoformat(filed))


def _compared(value: float, op: str, period: Period | None = None) -> Reason:
    return Reason(Why.COMPARED, observed=Observation(value, period=period), op=op)


GM_REASON = _compared(0.691, "<", _quarter("2026-09-30", "2026-11-04"))
GM_MISS = Evaluation("ALAB", "gm", "pending", "missed", GM_REASON, GM)
GM_TEXT = ("ALAB: missed — Gross margin holds at or above 70%",
           "gross_margin 69.1% < 70% (quarter ended 2026-09-30)")  # fmt: skip


def _notice(
    *, reason: Reason = GM_REASON, condition: Condition | None = GM, due: str | None = None,
    **changes: object,
) -> Notice:  # fmt: skip
    fields: dict[str, object] = dict(
        id=1, ts=T0, symbol="ALAB", checkpoint_id="gm", title="Gross margin holds at or above 70%",
        kind="guard", from_status="pending", to_status="missed", condition=condition,
        reason=reason, manual=False, flagged=True, acked_at=None, archived=False,
    )  # fmt: skip
    fields.update(changes)
    event = EventRecord(**fields)  # type: ignore[arg-type]
    return Notice(1, 0, event, dt.date.fromisoformat(due) if due else None)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "catalyst.db") as store:
        store.sync.apply(parse_config(THESIS), now=T0)
        yield store


def _record(store: Store, *evaluations: Evaluation) -> None:
    """Transitions through the engine's writer: events and their outbox rows, one transaction."""
    store.checkpoints.record(list(evaluations), T0, notify=("missed", "met"))


class Recorded:
    """A channel that keeps what it was sent (the in-app toast as the TUI would use it)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def __call__(self, title: str, body: str) -> None:
        self.sent.append((title, body))


# --------------------------------------------------------------------------------------------
# The message
# --------------------------------------------------------------------------------------------


def test_text_names_ticker_title_and_value_against_threshold():
    assert notice_text(_notice()) == GM_TEXT


def test_text_of_a_guard_that_holds_again_says_so_with_the_value():
    title, body = notice_text(_notice(
        from_status="missed", to_status="met", flagged=False,
        reason=_compared(0.712, ">=", _quarter("2026-12-31", "2027-02-10")),
    ))  # fmt: skip
    assert title == "ALAB: holding again — Gross margin holds at or above 70%"
    assert body == "gross_margin 71.2% >= 70% (quarter ended 2026-12-31)"


def test_text_of_a_missed_milestone_names_the_due_date_that_passed():
    notice = _notice(
        checkpoint_id="npo", title="NPO ships", kind="milestone", condition=None,
        reason=Reason(Why.DUE_PASSED, dt.date(2026, 10, 31)), due="2026-10-31",
    )  # fmt: skip
    assert notice_text(notice) == ("ALAB: missed — NPO ships", "due 2026-10-31 passed")


def test_text_of_a_missed_target_names_the_due_date_and_the_last_value():
    never = Reason(Why.NEVER_HELD, dt.date(2026, 9, 30), observed=Observation(
        301.5e6, period=_quarter("2026-06-30", "2026-08-06")), op="<")  # fmt: skip
    notice = _notice(
        checkpoint_id="rev", title="Quarterly revenue reaches $360M", kind="target",
        condition=REV, due="2026-09-30", reason=never,
    )  # fmt: skip
    assert notice_text(notice) == (
        "ALAB: missed — Quarterly revenue reaches $360M",
        "due 2026-09-30 passed; revenue_q 301.5M < 360M (quarter ended 2026-06-30)",
    )


def test_text_of_a_met_target_says_met():
    notice = _notice(
        kind="target", title="Revenue", to_status="met", condition=REV,
        reason=_compared(4.0e8, ">="), due="2027-06-30",
    )  # fmt: skip
    assert notice_text(notice) == ("ALAB: met — Revenue", "revenue_q 400.0M >= 360M")


def test_text_is_one_short_line_without_control_characters():
    title, body = notice_text(_notice(title="Margin\n\x1b[31mholds\x07 " + "x" * 300))
    assert title.startswith("ALAB: missed — Margin holds x")  # the colour sequence whole
    assert len(title) <= 100 and title.endswith("…")
    assert all(ch.isprintable() for ch in title + body)


# --------------------------------------------------------------------------------------------
# The terminal and callback channels
# --------------------------------------------------------------------------------------------


async def test_terminal_channel_writes_osc9_osc777_and_a_bell():
    written: list[str] = []
    await TerminalChannel(written.append).send(*GM_TEXT)
    title, body = GM_TEXT
    assert written == [
        f"\x1b]9;{title}: {body}\x07" f"\x1b]777;notify;{title};{body}\x07" "\x07"
    ]  # fmt: skip


def test_terminal_text_cannot_inject_escape_sequences():
    hostile = "NPO\x1b]0;owned\x07 ships\x9b2J\x9d8;;http://x\x9c\r\nnow\x7f"
    sequence = terminal_sequence(hostile, "body; with\ttab")
    assert sequence == (  # each sequence removed whole: no ']0;owned' left to read
        "\x1b]9;NPO ships now: body; with tab\x07"
        "\x1b]777;notify;NPO ships now;body; with tab\x07\x07"
    )
    # Only our own three introducers and terminators remain.
    assert sequence.count("\x1b") == 2 and sequence.count("\x07") == 3
    assert strip_controls("a\x00b\u0085c\td\u009b") == "ab c d"


async def test_terminal_write_failure_is_a_channel_error():
    def broken(_: str) -> None:
        raise OSError(5, "Input/output error")

    with pytest.raises(ChannelError, match="writing to the terminal failed"):
        await TerminalChannel(broken).send("t", "b")


async def test_callback_channel_takes_sync_and_async_callbacks():
    seen: list[tuple[str, str]] = []

    async def toast(title: str, body: str) -> None:
        seen.append((title, body))

    await CallbackChannel("toast", toast).send("t", "b")
    await CallbackChannel("log", lambda t, b: seen.append((b, t))).send("t", "b")
    assert seen == [("t", "b"), ("b", "t")]


# --------------------------------------------------------------------------------------------
# Delivery through the real bus
# --------------------------------------------------------------------------------------------


async def test_desktop_delivery_arrives_in_the_recorder(
    store: Store, notification_recorder: DbusSession
):
    _record(store, GM_MISS)
    desktop = DesktopChannel()
    report = await deliver(store, [desktop], claimer="test", now=T0)
    await desktop.aclose()

    assert report == DeliveryReport(sent=1, failed=0, channel_errors={})
    [shown] = notification_recorder.notifications()
    assert (shown["app_name"], shown["summary"], shown["body"]) == ("catalyst", *GM_TEXT)
    [row] = store.outbox.rows()
    assert row.sent_at == T0 and row.channels == ("desktop",)
    assert row.attempts == 1 and row.last_error == ""


async def test_delivered_notices_are_not_sent_again(
    store: Store, notification_recorder: DbusSession
):
    _record(store, GM_MISS)
    toast = Recorded()
    channels = default_channels(toast=toast)
    first = await deliver(store, channels, claimer="a", now=T0)
    second = await deliver(store, channels, claimer="b", now=T0 + dt.timedelta(hours=1))
    await close_channels(channels)
    assert (first.sent, second.sent, second.failed) == (1, 0, 0)
    assert len(notification_recorder.notifications()) == 1 and toast.sent == [GM_TEXT]
    assert store.outbox.rows()[0].channels == ("desktop", "toast")


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
        deadline = time.monotonic() + 10
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
    _record(store, GM_MISS)
    alive = claimer_id("x").replace(f":{os.getpid()}:", ":1:")  # pid 1 lives
    assert [n.event.checkpoint_id for n in store.outbox.claim(alive, T0)] == ["gm"]
    assert store.outbox.claim("other", T0, gone=claimer_gone) == []  # the living keep theirs
    _record(store, Evaluation("ALAB", "rev", "pending", "missed", _compared(300e6, "<"), REV))
    dead = _ended_process_claimer("refresh")
    assert [n.event.checkpoint_id for n in store.outbox.claim(dead, T0)] == ["rev"]  # killed
    desktop = DesktopChannel()
    report = await deliver(store, [desktop], claimer="next-start", now=T0 + dt.timedelta(seconds=1))
    await close_channels([desktop])
    assert report.sent == 1 and len(notification_recorder.notifications()) == 1
    assert [(r.claimed_by, r.sent_at is not None) for r in store.outbox.rows()] == [
        (alive, False), ("next-start", True)]  # fmt: skip


def _flap(store: Store, times: int) -> list[DeliveryReport]:
    """`times` guard transitions, each delivered by its own deliver() (as refreshes would),
    through the desktop, the terminal and a toast; each in its own event loop."""
    desktop, terminal, toast = DesktopChannel(), TerminalChannel(lambda _: None), Recorded()
    channels = [desktop, terminal, CallbackChannel("toast", toast)]
    reports = []
    status = "pending"
    for i in range(times):
        new = "missed" if status != "missed" else "met"
        op = "<" if new == "missed" else ">="
        _record(store, Evaluation("ALAB", "gm", status, new, _compared(0.69 + i / 1000, op), GM))
        status = new
        reports.append(asyncio.run(_deliver_and_close(store, channels, desktop)))
    assert len(toast.sent) == times
    return reports


async def _deliver_and_close(
    store: Store, channels: list[Channel], desktop: DesktopChannel
) -> DeliveryReport:
    report = await deliver(store, channels, claimer="t", now=T0)
    await desktop.aclose()
    return report


def _notify_records(caplog: pytest.LogCaptureFixture, level: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= level and r.name.startswith("catalyst")]


def test_without_a_notification_service_the_other_channels_work_and_it_is_logged_once(
    store: Store, dbus_session: DbusSession, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    reports = _flap(store, 3)

    assert [(r.sent, r.failed) for r in reports] == [(1, 0)] * 3
    assert "nothing owns org.freedesktop.Notifications" in reports[0].channel_errors["desktop"]
    assert set(reports[0].channel_errors) == {"desktop"}
    [warning] = _notify_records(caplog, logging.WARNING)
    assert "desktop notifications are not working" in warning.getMessage()
    # desktop-notifier's own per-send warning (with a traceback) does not reach the log.
    assert not [r for r in caplog.records if r.name.startswith("desktop_notifier")
                and r.levelno >= logging.WARNING]  # fmt: skip
    assert [r.channels for r in store.outbox.rows()] == [("terminal", "toast")] * 3


@pytest.mark.parametrize("bus", ["dead socket", "unset"])
def test_without_a_session_bus_the_other_channels_work_and_it_is_logged_once(
    store: Store,
    dbus_session: DbusSession,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    bus: str,
):
    if bus == "unset":
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
        monkeypatch.delenv("DISPLAY", raising=False)
    else:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", dbus_session.dead_address())
    started = time.monotonic()
    reports = _flap(store, 3)

    assert time.monotonic() - started < 9  # fails fast, doesn't wait for a timeout (10 s)
    assert [(r.sent, r.failed) for r in reports] == [(1, 0)] * 3
    assert "no D-Bus session bus" in reports[-1].channel_errors["desktop"]
    assert len(_notify_records(caplog, logging.WARNING)) == 1


async def test_a_notice_no_channel_took_is_kept_and_sent_once_the_service_is_up(
    store: Store, dbus_session: DbusSession, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO, logger="catalyst_tui.notify")
    _record(store, GM_MISS)
    desktop = DesktopChannel()
    failed = await deliver(store, [desktop], claimer="a", now=T0)
    assert (failed.sent, failed.failed) == (0, 1)
    [row] = store.outbox.rows()
    assert row.sent_at is None and row.claimed_by is None and row.attempts == 1
    assert "nothing owns org.freedesktop.Notifications" in row.last_error

    dbus_session.start_recorder()
    later = await deliver(store, [desktop], claimer="a", now=T0 + dt.timedelta(minutes=1))
    await desktop.aclose()
    assert (later.sent, later.failed) == (1, 0)
    assert [n["summary"] for n in dbus_session.notifications()] == [GM_TEXT[0]]
    assert [r.getMessage() for r in _notify_records(caplog, logging.INFO)][-1] == (
        "desktop notifications work again"
    )


async def test_a_notification_service_that_refuses_is_a_channel_error(dbus_session: DbusSession):
    dbus_session.start_recorder(fail=True)
    with pytest.raises(ChannelError, match="refused: the recorder was told to fail"):
        await DesktopChannel().send("t", "b")  # a failed send closes its connection


async def test_a_hung_notification_service_times_out_without_holding_up_the_others(
    store: Store, notification_recorder: DbusSession
):
    _record(store, GM_MISS)
    toast = Recorded()
    channels: list[Channel] = [DesktopChannel(timeout=0.5), CallbackChannel("toast", toast)]
    with notification_recorder.recorder_frozen():
        started = time.monotonic()
        report = await deliver(store, channels, claimer="a", now=T0)
        elapsed = time.monotonic() - started
    await close_channels(channels)
    assert report.sent == 1 and toast.sent == [GM_TEXT] and elapsed < 9  # not the default 10 s
    assert "in time" in report.channel_errors["desktop"]
    assert store.outbox.rows()[0].channels == ("toast",)


async def test_a_channel_that_raises_anything_never_breaks_delivery(
    store: Store, notification_recorder: DbusSession
):
    class Broken:
        name = "broken"

        async def send(self, title: str, body: str) -> None:
            raise RuntimeError("bug")

    def failing_toast(title: str, body: str) -> None:
        raise ValueError("no screen")

    _record(store, GM_MISS)
    channels: list[Channel] = [Broken(), CallbackChannel("toast", failing_toast),
                               DesktopChannel()]  # fmt: skip
    report = await deliver(store, channels, claimer="a", now=T0)
    await close_channels(channels)
    assert report.sent == 1
    assert report.channel_errors == {
        "broken": "RuntimeError: bug",
        "toast": "ValueError: no screen",
    }
    assert store.outbox.rows()[0].channels == ("desktop",)


def test_the_desktop_channel_works_across_event_loops(notification_recorder: DbusSession):
    desktop = DesktopChannel()

    async def test_and_close() -> dict[str, str | None]:
        try:
            return await send_test([desktop])
        finally:
            await desktop.aclose()

    for _ in range(2):  # each asyncio.run is a new event loop, as one per command would be
        assert asyncio.run(test_and_close()) == {"desktop": None}
    assert len(notification_recorder.notifications()) == 2


async def test_send_test_reports_each_channel(dbus_session: DbusSession):
    written: list[str] = []

    def no_screen(title: str, body: str) -> None:
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


# --------------------------------------------------------------------------------------------
# Two processes, one database
# --------------------------------------------------------------------------------------------

DELIVERER = textwrap.dedent(
    """
    import asyncio, datetime as dt, json, os, sys, time
    from pathlib import Path
    from catalyst_tui.notify import DesktopChannel, deliver
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
        _record(store, *(Evaluation("ALAB", f"g{i}", "pending", "missed", _compared(0.5, "<"), GM)
                         for i in range(count)))  # fmt: skip

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


# --------------------------------------------------------------------------------------------
# From a real evaluation to the desktop
# --------------------------------------------------------------------------------------------

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
            [QuoteOutcome(s, Quote(s, p, None, None, None, "USD", None, T0, "yahoo"))
             for s, p in prices.items()], T0)  # fmt: skip
        [changed] = evaluate_checkpoints(config, store, T0)
        assert changed.reason.observed.portfolio == pytest.approx(15_152.40)
        desktop = DesktopChannel()
        report = await deliver(store, [desktop], claimer="test", now=T0)
        await desktop.aclose()
    assert report.sent == 1
    [shown] = notification_recorder.notifications()
    assert shown["summary"] == "ALAB: missed — Position stays at most 15% of the portfolio"
    assert shown["body"] == "weight 75.2% > 15% (of a 15,152 portfolio)"  # 11,394.00 / 15,152.40
