"""The fifteenth round's rules. Made-up sentences (a document where the rule reads the whole
call), each beside what it states as test_read_words_classes.py writes it ([] where nothing
may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

# A call of the third quarter of 2021 (held in November), which names 2020 once, in its outlook.
_NOVEMBER_2021 = dt.date(2021, 11, 23)
_OUTLOOK_2021 = "We expect revenue growth of more than 35% versus fiscal 2020. "

DAYS: list[tuple[str, dt.date | None, list[str]]] = [
    # two years before the year the call reports: no year-over-year basis
    (
        "This quarter, digital sales increased 20% over the third quarter of 2019. "
        + _OUTLOOK_2021,
        _NOVEMBER_2021,
        ["growth 20 : digital", "growth 35 > yoy : company"],
    ),
    (
        "Net sales decreased 1% in the quarter compared to the same period in fiscal 2019. "
        + _OUTLOOK_2021,
        _NOVEMBER_2021,
        ["growth -1 : company", "growth 35 > yoy : company"],
    ),
    # the day unknown: the call's own words decide, and 2019 is its latest base
    (
        "This quarter, digital sales increased 20% over the third quarter of 2019. "
        + _OUTLOOK_2021,
        None,
        ["growth 20 yoy : digital", "growth 35 > yoy : company"],
    ),
    # a call in February reports the year before: 2019 is the year before 2020's quarter
    (
        "Fourth-quarter revenue was up 8% compared to 2019. Revenue for 2020 was up 5%.",
        dt.date(2021, 2, 10),
        ["growth 8 yoy : company", "growth 5 : company"],
    ),
    # a known day decides, not a "two-year" said of another figure
    (
        "Net sales increased 30.9% versus the second quarter of 2020. Comparable sales "
        "increased 31.3% versus the second quarter of 2020 and 10% on a two-year basis.",
        dt.date(2021, 7, 31),
        # (comparable sales, a growth of their own since the forty-ninth round, their basis
        # read only where words say it: "year-over-year", "versus last year")
        ["growth 30.9 yoy : company", "growth 31.3 : Comparable sales"],
    ),
    # a call added long after its day names neither the year before its day's nor a later one
    (
        "Fourth-quarter revenue was up 8% compared to the fourth quarter of 2019.",
        dt.date(2026, 11, 27),
        ["growth 8 yoy : company"],
    ),
]


@pytest.mark.parametrize(
    ("text", "day", "expected"), [pytest.param(*case, id=case[0][:60]) for case in DAYS]
)
def test_a_year_two_before_the_documents_is_no_year_over_year_base(
    text: str, day: dt.date | None, expected: list[str]
) -> None:
    _check(text, expected, day)


RULES: dict[str, list[tuple[str, list[str]]]] = {
    "the whole's growth said roundly, then exactly, is one figure": [
        (
            "Our revenues for the full year were $2.4 billion, an increase of 12%. "
            "For the full year 2021, revenues of $2.4 billion was an increase of 12.2% over "
            "full year 2020.",
            ["growth 12 : company", "growth 12.2 yoy : company"],
        ),
        (
            "For fiscal '21, our net sales were approximately $943 million, down about 2% from "
            "the prior year. For the full year fiscal '21, revenues declined 2.4% versus the "
            "prior year.",
            ["growth -2 ~ yoy : company", "growth -2.4 yoy : company"],
        ),
        # a figure the whole's does not round to is a part's, named before (the part a
        # sentence only turns to, since the forty-third round)
        (
            "For the full year, our total revenue grew 5% over the prior year. Turning to "
            "Materials. For the full year, revenue increased 26% over the prior year.",
            ["growth 5 yoy : company"],  # (the part's, only the sentence before names it),
        ),
    ],
    "a growth's sign said by the noun after its figure, or by a word before it": [
        ("The organic growth came in at 21% decline.", ["growth -21 : company"]),
        ("Organic growth was a 5% decline.", ["growth -5 : company"]),
        ("For the quarter, organic growth was negative 20%.", ["growth -20 : company"]),
        ("Revenue growth came in at negative 20%.", ["growth -20 : company"]),
        ("Organic growth for the second quarter was a positive 24.4%.", ["growth 24.4 : company"]),
        # a verb of a rise keeps its sign
        ("Sales grew 3% less than the market.", ["growth 3 : company"]),
        (
            "However, sales did increase 6% on a sequential basis, with approximately 3% "
            "attributed to foreign currency.",
            ["growth 6 sequential : company"],
        ),
        # a measure's qualifier is no name
        ("Normalized revenues were up 3.5%.", ["growth 3.5 : company"]),
        # a word of place, degree or a distributive is no name
        (
            "We had excellent sales performance, particularly in transportation and "
            "filtration, each growing about 25% despite those limitations.",
            [],
        ),
        (
            "Four of our five business segments again recorded organic revenue growth of 6% or "
            "greater.",
            [],
        ),
        # a sign is no name
        (
            "Net sales declined 18% versus 2019, and a negative 10% two-year comp.",
            ["growth -18 : company"],
        ),
    ],
    "a line the call gives a share of revenue, or a line within one, is a part": [
        (
            "Commercial aerospace continues to represent approximately 40% of total revenue. "
            "Commercial aerospace was 31% less year-over-year.",
            ["share 40 ~ : Commercial aerospace", "growth -31 yoy : Commercial aerospace"],
        ),
        (
            "Second quarter revenue was 5% less, driven by commercial aerospace, which "
            "continues to represent approximately 40% of total revenue. Commercial aerospace "
            "was 42% less.",
            [
                "growth -5 : company",
                "share 40 ~ : commercial aerospace",
                "growth -42 : Commercial aerospace",
            ],
        ),
        (
            "Companion animal revenue grew 12%. Companion animal diagnostics grew 16% in the "
            "quarter.",
            ["growth 12 : Companion animal", "growth 16 : Companion animal diagnostics"],
        ),
        # no share said, no revenue of the line said: nobody's known line
        ("Commercial aerospace was 31% less year-over-year.", []),
        # a count within a line is no line
        ("Cable revenue grew 8%. Total cable connections grew 10%.", ["growth 8 : Cable"]),
    ],
    "a name said with an amount of money is a line with its revenue": [
        (
            "Medication delivery of $747 million increased 11% on a constant currency basis.",
            ["growth 11 : Medication delivery"],
        ),
        (
            "Other service providers were $62 million, up 3% year over year.",
            ["growth 3 yoy : Other service providers"],
        ),
        # a balance, a cost or a loan's origination is no line, whatever its amount
        ("Total assets of $5 billion increased 11%.", []),
        ("Secondary originations of $1.2 billion were up 3%.", []),
        # no amount: nobody's known line
        ("Medication delivery increased 11% on a constant currency basis.", []),
    ],
    "a growth after a share said in an aside is of the aside's name": [
        (
            "Local, which accounted for 64% of revenue was down 27.6%, and national, which "
            "accounted for 36% of revenue was down 38.2%.",
            [
                "share 64 : Local",
                "growth -27.6 : Local",
                "share 36 : national",
                "growth -38.2 : national",
            ],
        ),
        (
            "Our OEM business, which accounts for roughly 9% of total sales increased 29.4% "
            "year-over-year to $64.1 million in the third quarter.",
            ["share 9 ~ : OEM business", "growth 29.4 yoy : OEM business"],
        ),
        # the aside's whole is no subject of the growth: the part's own (the twentieth round:
        # a place said before a part's figure no longer refuses it)
        (
            "Digital, which accounts for approximately 30% of European revenue, declined 17% "
            "excluding FX.",
            ["share 30 ~ : Digital", "growth -17 : Digital"],
        ),
    ],
    "a part's growth said after 'higher' or 'led by … with' is the part's": [
        (
            "When comparing to the second quarter of 2019, net sales increased 4.4% driven by "
            "3.5% higher merchandise sales, and 10.4% higher net service sales.",
            ["growth 4.4 : company", "growth 3.5 : merchandise", "growth 10.4 : service"],
        ),
        (
            "Sales grew 10%, led by Europe with 15% growth.",
            ["growth 10 : company", "growth 15 : Europe"],
        ),
        (
            "Our growth was led by the Ag segment with a 60% increase from Q3 last year.",
            ["growth 60 yoy : Ag segment"],
        ),
        # what led a volume's growth is no line's revenue
        ("The Protective volumes were up 1% led by EMEA with 7% growth.", []),
        # no name before "sales": the clause's
        ("Revenue was up 6% on 5% higher sales.", ["growth 6 : company"]),
    ],
    "counts of units, a market's homes sold and others' forecasts are no figure of ours": [
        ("Gallons grew in the third quarter by 5%, outpacing market growth.", []),
        (
            "Our owned and controlled lot position in the Southern region increased by 23% "
            "compared to a year ago.",
            [],
        ),
        (
            "Corporate group leads were up more than 70% for future periods.",
            [],
        ),
        (
            "Home price appreciation was up nearly 30% in December and existing home sales were "
            "up over 22% compared to prior year.",
            [],
        ),
        (
            "Recent forecasts for nonresidential fixed investment are up more than three "
            "percentage points from prior projections to 7.8%.",
            [],
        ),
        (
            "We announced plans to reduce our greenhouse gas emissions by at least 50% by 2030, "
            "a five year pull ahead of our original target.",
            [],
        ),
        (
            "The right hand side of this slide, Slide 13, provides additional perspective of "
            "our 2022 outlook.",
            [],
        ),
        (
            "Turning to Slide 10, we are initiating full-year 2021 earnings guidance of $2.55 "
            "to $2.70 per diluted share.",
            ["guidance introduced : company"],
        ),
    ],
    "a measure the call says as revenue is a line there": [
        (
            "Advertising revenues surged. Total advertising revenues increased more than 66% in "
            "the quarter as digital advertising grew nearly 80%, while print advertising "
            "increased by 48%.",
            [
                "growth 66 > : advertising",
                "growth 80 ~ : digital advertising",
                "growth 48 : print advertising",
            ],
        ),
        # a call that says no advertising revenue: advertising is what is spent
        ("Digital advertising grew nearly 80%, while print advertising increased by 48%.", []),
    ],
    "the whole's growth said after a part's, joined by 'and', is the whole's": [
        (
            "We saw growth of 15% in Europe and total revenue growth of 9%.",
            ["growth 15 : Europe", "growth 9 : company"],
        ),
        # a frame's total stays the frame's
        ("In Europe, total sales growth was 9%.", ["growth 9 : Europe"]),
    ],
    "guidance said against the prior guidance, or standing, in more words": [
        (
            "We expect enterprise revenue to grow 13% to 14% from prior guidance of 6.5% to 9%.",
            ["guidance raised : company"],
        ),
        (
            "We now expect full year 2021 earnings per share to be $3.50 to $3.80 compared to "
            "prior guidance of $2.90 to $3.30.",
            ["guidance raised : company"],
        ),
        # a result set against the prior guidance moves nothing
        ("Revenue was $900 million, versus our prior guidance of $950 million.", []),
        (
            "Our Q4 cash flow from operations was $129 million, above our previous guidance, "
            "largely driven by stronger demand recovery than anticipated.",
            [],
        ),
        (
            "As a midpoint, this implies an over 17% margin, also in excess of our previous "
            "expectations.",
            ["guidance raised : company"],
        ),
        (
            "And we now expect the adjusted operating margin to be 25.4% in 2022 as 20 basis "
            "points higher than what we assumed in our prior guidance.",
            ["guidance raised : company"],
        ),
        (
            "On interest expense, we now expect the full-year charge to be $1.06 billion, "
            "reduced from prior guidance.",
            ["guidance cut : company"],
        ),
        (
            "Our full year earnings and cash flow guidance has improved.",
            ["guidance raised : company"],
        ),
        (
            "Our full-year diluted earnings per share guidance, excluding amortization remains "
            "unchanged at a range of $3.12 to $3.32 per share.",
            ["guidance reiterated : company"],
        ),
        (
            "Our expectations for maintenance and cemetery development capital spending in 2021 "
            "remain unchanged at $235 million to $255 million.",
            ["guidance reiterated : company"],
        ),
        (
            "We are confident in our ability to deliver results within these upwardly revised "
            "guidance ranges for the full year.",
            ["guidance raised : company"],
        ),
        (
            "Guidance for capital expenditures in 2021 has been adjusted, modestly higher, as we "
            "are experiencing similar inflation.",
            ["guidance raised : company"],
        ),
        ("Our revenue guidance has been revised lower.", ["guidance cut : company"]),
        # a result, a view of years, a plan to give guidance later and a capacity pulled down
        # move no guidance
        (
            "Solid execution contributed to boosting our adjusted EBITDA margin to 20.5%, which "
            "led to our excellent operating cash flow of $38 million in Q3.",
            [],
        ),
        (
            "Our performance has substantially exceeded our expectations and raises our "
            "expectations on how sustainable these sales gains may be long-term.",
            [],
        ),
        (
            "We believe this change will provide us with greater visibility when providing our "
            "initial annual outlook.",
            [],
        ),
        ("Absent the capacity pull down, our unit cost guide would have been up 8% to 11%.", []),
        (
            "In addition to raising our annual guidance, we are reaffirming our projection of "
            "long-term earnings growth of 5% to 7% a year.",
            ["guidance raised : company", "guidance reiterated : company"],
        ),
        (
            "We have raised our guidance for the full fiscal year 2022 and are reiterating our "
            "long-term target.",
            ["guidance raised : company", "guidance reiterated : company"],
        ),
        (
            "Higher full year 2021 net sales and adjusted EBITDA guidance reflects our strong "
            "third quarter performance.",
            ["guidance raised : company"],
        ),
        ("Higher sales drove our outlook.", []),
        # "this" names our outlook as "our" does
        (
            "This improved outlook translates to core earnings per share of approximately $5.50.",
            ["guidance raised : company"],
        ),
        (
            "Our upward revised adjusted earnings forecast reflects the strength of our first "
            "half.",
            ["guidance raised : company"],
        ),
        (
            "That's also an improvement from our previous guidance, owing to the higher joint "
            "venture income.",
            ["guidance raised : company"],
        ),
        ("Revenue was an improvement from our previous guidance.", []),
        (
            "Net operating revenues are anticipated to be $11.7 billion to $12.5 billion, "
            "unchanged from our previous guidance.",
            ["guidance reiterated : company"],
        ),
        (
            "Factory productivity is now expected to be a $10 million benefit, down from a $20 "
            "million benefit in our prior guidance.",
            ["guidance cut : company"],
        ),
        (
            "Foreign exchange is now expected to be a $10 million benefit, up from neutral or "
            "our previous assumption.",
            ["guidance raised : company"],
        ),
        (
            "We now anticipate full year revenue to be approximately $390 million, which is "
            "down $5 million from what we estimated last quarter.",
            ["guidance cut : company"],
        ),
        ("Revenue was $390 million, down $5 million from what we expected.", []),
        # guidance another will give later in the call, or not given
        (
            "Julie will then provide a brief update on our market positioning, before KC "
            "provides our business outlook for the full fiscal year 2022.",
            [],
        ),
        (
            "We are limiting our tax guidance to Q1 only rather than providing a full year tax "
            "rate projection at this time.",
            [],
        ),
        # a growth's own figure is no move against the prior guidance ...
        (
            "Organic revenue is now anticipated to be up about 2% with the difference versus "
            "our prior guide largely attributable to supply chain delays.",
            ["growth 2 ~ : company"],
        ),
        # ... unless a word of a move follows it
        (
            "We now expect that core revenue will be up 10% for the full year, an increase from "
            "our prior expectation of high single digits.",
            ["guidance raised : company", "growth 10 : company"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_a_fifteenth_round_rule(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_an_expectation_that_is_a_forecast() -> None:
    [said] = read_words(
        "Our expectation is growth of approximately 15% in commercial aerospace revenue."
    )
    assert said.forward
    [done] = read_words("Commercial aerospace revenue grew 15%, ahead of our expectations.")
    assert not done.forward


@given(
    year=st.integers(2005, 2040),
    month=st.integers(4, 12),
    back=st.integers(1, 3),
)
def test_a_base_years_back_is_year_over_year_only_a_year_back(
    year: int, month: int, back: int
) -> None:
    """Law: in a document of a day from April to December of `year` (its own year's quarter),
    a growth over that quarter `back` years before is year over year only one year back."""
    text = (
        f"Digital sales increased 20% over the third quarter of {year - back}. "
        f"We expect {year + 1} revenue to grow."
    )
    [said] = [s for s in read_words(text, day=dt.date(year, month, 15)) if s.kind == "growth"]
    assert said.basis == ("year over year" if back == 1 else "")


@given(whole=st.integers(1, 60), tenths=st.integers(-4, 4))
def test_a_figure_said_roundly_then_exactly_is_one(whole: int, tenths: int) -> None:
    """Law: the company's growth said as a whole number, then to a tenth that rounds to it, is
    read twice, never dropped as a part's."""
    exact = whole + tenths / 10
    text = (
        f"For the full year, our total revenue grew {whole}% over the prior year. "
        f"For the full year, revenue increased {exact:g}% over the prior year."
    )
    values = [round((s.value or 0) * 100, 4) for s in read_words(text) if s.kind == "growth"]
    assert values == [whole, round(exact, 4)]
