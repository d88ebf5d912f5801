"""`catalyst notify`: a test notification through each channel (or one), and `--reveal`: a
channel's URL whole, to a terminal alone."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from .context import EXIT_OK, CommandError, Context

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..config import Config
    from ..notify.tried import Tried


def cmd_notify(ctx: Context) -> int:
    import asyncio

    from ..notify.channels import close_channels, default_channels
    from ..notify.delivery import send_test

    if ctx.args.reveal is not None:
        if ctx.args.test or ctx.args.action is not None:
            raise CommandError("catalyst notify: --reveal sends nothing: give it alone")
        return _reveal(ctx, ctx.args.reveal or ctx.args.channel)
    if not ctx.args.test and ctx.args.action != "test":
        raise CommandError(
            "catalyst notify: use `catalyst notify test [CHANNEL]` or `notify --reveal [CHANNEL]`"
        )
    only = ctx.args.channel
    remote_ok = _test_remote(ctx, only)
    if only is not None and only != "desktop":
        return EXIT_OK if remote_ok else 1

    async def test_all(writer: Callable[[str], object] | None) -> dict[str, str | None]:
        channels = default_channels(terminal_write=writer)
        try:
            return await send_test(channels)
        finally:
            await close_channels(channels)

    with contextlib.ExitStack() as stack:
        writer, why_not = _terminal_writer(stack)
        results = asyncio.run(test_all(writer))
    for name, error in results.items():
        ctx.out(f"{name}: {'ok' if error is None else 'failed: ' + error}")
    if writer is None:
        ctx.out(f"terminal: not tried: {why_not}")
    ctx.out("toast: in the TUI only, while it runs")
    return EXIT_OK if remote_ok or any(error is None for error in results.values()) else 1


def _test_remote(ctx: Context, only: str | None) -> bool:
    """A test through each [notify.channels] channel (or `only`), side by side: what each
    answered, its URL shown without its secrets. True when one took it."""
    import asyncio

    from ..notify.remote import configured_channels
    from ..notify.remote_delivery import tried_channels, tried_text

    config = ctx.load_config()
    channels, problems = configured_channels(config)
    names = [*config.channels]
    if only is not None and only != "desktop" and only not in names:
        known = ", ".join(["desktop", *names])
        raise CommandError(f"catalyst notify test: no channel {only!r} (channels: {known})")
    if only is not None:
        channels = [c for c in channels if c.name == only]
        problems = {n: p for n, p in problems.items() if n == only}
    answers = asyncio.run(tried_channels(channels)) if channels else {}
    for channel in channels:
        ctx.out(f"{channel.name} ({channel.shown}): {tried_text(answers[channel.name])}")
    if answers:
        _record_tests(ctx, config, answers)
    for name, problem in problems.items():
        ctx.out(f"{name}: not used: {problem}")
    return any(answer.ok for answer in answers.values())


def _reveal(ctx: Context, only: str | None) -> int:
    """Each channel's URL whole (or `only`'s), asked for by name: to a terminal alone (never a
    pipe, a file or a log), each on one line without a character that commands the terminal."""
    from ..notify.remote import configured_channels
    from ..text import printable

    if not sys.stdout.isatty():
        raise CommandError(
            "catalyst notify --reveal: not shown: the output is not a terminal (a channel's URL "
            "with its secrets is written to a terminal only, never to a pipe or a file)",
            1,
        )
    config = ctx.load_config()
    if only == "desktop" or (only is None and not config.channels):
        raise CommandError(f"catalyst notify --reveal: {_nothing_to_reveal(only)}", 1)
    if only is not None and only not in config.channels:
        known = ", ".join(["desktop (no URL)", *config.channels])
        raise CommandError(f"catalyst notify --reveal: no channel {only!r} (channels: {known})")
    channels, problems = configured_channels(config)
    for channel in channels:
        if only in (None, channel.name):
            ctx.out(f"{channel.name}: {printable(channel.url)}")
    for name, problem in problems.items():
        if only in (None, name):
            ctx.out(f"{name}: not used: {problem}")
    return EXIT_OK


def _nothing_to_reveal(only: str | None) -> str:
    """Why --reveal has no URL to show: the desktop's notifications go to this machine's own
    service, and the file names no channel beyond it."""
    desktop = (
        "the desktop has no URL to reveal: its notifications go to this machine's own "
        "notification service (`catalyst notify test desktop` tries it)"
    )
    if only == "desktop":
        return desktop
    return (
        "nothing to reveal: catalysts.toml names no channel under [notify.channels] (a phone, "
        f"an e-mail, a webhook: docs/config.md), and {desktop}"
    )


def _record_tests(ctx: Context, config: Config, answers: dict[str, Tried]) -> None:
    """Each channel's test kept for `status` (notify/tried.py), beside this file's database
    when there is one."""
    from ..notify.tried import record_tests
    from ..paths import find_database

    assert config.path is not None
    database = find_database(ctx.args.db, config.settings.database, config.path)
    if database.exists():
        record_tests(database, answers)


def _terminal_writer(stack: contextlib.ExitStack) -> tuple[Callable[[str], object] | None, str]:
    """Where the terminal channel writes: the output when it is a terminal, else the terminal
    the command was run from (`notify --test | less`, `> file`), else nowhere and why."""
    if sys.stdout.isatty():
        return sys.stdout.write, ""
    try:
        tty = stack.enter_context(open("/dev/tty", "w", encoding="utf-8"))  # noqa: SIM115
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return None, f"no terminal to write to: not run from one (cron, a service) ({why})"

    def write(text: str) -> None:
        tty.write(text)
        tty.flush()

    return write, ""
