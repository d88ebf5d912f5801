"""Chrome's handshake as the CLI has it: `status` says whose requests get it, and when curl_cffi
can't be loaded in this Python (here: a curl_cffi whose import fails, as a wheel built for
another machine does), `status` and `refresh` say so and the refresh goes on with Python's.

With curl_cffi as installed, the commands run in the test's own process
(tests/support/cli_inline.py); the curl_cffi that cannot be loaded is one a process of its own
finds first on its path, as its start-up imports it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import cli_inline
from tests.support.market_server import MarketServer

from ..jobs.test_refresh import write_config

BROKEN = (
    'raise ImportError("libcurl-impersonate.so.4: cannot open shared object file: '
    'No such file or directory")\n'
)


def catalyst(workdir: Path, *args: str, broken: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost"}
    if broken:  # a curl_cffi found first on the path, whose import fails
        package = workdir / "broken" / "curl_cffi"
        package.mkdir(parents=True, exist_ok=True)
        (package / "__init__.py").write_text(BROKEN)
        env["PYTHONPATH"] = os.pathsep.join([str(workdir / "broken"), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            *args,
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
        ],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_status_says_yahoo_gets_chromes_handshake_by_default(tmp_path):
    with MarketServer() as market:
        write_config(tmp_path / "catalysts.toml", market.url)
        assert cli_inline.on_files(tmp_path, "refresh").returncode == 0
        done = cli_inline.on_files(tmp_path, "status")
        assert "tls       Chrome's handshake (curl_cffi) for yahoo" in done.stdout.splitlines()
        data = json.loads(cli_inline.on_files(tmp_path, "status", "--json").stdout)
        assert data["browser_tls"] == {"providers": ["yahoo"], "active": True, "problem": None}


def test_without_a_loadable_curl_cffi_status_says_so_and_refresh_falls_back(tmp_path):
    with MarketServer() as market:
        write_config(tmp_path / "catalysts.toml", market.url)
        done = catalyst(tmp_path, "refresh", broken=True)
        assert done.returncode == 0, done.stdout + done.stderr  # every quote fresh all the same
        assert "Traceback" not in done.stderr
        said = " ".join(done.stdout.split())
        loaded = "note: browser_tls: curl_cffi can't be loaded (ImportError: libcurl-impersonate"
        assert loaded in said
        assert "yahoo get Python's own TLS handshake" in said
        assert not any("sec-ch-ua" in r.headers for r in market.requests_for(provider="yahoo"))
        status = catalyst(tmp_path, "status", broken=True)
        assert status.returncode == 0
        [line] = [line for line in status.stdout.splitlines() if line.startswith("tls ")]
        assert "curl_cffi can't be loaded (ImportError: libcurl-impersonate.so.4" in line
        data = json.loads(catalyst(tmp_path, "status", "--json", broken=True).stdout)
        assert data["browser_tls"]["active"] is False
        assert data["browser_tls"]["problem"].startswith("ImportError: libcurl-impersonate")
