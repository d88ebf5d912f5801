"""How a command reads what the user names: SYMBOL/ID targets and ticker symbols, in capitals,
with "did you mean" for one that is not known."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import CommandError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..store import Store


def parse_target(text: str) -> tuple[str, str]:
    symbol, sep, checkpoint_id = text.partition("/")
    if not sep or not symbol or not checkpoint_id:
        raise CommandError(f"catalyst: {text!r}: write SYMBOL/ID, e.g. ALAB/gross-margin-floor")
    return symbol.upper(), checkpoint_id


def known_ticker(command: str, store: Store, text: str | None) -> str | None:
    """The symbol a report is limited to (None: all), in capitals; an unknown one is refused
    with the closest known ones."""
    if not text:
        return None
    symbol = text.upper()
    if store.views.ticker(symbol) is None:
        raise CommandError(
            f"catalyst {command}: no ticker {symbol} in the database"
            + _did_you_mean(symbol, store.views.active_symbols())
        )
    return symbol


def known_checkpoint(command: str, store: Store, symbol: str, checkpoint_id: str) -> None:
    """The one check of a SYMBOL/ID a command acts on (mark, ack, evidence): an active
    checkpoint, else CommandError (exit 2) with the closest known ones."""
    if not store.checkpoints.exists(symbol, checkpoint_id):
        raise CommandError(unknown_checkpoint(command, store, symbol, checkpoint_id))


def unknown_checkpoint(command: str, store: Store, symbol: str, checkpoint_id: str) -> str:
    targets = [f"{r.symbol}/{r.id}" for r in store.views.checkpoints()]
    wanted = f"{symbol}/{checkpoint_id}"
    return f"catalyst {command}: no checkpoint {wanted}" + _did_you_mean(wanted, targets)


def _did_you_mean(wanted: str, known: Sequence[str]) -> str:
    """ "; did you mean X?" for the closest of `known` (up to three), or nothing."""
    import difflib

    close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(close)}?" if close else ""
