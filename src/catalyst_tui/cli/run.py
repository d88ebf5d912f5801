"""The commands that run the app's cycle: the TUI, one refresh, the daemon (and its user
service); the notification channels' command is cli/notify.py."""

from __future__ import annotations

import sqlite3
import sys
import threading
from typing import TYPE_CHECKING

from ..paths import named_database
from ..store import Store, describe_sqlite_error
from ..text import counted
from .context import (
    EXIT_OK,
    EXIT_STALE,
    CommandError,
    Context,
    first_run_text,
    log,
    modules_loaded,
    utc_now,
)
from .logs import log_file

if TYPE_CHECKING:
    import datetime as dt

    from ..config import Config
    from ..notify.delivery import DeliveryReport
    from ..notify.remote_delivery import ChannelsReport
    from . import service


def cmd_tui(ctx: Context) -> int:
    config, store = ctx.synced_store()  # a bad config is said first, with or without a terminal
    if not sys.stdin.isatty():  # nohup's /dev/null, a pipe: Textual read its end for ever
        store.close()
        raise CommandError(
            "catalyst: the TUI needs a terminal, and its input is not one (nohup, a pipe, a "
            "service): run it in a terminal, or `catalyst daemon` or `catalyst refresh` without one"
        )
    from ..session.workspace import Workspace
    from ..tui.app import CatalystApp  # deferred: textual is heavy and only the TUI needs it
    from .terminal_loss import EXIT_HANGUP, ended_with_terminal

    try:
        from ..prefs import prefs_file

        workspace = Workspace(config, store, prefs_path=prefs_file())
        notice = "" if ctx.created is None else first_run_text(ctx.created)
        app = CatalystApp(workspace, notice=notice, ask_sec_contact=True)

        def end(code: int) -> None:  # from the watch's thread: never waits on the app's loop
            threading.Thread(
                target=app.call_from_thread, args=(app.end_without_terminal, code), daemon=True
            ).start()

        with ended_with_terminal(end) as lost:
            app.run()
    finally:
        store.close()
    return EXIT_HANGUP if lost.is_set() else EXIT_OK


async def _deliver_once(
    config: Config, store: Store, now: dt.datetime
) -> tuple[DeliveryReport, ChannelsReport | None, dict[str, str]]:
    """The desktop's delivery, then every [notify.channels] channel's (a failed send is tried
    again at the next refresh or by the daemon when its backoff ends); the channels that can't
    be used, and why."""
    from ..notify.channels import close_channels, default_channels
    from ..notify.delivery import claimer_id, deliver
    from ..notify.remote import configured_channels
    from ..notify.remote_delivery import deliver_to_channels

    channels = default_channels()
    claimer = claimer_id("refresh")
    try:
        desktop = await deliver(store, channels, claimer=claimer, now=now)
    finally:
        await close_channels(channels)
    remote, problems = configured_channels(config)
    if not remote:
        return desktop, None, problems
    sent = await deliver_to_channels(
        store.path, remote, claimer=claimer, now=now, patience_ms=60_000
    )
    return desktop, sent, problems


def cmd_refresh(ctx: Context) -> int:
    import asyncio

    from ..jobs.evaluation import evaluate_checkpoints, local_today
    from ..jobs.refresh import refresh_in_process
    from ..jobs.refresh_report import RefreshListener
    from ..market.registry import SEC
    from ..thesis.wording import transition_text
    from .output.report import print_refresh_summary, refresh_progress

    modules_loaded()  # the collector paused while they loaded (cli/__init__.py LOADS_MORE)
    config, store = ctx.synced_store()
    report = None
    try:
        try:
            with refresh_progress(len(store.views.active_symbols())) as on_progress:
                heard = RefreshListener(on_progress=on_progress)
                report = asyncio.run(refresh_in_process(config, store, listener=heard))
        except sqlite3.Error:  # the database's: said as one, below
            raise
        except Exception as exc:  # a fault of the fetch: what is stored is still judged below
            log.exception("refresh failed")
            ctx.err(
                f"catalyst refresh: the fetch failed ({type(exc).__name__}: {exc}); checkpoints "
                f"judged on the data stored before it (details in {log_file()})"
            )
        now = utc_now()
        changed = evaluate_checkpoints(config, store, now)
        delivery, channels, unusable = asyncio.run(_deliver_once(config, store, now))
        if report is not None:
            print_refresh_summary(report, store.market.last_quotes(report.symbols).values())
        if not config.providers.of(SEC).user_agent:  # one line: what waits for the contact
            from ..views.sec_contact import sec_wait_text, waiting_for_sec

            ctx.out(sec_wait_text(waiting_for_sec(store.views.checkpoints())))
        today = local_today(config, now)
        for e in changed:
            ctx.out(transition_text(e, today))
        if delivery.sent or delivery.failed:
            ctx.out(f"desktop notifications: {delivery.sent} sent, {delivery.failed} waiting")
        for line in channels.lines() if channels is not None else []:
            ctx.out(f"channel {line}")
        for name, problem in unusable.items():
            ctx.out(f"channel {name}: not used: {problem}")
    except sqlite3.Error as exc:
        raise CommandError(f"catalyst: {describe_sqlite_error(store.path, exc)}") from None
    finally:
        store.close()
    return EXIT_OK if report is not None and report.all_fresh else EXIT_STALE


def cmd_daemon(ctx: Context) -> int:
    import asyncio
    import signal

    from ..jobs.scheduler import CycleResult, ThesisScheduler
    from ..notify.channels import close_channels, default_channels
    from ..views.digest import queue_digest

    if ctx.args.install or ctx.args.uninstall:
        return _daemon_service(ctx)
    config, store = ctx.synced_store()

    def report(result: CycleResult) -> None:
        parts = []
        if result.refresh is not None:
            parts.append(
                f"refresh: {len(result.refresh.fresh)}/{len(result.refresh.symbols)} fresh"
            )
        else:
            parts.append("evaluation")
        parts.append(counted(len(result.changed), "transition"))
        if result.delivery is not None:
            parts.append(f"{result.delivery.sent} on the desktop")
        ctx.out(", ".join(parts))
        if result.channels is not None:
            said(result.channels)
        sys.stdout.flush()

    def said(channels: ChannelsReport) -> None:
        for line in channels.lines():
            ctx.out(f"channel {line}")
        sys.stdout.flush()

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        channels = default_channels()
        scheduler = ThesisScheduler(
            config,
            store,
            channels,
            role="daemon",
            on_cycle=report,
            digest=queue_digest,
            on_channels=said,
        )
        scheduler.start()
        n = len(config.tickers)
        ctx.out(f"catalyst daemon: watching {counted(n, 'ticker')}; SIGTERM stops it")
        sys.stdout.flush()
        await stop.wait()
        await scheduler.stop()
        await close_channels(channels)
        ctx.out("catalyst daemon: stopped")

    try:
        asyncio.run(run())
    finally:
        store.close()
    return EXIT_OK


def _daemon_service(ctx: Context) -> int:
    from . import service

    config = ctx.load_config()  # a service that would stop at once on a bad config is not made
    assert config.path is not None
    database = named_database(ctx.args.db)  # --db or $CATALYST_DB: the service's too
    argv = service.daemon_argv(config.path, database)
    try:
        unit = service.service_for(argv, log_file().parent)
    except service.ServiceError as exc:
        raise CommandError(f"catalyst daemon: {exc}") from None
    earlier = service.earlier_unit(unit, argv)  # this file's, as an earlier version named it
    try:
        if ctx.args.uninstall:
            if not unit.path.exists() and earlier is None:
                ctx.out(f"catalyst daemon: no service installed for {config.path} at {unit.path}")
                return EXIT_OK
            for each in (unit, earlier):
                if each is not None and each.path.exists():
                    _remove_service(ctx, each)
            return EXIT_OK
        replaced = service.install(unit)
        if earlier is not None:
            _remove_service(ctx, earlier)
    except OSError as exc:
        raise CommandError(f"catalyst daemon: {unit.path}: {exc.strerror or exc}") from None
    ctx.out(f"{'updated' if replaced else 'wrote'} {unit.path} (the unit of {config.path})")
    away = service.no_user_bus() if unit.manager == "systemd" else None
    if away is not None:
        ctx.out(
            f"your user service manager cannot be reached from here ({away}: a su or sudo "
            f"shell, cron, SSH without it): in a log-in session of yours, start it with: "
            f"{unit.enable}"
        )
    else:
        ctx.out(f"start it now and at every log-in with: {unit.enable}")
    return EXIT_OK


def _remove_service(ctx: Context, unit: service.Service) -> None:
    from . import service

    why_not = service.stop(unit)  # stopped and disabled while its file is there
    service.uninstall(unit)
    service.forget(unit)
    away = service.no_user_bus() if unit.manager == "systemd" else None
    if why_not is None:
        ctx.out(f"stopped and disabled it; removed {unit.path}")
    elif away is not None:  # the same command from here fails the same way
        ctx.out(
            f"removed {unit.path}; it could not be stopped ({why_not}): your user service "
            f"manager cannot be reached from here ({away}: a su or sudo shell, cron, SSH "
            f"without it); if it is running, stop it from a log-in session of yours with: "
            f"{unit.disable}"
        )
    else:
        ctx.out(
            f"removed {unit.path}; it could not be stopped ({why_not}): if it is "
            f"running, stop it with: {unit.disable}"
        )
