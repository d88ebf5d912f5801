"""The last results and what changed, as `catalyst results`, the report's release section and
`catalyst changes` read them: each release's figures beside the release they were read from,
XBRL's figures of its quarter beside the filing, the guide beside the release that gave it, the
Street's consensus beside its provider and the day it was read; each change since a day with
the filing, release or document behind it, a passage's words quoted apart."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..views.changes import CHANGE_KINDS, THRESHOLDS, Change
from ..views.estimates import load_estimates
from ..views.results import FIGURE_LABELS, ResultRow, gap_text, load_results, not_read_text
from . import citing
from .arguments import BadArguments
from .call import PERIODIC
from .paging import Answer
from .thesis import verdict_reason

if TYPE_CHECKING:
    from ..views.estimates import StreetQuarter
    from .call import Call


def results(call: Call, args: dict[str, Any]) -> Answer:
    """`symbol`'s earnings releases, newest first: the quarter's figures as the release printed
    them, XBRL's, the outcome against the guide the release before gave and the Street's
    consensus frozen before it."""
    symbol = call.symbol(args["symbol"])
    rows = load_results(call.store, symbol)
    [street] = load_estimates(call.store, [symbol], call.now, call.base)
    against = {q.filed: q for q in street.quarters}
    items = [_release(call, row, rows, against.get(row.release.filed)) for row in rows]
    return Answer({"symbol": symbol, "releases": len(items)}, items)


def _release(
    call: Call, row: ResultRow, rows: list[ResultRow], street: StreetQuarter | None
) -> dict[str, Any]:
    r = row.release
    figures = r.results.quarter
    return {
        "quarter": row.label,
        "period_end": citing.day(r.period_end),
        "source": citing.release(r),
        "read": r.results.found,
        "why_not_read": not_read_text(r.results.reason) or None,
        "figures": {
            name: {"value": getattr(figures, name), "why_none": gap_text(figures.gap(name)) or None}
            for name in FIGURE_LABELS
        },
        "xbrl": {
            "figures": row.check.filed,
            "confirms_the_release": row.check.confirmed,
            "source": _periodic(call, r.symbol, r.period_end),
        },
        "revenue_outcome": row.outcome,
        "guide": _guide(row, rows),
        "vs_guide_midpoint": row.vs_guide,
        "street": _street(call, r.symbol, street),
    }


def _periodic(call: Call, symbol: str, end: dt.date | None) -> dict[str, Any]:
    """The 10-Q or 10-K of the quarter ending `end`, XBRL's figures' filing."""
    found = [
        f
        for f in call.filings(symbol)
        if f.form in PERIODIC and end is not None and f.filing.report_date == end
    ]
    if found:
        return citing.sec_filing(found[0])
    return {"source": "SEC EDGAR (XBRL company facts)", "why": "no 10-Q or 10-K of it stored"}


def _guide(row: ResultRow, rows: list[ResultRow]) -> dict[str, Any] | None:
    """The guide for the quarter, with the release that gave it (the newest before this one)."""
    if row.guide is None:
        return None
    low, high = row.guide
    gave = next(
        (
            other.release
            for other in rows
            if other.release.filed < row.release.filed
            and other.release.quarter_guide() == row.guide
        ),
        None,
    )
    return {
        "low": low,
        "high": high,
        "source": citing.release(gave)
        if gave
        else {"source": "earnings release", "why": "not stored"},
    }


def _street(call: Call, symbol: str, q: StreetQuarter | None) -> dict[str, Any] | None:
    if q is None or q.frozen is None:
        return None
    frozen = q.frozen
    stored = call.estimates(symbol)
    provider = stored.source if stored is not None else None
    return {
        "consensus_revenue": frozen.revenue,
        "consensus_eps": frozen.eps,
        "analysts": {"revenue": frozen.revenue_analysts, "eps": frozen.eps_analysts},
        "revenue_vs_consensus": q.revenue_vs,
        "eps": q.eps,
        "eps_is_gaap": q.eps_gaap,
        "eps_vs_consensus": q.eps_vs,
        "source": {
            "source": "the Street's consensus, frozen the day before the report",
            "provider": provider,
            "as_of": frozen.as_of.isoformat(),
        },
    }


def changes(call: Call, args: dict[str, Any]) -> Answer:
    """What changed from the start of `since` (in your zone) on, as `catalyst changes` lists
    it: the ticker of the newest change first, newest first within a ticker (of `symbol`
    alone when given)."""
    since = call.day_start(args["since"])
    if since > call.now:
        raise BadArguments(f"since: {args['since']} is after today")
    symbol = call.symbol(args["symbol"]) if "symbol" in args else None
    order = {k.name: i for i, k in enumerate(CHANGE_KINDS)}
    found: list[Item] = []
    for kind in CHANGE_KINDS:
        own = _OWN.get(kind.name)
        if own is not None:
            found += own(call, since)
        else:
            found += [_change(call, c) for c in kind.read(call.store, since, THRESHOLDS)]
    found = [(at, item) for at, item in found if symbol is None or item["symbol"] == symbol]
    newest: dict[str, dt.datetime] = {}
    for at, item in found:
        newest[item["symbol"]] = max(newest.get(item["symbol"], at), at)
    found.sort(key=lambda f: (-f[0].timestamp(), order[f[1]["kind"]]))
    found.sort(key=lambda f: (-newest[f[1]["symbol"]].timestamp(), f[1]["symbol"]))
    items = [item for _, item in found]
    return Answer({"since": since.isoformat(), "changes": len(items)}, items)


def _change(call: Call, c: Change) -> Item:
    """A change in the view's words (a checkpoint, a journal note, a goalpost, a move of the
    Street or the price), with the figures it moved and their source."""
    at, item = _item(c.kind, c.symbol, c.at, c.title, detail=c.detail or None)
    if c.kind == "checkpoint":  # its value in words: cited where the thesis tool answers it
        item["source"] = {"source": "the checkpoint's value as judged then", "see": "thesis"}
    elif c.kind == "journal":
        item["source"] = citing.yours("a note in your journal (catalyst note)")
    elif c.kind == "goalpost":
        item["source"] = citing.yours("your edit of catalysts.toml")
    elif c.kind in ("street", "price"):
        item |= {"before": c.before, "after": c.after, "change": c.change}
        street = citing.street(call.estimates(c.symbol))
        item["source"] = citing.closes() if c.kind == "price" else street
    return at, item


Item = tuple[dt.datetime, dict[str, Any]]


def _item(kind: str, symbol: str, at: dt.datetime, what: str, **more: Any) -> Item:
    """A change as the answer lists it, with its moment to sort by: its kind, its ticker, its
    moment and what it was, then what more it says."""
    return at, {"kind": kind, "symbol": symbol, "at": citing.moment(at), "what": what, **more}


def _verdicts(call: Call, since: dt.datetime) -> list[Item]:
    items: list[Item] = []
    for e in call.store.verdicts.events(since=since, limit=-1):
        what, reasons = f"verdict {e.previous} → {e.verdict}", map(verdict_reason, e.reasons)
        items.append(_item("verdict", e.symbol, e.ts, what, reasons=list(reasons)))
    return items


def _evidence(call: Call, since: dt.datetime) -> list[Item]:
    return [
        _item(
            "evidence",
            p.symbol,
            p.found_at,
            "a passage found for a checkpoint's evidence",
            checkpoint={"id": p.checkpoint_id, "title": p.checkpoint_title},
            passage=citing.quoted(p.passage),
            source={"source": "a document", "url": p.url, "title": citing.quoted(p.title)},
        )
        for p in call.store.changes.passages(since)
    ]


def _releases(call: Call, since: dt.datetime) -> list[Item]:
    items: list[Item] = []
    for r in call.store.changes.releases(since):
        stored = [s for s in call.releases(r.symbol) if s.accession == r.accession]
        cited = citing.release(stored[0]) if stored else None
        what = "an earnings release read: " + ("figures read" if r.found else "no figures found")
        source = cited or {"source": "earnings release", "url": r.url, "filed": r.filed.isoformat()}
        items.append(_item("release", r.symbol, r.read_at, what, source=source))
    return items


def _filings(call: Call, since: dt.datetime) -> list[Item]:
    return [
        _item("filing", f.symbol, f.accepted, f"a {f.form} filed", source=citing.sec_filing(f))
        for f in call.store.changes.filings(since)
    ]


#: The kinds whose records this server words itself: a verdict's reasons and a passage quoted
#: apart, a release and a filing cited whole.
_OWN = {"verdict": _verdicts, "evidence": _evidence, "release": _releases, "filing": _filings}
