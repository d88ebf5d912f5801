"""Evidence: the filings of each ticker's company, the text of their documents and of news
headlines (zlib-compressed), the passages that matched a checkpoint's entries, and the notices
they raise (through the outbox, with the transitions)."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..thesis.evidence.stance import classify
from .columns import entries, iso, moment
from .document_rows import (
    DOCUMENT_COLUMNS,
    FILING_COLUMNS,
    SearchedIn,
    document_record,
    filing_record,
    searched_in,
)
from .door import Door
from .records import (
    DocumentRecord,
    EvidenceRecord,
    EvidenceTarget,
    FilingRecord,
    Found,
    NewDocument,
)

if TYPE_CHECKING:
    from ..market.sec.filings import Filing

READ_ATTEMPTS = 3  # a filing whose documents fail this often is given up (read = -1)


class Evidence(Door):
    # -- filings -----------------------------------------------------------------------------
    def save_filings(
        self, symbol: str, filings: Iterable[Filing], archives_url: str, now: dt.datetime
    ) -> list[FilingRecord]:
        """Store each filing once; the ones stored for the first time, oldest first."""
        stamp = iso(now)
        added = []
        with self._store.transaction() as conn:
            for f in sorted(filings, key=lambda f: f.accepted):
                row = (
                    symbol,
                    f.accession,
                    f.cik,
                    f.form,
                    ",".join(f.items),
                    iso(f.accepted),
                    f.filed.isoformat(),
                    f.report_date.isoformat() if f.report_date else None,
                    f.primary_document,
                    f.index_url(archives_url),
                    stamp,
                )
                if conn.execute(
                    "INSERT OR IGNORE INTO filings (symbol, accession, cik, form, items, accepted,"
                    " filed, report_date, primary_document, url, found_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                ).rowcount:
                    added.append(filing_record((*row[:10], 0, "")))
        return added

    def filings(self, symbol: str | None = None, *, limit: int = 1000) -> list[FilingRecord]:
        """Stored filings (of one symbol), newest first."""
        where, args = (" WHERE symbol = ?", [symbol]) if symbol else ("", [])
        return [
            filing_record(row)
            for row in self._conn.execute(
                f"SELECT {FILING_COLUMNS} FROM filings{where} ORDER BY accepted DESC LIMIT ?",
                [*args, limit],
            )
        ]

    def filings_to_read(self, symbol: str) -> list[FilingRecord]:
        """The symbol's filings whose documents are not stored yet, oldest first."""
        return [
            filing_record(row)
            for row in self._conn.execute(
                f"SELECT {FILING_COLUMNS} FROM filings WHERE symbol = ? AND documents_read = 0"
                " ORDER BY accepted",
                [symbol],
            )
        ]

    def read_failed(self, symbol: str, accession: str, error: str) -> None:
        """A failed read of a filing's documents: tried again later, given up after
        READ_ATTEMPTS."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE filings SET read_attempts = read_attempts + 1, read_error = ?,"
                " documents_read = CASE WHEN read_attempts + 1 >= ? THEN -1 ELSE 0 END"
                " WHERE symbol = ? AND accession = ?",
                [error, READ_ATTEMPTS, symbol, accession],
            )

    # -- documents ---------------------------------------------------------------------------
    def save_documents(
        self,
        symbol: str,
        documents: Iterable[NewDocument],
        now: dt.datetime,
        *,
        filing: str | None = None,
        accepted: dt.datetime | None = None,
    ) -> int:
        """Store each document once (per symbol, source and key), and mark `filing` (an
        accession) read, with the acceptance time its index page gave when `accepted`, in one
        transaction; how many were new."""
        stamp = iso(now)
        added = 0
        with self._store.transaction() as conn:
            for d in documents:
                added += conn.execute(
                    "INSERT OR IGNORE INTO documents (symbol, source, key, accession, form, title,"
                    " url, published, text, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        symbol,
                        d.source,
                        d.key,
                        d.accession,
                        d.form,
                        d.title,
                        d.url,
                        iso(d.published),
                        zlib.compress(d.text.encode(), 6),
                        stamp,
                    ],
                ).rowcount
            if filing is not None:
                conn.execute(
                    "UPDATE filings SET documents_read = 1, read_error = '',"
                    " accepted = COALESCE(?, accepted) WHERE symbol = ? AND accession = ?",
                    [iso(accepted) if accepted else None, symbol, filing],
                )
        return added

    def document_keys(self, symbol: str, accession: str) -> set[str]:
        """The keys (URLs) of the documents of one filing stored so far."""
        return {
            key
            for (key,) in self._conn.execute(
                "SELECT key FROM documents WHERE symbol = ? AND accession = ?", [symbol, accession]
            )
        }

    def stored_keys(self, symbol: str, source: str, keys: Iterable[str]) -> set[str]:
        """Which of `keys` (a feed's items' guids) the symbol has a document of from `source`:
        the items seen, by this process or another, before or since a restart."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # SQLite's bound on a statement's variables
            chunk = wanted[start : start + 500]
            found.update(
                key
                for (key,) in self._conn.execute(
                    "SELECT key FROM documents WHERE symbol = ? AND source = ?"
                    f" AND key IN ({', '.join('?' * len(chunk))})",
                    [symbol, source, *chunk],
                )
            )
        return found

    def document_id(self, symbol: str, source: str, key: str) -> int | None:
        row = self._conn.execute(
            "SELECT id FROM documents WHERE symbol = ? AND source = ? AND key = ?",
            [symbol, source, key],
        ).fetchone()
        return int(row[0]) if row else None

    def documents(self, symbol: str, *, after: int = 0) -> list[DocumentRecord]:
        """The symbol's documents stored after document id `after`, in id order."""
        return [
            document_record(row)
            for row in self._conn.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE d.symbol = ? AND d.id > ?"
                " ORDER BY d.id",
                [symbol, after],
            )
        ]

    def text(self, document_id: int) -> str:
        row = self._conn.execute(
            "SELECT text FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        return zlib.decompress(row[0]).decode() if row else ""

    def accessions(self, document_ids: Iterable[int]) -> dict[int, str]:
        """The SEC accession of each of these documents that is a filing's (a headline, a feed
        item and a document you brought have none)."""
        ids = sorted(set(document_ids))
        marks = ", ".join("?" * len(ids))
        return {
            ident: accession
            for ident, accession in self._conn.execute(
                f"SELECT id, accession FROM documents WHERE id IN ({marks})", ids
            )
            if accession
        }

    # -- matching ----------------------------------------------------------------------------
    def targets(self) -> list[EvidenceTarget]:
        """Active checkpoints of active tickers that carry evidence entries."""
        return [
            EvidenceTarget(
                symbol, ident, status, entries(written), moment(since), entries(matched), through
            )
            for symbol, ident, status, written, since, matched, through in self._conn.execute(
                "SELECT c.symbol, c.id, c.status, c.evidence, c.evidence_since,"
                " c.evidence_matched, c.evidence_through FROM checkpoints c"
                " JOIN tickers t ON t.symbol = c.symbol"
                " WHERE c.archived = 0 AND t.archived = 0 AND c.evidence != '[]'"
                " ORDER BY t.position, c.position"
            )
        ]

    def record(
        self,
        target: EvidenceTarget,
        found: Iterable[Found],
        through: int,
        now: dt.datetime,
    ) -> tuple[int, int]:
        """Record the passages found for a checkpoint, each once; a new one marked `notify` gets
        an outbox row. When the checkpoint's entries changed since its passages were found, the
        ones of entries it no longer has go (unless decided: your word on one is kept). The
        checkpoint is then matched with its current entries up to document `through`. Returns
        (new passages, notices queued). One transaction."""
        stamp = iso(now)
        new = notices = 0
        with self._store.transaction() as conn:
            if target.matched != target.entries:
                kept = list(target.entries)
                marks = ", ".join("?" * len(kept))
                conn.execute(
                    "DELETE FROM evidence WHERE symbol = ? AND checkpoint_id = ?"
                    f" AND dismissed_at IS NULL AND accepted_at IS NULL AND entry NOT IN ({marks})"
                    " AND id NOT IN (SELECT evidence_id FROM outbox WHERE evidence_id IS NOT NULL)",
                    [target.symbol, target.checkpoint_id, *kept],
                )
            for f in found:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO evidence (symbol, checkpoint_id, document_id, entry,"
                    " passage, start, end, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        target.symbol,
                        target.checkpoint_id,
                        f.document_id,
                        f.entry,
                        f.passage,
                        f.start,
                        f.end,
                        stamp,
                    ],
                )
                if not cursor.rowcount:
                    continue
                new += 1
                if f.notify:
                    conn.execute(
                        "INSERT INTO outbox (kind, evidence_id, created_at)"
                        " VALUES ('evidence', ?, ?)",
                        [cursor.lastrowid, stamp],
                    )
                    notices += 1
            conn.execute(
                "UPDATE checkpoints SET evidence_matched = ?, evidence_through = ?"
                " WHERE symbol = ? AND id = ?",
                [json.dumps(list(target.entries)), through, target.symbol, target.checkpoint_id],
            )
        return new, notices

    def notice(self, title: str, body: str, now: dt.datetime) -> None:
        """A notice of its own (a summary of passages found without one each)."""
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO outbox (kind, title, body, created_at) VALUES ('evidence', ?, ?, ?)",
                [title, body, iso(now)],
            )

    def decide(self, evidence_id: int, word: str, now: dt.datetime) -> bool:
        """Your word on a passage, one at a time: "accept" (with its stance as read now:
        thesis/evidence/stance.py), "dismiss" (not shown again, unless asked for every passage) or
        "reset" (undecided); False when it already stood so, or there is no such passage."""
        return self._decide("evidence", evidence_id, word, now, _stance)

    def make_fundamentals_due(self, symbol: str) -> None:
        """An 8-K with results (item 2.02): fetch the fundamentals at the next chance."""
        with self._store.transaction() as conn:
            conn.execute(
                "DELETE FROM fetch_state WHERE kind = 'fundamentals' AND symbol = ?", [symbol]
            )

    # -- reading -----------------------------------------------------------------------------
    def passages(
        self,
        symbol: str | None = None,
        checkpoint_id: str | None = None,
        *,
        include_dismissed: bool = False,
    ) -> list[EvidenceRecord]:
        """Passages of active checkpoints, newest document first (of a symbol, of one of its
        checkpoints)."""
        return self._active(symbol, checkpoint_id, include_dismissed=include_dismissed)

    def searched_in(self, symbol: str | None = None) -> list[SearchedIn]:
        """What evidence is matched in (of a symbol): each ticker's documents by source."""
        return searched_in(self._conn, symbol)

    def accepted(self, symbol: str | None = None) -> list[EvidenceRecord]:
        """The passages of active checkpoints you accepted (of a symbol), newest first: what the
        verdict reads (thesis/verdict.py)."""
        return self._active(symbol, None, include_dismissed=False, accepted=True)

    def _active(
        self,
        symbol: str | None,
        checkpoint_id: str | None,
        *,
        include_dismissed: bool,
        accepted: bool = False,
    ) -> list[EvidenceRecord]:
        where = ["c.archived = 0"]
        args: list[object] = []
        if symbol is not None:
            where.append("e.symbol = ?")
            args.append(symbol)
        if checkpoint_id is not None:
            where.append("e.checkpoint_id = ?")
            args.append(checkpoint_id)
        if not include_dismissed:
            where.append("e.dismissed_at IS NULL")
        if accepted:
            where.append("e.accepted_at IS NOT NULL")
        return self._passages(" AND ".join(where), args)

    def passages_by_id(self, ids: Sequence[int]) -> list[EvidenceRecord]:
        """The passages of these ids (the outbox's notices of them), of an archived checkpoint
        or dismissed alike, newest document first."""
        if not ids:
            return []
        return self._passages(f"e.id IN ({', '.join('?' * len(ids))})", list(ids))

    def _passages(self, where: str, args: Sequence[object]) -> list[EvidenceRecord]:
        return [
            EvidenceRecord(
                row[0],
                row[1],
                row[2],
                row[3],
                document_record(row[4:11]),
                row[11],
                row[12],
                row[13],
                row[14],
                dt.datetime.fromisoformat(row[15]),
                row[16] is not None,
                moment(row[17]),
                row[18],
            )
            for row in self._conn.execute(
                "SELECT e.id, e.symbol, e.checkpoint_id, c.title, "
                + DOCUMENT_COLUMNS
                + ", e.entry, e.passage, e.start, e.end, e.found_at, e.dismissed_at,"
                " e.accepted_at, e.accepted_stance"
                " FROM evidence e JOIN documents d ON d.id = e.document_id"
                " JOIN checkpoints c ON c.symbol = e.symbol AND c.id = e.checkpoint_id"
                " WHERE " + where + " ORDER BY d.published DESC, e.start",
                args,
            )
        ]


def _stance(passage: str) -> str:
    """The stance a passage is accepted with: as it reads now."""
    return classify(passage).stance.value
