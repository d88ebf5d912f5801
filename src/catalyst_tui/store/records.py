"""The frozen records the store hands out: what a sync changed, fetch times, provider health,
tickers, watch rows, checkpoints, events, notices, the outbox, each channel's health, health,
price rows, filings, documents, evidence and the releases read first from a feed.
NamedTuples: the start-up path reads thousands of them (stored text becomes their values in
columns.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..market.models import NEW_YORK as _NEW_YORK
from ..market.models import EarningsDate, LastQuote

if TYPE_CHECKING:
    import datetime as dt

    from ..market.intraday import IntradayChart
    from ..market.sec.filings import Filing as Filing
    from ..reading.release.records import ReleaseFigures
    from ..thesis.conditions import Condition
    from ..thesis.judgement import Reason
    from ..thesis.kpis.awaiting import Awaiting
    from ..thesis.portfolio.positions import Position

# -- records -----------------------------------------------------------------------------------


class SyncReport(NamedTuple):
    """What a config sync changed."""

    tickers_added: int = 0
    tickers_updated: int = 0
    tickers_archived: int = 0
    checkpoints_added: int = 0
    checkpoints_updated: int = 0
    checkpoints_archived: int = 0
    lots_replaced: int = 0

    @property
    def changed(self) -> bool:
        return any(self)


class FetchState(NamedTuple):
    """When something remote (fundamentals, earnings, the CIK map) was last fetched, and how."""

    fetched_at: dt.datetime
    ok: bool
    detail: str


class ProviderHealth(NamedTuple):
    """How a provider has answered lately; `paused_until` set after it refused (429, a page)."""

    provider: str
    last_success: dt.datetime | None
    last_failure: dt.datetime | None
    failure: str
    paused_until: dt.datetime | None
    strikes: int  # refusals in a row

    @property
    def failing_since(self) -> dt.datetime | None:
        """When its last try failed, if nothing answered after it (None: it answers)."""
        failed, answered = self.last_failure, self.last_success
        return failed if failed is not None and (answered is None or failed > answered) else None


class TickerRecord(NamedTuple):
    symbol: str
    name: str
    group: str
    thesis: str
    archived: bool


class DueCheckpoint(NamedTuple):
    """A ticker's pending checkpoint with the earliest due date, with why it is still pending
    (its last evaluation's reason) and its condition."""

    checkpoint_id: str
    title: str
    due: dt.date
    reason: Reason | None = None
    condition: Condition | None = None


class WatchRecord(NamedTuple):
    """One active ticker as the watchlist reads it: its last quote, checkpoint counts,
    unacknowledged misses, next due, next earnings and its position (what is held, what it
    cost and was sold for; None without lots or sales)."""

    symbol: str
    name: str
    group: str
    last: LastQuote | None
    met: int
    missed: int
    pending: int
    flagged: int
    next_due: DueCheckpoint | None
    earnings: EarningsDate | None
    position: Position | None = None  # lots less sales, first-in first-out


class CheckpointRecord(NamedTuple):
    """A checkpoint as stored: its definition, status, last reason, and whether a miss of it is
    still unacknowledged."""

    symbol: str
    id: str
    title: str
    kind: str
    status: str
    manual: bool
    due: dt.date | None
    until: dt.date | None
    condition: Condition | None
    period_end: dt.date | None
    source: str
    notes: str
    manual_note: str
    reason: Reason
    evaluated_at: dt.datetime | None
    flagged: bool
    archived: bool = False
    written: dt.date | None = None  # the day its condition was last written (its share basis)
    evidence: tuple[str, ...] = ()  # its evidence entries, as in the file
    #: A kill criterion missed only by a KPI statement read from words you have not confirmed:
    #: that statement (its verdict is at risk, awaiting your word); None otherwise.
    awaiting: Awaiting | None = None

    @property
    def value(self) -> float | None:
        return self.reason.value


class EventRecord(NamedTuple):
    """One status change of a checkpoint, with its reason as it was then."""

    id: int
    ts: dt.datetime
    symbol: str
    checkpoint_id: str
    title: str
    kind: str
    from_status: str
    to_status: str
    condition: Condition | None
    reason: Reason
    manual: bool
    flagged: bool
    acked_at: dt.datetime | None
    archived: bool

    @property
    def value(self) -> float | None:
        return self.reason.value


class Notice(NamedTuple):
    """One outbox row to deliver: the event it announces and the checkpoint's due date; or the
    passage of new evidence; or a notice of its own (`title`, `body`)."""

    outbox_id: int
    attempts: int
    event: EventRecord | None
    due: dt.date | None
    evidence: EvidenceRecord | None = None
    title: str = ""
    body: str = ""
    kind: str = ""  # notify/alert_kinds.py's name for it; "" for a row written before kinds
    #: A kill criterion's miss that words alone made: the statement awaiting your word on it.
    awaiting: Awaiting | None = None


class OutboxRecord(NamedTuple):
    """One notification in the outbox: who claimed it and when, when it was sent and through
    which channels, how many deliveries tried it and the last failure."""

    id: int
    event_id: int | None
    created_at: dt.datetime
    claimed_by: str | None
    claimed_at: dt.datetime | None
    sent_at: dt.datetime | None
    channels: tuple[str, ...]
    attempts: int
    last_error: str


class ChannelHealth(NamedTuple):
    """How a channel is doing: its last delivery, its last failure (error and when) when it
    failed since, what waits to be retried and what was given up."""

    channel: str
    last_sent: dt.datetime | None
    last_error: str
    last_error_at: dt.datetime | None
    waiting: int
    given_up: int

    @property
    def failing(self) -> bool:
        """Its last attempt failed (after its last delivery)."""
        if self.last_error_at is None:
            return False
        return self.last_sent is None or self.last_error_at > self.last_sent


class Health(NamedTuple):
    """What the data is like: the newest quote fetch, fresh quotes by source, how many are
    stale, the failed fetches of fundamentals and earnings by kind, and when each provider's
    pause (after it refused) ends, past ones included: the reader knows the time."""

    last_refresh: dt.datetime | None
    sources: dict[str, int]
    stale: int
    failed: dict[str, int]
    paused_until: dict[str, dt.datetime] | None = None
    # Each provider whose last failure is newer than its last success: when, and why (the same
    # record `catalyst status` prints: store/providers.py).
    failing: dict[str, tuple[dt.datetime, str]] | None = None
    # Each notification channel beyond the desktop whose last attempt failed: when, and why
    # (redacted when it was recorded: store/channel_deliveries.py).
    alerts_failing: dict[str, tuple[dt.datetime, str]] | None = None


class PriceRow(NamedTuple):
    symbol: str
    day: dt.date
    open: float | None
    high: float | None
    low: float | None
    close: float
    volume: float | None
    source: str


class StoredIntraday(NamedTuple):
    """An intraday chart as stored, with when it was fetched."""

    chart: IntradayChart
    fetched_at: dt.datetime


# -- evidence ----------------------------------------------------------------------------------


class FilingRecord(NamedTuple):
    """A 10-K, 10-Q or 8-K of a ticker's company, as stored: the `filing` as SEC listed it (its
    items, addresses and what its documents can settle: market.sec_filings), `url` its index
    page, `read` 1 once its documents are stored, 0 before, -1 when they can't be had
    (`read_error` says why)."""

    symbol: str
    filing: Filing
    url: str
    read: int
    read_error: str

    # What names and dates it, read through to the filing.
    @property
    def accession(self) -> str:
        return self.filing.accession

    @property
    def form(self) -> str:
        return self.filing.form

    @property
    def accepted(self) -> dt.datetime:
        """The moment SEC accepted it, in New York."""
        return self.filing.accepted

    @property
    def ts(self) -> dt.datetime:
        """Where it stands among dated records (a timeline's): when SEC accepted it."""
        return self.filing.accepted

    @property
    def filed(self) -> dt.date:
        return self.filing.filed


class DocumentRecord(NamedTuple):
    """A filing document or a news headline whose text evidence is matched in."""

    id: int
    symbol: str
    source: str  # "sec" | "news"
    form: str  # "8-K EX-99.1", "10-Q", "news"
    title: str
    url: str
    published: dt.datetime

    @property
    def day(self) -> dt.date:
        """The day it was published: in New York for a filing (SEC's own calendar)."""
        if self.source == "sec":
            return self.published.astimezone(_NEW_YORK).date()
        return self.published.date()

    @property
    def label(self) -> str:
        """What it is and when: '8-K EX-99.1 2026-11-04', 'news 2026-11-05'."""
        return f"{self.form} {self.day.isoformat()}"


class EvidenceRecord(NamedTuple):
    """A passage (one sentence) of a document that matched an evidence entry of a checkpoint."""

    id: int
    symbol: str
    checkpoint_id: str
    checkpoint_title: str
    document: DocumentRecord
    entry: str
    passage: str
    start: int
    end: int
    found_at: dt.datetime
    dismissed: bool
    accepted_at: dt.datetime | None = None  # when you accepted it; None: not accepted
    accepted_stance: str = ""  # the stance it was accepted with (thesis/evidence/stance.py)

    @property
    def decision(self) -> str:
        """Your word on it: "accepted", "dismissed" or "" (none yet)."""
        if self.accepted_at is not None:
            return "accepted"
        return "dismissed" if self.dismissed else ""


class EvidenceTarget(NamedTuple):
    """A checkpoint with evidence entries, as matching reads it: the entries in the file, the
    moment they were last written, the entries its stored passages were found with, and the
    last document matched."""

    symbol: str
    checkpoint_id: str
    status: str
    entries: tuple[str, ...]
    since: dt.datetime | None
    matched: tuple[str, ...]
    through: int


class NewDocument(NamedTuple):
    """A document to store: its text (plain, as html_to_text made it) and where it is from.
    `key` is what makes it once per symbol and source: the URL of a filing document, the guid
    (else the link) of a headline."""

    source: str
    key: str
    accession: str | None
    form: str
    title: str
    url: str
    published: dt.datetime
    text: str


class Found(NamedTuple):
    """A passage matching found for a checkpoint, to record; `notify` when it is news."""

    document_id: int
    entry: str
    passage: str
    start: int
    end: int
    notify: bool


class FeedRelease(NamedTuple):
    """A results release read first from the company's feed: its page, quarter and figures."""

    symbol: str
    url: str
    published: dt.datetime
    period_end: dt.date
    quarter: ReleaseFigures
