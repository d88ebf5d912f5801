"""The tenth round's constructions of English, each chosen because it recurs across many calls
(counted over a public corpus of some 4,800 transcripts, none of whose sentences is used here):
made-up sentences, each beside what it states as test_read_words_classes.py writes it, or
nothing where the construction gives no figure of revenue."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

CONSTRUCTIONS: dict[str, list[tuple[str, list[str]]]] = {
    "a measure's qualifiers before revenue's word": [
        ("Coatings posted 7% net sales growth.", ["growth 7 : Coatings"]),
        ("In pet care, we delivered 6.5% adjusted revenue growth.", ["growth 6.5 : pet care"]),
        ("We delivered 9% operational revenue growth.", ["growth 9 : company"]),
        # a qualifier of no revenue keeps its figure out
        ("We posted 6% net income growth.", []),
        (
            "We delivered 9% operational revenue growth and 10% operational growth in "
            "adjusted net income.",
            ["growth 9 : company"],
        ),
    ],
    "an article's adjectives and a period before a figure": [
        ("We delivered a meaningful 5% net sales growth in the quarter.", ["growth 5 : company"]),
        ("Valves posted another solid quarter of 14% organic growth.", ["growth 14 : Valves"]),
        ("Net sales were $210 million, a modest 0.6% decline.", ["growth -0.6 : company"]),
    ],
    "a quarter of the year before as a base": [
        (
            "Sales grew 12% during the quarter over the third quarter of the prior year.",
            ["growth 12 yoy : company"],
        ),
        (
            "Revenue increased 9% over the first quarter of this year.",
            ["growth 9 sequential : company"],
        ),
    ],
    "a growth in a part named by a preposition, then its figure": [
        ("Our organic growth in Brazil was 31%.", ["growth 31 : Brazil"]),
        ("Revenue growth in our Metals segment of 12.5% led the year.", ["growth 12.5 : Metals"]),
        ("Growth in Canada was 8%.", ["growth 8 : Canada"]),
        # a growth in a measure that is no revenue
        ("Operating income growth in Canada was 8%.", []),
        ("Growth in EPS was 8%.", []),
        # a figure said later in the clause is another's
        (
            "A 4% decline in Europe was offset by 2% growth in Asia.",
            ["growth -4 : Europe", "growth 2 : Asia"],
        ),
    ],
    "a share of a period's revenue, and a share of another whole after it": [
        (
            "Retail is our largest segment, representing 61% of trailing 12-month revenue and "
            "48% of segment profit.",
            ["share 61 : Retail"],
        ),
        (
            "The auto market represented 18% of our sales in the quarter and 16% of our sales "
            "for the full year.",
            ["share 18 : auto market", "share 16 : auto market"],
        ),
    ],
    "what a part saw its revenue do": [
        ("Staffing saw revenue decline 11%.", ["growth -11 : Staffing"]),
        ("Our Lighting segment saw sales increase 9% in the quarter.", ["growth 9 : Lighting"]),
        ("We saw orders increase 10%.", []),
        ("Our portfolio saw revenue per unit rise 3%.", []),
    ],
    "revenue a verb acted on names whose growth it is": [
        (
            "We had a good quarter, growing total broadband revenue by 4.2% year-over-year.",
            ["growth 4.2 yoy : broadband"],
        ),
        ("We grew consolidated revenues 3% in the year.", ["growth 3 : company"]),
        ("We grew revenue per user by 3%.", []),
    ],
    "revenue's word heads its phrase": [
        (
            "Content licensing revenues were up 6% in the quarter.",
            ["growth 6 : Content licensing"],
        ),
        (
            "Production tools revenue of $1.1 billion was up 5% sequentially.",
            ["growth 5 sequential : Production tools"],
        ),
        ("Sales volume grew 5%.", []),
        # revenue sharing one verb and figure with another measure has it (the thirty-eighth round)
        ("Orders and sales grew 5%.", ["growth 5 : company"]),
        ("SG&A as a percentage of revenue was 21%, up 10% year-over-year.", []),
    ],
    "one name holding a place and a part": [
        ("Packaging North America sales increased 4%.", ["growth 4 : Packaging North America"]),
        ("Our Mainland China business grew 12%.", ["growth 12 : Mainland China business"]),
        ("Continental Europe grew 18.5%.", ["growth 18.5 : Continental Europe"]),
        # the figure's own words name the part
        (
            "Acme's business in Greater China reached $2 billion in sales, led by 40% growth on "
            "the Mainland.",
            [],
        ),
    ],
    "a concession ends a growth's basis words": [
        (
            "Digital grew 30% in the quarter despite store closures, and Europe saw a "
            "sequential improvement.",
            ["growth 30 : Digital"],
        ),
    ],
    "an item left out leaves a measure of the company's": [
        ("Excluding the divested unit, total revenue grew 4.5%.", ["growth 4.5 : company"]),
        ("Outside the U.S., revenue grew 6%.", []),
    ],
    "a growth set as the base of the growth before it": [
        (
            "Online sales grew 12% on top of 95% growth in the fourth quarter of 2020.",
            ["growth 12 : Online", "growth 95 : Online"],
        ),
        (
            "Total revenues increased 3% compared to a 15% decline in the second quarter.",
            ["growth 3 : company", "growth -15 : company"],
        ),
        (
            "Organic sales declined 12% in the quarter versus 4% growth in the third quarter "
            "last year.",
            ["growth -12 : company", "growth 4 : company"],
        ),
        # a base of something else's growth
        ("Revenue grew 5% compared to a 10% increase in the market.", ["growth 5 : company"]),
        ("Our business declined 7% compared to the 20% decline in our market.", []),
    ],
    "a pro forma figure is a measure, no hedge (eleventh round)": [
        (
            "On a pro forma basis, revenues improved 51% over the prior year.",
            ["growth 51 yoy : company"],
        ),
        ("Consolidated pro forma revenue increased 13%.", ["growth 13 : company"]),
        ("Pro forma revenue would have grown 5% had we owned it all year.", []),
    ],
    "'respectively' after a verb that reports the noun of change (eleventh round)": [
        (
            "E&I, M&M and W&P reported organic growth of 14%, 8% and 1%, respectively.",
            ["growth 14 : E&I", "growth 8 : M&M", "growth 1 : W&P"],
        ),
        (
            "Sales were up in all three segments, with Seeds and Crops reflecting growth of 9% "
            "and 3%, respectively.",
            ["growth 9 : Seeds", "growth 3 : Crops"],
        ),
    ],
    "an apposition naming a part's kind makes its antecedent a part (eleventh round)": [
        (
            "Pet care, our second largest category, was up 14% over the prior year.",
            ["growth 14 yoy : Pet care"],
        ),
    ],
    "'advanced' as a verb of growth": [
        (
            "Sales in our Europe region advanced 6% on a constant currency basis.",
            ["growth 6 : Europe region"],
        ),
        ("Unit volumes advanced 5% over the prior year.", []),
    ],
    "a sign said as a word": [
        ("Our net revenues grew by plus 6.4% on an organic basis.", ["growth 6.4 : company"]),
    ],
    "an estimate is guidance's noun, of a measure or a period": [
        (
            "We have reduced our estimate for full year capital spending by $40 million.",
            ["guidance cut"],
        ),
        ("We are raising our 2022 sales estimate.", ["guidance raised"]),
        ("We are increasing our estimate of the storm's impact by $10 million.", []),
        ("Analysts raised their estimates.", []),
        ("Revenue was higher than our previous estimate.", []),
    ],
    "guidance given before, named without a determiner": [
        (
            "Interest expense is now expected to be about $90 million, higher than previous "
            "guidance.",
            ["guidance raised"],
        ),
        (
            "The revised forecast is modestly higher than the estimate we provided in May.",
            ["guidance raised"],
        ),
    ],
    "guidance moved said otherwise": [
        ("Adjusted EPS of $3.10 to $3.20, up from $3.00 to $3.10.", ["guidance raised"]),
        (
            "We now see sales of $5 billion to $5.2 billion, down from $5.3 billion to "
            "$5.5 billion.",
            ["guidance cut"],
        ),
        ("Our outlook for the year has improved.", ["guidance raised"]),
        ("Results support our improved outlook for the year.", ["guidance raised"]),
        ("Higher bonus expense came with our improved outlook.", []),
        ("Our outlook for the market has improved.", []),
        ("Despite our outlook for an improved operating environment, forecasting is hard.", []),
        (
            "Our tax rate will be in the low 20% range, which is unchanged from our outlook "
            "given in February.",
            ["guidance reiterated"],
        ),
        ("We are providing only first quarter guidance at this time.", ["guidance introduced"]),
        ("We anticipate providing full year 2023 guidance in February.", []),
        ("We increased and narrowed our full year EPS guidance.", ["guidance raised"]),
        (
            "We have initiated adjusted EBITDA guidance of $800 million to $850 million.",
            ["guidance introduced"],
        ),
    ],
    "guidance said higher, lower or unchanged against itself": [
        (
            "This is an increase of 20 basis points compared to our previous full year guidance.",
            ["guidance raised"],
        ),
        (
            "Our segment margin guidance is 10 basis points higher at 11.5% to 11.7%.",
            ["guidance raised"],
        ),
        ("Our EPS guidance is now up by about $1 since our initial guidance.", ["guidance raised"]),
        ("Our prior revenue guidance was up low double digits.", []),
        ("The midpoint of our guidance is at the lower end of last year's guidance.", []),
        ("This is reflected in the substantial improvement in our outlook.", ["guidance raised"]),
        (
            "We are updating our free cash flow guidance to the upper end of the prior range.",
            ["guidance raised"],
        ),
        (
            "We believe we're in a position to provide quantitative guidance for the fourth "
            "quarter.",
            ["guidance introduced"],
        ),
        (
            "Gross margin is expected to be flat, in line with our previously provided outlook.",
            ["guidance reiterated"],
        ),
        (
            "We are lowering our expected adjusted operating income growth for the year.",
            ["guidance cut"],
        ),
        ("We are reconfirming double digit adjusted EPS growth in 2022.", ["guidance reiterated"]),
        ("We are increasing our expected investment in marketing.", []),
    ],
    "a list of the largest customers goes on while it names them": [
        (
            "Now let me cover our largest customers as a percentage of revenue. Acme Power was "
            "18% of revenue. Revenue for Globex includes several services. Initech Energy was "
            "6% of revenue. Hooli and Vandelay were each 4% of revenue.",
            [],
        ),
        ("Highlights included our work with Globex, whose revenue more than doubled.", []),
    ],
    "an alternative figure against a base of its own": [
        (
            "Asia grew 22.5% or 3.1% versus 2019.",
            ["growth 22.5 : Asia", "growth 3.1 yoy : Asia"],
        ),
        # another measure of the same growth shares its base
        (
            "Revenue was up 8% or 6% in constant currency versus last year.",
            ["growth 8 yoy : company", "alt 6"],
        ),
    ],
    "another measure of a part beside its revenue": [
        (
            "Mining adjusted EBITDA of $40 million was up 2% sequentially and a 12% increase in "
            "revenue.",
            ["growth 12 : Mining"],
        ),
        (
            "Turning to the segments, Prepared Foods volume decreased 3%, sales increased 15% "
            "and segment profit was flat.",
            ["growth 15 : Prepared Foods"],
        ),
        ("Strong demand drove global Gaming revenue up 11%.", ["growth 11 : Gaming"]),
        ("Higher prices drove margins up 2%.", []),
    ],
    "a comparison word said as an adjective": [
        ("We delivered an approximate 30% sales increase.", ["growth 30 ~ : company"]),
        (
            "Sales were $700 million, an increase by more than 20% from the prior year.",
            ["growth 20 > yoy : company"],
        ),
        (
            "Spares and repairs, sales were up overall more than 50%.",
            ["growth 50 > : Spares and repairs"],
        ),
    ],
    "a word of talk, a verb or a period is no part's name: none is given it": [
        # (the eighteenth round: a verb whose object the growth is leaves the clause's subject
        # whose it is)
        (
            "Our total sales of $2 billion reflect growth of 12% over last year.",
            ["growth 12 yoy : company"],
        ),
        # "results" names no part; the revenue said with its own verb is the company's (the
        # twentieth round: "outpaced" is a verb, so the clause's subject is read whole)
        (
            "Our quarterly results outpaced expectations with revenue growing 5%.",
            ["growth 5 : company"],
        ),
        # "this past quarter" is a period, so "that" is the revenue (the sixteenth round)
        (
            "Our revenue this past quarter was $60 million and that's up 12%.",
            ["growth 12 : company"],
        ),
    ],
    "a bare measure after a clause whose subject is a part": [
        (
            "And our international business was also strong, with sales increasing 44%.",
            ["growth 44 : international business"],
        ),
        ("We had a strong quarter, with sales up 40%.", ["growth 40 : company"]),
        # a name after the figure, or a speaker before the company's own words, is no part
        ("Revenue Growth of 150% Fueled by Global Licensing Deals", ["growth 150 : company"]),
        (
            'Jane Roe, Chief Financial Officer, said: "We delivered revenues of $9 billion, up '
            '11% year-on-year."',
            ["growth 11 yoy : company"],  # the company's own words, no part's
        ),
    ],
    "respectively pairs revenue with its figure beside another measure": [
        (
            "Revenue and adjusted EBITDA increased 12.5% and 20%, respectively.",
            ["growth 12.5 : company"],
        ),
        (
            "Sales and adjusted operating income are up 11% and 7% year-over-year respectively, "
            "both of which include a 2% benefit from currency.",
            ["growth 11 yoy : company"],
        ),
        ("Retail revenues and transactions grew 5% and 8%, respectively.", ["growth 5 : Retail"]),
        ("Orders and revenue in Europe were up 12% and 8%, respectively.", []),
        (
            "Hardware and software revenue grew 5% and 7%, respectively.",
            ["growth 5 : Hardware", "growth 7 : software"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(CONSTRUCTIONS))
def test_a_recurring_construction_is_read(text: str, expected: list[str]) -> None:
    _check(text, expected)
