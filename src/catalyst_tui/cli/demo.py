"""`catalyst demo`: the TUI on a live thesis, offline. A replay market starts on 127.0.0.1 in this
process (demo/), a temporary copy of the bundled thesis points every provider at it, and the TUI
opens on that copy and a new database: the first refresh fills prices, positions, flags and
evidence in seconds. The user's catalysts.toml, database, log, preferences and desktop are not
touched; the folder goes when the TUI closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import EXIT_OK, CommandError, Context
from .logs import setup_logging

if TYPE_CHECKING:
    from ..demo import DemoSession
    from ..store import Store
    from ..tui.app import CatalystApp


def demo_app(demo: DemoSession) -> tuple[CatalystApp, Store]:
    """The app on the demo's copy and database (open; the caller closes the store): live, its
    notifications in the app only, its preferences for this session only."""
    from ..config import ConfigError, load_config
    from ..store import Store, StoreError
    from ..tui.app import CatalystApp  # deferred: textual is heavy
    from ..views.workspace import Workspace

    try:
        config = load_config(demo.config_path, use_cache=False)
        store = Store.open(demo.db_path)
    except (ConfigError, StoreError) as exc:  # a fault of the demo itself: said, not shown
        raise CommandError(f"catalyst demo: could not start: {exc}") from None
    try:
        store.sync.apply(config)
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
    with DemoSession() as demo, private_dirs(demo.folder):
        setup_logging(ctx.args.debug, demo.log_path)
        app, store = demo_app(demo)
        try:
            app.run()
        finally:
            store.close()
        url = demo.url
    ctx.out(f"catalyst demo: ended; its market ({url}), thesis copy and database are removed")
    return EXIT_OK
