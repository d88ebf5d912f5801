"""The `catalyst` script: the program starts with the cyclic garbage collector paused, and
sets it going once it has loaded: `cli.main` before a command runs (`cli.context.modules_loaded`),
the TUI once its first frame is painted (tui/app.py), each setting aside what exists by then
(gc.freeze: it lives as long as the program).

Loading some 400 modules (Textual's, rich's and ours) and building the watchlist's 500 rows make
objects by the hundred thousand, which the collector walks again and again while finding no
garbage: 15-30 ms of a 0.35 s start-up to the first painted watchlist (docs/performance.md).
`python -m catalyst_tui.cli` (the service, the tests) runs without the pause; nothing else
differs.

httpx's package imports its own command-line client (`httpx/_main.py`: click, pygments and
rich's console, 40-90 ms on this project's machines) whenever click is installed, which some
other tool in the same environment may have brought. The program never runs that client, so
the script marks the module as not importable before anything loads httpx (a `None` in
`sys.modules`): httpx then binds the stub `main` it keeps for an environment without click.
A refresh with no network was 2.3x `catalyst check` with it (bench/offline.py);
tests/project/test_import_hygiene.py checks that a refresh run by the script never loads it.
"""

from __future__ import annotations

import gc
import sys

# httpx's command-line client, which nothing in the program runs (see above).
NOT_LOADED = ("httpx._main",)


def main() -> int:
    gc.disable()
    for name in NOT_LOADED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
    from .cli import main as run

    return run()
