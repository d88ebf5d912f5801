"""Config sync: idempotent, file order kept, edits applied in place with statuses kept, and what
leaves the file archived with its history, restored when it comes back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from catalyst_tui.config import load_config, parse_config
from catalyst_tui.store import Store
from catalyst_tui.thesis.portfolio.positions import Lot

from ..conftest import BUNDLED_CONFIG
from .conftest import T0, T1, THESIS, record_miss


def _dump(store: Store) -> list[tuple[Any, ...]]:
    """Every row of every table, to compare database states exactly."""
    out: list[tuple[Any, ...]] = []
    tables = [
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    for table in tables:
        out.extend(
            (table, *row) for row in store.conn.execute(f"SELECT * FROM [{table}] ORDER BY 1")
        )
    return out


def test_sync_of_the_bundled_thesis_is_idempotent(db_path: Path):
    config = load_config(BUNDLED_CONFIG)
    with Store.open(db_path) as store:
        first = store.sync.apply(config, now=T0)
        assert first.tickers_added == len(config.tickers)
        assert first.checkpoints_added == sum(len(t.checkpoints) for t in config.tickers.values())
        assert store.views.active_symbols() == list(config.tickers)  # the file's order
    with Store.open(db_path) as store:
        before = _dump(store)
        second = store.sync.apply(config, now=T1)
        assert not second.changed and store.conn.total_changes == 0
        assert _dump(store) == before


def test_removed_checkpoint_is_archived_with_its_history_and_restored_when_back(store: Store):
    record_miss(store)
    renamed = THESIS.replace('id = "gm"', 'id = "gm-renamed"')
    report = store.sync.apply(parse_config(renamed), now=T1)
    assert report.checkpoints_archived == 1 and report.checkpoints_added == 1
    assert [c.id for c in store.views.checkpoints("ALAB")] == ["gm-renamed", "npo"]
    everything = store.views.checkpoints("ALAB", include_archived=True)
    gm = next(c for c in everything if c.id == "gm")
    assert gm.archived and gm.status == "missed"  # its history as it was
    [event] = store.views.events()
    assert event.checkpoint_id == "gm" and event.value == 0.62

    report = store.sync.apply(parse_config(THESIS), now=T1)
    assert report.checkpoints_updated == 1 and report.checkpoints_archived == 1
    gm = next(c for c in store.views.checkpoints("ALAB") if c.id == "gm")
    assert not gm.archived and gm.status == "missed" and gm.flagged


def test_removed_ticker_is_archived_not_deleted(store: Store):
    record_miss(store)
    report = store.sync.apply(parse_config('[tickers.CRDO]\nname = "Credo"\n'), now=T1)
    assert report.tickers_archived == 1 and report.checkpoints_archived == 2
    assert [r.symbol for r in store.views.watch_rows()] == ["CRDO"]
    alab = store.views.ticker("ALAB")
    assert alab is not None and alab.archived and alab.name == "Astera Labs"
    assert store.views.lots("ALAB") == [Lot(40, 118.5)]
    assert len(store.views.events(symbol="ALAB")) == 1


def test_edited_fields_update_in_place_and_keep_status(store: Store):
    record_miss(store)
    edited = THESIS.replace(">= 70%", ">= 72%").replace("shares = 40", "shares = 50")
    edited = edited.replace('name = "Credo"', 'name = "Credo Technology"\ngroup = "optics"')
    report = store.sync.apply(parse_config(edited), now=T1)
    assert (report.checkpoints_updated, report.lots_replaced, report.tickers_updated) == (1, 1, 1)
    gm = next(c for c in store.views.checkpoints("ALAB") if c.id == "gm")
    assert gm.condition is not None and gm.condition.text == "gross_margin >= 72%"
    assert gm.status == "missed"
    assert store.views.lots("ALAB") == [Lot(50, 118.5)]
    crdo = store.views.ticker("CRDO")
    assert crdo is not None and (crdo.name, crdo.group) == ("Credo Technology", "optics")


def test_reordered_tickers_and_checkpoints_follow_the_file(store: Store):
    alab, crdo = THESIS.split("[tickers.CRDO]")
    store.sync.apply(parse_config("[tickers.CRDO]" + crdo + alab), now=T1)
    assert store.views.active_symbols() == ["CRDO", "ALAB"]
    swapped = THESIS.replace('id = "gm"', 'id = "tmp"').replace('id = "npo"', 'id = "gm"')
    swapped = swapped.replace('id = "tmp"', 'id = "npo"')
    # Ids swapped between the two tables: a checkpoint's content follows its id.
    store.sync.apply(parse_config(swapped), now=T1)
    assert [(c.id, c.kind) for c in store.views.checkpoints("ALAB")] == [
        ("npo", "guard"),
        ("gm", "milestone"),
    ]


def test_a_file_synced_last_is_not_read_again_and_any_other_is(tmp_path: Path):
    """A config read from the very bytes this database was last synced with is skipped without
    a query of the synced tables (the digest of the file and of the code that judged it, kept
    in the database); a changed file, or a config not read from a file, is synced in full."""
    path = tmp_path / "catalysts.toml"
    path.write_text(THESIS)
    with Store.open(tmp_path / "c.db") as store:
        assert store.sync.apply(load_config(path), now=T0).tickers_added == 2
        read: list[str] = []
        store.conn.set_trace_callback(read.append)
        assert not store.sync.apply(load_config(path), now=T1).changed
        assert not [s for s in read if "checkpoints" in s or "tickers" in s], read
        store.conn.set_trace_callback(None)
        # The database changed behind the digest's back is not seen: only sync writes there,
        # and a config built in memory (no digest) is synced in full, and forgets the digest.
        store.conn.execute("UPDATE tickers SET name = 'Someone else' WHERE symbol = 'ALAB'")
        assert not store.sync.apply(load_config(path), now=T1).changed
        assert store.sync.apply(parse_config(THESIS), now=T1).tickers_updated == 1
        store.conn.execute("UPDATE tickers SET name = 'Someone else' WHERE symbol = 'ALAB'")
        assert store.sync.apply(load_config(path), now=T1).tickers_updated == 1
        path.write_text(THESIS.replace('name = "Astera Labs"', 'name = "Astera"'))
        assert store.sync.apply(load_config(path), now=T1).tickers_updated == 1
        ticker = store.views.ticker("ALAB")
        assert ticker is not None and ticker.name == "Astera"


def test_fees_tax_and_written_dividends_reach_the_store(store: Store):
    text = THESIS.replace("[tickers.ALAB]", '[tickers.ALAB]\ndividend_tax = "15%"', 1)
    text += (
        "\n[[tickers.ALAB.lots]]\nshares = 4\ncost = 100\nfees = 2\ndate = 2025-01-06\n"
        "[[tickers.ALAB.dividends]]\ndate = 2025-03-03\namount = 1.5\n"
    )
    store.sync.apply(parse_config(text))
    assert store.views.lots("ALAB")[-1].fees == 2.0
    assert store.dividends.tax("ALAB") == pytest.approx(0.15)
    (written,) = store.dividends.written("ALAB")
    assert (written.date.isoformat(), written.amount) == ("2025-03-03", 1.5)
    store.sync.apply(parse_config(THESIS))  # the entries leave with the file's
    assert store.dividends.written("ALAB") == [] and store.dividends.tax("ALAB") == 0.0
