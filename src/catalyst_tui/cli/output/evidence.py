"""`catalyst evidence` and `catalyst filings`: the passages found and the filings stored, as JSON
or as a table. Moments are ISO 8601 with their offset: a filing's in New York, SEC's own
calendar (acceptance 16:05 on the 4th reads 2026-11-04T16:05:00-05:00), a headline's in UTC.

Every cell that holds text from a document, a provider or the file is a rich `Text` of
`printable(...)` (text.py): shown as typed, never read as markup, never an escape sequence."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text

from ...market.models import NEW_YORK
from ...text import counted, printable
from ...thesis.evidence.stance import STANCE_STYLE, shown, stance_text
from .tables import keep_whole, output_console, report_table, show

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from ...jobs.documents import AddedDocument
    from ...store.records import EvidenceRecord, FilingRecord


def _moment(moment: dt.datetime, source: str) -> str:
    zone = NEW_YORK if source == "sec" else dt.UTC
    return moment.astimezone(zone).isoformat(timespec="seconds")


def evidence_json(
    records: list[EvidenceRecord], *, with_dismissed: bool = False
) -> list[dict[str, Any]]:
    """One object per passage: passage_id (what `catalyst evidence accept|dismiss|reset` take),
    symbol, id (the checkpoint's), source, form, url, published, passage, entry, found_at,
    stance (supports, challenges, breaks or no stance, with the words that decided it: the one
    you accepted it with once you did), decision (accepted, dismissed or null) and accepted_at;
    `dismissed` too when dismissed passages are listed."""
    out: list[dict[str, Any]] = []
    for r in records:
        row: dict[str, Any] = {
            "passage_id": r.id,
            "symbol": r.symbol,
            "id": r.checkpoint_id,
            "source": r.document.source,
            "form": r.document.form,
            "url": r.document.url,
            "published": _moment(r.document.published, r.document.source),
            "passage": r.passage,
            "entry": r.entry,
            "found_at": r.found_at.isoformat(),  # when catalyst first matched it
            "stance": _stance(r),
            "decision": r.decision or None,
            "accepted_at": r.accepted_at.isoformat() if r.accepted_at else None,
        }
        if with_dismissed:
            row["dismissed"] = r.dismissed
        out.append(row)
    return out


def _stance(r: EvidenceRecord) -> dict[str, Any]:
    """The machine's reading of the passage (thesis/evidence/stance.py), a reading, never a
    verdict; or
    the stance you accepted it with."""
    found = shown(r.passage, r.accepted_stance)
    return {"stance": found.stance.value, "words": list(found.words)}


def filings_json(records: list[FilingRecord]) -> list[dict[str, Any]]:
    return [
        {
            "symbol": f.symbol,
            "form": f.form,
            "items": list(f.filing.items),
            "accession": f.accession,
            "accepted": _moment(f.accepted, "sec"),
            "url": f.url,
        }
        for f in records
    ]


def print_evidence(
    records: list[EvidenceRecord], empty: Sequence[str] = (), console: Console | None = None
) -> None:
    """The passages as a table; none, the lines `empty` (what was searched for and in what:
    views/evidence_search.py)."""
    console = console or output_console()
    if not records:
        for line in empty:
            console.print(Text(printable(line)))
        return
    table = report_table()
    for column in ("ID", "Date", "Checkpoint", "Source", "Stance", "Passage"):
        table.add_column(column, overflow="fold")
    for r in records:
        checkpoint = Text(printable(f"{r.symbol}/{r.checkpoint_id}"))
        if r.decision:
            checkpoint.append(f" ({r.decision})", style="dim")
        found = shown(r.passage, r.accepted_stance)
        table.add_row(
            str(r.id),
            r.document.day.isoformat(),
            checkpoint,
            Text(printable(r.document.form)),
            Text(printable(stance_text(found)), style=STANCE_STYLE[found.stance]),
            Text(printable(r.passage)),
        )
    keep_whole(console, table, 0, 1, 2, 3)  # the stance's words and the passage wrap
    show(console, table)


def print_added(symbol: str, added: AddedDocument, console: Console | None = None) -> None:
    """What `catalyst evidence add` read, and the passages of it that matched."""
    console = console or output_console()
    what = f"{added.kind} “{added.title}” of {added.day.isoformat()}, {added.location}"
    count = len(added.passages)
    if added.new:
        said = f"{symbol}: added: {what}: {counted(count, 'passage')} match its evidence entries"
    elif not added.passages:
        said = (
            f"{symbol}: already added, nothing new stored: {what}; none of its sentences "
            "matches an evidence entry"
        )
    else:
        found = sorted({p.found_at.date().isoformat() for p in added.passages})
        since = found[0] if len(found) == 1 else f"{found[0]} to {found[-1]}"
        said = (
            f"{symbol}: already added, nothing new stored: {what}; "
            f"its {counted(count, 'passage')}, found {since}:"
        )
    console.print(Text(printable(said)))
    if added.passages:
        print_evidence(added.passages, console=console)


def print_filings(
    records: list[FilingRecord],
    symbol: str | None = None,
    why: str = "",
    console: Console | None = None,
) -> None:
    """The filings, newest first; none yet says `why` (where SEC stands: cli.names.sec_state)."""
    console = console or output_console()
    if not records:
        of = f" for {symbol}" if symbol else ""
        console.print(Text(printable(f"no filings stored{of} yet: {why}")))
        return
    table = report_table()
    for column in ("Accepted (New York)", "Symbol", "Form", "Items", "Accession"):
        table.add_column(column, overflow="fold")
    for f in records:
        table.add_row(
            f.accepted.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M"),
            Text(printable(f.symbol)),
            Text(printable(f.form)),
            Text(printable(f.filing.item_text)),
            Text(printable(f.accession)),
        )
    keep_whole(console, table, 0, 1, 2, 4)  # the items wrap
    show(console, table)
