"""Words said in place of others before a sentence is read: a bank's income is its revenue
("net interest income rose 2%"), "earnings" naming a document or an event is no measure
("As you saw in our earnings release,"), and like-for-like growth is organic growth, the
whole's own measure ("On a like-for-like basis, growth came to 3%"; not comparable sales of the
same stores). Each keeps the sentence's length."""

from __future__ import annotations

import re

from ..leads import led

__all__ = ["bank_revenue", "earnings_talk", "organic"]

# A bank's revenue said as income ("net interest income", "fee income", "capital markets income";
# no "interest income" alone: a company's on its cash), or its charges for its services.
BANK_INCOME = led(
    r"\b(?P<kind>(?:net\s+interest|non-?interest|fee|mortgage(?:\s+banking)?|capital\s+markets|"
    r"trust|wealth\s+management|card)(?=\s+income\b)|service\s+charges(?!\s+revenue))"
    r"(?:\s+income\b)?",
    re.I,
)


# "Earnings" naming a document or an event, no measure: "As you saw in our earnings release,".
_EARNINGS_TALK = led(
    r"\bearnings(?=\s+(?:press\s+)?(?:release|call|report|presentation|deck|materials|slides|"
    r"announcement|conference|script|webcast)s?\b)",
    re.I,
)


def earnings_talk(text: str) -> str:
    """`text` with "earnings" that names a document or an event blanked, of the same length."""
    return _EARNINGS_TALK.sub(lambda m: " " * len(m.group()), text)


def bank_revenue(text: str) -> str:
    """`text` with a bank's income said as sales, of the same length ("net interest  sales")."""
    return BANK_INCOME.sub(
        lambda m: re.sub(r"income$|charges$", lambda w: "sales".rjust(len(w.group())), m.group()),
        text,
    )


_LIKE_FOR_LIKE = led(r"\blike[- ]for[- ]like\b", re.I)


def organic(text: str) -> str:
    """`text` with "like-for-like" said as "organic", of the same length ("like-for-like
    growth of 3%": "organic       growth of 3%")."""
    return _LIKE_FOR_LIKE.sub(lambda m: "organic".ljust(len(m.group())), text)
