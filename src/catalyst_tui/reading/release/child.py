"""The release reader as a child process (`python -m catalyst_tui.reading.release.child`),
which jobs/release_reader.py starts at a refresh's first release, keeps for the next ones and
stops at a release's time limit: a thread reading a document could not be cancelled. The reader
is SEC's (an 8-K's EX-99.1, or the page a company's feed links), the one source of releases.

Each release asked, on stdin:

- the seconds the child may take over it (one line), the day the 8-K was filed (one line, ISO,
  or empty), the company's layout (one line of JSON, release_records.places_json), the
  exhibit's length in bytes (one line), then the exhibit's bytes;

and on stdout, its answer: the pickled ReleaseResults of `read_release`, after its length
(reading/serving.py, the child's side every kept reader shares: the next release may follow,
the end of stdin ends the child, SIGALRM an orphan)."""

from __future__ import annotations

import pickle
import sys
from datetime import date
from typing import BinaryIO

from ..serving import serve_each


def serve(stdin: BinaryIO, stdout: BinaryIO) -> int:
    """Read each release asked on `stdin` and answer it on `stdout`, until stdin ends."""
    from .reader import read_release
    from .records import places_from_json

    def answer(said: list[bytes], body: bytes) -> bytes:
        day = said[0].decode("ascii").strip()
        layout = places_from_json(said[1].decode("utf-8", "replace"))
        results = read_release(body, date.fromisoformat(day) if day else None, layout)
        return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)

    return serve_each(stdin, stdout, "release", 2, answer)


if __name__ == "__main__":
    sys.exit(serve(sys.stdin.buffer, sys.stdout.buffer))
