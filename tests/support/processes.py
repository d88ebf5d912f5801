"""Child processes as the tests see them from outside."""

from __future__ import annotations

import os


def gone(pid: int) -> bool:
    """True once the process has exited and been reaped (a zombie still answers signal 0)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False
