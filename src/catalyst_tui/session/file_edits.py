"""The edits of catalysts.toml the screens ask for, each a change of the file's text
(config/write.py) made through the Workspace's one `edit`: validated, written under a lock, the
database following the new config."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from ..config.edits import PositionEntry
    from ..views.timeline import Rewrite


class EditOutcome(NamedTuple):
    """What an edit did: the message for the user, and whether the file took it (a read-only
    catalysts.toml leaves the change in the database only)."""

    message: str
    written: bool


class FileEdits:
    """The Workspace's edits by name; `edit` is the Workspace's."""

    def edit(self, change: Callable[[str], str], done: str) -> EditOutcome:
        raise NotImplementedError

    def add_ticker(self, fields: dict[str, str]) -> EditOutcome:
        symbol = fields.get("symbol", "").strip()
        return self.edit(lambda t: config_write().add_ticker(t, fields), f"added {symbol}")

    def remove_ticker(self, symbol: str) -> EditOutcome:
        return self.edit(lambda t: config_write().remove_ticker(t, symbol), f"removed {symbol}")

    def add_lot(self, symbol: str, fields: dict[str, str]) -> EditOutcome:
        return self.edit(
            lambda t: config_write().add_lot(t, symbol, fields), f"added a lot of {symbol}"
        )

    def update_lot(self, symbol: str, index: int, fields: dict[str, str]) -> EditOutcome:
        return self.edit(
            lambda t: config_write().update_lot(t, symbol, index, fields),
            f"saved lot {index + 1} of {symbol}",
        )

    def remove_entry(self, symbol: str, entry: PositionEntry, index: int) -> EditOutcome:
        return self.edit(
            lambda t: config_write().remove_entry(t, symbol, entry, index),
            f"removed {entry} {index + 1} of {symbol}",
        )

    def add_sell(self, symbol: str, fields: dict[str, str]) -> EditOutcome:
        return self.edit(
            lambda t: config_write().add_sell(t, symbol, fields), f"recorded a sale of {symbol}"
        )

    def update_ticker(self, symbol: str, fields: dict[str, str]) -> EditOutcome:
        return self.edit(
            lambda t: config_write().update_ticker(t, symbol, fields), f"saved {symbol}"
        )

    def add_checkpoint(self, symbol: str, fields: dict[str, str]) -> EditOutcome:
        ident = fields.get("id", "").strip()
        return self.edit(
            lambda t: config_write().add_checkpoint(t, symbol, fields), f"added {symbol}/{ident}"
        )

    def update_checkpoint(
        self, symbol: str, checkpoint_id: str, fields: dict[str, str]
    ) -> EditOutcome:
        return self.edit(
            lambda t: config_write().update_checkpoint(t, symbol, checkpoint_id, fields),
            f"saved {symbol}/{fields.get('id', checkpoint_id).strip()}",
        )

    def set_sec_contact(self, contact: str) -> EditOutcome:
        """providers.sec.user_agent = contact: SEC's figures and filings from the next refresh."""
        return self.edit(lambda t: config_write().set_sec_contact(t, contact), "SEC contact saved")

    def rewrite_for_splits(self, rewrites: list[Rewrite]) -> EditOutcome:
        """Rewrite per-share conditions written before a split on today's share basis, in one
        edit of the file (from then on they are compared as written)."""
        if not rewrites:
            return EditOutcome("no threshold is written on a basis before a split", False)

        def change(text: str) -> str:
            for r in rewrites:
                text = config_write().update_checkpoint(
                    text, r.symbol, r.checkpoint_id, {"when": r.new}
                )
            return text

        named = ", ".join(f"{r.symbol}/{r.checkpoint_id}: {r.old} → {r.new}" for r in rewrites)
        return self.edit(change, f"rewrote on today's share basis {named}")

    def archive_checkpoint(self, symbol: str, checkpoint_id: str) -> EditOutcome:
        return self.edit(
            lambda t: config_write().remove_checkpoint(t, symbol, checkpoint_id),
            f"archived {symbol}/{checkpoint_id} (its history is kept)",
        )


def config_write() -> ModuleType:
    """The config writer, imported with the first edit: tomlkit is start-up time that
    the first paint does not need."""
    from ..config import write

    return write
