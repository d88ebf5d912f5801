"""parse_condition reads the usual shape (`METRIC OP NUMBER`) by one match and everything else
token by token: both ways must give the same Condition, and the same error at the same place."""

from __future__ import annotations

import itertools
import re

import pytest

from catalyst_tui.thesis import conditions
from catalyst_tui.thesis.conditions import ConditionError, parse_condition


def _by_tokens(text: str) -> conditions.Condition:
    """The token-by-token reading alone (the one-match shape switched off)."""
    plain = conditions._PLAIN
    conditions._PLAIN = re.compile(r"(?!)")  # matches nothing
    try:
        return parse_condition(text)
    finally:
        conditions._PLAIN = plain


METRICS = [
    "gross_margin",
    "price",
    "revenue_growth",
    "eps_ttm",
    "market_cap",
    "nosuch",
    "line_share",
]
OPS = [">=", "<=", ">", "<", "=", "=>", "!="]
NUMBERS = ["70", "70%", "1.5", ".5", "5.", "-3", "+2%", "1.55B", "400M", "2K", "5e3", "7x", "5 %"]
SPACES = [("", " ", " ", ""), (" ", "", "", "  "), ("\t", "  ", "", " ")]


@pytest.mark.parametrize(("metric", "op"), list(itertools.product(METRICS, OPS)))
def test_the_one_match_reads_as_the_tokens_do(metric, op):
    for number, (lead, before, after, tail) in itertools.product(NUMBERS, SPACES):
        text = f"{lead}{metric}{before}{op}{after}{number}{tail}"
        try:
            expected: object = _by_tokens(text)
        except ConditionError as exc:
            expected = (exc.message, exc.offset)
        try:
            got: object = parse_condition(text)
        except ConditionError as exc:
            got = (exc.message, exc.offset)
        assert got == expected, text


def test_the_usual_shape_gives_its_figures():
    c = parse_condition("  gross_margin  >=  70.5% ")
    assert (c.metric, c.op, c.threshold, c.line) == ("gross_margin", ">=", 0.705, "")
    assert c.text == "gross_margin >= 70.5%"
    assert c.threshold_text == "70.5%"
    assert parse_condition("revenue_ttm >= 1.55B").threshold == 1.55e9
    with pytest.raises(ConditionError) as info:
        parse_condition("gross_margin >= 70")  # a ratio without its %
    assert info.value.offset == len("gross_margin >= ")
