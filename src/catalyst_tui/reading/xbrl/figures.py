"""The figures a filing's XBRL states for its current period beside revenue, by concept: what a
metric declared with `xbrl=` concepts in thesis/catalogue.py reads (`read_segments(...,
figures=)` is given the concepts; this module knows none of its own). Undimensioned facts only:
a duration's over the period (an expense), an instant's at its end (a balance). A concept the
filing does not state, or states twice with values that disagree, is left out: never guessed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import XbrlFormatError
from .revenue import agree

if TYPE_CHECKING:
    from collections.abc import Collection

    from .facts import Instance
    from .revenue import Period


def figures_of(instance: Instance, period: Period, concepts: Collection[str]) -> dict[str, float]:
    """Each of `concepts` (local names) the filing states for `period`, by concept."""
    found: dict[str, float] = {}
    for concept in concepts:
        facts = []
        for fact in instance.facts:
            context = instance.contexts.get(fact.context)
            if fact.concept != concept or context is None or context.dims or context.typed:
                continue
            if context.end == period.end and context.start in (None, period.start):
                facts.append(fact)
        if not facts:
            continue
        try:
            found[concept] = float(agree(facts, f"{facts[0].prefix}:{concept}").value)
        except XbrlFormatError:  # two values for one figure: neither is taken
            continue
    return found
