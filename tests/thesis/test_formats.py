"""One format per kind of figure, written in one place (thesis/wording.py; the units of money and
a value beside its threshold in thesis/figures.py): a multiple is 44.5x
wherever it is shown, money carries its currency ($415M, 415M CHF), a percentage is 69.1%. The
CLI, the TUI and the report call the same functions; the source holds no other spelling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.thesis.wording import format_value, money, multiple, percent

SOURCE = Path(__file__).resolve().parents[2] / "src" / "catalyst_tui"
HOME = SOURCE / "thesis" / "wording.py"


# What shows figures: the CLI's output, the TUI, the views, notifications (the readers parse).
SHOWN = ("cli", "tui", "views", "notify", "thesis")


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [
        (r"\}x[\"']", "a multiple written with an x of its own"),
        (r"replace\(\s*[\"']\$[\"'],\s*[\"'][\"']\)", "money re-spelled without its $"),
    ],
)
def test_no_module_writes_a_figure_kind_of_its_own(pattern: str, kind: str):
    found = [
        f"{path.relative_to(SOURCE)}:{number}"
        for folder in SHOWN
        for path in (SOURCE / folder).rglob("*.py")
        if path != HOME
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(pattern, line)
    ]
    assert found == [], f"{kind}: {found}"


@pytest.mark.parametrize(
    ("metric", "value", "currency", "shown"),
    [
        ("forward_pe", 44.5, None, "44.5x"),
        ("pe_ttm", 44.5, None, "44.5x"),
        ("forward_pe", 212.4, None, "212x"),
        ("revenue_q", 415e6, None, "$415M"),
        ("market_cap", 2.5e9, "CHF", "2.5B CHF"),
        ("market_cap", 2.5e9, "USD", "$2.5B"),
        ("gross_margin", 0.6912, None, "69.1%"),
        ("eps_ttm", 1.234, "USD", "1.23 USD"),
        ("price", 1234.5, None, "1,234.50"),
    ],
)
def test_each_kind_is_written_one_way(metric, value, currency, shown):
    assert format_value(metric, value, currency) == shown


@given(st.floats(min_value=0.01, max_value=99.94, allow_nan=False))
def test_a_multiple_below_100_reads_back_to_its_tenth(value: float):
    shown = multiple(value)
    assert shown.endswith("x") and abs(float(shown[:-1]) - value) <= 0.05 + 1e-9


@given(st.floats(min_value=1e3, max_value=1e12, allow_nan=False), st.sampled_from(["EUR", "CHF"]))
def test_money_in_another_currency_is_the_dollar_figure_with_its_code(value: float, code: str):
    assert money(value, code) == f"{money(value)[1:]} {code}"
    assert money(-value, code) == f"-{money(value)[1:]} {code}"


def test_a_percentage_is_of_a_fraction():
    assert percent(0.6912) == "69.1%" and percent(0.05, places=0) == "5%"
