"""SEC companyfacts as each filing stated it: every value of the concepts the facts are derived
from (facts.py), with its filing's date, form and accession; and the facts as they were known on
a day, derived from the values filed on or before it alone (`known_by`; `FiledFacts` for one
filing day after another). Pure, no I/O.

A restated quarter (MRVL's first quarter of fiscal 2022: 832,279,000 in its 10-Q of 2021-06-09,
832,300,000 in the 10-Q of 2022-05-27) is two values here, each known from its own filing; a
per-share value of a quarter filed before a split is on the share basis its filings stated."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from ..models import Fact, FiledValue
from .facts import (
    COST_CONCEPTS,
    REVENUE_CONCEPTS,
    _parse_date,
    _parse_number,
    derive_facts,
    derived,
)
from .series import Observation

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

#: The (taxonomy, concept, unit) the facts are derived from, each kept as filed.
READ: tuple[tuple[str, str, str], ...] = (
    *(("us-gaap", c, "USD") for c in REVENUE_CONCEPTS),
    *(("us-gaap", c, "USD") for c in COST_CONCEPTS),
    ("us-gaap", "GrossProfit", "USD"),
    ("us-gaap", "OperatingIncomeLoss", "USD"),
    ("us-gaap", "EarningsPerShareDiluted", "USD/shares"),
    ("us-gaap", "NetIncomeLoss", "USD"),
    ("dei", "EntityCommonStockSharesOutstanding", "shares"),
)


def filed_values(companyfacts: dict[str, Any]) -> list[FiledValue]:
    """Every well-formed value of the READ concepts, as its filing stated it; a malformed entry
    is left out (as facts.py leaves it)."""
    facts = companyfacts.get("facts") if isinstance(companyfacts, dict) else None
    out: list[FiledValue] = []
    if not isinstance(facts, dict):
        return out
    for taxonomy, concept, unit in READ:
        node = facts.get(taxonomy, {})
        node = node.get(concept) if isinstance(node, dict) else None
        units = node.get("units") if isinstance(node, dict) else None
        entries = units.get(unit) if isinstance(units, dict) else None
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            end, filed = _parse_date(entry.get("end")), _parse_date(entry.get("filed"))
            value = _parse_number(entry.get("val"))
            start = _parse_date(entry.get("start"))
            if end is None or filed is None or value is None:
                continue
            form, accn = entry.get("form"), entry.get("accn")
            out.append(
                FiledValue(
                    taxonomy,
                    concept,
                    unit,
                    start,
                    end,
                    value,
                    form if isinstance(form, str) else "",
                    filed,
                    accn if isinstance(accn, str) else "",
                )
            )
    return out


def companyfacts_of(values: Iterable[FiledValue]) -> dict[str, Any]:
    """A companyfacts body holding `values` alone, in the shape facts.py reads."""
    facts: dict[str, Any] = {}
    for v in values:
        units = facts.setdefault(v.taxonomy, {}).setdefault(v.concept, {"units": {}})["units"]
        entry = {"end": v.period_end.isoformat(), "val": v.value, "filed": v.filed.isoformat()}
        if v.period_start is not None:
            entry["start"] = v.period_start.isoformat()
        entry["form"], entry["accn"] = v.form, v.accession
        units.setdefault(v.unit, []).append(entry)
    return {"facts": facts}


class FiledFacts:
    """`ordered`'s values (oldest filing first), each read once as the derivation reads a
    companyfacts body's entry (facts.py); `known_by(upto)` derives the facts as known once the
    first `upto` of them were filed, from those values alone, without a body made and read
    again for each filing day."""

    def __init__(self, ordered: Sequence[FiledValue]) -> None:
        self._at: dict[tuple[str, str, str], list[int]] = {}
        self._values: dict[tuple[str, str, str], list[FiledValue]] = {}
        for at, v in enumerate(ordered):
            key = (v.taxonomy, v.concept, v.unit)
            self._at.setdefault(key, []).append(at)
            self._values.setdefault(key, []).append(v)
        self._read: dict[tuple[str, str, str, bool], list[Observation]] = {}

    def known_by(self, upto: int) -> list[Fact]:
        def read(namespace: str, concept: str, unit: str, *, instant: bool) -> list[Observation]:
            key = (namespace, concept, unit)
            found = self._observations(key, instant)
            return found[: bisect.bisect_left(self._at.get(key, ()), upto)]

        return derived(read)

    def _observations(self, key: tuple[str, str, str], instant: bool) -> list[Observation]:
        """The concept's values as observations, in filing order (a duration's without a start,
        or starting after its end, left out, as facts.py leaves such an entry out)."""
        found = self._read.get((*key, instant))
        if found is None:
            source = f"{key[0]}:{key[1]}"
            found = []
            at = []
            for index, v in zip(self._at.get(key, ()), self._values.get(key, ()), strict=True):
                start = None if instant else v.period_start
                if not instant and (start is None or start > v.period_end):
                    continue
                at.append(index)
                found.append(
                    Observation(
                        start=start,
                        end=v.period_end,
                        value=v.value,
                        form=v.form,
                        filed=v.filed,
                        accn=v.accession,
                        source=source,
                    )
                )
            self._read[(*key, instant)] = found
            self._at[key] = at  # the kept ones' places, for known_by's cut
        return found


def known_by(ordered: Sequence[FiledValue], upto: int) -> list[Fact]:
    """The facts as known once the first `upto` of `ordered` (oldest filing first) were filed:
    derived (facts.py) from those values alone."""
    return derive_facts(companyfacts_of(ordered[:upto]))


def filing_days(ordered: Sequence[FiledValue]) -> list[tuple[dt.date, int]]:
    """Each filing day of `ordered` (oldest filing first) and how many values were filed by its
    end: what `known_by` is asked for, a day at a time."""
    out: list[tuple[dt.date, int]] = []
    for at, value in enumerate(ordered):
        if out and out[-1][0] == value.filed:
            out[-1] = (value.filed, at + 1)
        else:
            out.append((value.filed, at + 1))
    return out
