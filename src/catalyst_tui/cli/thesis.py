"""The commands on the thesis itself: validate the file, mark a checkpoint by hand, acknowledge
flags."""

from __future__ import annotations

import contextlib

from ..thesis.wording import marked_text
from .context import EXIT_OK, CommandError, Context, utc_now
from .names import known_checkpoint, parse_target, unknown_checkpoint


def cmd_validate(ctx: Context) -> int:
    config = ctx.load_config()
    checkpoints = sum(len(t.checkpoints) for t in config.tickers.values())
    lots = sum(len(t.lots) for t in config.tickers.values())
    ctx.out(
        f"{config.path}: ok: {len(config.tickers)} tickers, {checkpoints} checkpoints, "
        f"{lots} lot{'s' if lots != 1 else ''}"
    )
    return EXIT_OK


def cmd_mark(ctx: Context) -> int:
    symbol, checkpoint_id = parse_target(ctx.args.target)
    _config, store = ctx.synced_store()
    with contextlib.closing(store):
        marked = store.checkpoints.mark(
            symbol, checkpoint_id, ctx.args.status, ctx.args.note, utc_now()
        )
        if not marked:
            raise CommandError(unknown_checkpoint("mark", store, symbol, checkpoint_id))
    ctx.out(f"{symbol}/{checkpoint_id}: {marked_text(ctx.args.status)}")
    return EXIT_OK


def cmd_ack(ctx: Context) -> int:
    targets = [parse_target(t) for t in ctx.args.targets]
    _config, store = ctx.synced_store()
    with contextlib.closing(store):
        if not targets and not ctx.args.all:
            for r in store.views.checkpoints():
                if r.flagged:
                    ctx.out(f"flagged: {r.symbol}/{r.id}  {r.title}")
            ctx.out("acknowledge with: catalyst ack SYMBOL/ID ... or catalyst ack --all")
            return EXIT_OK
        for symbol, checkpoint_id in targets:
            known_checkpoint("ack", store, symbol, checkpoint_id)
        cleared = store.checkpoints.acknowledge(targets or None, utc_now())
    ctx.out(f"acknowledged {cleared} flag{'s' if cleared != 1 else ''}")
    return EXIT_OK
