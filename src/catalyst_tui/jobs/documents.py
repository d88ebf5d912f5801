"""Documents the user brings (`catalyst evidence add SYMBOL PATH|URL`, the Evidence pane's `a`):
an earnings call's transcript, an investor-day deck, a press release saved from a site.

- **Read**: a regular file (at most MAX_FILE; opened without blocking, a pipe, a device or a
  folder refused before any read) or an http(s) URL, fetched through the shared client as
  a feed's page is (the feeds provider's bounds: 20 s, 8 MiB). A PDF (`%PDF-` at its start)
  is read by pypdf in a child process stopped at its time limit (jobs/pdf_reader.py); HTML
  and plain text become text as filings do (reading/documents.py). A file named .pdf that is
  not one, binary data, or a document without text is a DocumentProblem: one sentence, and
  nothing stored.
- **Read before it is stored**: its text is read as the matching and the KPI reading read it,
  in a child stopped at its limit (jobs/text_reader.py, 10 s); one that cannot be read in time
  is a DocumentProblem ("reading it took longer than 10 s: stopped; it is not stored"), so no
  later command reads it again.
- **Stored** as a document of source "document", with the absolute path or the URL as its
  link, `day` (`--date`), else the day it states (a filing's acceptance, a release's dateline:
  reading/documents.py `document_day`), else today, as its date; its bullet marks taken off and
  a highlight its body says again in full left out (`brought_text`); `title` (else the file's
  name), and its kind (PDF, HTML, text) as its form; keyed by where it is and what it says, so
  the same document added twice is stored once, and a changed file is a new document.
- **Matched** against the ticker's evidence entries like a filing (jobs/evidence_match.py):
  its passages are the caller's to show, never notified; a mark made from one keeps the path
  or the URL in its note, as any passage's link.
- **Read for KPIs** where a condition of its ticker names one (jobs/kpi_reading.py); a KPI it
  states judges the checkpoints at once, as `catalyst check` does, so the value is shown by
  `review` and `report` without waiting for the next refresh.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, NamedTuple, ParamSpec, TypeVar
from urllib.parse import unquote, urlsplit

from ..market.models import FetchError
from ..paths import NotAFile, TooLarge, read_file
from ..reading.documents import brought_text, document_day, html_to_text, is_html, is_pdf
from ..store import Store
from ..store.records import EvidenceRecord, NewDocument
from .evaluation import evaluate_checkpoints, local_today
from .evidence_match import BROUGHT, match_evidence
from .kpi_reading import read_kpis_of
from .pdf_reader import PdfUnreadable, pdf_text
from .text_reader import ReaderFailed, Readers, ReadTimedOut, TextReader

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from ..config import Config

MAX_FILE = 64 * 1024 * 1024  # bytes of a file read: a long deck is 20 MB
P = ParamSpec("P")
R = TypeVar("R")


class DocumentProblem(Exception):
    """A document that cannot be added: why, in one sentence (where it is, what it is)."""


class AddedDocument(NamedTuple):
    location: str  # the absolute path or the URL: the passages' link
    kind: str  # "PDF", "HTML" or "text"
    title: str
    day: dt.date
    new: bool  # False: this very document was added before
    passages: list[EvidenceRecord]  # its passages, in the document's order


def location_of(where: str) -> str:
    """An http(s) URL as given, else the file's absolute path."""
    if urlsplit(where).scheme in ("http", "https"):
        return where
    return str(Path(where).expanduser().resolve())


async def add_document(
    store: Store,
    config: Config,
    symbol: str,
    where: str,
    now: dt.datetime,
    *,
    day: dt.date | None = None,
    title: str | None = None,
) -> AddedDocument:
    """Read the document at `where` (a path or a URL), store it for `symbol` and match it;
    DocumentProblem when it cannot be read."""
    location = location_of(where)
    is_url = location == where and urlsplit(where).scheme in ("http", "https")
    body = await _fetch(store, config, symbol, location) if is_url else _read(location)
    kind, text = await document_text(body, location)
    await _read_in_time(store, symbol, text, location)
    name = title.strip() if title and title.strip() else _name_of(location)
    day = day or document_day(text) or local_today(config, now)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    key = f"{location}#{digest}"
    published = dt.datetime.combine(day, dt.time(0), dt.UTC)
    document = NewDocument(BROUGHT, key, None, kind, name, location, published, text)
    new = store.evidence.save_documents(symbol, [document], now) > 0
    match_evidence(store, config, now)
    if read_kpis_of(store, now):  # a KPI it states judges its checkpoints now, not at the next
        evaluate_checkpoints(config, store, now)  # refresh
    ident = store.evidence.document_id(symbol, BROUGHT, key)
    passages = sorted(
        (p for p in store.evidence.passages(symbol) if p.document.id == ident),
        key=lambda p: p.start,
    )
    if not new:  # as it was stored then: this --date or --title changed nothing
        kept = next((d for d in store.evidence.documents(symbol) if d.id == ident), None)
        if kept is not None:
            name, day = kept.title, kept.day
    return AddedDocument(location, kind, name, day, new, passages)


def _on_own_connection(
    work: Callable[Concatenate[Store, P], Coroutine[Any, Any, R]],
) -> Callable[Concatenate[Path, P], R]:
    """`work` run to its end on a connection of its own to the database at a path."""

    def run(db: Path, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with Store.open(db) as store:
            return asyncio.run(work(store, *args, **kwargs))

    return run


# `add_document` on a connection of its own (the TUI's worker thread).
add_document_at = _on_own_connection(add_document)


async def document_text(body: bytes, location: str) -> tuple[str, str]:
    """The kind of the document and its text; DocumentProblem when it has none to read."""
    if is_pdf(body):
        try:
            kind, text = "PDF", await pdf_text(body)
        except PdfUnreadable as why:
            raise DocumentProblem(f"{location}: {why}") from None
    elif location.lower().endswith(".pdf"):
        start = body[:16].decode("latin-1").encode("unicode_escape").decode("ascii")
        raise DocumentProblem(f"{location} is not a PDF: it begins {start!r}, not '%PDF-'")
    elif b"\x00" in body[:8192]:
        raise DocumentProblem(
            f"{location} is not a document catalyst reads (HTML, plain text or PDF): it holds "
            "binary data"
        )
    else:
        kind = "HTML" if is_html(body) else "text"
        text = await asyncio.to_thread(html_to_text, body)
    if not text.strip():
        raise DocumentProblem(f"{location} has no text to read (a scanned PDF has only images)")
    return kind, await asyncio.to_thread(brought_text, text)


async def _read_in_time(store: Store, symbol: str, text: str, location: str) -> None:
    """The text read as the matching and the KPI reading will read it, in a child stopped at
    its limit (jobs/text_reader.py), before anything is stored: DocumentProblem when it cannot
    be, so no later command reads it again."""
    async with TextReader() as reader:
        try:
            await reader.read(text, Readers.of(store, symbol))
        except (ReadTimedOut, ReaderFailed) as why:
            raise DocumentProblem(
                f"{location}: {why}; it is not stored, so no later command reads it again"
            ) from None


def _read(path: str) -> bytes:
    """A regular file's bytes. Opened without blocking (a FIFO with no writer would hold an
    ordinary open for ever), then refused at fstat when it is not a regular file: a pipe, a
    device (/dev/zero has no end), a folder."""
    try:
        return read_file(Path(path), MAX_FILE)
    except NotAFile as what:
        raise DocumentProblem(f"{path} is {what.short}, not a regular file: not read") from None
    except TooLarge:
        raise DocumentProblem(f"{path} is larger than {MAX_FILE >> 20} MiB: not read") from None
    except OSError as error:
        raise DocumentProblem(f"{path}: {error.strerror or error}") from None


async def _fetch(store: Store, config: Config, symbol: str, url: str) -> bytes:
    from .client import market_client
    from .sources import refresh_sources

    feeds = refresh_sources(config, store).feeds
    if feeds is None:
        raise DocumentProblem(f"{url}: no source reads pages (the feeds provider is missing)")
    async with market_client(config, []) as client:
        try:
            return await feeds.page(client, url, symbol)
        except FetchError as error:
            raise DocumentProblem(f"{url}: {error.message}") from None


def _name_of(location: str) -> str:
    path = urlsplit(location).path if "://" in location else location
    return unquote(path.rstrip("/").rpartition("/")[2]) or location
