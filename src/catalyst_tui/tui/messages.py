"""What screens ask of the app, as messages: the app handles each with @on and decides how
(a screen to push, a form to open, a flag to clear). Screens never call app methods.

Each is a plain class with an `__init__` as @dataclass wrote it (its fields set, then Message's
own set-up), its own or its shape's (a message about a ticker, a checkpoint, a passage, a lot
or a sale), without the methods @dataclass generates and compiles at import: as dataclasses the
24 messages took about 7 ms of the TUI's start-up (bench/startup.py), for an equality and a repr
no message is asked for (tests/tui/test_messages.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.message import Message

if TYPE_CHECKING:
    from ..store.records import CheckpointRecord, EvidenceRecord  # noqa: F401 (_Dismissal[...])
    from ..thesis.kpis.statements import StatedKpi  # noqa: F401 (_Dismissal[...])
    from ..thesis.portfolio.positions import Lot, Sell  # noqa: F401 (the bases' _OfEntry[...])
    from ..views.timeline import Rewrite

_E = TypeVar("_E")  # a lot or a sale of the file
_W = TypeVar("_W")  # what the investor gives a word on: a passage, a KPI statement


class _OfTicker(Message):
    """The shape of a message about one ticker."""

    symbol: str

    def __init__(self, symbol: str) -> None:
        self.symbol = symbol
        super().__init__()


class _OfCheckpoint(Message):
    """The shape of a message about one checkpoint."""

    checkpoint: CheckpointRecord

    def __init__(self, checkpoint: CheckpointRecord) -> None:
        self.checkpoint = checkpoint
        super().__init__()


class _OfPassage(Message):
    """The shape of a message about one passage of evidence."""

    record: EvidenceRecord

    def __init__(self, record: EvidenceRecord) -> None:
        self.record = record
        super().__init__()


class _OfEntry(Message, Generic[_E]):
    """The shape of a message about a ticker's lot or sale number `index` (0-based, file
    order): `entry`."""

    symbol: str
    index: int
    entry: _E

    def __init__(self, symbol: str, index: int, entry: _E) -> None:
        self.symbol = symbol
        self.index = index
        self.entry = entry
        super().__init__()


class _Dismissal(Message, Generic[_W]):
    """The shape of a dismissal of `marked` (a passage, a KPI statement); `undo`: the dismissal
    taken back."""

    marked: _W
    undo: bool

    def __init__(self, marked: _W, undo: bool = False) -> None:
        self.marked = marked
        self.undo = undo
        super().__init__()


class OpenTicker(_OfTicker):
    """Show one ticker's page."""


class OpenTimeline(Message):
    """Show the timeline of every status change."""


class OpenPerformance(Message):
    """Show the portfolio's returns against the benchmarks."""


class Acknowledge(Message):
    """Clear the flags of these checkpoints (None: of every checkpoint)."""

    targets: list[tuple[str, str]] | None

    def __init__(self, targets: list[tuple[str, str]] | None) -> None:
        self.targets = targets
        super().__init__()


class AcknowledgeTicker(_OfTicker):
    """Clear the flags of every checkpoint of one ticker."""


class AskSecContact(Message):
    """Open the form for the contact SEC EDGAR asks for (providers.sec.user_agent); `held`: a
    toast kept until the form closes (the first run's notice), none drawn over it."""

    held: str

    def __init__(self, held: str = "") -> None:
        self.held = held
        super().__init__()


class AddTicker(Message):
    """Open the form for a new ticker."""


class RemoveTicker(_OfTicker):
    """Ask, then take the ticker out of catalysts.toml."""


class AddLot(_OfTicker):
    """Open the form for a new lot of a ticker."""


class EditLot(_OfEntry["Lot"]):
    """Open the form that edits a ticker's lot number `index` (0-based, file order)."""


class RemoveLot(_OfEntry["Lot"]):
    """Ask, then take a ticker's lot number `index` (0-based, file order) out of the file."""


class AddSell(_OfTicker):
    """Open the form that records a sale of a ticker."""


class RemoveSell(_OfEntry["Sell"]):
    """Ask, then take a ticker's sale number `index` (0-based, file order) out of the file."""


class EditTicker(_OfTicker):
    """Open the form that edits a ticker's name, group and thesis."""


class AddCheckpoint(_OfTicker):
    """Open the form for a new checkpoint of a ticker."""


class EditCheckpoint(_OfCheckpoint):
    """Open the form that edits a checkpoint."""


class MarkCheckpoint(_OfCheckpoint):
    """Open the form that marks a checkpoint by hand (met, missed, or reopened)."""


class ArchiveCheckpoint(_OfCheckpoint):
    """Ask, then take the checkpoint out of catalysts.toml (its history stays)."""


class RewriteForSplit(Message):
    """Ask, then rewrite per-share thresholds written before a split on today's basis."""

    rewrites: list[Rewrite]

    def __init__(self, rewrites: list[Rewrite]) -> None:
        self.rewrites = rewrites
        super().__init__()


class ShowPassage(_OfPassage):
    """Show a passage of evidence in its surrounding text."""


class MarkFromPassage(_OfPassage):
    """Open the mark form of the passage's checkpoint, its note naming the document and link."""


class AddDocument(_OfTicker):
    """Open the form of a document to add to the ticker's evidence (a transcript, a deck)."""


class AcceptPassage(_OfPassage):
    """Accept a passage with its stance (it then counts in the verdict); one accepted already:
    take the acceptance back."""


class DismissPassage(_Dismissal["EvidenceRecord"]):
    """Dismiss a passage as irrelevant: not shown again; `undo`: shown again after all."""


class AcceptKpi(Message):
    """Confirm a KPI statement read from words (a kill criterion it alone missed then breaks
    the thesis); one accepted already: take it back."""

    stated: StatedKpi

    def __init__(self, stated: StatedKpi) -> None:
        self.stated = stated
        super().__init__()


class DismissKpi(_Dismissal["StatedKpi"]):
    """Dismiss a KPI statement as a misread: it judges nothing, now or later; `undo`: it
    counts again after all."""
