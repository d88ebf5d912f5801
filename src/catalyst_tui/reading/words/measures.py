"""Words of measures that are not a part's name: those that qualify revenue ("net", "organic":
"orders and net sales" joins two measures), and those never revenue (orders, units, income,
margins): a sentence that names one speaks of it."""

from __future__ import annotations

from ..wordlists import any_word, word_set

__all__ = ["NEVER_REVENUE", "NEVER_REVENUE_SAID", "ONLY_QUALIFY"]

# Words that qualify a measure of revenue without naming a part: "orders and net sales" joins
# two measures; "NOV's consolidated total revenue" is the whole.
ONLY_QUALIFY = word_set("net total reported gross adjusted organic operating")
# Measures that are never revenue, each a word: counted (orders, units, customers), earned or
# spent (income, margins, costs). A sentence that names one speaks of it, not of revenue.
NEVER_REVENUE = word_set(
    """orders bookings backlog billings earnings income profit profits margin margins ebitda eps
    volume volumes units shipments cash expenses costs spending capex headcount customers users
    subscribers deliveries production traffic transactions"""
)
NEVER_REVENUE_SAID = any_word(" ".join(sorted(NEVER_REVENUE)))
