"""`catalyst mcp` started as a client starts it: a process on its own, spoken to over its stdin
and stdout by the official MCP SDK's stdio client (tests/assistant, tools/assistant_transcript.py).
Its stderr goes to a file of the caller's, so a failure's words can be read after."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from mcp import ClientSession, StdioServerParameters, stdio_client


def command(config: Path, db: Path) -> tuple[str, list[str]]:
    """The program and arguments a client's settings would name: this interpreter running the
    `catalyst` script's module on `config` and `db`."""
    return sys.executable, [
        "-m",
        "catalyst_tui.cli",
        "--config",
        str(config),
        "--db",
        str(db),
        "mcp",
    ]


@contextlib.asynccontextmanager
async def mcp_session(
    config: Path, db: Path, errors: Path, env: Mapping[str, str] | None = None
) -> AsyncIterator[ClientSession]:
    """An initialized client session with `catalyst mcp` on `config` and `db`; the server's
    environment is the SDK's default one, the test's XDG folders and `env`."""
    program, args = command(config, db)
    passed = {k: v for k, v in os.environ.items() if k.startswith("XDG_") or k == "HOME"}
    params = StdioServerParameters(command=program, args=args, env={**passed, **(env or {})})
    with errors.open("w", encoding="utf-8") as errlog:
        async with (
            stdio_client(params, errlog=errlog) as (read, write),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            yield session


class Answered(NamedTuple):
    """A tool's answer: its text, its structured content, whether it is an error."""

    text: str
    data: Any
    error: bool


async def ask(
    session: ClientSession, tool: str, arguments: dict[str, Any] | None = None
) -> Answered:
    result = await session.call_tool(tool, arguments or {})
    [content] = result.content
    assert content.type == "text"
    text = content.text
    if result.is_error:
        return Answered(text, None, True)
    assert result.structured_content == json.loads(text)  # the same JSON, twice
    return Answered(text, result.structured_content, False)


async def every_page(
    session: ClientSession, tool: str, arguments: dict[str, Any] | None = None
) -> list[Answered]:
    """Each page of an answer, following its cursor to the last."""
    pages = [await ask(session, tool, arguments)]
    while not pages[-1].error and pages[-1].data["page"]["next_cursor"] is not None:
        cursor = pages[-1].data["page"]["next_cursor"]
        pages.append(await ask(session, tool, {**(arguments or {}), "cursor": cursor}))
    return pages
