"""What was searched for evidence and in what, for when no passage shows (`catalyst evidence`):
each ticker's evidence entries, the documents read to match them in (by kind: how many, from
when to when), and why no filing is there; or that nothing has been fetched to search in yet;
or that no checkpoint asks for evidence, the one case where "give a checkpoint evidence
entries" is the advice."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..jobs.evidence_match import BROUGHT
from ..jobs.feeds import SOURCE as FEEDS
from ..market.registry import SEC
from ..text import counted, printable
from .health import sec_state

if TYPE_CHECKING:
    import datetime as dt

    from ..config import Config
    from ..store import Store
    from ..store.document_rows import SearchedIn

ENTRIES_QUOTED = 3  # the evidence entries quoted; the rest counted

# Each source's documents as a sentence names them: (one, many); a news provider's are headlines.
_KINDS = {
    SEC.name: ("filing document", "filing documents"),
    FEEDS: ("feed item", "feed items"),
    BROUGHT: ("document you added", "documents you added"),
}
_HEADLINES = ("headline", "headlines")


class Searched(NamedTuple):
    """One ticker's search for evidence: its checkpoints with entries, the entries, what was
    read to match them in, the passages you dismissed, why no filing was read ("" when one
    was)."""

    symbol: str
    checkpoints: int
    entries: tuple[str, ...]
    read: tuple[SearchedIn, ...]
    dismissed: int
    no_filing: str


def searched(
    config: Config, store: Store, now: dt.datetime, symbol: str | None, checkpoint_id: str = ""
) -> list[Searched]:
    """Each ticker whose checkpoints carry evidence entries (of `symbol`, of its checkpoint
    `checkpoint_id`), in the file's order: what was searched for, in what."""
    targets = [
        t
        for t in store.evidence.targets()
        if symbol in (None, t.symbol) and checkpoint_id in ("", t.checkpoint_id)
    ]
    read = store.evidence.searched_in(symbol)
    out = []
    for ticker in dict.fromkeys(t.symbol for t in targets):
        mine = [t for t in targets if t.symbol == ticker]
        entries = tuple(dict.fromkeys(e for t in mine for e in t.entries))
        documents = tuple(r for r in read if r.symbol == ticker)
        dismissed = len(
            store.evidence.passages(ticker, checkpoint_id or None, include_dismissed=True)
        )
        filed = any(r.source == SEC.name for r in documents)
        out.append(
            Searched(
                symbol=ticker,
                checkpoints=len(mine),
                entries=entries,
                read=documents,
                dismissed=dismissed,
                no_filing="" if filed else _filings_held_back(config, store, now),
            )
        )
    return out


def searched_text(s: Searched) -> str:
    """ "NVDA: no passage matches the 5 evidence entries of 2 checkpoints (NVLink Fusion ·
    Rubin ramp · …) in what was read: 14 filing documents (2025-02-26 to 2026-11-19), 40
    headlines (2026-10-01 to 2026-11-20)"; or nothing fetched yet to search in."""
    sought = (
        f"the {counted(len(s.entries), 'evidence entry', 'evidence entries')} of "
        f"{counted(s.checkpoints, 'checkpoint')} ("
        + " · ".join(printable(e) for e in s.entries[:ENTRIES_QUOTED])
        + (" · …" if len(s.entries) > ENTRIES_QUOTED else "")
        + ")"
    )
    if not s.read:
        text = (
            f"{s.symbol}: nothing fetched yet to search for {sought}: `catalyst refresh` reads "
            f"{s.symbol}'s filings, headlines and feeds"
        )
    else:
        kinds = ", ".join(_read_text(r) for r in s.read)
        found = "no passage matches"
        if s.dismissed:  # shown with --all
            dismissed = counted(s.dismissed, "passage you dismissed", "passages you dismissed")
            verb = "matches" if s.dismissed == 1 else "match"
            found = f"only {dismissed} (--all shows them) {verb}"
        text = f"{s.symbol}: {found} {sought} in what was read: {kinds}"
    if s.no_filing:
        text += f"; no filing of {s.symbol} read: {s.no_filing}"
    return text


def none_asked(symbol: str | None, checkpoint_id: str = "") -> str:
    """Why nothing is searched: no checkpoint (of `symbol`, or that one) has evidence entries."""
    which = "no checkpoint"
    if checkpoint_id:
        which = f"{symbol}/{checkpoint_id}"
    elif symbol:
        which = f"no checkpoint of {symbol}"
    has = "has no" if checkpoint_id else "has"
    return (
        f"{which} {has} evidence entries, so nothing is searched: give a checkpoint "
        'evidence = ["..."] (the words its news would say; docs/thesis.md, Evidence) and refresh'
    )


def _filings_held_back(config: Config, store: Store, now: dt.datetime) -> str:
    """Why SEC's filings are not read (no contact set, EDGAR refusing or failing: where it
    stands, views/health.py); "" when nothing holds them back."""
    health = store.providers.health().get(SEC.name)
    if config.providers.of(SEC).user_agent and (health is None or health.failing_since is None):
        return ""
    return sec_state(config, store, now)


def _read_text(r: SearchedIn) -> str:
    one, many = _KINDS.get(r.source, _HEADLINES)
    first, last = r.first.date().isoformat(), r.last.date().isoformat()
    return f"{counted(r.documents, one, many)} ({first if first == last else f'{first} to {last}'})"
