"""The timeline as the screens show it: every checkpoint event, change of a thesis's verdict, note
of its journal, stock split and SEC filing, newest first. A split names the per-share thresholds
written before it (compared on the basis they were written in) and what they read on today's basis,
for the user to rewrite them in the file. Plain data, no textual and no SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar

from ..store.records import CheckpointRecord, EventRecord, FilingRecord
from ..store.verdicts import VerdictEvent
from ..thesis.catalogue import METRICS
from ..thesis.conditions import rebased
from ..thesis.kinds import status_word
from ..thesis.portfolio.positions import split_factor
from ..thesis.verdict import first_reason

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..market.models import Split
    from ..store import Store
    from ..thesis.journal import JournalEntry

__all__ = [
    "ChartMark",
    "chart_marks",
    "FilingEntry",
    "NoteEntry",
    "Rewrite",
    "SplitEntry",
    "TimelineEntry",
    "VerdictEntry",
    "flagged_targets",
    "load_timeline",
    "rewrites",
]


class Rewrite(NamedTuple):
    """A per-share condition written before a split, and the same bar on today's basis."""

    symbol: str
    checkpoint_id: str
    old: str
    new: str


class SplitEntry(NamedTuple):
    split: Split
    rewrites: list[Rewrite]  # the symbol's thresholds still written on a basis before it

    @property
    def ts(self) -> dt.datetime:
        """Where it sorts among events: the start of its day."""
        return dt.datetime.combine(self.split.day, dt.time(), dt.UTC)

    @property
    def symbol(self) -> str:
        return self.split.symbol

    @property
    def text(self) -> str:
        return f"{self.split.symbol} split {self.split.text} on {self.split.day.isoformat()}"


class _Dated(Protocol):
    @property
    def ts(self) -> dt.datetime: ...
    @property
    def symbol(self) -> str: ...


_T = TypeVar("_T", bound=_Dated)


@dataclass(frozen=True, slots=True)
class _Entry(Generic[_T]):
    """A stored record the timeline shows as it is: it sorts by its moment, under its symbol."""

    record: _T

    @property
    def ts(self) -> dt.datetime:
        return self.record.ts

    @property
    def symbol(self) -> str:
        return self.record.symbol


@dataclass(frozen=True, slots=True)
class FilingEntry(_Entry[FilingRecord]):
    """An SEC filing, its items named ('2.02 Results of Operations and Financial Condition', or
    "")."""

    items: str

    @classmethod
    def of(cls, record: FilingRecord) -> FilingEntry:
        """The entry of a stored filing, its items named but for 9.01 (the exhibits: in every
        8-K)."""
        named = record.filing._replace(items=tuple(i for i in record.filing.items if i != "9.01"))
        return cls(record, named.item_text)

    @property
    def filing(self) -> FilingRecord:
        return self.record

    @property
    def text(self) -> str:
        """'ALAB 8-K · 2.02 Results of Operations and Financial Condition'."""
        named = f" · {self.items}" if self.items else ""
        return f"{self.filing.symbol} {self.filing.form}{named}"


class VerdictEntry(_Entry[VerdictEvent]):
    """A change of a ticker's verdict, with the reasons it had then."""

    __slots__ = ()

    @property
    def event(self) -> VerdictEvent:
        return self.record

    @property
    def text(self) -> str:
        """'ALAB verdict intact → at risk'."""
        return f"{self.event.symbol} verdict {self.event.previous} → {self.event.verdict}"

    @property
    def reason(self) -> str:
        """Its first reason, or what the verdict was when it gives none ("nothing judged: ...")."""
        return first_reason(self.event.verdict, self.event.reasons)


class NoteEntry(_Entry["JournalEntry"]):
    """A note of the thesis journal."""

    __slots__ = ()

    @property
    def note(self) -> JournalEntry:
        return self.record


TimelineEntry = EventRecord | SplitEntry | FilingEntry | VerdictEntry | NoteEntry


def rewrites(
    checkpoints: list[CheckpointRecord], splits: list[Split], *, before: dt.date | None = None
) -> list[Rewrite]:
    """The per-share conditions among `checkpoints` written before a split of `splits` (the
    symbol's, oldest first; only before the day `before` when given), each with its text on
    today's basis."""
    found = []
    for c in checkpoints:
        if c.condition is None or c.written is None or not METRICS[c.condition.metric].per_share:
            continue
        if before is not None and c.written >= before:
            continue
        factor = split_factor(splits, c.written)
        if factor != 1:
            found.append(Rewrite(c.symbol, c.id, c.condition.text, rebased(c.condition, factor)))
    return found


def load_timeline(store: Store, *, limit: int = 1000) -> list[TimelineEntry]:
    """Events, changes of verdict, journal notes, splits and filings, newest first (a split
    sorts at the start of its day)."""
    entries: list[TimelineEntry] = list(store.views.events(limit=limit))
    by_symbol = store.market.splits()
    if by_symbol:
        checkpoints = store.views.checkpoints()
        for symbol, splits in by_symbol.items():
            mine = [c for c in checkpoints if c.symbol == symbol]
            entries.extend(SplitEntry(s, rewrites(mine, splits, before=s.day)) for s in splits)
    filings = store.evidence.filings(limit=limit)
    entries.extend(FilingEntry.of(f) for f in filings)
    verdicts = store.verdicts.events(limit=limit)
    entries.extend(VerdictEntry(v) for v in verdicts)
    notes = store.journal.entries(limit=limit)
    entries.extend(NoteEntry(n) for n in notes)
    if by_symbol or filings or verdicts or notes:
        entries.sort(key=lambda e: e.ts, reverse=True)
    return entries[:limit] if limit >= 0 else entries


class ChartMark(NamedTuple):
    """A timeline event as a price chart marks it: its day and what happened in a few words."""

    day: dt.date
    text: str


CHART_FORMS = ("10-K", "10-Q")  # the filings a chart marks (an 8-K is too frequent to say much)


def chart_marks(store: Store, symbol: str, since: dt.date) -> list[ChartMark]:
    """`symbol`'s checkpoint events and 10-K and 10-Q filings from `since`, oldest first: what
    the ticker page's chart and `catalyst report`'s mark on the price line."""
    marks = [
        ChartMark(e.ts.date(), f"{e.title}: {status_word(e.kind, e.to_status)}")
        for e in store.views.events(symbol=symbol, limit=-1)
        if e.ts.date() >= since
    ]
    marks += [
        ChartMark(f.accepted.date(), FilingEntry.of(f).text)
        for f in store.evidence.filings(symbol, limit=-1)
        if f.form in CHART_FORMS and f.accepted.date() >= since
    ]
    return sorted(marks)


def flagged_targets(entries: Iterable[TimelineEntry]) -> list[tuple[str, str]]:
    """(symbol, id) of the active checkpoints with an unacknowledged miss among `entries`: what
    "flagged" counts everywhere (store.views.flagged, `catalyst check`)."""
    return list(
        dict.fromkeys(
            (e.symbol, e.checkpoint_id)
            for e in entries
            if isinstance(e, EventRecord) and e.flagged and not e.archived
        )
    )
