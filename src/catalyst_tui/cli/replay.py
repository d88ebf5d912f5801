"""`catalyst replay` (each day of a span judged on what was public by its close) and `catalyst
calibration` (your stated confidence and conviction against what followed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import EXIT_OK, CommandError, utc_now
from .names import known_ticker

if TYPE_CHECKING:
    from .context import Context


def cmd_replay(ctx: Context) -> int:
    from ..jobs.evaluation import user_zone
    from ..views.replay import load_replay
    from .output.replay import replay_json, replay_lines
    from .spans import day_of

    args = ctx.args
    with ctx.reading() as (config, store):
        now, zone = utc_now(), user_zone(config)
        start = day_of("replay", "--from", args.start, now, zone) if args.start else None
        end = day_of("replay", "--to", args.end, now, zone) if args.end else None
        if start is not None and end is not None and start > end:
            raise CommandError(f"catalyst replay: --from {start} is after --to {end}")
        symbol = known_ticker("replay", store, args.symbol)
        replays = load_replay(store, config, symbol, start=start, end=end)
    ctx.report(lambda: replay_json(replays), lambda: ctx.out("\n".join(replay_lines(replays))))
    return EXIT_OK


def cmd_calibration(ctx: Context) -> int:
    from ..views.calibration import load_calibration
    from .output.replay import calibration_json, calibration_text

    with ctx.reading() as (config, store):
        found = load_calibration(store, config)
    ctx.report(lambda: calibration_json(found), lambda: ctx.out("\n".join(calibration_text(found))))
    return EXIT_OK
