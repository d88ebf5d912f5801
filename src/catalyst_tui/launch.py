"""The `catalyst` script: the program starts with the cyclic garbage collector paused, and
sets it going once it has loaded: `cli.main` before a command runs (`cli.context.modules_loaded`),
the TUI once its first frame is painted (tui/app.py), each setting aside what exists by then
(gc.freeze: it lives as long as the program).

Loading some 400 modules (Textual's, rich's and ours) and building the watchlist's 500 rows make
objects by the hundred thousand, which the collector walks again and again while finding no
garbage: 15-30 ms of a 0.35 s start-up to the first painted watchlist (docs/performance.md).
`python -m catalyst_tui.cli` (the service, the tests) runs without the pause; nothing else
differs.

httpx's command-line client (click, pygments, rich's console) is kept out before anything
loads httpx: market/http/__init__.py `keep_out_unused_parts`, which the TUI's refresh child
calls too. A refresh with no network was 2.3x `catalyst check` with it (bench/offline.py).
"""

from __future__ import annotations

import gc

from .market.http import keep_out_unused_parts


def main() -> int:
    gc.disable()
    keep_out_unused_parts()
    from .cli import main as run

    return run()
