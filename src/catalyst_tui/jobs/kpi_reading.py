"""Reading KPIs from words in a refresh: for each active ticker whose active checkpoints' conditions
name a KPI metric (`share(Scorpio)`, `growth(Blackwell)`, `guidance`), the KPIs of
thesis/kpis/statements.py
read from its stored documents (filings' text, releases, feed items, headlines, what the user
brought) and kept with their sentences (store/kpis.py), where the metrics read them
(thesis/kpis/metrics.py). Nothing is fetched: the evidence fetch stores the documents, and fetches
those of these tickers too (jobs/evidence.py `read`).

Like the matching of evidence entries (jobs/evidence_match.py), each ticker is read from the
document after the last one read, up to its newest: the products a ticker is read for are those
its conditions name (sorted, one per name in any case); when they change, every document of the
ticker is read again, and what was stored for the old products goes first. The guidance's
direction is read for each of these tickers. Run after every refresh and every edit of
catalysts.toml, before the checkpoints are evaluated where the caller evaluates after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..thesis.catalogue import METRICS, Source
from ..thesis.kpis.statements import read_kpis

if TYPE_CHECKING:
    import datetime as dt

    from ..store import Store
    from ..thesis.kpis.statements import Kpi

#: The metrics read from words: a condition naming one makes its ticker's documents read for it.
KPI_METRICS = frozenset(m.name for m in METRICS.values() if m.source is Source.WORDS)


def kpi_subjects(store: Store) -> dict[str, tuple[str, ...]]:
    """The active tickers whose active conditions name a KPI metric, each with the products
    those conditions name: sorted, one per name in any case (the first written of it kept)."""
    named: dict[str, dict[str, str]] = {}
    for symbol, condition in store.kpis.conditions():
        if condition.metric not in KPI_METRICS:
            continue
        products = named.setdefault(symbol, {})
        if condition.line:
            products.setdefault(condition.line.casefold(), condition.line)
    return {
        symbol: tuple(sorted(products.values(), key=lambda p: (p.casefold(), p)))
        for symbol, products in named.items()
    }


def company_names(store: Store, symbol: str) -> tuple[str, ...]:
    """What the ticker's company is called in catalysts.toml (its `name`) and by SEC's map of
    tickers ("HELEN OF TROY LTD"), for a document that speaks of it by name ("Astera Labs
    revenue grew 20%", "Helen of Troy grew revenues by 7.9%": the company's); not a name that
    is only the symbol (catalysts.toml's default), which text may use for anything."""
    ticker = store.views.ticker(symbol)
    given = ticker.name.strip() if ticker is not None else ""
    names = (given, store.market.company_name(symbol).strip())
    return tuple(dict.fromkeys(n for n in names if n and n != symbol))


def read_kpis_of(store: Store, now: dt.datetime) -> int:
    """Read the documents not yet read of each ticker a KPI condition names (all of them again
    where its products changed) and store what they state; how many KPIs were new."""
    added = 0
    for symbol, subjects in kpi_subjects(store).items():
        before, through = store.kpis.reading(symbol)
        again = list(before) != list(subjects)
        documents = store.evidence.documents(symbol, after=0 if again else through)
        if not documents and not again:
            continue
        found: list[tuple[int, Kpi]] = []
        names = company_names(store, symbol)
        for document in documents:
            text = store.evidence.text(document.id)
            read = read_kpis(text, subjects, day=document.day, names=names, symbol=symbol)
            found.extend((document.id, kpi) for kpi in read)
        last = documents[-1].id if documents else 0
        added += store.kpis.record(symbol, subjects, found, max(last, 0 if again else through), now)
    return added
