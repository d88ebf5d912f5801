"""Whether a feed item announces results, and whether a text names a company
(reading/announcements.py), on text built to be slow: each grows linearly with its input ("Broadcom
Q3 " and 45 dots froze the refresh: 25 dots 4.2 s, 30 dots 37 s, nine times more for each five
more), by the size-doubling law over any repeated piece; and the company's name as SEC has it,
its legal form left out, found as the text says it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalyst_tui.reading.announcements import announces_results, company_words, names_company
from tests.support.growth import assert_linear

# The words and marks the judgement reads, and what joins or parts them.
PIECES = st.lists(
    st.sampled_from(
        ["Q3", "results", "for", "of", "the", ".", " ", "-", "'", "FY", "26", "2026", "reports"]
        + ["revenue", "to", "will", "$", "&", "full", "year", ";", "Nasdaq:", "ALAB", "Astera"]
    ),
    min_size=1,
    max_size=6,
).map("".join)


def test_a_title_of_45_dots_after_its_period_is_judged_at_once():
    assert not announces_results("Broadcom Q3 " + "." * 45, "")
    assert_linear(lambda n: "Broadcom Q3 " + "." * n, lambda t: announces_results(t, ""), 25_000)


@settings(max_examples=8)
@given(PIECES)
def test_the_judgement_grows_linearly_on_any_repeated_text(piece: str):
    def title(n: int) -> str:
        return "Broadcom Q3 " + piece * (n // len(piece))

    assert_linear(title, lambda t: announces_results(t, ""), 20_000)
    assert_linear(title, lambda t: announces_results("Press release", t), 20_000)
    assert_linear(title, lambda t: names_company(t, "Astera Labs, Inc.", "ALAB"), 20_000)


@pytest.mark.parametrize(
    ("sec_name", "words"),
    [
        ("Astera Labs, Inc.", ("astera", "labs")),
        ("NVIDIA CORP", ("nvidia",)),
        ("AMAZON COM INC", ("amazon",)),
        ("Lumentum Holdings Inc.", ("lumentum",)),
        ("Credo Technology Group Holding Ltd", ("credo", "technology")),
        ("BERKSHIRE HATHAWAY INC", ("berkshire", "hathaway")),
        ("Holding Co", ("holding", "co")),
    ],
)
def test_a_companys_name_is_its_sec_name_without_its_legal_form(sec_name, words):
    assert company_words(sec_name) == words


@pytest.mark.parametrize(
    ("text", "sec_name", "symbol", "named"),
    [
        (
            "Astera Labs Reports Third Quarter 2026 Financial Results",
            "Astera Labs, Inc.",
            "ALAB",
            True,
        ),
        ("Amazon.com Announces Third Quarter Results", "AMAZON COM INC", "AMZN", True),
        ("Meta Reports Third Quarter 2025 Results", "Meta Platforms, Inc.", "META", False),
        (
            "MENLO PARK -- Meta Platforms, Inc. (Nasdaq: META) today",
            "Meta Platforms, Inc.",
            "META",
            True,
        ),
        ("Meta Reports Q3 (NASDAQ: META)", "", "META", True),
        (
            "Credo Technology Group Reports Third Quarter Fiscal 2026",
            "Lumentum Holdings Inc.",
            "LITE",
            False,
        ),
        ("Credo's partner (Nasdaq: LITEX)", "Lumentum Holdings Inc.", "LITE", False),
        ("Berkshire Hathaway (NYSE: BRK.B) reports", "", "BRK.B", True),
    ],
)
def test_a_text_names_a_company_by_its_name_or_its_ticker_on_an_exchange(
    text, sec_name, symbol, named
):
    assert names_company(text, sec_name, symbol) is named
