"""`catalyst daemon` as a subprocess on the loopback market: scheduled refreshes, clean stop."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.support.market_server import MarketServer

from ..jobs.test_refresh import write_config


def start_daemon(workdir: Path) -> tuple[subprocess.Popen, queue.Queue]:
    env = {**os.environ, "NO_PROXY": "127.0.0.1", "PYTHONUNBUFFERED": "1"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no notification service: must not matter
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "catalyst_tui.cli",
            "daemon",
            "--db",
            str(workdir / "c.db"),
            "--config",
            str(workdir / "catalysts.toml"),
        ],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put((time.monotonic(), line.rstrip("\n")))

    threading.Thread(target=pump, daemon=True).start()
    return proc, lines


def reap(proc: subprocess.Popen) -> str:
    """Kill the daemon if it still runs, wait for it; its stderr."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    return proc.stderr.read() if proc.stderr else ""


def wait_for(lines: queue.Queue, prefix: str, timeout: float) -> tuple[float, str]:
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no line starting {prefix!r} within {timeout}s")
        at, line = lines.get(timeout=remaining)
        if line.startswith(prefix):
            return at, line


# How long a line may take: seconds on a quiet machine (a refresh, a stop); a loaded one may take
# ten times that. Only a daemon that never says it reaches them.
START, REFRESH, STOP = 120, 120, 60


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_daemon_refreshes_on_schedule_and_stops_cleanly(tmp_path, signum):
    with MarketServer() as market:
        config = write_config(tmp_path / "catalysts.toml", market.url)
        text = config.read_text().replace(
            "[settings]\n", '[settings]\nrefresh = "10s"\nrefresh_closed = "10s"\n'
        )
        config.write_text(text)
        proc, lines = start_daemon(tmp_path)
        try:
            wait_for(lines, "catalyst daemon: watching", START)
            _, line = wait_for(lines, "refresh:", REFRESH)
            assert line.startswith("refresh: 4/4 fresh")
            if signum == signal.SIGTERM:  # the interval job, not only the run at start
                wait_for(lines, "refresh:", REFRESH)
                batches = market.requests_for(provider="yahoo", endpoint="quote", symbol="ALAB")
                assert len(batches) == 2  # a quote batch each time; history only at first sight
                # 10 s apart, as the schedule says, give or take how long each refresh took to
                # ask: not two at start, nor the 60 s default
                assert 5 <= batches[1].time - batches[0].time <= 45
            proc.send_signal(signum)
            assert proc.wait(timeout=STOP) == 0
            wait_for(lines, "catalyst daemon: stopped", STOP)
        finally:
            stderr = reap(proc)
        assert "Traceback" not in stderr
