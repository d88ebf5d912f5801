"""Which row of a release's table is which figure: the label vocabularies, declared once.

Pure. Labels come in `normal_label` form (lower case, no footnote marks, "(loss)" dropped), so
"Net income (loss) attributable to Intel" is "net income attributable to intel" here. Each
`*_rank` gives 0 for a row that is not the figure, else how strongly it is: a "Total ..." line
outranks the line it sums ("Net sales" then "Total revenue"), and net income "attributable to"
the company outranks net income before non-controlling interests.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tables import Line

__all__ = [
    "cost_part",
    "cost_rank",
    "eps_diluted",
    "eps_diluted_rank",
    "eps_nongaap",
    "gross_profit_rank",
    "names_per_share",
    "net_income_rank",
    "operating_income_rank",
    "revenue_rank",
]

_REVENUE = re.compile(
    r"^(?P<total>total )?(?:net )?(?:operating )?(?:revenues?|sales)(?:, net)?"
    # "Net revenue - reported" (a bank's "- managed" is another), "Total revenues net of interest
    # expense" (a card issuer's)
    r"(?: - reported|,? as reported|, reported| \(reported\)|,? net of interest expense)?$"
    r"|^sales, net(?: of .*)?$"
    r"|^(?P<total2>total )?(?:net )?sales and (?:other )?(?:operating )?revenues?$"
    r"|^(?P<total3>total )?revenues? and other income$"
)
_COST = re.compile(
    r"^(?P<total>total )?cost of "
    r"(?:revenues?|sales|goods sold|net sales|products and services sold)(?: \(.*\))?$"
    r"|^merchandise costs$"
)
# "Net income", "Net earnings"; the bottom line's other name, "Profit" ("Net profit", "Profit
# attributable to ...", "Profit for the period"): a profit that names no level of the statement
# above it (gross, operating, before taxes, of consolidated companies) is what is left at its foot
_NET_INCOME = re.compile(
    r"^(?:consolidated )?(?:net (?:income|earnings|loss|profit)|profit)"
    r"(?: (?:attributable|available) to (?P<whose>.+)| applicable to (?P<common>.+)"
    r"| for the (?:period|quarter|year))?$"
)
# What a label or a section's heading (both lowered) says, by its words: matched from its start
# (^) or searched anywhere.
_SAYS = {
    key: re.compile(pattern)
    for key, pattern in (
        # the cost of what was sold alone, not of a revenue: "Cost of goods sold", "Cost of sales"
        ("cost of sold", r"^(?:total )?cost of (?:goods sold|sales|net sales)(?: \(.*\))?$"),
        # a cost of what was sold, whole or in part: "Cost of products", "Costs of services"
        ("cost part", r"^costs? of "),
        ("gross", r"^(?:total )?gross (?:profit|margin)$"),
        (
            "operating",
            r"^(?:total )?(?:operating (?:income|profit|loss|earnings)"
            r"|(?:income|loss|earnings|profit) from operations)$",
        ),
        ("others", r"non-?controlling|minority|redeemable"),
        ("shares", r"\bshares\b|weighted"),
        # a depositary share holds several shares: "Diluted earnings per ADS" is no EPS
        ("ads", r"\bads\b|\badss\b|depositary"),
        ("per share", r"per (?:common |diluted )?share|\beps\b"),
        ("non-gaap", r"non-gaap|adjusted|\bcore\b|\bcomparable\b"),
        # a company's own non-GAAP measure named by what it leaves out: no other, qualified one
        (
            "standard exclusion",
            r"\bexcl(?:uding|\.)? (?:identified|certain|special|significant|notable|unusual"
            r"|specified|non-?recurring|one-time|discrete) items?|\bexcluding a significant item",
        ),
        ("diluted", r"\bdilut(?:ed|ion)\b"),
        ("non-gaap alone", r"^(?:non-gaap|adjusted|as adjusted)(?: diluted)?$"),
        # "excluding H20 charge", "(as adjusted to exclude ...)", "before ...": another measure;
        # rates held still
        (
            "qualified",
            r"\bexclud\w*|\bexcl\b|\bbefore\b|pro forma|constant[- ]currency|currency[- ]neutral"
            r"|fx[- ]neutral|f/x[- ]neutral",
        ),
    )
}


def names_per_share(text: str) -> bool:
    """Whether a label or heading names a per-share figure ("per common share", "EPS")."""
    return _SAYS["per share"].search(text) is not None


@lru_cache(maxsize=4096)  # a release asks of the same labels many times
def revenue_rank(label: str) -> int:
    match = _REVENUE.match(label)
    return 0 if match is None else 2 if match["total"] or match["total2"] or match["total3"] else 1


@lru_cache(maxsize=4096)
def cost_rank(label: str) -> int:
    match = _COST.match(label)
    return 0 if match is None else 2 if match["total"] else 1


def beyond_sales(revenue: str, cost: str) -> bool:
    """Revenue of sales and other revenues ("Total sales and revenues", "Revenues and other
    income") beside a cost of what was sold alone ("Cost of goods sold"): the cost covers the
    sales, not the whole."""
    return (
        revenue_rank(revenue) > 0
        and " and " in revenue
        and _SAYS["cost of sold"].match(cost) is not None
    )


def cost_part(label: str) -> bool:
    """A line of the costs of what was sold, the whole cost of revenue or one of its parts."""
    return _SAYS["cost part"].match(label) is not None


@lru_cache(maxsize=4096)
def gross_profit_rank(label: str) -> int:
    """Gross profit, or "Gross margin" when the line is an amount (checked by the caller)."""
    return 1 if _SAYS["gross"].match(label) else 0


@lru_cache(maxsize=4096)
def operating_income_rank(label: str) -> int:
    return 1 if _SAYS["operating"].match(label) else 0


@lru_cache(maxsize=4096)
def net_income_rank(label: str) -> int:
    match = _NET_INCOME.match(label)
    if match is None:
        return 0
    whose = match["whose"]
    if match["common"] is not None:  # "applicable to common stockholders": beside net income,
        return 0 if _SAYS["others"].search(match["common"]) else 1  # the first printed is read
    if whose is None:
        return 1
    return 0 if _SAYS["others"].search(whose) else 2


_CONTINUING = re.compile(r"\bcontinuing operations\b")
_DISCONTINUED = re.compile(r"\bdiscontinued\b")


def eps_diluted_rank(line: Line) -> int:
    """eps_diluted as a rank: the whole diluted EPS (2) before the part from continuing
    operations (1), the part from discontinued operations none (0)."""
    if not eps_diluted(line) or _DISCONTINUED.search(line.label):
        return 0
    return 1 if _CONTINUING.search(line.label) else 2


def eps_diluted(line: Line) -> bool:
    """GAAP diluted EPS: "Diluted earnings per share", "... per share—diluted", or "Diluted"
    (and "Basic and diluted") under an earnings-per-share heading."""
    return _eps_diluted(line.label, line.section)


@lru_cache(maxsize=4096)
def _eps_diluted(label: str, section: str) -> bool:
    if (
        _SAYS["non-gaap"].search(label)
        or _SAYS["shares"].search(label)
        or _SAYS["qualified"].search(label)
    ):
        return False
    if _SAYS["ads"].search(label) or _SAYS["ads"].search(section):
        return False
    if _SAYS["non-gaap"].search(section) or _SAYS["standard exclusion"].search(section):
        return False  # "Diluted" under "Non-GAAP net income per share"
    if ("diluted" in label or "assuming dilution" in label) and _SAYS["per share"].search(label):
        return True
    if section in ("diluted", "assuming dilution") and _SAYS["per share"].search(label):
        return "basic" not in label  # "Diluted" over "Net income ... per common share"
    if label == "total" and section in ("diluted", "assuming dilution"):
        return True  # "Assuming Dilution" over "Continuing Operations", ..., "TOTAL"
    if label in ("diluted", "basic and diluted", "assuming dilution"):
        return bool(_SAYS["per share"].search(section) or "earnings per" in section) and not (
            _SAYS["shares"].search(section)
        )
    return False


def _named(label: str) -> str:
    """The label with the company's own non-GAAP measure named as such ("excluding identified
    items" -> "non-gaap")."""
    if _SAYS["standard exclusion"].search(label):
        return " ".join(_SAYS["standard exclusion"].sub(" non-gaap", label).split())
    return label


def eps_nongaap(line: Line, title: str) -> bool:
    """Non-GAAP diluted EPS as labelled: "Non-GAAP diluted net income per share", "Non-GAAP"
    under "Diluted net income per share", or diluted EPS in a table titled "Non-GAAP".

    A qualified measure ("Non-GAAP, as adjusted to exclude H20 ... charges", "Diluted earnings
    per share excluding H20 charge") is another figure, not the release's non-GAAP EPS.
    """
    label, section = _named(line.label), _named(line.section)
    if (
        _SAYS["qualified"].search(label)
        or _SAYS["shares"].search(label)
        or _SAYS["ads"].search(label)
    ):
        return False
    if _SAYS["ads"].search(section):
        return False
    if label in ("diluted", "assuming dilution") and _SAYS["non-gaap"].search(section):
        # "Diluted" under "Earnings excluding identified items per common share"
        return bool(_SAYS["per share"].search(section)) and not _SAYS["qualified"].search(section)
    if _SAYS["non-gaap"].search(label):
        if _SAYS["per share"].search(label) and "basic" not in label:
            return True  # "diluted", or the only per-share figure so labelled
        if not _SAYS["per share"].search(section) or "basic" in label:
            return False
        # "Non-GAAP" under "Diluted net income per share"; "Earnings excluding identified items
        # - assuming dilution" under "Per common share"
        return (
            bool(_SAYS["non-gaap alone"].match(label))
            and "diluted" in section
            or bool(_SAYS["diluted"].search(label))
        )
    return eps_diluted(line) and bool(_SAYS["non-gaap alone"].match(title.strip()))
