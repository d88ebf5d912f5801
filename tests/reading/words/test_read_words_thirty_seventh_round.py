"""The thirty-seventh round's rules, found on calls of 2025 and 2026 from a transcript publisher
no earlier round read (a paragraph a line, speakers named alone on their own line or before a
colon, the participants listed in a header): a frame naming an end market or a segment for two
periods names its part, a result set against guidance keeps its measure, "finishing up 5%" is
a growth, a part that generated sales owns the growth that resulted, a part set off after
"offset by" owns its figure, a second part's share with its verb said once, a concession left
open is no subject, revenue alone right after a part's figure is that part's (none read),
billings, output and net new ARR are no revenue, and guidance an aim, an intention, a case
supposed, a market's outlook or a measure kept within its target does not move. Made-up
sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import COMPANY, read_words
from catalyst_tui.reading.words.participants import participants
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a frame that names an end market names its part": [
        (
            "In our data center end market, we delivered record third quarter revenue of $1.5 "
            "billion, representing 2% sequential growth and 38% year-over-year growth.",
            ["growth 2 sequential : data center end market", "growth 38 yoy : data center"],
        ),
        (
            "Let me now move to our communications end market, where we delivered $557 million "
            "in third quarter revenue, which grew 8% sequentially.",
            ["growth 8 sequential : communications end market"],
        ),
        # "In the end," is still a word of talk
        ("In the end, revenue grew 5%.", ["growth 5 : company"]),
    ],
    "a frame that names a segment for two periods names its part": [
        (
            "In the Analytical Instruments segment for both Q4 and the full year, reported "
            "revenue increased 1% and organic revenue growth was flat.",
            ["growth 1 : Analytical Instruments segment"],
        ),
    ],
    "the speaker starting with a part frames it": [
        (
            "Let's start with our Cardiovascular portfolio, where this quarter, we delivered 11% "
            "year-over-year revenue growth.",
            ["growth 11 yoy : Cardiovascular portfolio"],
        ),
    ],
    "a speaker's infinitive opening frames nothing": [
        (
            "To start off, total revenues in Q4 were $2.49 billion, up 28.9% year-over-year.",
            ["growth 28.9 yoy : company"],
        ),
        ("To start with segments, Industrial grew 5%.", ["growth 5 : Industrial"]),
    ],
    "a result set against guidance keeps the clause's measure and is no forecast": [
        (
            "Fourth quarter revenue of $1.4 billion was above the high end of our guidance "
            "range, up 10% on a reported basis.",
            ["growth 10 : company"],
        ),
        (
            "Revenue in the first quarter came in towards the higher end of our outlook at $3.16 "
            "billion, growing 3% sequentially and 30% year-over-year.",
            ["growth 3 sequential : company", "growth 30 yoy : company"],
        ),
        # the measure is still the clause's: free cash flow is no revenue
        ("Free cash flow was above our guidance, up 10%.", []),
    ],
    "'finishing up' after a share is its part's growth": [
        (
            "Industrial represented 47% of our first quarter revenue, finishing up 5% "
            "sequentially and 38% year-over-year.",
            [
                "share 47 : Industrial",
                "growth 5 sequential : Industrial",
                "growth 38 yoy : Industrial",
            ],
        ),
    ],
    "a part that generated sales owns the growth they resulted in": [
        (
            "For the full year, Collins generated $30.2 billion of adjusted sales and $4.9 "
            "billion of adjusted operating profit, resulting in 9% organic sales growth.",
            ["growth 9 : Collins"],
        ),
        # what added to sales is no part: the growth is the company's
        (
            "Closed acquisitions contributed 160 basis points to sales, resulting in 12.7% "
            "organic revenue growth.",
            ["growth 12.7 : company"],
        ),
    ],
    "billings, output and net new ARR are no revenue": [
        (
            "Growth was broad-based as billing increased 18% and revenue grew 15%.",
            ["growth 15 : company"],
        ),
        ("Output was up 39% in the fourth quarter.", []),
        ("We achieved record net new ARR of $330 million, up 47% year-over-year.", []),
        ("Our net new ARR was $156 million, up 19%.", []),
        # ARR itself still is
        (
            "Ending ARR for these solutions grew more than 45% year-over-year.",
            ["growth 45 > yoy : ARR"],
        ),
    ],
    "a measure alone before, with its own figure, leaves revenue the company's": [
        ("Orders grew 14%, revenue increased 10% and EPS rose 16%.", ["growth 10 : company"]),
        (
            "Turning to the segments, Prepared Foods volume decreased 3%, sales increased 15%.",
            ["growth 15 : Prepared Foods"],
        ),
    ],
    "a part set off after 'offset by' owns its figure": [
        (
            "Organic net sales were up 19%, with strong momentum in Americas, up 46%, offset by "
            "APAC, down 9% and EMEA down 14%.",
            [
                "growth 19 : company",
                "growth 46 : Americas",
                "growth -9 : APAC",
                "growth -14 : EMEA",
            ],
        ),
    ],
    "a second part's share with its verb said once, and its growth after": [
        (
            "EMEA accounted for 28% of revenue, up approximately 18%, and APJ for 15%, up "
            "approximately 23%.",
            ["share 28 : EMEA", "growth 18 ~ : EMEA", "share 15 : APJ", "growth 23 ~ : APJ"],
        ),
    ],
    "a concession left open is no subject": [
        (
            "And our ICTx business, despite the discontinuation of ACURATE grew 10% in the "
            "quarter.",
            ["growth 10 : ICTx business"],
        ),
        # a concession that holds its own subject is read
        (
            "As a result, despite revenues that were down $700 million or 4.5% year-on-year, "
            "we delivered record earnings per share.",
            ["growth -4.5 yoy : company"],
        ),
    ],
    "a share of a year before is a comparison": [
        ("International sales in the quarter were about 90% of last year's sales.", []),
        ("Our retail sales improved to 97% of third quarter sales last year.", []),
        ("Asia represented 35% of our sales last year.", ["share 35 : Asia"]),
        ("8% of our full year sales were online.", ["share 8 : online"]),
    ],
    "a multiple of what was named before, or under way, is none": [
        ("In 2025, we almost doubled those sales with 210 million active users.", []),
        (
            "With our increased visibility, we are now doubling from 2025 to 2026 to $3.25 "
            "billion in AI networking revenue.",
            [],
        ),
        ("Revenue more than doubled this quarter.", ["growth 100 > : company"]),
    ],
    "a part pointed at in the figure's clause is one named before": [
        (
            "So if you compare, this business last year we grew 10%, and this year we're yet "
            "again raising organic growth guidance.",
            ["guidance raised"],
        ),
        ("We sold that business, and revenue grew 10%.", ["growth 10 : company"]),
        # a part named within the one pointed at is its own
        (
            "Our non-software businesses in this segment were down 13% for the quarter.",
            ["growth -13 : non-software businesses"],
        ),
    ],
    "guidance an aim serves moves none": [
        (
            "We invest to increase the growth outlook in more foundational segments like Rhythm "
            "Management.",
            [],
        ),
        ("We are raising our full year outlook.", ["guidance raised"]),
    ],
    "an industry's outlook is the world's": [
        (
            "Retail settlements have prompted us to increase our industry outlooks for "
            "construction equipment in North America.",
            [],
        ),
    ],
    "a measure kept within its target is a result, no guidance": [
        (
            "Our team delivered record sales, maintained adjusted operating margin within our "
            "target range and achieved a record profit.",
            [],
        ),
        ("Our target is to continue to be at 20% or above on operating margin.", []),
        ("We are maintaining our guidance range.", ["guidance reiterated"]),
    ],
    "a case supposed moves no guidance": [
        (
            "Assuming tariffs increase from 10% to 20%, we would expect to face a total of $185 "
            "million of impact in fiscal 2026, up from our previously provided estimate of $150 "
            "million.",
            [],
        ),
        # guidance moved on an assumption, nothing supposed that would be: moved
        (
            "Moving on to Motorcycle segment operating income margins, assuming a successful "
            "outcome regarding the EU tariff situation, our updated guidance is a range of 7% to "
            "9%, up from the previously communicated range of 6% to 8%.",
            ["guidance raised", "alt 7 9"],
        ),
    ],
    "guidance one is looking at giving is not given": [
        ("In terms of how we're looking at reinstating full year guidance, we intend to.", []),
        ("We are reinstating full year guidance.", ["guidance introduced"]),
    ],
    "a result in a clause of its own is no raise": [
        (
            "We expect the attached market to evolve at a rapid pace, and we are encouraged to "
            "see the attach rate of our solutions exceeding our initial expectations.",
            [],
        ),
        # a projection set against the first view after ", and" is still raised
        (
            "We now project the acquisition to contribute between $0.21 and $0.26 of adjusted "
            "earnings per share in 2021, and this is an increase from our original expectation.",
            ["guidance raised"],
        ),
    ],
    "a part named between a figure and its revenue's growth owns it": [
        (
            "Workday delivered solid results, with 15% subscription revenue growth and 28.5% "
            "operating margin.",
            ["growth 15 : subscription"],
        ),
        # a part named before it keeps its name: its own kind of revenue
        (
            "Entertainment DTC delivered 14% ad revenue growth in Q4.",
            ["growth 14 : Entertainment DTC ad"],
        ),
        ("We delivered 7% organic revenue growth.", ["growth 7 : company"]),
        ("We delivered 7% year-over-year revenue growth.", ["growth 7 yoy : company"]),
    ],
    "the whole said with its amount just before a growth owns it": [
        (
            "Professional services revenue was $188 million, resulting in total revenue of "
            "$2.432 billion, growth of 13%.",
            ["growth 13 : company"],
        ),
    ],
    "tripling and quadrupling are multiples, of what they act on": [
        (
            "In 2025, we grew revenue 10%, tripling our cloud revenue.",
            ["growth 10 : company", "growth 200 : cloud"],
        ),
        ("We doubled our services revenue.", ["growth 100 : services"]),
        ("We are tripling our capacity.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_seventh_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_result_against_guidance_is_no_forecast() -> None:
    (read,) = read_words("Revenue was above the high end of our outlook, up 10%.")
    assert (read.subject, read.value, read.forward) == (COMPANY, 0.10, False)


def test_revenue_alone_after_a_parts_figure_is_that_parts() -> None:
    text = "EIG sales were $1.37 billion, up 13% from last year.\nOrganic sales were up 2%.\n"
    assert [(s.subject, s.value) for s in read_words(text)] == [("EIG", 0.13)]
    # after the company's own figure, revenue alone is the company's
    text = "Revenue grew 10%.\nOrganic sales were up 2%.\n"
    assert [(s.subject, s.value) for s in read_words(text)] == [(COMPANY, 0.10), (COMPANY, 0.02)]
    # a total said with its amount is the company's, whatever came before
    text = "Europe grew 3%.\nRevenues increased 6.2% to $1.0 billion.\n"
    assert [(s.subject, s.value) for s in read_words(text)] == [
        ("Europe", 0.03),
        (COMPANY, 0.062),
    ]


_HEADER = (
    "Example Corp. Q1 2026 Earnings Call\n"
    "Company Participants\n"
    "Jane Roe - Chief Executive Officer\n"
    "Matthew Friend - Executive VP & CFO\n"
    "Conference Call Participants\n"
    "Piral Dadhania - RBC Capital Markets, Research Division\n"
    "Presentation\n"
    "Operator\n"
    "Welcome to the call.\n"
)


def test_the_header_lists_who_speaks_for_the_company() -> None:
    listed = participants(_HEADER)
    assert listed.company == {"jane roe", "matthew friend"}
    assert listed.analysts == {"piral dadhania"}
    assert participants("Revenue grew 5%.\nEurope - up 3%\n") == (frozenset(), frozenset())


def test_a_listed_speaker_is_the_company_whatever_the_turn_echoes() -> None:
    text = _HEADER + (
        "Operator: The next question comes from Piral Dadhania with RBC.\n"
        "Piral Dadhania: RBC Capital Markets, Research Division You said wholesale was up "
        "20%. I was wondering how September has progressed.\n"
        "Matthew Friend: Executive VP & CFO And to hit on the timing, you mentioned pull "
        "forward. Wholesale was up 11%.\n"
    )
    assert [(s.subject, s.value) for s in read_words(text)] == [("Wholesale", 0.11)]


_NAMES = st.lists(
    st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,9}", fullmatch=True),
    min_size=2,
    max_size=6,
    unique=True,
)


@given(_NAMES, st.integers(1, 60))
def test_a_turn_is_read_by_the_list_that_names_its_speaker(names: list[str], pct: int) -> None:
    """Whoever the header lists for the company is read, and whoever it lists as an analyst is
    not, whatever names they have and however the turn opens."""
    ours, theirs = names[0], names[1]
    text = (
        f"Company Participants\n{ours} - Chief Financial Officer\n"
        f"Conference Call Participants\n{theirs} - Some Bank, Research Division\n"
        "Presentation\n"
        f"{theirs}: Some Bank, Research Division Retail was up {pct + 1}%.\n"
        f"{ours}: Chief Financial Officer And you mentioned retail. Wholesale was up {pct}%.\n"
    )
    read = [(s.subject, round((s.value or 0) * 100)) for s in read_words(text)]
    assert read == [("Wholesale", pct)]


_AGAINST = st.sampled_from(["above", "below", "ahead of", "in line with", "within", "at"])
_END = st.sampled_from(["", "the high end of ", "the lower end of ", "the top end of "])
_NOUN = st.sampled_from(["guidance", "guidance range", "outlook", "expectations"])


@given(_AGAINST, _END, _NOUN, st.integers(1, 90), st.booleans())
def test_a_result_against_guidance_keeps_its_growth(
    against: str, end: str, noun: str, pct: int, up: bool
) -> None:
    """Revenue set against what was guided, however it is said, keeps its own growth, said
    after it, and is no forecast."""
    verb = "up" if up else "down"
    text = f"Revenue was {against} {end}our {noun}, {verb} {pct}%."
    (read,) = read_words(text)
    assert (read.kind, read.subject, read.forward) == ("growth", COMPANY, False)
    assert read.value is not None and round(read.value * 100) == (pct if up else -pct)


def test_a_brand_written_in_lower_case_is_the_company_it_opens_the_name_of() -> None:
    names = ("lululemon athletica inc.",)
    (read,) = read_words("Since 2018, lululemon tripled its annual revenue.", names=names)
    assert (read.subject, read.value) == (COMPANY, 2.0)
    # a place's name, written as names are, is the place's: "Texas" of "Texas Instruments"
    (read,) = read_words("Texas grew 5%.", names=("Texas Instruments Inc",))
    assert (read.subject, read.value) == ("Texas", 0.05)


def test_the_companys_own_name_before_a_part_is_left_out() -> None:
    text = "Workday delivered solid Q3 results, with 15% subscription revenue growth."
    (read,) = read_words(text, names=("Workday, Inc.",))
    assert (read.subject, read.value) == ("subscription", 0.15)
