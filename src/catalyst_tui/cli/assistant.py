"""`catalyst mcp`: the read-only MCP server an assistant reads the thesis through (assistant/),
over stdio, on the database and catalysts.toml the other commands would use, opened read-only.
Without the optional extra (the official MCP SDK) it says how to add it."""

from __future__ import annotations

import contextlib
import importlib.util

from .context import EXIT_OK, CommandError, Context, utc_now

NEEDS_SDK = (
    "catalyst mcp: the MCP server needs the official MCP SDK, the optional extra "
    "catalyst-tui[mcp]: from the checkout, uv tool install '.[mcp]' --constraints "
    "constraints.txt (or, in the environment catalyst runs in, pip install '.[mcp]' "
    "--constraint constraints.txt); then run catalyst mcp again"
)


def cmd_mcp(ctx: Context) -> int:
    if importlib.util.find_spec("mcp") is None:
        raise CommandError(NEEDS_SDK)
    from ..assistant.server import serve
    from ..jobs.evaluation import user_zone

    config = ctx.load_config()
    with contextlib.closing(ctx.read_only_store(config)) as store:
        serve(store, config, user_zone(config), utc_now)
    return EXIT_OK
