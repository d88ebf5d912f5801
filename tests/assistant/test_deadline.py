"""A call past its deadline: its read is stopped (SQLite's interrupt, again until the worker
thread ends), the client gets one sentence, and the next call answers on the same connection.
The deadline is set to nothing for the test and the read never ends by itself: no clock is
waited on."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import mcp.types as types
import pytest

from catalyst_tui.assistant.arguments import schema
from catalyst_tui.assistant.server import Assistant
from catalyst_tui.assistant.tools import TOOLS, Tool
from catalyst_tui.config import load_config
from catalyst_tui.store import Store

from ..support.demo_data import DEMO_NOW
from .conftest import Served

ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"


def endless(call: Any, _args: dict[str, Any]) -> Any:
    call.store.conn.execute(ENDLESS).fetchone()
    raise AssertionError("the read was not stopped")


async def test_a_call_past_its_deadline_is_stopped_and_the_next_answers(
    demo: Served, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(TOOLS, "endless", Tool("endless", "Endless", "", schema({}), endless))
    with Store.read_only(demo.db) as store:
        assistant = Assistant(store, load_config(demo.config), dt.UTC, lambda: DEMO_NOW, 0.0)
        ctx = cast(Any, None)  # the request's context: unused by the tools
        stopped = await assistant.call_tool(ctx, types.CallToolRequestParams(name="endless"))
        assert stopped.is_error
        [said] = stopped.content
        assert isinstance(said, types.TextContent)
        assert said.text.startswith("endless: took over 0 s and was stopped; ask for less")
        assistant.deadline = 20.0
        answered = await assistant.call_tool(ctx, types.CallToolRequestParams(name="watchlist"))
        assert not answered.is_error and answered.structured_content["tickers"] == 8
