"""Matching evidence: every document not yet matched against each checkpoint's evidence entries,
and all of a ticker's documents again when a checkpoint's entries changed (from the stored text:
nothing is fetched). Run after every refresh and after every edit of catalysts.toml.

A new passage is notified (if `[settings] notify` has "evidence") when its checkpoint is pending,
its document is not one the user brought (`catalyst evidence add`),
was matched with these entries before, and the document was published after the entries were
written: that is news. The others (a ticker's past filings read for the first time, everything
found again after the entries changed) are stored quietly, and one summary notice per ticker
says how many were found (in notify/wording.py's words).

A matching may queue at most MAX_NOTICES notices: 2,000 matching headlines once queued 2,000.
Past MAX_NOTICES - 1, passages are stored without a notice of their own, and tickers without a
summary of their own; one last notice says how many passages of how many tickers that was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..notify.wording import evidence_excess, evidence_summary
from ..store.records import EvidenceTarget, Found
from ..thesis.evidence.passages import Matcher, parse_entry
from ..thesis.vocabulary import EVIDENCE, Status

if TYPE_CHECKING:
    import datetime as dt

    from ..config import Config
    from ..store import Store

MAX_NOTICES = 20  # queued by one matching, the summary of the rest included
# The source of a document the user brought (jobs/documents.py): its passages are shown to who
# added it, never notified.
BROUGHT = "document"


@dataclass
class MatchReport:
    """What one matching of evidence stored and notified, and what it held back."""

    passages: int = 0  # new passages stored
    notices: int = 0  # of which notified one by one
    quiet: int = 0  # stored without a notice of their own (counted in a summary)
    left: int = MAX_NOTICES - 1  # notices this matching may still queue, before the excess's
    held: dict[str, int] = field(default_factory=dict)  # passages past the cap, by ticker


def match_evidence(store: Store, config: Config, now: dt.datetime) -> MatchReport:
    """Match every document not yet matched (all of a ticker's again where a checkpoint's
    entries changed) and record the passages; see the module docstring for who is notified."""
    report = MatchReport()
    notify = EVIDENCE in config.settings.notify
    by_symbol: dict[str, list[EvidenceTarget]] = {}
    for target in store.evidence.targets():
        by_symbol.setdefault(target.symbol, []).append(target)
    for symbol, targets in by_symbol.items():
        quiet = _match_symbol(store, symbol, targets, notify, now, report)
        if quiet and notify:  # of the checkpoints that have passages stored quietly
            if report.left <= 0:
                report.held[symbol] = report.held.get(symbol, 0) + sum(quiet.values())
                continue
            report.left -= 1
            summary = evidence_summary(symbol, sum(quiet.values()), len(quiet))
            store.evidence.notice(summary.title, summary.body, now)
    if report.held:
        excess = evidence_excess(sum(report.held.values()), sorted(report.held))
        store.evidence.notice(excess.title, excess.body, now)
    return report


def _match_symbol(
    store: Store,
    symbol: str,
    targets: list[EvidenceTarget],
    notify: bool,
    now: dt.datetime,
    report: MatchReport,
) -> dict[str, int]:
    """Match a ticker's unmatched documents; how many passages were stored quietly, by the
    checkpoint they were found for (those with none left out)."""
    start = min(0 if t.matched != t.entries else t.through for t in targets)
    documents = store.evidence.documents(symbol, after=start)
    entries = {t.checkpoint_id: [parse_entry(e) for e in t.entries] for t in targets}
    found: dict[str, list[Found]] = {t.checkpoint_id: [] for t in targets}
    brought = {d.id for d in documents if d.source == BROUGHT}
    for document in documents:
        wanting = [t for t in targets if t.matched != t.entries or document.id > t.through]
        if not wanting:
            continue
        matcher = Matcher(store.evidence.text(document.id))
        for t in wanting:
            news = (
                notify
                and document.source != BROUGHT
                and t.status == Status.PENDING
                and t.matched == t.entries
                and (t.since is None or document.published >= t.since)
            )
            found[t.checkpoint_id].extend(
                Found(document.id, p.entry, p.text, p.start, p.end, news)
                for p in matcher.find(entries[t.checkpoint_id])
            )
    last = documents[-1].id if documents else 0
    quiet: dict[str, int] = {}
    for t in targets:
        passages, held = _within_the_cap(found[t.checkpoint_id], report.left)
        new, notices = store.evidence.record(t, passages, max(last, t.through), now)
        report.passages += new
        report.notices += notices
        report.left -= notices
        if held:
            report.held[symbol] = report.held.get(symbol, 0) + held
        # A settled checkpoint's evidence is no news at all, nor what the user brought.
        own = sum(f.document_id in brought for f in found[t.checkpoint_id])
        fresh = max(0, new - notices - held - own)
        if t.status == Status.PENDING and fresh > 0:
            quiet[t.checkpoint_id] = quiet.get(t.checkpoint_id, 0) + fresh
    report.quiet += sum(quiet.values())
    return quiet


def _within_the_cap(found: list[Found], left: int) -> tuple[list[Found], int]:
    """The passages with no more to notify one by one than `left`, and how many were held
    back (stored without a notice of their own, counted in the excess's)."""
    allowed = max(left, 0)
    held = 0
    out = []
    for f in found:
        if f.notify:
            if allowed > 0:
                allowed -= 1
            else:
                f = f._replace(notify=False)
                held += 1
        out.append(f)
    return out, held
