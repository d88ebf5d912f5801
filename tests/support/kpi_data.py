"""KPIs kept in a real store as a refresh keeps them: documents saved through the evidence door,
their text read by thesis/kpis.read_kpis for the products named, what it found recorded through
the KPIs door (tests/store/test_kpis.py's way). The sentences are the tests' own, each with the
figure it states: what a test checks is what its sentence says."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from catalyst_tui.config import load_config
from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from catalyst_tui.thesis.kpis.statements import read_kpis

if TYPE_CHECKING:
    from pathlib import Path

READ_AT = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)


class Said(NamedTuple):
    """A document and its words: a release, a call's transcript, a filing."""

    key: str  # its address too
    text: str
    published: dt.datetime
    form: str = "8-K EX-99.1"
    title: str = "results"


def record_kpis(store: Store, symbol: str, subjects: list[str], *documents: Said) -> int:
    """`documents` saved for `symbol`, read for `subjects`, their KPIs recorded: how many."""
    store.evidence.save_documents(
        symbol,
        [
            NewDocument("sec", d.key, None, d.form, d.title, d.key, d.published, d.text)
            for d in documents
        ],
        READ_AT,
    )
    found = []
    through = 0
    for doc in store.evidence.documents(symbol):
        found += [(doc.id, k) for k in read_kpis(store.evidence.text(doc.id), subjects)]
        through = max(through, doc.id)
    return store.kpis.record(symbol, subjects, found, through, READ_AT)


def alab_q3(title: str) -> Said:
    """ALAB's release of 4 November 2025 (16:05 in New York): "over 10%" of revenue, then a Q4
    exit rate "closer to 20%" (the founding thesis's sentence), under `title`."""
    return Said(
        "https://example.com/alab-q3",
        "Scorpio was over 10% of total revenue, with a Q4 exit rate closer to 20%.",
        dt.datetime(2025, 11, 4, 21, 5, tzinfo=dt.UTC),
        title=title,
    )


# A forecast on the call of 10 February 2026: "expected to exceed 20%".
ALAB_CALL = Said(
    "https://example.com/alab-call",
    "Scorpio is expected to exceed 20% of revenue in 2026.",
    dt.datetime(2026, 2, 10, 22, 0, tzinfo=dt.UTC),
    form="document",
    title="Q4 call",
)


def database_of_kpis(
    folder: Path, thesis: str, now: dt.datetime, read: dict[str, tuple[list[str], list[Said]]]
) -> list[str]:
    """A catalysts.toml of `thesis` and a database synced from it at `now`, each symbol's
    documents of `read` recorded for its products: the `--config` and `--db` arguments."""
    config_path = folder / "catalysts.toml"
    config_path.write_text(thesis)
    with Store.open(folder / "c.db") as store:
        store.sync.apply(load_config(config_path), now)
        for symbol, (subjects, documents) in read.items():
            record_kpis(store, symbol, subjects, *documents)
    return ["--config", str(config_path), "--db", str(folder / "c.db")]
