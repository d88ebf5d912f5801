"""Where each figure of an answer comes from, as a field beside it: an SEC filing (form, accession,
filed day and address), an earnings release (its address and dateline), a sentence and its
document for a figure read from words, a provider and the moment of a price, "entered by you"
for what you wrote or marked. And text from a document, quoted: a field of its own marked as
third-party text (`quoted`), cut at QUOTE_CHARS, never joined to the server's own sentences."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..market.models import NEW_YORK

if TYPE_CHECKING:
    from ..market.estimates import StoredEstimates
    from ..market.models import LastQuote
    from ..store.records import DocumentRecord, FilingRecord
    from ..thesis.kpis.statements import StatedKpi
    from ..thesis.reported.results import Release

QUOTE_CHARS = 1_500  # of a document's text in one quoted field
THIRD_PARTY = "third_party_text"  # the key a document's words are quoted under
#: What a stored document is, by its source: the words its citation names it by.
DOCUMENT_KINDS = {
    "sec": "SEC filing",
    "news": "news headline",
    "feed": "the company's feed",
    "document": "a document you brought",
}


def quoted(text: str) -> dict[str, Any]:
    """A document's words as data: {"third_party_text": ...}, with "cut": true when longer."""
    if len(text) <= QUOTE_CHARS:
        return {THIRD_PARTY: text}
    return {THIRD_PARTY: text[:QUOTE_CHARS], "cut": True}


def moment(at: dt.datetime | None) -> str | None:
    return None if at is None else at.isoformat(timespec="seconds")


def day(on: dt.date | None) -> str | None:
    return None if on is None else on.isoformat()


def sec_filing(f: FilingRecord) -> dict[str, Any]:
    return {
        "source": "SEC filing",
        "form": f.form,
        "accession": f.accession,
        "filed": f.filed.isoformat(),
        "accepted": moment(f.accepted),
        "url": f.url,
    }


def release(r: Release) -> dict[str, Any]:
    """An earnings release: its exhibit's address, and its dateline: when it was made public
    (SEC's acceptance of its 8-K, in New York), else the day its 8-K was filed."""
    dateline = moment(r.accepted.astimezone(NEW_YORK)) if r.accepted else r.filed.isoformat()
    return {
        "source": "earnings release",
        "form": "8-K",
        "accession": r.accession,
        "filed": r.filed.isoformat(),
        "dateline": dateline,
        "url": r.url,
    }


def price(q: LastQuote | None) -> dict[str, Any]:
    if q is None or q.quote is None:
        return {"source": "price", "provider": None, "as_of": None, "why": "no quote stored yet"}
    return {
        "source": "price",
        "provider": q.source,
        "as_of": moment(q.fetched_at),
        "stale": q.stale,
    }


def closes() -> dict[str, Any]:
    """The daily closes `catalyst refresh` stored from the quote providers (a return, a replayed
    day's price)."""
    return {"source": "daily closes stored by catalyst refresh from the quote providers"}


def street(e: StoredEstimates | None) -> dict[str, Any]:
    if e is None:
        return {"source": "the Street's consensus", "provider": None, "why": "none stored"}
    return {"source": "the Street's consensus", "provider": e.source, "as_of": e.day.isoformat()}


def yours(what: str, **more: Any) -> dict[str, Any]:
    """What you wrote or marked: your file, your marks, your notes, your lots."""
    return {"source": "entered by you", "what": what, **more}


def document(d: DocumentRecord, accession: str | None) -> dict[str, Any]:
    """A stored document: what it is, its form, accession (a filing's), moment and address;
    its title quoted, as its publisher wrote it."""
    return {
        "source": DOCUMENT_KINDS.get(d.source, d.source),
        "form": d.form,
        "accession": accession,
        "published": moment(d.published),
        "url": d.url,
        "title": quoted(d.title),
    }


def sentence(s: StatedKpi, accession: str | None) -> dict[str, Any]:
    """A figure read from words: the sentence, and the document it was read in."""
    return {
        "source": "a sentence of a document",
        "sentence": quoted(s.kpi.sentence),
        "document": {
            "form": s.form,
            "accession": accession,
            "day": s.day.isoformat(),
            "url": s.url,
            "title": quoted(s.title),
        },
    }
