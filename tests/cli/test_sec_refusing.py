"""Messages that are true while SEC EDGAR refuses (HTTP 403) or cannot be reached: `status`
records the failure, a fundamentals checkpoint says who refused and when it is asked again
(not that the figures "come with the next refresh"), `results` and `filings` say where SEC
stands (not to set a contact that is set), and `segments` says the ticker map was not had
(not that EDGAR knows no such company). A real refresh against the loopback market, each
command run as the script runs it, in the test's process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support import cli_inline

from ..support.market_server import MarketServer

NOWHERE = "http://127.0.0.1:9"  # the discard port: nothing answers, nothing leaves the machine


def thesis(base: str, sec: str) -> str:
    return f"""[settings]
providers = ["yahoo"]
[providers.yahoo]
base_url = "{base}"
cookie_url = "{base}/fc"
[providers.sec]
base_url = "{sec}"
tickers_url = "{sec}/files/company_tickers.json"
archives_url = "{sec}"
user_agent = "Test test@example.com"
[tickers.ALAB]
[[tickers.ALAB.checkpoints]]
id = "gm"
title = "Gross margin"
kind = "guard"
when = "gross_margin >= 70%"
"""


def catalyst(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`catalyst` on the files in `where`, in this process (tests/support/cli_inline.py)."""
    files = ("--config", str(where / "catalysts.toml"), "--db", str(where / "c.db"))
    return cli_inline.run(*files, *args, env={"NO_PROXY": "127.0.0.1,localhost", "COLUMNS": "400"})


@pytest.fixture
def server():
    with MarketServer(["ALAB"]) as server:
        yield server


@pytest.mark.parametrize(("fault", "code"), [("auth", "HTTP 403"), ("rate_limit", "HTTP 429")])
def test_sec_refusing_is_said_as_it_is_everywhere(
    tmp_path: Path, server: MarketServer, fault: str, code: str
):
    (tmp_path / "catalysts.toml").write_text(thesis(server.url, server.url))
    server.inject(fault, provider="sec", retry_after=0)  # to every request EDGAR is asked
    assert catalyst(tmp_path, "refresh").returncode == 0

    sec = json.loads(catalyst(tmp_path, "status", "--json").stdout)["providers"]["sec"]
    assert sec["last_failure"] is not None
    assert code in sec["failure"]
    assert sec["paused_until"] is not None  # a refusal pauses SEC, as a quote provider's does
    status = catalyst(tmp_path, "status").stdout
    requests = sum(1 for r in server.requests if r.provider == "sec")
    counted = f"{requests} request{'s' * (requests != 1)} in the last hour"  # 1 request, 3 requests
    assert f"sec       {counted}" in status, status
    assert "PAUSED until" in status

    check = catalyst(tmp_path, "check").stdout
    assert "SEC EDGAR refused the last request; catalyst asks again after" in check, check
    assert "next refresh" not in check

    for command, none in (("results", "no earnings releases"), ("filings", "no filings")):
        said = " ".join(catalyst(tmp_path, command).stdout.split())
        assert said.startswith(f"{none} stored yet: SEC EDGAR refused at "), said
        assert code in said and "; asked again after " in said
        assert "set providers.sec.user_agent and" not in said

    segments = catalyst(tmp_path, "segments", "ALAB")
    assert segments.returncode == 2
    assert "knows no company" not in segments.stderr
    assert "ALAB's company not looked up: " in segments.stderr
    assert "the SEC ticker map is unavailable" in segments.stderr


def test_sec_out_of_reach_is_said_as_it_is_everywhere(tmp_path: Path, server: MarketServer):
    (tmp_path / "catalysts.toml").write_text(thesis(server.url, NOWHERE))
    assert catalyst(tmp_path, "refresh").returncode == 0

    sec = json.loads(catalyst(tmp_path, "status", "--json").stdout)["providers"]["sec"]
    assert "cannot connect to 127.0.0.1:9" in sec["failure"]
    assert sec["paused_until"] is None  # out of reach is no refusal: asked at the next refresh

    check = catalyst(tmp_path, "check").stdout
    assert "SEC EDGAR could not be asked at " in check, check
    assert "asks again at the next refresh" in check
    said = " ".join(catalyst(tmp_path, "results").stdout.split())
    assert said.startswith("no earnings releases stored yet: SEC EDGAR failed at "), said
    assert said.endswith("asked again at the next refresh")
    segments = catalyst(tmp_path, "segments", "ALAB")
    assert "knows no company" not in segments.stderr
    assert "cannot connect to 127.0.0.1:9" in segments.stderr
