"""Sales that are others', not the company's revenue: the "retail sales" of a company that sells
through franchisees or dealers are their sales to consumers ("Global retail sales grew 8.5%"
of a pizza chain whose stores are mostly franchised; "North American retail sales were down
28%" of a maker whose dealers sell its vehicles), not what the company sold.

A document names such a system when it speaks of its franchisees or dealers anywhere; within
it, a share or growth whose subject holds "retail" is the system's. A retailer that sells in
its own stores names neither, and its retail sales are its own."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["of_a_system", "system_retail"]

_SYSTEM = led(r"\b(?:franchisees?|dealers?|dealerships?)\b", re.I)
_RETAIL = led(r"\bretail\b", re.I)


_SYSTEM_KEYS = ("ranchisee", "ealer", "RANCHISEE", "EALER")


def of_a_system(text: str) -> bool:
    """Whether `text` (a whole document) names franchisees or dealers (looked for as words
    only where their letters stand: a document is long)."""
    return any(map(text.__contains__, _SYSTEM_KEYS)) and _SYSTEM.search(text) is not None


def system_retail(subject: str) -> bool:
    """Whether `subject` names retail sales (of a system, where its document names one)."""
    return _RETAIL.search(subject) is not None
