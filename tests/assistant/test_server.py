"""`catalyst mcp` as a client uses it: started as a process and spoken to with the official SDK's
stdio client. It initializes, lists its nine tools (each read-only, each saying that document
text is quoted as third-party text), answers each on the demo's database with every figure
cited, refuses bad input with one sentence, writes nothing (the database's bytes are the same
after a session), and no answer holds a secret of the file it serves."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from catalyst_tui.assistant.paging import ANSWER_CHARS
from catalyst_tui.assistant.tools import TOOLS

from ..support.mcp_client import ask, every_page, mcp_session
from .conftest import ACCESSION, PASSAGE, SECRETS, SERVER_ENV, TEN_Q, Served

#: A call of each tool on the demo's data, and what it is asked.
CALLS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("watchlist", {}),
    ("watchlist", {"group": "interconnect"}),
    ("thesis", {"symbol": "ALAB"}),
    ("thesis", {"symbol": "nvda"}),
    ("evidence", {"symbol": "ALAB"}),
    ("kpis", {}),
    ("results", {"symbol": "ALAB"}),
    ("changes", {"since": "2026-11-01"}),
    ("replay", {"symbol": "ALAB", "from": "2026-06-01", "to": "2026-11-20"}),
    ("calibration", {}),
    ("positions", {}),
    ("positions", {"symbol": "ALAB"}),
)
#: The calls whose answer lists nothing on the demo's data: no confidence stated, and NVDA's
#: thesis has no checkpoint in the bundled example (its verdict is still answered: unjudged).
EMPTY = {("calibration", "{}"), ("thesis", '{"symbol": "nvda"}')}
#: Bad input, and words its one-sentence refusal says.
REFUSED: tuple[tuple[str, dict[str, Any], str], ...] = (
    ("thesis", {}, "symbol: required"),
    ("thesis", {"symbol": "ALBA"}, "ALBA is not a ticker of this thesis; did you mean ALAB?"),
    ("thesis", {"symbol": "ALAB", "verbose": True}, "“verbose”: not an argument of this tool"),
    ("thesis", {"symbol": 42}, "symbol: a string, not “42”"),
    ("thesis", {"symbol": "A" * 100_000}, "symbol: at most 20 characters"),
    ("thesis", {"symbol": "AL;AB"}, "symbol: a ticker of this thesis"),
    ("changes", {"since": "2026-02-30"}, "since: no such day as “2026-02-30”"),
    ("changes", {"since": "1900-01-01"}, "since: from 1993-01-01"),
    ("replay", {"symbol": "ALAB", "from": "2026-11-01", "to": "2026-06-01"}, "is after to"),
    ("replay", {"symbol": "ALAB", "from": "2020-01-01", "to": "2026-06-01"}, "at most 1098 days"),
    ("evidence", {"checkpoint": "scorpio-largest-line"}, "checkpoint: name its symbol too"),
    ("evidence", {"symbol": "ALAB", "checkpoint": "nope"}, "ALAB has no checkpoint nope"),
    ("watchlist", {"group": "nope"}, "group: one of"),
    ("positions", {"symbol": "CRDO"}, "CRDO has no lots or sales"),
    ("watchlist", {"cursor": "bm9wZTo1"}, "cursor: not one this tool gave"),
    ("positions", {"cursor": "!!"}, "cursor: the next_cursor of the page before"),
    ("no_such_tool", {}, "no tool 'no_such_tool': the tools are watchlist"),
)


#: The answers' own counts (of tickers, checkpoints, pages, days), which are no figure to cite.
COUNTS = frozenset(
    {
        *("page", "judged", "checkpoints", "verdicts", "coverage", "analysts", "tickers"),
        *("days_left", "passages", "releases", "changes", "trading_days", "resolved"),
        *("unresolved", "voided"),
    }
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cited(value: Any, path: str = "", inherited: bool = False) -> list[str]:
    """The figures of an answer with no source: a number in an object that has no "source" nor
    "sources" of its own or of an object it is in (the answer's own head's sources cite its own
    figures alone, not its items'), by its path."""
    missing: list[str] = []
    if isinstance(value, dict):
        sourced = inherited or "source" in value or "sources" in value
        for key, item in value.items():
            if key in COUNTS:
                continue  # counts of the answer's own, not figures
            if isinstance(item, (int, float)) and not isinstance(item, bool) and not sourced:
                missing.append(f"{path}.{key}")
            elif isinstance(item, (dict, list)):
                missing += cited(item, f"{path}.{key}", sourced and bool(path))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            missing += cited(item, f"{path}[{i}]", inherited)
    return missing


async def test_a_client_lists_and_calls_every_tool_each_figure_cited(demo: Served, tmp_path: Path):
    before = _digest(demo.db)
    answers = {}
    async with mcp_session(demo.config, demo.db, tmp_path / "errors", SERVER_ENV) as session:
        listed = (await session.list_tools()).tools
        assert [t.name for t in listed] == list(TOOLS)
        for tool in listed:
            assert tool.annotations is not None and tool.annotations.read_only_hint
            assert "third_party_text" in (tool.description or "")
            assert tool.input_schema["additionalProperties"] is False
        for name, arguments in CALLS:
            answered = await ask(session, name, arguments)
            assert not answered.error, (name, answered.text)
            assert len(answered.text) <= ANSWER_CHARS
            answers[name, json.dumps(arguments)] = answered.data
    assert _digest(demo.db) == before  # read-only: not a byte of the database changed
    for key, data in answers.items():
        assert data["items"] or key in EMPTY, key
        assert cited(data) == [], key

    alab = answers["thesis", '{"symbol": "ALAB"}']
    assert alab["verdict"]["verdict"] == "at risk"
    margin = next(c for c in alab["items"] if c["id"] == "gross-margin-floor")
    assert margin["status"] == "missed" and margin["value"]["shown"] == "69.1%"
    [filed] = margin["value"]["sources"]  # the demo keeps companyfacts, not each filing's values
    assert filed["filed"] == "2026-11-04" and filed["period_end"] == "2026-09-30", filed
    assert filed["source"] == "SEC EDGAR (XBRL company facts)"
    [passage] = answers["evidence", '{"symbol": "ALAB"}']["items"]
    assert passage["passage"] == {"third_party_text": PASSAGE}
    assert passage["source"]["accession"] == ACCESSION and passage["source"]["url"] == TEN_Q
    assert passage["entry"]["source"]["source"] == "entered by you"


async def test_bad_input_is_one_sentence_and_the_server_answers_on(demo: Served, tmp_path: Path):
    async with mcp_session(demo.config, demo.db, tmp_path / "errors", SERVER_ENV) as session:
        for name, arguments, said in REFUSED:
            answered = await ask(session, name, arguments)
            assert answered.error, (name, arguments)
            assert said in answered.text, (said, answered.text)
            assert "\n" not in answered.text and "Traceback" not in answered.text
            assert len(answered.text) < 400
        assert not (await ask(session, "watchlist")).error  # still serving
    assert "Traceback" not in (tmp_path / "errors").read_text(encoding="utf-8")


async def test_no_answer_holds_a_secret_of_the_file(demo: Served, tmp_path: Path):
    """The channel's URL (in the environment the file names), its bot token, a provider's key
    and the SEC contact are in no answer; the journal note that quotes the channel's URL is
    answered with it withheld."""
    texts = []
    async with mcp_session(demo.config, demo.db, tmp_path / "errors", SERVER_ENV) as session:
        for name, arguments in CALLS:
            texts += [page.text for page in await every_page(session, name, arguments)]
    assert texts
    for secret in SECRETS:
        assert not [t for t in texts if secret.lower() in t.lower()], secret
    assert any("Alerts go to [withheld]; held through" in t for t in texts)


@pytest.mark.slow
async def test_five_hundred_tickers_in_pages_under_the_limit(five_hundred: Served, tmp_path: Path):
    async with mcp_session(five_hundred.config, five_hundred.db, tmp_path / "errors") as session:
        pages = await every_page(session, "watchlist")
        positions = await every_page(session, "positions")
    symbols = [row["symbol"] for page in pages for row in page.data["items"]]
    assert symbols == [f"T{i:04d}" for i in range(1, 501)]  # each once, in the file's order
    assert len(pages) > 1 and all(len(page.text) <= ANSWER_CHARS for page in pages)
    assert pages[0].data["page"]["of"] == 500
    held = [row["symbol"] for page in positions for row in page.data["items"]]
    assert held == [f"T{i:04d}" for i in range(3, 501, 3)]  # a lot on every third
