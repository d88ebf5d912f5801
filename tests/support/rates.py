"""How many of a list of moments fall within any one second: what EDGAR's ten a second counts."""

from __future__ import annotations


def per_second(times: list[float]) -> int:
    """The most requests within any one second."""
    times = sorted(times)
    most, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most
