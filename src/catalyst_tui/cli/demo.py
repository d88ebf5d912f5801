"""`catalyst demo`: the TUI on a live thesis, offline. A replay market starts on 127.0.0.1 in this
process (demo/), a temporary copy of the bundled thesis points every provider at it, and the TUI
opens on that copy and a new database: the first refresh fills prices, positions, flags and
evidence in seconds. The user's catalysts.toml, database, log, preferences and desktop are not
touched; the folder goes when the TUI closes, and when the terminal closes (SIGHUP) or the demo
is told to end (SIGTERM): either ends the TUI as its quit key would."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from typing import TYPE_CHECKING, Any

from .context import EXIT_OK, CommandError, Context
from .logs import setup_logging
from .terminal_loss import TEXTUALS, ended_with_terminal, quiet_textual_signals

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import FrameType

    from ..demo import DemoSession
    from ..store import Store
    from ..tui.app import CatalystApp


def demo_app(demo: DemoSession) -> tuple[CatalystApp, Store]:
    """The app on the demo's copy and database (open; the caller closes the store): live, its
    notifications in the app only, its preferences for this session only. The database starts
    with the Street's consensus frozen before each company's last reports (demo/street_kept.py)."""
    from ..config import ConfigError, load_config
    from ..demo.street_kept import keep_street
    from ..session.workspace import Workspace
    from ..store import Store, StoreError
    from ..tui.app import CatalystApp  # deferred: textual is heavy

    try:
        config = load_config(demo.config_path, use_cache=False)
        store = Store.open(demo.db_path)
    except (ConfigError, StoreError) as exc:  # a fault of the demo itself: said, not shown
        raise CommandError(f"catalyst demo: could not start: {exc}") from None
    try:
        store.sync.apply(config)
        if demo.market is not None:
            keep_street(store, config.tickers, demo.market.now())
    except Exception:
        store.close()
        raise
    return CatalystApp(Workspace(config, store), desktop=False), store


def cmd_demo(ctx: Context) -> int:
    from ..demo import DemoSession, private_dirs

    if ctx.args.config or ctx.args.db:
        raise CommandError(
            "catalyst demo: runs on a temporary copy of the bundled thesis; --config and --db "
            "are for your own files (catalyst --config PATH)"
        )
    with _ended_by_signals() as ending, DemoSession() as demo, private_dirs(demo.folder):
        setup_logging(ctx.args.debug, demo.log_path)
        app, store = demo_app(demo)
        ending.append(app)

        def end(code: int) -> None:  # the terminal went away (polled, or SIGHUP)
            ending.append(code - 128)
            threading.Thread(
                target=app.call_from_thread, args=(app.exit, None, code), daemon=True
            ).start()

        try:
            with ended_with_terminal(end):
                app.run()
        finally:
            store.close()
        url = demo.url
    if ending[1:]:  # a signal ended it: the terminal may be gone, and the folder is
        return 128 + int(ending[1])
    ctx.out(f"catalyst demo: ended; its market ({url}), thesis copy and database are removed")
    return EXIT_OK


@contextlib.contextmanager
def _ended_by_signals() -> Iterator[list[Any]]:
    """SIGHUP (the terminal closed) and SIGTERM end the demo as its quit key would, so that every
    `with` unwinds and the temporary folder goes; by default either killed the process on the
    spot and left the folder behind. Yields a list: the caller appends the app once it runs,
    and the signal that ended it follows. A signal before the app runs ends the process by
    SystemExit, which unwinds as well. Once the app is told to exit, a further signal is let be
    (a closed terminal sends SIGHUP twice, the kernel's and the shell's): raised at whatever
    line the app was on, it left Textual's output queue with an item no one was woken for, and
    the app's shutdown waited on it for ever."""
    ending: list[Any] = []

    def end(signum: int, _frame: FrameType | None) -> None:
        app = ending[0] if ending else None
        if app is None:
            raise SystemExit(128 + signum)
        if len(ending) > 1:
            return  # its exit is under way
        ending.append(signum)
        quiet_textual_signals()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before app.run's loop, or after it
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(app.exit, None, 128 + signum)

    handled = (signal.SIGHUP, signal.SIGTERM)
    previous = {signum: signal.signal(signum, end) for signum in handled}
    previous |= {signum: signal.getsignal(signum) for signum, _how in TEXTUALS}
    try:
        yield ending
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
