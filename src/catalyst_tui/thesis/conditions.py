"""The `when` condition grammar (METRIC OP NUMBER), against the metrics of thesis/catalogue.py;
never eval.

condition := metric ["(" line ")"] op number
metric    := a name in thesis/catalogue.METRICS
line      := a product line's name, for the metrics whose row takes one (line_share(Scorpio))
op        := ">=" | "<=" | ">" | "<"
number    := ["-"] digits ["." digits] [suffix]
suffix    := "%" (÷100, ratio metrics only) | "K" | "M" | "B" (×1e3/1e6/1e9, not on ratios)
"""

from __future__ import annotations

import difflib
import operator
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .catalogue import METRICS, Metric

if TYPE_CHECKING:
    from collections.abc import Callable

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}

_SCALE = {"%": 0.01, "K": 1e3, "M": 1e6, "B": 1e9}
_TOKEN = re.compile(
    r"\s*(?:(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>=>|=<|[<>=!]=?)|"
    r"(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?P<suffix>[%A-Za-z]*)|(?P<other>\S+))"
)
# The usual shape, `METRIC OP NUMBER` with a plain number, read by one match: every stored
# condition is parsed again when a database is first read (the watchlist's first frame reads
# 1,000 at 500 tickers). Anything else (a line metric, an exponent, an error to locate) is read
# token by token below; both give the same Condition (tests/thesis/test_conditions.py).
_PLAIN = re.compile(
    r"\s*(?P<word>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<op>>=|<=|>|<)\s*"
    r"(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+))(?P<suffix>[%KMB]?)\s*"
)
_CALL = re.compile(r"\s*(?P<word>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<arg>[^()]*)\)")


class ConditionError(ValueError):
    """A `when` string that does not parse; `offset` is the 0-based column inside the string."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True)
class Condition:
    metric: str
    op: str
    threshold: float
    text: str
    #: The product line a line metric is of ("Scorpio" in 'line_share(Scorpio) >= 40%'), or "".
    line: str = ""
    # The threshold as the user wrote it: '70%' in 'gross_margin >= 70%'; set at parse, as
    # a cached_property's first read takes a lock (docs/performance.md, evaluation).
    threshold_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "threshold_text", self.text.partition(self.op)[2].strip())

    def holds(self, value: float) -> bool:
        return OPERATORS[self.op](value, self.threshold)

    def __str__(self) -> str:
        return self.text


def parse_condition(text: str) -> Condition:
    """Parse `METRIC OP NUMBER` (`METRIC(LINE) OP NUMBER` for a line metric); raise
    ConditionError naming the bad part and where it is."""
    plain = _PLAIN.fullmatch(text)
    if plain:
        word = plain.group("word")
        known = METRICS.get(word)
        if known is not None and not known.parameter:
            value = _number(known, plain.group("num"), plain.group("suffix"), plain.start("num"))
            return Condition(
                metric=word, op=plain.group("op"), threshold=value, text=" ".join(text.split())
            )
    call = _CALL.match(text)
    after = call.end() if call else 0
    tokens: list[tuple[int, re.Match[str]]] = []
    if call:
        tokens.append((call.start("word"), call))
    for m in _TOKEN.finditer(text, after):
        kind = _kind(m)
        if kind:
            tokens.append((m.start(kind), m))
    if not tokens:
        raise ConditionError("empty condition: write METRIC OP NUMBER, e.g. 'gross_margin >= 70%'")

    start, m = tokens[0]
    if m.group("word") is None:
        raise ConditionError(
            f"a condition starts with a metric name, not {m.group().strip()!r}", start
        )
    name: str = m.group("word")
    metric = METRICS.get(name)
    if metric is None:
        close = difflib.get_close_matches(name, METRICS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(METRICS)}"
        raise ConditionError(f"unknown metric {name!r}{hint}", start)
    line = " ".join(call.group("arg").split()) if call else ""
    if metric.parameter and not line:
        raise ConditionError(
            f"{name} is of one product {metric.parameter}: name it, e.g. '{name}(Scorpio)'",
            start + len(name),
        )
    if call and not metric.parameter:
        raise ConditionError(f"{name} takes nothing in parentheses", call.start("arg"))

    if len(tokens) < 2:
        raise ConditionError(f"missing operator after {name!r}: one of >=, <=, >, <", len(text))
    start, m = tokens[1]
    op = m.group("op")
    if op not in OPERATORS:
        raise ConditionError(f"bad operator {m.group().strip()!r}: use one of >=, <=, >, <", start)

    if len(tokens) < 3:
        raise ConditionError(f"missing number after {op!r}", len(text))
    start, m = tokens[2]
    if m.group("num") is None:
        raise ConditionError(f"{m.group().strip()!r} is not a number", start)
    threshold = _number(metric, m.group("num"), m.group("suffix"), start)

    if len(tokens) > 3:
        extra_start, extra = tokens[3]
        raise ConditionError(
            f"unexpected {extra.group().strip()!r} after the number: "
            "one condition is METRIC OP NUMBER",
            extra_start,
        )
    return Condition(
        metric=name, op=op, threshold=threshold, text=" ".join(text.split()), line=line
    )


def _kind(m: re.Match[str]) -> str | None:
    return next((g for g in ("word", "op", "num", "other") if m.group(g) is not None), None)


def _number(metric: Metric, digits: str, suffix: str, at: int) -> float:
    value = float(digits)
    if suffix == "":
        if metric.ratio:
            raise ConditionError(f"{metric.name} is a ratio: write it with %, e.g. '{digits}%'", at)
        return value
    if suffix not in _SCALE:
        raise ConditionError(
            f"bad number suffix {suffix!r} in '{digits}{suffix}': use %, K, M or B", at
        )
    if suffix == "%" and not metric.ratio:
        raise ConditionError(f"{metric.name} is not a ratio: '%' does not apply", at)
    if suffix != "%" and metric.ratio:
        raise ConditionError(
            f"{metric.name} is a ratio: write a percentage such as '70%', not {suffix}", at
        )
    return value / 100 if suffix == "%" else value * _SCALE[suffix]  # 70/100 is exactly 0.7


def rebased(condition: Condition, factor: float) -> str:
    """The condition with its per-share threshold on today's share basis, `factor` being how many
    of today's shares one share became since it was written: 'price >= 1200' after a 10:1 split
    is 'price >= 120'. Kept to 4 decimals (a cent is 2)."""
    number = f"{condition.threshold / factor:.4f}".rstrip("0").rstrip(".")
    return f"{condition.metric} {condition.op} {number}"
