"""The demo's ALAB files its product lines: the replay market lists an XBRL instance in each
10-Q's and 10-K's "Data Files", and `catalyst segments ALAB` on the demo session reads it over
HTTP: Aries, Scorpio, Taurus and Leo adding up to the quarter's revenue (as companyfacts has it),
Scorpio the largest line after 2026's second quarter; another company's states its revenue
alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

from catalyst_tui.demo import DemoSession
from catalyst_tui.demo.company import statement
from catalyst_tui.demo.xbrl import instance
from catalyst_tui.reading.xbrl.reader import read_segments

AFTER_Q3 = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # the Q3 FY26 10-Q is out


def test_segments_alab_reads_the_demo_10q_lines(isolated_home):
    with DemoSession(now=lambda: AFTER_Q3) as demo:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "catalyst_tui.cli",
                "segments",
                "ALAB",
                "--json",
                "--config",
                str(demo.config_path),
                "--db",
                str(demo.db_path),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "COLUMNS": "200"},
        )
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout)
    assert (said["form"], said["period_end"]) == ("10-Q", "2026-09-30")
    # The quarter's revenue as the demo company reports it: $415.0M (demo/company.py).
    assert said["total_revenue"] == statement("ALAB", 2026, 3).revenue * 1000 == 415_000_000
    [axis] = said["axes"]
    lines = {m["label"]: m["revenue"] for m in axis["members"]}
    assert set(lines) == {"Aries", "Scorpio", "Taurus", "Leo"}
    assert sum(lines.values()) == said["total_revenue"]
    assert said["largest"]["label"] == "Scorpio"


def test_scorpio_overtakes_aries_in_2026():
    def top(year: int, quarter: int) -> str:
        found = read_segments(instance("ALAB", year, quarter)).largest
        assert found is not None
        return found[1].label

    assert [top(2025, 4), top(2026, 1), top(2026, 2)] == ["Aries", "Aries", "Scorpio"]
    other = read_segments(instance("NVDA", 2026, 3))
    assert other.axes == () and other.total_revenue == statement("NVDA", 2026, 3).revenue * 1000
