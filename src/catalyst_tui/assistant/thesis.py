"""One ticker's thesis, as `catalyst review SYMBOL`, `catalyst check` and `catalyst report` read
it: the verdict and since when, its reasons in parts, how many checkpoints are judged, its kill
criteria and the goalposts moved; then each checkpoint with its status, the reason in words and
its value beside the source it was read from. A passage you accepted is quoted as third-party
text, never joined to a reason's words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..thesis.catalogue import METRICS, Source
from ..thesis.kinds import status_word
from ..thesis.observation import ValueSource
from ..thesis.staleness import stale_text
from ..thesis.verdict import VerdictReason, reason_text
from ..thesis.wording import format_value, json_value
from ..thesis.wording import reason_text as checkpoint_reason
from ..views.review import ticker_review
from . import citing
from .call import PERIODIC
from .paging import Answer

if TYPE_CHECKING:
    from ..store.records import CheckpointRecord
    from ..thesis.observation import Period
    from .call import Call


def thesis(call: Call, args: dict[str, Any]) -> Answer:
    symbol = call.symbol(args["symbol"])
    store = call.store
    ticker = store.views.ticker(symbol)
    review = ticker_review(store, symbol)
    v = review.verdict
    kills = {s.checkpoint for s in store.verdicts.standings(symbol).get(symbol, []) if s.kill}
    moves = store.journal.moves(symbol)
    head = {
        "symbol": symbol,
        "name": ticker.name if ticker else symbol,
        "group": ticker.group if ticker else "",
        "thesis": {
            "text": ticker.thesis if ticker else "",
            "source": citing.yours("the thesis in catalysts.toml"),
        },
        "verdict": {
            "verdict": str(v.verdict),
            "since": citing.moment(review.since),
            "coverage": {"judged": v.judged, "of": v.checkpoints, "in_words": v.coverage},
            "stale": stale_text(review.stale) if review.stale else None,
            "reasons": [verdict_reason(r) for r in v.reasons],
            "remaining": [verdict_reason(r) for r in v.remaining],
        },
        "kill_criteria": sorted(kills),
        "goalposts": [
            {
                "checkpoint": m.checkpoint,
                "field": m.field,
                "before": m.before,
                "after": m.after,
                "at": citing.moment(m.at),
                "loosened": m.loosened,
                "explained_by_a_journal_note": m.noted,
                "source": citing.yours("your edit of catalysts.toml"),
            }
            for m in moves
        ],
    }
    items = [_checkpoint(call, c, c.id in kills) for c in store.views.checkpoints(symbol)]
    return Answer(head, items)


def verdict_reason(r: VerdictReason) -> dict[str, Any]:
    """A reason of a verdict in parts: its rule and words, the checkpoint, its value, since
    when; the passage you accepted quoted apart."""
    return {
        "rule": r.rule,
        "in_words": reason_text(r._replace(evidence="")),
        "checkpoint": r.checkpoint,
        "title": r.title,
        "status": r.status,
        "value": None
        if not r.metric or r.value is None
        else {
            "value": json_value(r.metric, r.value),
            "source": {"source": "the checkpoint's value", "checkpoint": r.checkpoint},
        },
        "metric": r.metric or None,
        "since": citing.day(r.since),
        "marked_by_you": r.manual,
        "acknowledged": citing.day(r.acked),
        "accepted_passage": citing.quoted(r.evidence) if r.evidence else None,
    }


def _checkpoint(call: Call, c: CheckpointRecord, kill: bool) -> dict[str, Any]:
    condition = c.condition
    value = None
    if condition is not None and c.value is not None:
        value = {
            "value": json_value(condition.metric, c.value),
            "shown": format_value(condition.metric, c.value),
            "sources": checkpoint_value(call, c),
        }
    return {
        "id": c.id,
        "title": c.title,
        "kind": c.kind,
        "status": c.status,
        "reads_as": status_word(c.kind, c.status),
        "kill_criterion": kill,
        "marked_by_you": c.manual,
        "unacknowledged_miss": c.flagged,
        "due": citing.day(c.due or c.until),
        "condition": condition.text if condition else None,
        "threshold": None
        if condition is None
        else {
            "value": json_value(condition.metric, condition.threshold),
            "source": citing.yours("your condition in catalysts.toml"),
        },
        "value": value,
        "reason": checkpoint_reason(c.reason, condition, call.today),
        "evaluated_at": citing.moment(c.evaluated_at),
        "evidence_entries": list(c.evidence),
        "notes": c.notes or None,
    }


def checkpoint_value(call: Call, c: CheckpointRecord) -> list[dict[str, Any]]:
    """Where a checkpoint's value comes from, as its metric and the period it is of say."""
    if c.manual:
        return [citing.yours("the status you marked (catalyst mark)", note=c.manual_note or None)]
    assert c.condition is not None
    metric = METRICS.get(c.condition.metric)
    source = metric.source if metric is not None else None
    observed = c.reason.observed
    period = observed.period if observed is not None else None
    if source is Source.QUOTES:
        return [citing.price(call.quote(c.symbol))]
    if source is Source.LOTS:
        return [
            citing.yours("your lots and sales in catalysts.toml"),
            citing.price(call.quote(c.symbol)),
        ]
    if source is Source.STREET:
        return [citing.street(call.estimates(c.symbol))]
    if source is Source.WORDS:
        return [call.kpi_source(c.symbol, c.condition.metric, c.condition.line)]
    reported = [_reported(call, c.symbol, period)]
    return [citing.price(call.quote(c.symbol)), *reported] if source is Source.MIXED else reported


def _reported(call: Call, symbol: str, period: Period | None) -> dict[str, Any]:
    """The filing or release a reported value was read from: by the day it was filed."""
    if period is None or period.filed is None:
        return {"source": "SEC EDGAR", "why": "the value's filing day was not kept with it"}
    if period.source is ValueSource.RELEASE:
        found = [r for r in call.releases(symbol) if r.filed == period.filed]
        if found:
            return citing.release(found[0])
    filings = [f for f in call.filings(symbol) if f.filed == period.filed]
    filings.sort(key=lambda f: f.form not in PERIODIC)
    if filings:
        return {**citing.sec_filing(filings[0]), "period_end": period.end.isoformat()}
    stated = call.as_filed(symbol).get(period.filed)
    if stated:
        form, accession = stated[0]
        return {
            "source": "SEC filing",
            "form": form,
            "accession": accession,
            "filed": period.filed.isoformat(),
            "url": call.filing_index(symbol, accession),
            "period_end": period.end.isoformat(),
        }
    return {
        "source": "SEC EDGAR (XBRL company facts)",
        "filed": period.filed.isoformat(),
        "period_end": period.end.isoformat(),
        "why": "the filing of that day is not among the filings stored",
    }
