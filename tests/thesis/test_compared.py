"""A value and its threshold are shown in one unit, with enough digits never to contradict their
comparison: wherever a reason says `value OP threshold` (`check`, `report`, `changes`, the
timeline, notifications and replay all say it through thesis/wording.py), the two figures as
printed, read back as numbers, compare the way OP says; the threshold reads back as the number
that was written; the value is the value, rounded to the digits shown. The law over generated
metrics, values, thresholds (as a user writes them) and operators; the reader of the printed
figures is this file's own."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from catalyst_tui.thesis.catalogue import METRICS, Unit
from catalyst_tui.thesis.conditions import OPERATORS, parse_condition
from catalyst_tui.thesis.evaluate import Reason, Why
from catalyst_tui.thesis.observation import Observation
from catalyst_tui.thesis.reported.forecast import Forecast, Source
from catalyst_tui.thesis.wording import (
    compared,
    comparison,
    forecast_text,
    threshold_text,
    value_against,
)

NUMBER_METRICS = sorted(m.name for m in METRICS.values() if not m.word)
# The comparison a reason states: the condition's own when it holds, else its negation.
NEGATION = {">=": "<", "<=": ">", ">": "<=", "<": ">="}
# A figure as printed: a sign, a $, digits with thousands' commas, a unit letter, % or x, and
# a currency's code after a space.
FIGURE = re.compile(r"(-?)(\$?)([\d,]*\.?\d+)([KMB]?)([%x]?)((?: [A-Za-z]{3})?)")
SENTENCE = re.compile(r"(\S+) (\S+) (>=|<=|>|<) (\S+)")
FACTOR = {"": Decimal(1), "K": Decimal(10) ** 3, "M": Decimal(10) ** 6, "B": Decimal(10) ** 9}


def read(figure: str) -> tuple[Decimal, str]:
    """A printed figure as a number in its unit, and that unit ("$B", "%", "x", "")."""
    found = FIGURE.fullmatch(figure)
    assert found, f"{figure!r} is not a figure"
    sign, dollar, digits, letter, suffix, code = found.groups()
    number = Decimal(digits.replace(",", "")) * (-1 if sign else 1)
    return number, f"{dollar}{letter}{suffix}{code}"


def compare(op: str, left: Decimal, right: Decimal) -> bool:
    """`left op right` of the numbers as read (the comparisons' own functions: any numbers)."""
    return bool(OPERATORS[op](left, right))  # type: ignore[arg-type]


def scale(unit: str) -> Decimal:
    """What one of `unit` stands for: $B is 1,000,000,000, % is 0.01."""
    letter = next((c for c in unit if c in "KMB"), "")
    return FACTOR[letter] / (100 if unit == "%" else 1)


def in_units(figure: str) -> Decimal:
    """A printed figure as the number it stands for: $3.4089B is 3408900000, 70% is 0.70."""
    number, unit = read(figure)
    return number * scale(unit)


def written_threshold(metric: str, digits: Decimal, suffix_of: st.DataObject) -> str:
    """The threshold as a user writes it: 70% for a ratio, 1.55B or 3408900000 for money."""
    row = METRICS[metric]
    text = format(digits, "f")
    if row.ratio:
        return text + "%"
    if row.unit is Unit.MONEY and not row.per_share:
        return text + suffix_of.draw(st.sampled_from(["", "K", "M", "B"]))
    return text


def values_near(threshold: float) -> st.SearchStrategy[float]:
    """Values at, a few floats either side of, a hair from, and far from `threshold`."""

    def stepped(steps: int) -> float:
        value = threshold
        for _ in range(abs(steps)):
            value = math.nextafter(value, math.inf if steps > 0 else -math.inf)
        return value

    return st.one_of(
        st.just(threshold),
        st.integers(-3, 3).map(stepped),
        st.sampled_from([1e-12, 1e-9, 1e-6, 1e-4, 1e-3]).flatmap(
            lambda e: st.sampled_from([threshold * (1 + e), threshold * (1 - e), threshold + e])
        ),
        st.floats(-1e13, 1e13, allow_nan=False, allow_infinity=False),
    )


def assert_the_law(metric: str, condition_text: str, value: float) -> None:
    condition = parse_condition(condition_text)
    op = condition.op if condition.holds(value) else NEGATION[condition.op]
    reason = Reason(Why.COMPARED, observed=Observation(value), op=op)
    sentence = comparison(condition, reason)
    parts = SENTENCE.fullmatch(sentence)
    assert parts, sentence
    name, shown, said, bound = parts.groups()
    assert (name, said) == (metric, op)
    (shown_number, shown_unit), (bound_number, bound_unit) = read(shown), read(bound)
    assert shown_unit == bound_unit, f"two units: {sentence}"
    assert compare(op, shown_number, bound_number), f"contradicts itself: {sentence}"
    # The threshold is the number written; the value is itself to the digits shown.
    assert in_units(bound) == Decimal(repr(condition.threshold)), sentence
    places = max(0, -int(shown_number.as_tuple().exponent))
    itself = Decimal(value) / scale(shown_unit)
    assert abs(shown_number - itself) <= Decimal(5) * Decimal(10) ** -(places + 1), sentence
    # The row's value and target say the same digits as the reason.
    row_value, target = value_against(condition, value, op)
    assert (row_value, target) == (shown, f"{condition.op} {bound}"), sentence


@given(
    st.sampled_from(NUMBER_METRICS),
    st.sampled_from(sorted(NEGATION)),
    st.decimals(-(10**12), 10**12, places=4, allow_nan=False, allow_infinity=False),
    st.integers(0, 4),
    st.data(),
)
def test_a_value_and_its_threshold_never_contradict_their_comparison(
    metric: str, op: str, number: Decimal, places: int, data: st.DataObject
):
    digits = round(number, places)
    written = written_threshold(metric, digits, data)
    parameter = f"({'Scorpio'})" if METRICS[metric].parameter else ""
    text = f"{metric}{parameter} {op} {written}"
    threshold = parse_condition(text).threshold
    assume(math.isfinite(threshold))
    value = data.draw(values_near(threshold))
    assert_the_law(metric, text, value)


@pytest.mark.parametrize(
    ("condition", "value", "said"),
    [
        # The reasons that contradicted themselves, as a user met them.
        ("eps_ttm >= 3.29", 3.2875, "eps_ttm 3.288 < 3.29"),
        ("gross_margin >= 20%", 0.19996, "gross_margin 19.996% < 20%"),
        ("net_margin >= -15.46%", -0.15455, "net_margin -15.45% >= -15.46%"),
        ("revenue_q >= 3408900000", 3.4075e9, "revenue_q $3.408B < $3.4089B"),
        ("forward_pe <= 200", 45.4, "forward_pe 45.4x <= 200x"),
        ("revenue_ttm >= 1.55B", 1.5449e9, "revenue_ttm $1.54B < $1.55B"),
        ("revenue_ttm >= 1.55B", 0.95e9, "revenue_ttm $0.95B < $1.55B"),
        ("gross_margin >= 70%", 0.6912, "gross_margin 69.1% < 70%"),
    ],
)
def test_the_reasons_a_user_met_read_true(condition: str, value: float, said: str):
    assert_the_law(said.split()[0], condition, value)
    parsed = parse_condition(condition)
    op = parsed.op if parsed.holds(value) else NEGATION[parsed.op]
    assert comparison(parsed, Reason(Why.COMPARED, observed=Observation(value), op=op)) == said


@given(st.floats(1e6, 1e12), st.data())
@example(1.5449e9, None)
def test_a_forecast_beside_its_threshold_reads_its_side(value: float, data):
    threshold = 1.545e9 if data is None else data.draw(values_near(value).filter(lambda t: t > 0))
    assume(threshold < 1e13)
    condition = parse_condition(f"revenue_fy >= {format(Decimal(repr(threshold)), 'f')}")
    forecast = Forecast(Source.STREET, value, dt.date(2026, 12, 31), 3)
    said = forecast_text(forecast, condition)
    found = re.fullmatch(r"the Street expects (\S+) for the year to \S+, (\w+) your (\S+)", said)
    assert found, said
    shown, side, bound = found.groups()
    op = {"above": ">", "below": "<", "at": "=="}[side]
    assert compare(op, read(shown)[0], read(bound)[0]), said
    assert read(shown)[1] == read(bound)[1] and read(bound)[1].startswith("$")


def test_a_threshold_alone_is_in_its_metrics_unit():
    assert threshold_text("revenue_fy", 1.55e9) == "$1.55B"
    assert threshold_text("revenue_q", 3408900000.0) == "$3.4089B"
    assert threshold_text("forward_pe", 200.0) == "200x"
    assert threshold_text("gross_margin", 0.7) == "70%"
    assert threshold_text("net_margin", parse_condition("net_margin >= -15.46%").threshold) == (
        "-15.46%"
    )
    assert threshold_text("market_cap", 2.5e9, "CHF") == "2.5B CHF"
    assert threshold_text("guidance", 1.0) == '"cut"'
    assert value_against(parse_condition("revenue_fy >= 1.55B"), None) == ("—", ">= $1.55B")


def test_money_in_another_currency_is_in_one_unit_with_its_code():
    assert compared("market_cap", 2.4e9, "<", 2.5e9, "CHF") == ("2.4B CHF", "2.5B CHF")
    assert compared("market_cap", 950e6, "<", 1.05e9, "EUR") == ("0.95B EUR", "1.05B EUR")
