"""The release reader as a child process (`python -m catalyst_tui.reading.release.child`),
which jobs/release_reader.py starts and stops at its time limit: a thread reading a document
could not be cancelled. The reader is SEC's (an 8-K's EX-99.1), the one source of releases.

- stdin: the seconds the child may take (one line), the day the 8-K was filed (one line, ISO,
  or empty), the company's layout (one line of JSON, release_records.places_json), then the
  exhibit's bytes;
- stdout: the pickled ReleaseResults of `releases.read_release`.

The child ends itself by SIGALRM a little after its limit, should the parent have died without
killing it."""

from __future__ import annotations

import math
import pickle
import signal
import sys
from datetime import date


def main() -> int:
    from .reader import read_release
    from .records import places_from_json

    stdin = sys.stdin.buffer
    limit = float(stdin.readline())
    if math.isfinite(limit) and limit > 0:  # an orphan ends itself
        signal.alarm(math.ceil(limit) + 1)
    day = stdin.readline().decode("ascii").strip()
    layout = places_from_json(stdin.readline().decode("utf-8", "replace"))
    results = read_release(stdin.read(), date.fromisoformat(day) if day else None, layout)
    pickle.dump(results, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
