"""A second process holding a lock the TUI must not wait for on its loop: SQLite's write lock on
a database (`BEGIN IMMEDIATE`, as a long refresh or a backup tool holds it) or catalysts.toml's
edit lock (config/atomic.py's `lock`, as another catalyst holds it while it saves), held until
the test releases it. Run as `python -m tests.support.locks database|config PATH`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@contextmanager
def holding(kind: str, path: Path) -> Iterator[Callable[[], None]]:
    """The lock taken by a child process before this returns; the callable releases it (the
    child ends), as does leaving the block."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.locks", kind, str(path)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    stdin = child.stdin

    def release() -> None:
        if child.poll() is None:
            stdin.write("release\n")
            stdin.flush()
            child.wait(timeout=60)

    try:
        assert child.stdout.readline().strip() == "held", "the lock was not taken"
        yield release
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=60)


def _hold() -> None:
    print("held", flush=True)
    sys.stdin.readline()


def main(kind: str, path: str) -> None:
    if kind == "database":
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        _hold()
        conn.execute("ROLLBACK")
        conn.close()
        return
    from catalyst_tui.config.atomic import lock

    with lock(Path(path)):
        _hold()


if __name__ == "__main__":
    main(*sys.argv[1:3])
