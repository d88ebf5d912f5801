"""The TUI says what each channel beyond the desktop did: after a cycle's delivery and after a
retry on the channels' own schedule, each channel's line on the watchlist's health line
("alerts at 12:00: phone: 1 sent · hook: failed: the service answered 500 …; tried again at
…"), and a failed send as an error toast of its own. Two loopback webhooks
(tests/support/push_server.py): one answers 500, one 200; a real database, Textual's Pilot and
the scheduler the TUI starts (tui/live.py), on a clock the test moves. Nothing is timed: each
step waits for the state it names."""

from __future__ import annotations

from catalyst_tui.config import load_config
from catalyst_tui.notify.channels import default_channels
from catalyst_tui.notify.remote_delivery import BACKOFF
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.tui.app import CatalystApp
from tests.support.push_server import PushServer

from ..support.demo_data import DEMO_NOW, demo_database
from ..support.pilot import ZONE, text_of
from ..support.toasts import raised
from .test_outside_writes import wait_for

BAD_REASON = "Internal Server Error"


def summary(app: CatalystApp) -> str:
    return " ".join(text_of(app, "#summary").split())


def channel_toasts(app: CatalystApp) -> list[str]:
    return [t.message for t in raised(app) if t.title == "alert channels"]


async def test_each_channel_s_outcome_is_on_the_health_line_and_a_failure_is_a_toast(tmp_path):
    config, store = demo_database(tmp_path)
    with PushServer() as good, PushServer() as bad:
        bad.down, bad.down_status = True, 500
        config_file = tmp_path / "catalysts.toml"
        config_file.write_text(
            config_file.read_text(encoding="utf-8")
            + f'\n[notify.channels.phone]\nurl = "json://127.0.0.1:{good.port}/phone"\n'
            + f'\n[notify.channels.hook]\nurl = "json://127.0.0.1:{bad.port}/hook"\n',
            encoding="utf-8",
        )
        config = load_config(config_file)
        now = [DEMO_NOW]
        store.outbox.notice("results", "ALAB results: Q3 FY26", "revenue $412.3M", DEMO_NOW)
        workspace = Workspace(config, store, clock=lambda: now[0], zone=ZONE)
        app = CatalystApp(workspace, live=False, watch_file=False)
        try:
            async with app.run_test(size=(200, 36)) as pilot:
                await pilot.pause()
                channels = default_channels(toast=app._toast, desktop=False)
                app._channels = channels  # closed with the app (stop_live)
                scheduler = app._scheduler_for(channels)
                app.scheduler = scheduler
                app.run_worker(scheduler.evaluation_cycle(), name="cycle", group="refresh")
                await wait_for(pilot, lambda: bool(channel_toasts(app)))
                again = DEMO_NOW + BACKOFF[0]
                failed = (
                    f"hook: failed: the service answered 500 {BAD_REASON}; tried again at"
                    f" {again:%H:%M:%S} UTC"
                )
                assert channel_toasts(app) == [failed]
                [toast] = [t for t in raised(app) if t.title == "alert channels"]
                assert toast.severity == "error"
                shown = summary(app)
                at = f"alerts at {DEMO_NOW.astimezone():%H:%M}: "
                assert f"{at}phone: 1 sent · {failed}" in shown
                # The stored failure ("hook alerts failed 0s ago: …") is not said again beside it.
                app.refresh_views()
                await pilot.pause()
                assert summary(app).count("the service answered 500") == 1, summary(app)
                assert [p.path for p in good.posted] == ["/phone"]
                # The hook is back; its retry (the channels' own job, run as it would be when
                # its backoff ends) sends the notice and says so.
                bad.down = False
                now[0] = again
                await scheduler.remote._retry()
                await wait_for(pilot, lambda: "hook: 1 sent" in summary(app))
                assert f"alerts at {again.astimezone():%H:%M}: hook: 1 sent" in summary(app)
                assert "phone" not in summary(app).split("alerts at")[-1]  # sent nothing now
                assert len(channel_toasts(app)) == 1  # a success is no toast
                assert [p.path for p in bad.posted] == ["/hook"]
        finally:
            store.close()
