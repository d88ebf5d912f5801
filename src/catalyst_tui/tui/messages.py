"""What screens ask of the app, as messages: the app handles each with @on and decides how
(a screen to push, a form to open, a flag to clear). Screens never call app methods."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..store.records import CheckpointRecord, EvidenceRecord
    from ..thesis.portfolio.positions import Lot, Sell
    from ..views.timeline import Rewrite


@dataclass
class OpenTicker(Message):
    """Show one ticker's page."""

    symbol: str


@dataclass
class OpenTimeline(Message):
    """Show the timeline of every status change."""


@dataclass
class OpenPerformance(Message):
    """Show the portfolio's returns against the benchmarks."""


@dataclass
class Acknowledge(Message):
    """Clear the flags of these checkpoints (None: of every checkpoint)."""

    targets: list[tuple[str, str]] | None


@dataclass
class AcknowledgeTicker(Message):
    """Clear the flags of every checkpoint of one ticker."""

    symbol: str


@dataclass
@dataclass
class AskSecContact(Message):
    """Open the form for the contact SEC EDGAR asks for (providers.sec.user_agent); `held`: a
    toast kept until the form closes (the first run's notice), none drawn over it."""

    held: str = ""


@dataclass
class AddTicker(Message):
    """Open the form for a new ticker."""


@dataclass
class RemoveTicker(Message):
    """Ask, then take the ticker out of catalysts.toml."""

    symbol: str


@dataclass
class AddLot(Message):
    """Open the form for a new lot of a ticker."""

    symbol: str


@dataclass
class EditLot(Message):
    """Open the form that edits a ticker's lot number `index` (0-based, file order)."""

    symbol: str
    index: int
    lot: Lot


@dataclass
class RemoveLot(Message):
    """Ask, then take a ticker's lot number `index` (0-based, file order) out of the file."""

    symbol: str
    index: int
    lot: Lot


@dataclass
class AddSell(Message):
    """Open the form that records a sale of a ticker."""

    symbol: str


@dataclass
class RemoveSell(Message):
    """Ask, then take a ticker's sale number `index` (0-based, file order) out of the file."""

    symbol: str
    index: int
    sell: Sell


@dataclass
class EditTicker(Message):
    """Open the form that edits a ticker's name, group and thesis."""

    symbol: str


@dataclass
class AddCheckpoint(Message):
    """Open the form for a new checkpoint of a ticker."""

    symbol: str


@dataclass
class EditCheckpoint(Message):
    """Open the form that edits a checkpoint."""

    checkpoint: CheckpointRecord


@dataclass
class MarkCheckpoint(Message):
    """Open the form that marks a checkpoint by hand (met, missed, or reopened)."""

    checkpoint: CheckpointRecord


@dataclass
class ArchiveCheckpoint(Message):
    """Ask, then take the checkpoint out of catalysts.toml (its history stays)."""

    checkpoint: CheckpointRecord


@dataclass
class RewriteForSplit(Message):
    """Ask, then rewrite per-share thresholds written before a split on today's basis."""

    rewrites: list[Rewrite]


@dataclass
class ShowPassage(Message):
    """Show a passage of evidence in its surrounding text."""

    record: EvidenceRecord


@dataclass
class MarkFromPassage(Message):
    """Open the mark form of the passage's checkpoint, its note naming the document and link."""

    record: EvidenceRecord


@dataclass
class AddDocument(Message):
    """Open the form of a document to add to the ticker's evidence (a transcript, a deck)."""

    symbol: str


@dataclass
class AcceptPassage(Message):
    """Accept a passage with its stance (it then counts in the verdict); one accepted already:
    take the acceptance back."""

    record: EvidenceRecord


@dataclass
class DismissPassage(Message):
    """Dismiss a passage as irrelevant: not shown again; `undo`: shown again after all."""

    record: EvidenceRecord
    undo: bool = False
