"""`catalyst mcp` answers while `catalyst refresh` writes the same database: the demo's replay
market on 127.0.0.1, a first refresh to fill the database, then a second one in another process
while the client asks, call after call. No call fails or waits on the refresh's lock (a reader of
a WAL database takes none), each answer is of one moment, and the session reads what the refresh
wrote once it has."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalyst_tui.demo import DemoSession, private_dirs

from ..support.mcp_client import ask, mcp_session


def _refresh(config: Path, db: Path) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "catalyst_tui.cli", "--config", str(config), "--db", str(db)]
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    return subprocess.Popen(
        [*argv, "refresh"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


@pytest.mark.slow
async def test_every_call_answers_while_a_refresh_writes(tmp_path: Path):
    with DemoSession() as demo, private_dirs(demo.folder):
        first = _refresh(demo.config_path, demo.db_path)
        assert first.wait(timeout=300) in (0, 3), first.stderr.read() if first.stderr else ""
        async with mcp_session(demo.config_path, demo.db_path, tmp_path / "errors") as session:
            before = await ask(session, "watchlist")
            refresh = _refresh(demo.config_path, demo.db_path)
            calls = during = 0
            while refresh.poll() is None or calls < 4:
                for tool, arguments in (("watchlist", {}), ("thesis", {"symbol": "ALAB"})):
                    answered = await ask(session, tool, arguments)
                    assert not answered.error, answered.text
                    calls += 1
                    during += refresh.poll() is None  # the refresh still running after it
                if calls > 2_000:  # the refresh is bounded by liveness, not by this loop
                    break
            assert refresh.wait(timeout=300) in (0, 3)
            assert during >= 2, during  # calls answered while it wrote
            after = await ask(session, "watchlist")
    assert not before.error and not after.error
    fetched = [row["price"]["source"]["as_of"] for row in after.data["items"] if row["price"]]
    earlier = [row["price"]["source"]["as_of"] for row in before.data["items"] if row["price"]]
    assert fetched and max(fetched) > max(earlier)  # the second refresh's quotes, read after it
