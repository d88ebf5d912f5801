"""The `when` condition grammar (METRIC OP NUMBER, or WORD-METRIC == "WORD"), against the metrics
of thesis/catalogue.py; never eval.

condition := metric ["(" name ")"] op number | word-metric ("==" | "!=") '"' word '"'
metric    := a name in thesis/catalogue.METRICS whose unit is not a word
name      := a product line's or a product's, for the metrics whose row takes one
             (line_share(Scorpio), share(Scorpio))
op        := ">=" | "<=" | ">" | "<"
number    := ["-"] digits ["." digits] [suffix]
suffix    := "%" (÷100, ratio metrics only) | "K" | "M" | "B" (×1e3/1e6/1e9, not on ratios)
word      := one of the word metric's row's `words` (guidance: "raised", "cut", ...), any case

A word metric's condition keeps the Condition record's float threshold: it is the word's index
in its row's `words`, and the metric's value is its word's index too (thesis/wording.py
writes the word back); == and != compare those indexes.
"""

from __future__ import annotations

import difflib
import math
import operator
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from .catalogue import METRICS, Metric

if TYPE_CHECKING:
    from collections.abc import Callable

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
NUMBER_OPERATORS = (">=", "<=", ">", "<")
WORD_OPERATORS = ("==", "!=")

_ONE = {"line": "product line", "product": "product"}  # what a metric's parameter names
_EXPONENT = {"%": -2, "K": 3, "M": 6, "B": 9}  # each suffix's power of ten
_TOKEN = re.compile(
    r"\s*(?:(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>=>|=<|[<>=!]=?)|"
    r"(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?P<suffix>[%A-Za-z]*)|"
    r'(?P<quoted>"[^"]*"?)|(?P<other>\S+))'
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
    """A checkpoint's condition as parsed: a metric (of a product line, for a line metric), a
    comparison and a threshold, with the text the user wrote."""

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
    """Parse `METRIC OP NUMBER` (`METRIC(NAME) OP NUMBER` for a line's or a product's metric,
    `METRIC == "WORD"` for a word metric); raise ConditionError naming the bad part and where
    it is."""
    plain = _PLAIN.fullmatch(text)
    if plain:
        word = plain.group("word")
        known = METRICS.get(word)
        if known is not None and not known.parameter and not known.word:
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
            f"{name} is of one {_ONE[metric.parameter]}: name it, e.g. '{name}(Scorpio)'",
            start + len(name),
        )
    if call and not metric.parameter:
        raise ConditionError(f"{name} takes nothing in parentheses", call.start("arg"))

    if len(tokens) < 2:
        ops = _ops(metric)
        raise ConditionError(f"missing operator after {name!r}: one of {ops}", len(text))
    start, m = tokens[1]
    op = m.group("op")
    _check_operator(metric, op, m.group().strip(), start)

    if len(tokens) < 3:
        wanted = "a word in double quotes" if metric.word else "number"
        raise ConditionError(f"missing {wanted} after {op!r}", len(text))
    start, m = tokens[2]
    if metric.word:
        threshold = _word(metric, m, start)
    elif m.group("quoted") is not None:
        raise ConditionError(
            f"{name} is a number, not a word: compare it with a number, e.g. '{_example(metric)}'",
            start,
        )
    elif m.group("num") is None:
        raise ConditionError(f"{m.group().strip()!r} is not a number", start)
    else:
        threshold = _number(metric, m.group("num"), m.group("suffix"), start)

    if len(tokens) > 3:
        extra_start, extra = tokens[3]
        what = 'WORD-METRIC == "WORD"' if metric.word else "METRIC OP NUMBER"
        raise ConditionError(
            f"unexpected {extra.group().strip()!r} after the "
            f"{'word' if metric.word else 'number'}: one condition is {what}",
            extra_start,
        )
    return Condition(
        metric=name, op=op, threshold=threshold, text=" ".join(text.split()), line=line
    )


def _ops(metric: Metric) -> str:
    return ", ".join(WORD_OPERATORS if metric.word else NUMBER_OPERATORS)


def _example(metric: Metric) -> str:
    written = f"{metric.name}(Scorpio)" if metric.parameter else metric.name
    return f"{written} >= {'20%' if metric.ratio else '100'}"


def _check_operator(metric: Metric, op: str | None, written: str, at: int) -> None:
    """A word metric is compared with == or !=, a number metric with >=, <=, > or <."""
    if op in (WORD_OPERATORS if metric.word else NUMBER_OPERATORS):
        return
    if metric.word:
        example = f'{metric.name} == "{metric.words[0]}"'
        raise ConditionError(
            f"{metric.name} is a word: compare it with == or !=, e.g. '{example}'", at
        )
    if op in WORD_OPERATORS:
        words = ", ".join(m.name for m in METRICS.values() if m.word)
        raise ConditionError(
            f"bad operator {written!r} on {metric.name}, a number: use one of >=, <=, >, < "
            f"(== and != compare a word metric: {words})",
            at,
        )
    raise ConditionError(f"bad operator {written!r}: use one of >=, <=, >, <", at)


def _word(metric: Metric, m: re.Match[str], at: int) -> float:
    """A word metric's threshold: the index of the quoted word in its row's words."""
    allowed = ", ".join(f'"{w}"' for w in metric.words)
    quoted = m.group("quoted")
    if quoted is None:
        said = m.group().strip()
        if m.group("word") is not None and said.lower() in metric.words:
            raise ConditionError(f'write the word in double quotes: "{said}"', at)
        raise ConditionError(f"{metric.name} is a word, not {said!r}: write one of {allowed}", at)
    if len(quoted) < 2 or not quoted.endswith('"'):
        raise ConditionError(f"{quoted} has no closing double quote", at + len(quoted))
    word = quoted[1:-1].strip().lower()
    if word not in metric.words:
        raise ConditionError(
            f"{quoted} is not a word {metric.name} takes: one of {allowed}", at + 1
        )
    return float(metric.words.index(word))


def _kind(m: re.Match[str]) -> str | None:
    return next(
        (g for g in ("word", "op", "num", "quoted", "other") if m.group(g) is not None), None
    )


def _number(metric: Metric, digits: str, suffix: str, at: int) -> float:
    value = float(digits)
    if suffix == "":
        if metric.ratio:
            raise ConditionError(f"{metric.name} is a ratio: write it with %, e.g. '{digits}%'", at)
        return value
    if suffix not in _EXPONENT:
        raise ConditionError(
            f"bad number suffix {suffix!r} in '{digits}{suffix}': use %, K, M or B", at
        )
    if suffix == "%" and not metric.ratio:
        raise ConditionError(f"{metric.name} is not a ratio: '%' does not apply", at)
    if suffix != "%" and metric.ratio:
        raise ConditionError(
            f"{metric.name} is a ratio: write a percentage such as '70%', not {suffix}", at
        )
    if not math.isfinite(value):  # '1e400%': too large to compare with (config validation)
        return value
    # The float nearest the number written: -15.46/100 in floats is -0.15460000000000002, a
    # threshold that a value of exactly -15.46% would pass as above it and that reads back so.
    return float(Decimal(digits).scaleb(_EXPONENT[suffix]))


def rebased(condition: Condition, factor: float) -> str:
    """The condition with its per-share threshold on today's share basis, `factor` being how many
    of today's shares one share became since it was written: 'price >= 1200' after a 10:1 split
    is 'price >= 120'. Kept to 4 decimals (a cent is 2)."""
    number = f"{condition.threshold / factor:.4f}".rstrip("0").rstrip(".")
    return f"{condition.metric} {condition.op} {number}"
