"""Earnings releases in a refresh: the EX-99.1 of every 8-K with item 2.02 of a ticker with a
CIK, read once (reading/release/reader.py) and stored with its notification; and the release
evening's rule for asking SEC for a company's filings.

- **Reading.** After the filings are stored, each 8-K with results whose release is not stored
  yet: its filing index, then its EX-99.1 (the first EX-99 when none is numbered .1), read in a
  child process stopped after READ_LIMIT (jobs/release_reader.py: a document that runs out of
  time counts as a failed fetch), and notified (when `notify` has "results") if its 8-K is at
  most NOTIFY_WITHIN old.
  A release that gives nothing is stored with its reason, so it is not fetched again; a
  fetch that fails is tried at the next refresh, three times. The newest first, at most
  READ_PER_REFRESH a refresh (a first refresh of a big watchlist finds a year of them). What is
  fetched is kept for the evidence documents of the same refresh (`fetched`): fetched once.
- **Learning.** A company's release confirmed by XBRL teaches where its figures stand (the
  places it was read from, `learn_layout`): its next release is read with them, and a figure
  the structure reads elsewhere than they say is left out (reading/release/layout.py).
- **Awaiting.** From 16:00 New York on a company's stored earnings date (the next one, or the
  last one that came: the calendar may move on to the next quarter before the 8-K is in) until
  an 8-K with item 2.02 accepted since three days before that date is stored (for at most
  AWAIT_FOR), its
  submissions are asked every POLL_EVERY: by the refresh itself (jobs/evidence.py), so a
  `catalyst refresh` run by cron every minute asks no more often, and the scheduler keeps its
  cycles at least that frequent while a company is awaited (jobs/scheduler.py).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..market.models import NEW_YORK, FetchError, FormatError
from ..notify.wording import results_notification
from ..reading.moments import CLOSE
from ..reading.release.records import NotRead, Place, ReleaseResults, nothing
from ..thesis.reported.results import Release, check, fiscal_label, guided
from ..thesis.reported.street import frozen_for
from .release_reader import ReaderFailed, ReadTimedOut, read_in_child

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..market.http.client import MarketClient
    from ..market.provider import FilingsSource
    from ..store import Store
    from ..store.records import FilingRecord

log = logging.getLogger(__name__)

READ_PER_REFRESH = 20
POLL_EVERY = dt.timedelta(minutes=15)
AWAIT_FOR = dt.timedelta(days=7)  # a date that was wrong is not polled for ever
EARLY = dt.timedelta(days=3)  # results filed this long before the date are that date's
# A release is news this long after its 8-K: the year of them a first refresh finds is quiet.
NOTIFY_WITHIN = dt.timedelta(days=4)


def awaited(store: Store, symbols: Iterable[str], now: dt.datetime) -> list[str]:
    """The symbols whose results are awaited at `now` (the module docstring's rule)."""
    wanted = list(symbols)
    dates = store.results.earnings_dates(wanted)
    if not dates:
        return []
    last = store.results.last_results_filed(dates)
    found = []
    for symbol in wanted:
        filed = last.get(symbol)
        for day in dates.get(symbol, ()):
            close = dt.datetime.combine(day, CLOSE, NEW_YORK)
            if not close <= now < close + AWAIT_FOR:
                continue
            if filed is None or filed.astimezone(NEW_YORK).date() < day - EARLY:
                found.append(symbol)
                break
    return found


@dataclass
class ReleaseReading:
    """One refresh's reading of releases; notes for people go to `notes`, the bodies fetched to
    `fetched` (by URL) for the evidence documents that want the same exhibits."""

    store: Store
    client: MarketClient
    clock: Callable[[], dt.datetime]
    notes: list[str]
    notify: bool  # "results" is in [settings] notify
    fetched: dict[str, bytes] = field(default_factory=dict)

    async def run(self, edgar: FilingsSource, symbols: list[str]) -> None:
        unread = self.store.results.unread(symbols)
        for record in unread[:READ_PER_REFRESH]:
            try:
                await self._one(edgar, record)
            except Exception as error:  # that release's failure alone, never the refresh's
                expected = isinstance(error, FetchError | FormatError)
                why = str(error) if expected else f"{type(error).__name__}: {error}"
                url = record.filing.index_url(edgar.archives_url)
                self.store.results.failed(record.symbol, record, url, why, self.clock())
                log.log(
                    logging.INFO if expected else logging.WARNING,
                    "release of %s %s: %s",
                    record.symbol,
                    record.accession,
                    why,
                    exc_info=not expected,
                )
        if len(unread) > READ_PER_REFRESH:
            self.notes.append(
                f"releases: {len(unread) - READ_PER_REFRESH} older ones read at the next refreshes"
            )

    async def _one(self, edgar: FilingsSource, record: FilingRecord) -> None:
        filing, archives = record.filing, edgar.archives_url
        index_url = filing.index_url(archives)
        page = await edgar.fetch_archive(self.client, index_url, filing.cik)
        self.fetched[index_url] = page
        index = edgar.read_index(page)
        if index.accepted is not None:  # New York's clock, where the submissions' may not be
            record = record._replace(filing=filing._replace(accepted=index.accepted))
        chosen = index.release
        if chosen is None:
            self._save(record, index_url, nothing(NotRead.NO_EXHIBIT))
            return
        url = filing.document_url(archives, chosen.name)
        body = await edgar.fetch_archive(self.client, url, filing.cik)
        self.fetched[url] = body
        layout = learn_layout(self.store, record.symbol, self.clock())
        try:
            results = await read_in_child(body, record.filed, layout=layout)
        except (ReadTimedOut, ReaderFailed) as error:  # as a failed fetch: three times at most
            self.store.results.failed(record.symbol, record, url, str(error), self.clock())
            log.info("release of %s %s: %s", record.symbol, record.accession, error)
            return
        self._save(record, url, results)

    def _save(self, record: FilingRecord, url: str, results: ReleaseResults) -> None:
        stored = store_release(self.store, record, url, results, self.clock(), notify=self.notify)
        if stored and results.found:
            self.notes.append(f"{record.symbol}: results read from the release of {record.filed}")


def store_release(
    store: Store,
    record: FilingRecord,
    url: str,
    results: ReleaseResults,
    now: dt.datetime,
    *,
    notify: bool,
) -> bool:
    """Store what was read from the exhibit at `url` of the 8-K `record` (stored before with
    store.evidence.save_filings), once; with its notification when `notify` ("results" in
    [settings] notify) and it is news (its 8-K at most NOTIFY_WITHIN old). False when it was
    stored already. The refresh's door, and a replay's (`catalyst demo`)."""
    symbol = record.symbol
    notice = None
    if notify and results.found and now - record.accepted <= NOTIFY_WITHIN:
        releases = store.results.of_symbols([symbol]).get(symbol, [])
        end = results.period_end
        before = guided(releases, end) if end is not None else None
        label = fiscal_label(end, store.results.fiscal_year_ends(symbol)) if end else None
        release = Release(symbol, record.accession, url, record.filed, record.accepted, results)
        frozen = frozen_for(store.estimates.of(symbol), release)  # the Street's, before it
        said = results_notification(
            release, label, before.quarter_guide() if before is not None else None, frozen
        )
        notice = (said.title, said.body)
    stored = store.results.save(symbol, record, url, results, now, notice=notice)
    if stored and results.places:
        store.layouts.save_places(symbol, record.accession, results.places)
    return stored


def learn_layout(store: Store, symbol: str, now: dt.datetime) -> tuple[Place, ...]:
    """`symbol`'s layout for its next release: the places its newest stored release confirmed
    by XBRL (thesis.results.check: revenue, net income and diluted EPS equal, nothing
    differing) read its figures from, kept (store.layouts) once learned; none before."""
    releases = store.results.of_symbols([symbol]).get(symbol, [])
    facts = store.results.filed_facts(symbol).of(symbol)
    for release in sorted(releases, key=lambda r: (r.filed, r.accession), reverse=True):
        if not release.results.found or not check(release, facts).confirmed:
            continue
        if store.layouts.learned_from(symbol) != release.accession:
            places = store.layouts.places(symbol, release.accession)
            if places:
                store.layouts.learn(symbol, release.accession, places, now)
        break
    return store.layouts.layout(symbol)
