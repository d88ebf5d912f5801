"""Whether a refresh reached any provider: the one vocabulary the refresh, its child process,
the scheduler and the TUI's header share (None where every provider was reached)."""

from __future__ import annotations

from enum import StrEnum


class Reach(StrEnum):
    """Why no provider gave a single quote in a refresh."""

    OFFLINE = "offline"  # every fetch failed on the network: no connection, no answer in time
    UNREACHABLE = "unreachable"  # they answered, with errors


def reach_of(value: object) -> Reach | None:
    """A reach read back from a child's JSON line: None for anything not one of Reach's."""
    known = {reach.value: reach for reach in Reach}
    return known.get(value) if isinstance(value, str) else None
