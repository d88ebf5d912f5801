"""KPIs kept in a real store as a refresh keeps them: documents saved through the evidence door,
their text read by thesis/kpis.read_kpis for the products named, what it found recorded through
the KPIs door (tests/store/test_kpis.py's way). The sentences are the tests' own, each with the
figure it states: what a test checks is what its sentence says."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from catalyst_tui.store import Store
from catalyst_tui.store.records import NewDocument
from catalyst_tui.thesis.kpis import read_kpis

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
