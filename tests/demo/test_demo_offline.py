"""`catalyst demo` end to end in a real terminal (tmux): prices, a flag, evidence and an intraday
chart on screen, every connection it and its refresh process make going to 127.0.0.1 (Python's
audit events, and each process's system calls where strace is installed), and nothing written
outside its temporary folder, which is gone when it ends."""

from __future__ import annotations

import os
from pathlib import Path

from tests.support.network_watch import LOOPBACK, NetworkWatch
from tests.support.terminal import keys, start_catalyst, wait_for, wait_for_all, wait_until

pytest_plugins = ["tests.support.fixtures"]  # the tmux fixture

# The first refresh runs in a child process: seconds on a quiet machine, the bound is for a
# loaded one (and for strace's stops).
FIRST_REFRESH = 120.0


def test_the_demo_runs_on_loopback_only_and_leaves_nothing(tmp_path: Path, tmux: str):
    home, scratch = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    scratch.mkdir()
    watch = NetworkWatch(tmp_path / "watch")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CATALYST_", "DBUS_", "TMUX", "XDG_"))
    }
    # HOME's folders are where catalyst would write the user's files; TMPDIR the demo's own
    env.update(HOME=str(home), TMPDIR=str(scratch), TERM="xterm-256color")
    start_catalyst(tmux, tmp_path, watch.env(env), "demo", prefix=watch.prefix)

    wait_until(
        tmux,
        "the watchlist refreshed: ALAB flagged, the portfolio's total, no row without data",
        lambda shown: "⚑ ALAB" in shown and "Portfolio USD" in shown and "no data yet" not in shown,
        FIRST_REFRESH,
    )
    [demo_folder] = list(scratch.iterdir())
    assert demo_folder.name.startswith("catalyst-demo-")
    # Each wait is for what only the screen or pane the key opens shows: ALAB's title says
    # "⚑ 3 flagged" (the watchlist's status line counts CRDO's missed milestone too), and a toast
    # may quote a passage; a key sent while the ticker
    # screen is still opening reaches the watchlist.
    keys(tmux, "Enter")
    wait_for_all(tmux, "⚑ 3 flagged", "1 Checkpoints  2 Chart")
    keys(tmux, "5")
    # a 10-Q's passage in the Evidence pane, whose title counts them (the screen may be 80 wide)
    wait_for_all(tmux, "Scorpio X reached full", "Evidence: ", "passage")
    keys(tmux, "2")
    wait_for_all(tmux, "1D  5D", "ALAB 1Y")  # the Chart pane: its ranges, the year drawn
    keys(tmux, "[", "[", "[", "[", "[")
    wait_for(tmux, "session 09:30–16:00 New York")
    keys(tmux, "q")
    shown = wait_for(tmux, "CATALYST-EXIT=")
    assert "CATALYST-EXIT=0" in shown and "catalyst demo: ended" in shown

    audited, traced = watch.audited(), watch.traced()
    assert "127.0.0.1" in audited  # the watch saw the demo's own requests
    assert set(audited) <= LOOPBACK, sorted(set(audited) - LOOPBACK)
    if watch.prefix:
        assert "127.0.0.1" in traced
        assert set(traced) <= LOOPBACK, sorted(set(traced) - LOOPBACK)
    assert list(home.rglob("*")) == []  # no config, database, log, cache or preference of theirs
    assert list(scratch.iterdir()) == []  # the demo's folder is gone
