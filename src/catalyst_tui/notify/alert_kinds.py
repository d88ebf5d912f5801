"""The kinds of notification: the one place a kind is declared. A channel's `kinds` in
catalysts.toml ([notify.channels.NAME], config/channels.py) names them; the store writes each
outbox row with its kind's name (store/checkpoints.py, results.py, verdicts.py, changes.py,
evidence.py, or `store.outbox.notice(kind, ...)` for a new one), and the channels' delivery
(notify/remote.py) sends a row through each channel that gets its kind.

A new kind: one `AlertKind` in `ALERT_KINDS`, and the code that writes its rows passes its name.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config.channels import ALL_KINDS

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


@dataclass(frozen=True)
class AlertKind:
    """A kind of notification: its name in catalysts.toml and the outbox, and what it is."""

    name: str
    meaning: str


ALERT_KINDS: dict[str, AlertKind] = {
    kind.name: kind
    for kind in (
        AlertKind("missed", "a checkpoint missed (urgent)"),
        AlertKind("transition", "a checkpoint met, back to pending, or holding again"),
        AlertKind("results", "a company's quarterly results, read the evening they land"),
        AlertKind("verdict", "a change of a ticker's verdict, with its reason"),
        AlertKind("evidence", "new evidence for a checkpoint in a filing or the news"),
        AlertKind("digest", "the digest of what changed, on its schedule"),
    )
}


def kinds_named(names: Sequence[str]) -> tuple[str, ...]:
    """The kinds `names` picks ("all": every kind); ValueError naming the unknown ones."""
    unknown = [name for name in names if name != ALL_KINDS and name not in ALERT_KINDS]
    if unknown:
        known = ", ".join([*ALERT_KINDS, ALL_KINDS])
        said = "unknown kind" if len(unknown) == 1 else "unknown kinds"
        raise ValueError(f"{said} {', '.join(unknown)} (known: {known})")
    if ALL_KINDS in names:
        return tuple(ALERT_KINDS)
    return tuple(names)


@contextlib.contextmanager
def registered(kind: AlertKind) -> Iterator[AlertKind]:
    """`kind` declared for the time of the block (a test's temporary kind)."""
    if kind.name in ALERT_KINDS:
        raise ValueError(f"the kind {kind.name} is declared already")
    ALERT_KINDS[kind.name] = kind
    try:
        yield kind
    finally:
        del ALERT_KINDS[kind.name]
