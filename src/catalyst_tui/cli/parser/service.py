"""The commands of running catalyst: the TUI, the daemon as a user service, the demo, notification
channels."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .options import Commands


def add(commands: Commands) -> None:
    """Adds this group's commands."""
    commands.add("tui", "open the TUI (the default)")
    daemon = commands.add("daemon", "run the scheduler without the TUI (as a user service)")
    service = daemon.add_mutually_exclusive_group()
    service.add_argument(
        "--install",
        action="store_true",
        help="write a systemd user unit (launchd agent on macOS) that runs it at log-in",
    )
    service.add_argument("--uninstall", action="store_true", help="remove that unit or agent")
    commands.add(
        "demo",
        "a live thesis offline: the TUI on a temporary copy of the bundled thesis, fed by a "
        "replay market on 127.0.0.1 (nothing of yours is read or written; all removed on exit)",
        commands.no_files,
    )
    commands.add(
        "mcp",
        "a read-only MCP server on stdio: your assistant (Claude, any MCP client) reads the "
        "thesis, each figure with its source; nothing is fetched or written (needs "
        "catalyst-tui[mcp])",
    )
    notify = commands.add("notify", "notification channels")
    notify.add_argument(
        "action", nargs="?", choices=("test",), help="test: send one test notification"
    )
    notify.add_argument(
        "channel", nargs="?", help="only this channel (a [notify.channels] name, or desktop)"
    )
    notify.add_argument("--test", action="store_true", help="send one test notification")
    notify.add_argument(
        "--reveal",
        nargs="?",
        const="",
        metavar="CHANNEL",
        help="print each [notify.channels] channel's URL whole, secrets and all (or only "
        "CHANNEL's), to a terminal only: never to a pipe or a file",
    )
