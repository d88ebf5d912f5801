"""Make the transcript in docs/assistants.md: a session the official MCP SDK's client ran against
`catalyst mcp` on the demo's data, each tool's request and answer.

The demo's replay market on 127.0.0.1 and its copy of the bundled thesis (demo/), refreshed once
at a fixed moment (Friday 2026-11-20, 16:30 New York, as tools/screenshots.py does), its
checkpoints judged; then `catalyst mcp` started as a client starts it, initialized, its tools
listed and each one called, and one bad call. The answers are written as the server sent them,
each page's items cut to the first two in the document (the count of the rest said).

    .venv/bin/python tools/assistant_transcript.py            (rewrites docs/assistants.md's part)
    .venv/bin/python tools/assistant_transcript.py --print    (prints it instead)
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import json
import sys
import zoneinfo
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.mcp_client import mcp_session  # noqa: E402

from catalyst_tui.config import load_config  # noqa: E402
from catalyst_tui.demo import DemoSession, private_dirs  # noqa: E402
from catalyst_tui.demo.street_kept import keep_street  # noqa: E402
from catalyst_tui.jobs.evaluation import evaluate_checkpoints  # noqa: E402
from catalyst_tui.jobs.refresh import refresh_in_process  # noqa: E402
from catalyst_tui.store import Store  # noqa: E402

DOC = REPO / "docs" / "assistants.md"
START = "<!-- transcript: made by tools/assistant_transcript.py; do not edit by hand -->"
END = "<!-- end of the transcript -->"
MOMENT = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC)  # Friday, 16:30 New York
ZONE = zoneinfo.ZoneInfo("America/New_York")
PORT = 47614  # the replay market's: the same addresses in every transcript
SHOWN_ITEMS = 2
CALLS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("watchlist", {}),
    ("thesis", {"symbol": "ALAB"}),
    ("evidence", {"symbol": "ALAB"}),
    ("kpis", {"symbol": "ALAB"}),
    ("results", {"symbol": "ALAB"}),
    ("changes", {"since": "2026-11-13"}),
    ("replay", {"symbol": "ALAB", "from": "2026-06-01", "to": "2026-11-20"}),
    ("calibration", {}),
    ("positions", {}),
    ("positions", {"symbol": "ALAB"}),
    ("thesis", {"symbol": "ALBA"}),  # a mistyped symbol: a tool error, in one sentence
)


def clock() -> dt.datetime:
    return MOMENT


async def session_lines(config: Path, db: Path, folder: Path) -> list[str]:
    lines: list[str] = []
    async with mcp_session(config, db, folder / "mcp-errors.txt") as session:
        info = session.server_info
        assert info is not None
        lines += [
            "### initialize",
            "",
            f"The server says it is `{info.name}` {info.version}, and gives its instructions:",
            "",
            _block(session.instructions or ""),
            "### tools/list",
            "",
        ]
        for tool in (await session.list_tools()).tools:
            properties = ", ".join(f"`{p}`" for p in tool.input_schema["properties"])
            lines.append(f"- `{tool.name}` ({properties or 'no arguments'}): {tool.title}")
        lines.append("")
        for name, arguments in CALLS:
            result = await session.call_tool(name, arguments)
            text = result.content[0].text  # type: ignore[union-attr]
            request = {"name": name, "arguments": arguments}
            lines += [f"### tools/call `{name}`", "", "Request:", "", _json(request), "Answer:", ""]
            if result.is_error:
                lines += [f"An error result (`isError`: true): {text}", ""]
            else:
                lines += [_json(_cut(json.loads(text)))]
    return lines


def _cut(answer: dict[str, Any]) -> dict[str, Any]:
    items = answer.get("items", [])
    if len(items) <= SHOWN_ITEMS:
        return answer
    left = len(items) - SHOWN_ITEMS
    return {**answer, "items": [*items[:SHOWN_ITEMS], f"… {left} more items on this page"]}


def _json(value: Any) -> str:
    return "```json\n" + json.dumps(value, indent=2, ensure_ascii=False) + "\n```\n"


def _block(text: str) -> str:
    return "```text\n" + text + "\n```\n"


async def transcript() -> str:
    with DemoSession(now=clock, port=PORT) as demo, private_dirs(demo.folder):
        config = load_config(demo.config_path, use_cache=False)
        with Store.open(demo.db_path) as store:
            store.sync.apply(config, MOMENT)
            keep_street(store, config.tickers, MOMENT)  # as `catalyst demo` keeps it
            await refresh_in_process(config, store, now=clock)
            settings = config.settings._replace(timezone=config.settings.timezone or ZONE.key)
            evaluate_checkpoints(dataclasses.replace(config, settings=settings), store, MOMENT)
        lines = await session_lines(demo.config_path, demo.db_path, demo.folder)
        return "\n".join(lines).replace(str(demo.folder), "<the demo's folder>")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", action="store_true", help="print it; leave the doc alone")
    args = parser.parse_args()
    text = asyncio.run(transcript())
    if args.print:
        print(text)
        return 0
    doc = DOC.read_text(encoding="utf-8")
    before, _, rest = doc.partition(START)
    _, _, after = rest.partition(END)
    DOC.write_text(f"{before}{START}\n\n{text}\n{END}{after}", encoding="utf-8")
    print(f"wrote the transcript into {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
