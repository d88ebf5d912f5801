"""A child process that reads a gzip bomb (tests/support/hostile.py `gzip_bomb`, served by the
loopback market for ALAB's quote) with the providers' own client, as a refresh does: it prints
its peak resident memory before and after, the CPU time the read took, and a floor measured in
the same process (inflating 8 MiB, the cap, once), so the tests bound work, not the machine's
speed: inflating the whole gibibyte costs over a hundred floors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

CHILD = """
import asyncio, gzip, json, resource, sys, time

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

# Room for a gibibyte and a half more than it has: a process that inflates the bomb whole fails
# here instead of taking the machine's memory.
limit = status("VmSize") + (3 << 29)
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

from catalyst_tui.market.http.client import MarketClient
from catalyst_tui.market.registry import RATE_LIMITS, PROVIDER_BOUNDS
from catalyst_tui.market.yahoo.provider import YahooProvider

def floor():
    packed = gzip.compress(bytes(8 << 20))
    started = time.process_time()
    gzip.decompress(packed)
    return time.process_time() - started

async def main(url, browser):
    production = {"rate_limits": RATE_LIMITS, "bounds": PROVIDER_BOUNDS}  # the providers' own
    origins = (url,) if browser else ()
    async with MarketClient(trust_env=False, browser_origins=origins, **production) as client:
        yahoo = YahooProvider(url)
        warm = await yahoo.fetch_quotes(client, ["NVDA"])
        before = status("VmHWM")
        started = time.process_time()
        try:
            outcome = str((await yahoo.fetch_quotes(client, ["ALAB"]))["ALAB"])
        except MemoryError:
            outcome = "MemoryError"
        cpu = time.process_time() - started
        print(json.dumps({"warm": str(warm["NVDA"]), "before": before, "cpu": cpu,
                          "floor": floor(), "after": status("VmHWM"), "outcome": outcome}))

asyncio.run(main(sys.argv[1], sys.argv[2] == "browser"))
"""


def read_bomb(url: str, *, browser: bool) -> dict[str, Any]:
    """What the child measured reading ALAB's quote at `url` (over Chrome's handshake when
    `browser`); asserts it ran."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, url, "browser" if browser else "httpx"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_PROXY": "127.0.0.1"},
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    assert "NVDA" in found["warm"]
    return found
