"""The session's writes without the TUI (session/workspace.py, file_edits.py): an edit by name
is written to catalysts.toml and the database follows it; an outside edit of the file is read
again and synced, its new tickers named; an invalid one is refused with its located errors and
the config in use stays."""

from __future__ import annotations

import datetime as dt

from catalyst_tui.config import load_config
from catalyst_tui.session.workspace import Workspace

NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)


def test_an_edit_by_name_is_written_and_the_database_follows(demo):
    config, store = demo
    workspace = Workspace(config, store, clock=lambda: NOW)
    before = len(store.views.lots("ALAB"))
    fields = {"shares": "3", "cost": "101.5", "date": "2026-11-02"}
    outcome = workspace.add_lot("ALAB", fields)
    assert outcome.written and outcome.message.startswith("added a lot of ALAB")
    lots = store.views.lots("ALAB")
    assert len(lots) == before + 1
    assert (lots[-1].shares, lots[-1].cost) == (3, 101.5)
    written = load_config(config.path).tickers["ALAB"].lots  # the file has it too
    assert (written[-1].shares, written[-1].cost) == (3, 101.5)
    assert not workspace.file_changed()  # its own write is not an outside edit


def test_an_outside_edit_is_read_again_and_an_invalid_one_refused(demo):
    config, store = demo
    workspace = Workspace(config, store, clock=lambda: NOW)
    assert workspace.check_file() is None  # unchanged: nothing read
    path = config.path
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\n[tickers.ZZZT]\nname = "Added outside"\n', encoding="utf-8")
    reload = workspace.check_file()
    assert reload is not None and reload.error is None and reload.added == ("ZZZT",)
    assert "ZZZT" in workspace.config.tickers and "ZZZT" in store.views.active_symbols()
    path.write_text(text + "\n[tickers.ZZZT]\nname = 1\n", encoding="utf-8")
    refused = workspace.check_file()
    assert refused is not None and refused.config is None and refused.error is not None
    assert "tickers.ZZZT.name" in str(refused.error)
    assert "ZZZT" in workspace.config.tickers  # the last good config stays in use
