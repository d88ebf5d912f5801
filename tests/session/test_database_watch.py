"""The session's watch on its database (session/database_watch.py): another connection's commit
is a change, the session's own saves read again are not."""

from __future__ import annotations

from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store


def test_only_another_connections_commit_counts_as_a_change(demo) -> None:
    config, store = demo
    workspace = Workspace(config, store)
    assert not workspace.database_changed()
    # The TUI's own save, on a connection of its own (off the loop), read again by the TUI
    # once it is done: not counted as another process's.
    workspace.mark("ALAB", "scorpio-largest-line", "met", "")
    workspace.own_writes_read()
    assert not workspace.database_changed()
    with Store.open(store.path) as other:
        other.checkpoints.acknowledge(None, workspace.now())
    assert workspace.database_changed()
    assert not workspace.database_changed()  # seen once
