"""The one shared HTTP client: what a request may take (limits), how requests are spaced and
timed (pacing), the stack under it (transport, browser TLS), the capped body reader, and what
its outcomes mean (errors).

httpx's package imports its own command-line client (`httpx/_main.py`: click, pygments and
rich's console, 40-90 ms on this project's machines) whenever click is installed, which some
other tool in the same environment may have brought. The program never runs that client, so
each of its entry points (the `catalyst` script, launch.py; the TUI's refresh child,
jobs/worker/process.py) calls `keep_out_unused_parts` before anything loads httpx: the module
is marked as not importable (a `None` in `sys.modules`), and httpx binds the stub `main` it
keeps for an environment without click. tests/project/test_import_hygiene.py checks that
neither a refresh run by the script nor the refresh child loads it.
"""

from __future__ import annotations

import sys

# httpx's command-line client, which nothing in the program runs (see above).
NOT_LOADED = ("httpx._main",)


def keep_out_unused_parts() -> None:
    """Mark NOT_LOADED as not importable in this process; called before httpx is imported."""
    for name in NOT_LOADED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
