"""The reader of words by a sentence's structure (reading/words): each figure with the subject
its clause names, the measure it counts, its basis and comparison; guidance with every
direction a sentence gives; nothing from a margin, a rate, a customer, a hedge or boilerplate.
Each sentence is written beside what it says; the real ones are quoted from ../shared."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.documents import html_to_text
from catalyst_tui.reading.words import COMPANY, boilerplate, read_words, sentence_spans
from catalyst_tui.thesis.evidence.passages import Matcher, parse_entry
from tests.support.shared import PRESS_RELEASES

NVDA = PRESS_RELEASES / "NVDA_0001045810-25-000207_q2fy26pr.htm"


def said(text: str) -> list[tuple[str, str, float | None, str, str]]:
    return [
        (
            s.kind,
            s.subject,
            None if s.value is None else round(s.value * 100, 4),
            s.comparison,
            s.basis,
        )
        for s in read_words(text)
    ]


@pytest.mark.parametrize(
    ("sentence", "read_as"),
    [
        # the most specific subject: Blackwell's, within Data Center
        (
            "Blackwell Data Center revenue grew 17% sequentially.",
            [("growth", "Blackwell Data Center", 17.0, "", "sequential")],
        ),
        # an apposition keeps the clause's subject; the share and the growth both its
        (
            "Scorpio revenue was $120 million, or 40% of revenue, up 7% sequentially.",
            [("share", "Scorpio", 40.0, "", ""), ("growth", "Scorpio", 7.0, "", "sequential")],
        ),
        # bases in other words: versus last year, from the third quarter, from last year
        (
            "Cloud revenue increased 12% versus last year.",
            [("growth", "Cloud", 12.0, "", "year over year")],
        ),
        (
            "Networking revenue grew 9% from the third quarter.",
            [("growth", "Networking", 9.0, "", "sequential")],
        ),
        (
            "Gaming was down about 4% from last year.",
            [("growth", "Gaming", -4.0, "about", "year over year")],
        ),
        # a measure other than "revenue": ARR and a segment's sales
        (
            "Subscription ARR grew 25% year over year.",
            [("growth", "Subscription ARR", 25.0, "", "year over year")],
        ),
        # the company's own revenue
        ("Total revenue grew 9% to $16.7 billion.", [("growth", COMPANY, 9.0, "", "")]),
        ("For the full year, we grew revenue 12%.", [("growth", COMPANY, 12.0, "", "")]),
        # a frame names the part of the clause
        (
            "In our energy business, we saw 9% organic growth.",
            [("growth", "energy business", 9.0, "", "")],
        ),
        # the figure as the subject: "the 10% increase in revenue" is the company's
        ("The 10% increase in revenue was driven by volume.", [("growth", COMPANY, 10.0, "", "")]),
        # a frame of talk names nothing
        ("In this environment, revenue grew 5%.", [("growth", COMPANY, 5.0, "", "")]),
        # a list: each figure its part
        (
            "Revenue was up 13% for notebooks and 39% for workstations.",
            [("growth", "notebooks", 13.0, "", ""), ("growth", "workstations", 39.0, "", "")],
        ),
        # two clauses, two subjects
        (
            "AES revenues increased 10%, while EMS revenues grew 6%.",
            [("growth", "AES", 10.0, "", ""), ("growth", "EMS", 6.0, "", "")],
        ),
        (
            "Sales more than doubled year-over-year.",
            [("growth", COMPANY, 100.0, "more than", "year over year")],
        ),
        # a list of named parts after a growth, each its own
        (
            "Asia grew 15%, Europe 3% and North America 7%.",
            [
                ("growth", "Asia", 15.0, "", ""),
                ("growth", "Europe", 3.0, "", ""),
                ("growth", "North America", 7.0, "", ""),
            ],
        ),
        # the subject of the verb whose object the growth is
        (
            "Our Medical segment delivered sales growth of 6% in the quarter.",
            [("growth", "Medical segment", 6.0, "", "")],
        ),
        # never: margins, costs, rates, customers, other measures, hedges, no number, negation
        ("Sales to our largest customer were 20% of revenue.", []),
        ("Our largest customer, Walmart, accounted for 15% of sales.", []),
        ("So was Data Center revenue up 20% sequentially?", []),
        ("Gross margin was 39% of revenues, 70 basis points higher than Q4.", []),
        ("Operating expenses were $46 million or 20.1% of revenues.", []),
        ("Our effective tax rate for Q1 was 25.2%.", []),
        ("Our top 10 customers represented 42% of sales.", []),
        ("Verizon was our largest customer at 17.9% of total revenue.", []),
        ("Non-GAAP earnings per share grew 52% to $0.94.", []),
        ("Platform lanes increased 63% compared to the prior-year second quarter.", []),
        ("We aim for 60% of our revenues to be recurring.", []),
        ("Revenue would have grown 8% without the currency headwind.", []),
        ("Nearly all of our markets increased at double-digit rates.", []),
        ("Scorpio revenue did not grow 10% in the quarter.", []),
        ("Capital expenditures were 5% of revenue.", []),
    ],
)
def test_what_a_sentence_states_is_read_and_nothing_else(sentence: str, read_as: list) -> None:
    assert said(sentence) == read_as


@pytest.mark.parametrize(
    ("sentence", "directions"),
    [
        ("We are raising our full-year revenue outlook.", ["raised"]),
        ("We now expect revenue of $4.5 billion, an increase from our prior guide.", ["raised"]),
        ("We are lowering our full-year EPS outlook.", ["cut"]),
        ("We are revising our full-year guidance to reflect lower demand in China.", ["cut"]),
        ("We are reiterating our ARR guidance.", ["reiterated"]),
        (
            "We are raising our full-year outlook and reiterating our long-term free cash flow "
            "target.",
            ["raised", "reiterated"],
        ),
        ("We are withdrawing our previously issued full-year guidance.", ["withdrawn"]),
        ("And as a result, we are initiating guidance for 2021.", ["introduced"]),
        # never: negated, too early, a demand outlook, someone else's, a dividend
        ("We are not providing guidance for the second half.", []),
        ("While it's too early to provide guidance for next year, here are some trends.", []),
        ("We made adjustments to reflect a lower outlook for demand.", []),
        ("Moody's raised its outlook on our debt to positive.", []),
        ("We are raising our dividend by 8%.", []),
    ],
)
def test_each_direction_of_guidance_a_sentence_gives(sentence: str, directions: list[str]):
    assert [s.direction for s in read_words(sentence) if s.kind == "guidance"] == directions


def test_guidance_keeps_its_metric():
    [eps] = [s for s in read_words("We are lowering our full-year EPS outlook.")]
    [fcf] = read_words("We are raising our full-year outlook for free cash flow.")
    assert (eps.metric, fcf.metric) == ("EPS", "free cash flow")


def test_the_offsets_are_each_sentences_own():
    text = "Intro line. Scorpio was about 12% of revenue.\nThe end."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Intro line.",
        "Scorpio was about 12% of revenue.",
        "The end.",
    ]
    [share] = read_words(text)
    assert text[share.start : share.end] == share.sentence


@pytest.mark.skipif(not NVDA.is_file(), reason="no NVIDIA release in ../shared")
def test_nvidias_release_credits_blackwell_with_blackwells_growth_and_data_center_with_its_own():
    text = html_to_text(NVDA.read_bytes())
    growths = {
        (s.subject, round(s.value * 100), s.basis)
        for s in read_words(text)
        if s.kind == "growth" and s.value is not None
    }
    # "•Data Center revenue of $41.1 billion, up 5% from Q1 and up 56% from a year ago"
    assert ("Data Center", 5, "sequential") in growths
    assert ("Data Center", 56, "year over year") in growths
    # "NVIDIA’s Blackwell Data Center revenue grew 17% sequentially."
    assert ("Blackwell Data Center", 17, "sequential") in growths
    assert not any(subject == "Data Center" and value == 17 for subject, value, _ in growths)
    # "•Revenue of $46.7 billion, up 6% from Q1 and up 56% from a year ago": the company's
    assert (COMPANY, 6, "sequential") in growths


@pytest.mark.skipif(not NVDA.is_file(), reason="no NVIDIA release in ../shared")
def test_the_releases_boilerplate_is_never_a_passage():
    text = html_to_text(NVDA.read_bytes())
    [legal] = [line for line in text.splitlines() if "including, but not limited to" in line]
    assert boilerplate(legal) and "Blackwell" in legal
    start = text.index(legal)
    passages = Matcher(text).find([parse_entry("Blackwell")])
    assert passages and all(not start <= p.start < start + len(legal) for p in passages)


MEASURES = [
    "Gross margin",
    "Our non-GAAP operating margin",
    "Adjusted EBITDA margin",
    "The effective tax rate",
    "Our net retention rate",
    "The renewal rate",
    "Free cash flow margin",
    "SG&A as a percentage of sales",
    "Voluntary attrition",
]
FORMS = [
    "{m} was {n}%.",
    "{m} was {n}%, compared to {k}% in the prior year.",
    "{m} improved to {n}% as a result of our strong performance.",
    "{m} was ${a} million, or {n}% of revenue.",
    "{m} increased {n}% year over year.",
]
CUSTOMER_FORMS = [
    "Our top {a} customers represented {n}% of revenue.",
    "Our largest customer accounted for {n}% of total revenue.",
    "No one customer accounted for more than {n}% of net sales.",
    "Sales to our two largest customers were {n}% and {k}% of revenue, respectively.",
]


@given(
    st.one_of(
        st.builds(
            lambda m, f: f.replace("{m}", m), st.sampled_from(MEASURES), st.sampled_from(FORMS)
        ),
        st.sampled_from(CUSTOMER_FORMS),
    ),
    st.integers(1, 99),
    st.integers(1, 99),
    st.integers(2, 900),
)
def test_no_figure_is_read_where_the_only_percentages_are_margins_rates_or_customers(
    form: str, n: int, k: int, a: int
) -> None:
    assert read_words(form.format(n=n, k=k, a=a)) == ()


def test_a_forecast_is_what_is_said_after_the_words_of_the_future():
    done, said = read_words("Revenue grew 10% this quarter, and we expect it to grow 5% next year.")
    assert (done.value, done.forward) == (0.10, False)
    assert (said.value, said.forward) == (0.05, True)
    [expected] = read_words("Data Center revenue is expected to grow more than 20% next year.")
    assert expected.forward and expected.comparison == "more than"
