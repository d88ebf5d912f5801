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
- **From the company's feed first.** The fast watch (jobs/watch.py) and the refresh hand over
  the results releases an awaited company's own feeds list: jobs/feed_releases.py reads the
  awaited quarter's release of that company from its page and alerts it at once, stored keyed
  by the page's address (store.results `save_feed_release`: no SEC accession is made up). The
  8-K's release that follows (`store_release`) is read, checked and learned from as ever, and
  sends no second notice of that quarter; a headline figure (HEADLINE) that reads otherwise
  than the page's in a notice's words sends a `correction`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..market.models import NEW_YORK, FetchError, FormatError
from ..notify.notification import strip_controls
from ..notify.wording import results_notification
from ..reading.moments import CLOSE
from ..reading.release.records import NotRead, Place, ReleaseFigures, ReleaseResults, nothing
from ..thesis.reported.results import Release, check, fiscal_label, guided
from ..thesis.reported.street import frozen_for
from ..thesis.wording import money
from .release_reader import ReaderFailed, ReadTimedOut, ReleaseReader

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ..market.http.client import MarketClient
    from ..market.provider import FilingsSource
    from ..store import Store
    from ..store.records import FeedRelease, FilingRecord

log = logging.getLogger(__name__)

READ_PER_REFRESH = 20
POLL_EVERY = dt.timedelta(minutes=15)
AWAIT_FOR = dt.timedelta(days=7)  # a date that was wrong is not polled for ever
EARLY = dt.timedelta(days=3)  # results filed this long before the date are that date's
# A release is news this long after its 8-K: the year of them a first refresh finds is quiet.
NOTIFY_WITHIN = dt.timedelta(days=4)
# The figures a results notice states, and a correction compares (by their words in it).
HEADLINE = {
    "revenue": "revenue",
    "net_income": "net income",
    "eps_diluted": "EPS",
    "eps_nongaap": "non-GAAP EPS",
}


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
        async with ReleaseReader() as reader:  # one child reads them in turn
            for record in unread[:READ_PER_REFRESH]:
                await self._tried(edgar, record, reader)
        if len(unread) > READ_PER_REFRESH:
            self.notes.append(
                f"releases: {len(unread) - READ_PER_REFRESH} older ones read at the next refreshes"
            )

    async def _tried(
        self, edgar: FilingsSource, record: FilingRecord, reader: ReleaseReader
    ) -> None:
        try:
            await self._one(edgar, record, reader)
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

    async def _one(self, edgar: FilingsSource, record: FilingRecord, reader: ReleaseReader) -> None:
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
            results = await reader.read(body, record.filed, layout=layout)
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
    [settings] notify) and it is news (its 8-K at most NOTIFY_WITHIN old). When the company's
    feed gave the quarter's release first (`read_feed_releases`), its notice went then: no
    second one, but a correction when a headline figure differs (`correction`). False when it
    was stored already. The refresh's door, and a replay's (`catalyst demo`)."""
    symbol = record.symbol
    notice = None
    end = results.period_end
    if notify and results.found and end is not None and now - record.accepted <= NOTIFY_WITHIN:
        release = Release(symbol, record.accession, url, record.filed, record.accepted, results)
        label = fiscal_label(end, store.results.fiscal_year_ends(symbol))
        early = store.results.feed_release(symbol, end)
        if early is None:
            notice = results_notice(store, release, label)
        else:
            notice = correction(symbol, label, early, results.quarter, url)
    stored = store.results.save(symbol, record, url, results, now, notice=notice)
    if stored and results.places:
        store.layouts.save_places(symbol, record.accession, results.places)
    return stored


def results_notice(store: Store, release: Release, label: str | None) -> tuple[str, str]:
    """The results notice of `release` (notify/wording.py `results_notification`): against the
    guide the release before gave and the Street's consensus frozen before it."""
    releases = store.results.of_symbols([release.symbol]).get(release.symbol, [])
    end = release.period_end
    before = guided(releases, end) if end is not None else None
    frozen = frozen_for(store.estimates.of(release.symbol), release)  # the Street's, before it
    said = results_notification(
        release, label, before.quarter_guide() if before is not None else None, frozen
    )
    return said.title, said.body


def differing(early: ReleaseFigures, filed: ReleaseFigures) -> list[tuple[str, str, str]]:
    """The headline figures (HEADLINE) the 8-K's release states otherwise than the company's
    page did, as a notice writes them (money as $412.3M, EPS to the cent): (figure, the page's,
    the 8-K's). A figure one of them leaves unstated is no difference; one that reads alike in
    those words is none either (a page's $412.3 million against the table's 412,345 thousand)."""
    out = []
    for name in HEADLINE:
        page, sec = getattr(early, name), getattr(filed, name)
        if page is None or sec is None:
            continue
        said = (
            (f"{page:.2f}", f"{sec:.2f}") if name.startswith("eps") else (money(page), money(sec))
        )
        if said[0] != said[1]:
            out.append((HEADLINE[name], *said))
    return out


def correction(
    symbol: str, label: str | None, early: FeedRelease, filed: ReleaseFigures, url: str
) -> tuple[str, str] | None:
    """The correction of a results notice sent from the company's page (`early`) when its 8-K
    states a headline figure otherwise: 'ALAB results corrected: Q3 FY26' / 'revenue $402.3M
    on the company's page, $412.3M in the 8-K', then the 8-K's release on a line of its own;
    None when nothing differs. Its words are here, not in notify/wording.py, while that module
    is another change's."""
    changed = differing(early.quarter, filed)
    if not changed:
        return None
    said = " · ".join(
        f"{name} {page} on the company's page, {sec} in the 8-K" for name, page, sec in changed
    )
    link = strip_controls(url)
    tail = f"\n{link}" if link.startswith(("https://", "http://")) and " " not in link else ""
    named = label or f"quarter ended {early.period_end}"
    return f"{symbol} results corrected: {named}", said + tail


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
