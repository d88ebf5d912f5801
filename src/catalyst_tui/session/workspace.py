"""The config file and database one TUI session works on: what the screens read, the edits they
make (to the database and to catalysts.toml), and noticing when the file is edited outside or
the database replaced.

Reads go through `store`, the session's connection. Every write (a mark, an acknowledgement, an
edit, an outside edit's reload) goes through a connection of its own (`Store.for_a_save`) that
waits up to SAVE_PATIENCE_MS for another process's write lock, so the TUI can make it in a
worker thread while its loop goes on reading: a save waits there, never on the loop."""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import prefs
from ..config import Config, ConfigError, load_config
from ..jobs.evaluation import evaluate_checkpoints, record_verdicts, user_zone
from ..market.registry import SEC
from ..store import Store, StoreError
from ..text import counted
from ..views.watchlist import Watchlist, load_watchlist
from .database_watch import DatabaseWatch
from .file_edits import EditOutcome, FileEdits, config_write

if TYPE_CHECKING:
    from pathlib import Path

    from ..store.records import CheckpointRecord, EvidenceRecord
    from ..thesis.goalposts import Move
    from ..thesis.judgement import Evaluation
    from ..thesis.kpis.statements import StatedKpi
    from ..views.changes import Change
    from ..views.intraday import IntradayPage
    from ..views.performance import PerformanceReport
    from ..views.replay import TickerReplay
    from ..views.ticker import TickerDetail
    from ..views.timeline import TimelineEntry

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]

# How long a save waits for another process's lock on the database or catalysts.toml: then
# it is refused, and says so.
SAVE_PATIENCE_MS = 60_000


class Reload(NamedTuple):
    """An outside edit of catalysts.toml: the new config, or the located errors (the last
    good config stays in use)."""

    config: Config | None
    error: ConfigError | None
    added: tuple[str, ...] = ()  # tickers the edit added: fetched at once, as with `a`


class Workspace(FileEdits, DatabaseWatch):
    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        clock: Clock | None = None,
        zone: dt.tzinfo | None = None,
        prefs_path: Path | None = None,
    ) -> None:
        """`prefs_path`: where the TUI's sort and theme are remembered (prefs.py); None keeps
        them for the session only (tests, screenshots)."""
        self.config = config
        self.store = store
        self._prefs_path = prefs_path
        self._prefs = prefs.load(prefs_path) if prefs_path else prefs.Prefs()
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._zone = zone  # fixed data and screenshots pin the zone; users get user_zone()
        self._signature = _file_signature(config.path)
        self._edits = threading.Lock()  # one edit or reload of catalysts.toml at a time
        self.watch_database(store)
        self.latest: Watchlist | None = None  # the last watchlist read, which pages build on

    # -- what the TUI remembers ------------------------------------------------------------
    def prefs(self) -> prefs.Prefs:
        return self._prefs

    def remember(self, **changes: Any) -> None:
        """Keep a changed preference (sort=, reverse=, theme=) for the next run."""
        updated = self._prefs._replace(**changes)
        if updated != self._prefs:
            self._prefs = updated
            if self._prefs_path is not None:
                prefs.save(self._prefs_path, updated)

    def changes_unseen(self) -> tuple[dt.datetime | None, list[Change]]:
        """When the user last looked (prefs.py) and every change since (views/changes.py);
        (None, []) when the TUI never showed the watchlist before: nothing to compare with."""
        seen = self._prefs.seen_at(self.config.path)
        if seen is None:
            return None, []
        from ..views.changes import after_look, load_changes

        return seen, load_changes(self.store, after_look(seen))

    def seen_now(self) -> None:
        """Remember this moment as when the user last looked at this file's portfolio."""
        if self.config.path is not None:  # a config of no file has no last look to keep
            self.remember(seen=self._prefs.looked(self.config.path, self.now()).seen)

    # -- time ----------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.now().astimezone(self.zone).date()

    @property
    def sec_contact(self) -> str | None:
        """The contact SEC EDGAR is asked as (providers.sec.user_agent); None: not set."""
        return self.config.providers.of(SEC).user_agent

    @property
    def zone(self) -> dt.tzinfo:
        return self._zone or user_zone(self.config)

    # -- reading -------------------------------------------------------------------------
    def watchlist(self) -> Watchlist:
        self.latest = load_watchlist(
            self.store, self.today(), currency=self.config.settings.currency
        )
        return self.latest

    def watchlist_in_thread(self) -> Watchlist:
        """The same, for a worker thread: read on a connection of its own (a connection is
        never shared between threads)."""
        with Store.open(self.store.path) as store:
            self.latest = load_watchlist(
                store, self.today(), currency=self.config.settings.currency
            )
        return self.latest

    def replay_in_thread(self, symbol: str) -> TickerReplay | None:
        """The replay of `symbol`'s thesis over every stored close (views/replay.py), for a
        worker thread: read on a connection of its own. None: no such ticker in the file."""
        from ..views.replay import load_replay  # with the first replay: its modules are not small

        with Store.open(self.store.path) as store:
            found = load_replay(store, self.config, symbol)
        return found[0] if found else None

    def ticker(self, symbol: str) -> TickerDetail | None:
        """One ticker's page, on the last watchlist read (screens reload after it)."""
        from ..views.ticker import load_ticker

        return load_ticker(
            self.store,
            symbol,
            self.now(),
            self.today(),
            sec_configured=bool(self.sec_contact),
            watchlist=self.latest,
            currency=self.config.settings.currency,
        )

    def kill_loosened(self, symbol: str, checkpoint_id: str, kill: bool) -> Move | None:
        """A move of the checkpoint's last edit without a note since that loosened a kill
        criterion (`kill`: it was one before the edit): the TUI asks for a note then."""
        found = [m for m in self.store.journal.moves(symbol) if m.checkpoint == checkpoint_id]
        last = [m for m in found if m.at == found[-1].at] if found else []
        loosened = [m for m in last if m.loosened and not m.noted]
        return next((m for m in loosened if kill or m.field == "kill"), None)

    def performance(self) -> PerformanceReport:
        """Each position's, group's and the portfolio's returns against their benchmarks, as
        `catalyst performance` gives them (views/performance.py)."""
        from ..views.performance import load_performance

        return load_performance(self.store, self.config.settings.currency, self.today())

    def intraday(self, symbol: str, span: str) -> IntradayPage:
        """The intraday chart of `symbol` over `span` as stored, and whether it is due."""
        from ..views.intraday import intraday_page

        return intraday_page(self.store, symbol, span, self.now())

    def intraday_in_thread(self, symbol: str, span: str) -> IntradayPage:
        """Fetch the intraday chart (jobs/intraday.py), for a worker thread: on a connection
        and an event loop of its own. The page after it, with why it failed if it did."""
        import asyncio

        from ..jobs.intraday import fetch_intraday_chart  # the HTTP stack: with the first chart

        with Store.open(self.store.path) as store:
            fetched = asyncio.run(
                fetch_intraday_chart(self.config, store, symbol, span, now=self.clock)
            )
        from ..views.intraday import page_of

        return page_of(symbol, span, fetched.stored, False, fetched.error)

    def checkpoint(self, symbol: str, checkpoint_id: str) -> CheckpointRecord | None:
        """One active checkpoint of a ticker in the file, as its page shows it (without
        reading the rest of the page: prices, fundamentals, evidence)."""
        if symbol not in self.config.tickers:
            return None
        found = self.store.views.checkpoints(symbol)
        return next((c for c in found if c.id == checkpoint_id), None)

    def timeline(self, *, limit: int = 1000) -> list[TimelineEntry]:
        """Every status change and every split, newest first."""
        from ..views.timeline import load_timeline

        return load_timeline(self.store, limit=limit)

    def passage_in_context(self, record: EvidenceRecord) -> tuple[str, str, str]:
        """The sentences before a passage, the passage, the sentences after (its document's
        stored text)."""
        text = self.store.evidence.text(record.document.id)
        if not text:
            return "", record.passage, ""
        from ..thesis.evidence.passages import context

        return context(text, record.start, record.end)

    def dismiss_passage(self, record: EvidenceRecord, *, undo: bool = False) -> bool:
        """Not shown again; `undo`: shown again, undecided (the TUI's u)."""
        return self._decide(record, "reset" if undo else "dismiss")

    def accept_passage(self, record: EvidenceRecord) -> bool:
        """Accepted with its stance (the TUI's y); one accepted already: taken back."""
        return self._decide(record, "reset" if record.decision == "accepted" else "accept")

    def _decide(self, record: EvidenceRecord, word: str) -> bool:
        """Your word on a passage kept, and the verdicts it changes recorded (yours: not
        notified)."""
        with self._saving() as store:
            now = self.now()
            changed = store.evidence.decide(record.id, word, now)
            record_verdicts(self.config, store, now, by_hand=True)
        return changed

    def decide_kpi(self, stated: StatedKpi, word: str) -> bool:
        """Your word on a KPI statement read from words (the TUI's y, d, u: "accept", "dismiss",
        "reset"), the checkpoints judged again (a dismissed statement judges nothing) and the
        verdicts it changes recorded (yours: not notified)."""
        with self._saving() as store:
            now = self.now()
            changed = store.kpis.decide(stated.kpi_id, word, now)
            evaluate_checkpoints(self.config, store, now, by_hand=True)
        return changed

    def symbols(self) -> list[str]:
        return list(self.config.tickers)

    def checkpoint_ids(self, symbol: str) -> list[str]:
        ticker = self.config.tickers.get(symbol)
        return [c.id for c in ticker.checkpoints] if ticker else []

    # -- database-only actions -------------------------------------------------------------
    @contextmanager
    def _saving(self) -> Iterator[Store]:
        """The connection one save writes through (StoreError: refused, the message says why)."""
        with Store.for_a_save(self.store.path, patience_ms=SAVE_PATIENCE_MS) as store:
            yield store

    def evaluate(self) -> list[Evaluation]:
        """Evaluate on stored data now (after an edit), without waiting for a refresh."""
        with self._saving() as store:
            return evaluate_checkpoints(self.config, store, self.now())

    def mark(self, symbol: str, checkpoint_id: str, status: str, note: str) -> str:
        with self._saving() as store:
            now = self.now()
            if not store.checkpoints.mark(symbol, checkpoint_id, status, note.strip(), now):
                return f"{symbol}/{checkpoint_id} is not an active checkpoint"
            record_verdicts(self.config, store, now, by_hand=True)  # yours: not notified
            evaluate_checkpoints(self.config, store, now)  # a reopened one is evaluated at once
        from ..thesis.wording import marked_text

        return f"{symbol}/{checkpoint_id} {marked_text(status)}"

    def note(self, symbol: str, text: str, action: str = "", conviction: str = "") -> str | None:
        """Keep a note in the ticker's journal; why not, in one sentence, when it cannot be."""
        from ..thesis.journal import note_error

        error = note_error(text, action, conviction)
        if error is None:
            self.store.journal.add(symbol, text, self.now(), action=action, conviction=conviction)
        return error

    def flagged(self, symbol: str | None = None) -> list[tuple[str, str]]:
        """(symbol, id) of the checkpoints with an unacknowledged miss (of one symbol)."""
        found = self.store.views.flagged()
        return sorted(t for t in found if symbol is None or t[0] == symbol)

    def acknowledge(self, targets: list[tuple[str, str]] | None) -> int:
        with self._saving() as store:
            return store.checkpoints.acknowledge(targets, self.now())

    # -- edits of catalysts.toml -----------------------------------------------------------
    def field_errors(self, form: str, fields: dict[str, str], **context: Any) -> dict[str, str]:
        errors: dict[str, str] = config_write().field_errors(form, fields, **context)
        return errors

    def edit(self, change: Callable[[str], str], done: str) -> EditOutcome:
        """Apply `change` to the current file text, validated; the database follows the new
        config even when the file cannot be written. Raises ConfigError (nothing changed)."""
        path = self.config.path
        assert path is not None, "a loaded config always has its path"
        with self._edits:  # the file's lock is waited for here, in the caller's thread
            result = config_write().apply_edit(path, change, wait=SAVE_PATIENCE_MS / 1000)
            try:
                self._follow(result.config)
            except StoreError as exc:
                if not result.written:
                    raise
                # The file has it: the next check_file reads it again into the database.
                return EditOutcome(
                    f"{done}; {result.message}; the database follows once "
                    f"it can be written ({exc})",
                    False,
                )
            self._signature = _file_signature(path)
        if result.written:
            return EditOutcome(f"{done}; {result.message}", True)
        return EditOutcome(f"{done} in the database only: {result.message}", False)

    # -- outside edits -----------------------------------------------------------------------
    def file_changed(self) -> bool:
        """Whether catalysts.toml differs from the version in use (one stat: for the loop)."""
        return _file_signature(self.config.path) != self._signature

    def check_file(self) -> Reload | None:
        """None while catalysts.toml is unchanged; else the reloaded config (already synced
        into the database) or its errors. A reload the database refuses (StoreError) is tried
        again by the next call."""
        with self._edits:
            path = self.config.path
            signature = _file_signature(path)
            if path is None or signature == self._signature:
                return None
            try:
                config = load_config(path)
            except ConfigError as exc:
                self._signature = signature
                log.info(
                    "outside edit of %s is invalid: %s", path, counted(len(exc.issues), "issue")
                )
                return Reload(None, exc)
            added = tuple(sorted(set(config.tickers) - set(self.config.tickers)))
            self._follow(config)
            self._signature = signature
        log.info("reloaded %s after an outside edit", path)
        return Reload(config, None, added)

    def _follow(self, config: Config) -> None:
        """The database follows `config` (synced, evaluated, evidence matched again), then the
        session works on it; StoreError leaves the config in use as it was."""
        with self._saving() as store:
            now = self.now()
            store.sync.apply(config, now)
            from ..jobs.evidence_match import match_evidence
            from ..jobs.kpi_reading import read_kpis_of

            read_kpis_of(store, now)  # another product named: its documents read again
            evaluate_checkpoints(config, store, now)
            match_evidence(store, config, now)  # changed entries: match again
        self.config = config


def _file_signature(path: Path | None) -> tuple[int, int, int] | None:
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)
