"""A broker format is one declaration in the format registry (reading/brokers/formats.py
`BROKERS`): a format registered for a test is a `--broker` choice, found by its header line and
imported end to end through the CLI; docs/config.md's import table names every format of it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from catalyst_tui.reading.brokers.cells import ExportRow, symbol_of
from catalyst_tui.reading.brokers.export import Trade, day, number
from catalyst_tui.reading.brokers.formats import BROKERS, Broker
from catalyst_tui.thesis.portfolio.positions import Lot
from tests.cli.test_import import export, imported, run

DOCS = Path(__file__).resolve().parents[2] / "docs" / "config.md"


def _toy(r: ExportRow) -> Trade | None:
    if r.cell("Kind") != "B":
        return None
    return r.trade(
        symbol_of(r.need("Ticker")),
        "buy",
        day(r.need("When"), day_first=False),
        number(r.need("Qty")),
        number(r.need("Px")),
        0.0,
        "USD",
    )


@pytest.fixture
def toy_broker():
    """A format added to the registry for one test, and taken out after it."""
    toy = Broker(
        "toy",
        "Toy Broker",
        "toy.csv",
        lambda cells: {"When", "Ticker", "Kind", "Qty", "Px"} <= set(cells),
        _toy,
    )
    BROKERS[toy.name] = toy
    yield toy
    del BROKERS[toy.name]


TOY = "When,Ticker,Kind,Qty,Px\n2024-03-01,NVDA,B,2,800.5\n2024-03-02,NVDA,X,1,1\n"


def test_a_registered_format_is_imported_end_to_end(tmp_path, capsys, toy_broker):
    path = export(tmp_path, "toy.csv", TOY)
    code, out, err = run(tmp_path, capsys, path, "--broker", "toy")
    assert code == 0, err
    assert "Toy Broker: adds 1 trade" in out and "1 row that is not a buy or a sale left out" in out
    assert imported(tmp_path, "NVDA") == ([Lot(2, 800.5, dt.date(2024, 3, 1))], [])
    # found by its header line without --broker; a second import adds nothing
    code, out, err = run(tmp_path, capsys, path)
    assert code == 0 and "Toy Broker: nothing to add" in out


def test_a_format_not_registered_is_no_choice(tmp_path, capsys):
    path = export(tmp_path, "toy.csv", TOY)
    with pytest.raises(SystemExit) as exit_:
        run(tmp_path, capsys, path, "--broker", "toy")
    assert exit_.value.code == 2


def test_the_docs_import_table_names_every_registered_format():
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| ([^|]+) \|", DOCS.read_text(), re.MULTILINE)
    documented = {name: export.strip() for name, export in rows}
    for broker in BROKERS.values():
        assert documented.get(broker.name) == broker.export, broker.name
    assert "generic" in documented
