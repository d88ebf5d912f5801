"""What one request may take: its own time and its decoded body, by default and for a provider
that says otherwise in its ProviderSpec (market/registry.py). No httpx: the specs that declare
these bounds are read at start-up."""

from __future__ import annotations

from typing import NamedTuple

MiB = 1 << 20


class RequestBounds(NamedTuple):
    """What one request may take: seconds of its own time, bytes of decoded body."""

    deadline: float
    max_bytes: int


# A quote, a year of bars, a calendar: tens of KB; a whole history restated after a split, a
# few MB. A provider with larger answers (SEC companyfacts) declares its own.
REQUEST_BOUNDS = RequestBounds(deadline=20.0, max_bytes=8 * MiB)
