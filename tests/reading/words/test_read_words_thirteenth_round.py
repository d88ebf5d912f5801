"""The thirteenth round's rules: a growth said in apposition to an amount of revenue, a name's
consolidated revenue, a part's name that holds a measure's word, and bases said with "above",
"below" or "during"; and, refused, a measure's share beside its amount, a measure carried into
a later clause, the cost of sales, issuance, and a prior view said against a figure of the
other direction. Made-up sentences, each beside what it states as test_read_words_classes.py
writes it ([] where nothing may be read), with a counterexample the rule must leave as it
was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a growth in apposition to an amount of revenue is that revenue's": [
        (
            "We reported revenue of $1.2 billion for the full year 2020, a decline of 8% "
            "compared to 2019.",
            ["growth -8 yoy : company"],
        ),
        (
            "Cloud revenues totaled $90 million for the fourth-quarter 2020, a substantial "
            "increase of 120% as compared to the prior year period.",
            ["growth 120 yoy : Cloud"],
        ),
        (
            "APAC reported revenues of $51.6 million in the second quarter, representing a 4% "
            "decline.",
            ["growth -4 : APAC"],
        ),
        (
            "We reported net sales of $179.9 million during the third quarter of 2021, which "
            "represents an increase of 22%, compared to $147.1 million during the third "
            "quarter of 2020.",
            ["growth 22 yoy : company"],
        ),
        (
            "Revenue for the quarter was $1.8 billion, an increase of 21%.",
            ["growth 21 : company"],
        ),
        (
            "Our Grid revenues, excluding Brazil, were $1.11 billion, a 5.7% increase when "
            "compared to the fourth quarter of 2019.",
            ["growth 5.7 yoy : Grid"],
        ),
        (
            "For the first nine months of the year, revenue at Northwind was $1.8 billion, an "
            "increase of 21% on an underlying basis.",
            ["growth 21 : Northwind"],
        ),
        (
            "Software as a service revenue for the second quarter was $87 million, an increase "
            "of 37% over the prior year quarter.",
            ["growth 37 yoy : Software as a service"],
        ),
        (
            "First on Technology Solutions revenue was $5.3 billion, up 5% or $258 million over "
            "the prior year quarter.",
            ["growth 5 yoy : Technology Solutions"],
        ),
        (
            "In the Prescription Technology Solutions segment revenues were $932 million, an "
            "increase of 40% driven by higher service offerings.",
            ["growth 40 : Prescription Technology Solutions segment"],
        ),
        # the amount of another measure keeps its growth
        ("Capital expenditures were $1.8 billion, an increase of 21%.", []),
        # a part named after "for" is no period
        (
            "Second-quarter revenue for Hireline was $6.2 million, down 15% from the first "
            "quarter.",
            ["growth -15 sequential : Hireline"],
        ),
    ],
    "a name's consolidated revenue is the company's": [
        (
            "However, Acme's reported consolidated revenue declined 5% sequentially, and "
            "EBITDA fell to $56 million.",
            ["growth -5 sequential : company"],
        ),
        (
            "Harrow consolidated revenues in the third quarter increased 7% compared with the "
            "prior year quarter to $544 million.",
            ["growth 7 yoy : company"],
        ),
        # consolidated revenue of a kind named is that kind's
        ("Consolidated leasing fee revenue declined 30%.", ["growth -30 : leasing fee"]),
        ("Acme's consolidated EBITDA declined 5%.", []),
    ],
    "a measure's amount and its period before the verb, a group's revenue": [
        (
            "As reported, sales of $298.6 million in the second quarter increased 20.9% year "
            "over year.",
            ["growth 20.9 yoy : company"],
        ),
        (
            "Cloud sales of $98.6 million in the second quarter increased 20.9% year over year.",
            ["growth 20.9 yoy : Cloud"],
        ),
        ("Customers with $100,000 in ARR grew 20%.", []),
        (
            "Excluding revenue from acquisitions, group revenue increased by 11% on a constant "
            "currency basis.",
            ["growth 11 : company"],
        ),
        (
            "Revenue in Italy equaled $469 million in the quarter, reflecting an increase of 57%.",
            ["growth 57 : Italy"],
        ),
        (
            "Turning to Page 6 for a summary of net sales for the fourth quarter; reported net "
            "sales declined 10% to $990 million.",
            ["growth -10 : company"],
        ),
    ],
    "a measure's qualifiers of currency, and a list's item of another measure": [
        (
            "The Color Group rebounded, delivering 7% adjusted local currency revenue growth and "
            "5% adjusted local currency profit growth.",
            ["growth 7 : Color Group"],
        ),
        (
            "Sales grew 10% in Europe and 3% in the U.S. this quarter.",
            ["growth 10 : Europe", "growth 3 : U.S."],
        ),
    ],
    "a part's revenue in a place is the part in the place, both named": [
        (
            "Consumer sales in the Asia Pacific region increased 55% in constant currency.",
            ["growth 55 : Consumer Asia Pacific region"],
        ),
        (
            "Digital marketing services revenue in the Publishing segment grew 41% year-over-year.",
            ["growth 41 yoy : Digital marketing services Publishing segment"],
        ),
        # a figure after "at" another name is that name's, not the first's
        (
            "In 2019, wholesale sales at Tommy Bahama decreased to 20% of revenue, and at Lilly "
            "Pulitzer 21% of revenue.",
            ["share 20 : Tommy Bahama"],
        ),
        (
            "Off-premise sales accounted for 28% of total sales at Olive Garden and 15% of total "
            "sales at LongHorn Steakhouse.",
            ["share 28 : Off-premise", "share 15 : Off-premise"],
        ),
        # a headline's verb of forecast names no part
        ("sees fy sales for carlisle brake & friction up more than 30%.", []),
    ],
    "a measure's word inside a part's name is the name's": [
        (
            "Our completion and production division revenue increased 10% sequentially, and "
            "operating income increased 8%.",
            ["growth 10 sequential : completion and production division"],
        ),
        # two measures joined are no part's name
        ("Margin and production division revenue increased 10%.", []),
        ("Operating income in our production business increased 10%.", []),
    ],
    "a base said with above, below or during": [
        (
            "Consolidated revenues of $66.6 billion increased 9% above the prior year.",
            ["growth 9 yoy : company"],
        ),
        (
            "Sales in the quarter were $132 million, 2% below prior quarter, but 12% above "
            "prior year at constant exchange rates.",
            ["growth -2 sequential : company", "growth 12 yoy : company"],
        ),
        (
            "Net revenue for the full year 2021 was $3.1 billion, a 97% increase, compared to "
            "full year 2020 revenue of $1.6 billion.",
            ["growth 97 yoy : company"],
        ),
        # a base said before "despite" is the figure's before it
        (
            "Restaurant level EBITDA margin was 17.9%, 140 basis points above last year "
            "despite the sales decline of 19%.",
            ["growth -19 : company"],
        ),
    ],
    "a share of a year's revenue, and a share reached": [
        ("Services accounted for 40% of 2021 revenue.", ["share 40 : Services"]),
        (
            "Net sales of products in the Water Flow business were approximately 60% of 2021 "
            "consolidated net sales.",
            ["share 60 ~ : Water Flow business"],
        ),
        (
            "Our e-commerce business accelerated to over 67% of our total revenues.",
            ["share 67 > : e-commerce business"],
        ),
        # a share of revenue estimated is a plan's, and a range is no one share
        (
            "Voltra represents approximately 20% to 25% of the estimated 2025 revenue from "
            "acquisitions.",
            [],
        ),
        ("Voltra represents approximately 25% of the projected revenue.", []),
    ],
    "a base named as a quarter of a year written short, or after an amount": [
        (
            "Revenues from our Solutions segment were $806 million, 36% lower than 4Q '19.",
            ["growth -36 yoy : Solutions segment"],
        ),
        (
            "Net sales for the third quarter of 2021 were $747 million, which is a 15.4% "
            "increase on a reported basis versus the $647.3 million in Q3 of 2020.",
            ["growth 15.4 yoy : company"],
        ),
        # a half against the half before is no year's base
        ("Revenue in the second half grew 5% over the first half of 2021.", ["growth 5 : company"]),
    ],
    "a category as a whole, a statement and basis points name no part": [
        (
            "With auto care, the U.S. category grew more than 10% as consumers changed.",
            [],
        ),
        ("Our Pet category grew 12%.", ["growth 12 : Pet category"]),
        (
            "On a same-unit basis, total volume was up 1.3% with hospital-based services up by 10 "
            "basis points and office-based services up by 5.2%.",
            [],
        ),
        (
            "Looking first at the P&L, consolidated net sales in the first quarter were $276.6 "
            "million, up $22.3 million or 8.7% versus Q1 last year.",
            ["growth 8.7 yoy : company"],
        ),
        ("Looking first at Europe, revenue grew 5%.", ["growth 5 : Europe"]),
    ],
    "a measure's share beside its amount leaves the measure its own": [
        (
            "Operating income of $90.9 million or 10% of sales grew $25.2 million or 38% "
            "compared to last year.",
            [],
        ),
        (
            "Cost of sales was $154 million, or 75% of mining revenues in the first quarter.",
            [],
        ),
        ("Cost of revenue increased 9% on higher headcount.", []),
    ],
    "a later clause with no measure of its own keeps the first clause's": [
        (
            "Our global tubes, cores and cones franchise volume rose by approximately 12%, and "
            "our global paper business increased by almost 3%.",
            [],
        ),
        (
            "Our Services revenue rose by 12%, and our global paper business increased by 3%.",
            ["growth 12 : Services", "growth 3 : paper business"],
        ),
    ],
    "an effect's part of a change, a cost of people and an amount of units are no revenue": [
        (
            "Revenues increased 11% with strong 9% organic growth and 2% positive currency impact.",
            ["growth 11 : company", "alt 9"],
        ),
        ("Sales grew 8%, including a 3% acquisition contribution.", ["growth 8 : company"]),
        ("Incentive compensation was 5.8% of net revenue in the quarter.", []),
        (
            "Seneca had strong operational results, producing 56 Bcfe, an increase of around 2% "
            "compared to last year's third quarter.",
            [],
        ),
        ("Sales were 24,624 homes, up 6%.", []),
        # an amount of money, or a year, before the growth keeps it revenue's
        ("Revenue was 4.8 billion, up 10%.", ["growth 10 : company"]),
        ("Revenue was $5 million for 2021 overall, up 5%.", ["growth 5 : company"]),
    ],
    "a growth to a count, consumption in the market, a frame of one technology": [
        ("This year, we saw a growth of over 125% to almost 30,000 students.", []),
        ("Sales rose 12% to 1.2 million units.", []),
        ("Revenue grew 10% to 4.8 billion dollars.", ["growth 10 : company"]),
        (
            "In APAC, sales were down 12% to last year and down 32% to 2019 as we face headwinds.",
            ["growth -12 yoy : APAC", "growth -32 : APAC"],
        ),
        ("Revenue increased 8% to 2,345 million in the year.", ["growth 8 : company"]),
        ("In-market performance was strong, growing 5% over the prior year quarter.", []),
        # a frame of one technology is a part; "by technology" how parts are cut
        (
            "In technology, revenues of $64.6 million increased 10.2% compared to Q4 of 2020.",
            ["growth 10.2 yoy : technology"],
        ),
    ],
    "what a change owes, a count of things, a goal over years, a forecast estimated": [
        (
            "The growth was 2.1% from recent acquisitions and 1.6% due to foreign currency "
            "translation tailwinds.",
            [],
        ),
        ("Revenue grew 8%, with 3% from acquisitions.", ["growth 8 : company"]),
        (
            "Core funeral revenues grew $95 million due to a 22% increase in the number of "
            "core funeral services performed.",
            [],
        ),
        ("And we remain committed to our long-term target of 20%.", []),
        ("We reaffirm our outlook for the year.", ["guidance reiterated"]),
    ],
    "a figure less is a decline": [
        (
            "Q2 revenue was 5% less year-over-year and in line with our expectations.",
            ["growth -5 yoy : company"],
        ),
        (
            "Engine Products year-over-year revenue was 7% less in the second quarter.",
            ["growth -7 yoy : Engine Products"],
        ),
        ("We spent 10% less on marketing.", []),
        (
            "Consolidated revenues of $2.52 billion are up $320 million or 14.5% over Quarter 3, "
            "2020.",
            ["growth 14.5 yoy : company"],
        ),
    ],
    "a growth at its figure, a service's name, an abbreviation's full stop": [
        (
            "Core revenue growth at 11% was a point above our top end guidance range.",
            ["growth 11 : company"],
        ),
        ("Margin growth at 5% was in line.", []),
        (
            "Wealth and investment management revenues rose 7%, driven by the onboarding of new "
            "clients.",
            ["growth 7 : Wealth and investment management"],
        ),
        ("Capital investment grew 20%.", []),
        (
            "Sales grew 10% in Europe and 3% in the U.S.",
            ["growth 10 : Europe", "growth 3 : U.S."],
        ),
    ],
    "issuance is no revenue": [
        (
            "In the third quarter, MIS revenue and rated issuance increased 12% and 11%, "
            "respectively.",
            ["growth 12 : MIS"],
        ),
    ],
    "a view against the prior one takes the direction said nearest it": [
        (
            "High-yield bond issuance is expected to increase by approximately 20%, slightly "
            "lower than our prior outlook.",
            ["guidance cut"],
        ),
        ("We now expect revenue to increase 5%, above our prior outlook.", ["guidance raised"]),
        (
            "This is up from our previous $11.25 billion as we have confidence in our momentum.",
            ["guidance raised"],
        ),
        ("Sales were $5 billion, up from our previous record of $4.5 billion.", []),
        (
            "Our revised guidance assumes core growth of 7% to 9%, which is 200 basis points "
            "higher than our prior March guidance.",
            ["guidance raised"],
        ),
    ],
    "guidance said unchanged in other words": [
        (
            "Moving to free cash flow, our guide of 2.8% to 2.9% remains intact.",
            ["guidance reiterated"],
        ),
        (
            "Related to cash flow, we are not changing our full year free cash flow guidance.",
            ["guidance reiterated"],
        ),
        (
            "We are not changing the range of spending we provided in February.",
            ["guidance reiterated"],
        ),
        # a view of the world unchanged is no guidance
        ("We are not changing our view that demand will recover.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_a_thirteenth_round_rule(text: str, expected: list[str]) -> None:
    _check(text, expected)
