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


def test_an_outside_edit_naming_a_kpi_reads_the_stored_documents_before_judging(demo):
    """A checkpoint `share(Scorpio) >= 5%` added by hand is judged at once on the documents
    already stored: they are read for Scorpio before the evaluation, not at the next refresh."""
    from catalyst_tui.store.records import NewDocument

    config, store = demo
    workspace = Workspace(config, store, clock=lambda: NOW)
    said = "Scorpio was over 10% of total revenue, with a Q4 exit rate closer to 20%."
    published = dt.datetime(2025, 11, 4, 21, 5, tzinfo=dt.UTC)
    document = NewDocument("sec", "k1", None, "8-K EX-99.1", "results", "k1", published, said)
    store.evidence.save_documents("ZZZK", [document], NOW)
    path = config.path
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[tickers.ZZZK]\nname = "Kpi Co"\n[[tickers.ZZZK.checkpoints]]\nid = "scorpio"\n'
        'title = "Scorpio sells"\nkind = "guard"\nwhen = "share(Scorpio) >= 5%"\n',
        encoding="utf-8",
    )
    reload = workspace.check_file()
    assert reload is not None and reload.error is None
    [scorpio] = [c for c in store.views.checkpoints() if c.symbol == "ZZZK"]
    # "over 10%" of revenue: 10% >= 5%, holding.
    assert (scorpio.status, scorpio.value) == ("met", 0.10)
