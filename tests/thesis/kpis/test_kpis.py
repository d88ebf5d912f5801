"""KPIs read from words (thesis/kpis/statements.py): a product's share of revenue, its growth and
the
guidance's direction, each with its sentence and offsets; never from a hypothetical, a negated
sentence, someone else's clause, a list of several periods' figures, or a sentence without a
number. Hand-written sentences (the founding thesis's: the words management uses) and real
documents in ../shared, each value written beside the sentence it came from."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.thesis.kpis.statements import read_kpis

from ...support.shared import SHARED


def read(text: str, *subjects: str) -> list[tuple[str, str, float | None, float | None, str, str]]:
    return [
        (k.kind, k.subject, k.value, k.high, k.comparison, k.basis)
        for k in read_kpis(text, subjects)
    ]


@pytest.mark.parametrize(
    ("sentence", "read_as"),
    [
        (
            "We expect Scorpio to exceed 10% of total revenue in 2025, with a Q4 exit rate"
            " closer to 20%.",
            [
                ("share", "Scorpio", 0.10, None, "over", ""),
                ("share", "Scorpio", 0.20, None, "closer to", "Q4 exit rate"),
            ],
        ),
        (
            "Scorpio was approximately 12% of revenue in the quarter.",
            [("share", "Scorpio", 0.12, None, "approximately", "")],
        ),
        (
            "Scorpio represented 10% to 15% of revenue in the quarter.",
            [("share", "Scorpio", 0.10, 0.15, "between", "")],
        ),
        (
            "Scorpio revenue grew 30% sequentially and 120% year over year.",
            [
                ("growth", "Scorpio", 0.30, None, "", "sequential"),
                ("growth", "Scorpio", 1.20, None, "", "year over year"),
            ],
        ),
        (
            "Aries revenue was down 5% from the previous quarter.",
            [("growth", "Aries", -0.05, None, "", "sequential")],
        ),
        ("We raised our outlook for the full year.", [("guidance", "", None, None, "", "raised")]),
        ("We are lowering our fiscal 2026 guidance.", [("guidance", "", None, None, "", "cut")]),
        ("The company withdrew its guidance.", [("guidance", "", None, None, "", "withdrawn")]),
        ("We are introducing our 2026 outlook.", [("guidance", "", None, None, "", "introduced")]),
        # Never: negated, hypothetical, someone else's, no number, an outcome against guidance.
        ("Scorpio did not become our largest line and was below 5% of revenue.", []),
        ("Scorpio could reach 30% of revenue if hyperscalers adopt it.", []),
        ("Broadcom's Tomahawk was over 40% of revenue, while Aries was steady.", []),
        ("Scorpio was a meaningful part of revenue.", []),
        ("Revenue increased 16%, above our guidance.", []),
        (
            "Scorpio revenue surged 234%, costs down 21%.",
            [("growth", "Scorpio", 2.34, None, "", "")],
        ),
    ],
)
def test_what_a_sentence_says_is_read_and_nothing_else(sentence: str, read_as: list) -> None:
    assert read(sentence, "Scorpio", "Aries") == read_as


def test_the_offsets_are_the_sentences_own():
    text = "Intro line. Scorpio was about 12% of revenue. The end."
    [kpi] = read_kpis(text, ["Scorpio"])
    assert text[kpi.start : kpi.end] == kpi.sentence == "Scorpio was about 12% of revenue."


def test_a_forecast_is_marked_as_one():
    [said, done] = read_kpis(
        "We expect Scorpio to exceed 10% of revenue. Scorpio was 8% of revenue.", ["Scorpio"]
    )
    assert (said.value, said.forward) == (0.10, True)
    assert (done.value, done.forward) == (0.08, False)


def document(*parts: str) -> str:
    return html_to_text(SHARED.joinpath(*parts).read_bytes())


def test_nvidias_10q_says_its_lines_growth_and_no_customers_share():
    text = document("samples", "sec_10q_NVDA_nvda-20250727.htm")
    kpis = read_kpis(text, ["Customer A", "Gaming", "Networking"])
    said = {(k.subject, k.value, k.basis) for k in kpis}
    # "For the second quarter of fiscal year 2026, sales to one direct customer, Customer A,
    # represented 23% of total revenue; ...": a customer's share is concentration, no line's
    assert not any(k.subject == "Customer A" for k in kpis)
    # "Gaming revenue was up 49% from a year ago and up 14% sequentially, ..."
    assert ("Gaming", 0.49, "year over year") in said and ("Gaming", 0.14, "sequential") in said
    # "Networking revenue was $7.3 billion, up 98% from a year ago and up 46% sequentially"
    assert ("Networking", 0.98, "year over year") in said
    assert ("Networking", 0.46, "sequential") in said
    # "Sales to four direct customers represented 14%, 11%, 11%, and 10% of revenue for the
    # second quarter ...": several figures of one sentence, none read as a customer's.
    assert not any(k.value == 0.10 and k.kind == "share" for k in kpis)


def test_nvidias_release_says_blackwells_growth():
    text = document("press_releases", "NVDA_0001045810-25-000207_q2fy26pr.htm")
    # "NVIDIA's Blackwell Data Center revenue grew 17% sequentially."
    blackwell = [k for k in read_kpis(text, ["Blackwell"]) if k.kind == "growth"]
    assert {(k.value, k.basis) for k in blackwell} == {(0.17, "sequential")}


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        # "... reported financial results for the third quarter of 2024 and raised its
        # full-year 2024 guidance(1) for both Revenues and Adjusted(2) diluted EPS."
        ("PFE_0000078003-24-000188_pfe-9292024xex99.htm", "raised"),
        # "... reported financial results for the first quarter of 2025 and reaffirmed its
        # 2025 financial guidance(1)."
        ("PFE_0000078003-25-000111_pfe-03302025xex99.htm", "reiterated"),
        # "... we are raising our full-year outlook for free cash flow, ..."
        ("IBM_0000051143-25-000048_ibm-20250723xex991.htm", "raised"),
    ],
)
def test_a_releases_guidance_direction(name: str, direction: str):
    text = document("realdata", "more", "releases", name)
    said = {k.basis for k in read_kpis(text) if k.kind == "guidance"}
    assert said == {direction}


SPOILERS = ["did not", "could", "if", "would", "no longer", "never"]


@given(
    st.sampled_from(
        [
            "Scorpio was about {n}% of revenue.",
            "Scorpio revenue grew {n}% sequentially.",
            "Scorpio represented {n}% of total revenue in the quarter.",
        ]
    ),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(SPOILERS),
)
def test_a_stated_figure_is_read_as_said_and_never_once_negated_or_hypothetical(
    template: str, n: int, spoiler: str
) -> None:
    sentence = template.format(n=n)
    [kpi] = read_kpis(sentence, ["Scorpio"])
    assert kpi.value == pytest.approx(n / 100)
    spoiled = sentence.replace("Scorpio ", f"Scorpio {spoiler} ", 1)
    assert read_kpis(spoiled, ["Scorpio"]) == ()


@pytest.mark.parametrize(
    ("sentence", "names", "read_as"),
    [
        # the name a phrase begins with: Blackwell's within Data Center, never Data Center's
        (
            "Blackwell Data Center revenue grew 17% sequentially.",
            ("Data Center", "Blackwell"),
            [("growth", "Blackwell", 0.17, None, "", "sequential")],
        ),
        (
            "Data Center revenue of $41.1 billion, up 5% from Q1 and up 56% from a year ago.",
            ("Data Center", "Blackwell"),
            [
                ("growth", "Data Center", 0.05, None, "", "sequential"),
                ("growth", "Data Center", 0.56, None, "", "year over year"),
            ],
        ),
        # the company's own revenue: `growth(revenue)`
        (
            "Total revenue grew 9% year over year to $16.7 billion.",
            ("revenue",),
            [("growth", "revenue", 0.09, None, "", "year over year")],
        ),
        # one of a list is none of the list's
        ("Data Center and Gaming revenue grew 10%.", ("Data Center", "Gaming"), []),
        # a prior quarter's share quoted beside this one's is not this quarter's
        (
            "Scorpio represented 69% of our revenue, a modest decrease from the 72% in the year"
            " ago.",
            ("Scorpio",),
            [("share", "Scorpio", 0.69, None, "", "")],
        ),
    ],
)
def test_a_figure_is_the_name_its_phrase_begins_with(sentence: str, names: tuple, read_as: list):
    assert read(sentence, *names) == read_as


def test_a_cut_of_capex_or_costs_is_no_cut_of_guidance():
    # Dycom's call: "... a $15 million reduction from our prior outlook" (of net capex)
    capex = (
        "For the full fiscal year 2021, we expect net capex to range from $45 million to $55"
        " million, which is a $15 million reduction from our prior outlook."
    )
    assert read_kpis(capex) == ()
    [raised] = read_kpis("We are raising our full-year revenue guidance.")
    assert (raised.kind, raised.basis) == ("guidance", "raised")


def test_a_share_of_a_part_is_kept_with_its_whole_and_judges_no_share_of_revenue():
    """ "25% of the segment's revenue" is a share of the segment, not of the company: kept with
    what it is a share of, said so, and never the share a condition judges."""
    import datetime as dt

    from catalyst_tui.thesis.kpis.metrics import as_said, newest_stated
    from catalyst_tui.thesis.kpis.statements import StatedKpi

    [part] = read_kpis("Aftermarket was 25% of the segment's revenue.", ["Aftermarket"])
    [whole] = read_kpis("Aftermarket was 25% of total revenue.", ["Aftermarket"])
    assert (part.value, part.of, whole.of) == (0.25, "segment", "")
    day = dt.date(2026, 11, 4)
    stated = StatedKpi(part, day, "document", "call", "", 1)
    assert as_said(stated) == "25% of segment revenue"
    assert newest_stated([stated]) is None
    assert newest_stated([stated, StatedKpi(whole, day, "document", "call", "", 2)]) is not None


def test_a_growth_over_two_years_is_shown_as_said_and_judges_no_period():
    """ "14% on a one-year and 6% on a two-year basis": the 6% is against the same quarter two
    years before, shown so, and never the growth a condition judges; the 14% is."""
    import datetime as dt

    from catalyst_tui.thesis.kpis.metrics import as_said, newest_stated
    from catalyst_tui.thesis.kpis.statements import StatedKpi

    text = "In Europe, sales rose 14% on a one-year and 6% on a two-year basis."
    yearly, two_years = read_kpis(text, ["Europe"])
    day = dt.date(2026, 11, 4)
    first = StatedKpi(yearly, day, "document", "call", "", 1)
    second = StatedKpi(two_years, day, "document", "call", "", 1)
    assert (as_said(first), as_said(second)) == ("+14% year over year", "+6% over two years")
    assert newest_stated([second]) is None
    assert newest_stated([second, first]) == first


def test_a_line_given_a_short_name_is_read_under_either_name():
    text = (
        "Enterprise Computing Solutions, or ECS, revenue was $480 million. "
        "ECS revenue grew 1.8% year-over-year. "
        "Adjusted net income for the quarter, or ANI, increased 22% to $294 million."
    )
    # the long name and the short one each find the line; the short name of a measure that is
    # no revenue ("adjusted net income") gives nothing
    for name in ("ECS", "Enterprise Computing Solutions"):
        ((kind, subject, value, high, comparison, basis),) = read(text, name, "ANI")
        assert (kind, subject, high, comparison, basis) == (
            "growth",
            name,
            None,
            "",
            "year over year",
        )
        assert value == pytest.approx(0.018)
