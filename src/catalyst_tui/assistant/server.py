"""`catalyst mcp`: the tools (tools.py) served over stdio by the official MCP SDK's server.

A call's arguments are held to its schema first (arguments.py); then its answer is made in a
worker thread, one call at a time (one read-only connection), in one read transaction (an
answer of many reads is of one moment while a refresh writes), under DEADLINE seconds (past it
the read is interrupted and the call says so); then paged under the size limit (paging.py),
any secret withheld (secrets.py), and sent as JSON: the structured content and the same JSON
as text. Bad input, a deadline passed or a failure is an error result in one sentence: no
traceback leaves the process (the log keeps it)."""

from __future__ import annotations

import functools
import json
import logging
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server

from .. import __version__
from .arguments import BadArguments, read_arguments
from .call import Call
from .paging import encode, page
from .secrets import known_secrets, withheld
from .tools import ABOUT_ANSWERS, TOOLS, Tool

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from mcp.server.context import ServerRequestContext

    from ..config import Config
    from ..store import Store

log = logging.getLogger("catalyst")

DEADLINE = 20.0  # seconds a call may take before its read is stopped
INSTRUCTIONS = (
    "catalyst tracks whether the user's investment theses are still alive: tickers with dated"
    " checkpoints (targets, guards, milestones) judged on prices, SEC filings, earnings"
    " releases, the Street's consensus and what management says. Start with `watchlist` for"
    " every ticker's verdict, then `thesis` for one ticker's reasons." + ABOUT_ANSWERS
)
_ANNOTATIONS = types.ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
)


class Assistant:
    """The tools on one database opened read-only and the catalysts.toml it follows."""

    def __init__(
        self,
        store: Store,
        config: Config,
        zone: dt.tzinfo,
        clock: Callable[[], dt.datetime],
        deadline: float = DEADLINE,
    ) -> None:
        self.store, self.config, self.zone, self.clock = store, config, zone, clock
        self.deadline = deadline
        self.secrets = known_secrets(config)
        self._one_at_a_time = anyio.Lock()

    async def list_tools(
        self, _ctx: ServerRequestContext[Any], _params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[_listed(t) for t in TOOLS.values()])

    async def call_tool(
        self, _ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        tool = TOOLS.get(params.name)
        if tool is None:
            return _error(f"no tool {params.name[:40]!r}: the tools are {', '.join(TOOLS)}")
        try:
            args = read_arguments(tool.input_schema, params.arguments)
            answer = await self.answer(tool, args)
        except BadArguments as exc:
            return _error(f"{tool.name}: {exc}")
        except TimeoutError:
            took = f"took over {self.deadline:g} s and was stopped"
            return _error(f"{tool.name}: {took}; ask for less (one symbol, a shorter span)")
        except Exception as exc:  # the log keeps the traceback; the client gets a sentence
            log.exception("catalyst mcp: %s failed", tool.name)
            return _error(f"{tool.name}: could not answer ({type(exc).__name__}); see the log")
        text = withheld(encode(answer), self.secrets)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text)],
            structured_content=json.loads(text),
        )

    async def answer(self, tool: Tool, args: dict[str, Any]) -> dict[str, Any]:
        """The page of `tool`'s answer `args` ask for, made in a worker thread; at the deadline
        its reads are interrupted (TimeoutError), and the next call starts once that thread
        ends."""
        cursor = args.pop("cursor", None)
        work = functools.partial(self._page, tool, args, cursor)
        stopped = anyio.Event()

        async def stop_at_deadline() -> None:
            await anyio.sleep(self.deadline)
            stopped.set()
            while True:  # each read it starts after is stopped too, until the thread ends
                self.store.interrupt()
                await anyio.sleep(0.05)

        failed: Exception | None = None
        answered: dict[str, Any] = {}
        async with self._one_at_a_time, anyio.create_task_group() as tasks:
            tasks.start_soon(stop_at_deadline)
            try:
                answered = await anyio.to_thread.run_sync(work)
            except Exception as exc:  # raised here, not out of the task group (a group of one)
                failed = exc
            tasks.cancel_scope.cancel()
        if failed is not None and stopped.is_set():
            raise TimeoutError
        if failed is not None:
            raise failed
        return answered

    def _page(self, tool: Tool, args: dict[str, Any], cursor: str | None) -> dict[str, Any]:
        call = Call(self.store, self.config, self.clock(), self.zone)
        with self.store.one_moment():
            return page(tool.name, tool.answer(call, args), cursor)


def _listed(t: Tool) -> types.Tool:
    return types.Tool(
        name=t.name,
        title=t.title,
        description=t.description + ABOUT_ANSWERS,
        input_schema=t.input_schema,
        annotations=_ANNOTATIONS,
    )


def _error(message: str) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=message)], is_error=True
    )


def serve(store: Store, config: Config, zone: dt.tzinfo, clock: Callable[[], dt.datetime]) -> None:
    """Serve the tools on stdin and stdout until the client closes them."""
    assistant = Assistant(store, config, zone, clock)
    server: Server[Any] = Server(
        "catalyst",
        version=__version__,
        title="catalyst: your thesis, read-only",
        instructions=INSTRUCTIONS,
        on_list_tools=assistant.list_tools,
        on_call_tool=assistant.call_tool,
    )

    async def run() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(run)
