"""The release reader as a child process (`python -m catalyst_tui.reading.release.child`),
which jobs/release_reader.py starts at a refresh's first release, keeps for the next ones and
stops at a release's time limit: a thread reading a document could not be cancelled. The reader
is SEC's (an 8-K's EX-99.1, or the page a company's feed links), the one source of releases.

Each release asked, on stdin:

- the seconds the child may take over it (one line), the day the 8-K was filed (one line, ISO,
  or empty), the company's layout (one line of JSON, release_records.places_json), the
  exhibit's length in bytes (one line), then the exhibit's bytes;

and on stdout, its answer: the length of the pickled ReleaseResults of `read_release` as 8
bytes (big-endian), then the pickle. The next release may follow; the end of stdin (the parent
done, or gone) ends the child, status 0.

The child ends itself by SIGALRM a little after a release's limit, should the parent have died
without killing it while that release was read."""

from __future__ import annotations

import math
import pickle
import signal
import sys
from datetime import date
from typing import BinaryIO

SIZE_BYTES = 8  # the answer's length, before it


def serve(stdin: BinaryIO, stdout: BinaryIO) -> int:
    """Read each release asked on `stdin` and answer it on `stdout`, until stdin ends."""
    from .reader import read_release
    from .records import places_from_json

    while line := stdin.readline():
        limit = float(line)
        if math.isfinite(limit) and limit > 0:  # an orphan ends itself
            signal.alarm(math.ceil(limit) + 1)
        day = stdin.readline().decode("ascii").strip()
        layout = places_from_json(stdin.readline().decode("utf-8", "replace"))
        size = int(stdin.readline())
        body = stdin.read(size)
        if len(body) != size:
            raise EOFError(f"the release ended after {len(body)} of its {size} bytes")
        results = read_release(body, date.fromisoformat(day) if day else None, layout)
        signal.alarm(0)
        answer = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.write(len(answer).to_bytes(SIZE_BYTES, "big") + answer)
        stdout.flush()
    return 0


def main() -> int:
    return serve(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    sys.exit(main())
