"""The leads change no reading: every real call, read by the reader whose patterns are led
(reading/leads.py) and by one whose patterns are compiled as they are written, states the same
shares, growths and guidance, word for word."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.patterns import FIGURE
from tests.support.shared import REALDATA

CALLS = REALDATA / "calls" / "docs"

_AS_WRITTEN = """
import json, sys
from pathlib import Path
import catalyst_tui.reading.leads as leads
leads._parser = None  # no lead can be told: every pattern compiled as it is written
from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.patterns import FIGURE
assert not FIGURE.pattern.startswith(("(?=", r"\\b(?="))
paths = sorted(Path(sys.argv[1]).glob("*.txt"))
print(json.dumps([[list(s) for s in read_words(p.read_text(encoding="utf-8"))] for p in paths]))
"""


def test_every_call_reads_the_same_with_its_patterns_led(tmp_path: Path) -> None:
    assert FIGURE.pattern.startswith(("(?=", r"\b(?="))  # this reader's patterns are led
    paths = sorted(CALLS.glob("*.txt"))
    assert len(paths) >= 40
    done = subprocess.run(
        [sys.executable, "-c", _AS_WRITTEN, str(CALLS)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    written = json.loads(done.stdout)
    led = [
        json.loads(json.dumps([list(s) for s in read_words(p.read_text(encoding="utf-8"))]))
        for p in paths
    ]
    assert sum(len(statements) for statements in led) > 500
    assert led == written
