"""The desktop channel through a real D-Bus session bus to a recording notification service:
what arrives (with its urgency), and a missing, refusing or hung service or bus, each a channel
error logged once that never holds up the other channels."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import logging

import pytest

from catalyst_tui.notify.channels import CallbackChannel, close_channels
from catalyst_tui.notify.delivery import DeliveryReport, deliver, send_test
from catalyst_tui.notify.desktop import DESKTOP_TIMEOUT, DesktopChannel
from catalyst_tui.notify.notification import Channel, ChannelError, Notification, Urgency
from catalyst_tui.notify.terminal import TerminalChannel
from catalyst_tui.notify.wording import notification_for
from catalyst_tui.store import Store
from catalyst_tui.store.records import DocumentRecord, EvidenceRecord, Notice
from catalyst_tui.thesis.evaluate import Evaluation
from tests.support.dbus_session import DbusSession
from tests.support.liveness import HANG, no_hang, no_hang_async

from .conftest import GM, GM_MISS, GM_NOTIFICATION, T0, Recorded, compared, record

pytest_plugins = ["tests.support.fixtures"]  # the dbus_session and notification_recorder fixtures


async def test_desktop_delivery_arrives_in_the_recorder(
    store: Store, notification_recorder: DbusSession
):
    record(store, GM_MISS)
    desktop = DesktopChannel()
    report = await deliver(store, [desktop], claimer="test", now=T0)
    await desktop.aclose()

    assert report == DeliveryReport(sent=1, failed=0, channel_errors={})
    [shown] = notification_recorder.notifications()
    assert (shown["app_name"], shown["summary"], shown["body"]) == (
        "catalyst",
        GM_NOTIFICATION.title,
        GM_NOTIFICATION.body,
    )
    assert shown["urgency"] == 2  # critical: a miss stays until it is dismissed
    [row] = store.outbox.rows()
    assert row.sent_at == T0 and row.channels == ("desktop",)
    assert row.attempts == 1 and row.last_error == ""


async def test_each_urgency_reaches_the_desktop_as_its_hint(notification_recorder: DbusSession):
    desktop = DesktopChannel()
    await desktop.send(Notification("ALAB: holding — margin", "71.2%", Urgency.NORMAL))
    await desktop.send(Notification("ALAB: missed — margin", "69.1%", Urgency.URGENT))
    await desktop.aclose()
    assert [n["urgency"] for n in notification_recorder.notifications()] == [1, 2]


def _flap(
    store: Store, times: int, desktop_timeout: float = DESKTOP_TIMEOUT
) -> list[DeliveryReport]:
    """`times` guard transitions, each delivered by its own deliver() (as refreshes would),
    through the desktop, the terminal and a toast; each in its own event loop."""
    desktop = DesktopChannel(timeout=desktop_timeout)
    terminal, toast = TerminalChannel(lambda _: None), Recorded()
    channels: list[Channel] = [desktop, terminal, CallbackChannel("toast", toast)]
    reports = []
    status = "pending"
    for i in range(times):
        new = "missed" if status != "missed" else "met"
        op = "<" if new == "missed" else ">="
        record(store, Evaluation("ALAB", "gm", status, new, compared(0.69 + i / 1000, op), GM))
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
    assert not [
        r
        for r in caplog.records
        if r.name.startswith("desktop_notifier") and r.levelno >= logging.WARNING
    ]
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
    # Fails at once, not at the channel's timeout: the liveness ceiling here, so that waiting
    # for it even once would pass the ceiling.
    with no_hang("three deliveries without a session bus"):
        reports = _flap(store, 3, desktop_timeout=HANG)

    assert [(r.sent, r.failed) for r in reports] == [(1, 0)] * 3
    assert "no D-Bus session bus" in reports[-1].channel_errors["desktop"]
    assert len(_notify_records(caplog, logging.WARNING)) == 1


async def test_a_notice_no_channel_took_is_kept_and_sent_once_the_service_is_up(
    store: Store, dbus_session: DbusSession, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO, logger="catalyst_tui.notify")
    record(store, GM_MISS)
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
    assert [n["summary"] for n in dbus_session.notifications()] == [GM_NOTIFICATION.title]
    assert [r.getMessage() for r in _notify_records(caplog, logging.INFO)][-1] == (
        "desktop notifications work again"
    )


async def test_a_notification_service_that_refuses_is_a_channel_error(dbus_session: DbusSession):
    dbus_session.start_recorder(fail=True)
    with pytest.raises(ChannelError, match="refused: the recorder was told to fail"):
        await DesktopChannel().send(Notification("t", "b"))  # a failed send closes its connection


async def test_a_hung_notification_service_times_out_without_holding_up_the_others(
    store: Store, notification_recorder: DbusSession
):
    record(store, GM_MISS)
    toast = Recorded()
    channels: list[Channel] = [DesktopChannel(timeout=0.5), CallbackChannel("toast", toast)]
    # The frozen service never answers: only the channel's own timeout ends the send.
    with notification_recorder.recorder_frozen():
        async with no_hang_async("a delivery through a hung notification service"):
            report = await deliver(store, channels, claimer="a", now=T0)
    await close_channels(channels)
    assert report.sent == 1 and toast.sent == [GM_NOTIFICATION]
    assert "in time" in report.channel_errors["desktop"]
    assert store.outbox.rows()[0].channels == ("toast",)


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


HEADLINE = 'NPO ships <a href="https://evil.example/">tap here</a> & <b>AT&amp;T</b> buys'


def _headline_notification() -> Notification:
    """A headline as the evidence notice says it (notify/wording.py), markup and all."""
    document = DocumentRecord(
        7,
        "ALAB",
        "news",
        "news",
        HEADLINE,
        "https://example.test/news",
        dt.datetime(2026, 11, 4, 21, 5, tzinfo=dt.UTC),
    )
    evidence = EvidenceRecord(
        3, "ALAB", "npo", "NPO ships", document, "NPO", HEADLINE, 0, len(HEADLINE), T0, False
    )
    return notification_for(Notice(2, 0, None, None, evidence))


async def test_a_service_that_renders_markup_gets_the_headline_escaped_once(
    dbus_session: DbusSession,
):
    """A notification service that reads the body as markup (it lists "body-markup") got the
    headline's `<a href=…>` as a link and its bare `&` as broken markup: it gets every `&`, `<`
    and `>` as an entity, once, so it shows the headline as it was written."""
    dbus_session.start_recorder(markup=True)
    notification = _headline_notification()
    desktop = DesktopChannel()
    await desktop.send(notification)
    await desktop.aclose()
    [shown] = dbus_session.notifications()
    assert shown["body"] == (
        'new evidence in news 2026-11-04 — “NPO ships &lt;a href="https://evil.example/"&gt;'
        "tap here&lt;/a&gt; &amp; &lt;b&gt;AT&amp;amp;T&lt;/b&gt; buys”"
    )
    assert html.unescape(shown["body"]) == notification.body  # once: read back, as written
    assert shown["summary"] == notification.title == "ALAB · NPO ships"  # plain text by the spec


async def test_a_service_without_markup_gets_the_headline_as_it_is(
    notification_recorder: DbusSession,
):
    notification = _headline_notification()
    desktop = DesktopChannel()
    await desktop.send(notification)
    await desktop.aclose()
    [shown] = notification_recorder.notifications()
    assert shown["body"] == notification.body
    assert HEADLINE in shown["body"]
