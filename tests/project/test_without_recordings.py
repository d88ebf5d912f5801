"""A clone without the recordings (../shared) runs the suite: the test modules that read them are
skipped with one message naming CATALYST_SHARED; in CI, where they must be, the run is refused
instead, so CI never skips them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
READS = "tests/reading/test_feeds.py"  # reads samples/ in place
PURE = "tests/thesis/test_vocabulary.py"  # reads nothing recorded


def pytest_without_recordings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ |= {"CATALYST_SHARED": str(tmp_path / "nowhere"), **env}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:xdist",
            "-p",
            "no:cacheprovider",
            "-rs",
            READS,
            PURE,
        ],
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_modules_that_read_recordings_are_skipped_saying_where_they_come_from(tmp_path):
    done = pytest_without_recordings(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    # the pure module's tests all pass, the reading one is one skip
    assert re.search(r"\b\d+ passed, 1 skipped\b", done.stdout), done.stdout
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1 and "CATALYST_SHARED" in skipped[0] and "nowhere" in skipped[0]


def test_in_ci_a_missing_shared_folder_stops_the_run(tmp_path):
    done = pytest_without_recordings(tmp_path, CI="true")
    assert done.returncode == 4  # pytest's usage error: nothing ran, nothing was skipped
    assert "nowhere" in done.stderr and "passed" not in done.stdout
