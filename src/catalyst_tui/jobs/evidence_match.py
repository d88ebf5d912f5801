"""Matching evidence: every document not yet matched against each checkpoint's evidence entries,
and all of a ticker's documents again when a checkpoint's entries changed (from the stored text:
nothing is fetched). Run after every refresh and after every edit of catalysts.toml.

A new passage is notified (if `[settings] notify` has "evidence") when its checkpoint is pending,
was matched with these entries before, and the document was published after the entries were
written: that is news. The others (a ticker's past filings read for the first time, everything
found again after the entries changed) are stored quietly, and one summary notice per ticker
says how many were found (in notify/wording.py's words).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..config import Config
from ..notify.wording import evidence_summary
from ..store import Store
from ..store.records import EvidenceTarget, Found
from ..thesis.evidence import Matcher, parse_entry
from ..thesis.vocabulary import EVIDENCE, Status


@dataclass
class MatchReport:
    passages: int = 0  # new passages stored
    notices: int = 0  # of which notified one by one
    quiet: int = 0  # stored without a notice of their own (counted in a summary)


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
            summary = evidence_summary(symbol, sum(quiet.values()), len(quiet))
            store.evidence.notice(summary.title, summary.body, now)
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
    for document in documents:
        wanting = [t for t in targets if t.matched != t.entries or document.id > t.through]
        if not wanting:
            continue
        matcher = Matcher(store.evidence.text(document.id))
        for t in wanting:
            news = (
                notify
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
        new, notices = store.evidence.record(t, found[t.checkpoint_id], max(last, t.through), now)
        report.passages += new
        report.notices += notices
        # A settled checkpoint's evidence is no news at all.
        if t.status == Status.PENDING and new > notices:
            quiet[t.checkpoint_id] = quiet.get(t.checkpoint_id, 0) + new - notices
    report.quiet += sum(quiet.values())
    return quiet
