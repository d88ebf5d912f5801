"""What documents say, as `catalyst evidence` and `catalyst kpis` read it: each passage matched
for a checkpoint's evidence with its stance (catalyst's reading, or the one you accepted it with)
and your word on it; each KPI read from words with the sentence it was read in. The passages,
sentences, titles and deciding words are quoted as third-party text; each cites its document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..thesis.catalogue import METRICS, Source
from ..thesis.evidence.stance import shown
from ..views.kpis import NONE_NAMED, NONE_STATED, kpi_series
from . import citing
from .arguments import BadArguments
from .paging import Answer

if TYPE_CHECKING:
    from ..store.records import EvidenceRecord
    from ..views.kpis import KpiPoint, KpiSeries
    from .call import Call


def evidence(call: Call, args: dict[str, Any]) -> Answer:
    """The passages found for `symbol`'s checkpoints (or `checkpoint`'s alone; every ticker's
    without a symbol), newest document first; `dismissed` ones too when asked."""
    symbol = call.symbol(args["symbol"]) if "symbol" in args else None
    checkpoint = None
    if "checkpoint" in args:
        if symbol is None:
            raise BadArguments("checkpoint: name its symbol too")
        checkpoint = call.checkpoint(symbol, args["checkpoint"])
    records = call.store.evidence.passages(
        symbol, checkpoint, include_dismissed=bool(args.get("dismissed"))
    )
    accessions = call.accessions([r.document.id for r in records])
    items = [_passage(r, accessions.get(r.document.id)) for r in records]
    head = {
        "symbol": symbol,
        "checkpoint": checkpoint,
        "passages": len(items),
        "stance": "catalyst's reading of each passage's words, never a verdict; your word decides",
    }
    return Answer(head, items)


def _passage(r: EvidenceRecord, accession: str | None) -> dict[str, Any]:
    found = shown(r.passage, r.accepted_stance)
    return {
        "passage_id": r.id,
        "symbol": r.symbol,
        "checkpoint": {"id": r.checkpoint_id, "title": r.checkpoint_title},
        "entry": {"text": r.entry, "source": citing.yours("an evidence entry in catalysts.toml")},
        "passage": citing.quoted(r.passage),
        "stance": {
            "stance": found.stance.value,
            "by": "you, when you accepted it" if r.accepted_stance else "catalyst's reading",
            "deciding_words": [citing.quoted(word) for word in found.words],
        },
        "your_word": r.decision or None,
        "accepted_at": citing.moment(r.accepted_at),
        "found_at": citing.moment(r.found_at),
        "source": citing.document(r.document, accession),
    }


def kpis(call: Call, args: dict[str, Any]) -> Answer:
    """Each ticker's KPIs read from words (or `symbol`'s), series by series, each value as its
    sentence states it, newest document first; the tickers whose conditions name a KPI that no
    document read states yet, and how many name none."""
    symbols = [call.symbol(args["symbol"])] if "symbol" in args else call.symbols
    named = {s for s, c in call.store.kpis.conditions() if _from_words(c.metric)}
    found = [(symbol, kpi_series(call.store.kpis.series(symbol))) for symbol in symbols]
    points = [(symbol, s, p) for symbol, series in found for s in series for p in s.newest_first]
    accessions = call.accessions([p.stated.document_id for _, _, p in points])
    unread = [symbol for symbol, series in found if not series and symbol in named]
    head = {
        "named_but_not_stated": {"symbols": unread, "why": NONE_STATED},
        "naming_none": {
            "tickers": sum(1 for symbol, series in found if not series and symbol not in named),
            "why": NONE_NAMED,
        },
    }
    items = [_point(symbol, s, p, accessions) for symbol, s, p in points]
    return Answer(head, items)


def _from_words(metric: str) -> bool:
    """A KPI's metric: read from management's words."""
    row = METRICS.get(metric)
    return row is not None and row.source is Source.WORDS


def _point(symbol: str, s: KpiSeries, p: KpiPoint, accessions: dict[int, str]) -> dict[str, Any]:
    kpi = p.kpi
    return {
        "symbol": symbol,
        "series": s.title,
        "kind": s.kind,
        "subject": s.subject or None,
        "value": kpi.value,
        "high": kpi.high,
        "as_said": p.said,
        "outcome_or_forecast": p.outcome_or_forecast,
        "day": p.day.isoformat(),
        "judges_checkpoints": p is s.newest_outcome,
        "source": citing.sentence(p.stated, accessions.get(p.stated.document_id)),
    }
