"""The child's side of a reader kept for many documents (jobs/kept_child.py is the parent's): each
document asked on stdin with the seconds it may take, the lines that say how to read it, its
length in bytes and its bytes; each answered on stdout, the answer's length as SIZE_BYTES bytes
(big-endian), then the answer. The next document may follow; the end of stdin (the parent done,
or gone) ends the child, status 0. The child ends itself by SIGPROF a little after a document's
limit of CPU time, should the parent have died without killing it while that document was read
(CPU time, not the clock's: a busy machine slows a reading, it does not make it longer)."""

from __future__ import annotations

import math
import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import BinaryIO

SIZE_BYTES = 8  # the answer's length, before it


def serve_each(
    stdin: BinaryIO,
    stdout: BinaryIO,
    what: str,
    lines: int,
    answer: Callable[[list[bytes], bytes], bytes],
) -> int:
    """Each `what` asked on `stdin`: its limit in seconds (one line), `lines` lines more, its
    length in bytes (one line) and its bytes, answered on `stdout` with `answer(lines, bytes)`,
    until stdin ends; status 0."""
    while line := stdin.readline():
        limit = float(line)
        if math.isfinite(limit) and limit > 0:  # an orphan ends itself (SIGPROF's default)
            signal.setitimer(signal.ITIMER_PROF, math.ceil(limit) + 1)
        said = [stdin.readline() for _ in range(lines)]
        size = int(stdin.readline())
        body = stdin.read(size)
        if len(body) != size:
            raise EOFError(f"the {what} ended after {len(body)} of its {size} bytes")
        answered = answer(said, body)
        signal.setitimer(signal.ITIMER_PROF, 0)
        stdout.write(len(answered).to_bytes(SIZE_BYTES, "big") + answered)
        stdout.flush()
    return 0
