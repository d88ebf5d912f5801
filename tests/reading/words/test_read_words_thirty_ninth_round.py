"""The thirty-ninth round's rules, found on calls of 2025 and 2026 of the transcript publisher
the thirty-seventh round first read, once their labelled sets had been scored: a relative
clause or an exclusion set between a subject and its verb of change is no word of the clause
(its closing comma said or unsaid, a list in it said to its "and"), a speaker's aside after a
relative pronoun, guidance said unchanged before its noun, customers of a kind named with
"our" are a market, and results said cut by a dimension. Made-up sentences, each beside what
it states as test_read_words_classes.py writes it ([] where nothing may be read), with a
counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words.between import blank_between
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a clause between a subject and its verb of change is no word of the clause": [
        (
            "Sales of test systems, which include oscilloscopes, protocol analyzers and traffic "
            "generators increased 1.4% year-over-year.",
            ["growth 1.4 yoy : test systems"],
        ),
        (
            "Sales of test systems, which include oscilloscopes, protocol analyzers and traffic "
            "generators, increased 1.4% year-over-year.",
            ["growth 1.4 yoy : test systems"],
        ),
        (
            "Specifically, sales of imaging components and subsystems, many of which are used in "
            "unmanned systems, increased over 20%.",
            ["growth 20 > : imaging components and subsystems"],
        ),
        (
            "Organic revenue, which excludes any impact from foreign exchange, acquisitions and "
            "deferred revenue amortization increased 5%.",
            ["growth 5 : company"],
        ),
        (
            "The Industrial segment, which is composed of turbines, oil and gas and general "
            "industrial was up 14%.",
            ["growth 14 : Industrial segment"],
        ),
        # a list a subject includes, its closing comma said or not
        (
            "Institutional markets, including education, health care and government are also "
            "strong and represent 21% of our revenue.",
            ["share 21 : Institutional markets"],
        ),
        (
            "Sales in the Americas, including the U.S., Canada and Mexico, grew 5%.",
            ["growth 5 : Americas"],
        ),
        (
            "The Engineered Products segment, which is comprised of our structures and engineered "
            "core businesses represented 24% of total sales.",
            ["share 24 : Engineered Products segment"],
        ),
        # one part included, no list: the verb may be its own
        ("Revenue, including Canada grew 5%.", []),
        # a frame's clause, a new subject after its closing comma: the frame's part
        (
            "In the Instrumentation segment, which consists of our marine, environmental and "
            "test and measurement businesses, fourth quarter total sales increased 3.7% versus "
            "last year.",
            ["growth 3.7 yoy : Instrumentation segment"],
        ),
        # a clause that is a measure's own words keeps it that measure's
        (
            "Adjusted operating income, which excludes transaction costs and special charges "
            "declined 4%.",
            [],
        ),
        # a clause that names no part of its antecedent is left as it was
        (
            "Our Government business, which is managed within Legal, continues and grew 10%.",
            ["growth 10 : Government business"],
        ),
    ],
    "a speaker's aside after a relative pronoun is no word of the clause": [
        (
            "Our fiscal 2026 revenue guidance range, which as Mike mentioned, is unchanged, is "
            "high single digit growth.",
            ["guidance reiterated"],
        ),
        (
            "Our fiscal 2026 revenue guidance range, which is unchanged, is high.",
            ["guidance reiterated"],
        ),
    ],
    "guidance said unchanged before its noun stands": [
        (
            "Bookings continue to support our unchanged 2026 defense guidance for mid-single "
            "digit growth.",
            ["guidance reiterated"],
        ),
        # an assumption said unchanged is no guidance
        ("The unchanged tax rate assumption is 21%.", []),
    ],
    "guidance said higher before its noun, its year written short, is raised": [
        (
            "What's notable to me about our higher FY '26 outlook is that it's broad-based.",
            ["guidance raised"],
        ),
        # the higher end of a range is no move
        ("Revenue came in toward the higher end of our FY '26 guidance range.", []),
    ],
    "an outlook said moderated or softened is cut, over more words of what it is for": [
        (
            "But I would say that our outlook for margins for '26 overall have moderated.",
            ["guidance cut"],
        ),
        ("Our outlook for the remainder of the year has improved.", ["guidance raised"]),
        ("Our full-year outlook has softened.", ["guidance cut"]),
        # another's moderation moves no guidance
        ("Demand has moderated.", []),
    ],
    "guidance raised said by its noun, or after its period and which": [
        (
            "Our first half performance supports another raise to our earnings per share "
            "guidance, which Jay will cover.",
            ["guidance raised"],
        ),
        (
            "Now moving on to our updated guidance for 2021, which we are raising as a result of "
            "our first quarter performance.",
            ["guidance raised"],
        ),
        # raised before this call, a little or not: only what is done now
        (
            "We also affirm our capital expenditures forecast for this year, which we increased a "
            "bit in February to the range of $320 million to $330 million.",
            ["guidance reiterated"],
        ),
        ("We expect a raise to our dividend.", []),
    ],
    "guidance said beside its move at the midpoint is moved so": [
        (
            "As it relates to fiscal '20 our updated earnings guidance is $2.75 to $2.85 per "
            "share, a decrease of $0.10 at the midpoint.",
            ["guidance cut"],
        ),
        (
            "Our guidance is now $5.1 billion to $5.3 billion, an increase of $100 million at the "
            "midpoint.",
            ["guidance raised"],
        ),
        # what a midpoint implies is no move
        (
            "Our guidance is $5.1 billion to $5.3 billion, which implies growth of 4% at the "
            "midpoint.",
            [],
        ),
    ],
    "what offset a part's growth is what is named after it": [
        (
            "Aerospace segment sales growth was partially offset by a 6% decrease in commercial "
            "OEM sales.",
            ["growth -6 : commercial OEM"],
        ),
        # another measure, or nothing, named after it: none
        ("Revenue growth was partially offset by a 6% decrease in volumes.", []),
        ("Sales growth was offset by a 6% decrease.", []),
    ],
    "a part's growth said by its revenue before the noun, after what drove the whole": [
        (
            "We are very pleased to report strong Q1 results with 7% revenue growth driven by 11% "
            "product revenue growth.",
            ["growth 7 : company", "growth 11 : product"],
        ),
        (
            "Revenue grew 2%, offset by a 5% hardware sales decline.",
            ["growth 2 : company", "growth -5 : hardware"],
        ),
        # a measure that is no part's revenue: none of a part's, the comparable sales' own
        # (round 54: comps.py reads them said after their figure)
        (
            "Revenue grew 7%, led by 11% same store sales growth.",
            ["growth 7 : company", "growth 11 : same store sales"],
        ),
    ],
    "a qualifier of how revenue is reported names no part": [
        ("For the second quarter, total as-reported revenue grew 10%.", ["growth 10 : company"]),
    ],
    "revenue alone, in constant currency or excluding something, after a framed part": [
        (
            "In AST, orders were up 5% and margins expanded. Constant currency organic revenue "
            "grew 7% for the quarter.",
            [],
        ),
        (
            "In Climate Solutions, orders rose 9%. Excluding these acquisitions, organic sales "
            "increased 15% from prior year.",
            [],
        ),
        # after the company's own figure it is the company's
        (
            "Total revenue grew 9%. Constant currency organic revenue grew 7% for the quarter.",
            ["growth 9 : company", "growth 7 : company"],
        ),
    ],
    "revenue's own amount before with is the whole's, no count": [
        (
            "We delivered net sales of $3.8 billion with organic sales up 1%.",
            ["growth 1 : company"],
        ),
        # a count before with is what is measured: theirs
        ("Customers with $100,000 in ARR grew 20%.", []),
    ],
    "a share's whole may follow its period or be the total company": [
        ("China represents 11% for the year of our total revenue.", ["share 11 : China"]),
        (
            "For the full year, professional segment net sales, which comprised about 80% of the "
            "total company, rose 1.9%.",
            ["share 80 ~ : professional segment", "growth 1.9 : professional segment"],
        ),
        # a count of the total company is none
        ("That is 80% of the total company count.", []),
    ],
    "third-party sales are the sales of the part they are said of": [
        (
            "In China, full year third-party sales decreased 12% in local currency.",
            ["growth -12 : China"],
        ),
        ("Third-party sales rose 4%.", ["growth 4 : company"]),
    ],
    "a figure's sign is no move of guidance where the range is said improving": [
        (
            "For Performance Technologies, we're raising our sales outlook with revenue now "
            "anticipated to be flat to down 7%, improving from the prior range of down 2% to 12%.",
            ["guidance raised"],
        ),
        (
            "We now expect revenue to be down 7%, worse than our prior outlook.",
            ["guidance cut", "growth -7 : company"],
        ),
    ],
    "a result above what was expected, in a clause of its own, moves no guidance": [
        (
            "Second quarter revenue of $665.5 million was at the high end of our guidance, and "
            "non-GAAP EPS of $1.67 was well above our prior expectations.",
            [],
        ),
        # a forecast in the same clause still moves it
        (
            "We now expect revenue of $5 billion, which was above our prior guidance.",
            ["guidance raised"],
        ),
    ],
    "a programme's savings or synergy target is no guidance": [
        (
            "Additionally, we are pleased to announce that we are increasing our AMP run rate "
            "savings target to $125 million.",
            [],
        ),
        ("As a result, we are raising our cost synergy targets to $100 million.", []),
        # a target of the company's results, and guidance beside a savings target, still move
        ("We are raising our revenue target for 2026.", ["guidance raised"]),
        ("We are raising our guidance and our savings target.", ["guidance raised"]),
    ],
    "customers of a kind named with our are a market": [
        (
            "Sales to our independent retail customers decreased 3% for the year and 4% in the "
            "fourth quarter.",
            [
                "growth -3 : independent retail customers",
                "growth -4 : independent retail customers",
            ],
        ),
        # customers with no kind, or with a rank, are customers
        ("Sales to our customers decreased 3%.", []),
        ("Sales to our largest retail customers decreased 3%.", []),
    ],
    "a growth a cause resulted in is the part's whose revenue is named after it": [
        (
            "During 2025, strong aircraft utilization resulted in 6% growth in aftermarket "
            "revenues.",
            ["growth 6 : aftermarket"],
        ),
        (
            "Higher utilization led to 6% growth in aftermarket revenues.",
            ["growth 6 : aftermarket"],
        ),
        # another measure, or units, named after it: none
        ("This resulted in 6% growth in earnings.", []),
        ("This resulted in 6% growth in unit sales.", []),
        # a bank's profit before provisions is no revenue, spelled as one word or two
        ("This resulted in a 6% increase in adjusted preprovision net revenue.", []),
        # revenue named before the noun is the company's, as it was
        ("Cost actions resulted in 10.6% organic revenue growth.", ["growth 10.6 : company"]),
    ],
    "sales to retail customers are the company's where franchisees are named": [
        (
            "Sales to our independent retail customers decreased 3% for the year. For the "
            "franchise network, sales from franchisees to their end customers declined 2%.",
            ["growth -3 : independent retail customers"],
        ),
        # a system's retail sales stay its franchisees'
        ("Our franchisees' retail sales grew 8.5%. Franchisee count rose 3%.", []),
    ],
    "a growth of the top line, written in two words, is revenue's": [
        ("Our 7% top line growth this year is a testament to our teams.", ["growth 7 : company"]),
        ("We ended the year at a 5% service top line growth.", ["growth 5 : service"]),
    ],
    "a mix whose items each say their revenue gives each its share": [
        (
            "We delivered a strong Q1, growing revenue 7% to $822 million, with a mix of 50% "
            "product revenue and 50% services revenue.",
            ["growth 7 : company", "share 50 : product", "share 50 : services"],
        ),
        # a mix of what, unsaid
        ("We saw a mix of 60% systems and 40% optics in orders.", []),
    ],
    "a quarter of the fiscal year before written FY '25 is a year over year base": [
        (
            "Systems revenue totaled $218 million, up 37% over Q1 FY '25.",
            ["growth 37 yoy : Systems"],
        ),
    ],
    "a part's top line is its revenue": [
        ("Pool grew its top line 7%.", ["growth 7 : Pool"]),
        ("Overall, we grew our top line 4%.", ["growth 4 : company"]),
        # a line that is no revenue's: none
        ("Pool grew its bottom line 7%.", []),
    ],
    "sales to a kind of buyer are a part": [
        (
            "For the full year, our sales to communications networks increased by 134%.",
            ["growth 134 : communications networks"],
        ),
        ("Sales to distributors rose 5%.", ["growth 5 : distributors"]),
        # a buyer named, ranked, or pointed at is a customer, no part
        ("Sales to Apple rose 5%.", []),
        ("Sales to our largest distributors rose 5%.", []),
        ("Wholesale sales to these retailers were down over 50%.", []),
    ],
    "a steady or consistent growth is a growth": [
        (
            "We delivered consistent organic sales growth of more than 3% for the year.",
            ["growth 3 > : company"],
        ),
        ("We delivered steady sales growth of 4%.", ["growth 4 : company"]),
        # another measure's steady growth is still that measure's
        ("We delivered steady EPS growth of 4%.", []),
    ],
    "a comparison of a growth before is that growth, of the same part": [
        (
            "Revenue grew 4% in the quarter despite a challenging comparison of 7% growth in the "
            "same period last year.",
            ["growth 4 : company", "growth 7 : company"],
        ),
        (
            "Welding organic revenue declined 4% against a tough comparison of 8% growth last "
            "year.",
            ["growth -4 : Welding", "growth 8 : Welding"],
        ),
        # a market's growth compared against is none
        ("Revenue grew 4%, compared to 7% growth in the market.", ["growth 4 : company"]),
    ],
    "a frame of two years' basis is the basis of the growth it frames": [
        ("On a two-year basis, revenue grew 12%.", ["growth 12 2y : company"]),
        (
            "However, on a 2-year basis, fourth quarter sales in Florida were still up 2%.",
            ["growth 2 : Florida"],
        ),
        # a stack is two years' rates added up, no growth; years said otherwise, none
        ("On a 2-year stack, Electrical Americas has grown 23% organically.", []),
        ("Over the last two years, revenue grew 12%.", []),
    ],
    "results said cut by a dimension name parts": [
        (
            "Looking at our results by product category, chemicals were down 1% for the year.",
            ["growth -1 : chemicals"],
        ),
        (
            "If we look at our results by product category, chemicals were down 1% for the year.",
            ["growth -1 : chemicals"],
        ),
        # a lower-case word framed by no dimension is no part
        ("Looking at our results, chemicals were down 1% for the year.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_ninth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_clause_between_keeps_the_sentences_offsets() -> None:
    sentence = (
        "Sales of test systems, which include oscilloscopes, analyzers and generators "
        "increased 1.4%."
    )
    blanked = blank_between(sentence)
    assert len(blanked) == len(sentence)
    assert "which" not in blanked and blanked.startswith("Sales of test systems ")
    assert blanked.split() == ["Sales", "of", "test", "systems", "increased", "1.4%."]


def test_a_clause_before_another_subject_is_blanked_to_its_closing_comma() -> None:
    # a comma after which no "and" stands opens another clause, its subject its own: the
    # clause before it is blanked, its closing comma kept for the frame it ends
    sentence = (
        "For the benefit lines, which include LTD, STD, life, AD&D and stop loss, total sales "
        "declined by 3.1%."
    )
    blanked = blank_between(sentence)
    assert blanked.split() == ["For", "the", "benefit", "lines", ",", "total", "sales"] + [
        "declined",
        "by",
        "3.1%.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause with a figure of its own
        "Revenue, which includes 3% from acquisitions, grew 9%.",
        # a clause of what was, no part of its antecedent
        "Revenue, which was another strong quarter for us, grew 9%.",
    ],
)
def test_a_clause_that_may_hold_the_verbs_subject_is_kept(sentence: str) -> None:
    assert blank_between(sentence) == sentence
