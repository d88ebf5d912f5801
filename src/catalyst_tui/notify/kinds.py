"""The kinds of notification: the one place a kind is declared. A channel's `kinds` in
catalysts.toml ([notify.channels.NAME], config/channels.py) names them; the store writes each
outbox row with its kind's name (store/checkpoints.py, results.py, verdicts.py, changes.py,
evidence.py, or `store.outbox.notice(kind, ...)` for a new one), and the channels' delivery
(notify/remote.py) sends a row through each channel that gets its kind.

A new kind: one `NotificationKind` in `KINDS`, and the code that writes its rows passes its name.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config.channels import ALL_KINDS

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


@dataclass(frozen=True)
class NotificationKind:
    """A kind of notification: its name in catalysts.toml and the outbox, and what it is."""

    name: str
    meaning: str


KINDS: dict[str, NotificationKind] = {
    kind.name: kind
    for kind in (
        NotificationKind("missed", "a checkpoint missed (urgent)"),
        NotificationKind("transition", "a checkpoint met, back to pending, or holding again"),
        NotificationKind("results", "a company's quarterly results, read the evening they land"),
        NotificationKind("verdict", "a change of a ticker's verdict, with its reason"),
        NotificationKind("evidence", "new evidence for a checkpoint in a filing or the news"),
        NotificationKind("digest", "the digest of what changed, on its schedule"),
    )
}


def kinds_named(names: Sequence[str]) -> tuple[str, ...]:
    """The kinds `names` picks ("all": every kind); ValueError naming the unknown ones."""
    unknown = [name for name in names if name != ALL_KINDS and name not in KINDS]
    if unknown:
        known = ", ".join([*KINDS, ALL_KINDS])
        raise ValueError(f"unknown kind(s) {', '.join(unknown)} (known: {known})")
    if ALL_KINDS in names:
        return tuple(KINDS)
    return tuple(names)


@contextlib.contextmanager
def registered(kind: NotificationKind) -> Iterator[NotificationKind]:
    """`kind` declared for the time of the block (a test's temporary kind)."""
    if kind.name in KINDS:
        raise ValueError(f"the kind {kind.name} is declared already")
    KINDS[kind.name] = kind
    try:
        yield kind
    finally:
        del KINDS[kind.name]
