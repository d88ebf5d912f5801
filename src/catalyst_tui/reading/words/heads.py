"""Revenue's word heading a phrase: "customer communication revenues", "production systems
revenue" count revenue, whatever a word before it may count elsewhere (customers, production);
"orders and sales", two measures together, do not; "Xbox content and services revenue", one
line's name with "and" in it, does."""

from __future__ import annotations

from .measures import NEVER_REVENUE, ONLY_QUALIFY
from .vocabulary import REVENUE_WORDS

__all__ = ["revenue_head"]


# What may follow revenue's word in the phrase it heads: "advertising revenue growth".
_AFTER_HEAD = frozenset({"growth", "rate", "trend", "trends", "performance"})


_OPENING = frozenset({"and", "but", "so", "also", "plus"})
_JOINS = frozenset({"and", "or", "&", "plus", "versus", "vs"})


def _two_measures(lows: list[str], head: int) -> bool:
    """Whether a join before revenue's word at `head` joins two measures: nothing but a
    qualifier stands between them ("orders and net sales"), or the word before the join is a
    measure ("EBITDA and services revenue"); not the words of one name ("Search and news
    advertising revenue")."""
    for i, low in enumerate(lows[:head]):
        if low not in _JOINS:
            continue
        if all(w in ONLY_QUALIFY for w in lows[i + 1 : head]) or (
            i > 0 and lows[i - 1] in NEVER_REVENUE
        ):
            return True
    return False


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
        and not _two_measures(lows, head)
    )
