"""Revenue's word heading a phrase: "customer communication revenues", "production systems
revenue" count revenue, whatever a word before it may count elsewhere (customers, production);
"orders and sales", two measures together, do not."""

from __future__ import annotations

from .vocabulary import REVENUE_WORDS

__all__ = ["revenue_head"]


# What may follow revenue's word in the phrase it heads: "advertising revenue growth".
_AFTER_HEAD = frozenset({"growth", "rate", "trend", "trends", "performance"})


_OPENING = frozenset({"and", "but", "so", "also", "plus"})


def revenue_head(lows: list[str]) -> bool:
    """Whether revenue's word heads the phrase, the words before it qualifying it: "customer
    communication revenues", "production systems revenue" count revenue, whatever a word
    before it may count elsewhere; not where two measures stand together ("orders and
    sales")."""
    if lows and lows[0] in _OPENING:
        lows = lows[1:]  # "And transactions organic revenue": the sentence's "and", no pair
    heads = [i for i, low in enumerate(lows) if low in REVENUE_WORDS]
    if not heads or any(low in _AFTER_HEAD for low in lows[: heads[-1]]):
        return False
    head = heads[-1]
    return (
        head > 0
        and all(low in _AFTER_HEAD for low in lows[head + 1 :])
        and not any(low in ("and", "or", "&", "plus", "versus", "vs") for low in lows[:head])
    )
